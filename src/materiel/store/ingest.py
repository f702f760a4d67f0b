"""Ingesting documents into a store: hash (a known text is a no-op), extract
(in a child process, beside the writing), find the near-duplicate original,
and write the documents, each whole in one transaction, up to `GROUP` of
them in the same one. A bad document fails alone; a store that cannot be
written stops the run."""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from datasketch import MinHash
from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from materiel.ingest.readers import RawDocument, ReadError
from materiel.store.dedupe import Match, NearDuplicates, signature
from materiel.store.documents import (
    DocumentRecord,
    Extracted,
    begin_writes,
    content_hash,
    ingest_document,
    known,
)
from materiel.store.driver import Driver
from materiel.store.engine import Store
from materiel.store.extractor import Extractor, Result, frozen_heap, make_extractor
from materiel.store.kept import KeptAssertions
from materiel.store.schema import documents
from materiel.store.sessions import bulk_writes, store_errors


@dataclass
class IngestReport:
    new: int = 0
    known: int = 0
    duplicates: int = 0
    claims: int = 0
    failed: list[ReadError] = field(default_factory=list)
    extract_seconds: float = 0.0  # spent extracting (in the child, if there is one)
    store_seconds: float = 0.0  # spent hashing, deduplicating and writing

    @property
    def seen(self) -> int:
        return self.new + self.known + len(self.failed)


# Documents written in one transaction at most. A commit costs the same for
# one document as for several: on SQLite it writes every page the
# transaction touched (the claims' index pages are shared by all documents),
# on PostgreSQL it is a round trip, the writer lock and the kept assertions'
# check. A killed ingest loses at most this many finished documents, which
# its rerun adds.
GROUP = 64
# Once every document is sent, the writer takes a few at a time instead of
# whole groups, so that when extraction ends only the last few are left to
# write (a group of 64 written then took 45–80 ms beyond extraction's end).
TAIL = 8
Progress = Callable[[IngestReport, str], None]
Pending = tuple[RawDocument, str]  # a document being extracted, and its hash


def default_workers() -> int:
    return 1 if (os.cpu_count() or 1) > 1 else 0


