"""The dossier of a pair of parties: the assertions about transfers between
them (either way), newest first, each with its sources and the history of
what was said about it, report by report."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Connection, and_, bindparam, nulls_last, or_, select

from materiel.store.query import CLAIM_COLUMNS
from materiel.store.schema import assertions, claims, documents


@dataclass(frozen=True)
class Report:
    """One claim about the assertion, as one document made it."""

    date: str | None
    status: str | None
    stance: str
    sources: list[str]
    outlet: str | None
    title: str | None
    doc: str
    url: str | None
    quantity: float | None
    time: str | None
    evidence: str
    near_duplicate: bool


@dataclass
class Assertion:
    key: str
    kind: str
    supplier: str | None
    recipient: str | None
    holder: str | None
    designation: str | None
    category: str
    time: str | None
    qty_low: float | None
    qty_high: float | None
    qty_per: str | None
    status: str | None
    stance: str
    n_claims: int
    n_support: int
    n_deny: int
    n_documents: int
    n_sources: int
    sources: list[str]
    deniers: list[str]
    first_seen: str | None
    last_seen: str | None
    history: list[Report] = field(default_factory=list)

    @classmethod
    def from_row(cls, row: Any) -> Assertion:
        names = {f.name for f in fields(cls)} - {"history"}
        values = {k: v for k, v in row._mapping.items() if k in names}
        values["sources"] = json.loads(values["sources"])
        values["deniers"] = json.loads(values["deniers"])
        return cls(**values)


HISTORY = 12  # reports per assertion in a dossier: the latest ones


def dossier(
    conn: Connection, first: str, second: str, limit: int = 30, history: int = HISTORY
) -> list[Assertion]:
    """The transfer assertions between `first` and `second`, newest first, each
    with its `history` latest reports (`n_claims` counts them all)."""
    pair = or_(
        and_(assertions.c.supplier == first, assertions.c.recipient == second),
        and_(assertions.c.supplier == second, assertions.c.recipient == first),
    )
    query = (
        select(assertions)
        .where(assertions.c.kind == "transfer", pair)
        .order_by(nulls_last(assertions.c.last_seen.desc()), assertions.c.key)
        .limit(limit)
    )
    found = [Assertion.from_row(row) for row in conn.execute(query)]
    for assertion in found:
        rows = conn.execute(_LATEST, {"key": assertion.key, "limit": history})
        assertion.history = [_report(row) for row in reversed(rows.all())]
    return found


_LATEST = (
    select(*CLAIM_COLUMNS)
    .join(documents, documents.c.id == claims.c.document_id)
    .where(claims.c.assertion_key == bindparam("key"))
    # the index on (assertion_key, reported) gives this order (claim ids break
    # ties: arrival order), so the latest reports are read without a sort
    .order_by(claims.c.reported.desc(), claims.c.id.desc())
    .limit(bindparam("limit"))
)


def _add_history(conn: Connection, found: list[Assertion]) -> None:
    by_key = {a.key: a for a in found}
    if not by_key:
        return
    query = (
        select(*CLAIM_COLUMNS)
        .join(documents, documents.c.id == claims.c.document_id)
        .where(claims.c.assertion_key.in_(list(by_key)))
        .order_by(claims.c.reported, documents.c.hash, claims.c.seq)
    )
    for row in conn.execute(query):
        by_key[row.assertion_key].history.append(_report(row))


def _report(row: Any) -> Report:
    return Report(
        date=row.doc_date,
        status=row.status,
        stance=row.stance,
        sources=json.loads(row.sources),
        outlet=row.outlet,
        title=row.title,
        doc=row.doc_key,
        url=row.url,
        quantity=row.qty_value,
        time=row.time,
        evidence=row.ev_text,
        near_duplicate=row.duplicate_of is not None,
    )


def assertions_for(conn: Connection, keys: list[str], history: bool = True) -> list[Assertion]:
    """The assertions with these keys (for exports), with their history if asked."""
    found = [
        Assertion.from_row(row)
        for row in conn.execute(select(assertions).where(assertions.c.key.in_(keys)))
    ]
    if history:
        _add_history(conn, found)
    return found
