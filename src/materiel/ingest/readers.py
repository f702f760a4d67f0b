"""Readers for `.txt` (with optional YAML front matter), `.html`, `.jsonl`,
folders and `-`. Each bad input yields a `ReadError` and the rest go on."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from materiel.exc import InputError
from materiel.ingest.decode import decode

MAX_BYTES = 100 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass
class RawDocument:
    id: str
    text: str
    lang: str | None = None
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadError:
    where: str
    message: str


Item = RawDocument | ReadError


def read_inputs(paths: Iterable[str], max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Documents from each path in turn (folders recursively, sorted)."""
    for name in paths:
        if name == "-":
            yield from _read_stdin(max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _readable_suffix(p))
            for file in files:
                yield from read_file(file, max_bytes)
        else:
            yield from read_file(path, max_bytes)


def _readable_suffix(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES and path.name != "README.md"


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                yield from read_jsonl(handle, str(path), max_bytes)
            return
        data = _read_bytes(path, max_bytes)
        if suffix in HTML_SUFFIXES:
            yield html_document(str(path), decode(data))
        else:
            yield text_document(str(path), decode(data))
    except InputError as err:
        yield ReadError(str(path), str(err))
    except OSError as err:
        yield ReadError(str(path), f"cannot read: {err.strerror or err}")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"file too large ({size / 2**20:.0f} MiB > {max_bytes / 2**20:.0f} MiB limit); "
            "split it or raise --max-bytes"
        )
    return path.read_bytes()


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield ReadError("-", f"standard input larger than the {max_bytes / 2**20:.0f} MiB limit")
        return
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(data.splitlines(keepends=True), "-", max_bytes)
        return
    try:
        yield text_document("-", decode(data))
    except InputError as err:
        yield ReadError("-", str(err))


def text_document(name: str, text: str) -> RawDocument:
    meta, body = split_front_matter(text)
    if not body.strip():
        raise InputError("empty document")
    return RawDocument(
        id=str(meta.get("id") or name),
        text=body,
        lang=_opt(meta.get("lang")),
        date=_opt(meta.get("date")),
        meta=meta,
    )


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """A leading `---` block of YAML metadata, and the body after it."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0 or end > 4000:
        return {}, text
    try:
        meta = yaml.safe_load(text[4:end])
    except yaml.YAMLError:
        return {}, text
    if not isinstance(meta, dict):
        return {}, text
    return {str(k): v for k, v in meta.items()}, text[end + 5 :]


def html_document(name: str, html: str) -> RawDocument:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError("no main text found in the HTML")
    meta: dict[str, Any] = {}
    found = trafilatura.extract_metadata(html)
    if found is not None:
        meta = {
            k: v
            for k, v in found.as_dict().items()
            if k in ("title", "date", "url", "sitename") and v
        }
    return RawDocument(id=name, text=text, date=_opt(meta.get("date")), meta=meta)


def read_jsonl(lines: Iterable[bytes], name: str, max_bytes: int) -> Iterator[Item]:
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield ReadError(where, "line larger than the size limit")
            continue
        try:
            yield _json_document(raw, where)
        except InputError as err:
            yield ReadError(where, str(err))


def _json_document(raw: bytes, where: str) -> RawDocument:
    try:
        record = json.loads(decode(raw))
    except json.JSONDecodeError as err:
        raise InputError(f"malformed JSON ({err.msg} at column {err.colno})") from err
    if not isinstance(record, dict):
        raise InputError("a line must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("no 'text' in the object")
    meta = {k: v for k, v in record.items() if k != "text"}
    return RawDocument(
        id=str(record.get("id") or where),
        text=text,
        lang=_opt(record.get("lang")),
        date=_opt(record.get("date")),
        meta=meta,
    )


def _opt(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)
