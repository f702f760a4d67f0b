"""What `materiel ingest` reads: files, folders (recursively), JSON Lines,
HTML, feeds (files or URLs), files listing URLs, and single URLs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import httpx

from materiel.ingest.feeds import FEED_SUFFIXES, parse_feed
from materiel.ingest.fetch import URL_LIST_SUFFIXES, Fetcher, is_url, is_url_list, url_lines
from materiel.ingest.readers import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    MAX_BYTES,
    TEXT_SUFFIXES,
    Item,
    ReadError,
    read_file,
    read_inputs,
)

SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | URL_LIST_SUFFIXES


def collect(
    names: Iterable[str],
    max_bytes: int = MAX_BYTES,
    transport: httpx.BaseTransport | None = None,
) -> Iterator[Item]:
    """Every document under `names`, in order; each bad input a `ReadError`."""
    fetcher = Fetcher(transport)
    try:
        for name in names:
            yield from _one(name, fetcher, max_bytes)
    finally:
        fetcher.close()


def _one(name: str, fetcher: Fetcher, max_bytes: int) -> Iterator[Item]:
    if is_url(name):
        yield from fetcher.fetch(name, max_bytes)
        return
    path = Path(name)
    if name == "-":
        yield from read_inputs(["-"], max_bytes)
    elif path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p)):
            yield from _file(file, fetcher, max_bytes)
    else:
        yield from _file(path, fetcher, max_bytes)


def _wanted(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and path.name != "README.md"


def _file(path: Path, fetcher: Fetcher, max_bytes: int) -> Iterator[Item]:
    try:
        if path.suffix.lower() in FEED_SUFFIXES:
            yield from parse_feed(_bytes(path, max_bytes), str(path))
            return
        if is_url_list(path):
            for url in url_lines(path):
                yield from fetcher.fetch(url, max_bytes)
            return
    except OSError as err:
        yield ReadError(str(path), f"cannot read: {err.strerror or err}")
        return
    yield from read_file(path, max_bytes)


def _bytes(path: Path, max_bytes: int) -> bytes:
    if path.stat().st_size > max_bytes:
        raise OSError(f"file larger than the {max_bytes / 2**20:.0f} MiB limit")
    return path.read_bytes()
