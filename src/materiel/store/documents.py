"""Writing one document, its claims and its unknown names in the caller's
transaction, which also merges the claims into assertions."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from datasketch import MinHash
from sqlalchemy import Connection, select

from materiel.ingest.readers import RawDocument
from materiel.model import Claim, DocumentResult
from materiel.store.assertions import Origin, merge_claims
from materiel.store.dedupe import Match, to_bytes
from materiel.store.driver import Driver
from materiel.store.kept import KeptAssertions
from materiel.store.merge import group_key
from materiel.store.schema import claims, documents, unknown_names

_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")
_KIND_RANK = {"source": 0, "system": 1, "name": 2}


@dataclass
class DocumentRecord:
    """Everything the store keeps of one document."""

    hash: str
    doc_key: str
    text: str
    rows: list[dict[str, Any]]  # its claims, as `claim_rows` makes them
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    lang: str | None = None
    unknowns: list[tuple[str, str, int, str]] = field(default_factory=list)
    minhash: MinHash | None = None


@dataclass
class Extracted:
    """A document's extraction as the store writes it. Made where extraction
    runs (the ingest's child process), so that the writer receives plain rows
    rather than models to rebuild and convert."""

    lang: str | None
    date: str | None
    rows: list[dict[str, Any]]
    unknowns: list[tuple[str, str, int, str]]

    @classmethod
    def of(cls, raw: RawDocument, result: DocumentResult) -> Extracted:
        date = result.date or raw.date
        return cls(result.lang, date, claim_rows(result.claims, date), result.unknowns)


def claim_rows(found: list[Claim], date: str | None) -> list[dict[str, Any]]:
    """The `claims` rows of a document's claims (`date`: the document's);
    `document_id` and `assertion_key` are set when it is written."""
    return [_claim_row(seq, claim, date) for seq, claim in enumerate(found)]


def content_hash(text: str) -> str:
    """SHA-256 of the text with its whitespace normalised."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def iso_date(value: str | None) -> str | None:
    """The ISO date prefix of `value` (`2024`, `2024-05`, `2024-05-10`), else None."""
    match = _ISO.match(value or "")
    return match.group() if match else None


def day(value: str | None) -> str | None:
    """An ISO prefix padded to a full date, the first day of its period."""
    prefix = iso_date(value)
    if prefix is None:
        return None
    return prefix + "-01-01"[len(prefix) - 4 :]


def known(conn: Connection, content: str) -> bool:
    query = select(documents.c.id).where(documents.c.hash == content)
    return conn.execute(query).first() is not None


def ingest_document(
    conn: Connection,
    record: DocumentRecord,
    duplicate: Match | None,
    kept: KeptAssertions | None = None,
    *,
    locked: bool = False,
    new_id: int | None = None,
) -> int:
    """Insert `record` (the caller holds the transaction); its id. A writer
    that keeps `kept` must forget it if the transaction fails. `locked`: the
    caller took the writer lock and checked `kept` in this transaction.
    `new_id`: the document's id, drawn by the caller (`Driver.new_ids`)."""
    db = Driver(conn)
    kept = KeptAssertions() if kept is None else kept
    rows = record.rows
    with db.pipeline():
        checked = begin_writes(db, kept) if not locked else lambda: None
        doc_id = _insert_document(db, _document_row(record, duplicate), new_id)
        checked()
        with db.batch():
            if rows:
                merge_claims(db, rows, _origin(db, record, duplicate), kept)
            for row in rows:
                row["document_id"] = doc_id()
            db.insert(claims, rows)
            db.insert(unknown_names, _unknown_rows(doc_id(), record.unknowns))
    return doc_id()


_ROOT = "SELECT hash, outlet FROM documents WHERE id {}"


def begin_writes(db: Driver, kept: KeptAssertions) -> Callable[[], None]:
    """A write transaction's first statements: the writer lock, and the
    question whether anyone else wrote since `kept` was last checked (every
    transaction of the writer asks, or the next could not tell its own from
    others'); the function it returns settles the answer."""
    db.lock_writer()
    return kept.check(db)


def _insert_document(db: Driver, row: dict[str, Any], new_id: int | None) -> Callable[[], int]:
    if new_id is None:
        return db.insert_one(documents, row)
    db.insert(documents, [{"id": new_id, **row}])  # with the batch's other writes
    return lambda: new_id


def _origin(db: Driver, record: DocumentRecord, duplicate: Match | None) -> Origin:
    origin = Origin(record.hash, iso_date(record.date), record.outlet)
    if duplicate is None:
        return origin
    [(root_hash, root_outlet)] = db.select(_ROOT, [duplicate.document_id])
    return Origin(origin.hash, origin.date, origin.outlet, root_hash, root_outlet)


def _document_row(record: DocumentRecord, duplicate: Match | None) -> dict[str, Any]:
    return {
        "hash": record.hash,
        "doc_key": record.doc_key,
        "url": record.url,
        "outlet": record.outlet,
        "title": record.title,
        "date": iso_date(record.date),
        "lang": record.lang,
        "text": record.text,
        "duplicate_of": duplicate.document_id if duplicate else None,
        "similarity": round(duplicate.similarity, 4) if duplicate else None,
        "minhash": to_bytes(record.minhash) if record.minhash is not None else None,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _claim_row(seq: int, claim: Claim, date: str | None) -> dict[str, Any]:
    """A claim's row; its `document_id` is set once the document has one."""
    item, quantity = claim.item, claim.quantity
    extra = claim.model_extra or {}
    return {
        "document_id": None,
        "seq": seq,
        "group_key": group_key(
            claim.kind, claim.supplier, claim.recipient, claim.holder, item.designation,
            item.category,
        ),
        "assertion_key": None,
        "kind": claim.kind,
        "supplier": claim.supplier,
        "recipient": claim.recipient,
        "holder": claim.holder,
        "item_text": item.text,
        "designation": item.designation,
        "category": item.category,
        "qty_value": quantity.value if quantity else None,
        "qty_approximate": quantity.approximate if quantity else None,
        "qty_bound": quantity.bound if quantity else None,
        "qty_per": quantity.per if quantity else None,
        "status": claim.status,
        "stance": claim.stance,
        "sources": json.dumps(claim.sources, ensure_ascii=False),
        "time": claim.time,
        "on_date": day(claim.time) or day(date),
        "reported": iso_date(date),
        "ev_start": claim.evidence.start,
        "ev_end": claim.evidence.end,
        "ev_text": claim.evidence.text,
        "extra": json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None,
    }  # fmt: skip


def _unknown_rows(doc_id: int, found: list[tuple[str, str, int, str]]) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for name, kind, count, example in found:
        name = name[:200]
        row = merged.setdefault(
            name,
            {"name": name, "document_id": doc_id, "kind": kind, "count": 0, "example": example},
        )
        row["count"] += count
        if _KIND_RANK.get(kind, 9) < _KIND_RANK.get(row["kind"], 9):
            row["kind"] = kind
    return list(merged.values())
