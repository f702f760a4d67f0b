"""Ingesting documents into a store: hash (a known text is a no-op), extract,
find its near-duplicate original, and write it in one transaction. A bad
document fails alone; a store that cannot be written stops the run."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from materiel.exc import MaterielError, StoreError
from materiel.ingest.readers import RawDocument, ReadError
from materiel.model import DocumentResult
from materiel.nlp.extract import extract_document
from materiel.store.dedupe import NearDuplicates, signature
from materiel.store.documents import DocumentRecord, content_hash, ingest_document, known
from materiel.store.engine import Store


@dataclass
class IngestReport:
    new: int = 0
    known: int = 0
    duplicates: int = 0
    claims: int = 0
    failed: list[ReadError] = field(default_factory=list)
    extract_seconds: float = 0.0
    store_seconds: float = 0.0

    @property
    def seen(self) -> int:
        return self.new + self.known + len(self.failed)


Progress = Callable[[IngestReport, str], None]


def ingest(
    store: Store,
    items: Iterable[RawDocument | ReadError],
    overlays: tuple[Path, ...] = (),
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest every document of `items`; read errors are collected, not raised."""
    report = IngestReport()
    index = NearDuplicates()
    with _store_errors(), store.read() as conn:
        index.load(conn)
    for item in items:
        if isinstance(item, ReadError):
            report.failed.append(item)
        else:
            _one(store, index, item, overlays, report)
        if progress is not None:
            progress(report, item.where if isinstance(item, ReadError) else item.id)
    return report


def _one(
    store: Store,
    index: NearDuplicates,
    raw: RawDocument,
    overlays: tuple[Path, ...],
    report: IngestReport,
) -> None:
    started = time.perf_counter()
    digest = content_hash(raw.text)
    with _store_errors(), store.read() as conn:
        seen = known(conn, digest)
    if seen:
        report.known += 1
        report.store_seconds += time.perf_counter() - started
        return
    before = time.perf_counter()
    result = _extract(raw, overlays, report)
    extracting = time.perf_counter() - before
    report.extract_seconds += extracting
    if result is not None:
        _write(store, index, _record(raw, digest, result), report)
    report.store_seconds += time.perf_counter() - started - extracting


def _extract(
    raw: RawDocument, overlays: tuple[Path, ...], report: IngestReport
) -> DocumentResult | None:
    try:
        return extract_document(raw, overlays=overlays)
    except MaterielError as err:
        report.failed.append(ReadError(raw.id, str(err)))
    except Exception as err:  # one broken document must not stop a long run
        report.failed.append(ReadError(raw.id, f"extraction failed: {type(err).__name__}: {err}"))
    return None


def _record(raw: RawDocument, digest: str, result: DocumentResult) -> DocumentRecord:
    meta = raw.meta
    outlet = meta.get("outlet") or meta.get("sitename") or meta.get("source")
    return DocumentRecord(
        hash=digest,
        doc_key=raw.id,
        text=raw.text,
        claims=result.claims,
        url=_text(meta.get("url") or meta.get("link")),
        outlet=_text(outlet),
        title=_text(meta.get("title")),
        date=result.date or raw.date,
        lang=result.lang,
        unknowns=result.unknowns,
        minhash=signature(raw.text),
    )


def _text(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def _write(
    store: Store, index: NearDuplicates, record: DocumentRecord, report: IngestReport
) -> None:
    match = index.find(record.minhash) if record.minhash is not None else None
    with _store_errors(), store.write() as conn:
        if known(conn, record.hash):  # another writer was quicker
            report.known += 1
            return
        doc_id = ingest_document(conn, record, match)
    report.new += 1
    report.claims += len(record.claims)
    if match is not None:
        report.duplicates += 1
    elif record.minhash is not None:
        index.add(doc_id, record.hash, record.minhash)


@contextmanager
def _store_errors() -> Iterator[None]:
    """Database errors become one-line StoreErrors."""
    try:
        yield
    except SQLAlchemyError as err:
        reason = str(getattr(err, "orig", None) or err).strip().splitlines()
        raise StoreError(f"store: {reason[0] if reason else type(err).__name__}") from err
