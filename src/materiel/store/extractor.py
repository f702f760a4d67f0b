"""Extraction beside the store: a child process extracts documents while
the parent writes the ones it has finished, so that on two cores an ingest
takes about as long as extraction alone.

Up to `WINDOW` documents (and `WINDOW_BYTES` of text) are in flight, so the
child never waits for the parent to write a group of documents before it
starts the next; results come back in order. A thread in the parent sends the
documents, so the parent's writer never blocks on a full pipe while the child
blocks sending it a result. The thread is on the parent's side because the
child is the ingest's bottleneck: a second thread there would take the GIL
from extraction at every document. The child closes its copy of the parent's
end of the pipe, so it sees end-of-file and exits when the parent dies, even
by SIGKILL.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import queue
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Protocol

from materiel.exc import MaterielError, StoreError
from materiel.ingest.readers import RawDocument, ReadError
from materiel.nlp.extract import extract_document
from materiel.store.documents import Extracted

# the outcome, and the seconds it took
Result = tuple[Extracted | ReadError, float]
WINDOW = 128  # documents in flight at most (twice the writer's group: the child never waits for it)
WINDOW_BYTES = 32 << 20  # characters of text in flight at most (beyond the first document)


def extract_safely(raw: RawDocument, overlays: tuple[Path, ...]) -> Result:
    """Extract one document; any failure is that document's ReadError."""
    started = time.perf_counter()
    try:
        result: Extracted | ReadError = Extracted.of(raw, extract_document(raw, overlays=overlays))
    except MaterielError as err:
        result = ReadError(raw.id, str(err))
    except Exception as err:  # one broken document must not stop a long run
        result = ReadError(raw.id, f"extraction failed: {type(err).__name__}: {err}")
    return result, time.perf_counter() - started


class Extractor(Protocol):
    def submit(self, raw: RawDocument) -> None: ...
    def take(self) -> Result: ...
    def ready(self) -> bool: ...  # take would not wait
    def has_room(self, raw: RawDocument) -> bool: ...
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

    def ready(self) -> bool:
        return bool(self.done)

    def has_room(self, raw: RawDocument) -> bool:
        return not self.done  # extracting ahead in this process would gain nothing

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
        self.outbox: queue.SimpleQueue[RawDocument | None] = queue.SimpleQueue()
        self.sender = threading.Thread(target=_send_all, args=(self.conn, self.outbox), daemon=True)
        self.sender.start()
        self.in_flight: deque[int] = deque()  # the text length of each
        self.text_in_flight = 0

    def has_room(self, raw: RawDocument) -> bool:
        if not self.in_flight:
            return True
        size = self.text_in_flight + len(raw.text)
        return len(self.in_flight) < WINDOW and size <= WINDOW_BYTES

    def submit(self, raw: RawDocument) -> None:
        self.outbox.put(raw)
        self.in_flight.append(len(raw.text))
        self.text_in_flight += len(raw.text)

    def take(self) -> Result:
        try:
            result: Result = self.conn.recv()
        except EOFError as err:
            raise StoreError("the extraction process stopped unexpectedly") from err
        self.text_in_flight -= self.in_flight.popleft()
        return result

    def ready(self) -> bool:
        return self.conn.poll()

    def close(self) -> None:
        if self.in_flight:  # results nobody will read: stop the child at once
            self.process.kill()
        self.outbox.put(None)
        self.sender.join(timeout=10)
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()
        self.process.close()


def _serve(conn: Connection, parent_end: Connection, overlays: tuple[Path, ...]) -> None:
    parent_end.close()
    with contextlib.suppress(EOFError, OSError):  # the parent is gone
        while (raw := conn.recv()) is not None:
            conn.send(extract_safely(raw, overlays))


def _send_all(conn: Connection, outbox: queue.SimpleQueue[RawDocument | None]) -> None:
    """Send the documents put in `outbox`, then None; stop if the child is gone."""
    with contextlib.suppress(OSError):
        while True:
            raw = outbox.get()
            conn.send(raw)
            if raw is None:
                return


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the garbage collector off the objects alive now (catalogues,
    lexicons, the caller's data) until the block ends: a full collection
    scans them all, ~150 ms for a process with both languages' pipelines,
    and an ingest's allocations set one off every thousand documents or so.
    In the forked child it also keeps the collector from writing to the
    parent's pages (Python's advice for fork without exec). Left alone if
    the caller froze objects itself, whose unfreezing is theirs."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def make_extractor(overlays: tuple[Path, ...], workers: int) -> Extractor:
    """A child process when `workers` ≥ 1, else extraction in this process."""
    return ChildProcess(overlays) if workers >= 1 else InProcess(overlays)