def ingest(
    store: Store,
    items: Iterable[RawDocument | ReadError],
    overlays: tuple[Path, ...] = (),
    progress: Progress | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Ingest every document of `items`; read errors are collected, not raised."""
    report = IngestReport()
    run = IngestRun(report, progress)
    with frozen_heap():
        extractor = make_extractor(overlays, default_workers() if workers is None else workers)
        try:
            with writer(store, run) as conn:
                _pump(conn, run, extractor, run.fresh(items))
        finally:
            extractor.close()
    return report


def _pump(conn: Connection, run: IngestRun, extractor: Extractor, fresh: Iterator[Pending]) -> None:
    """Keep the extractor's window full; write the oldest documents meanwhile."""
    pending: deque[Pending] = deque()
    for document in fresh:
        while pending and not extractor.has_room(document[0]):
            _write_oldest(conn, run, extractor, pending, GROUP)
        extractor.submit(document[0])
        pending.append(document)
    while pending:
        _write_oldest(conn, run, extractor, pending, TAIL)


def _write_oldest(
    conn: Connection, run: IngestRun, extractor: Extractor, pending: deque[Pending], least: int
) -> None:
    """Write the oldest documents in flight: `least` of them (fewer if there
    are fewer), and those extracted already after them, up to `GROUP`."""
    run.load_index(conn)  # while the extractor works on its first documents
    done: list[tuple[Pending, Result]] = []
    while pending and len(done) < GROUP and (len(done) < least or extractor.ready()):
        document = pending.popleft()
        done.append((document, extractor.take()))
    run.finish(conn, done)


class IngestRun:
    def __init__(self, report: IngestReport, progress: Progress | None) -> None:
        self.report = report
        self.progress = progress
        self.index = NearDuplicates()
        self.index_loaded = False
        self.kept = KeptAssertions()
        self.hashes: set[str] = set()

    def load(self, conn: Connection) -> None:
        """The stored hashes, which decide what goes to the extractor."""
        self.hashes = set(conn.execute(select(documents.c.hash)).scalars())

    def load_index(self, conn: Connection) -> None:
        """The near-duplicate index, once, before the first documents are
        written: by then the extractor has its first window of documents, so
        it works while the index loads (a store of 100,000 documents has as
        many signatures to read)."""
        if not self.index_loaded:
            with conn.begin():
                self.index.load(conn)
            self.index_loaded = True

    def fresh(self, items: Iterable[RawDocument | ReadError]) -> Iterator[Pending]:
        """The documents not in the store yet (others are counted here)."""
        for item in items:
            started = time.perf_counter()
            if isinstance(item, ReadError):
                self.report.failed.append(item)
                self._tick(item.where)
                continue
            digest = content_hash(item.text)
            self.report.store_seconds += time.perf_counter() - started
            if digest in self.hashes:
                self.report.known += 1
                self._tick(item.id)
                continue
            self.hashes.add(digest)
            yield item, digest

    def finish(self, conn: Connection, done: list[tuple[Pending, Result]]) -> None:
        """Store extracted documents (in one transaction); count the failed."""
        started = time.perf_counter()
        records = []
        for (raw, digest), (outcome, seconds) in done:
            self.report.extract_seconds += seconds
            if isinstance(outcome, Extracted):
                records.append(record_of(raw, digest, outcome, signature(raw.text)))
            else:
                self.hashes.discard(digest)
                self.report.failed.append(outcome)
        write_documents(conn, self, records)
        self.report.store_seconds += time.perf_counter() - started
        for (raw, _), _ in done:
            self._tick(raw.id)

    def _tick(self, where: str) -> None:
        if self.progress is not None:
            self.progress(self.report, where)


def record_of(
    raw: RawDocument, digest: str, result: Extracted, minhash: MinHash | None
) -> DocumentRecord:
    meta = raw.meta
    outlet = meta.get("outlet") or meta.get("sitename") or meta.get("source")
    return DocumentRecord(
        hash=digest,
        doc_key=raw.id,
        text=raw.text,
        rows=result.rows,
        url=_text(meta.get("url") or meta.get("link")),
        outlet=_text(outlet),
        title=_text(meta.get("title")),
        date=result.date,
        lang=result.lang,
        unknowns=result.unknowns,
        minhash=minhash,
    )


def _text(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def write_documents(conn: Connection, run: IngestRun, records: list[DocumentRecord]) -> None:
    """In one transaction; one at a time if another writer stored one of
    them meanwhile (the unique content hash refuses it), so that it alone
    is counted as known."""
    run.load_index(conn)
    if len(records) > 1:
        try:
            _write_together(conn, run, records)
            return
        except IntegrityError:
            pass
    for record in records:
        write_document(conn, run, record)


def _write_together(conn: Connection, run: IngestRun, records: list[DocumentRecord]) -> None:
    """The group's writes go together (`Driver.batch`), unless a
    near-duplicate's merge reads in between. On PostgreSQL the lock, the kept
    assertions' check and the documents' ids take one round trip, the writes
    (one statement) and the commit another."""
    index, added, matches = run.index, [], []
    db = Driver(conn)
    try:
        with db.pipeline(), conn.begin():
            begin_writes(db, run.kept)()
            new_ids = db.new_ids(documents, len(records))
            with db.batch():
                for place, record in enumerate(records):
                    # an earlier document of the group can be the original
                    match = index.find(record.minhash) if record.minhash is not None else None
                    doc_id = ingest_document(
                        conn, record, match, run.kept, locked=True, new_id=new_ids()[place]
                    )
                    if match is None and record.minhash is not None:
                        index.add(doc_id, record.hash, record.minhash)
                        added.append(doc_id)
                    matches.append(match)
    except BaseException:
        run.kept.forget()  # merged in memory, rolled back in the store
        for doc_id in added:
            index.discard(doc_id)
        raise
    for record, match in zip(records, matches, strict=True):
        _count(run.report, record, match)


def _count(report: IngestReport, record: DocumentRecord, match: Match | None) -> None:
    report.new += 1
    report.claims += len(record.rows)
    if match is not None:
        report.duplicates += 1


def write_document(conn: Connection, run: IngestRun, record: DocumentRecord) -> None:
    """One transaction. The unique content hash keeps a document that another
    writer stored meanwhile from going in twice."""
    index, report = run.index, run.report
    match = index.find(record.minhash) if record.minhash is not None else None
    try:
        # PostgreSQL: the commit goes with the document's writes, in one round trip
        with Driver(conn).pipeline(), conn.begin():
            doc_id = ingest_document(conn, record, match, run.kept)
    except BaseException as err:
        run.kept.forget()  # merged in memory, rolled back in the store
        if not isinstance(err, IntegrityError):
            raise
        with conn.begin():
            if not known(conn, record.hash):
                raise
        report.known += 1
        return
    _count(report, record, match)
    if match is None and record.minhash is not None:
        index.add(doc_id, record.hash, record.minhash)


@contextmanager
def writer(store: Store, run: IngestRun) -> Iterator[Connection]:
    """The connection a run writes its documents on, a transaction a group
    of up to `GROUP` (`write_documents`), with `run` loaded from the store;
    database errors become StoreErrors."""
    with store_errors(), store.engine.connect() as conn, bulk_writes(conn):
        # BEGIN IMMEDIATE on SQLite; on PostgreSQL each transaction sends the
        # writer lock with its first statements (`_write_together`, `ingest_document`)
        conn = conn.execution_options(immediate=True, writer_lock_sent=True)
        with conn.begin():
            run.load(conn)
        yield conn
