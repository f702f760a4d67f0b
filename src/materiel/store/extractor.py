"""Extraction beside the store: a child process extracts the next document
(and makes its MinHash signature) while the parent writes the previous one,
so that on two cores an ingest takes about as long as extraction alone.

Exactly one document is in flight at a time (the parent takes a result
before it sends the next document), so neither side can block the other
on a full pipe, and results come back in order. The child closes its copy
of the parent's end of the pipe, so it sees end-of-file and exits when the
parent dies, even by SIGKILL.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from collections import deque
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Protocol

from materiel.exc import MaterielError, StoreError
from materiel.ingest.readers import RawDocument, ReadError
from materiel.model import DocumentResult
from materiel.nlp.extract import extract_document
from materiel.store.dedupe import signature, to_bytes

# the outcome, the seconds it took, and the text's MinHash signature (bytes)
Result = tuple[DocumentResult | ReadError, float, bytes | None]


def extract_safely(raw: RawDocument, overlays: tuple[Path, ...]) -> Result:
    """Extract one document; any failure is that document's ReadError."""
    started = time.perf_counter()
    minhash = signature(raw.text)
    try:
        result: DocumentResult | ReadError = extract_document(raw, overlays=overlays)
    except MaterielError as err:
        result = ReadError(raw.id, str(err))
    except Exception as err:  # one broken document must not stop a long run
        result = ReadError(raw.id, f"extraction failed: {type(err).__name__}: {err}")
    data = to_bytes(minhash) if minhash is not None else None
    return result, time.perf_counter() - started, data


class Extractor(Protocol):
    def submit(self, raw: RawDocument) -> None: ...
    def take(self) -> Result: ...
    def close(self) -> None: ...


class InProcess:
    """Extraction in the calling process (one core, or for debugging)."""

    def __init__(self, overlays: tuple[Path, ...]) -> None:
        self.overlays = overlays
        self.done: deque[Result] = deque()

    def submit(self, raw: RawDocument) -> None:
        self.done.append(extract_safely(raw, self.overlays))

    def take(self) -> Result:
        return self.done.popleft()

    def close(self) -> None:
        self.done.clear()


class ChildProcess:
    """Extraction in a forked child process."""

    def __init__(self, overlays: tuple[Path, ...]) -> None:
        context = multiprocessing.get_context("fork")
        self.conn, child_end = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child_end, self.conn, overlays), daemon=True
        )
        self.process.start()
        child_end.close()

    def submit(self, raw: RawDocument) -> None:
        self.conn.send(raw)

    def take(self) -> Result:
        try:
            result: Result = self.conn.recv()
        except EOFError as err:
            raise StoreError("the extraction process stopped unexpectedly") from err
        return result

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()
        self.process.close()


def _serve(conn: Connection, parent_end: Connection, overlays: tuple[Path, ...]) -> None:
    parent_end.close()
    while True:
        try:
            raw = conn.recv()
        except EOFError:
            return
        if raw is None:
            return
        conn.send(extract_safely(raw, overlays))


def make_extractor(overlays: tuple[Path, ...], workers: int) -> Extractor:
    """A child process when `workers` ≥ 1, else extraction in this process."""
    return ChildProcess(overlays) if workers >= 1 else InProcess(overlays)
