"""The dossier of a pair of parties: the assertions about transfers between
them (either way), newest first, each with its sources and the history of
what was said about it, report by report."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    CompoundSelect,
    Connection,
    Integer,
    Select,
    and_,
    bindparam,
    nulls_last,
    or_,
    select,
    union_all,
)

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


# what a report shows of a claim and its document
REPORT_COLUMNS = (
    claims.c.id, claims.c.assertion_key, claims.c.seq, claims.c.reported, claims.c.status,
    claims.c.stance, claims.c.sources, claims.c.qty_value, claims.c.time, claims.c.ev_text,
    documents.c.date.label("doc_date"), documents.c.outlet, documents.c.title,
    documents.c.doc_key, documents.c.url, documents.c.duplicate_of,
)  # fmt: skip
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
    latest = _latest_reports(conn, [a.key for a in found], history)
    for assertion in found:
        assertion.history = [_report(row) for row in reversed(latest.get(assertion.key, []))]
    return found


def _latest_reports(conn: Connection, keys: list[str], history: int) -> dict[str, list[Any]]:
    """The `history` latest claims of each assertion, newest first, in one
    statement (a round trip per assertion cost more than the reading)."""
    if not keys:
        return {}
    params: dict[str, Any] = {f"key{i}": key for i, key in enumerate(keys)}
    out: dict[str, list[Any]] = {}
    for row in conn.execute(_latest_union(len(keys)), {**params, "history": history}):
        out.setdefault(row.assertion_key, []).append(row)
    for rows in out.values():  # the union keeps no order of its own
        rows.sort(key=lambda row: (row.reported or "", row.id), reverse=True)
    return out


@lru_cache(maxsize=8)
def _latest_union(count: int) -> CompoundSelect[Any]:
    """The union of `count` latest-claims queries (made once: building it
    cost more than running it)."""
    parts = [_latest(bindparam(f"key{i}")).subquery().select() for i in range(count)]
    return union_all(*parts)


def _latest(key: BindParameter[str]) -> Select[Any]:
    return (
        select(*REPORT_COLUMNS)
        .join(documents, documents.c.id == claims.c.document_id)
        .where(claims.c.assertion_key == key)
        # the index on (assertion_key, reported) gives this order (claim ids
        # break ties: arrival order), so the latest are read without a sort
        .order_by(claims.c.reported.desc(), claims.c.id.desc())
        .limit(bindparam("history", type_=Integer))
    )


def _add_history(conn: Connection, found: list[Assertion]) -> None:
    by_key = {a.key: a for a in found}
    if not by_key:
        return
    query = (
        select(*REPORT_COLUMNS)
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
