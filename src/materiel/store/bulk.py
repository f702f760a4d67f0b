"""Loading claims extracted elsewhere (`materiel extract --engine ...` Parquet
output) into the register, without extracting again: each document in its own
transaction, near-duplicates linked, re-loading a no-op, as in `ingest`."""

from __future__ import annotations

import time
from collections.abc import Iterable

from materiel.ingest.readers import RawDocument
from materiel.model import DocumentResult
from materiel.store.dedupe import signature
from materiel.store.documents import Extracted, content_hash
from materiel.store.engine import Store
from materiel.store.ingest import (
    IngestReport,
    IngestRun,
    Progress,
    record_of,
    write_document,
    writer,
)


def load_extracted(
    store: Store,
    extracted: Iterable[tuple[RawDocument, DocumentResult]],
    progress: Progress | None = None,
) -> IngestReport:
    """Store each (document, its claims) pair not in the register yet."""
    report = IngestReport()
    run = IngestRun(report, progress)
    with writer(store, run) as conn:
        for raw, result in extracted:
            started = time.perf_counter()
            digest = content_hash(raw.text)
            if digest in run.hashes:
                report.known += 1
                continue
            run.hashes.add(digest)
            record = record_of(raw, digest, Extracted.of(raw, result), signature(raw.text))
            write_document(conn, run, record)
            report.store_seconds += time.perf_counter() - started
    return report
