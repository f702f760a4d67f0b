"""Shards of documents: JSON Lines (optionally gzip) and Parquet files.

A shard is read as a stream of small batches, line by line or row group by row
group, so that memory does not grow with its size. Each document is a
`Record`; its `seq` is its place in the shard, which orders the output.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from materiel.exc import InputError, MaterielError
from materiel.ingest.decode import decode
from materiel.ingest.readers import MAX_BYTES

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet",)
SHARD_SUFFIXES = JSONL_SUFFIXES + PARQUET_SUFFIXES
COLUMNS = ("id", "url", "date", "lang", "title", "text")
BATCH_SIZE = 1000


class ShardError(MaterielError):
    """A shard could not be read; the message names it."""


@dataclass(frozen=True)
class Shard:
    path: str  # absolute
    name: str  # the partition's name in the output: unique within a job


@dataclass(slots=True)
class Record:
    seq: int
    id: str
    text: str | None
    lang: str | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None


def is_shard(path: Path) -> bool:
    return path.name.lower().endswith(SHARD_SUFFIXES)


def shard_stem(path: Path) -> str:
    lower = path.name.lower()
    suffix = next(s for s in SHARD_SUFFIXES if lower.endswith(s))
    return path.name[: -len(suffix)]


def find_shards(inputs: Iterable[str]) -> list[Shard]:
    """The shards named by `inputs` (files, or folders searched recursively)."""
    found: dict[str, Shard] = {}
    for name in inputs:
        for shard in _shards_of(Path(name)):
            if shard.name in found:
                other = found[shard.name].path
                raise InputError(f"two shards would write partition {shard.name!r}: {other}")
            found[shard.name] = shard
    return list(found.values())


def _shards_of(path: Path) -> Iterator[Shard]:
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file() and is_shard(p)):
            parts = [*file.relative_to(path).parent.parts, shard_stem(file)]
            yield Shard(str(file.resolve()), "__".join(parts))
    elif not path.exists():
        raise InputError(f"{path}: no such file or folder")
    elif is_shard(path):
        yield Shard(str(path.resolve()), shard_stem(path))
    else:
        raise InputError(f"{path}: not a shard (expected {', '.join(SHARD_SUFFIXES)})")


def read_batches(
    path: str, batch_size: int = BATCH_SIZE, max_bytes: int = MAX_BYTES
) -> Iterator[list[Record]]:
    """The shard's documents in batches of at most `batch_size`."""
    if path.lower().endswith(PARQUET_SUFFIXES):
        yield from _parquet_batches(path, batch_size)
        return
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        yield from _jsonl_batches(handle, path, batch_size, max_bytes)


def _jsonl_batches(
    lines: Iterable[bytes], path: str, batch_size: int, max_bytes: int
) -> Iterator[list[Record]]:
    batch: list[Record] = []
    seq = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if len(line) > max_bytes:
            raise ShardError(f"{path}: line {number}: larger than the size limit")
        batch.append(_json_record(line, seq, f"{path}:{number}"))
        seq += 1
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _json_record(line: bytes, seq: int, where: str) -> Record:
    try:
        data = json.loads(decode(line))
    except (json.JSONDecodeError, InputError) as err:
        raise ShardError(f"{where}: malformed JSON line ({err})") from err
    if not isinstance(data, dict):
        raise ShardError(f"{where}: a line must be a JSON object")
    return _record(data, seq, where)


def _record(data: dict[str, Any], seq: int, where: str) -> Record:
    text = data.get("text")
    if text is not None and not isinstance(text, str):
        raise ShardError(f"{where}: 'text' must be a string")
    return Record(
        seq=seq,
        id=str(data.get("id") or where),
        text=text if text and text.strip() else None,
        lang=_opt(data.get("lang")),
        date=_date(data.get("date")),
        url=_opt(data.get("url")),
        title=_opt(data.get("title")),
    )


def _parquet_batches(path: str, batch_size: int) -> Iterator[list[Record]]:
    with pq.ParquetFile(path) as source:
        present = [c for c in COLUMNS if c in source.schema_arrow.names]
        if "text" not in present:
            raise ShardError(f"{path}: no 'text' column")
        seq = 0
        for batch in source.iter_batches(batch_size=batch_size, columns=present):
            rows = batch.to_pylist()
            yield [_record(row, seq + i, f"{path}:{seq + i + 1}") for i, row in enumerate(rows)]
            seq += len(rows)


def _opt(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _date(value: Any) -> str | None:
    """A date as text; Parquet date and timestamp columns become YYYY-MM-DD."""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return _opt(value)
