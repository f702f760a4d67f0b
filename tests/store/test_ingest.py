"""Documents written together (one transaction for a group): a near-duplicate
of an earlier member is linked to it, and a group that another writer beat
to one of its documents is written one at a time, that one counted known."""

from __future__ import annotations

from sqlalchemy import func, select

from materiel.ingest.readers import RawDocument
from materiel.nlp.extract import extract_document
from materiel.store.dedupe import NearDuplicates, signature, to_bytes
from materiel.store.documents import DocumentRecord, Extracted, content_hash, ingest_document
from materiel.store.engine import Store
from materiel.store.ingest import IngestReport, IngestRun, record_of, write_documents, writer
from materiel.store.schema import assertions, claims, documents

WIRE = (
    "North Korea has shipped some 1,000 containers of artillery shells to Russia, "
    "according to South Korean intelligence. The shipments went by rail and by sea "
    "over the past three months, officials in Seoul told reporters on Tuesday, and "
    "more are expected before the winter."
)
TEXTS = [
    WIRE,
    "Iran has delivered about 300 Shahed drones to Russia, according to Reuters.",
    WIRE + " (Reporting by Kim Lee)",  # the wire story again, in another outlet
    "Germany will deliver 14 Leopard 2 tanks to Ukraine, the government said.",
]


def _records() -> list[DocumentRecord]:
    records = []
    for number, text in enumerate(TEXTS):
        raw = RawDocument(f"r{number}", text, "en", f"2024-05-0{number + 1}", {})
        extracted = Extracted.of(raw, extract_document(raw))
        records.append(record_of(raw, content_hash(text), extracted, signature(text)))
    return records


def _count(store: Store, table: object) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_a_group_links_a_copy_of_its_own_earlier_document(store: Store) -> None:
    report = IngestReport()
    run = IngestRun(report, None)
    records = _records()
    with writer(store, run) as conn:
        write_documents(conn, run, records)
    assert (report.new, report.known, report.duplicates) == (4, 0, 1)
    assert report.claims == sum(len(r.rows) for r in records) >= 4
    with store.read() as conn:
        linked = dict(conn.execute(select(documents.c.doc_key, documents.c.duplicate_of)).all())
        ids = dict(conn.execute(select(documents.c.doc_key, documents.c.id)).all())
    assert linked["r2"] == ids["r0"] and linked["r0"] is None
    assert sorted(run.index.hashes) == sorted(ids[key] for key in ("r0", "r1", "r3"))
    with store.read() as conn:  # signatures stored byte for byte, whichever way they went in
        stored = dict(conn.execute(select(documents.c.hash, documents.c.minhash)).all())
    for record in records:
        assert record.minhash is not None
        assert stored[record.hash] == to_bytes(record.minhash)


def test_a_group_another_writer_beat_is_written_one_by_one(store: Store) -> None:
    records = _records()
    with store.write() as conn:  # another writer stores the second document first
        ingest_document(conn, _records()[1], None)
    report = IngestReport()
    run = IngestRun(report, None)
    with writer(store, run) as conn:
        write_documents(conn, run, records)
    assert (report.new, report.known, report.duplicates) == (3, 1, 1)
    assert _count(store, documents) == 4
    assert _count(store, claims) == sum(len(r.rows) for r in records)
    # the rolled-back group left nothing behind: each claim counted once
    with store.read() as conn:
        counted = conn.execute(select(func.sum(assertions.c.n_claims))).scalar_one()
    assert counted == _count(store, claims)
    assert len(run.index.hashes) == len(run.index.signatures) == 3


def test_an_index_forgets_a_document_it_discards() -> None:
    index = NearDuplicates()
    first, copy = signature(WIRE), signature(WIRE + " (Reporting by Kim Lee)")
    assert first is not None and copy is not None
    index.add(1, "h1", first)
    assert index.find(copy) is not None
    index.discard(1)
    assert index.find(copy) is None
    assert not index.hashes and all(not buckets for buckets in index.buckets)
