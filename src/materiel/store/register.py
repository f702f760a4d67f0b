"""Pages of the register for browsing: claims and assertions filtered,
sorted and paginated, and a document with all of its claims (rejected ones
included, marked)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, nulls_last, select

from materiel.store.query import CLAIM_COLUMNS, ClaimFilter
from materiel.store.schema import assertions, claims, documents

COUNT_CAP = 1_000  # counting stops here ("more than 1,000"): counts cost time

# Each order ends with the claim id (the rowid, last in every index), so that
# an index on the filtered columns and the date gives the page without a sort.
CLAIM_SORTS: dict[str, tuple[Any, ...]] = {
    "date": (claims.c.on_date.desc(), claims.c.id.desc()),
    "date_asc": (claims.c.on_date, claims.c.id),
    "supplier": (claims.c.supplier, claims.c.recipient, claims.c.on_date, claims.c.id),
    "recipient": (claims.c.recipient, claims.c.on_date, claims.c.id),
    "item": (claims.c.designation, claims.c.on_date, claims.c.id),
    "quantity": (claims.c.qty_value.desc(), claims.c.id),
}
ASSERTION_SORTS: dict[str, tuple[Any, ...]] = {
    "last_seen": (nulls_last(assertions.c.last_seen.desc()), assertions.c.key),
    "first_seen": (nulls_last(assertions.c.first_seen.asc()), assertions.c.key),
    "sources": (assertions.c.n_sources.desc(), assertions.c.key),
    "claims": (assertions.c.n_claims.desc(), assertions.c.key),
}


@dataclass
class Page:
    rows: list[Any]
    total: int  # counted up to COUNT_CAP + 1
    offset: int
    limit: int
    has_next: bool = False

    @property
    def capped(self) -> bool:
        return self.total > COUNT_CAP


def _page(conn: Connection, query: Any, count: int, offset: int, limit: int) -> Page:
    """One more row than shown is read: whether a next page exists."""
    rows = list(conn.execute(query.offset(offset).limit(limit + 1)).all())
    return Page(rows[:limit], count, offset, limit, len(rows) > limit)


@dataclass(frozen=True)
class AssertionFilter:
    supplier: str | None = None
    recipient: str | None = None
    holder: str | None = None
    item: str | None = None
    category: str | None = None
    kind: str | None = None
    status: str | None = None
    stance: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        values = {**self.__dict__, "designation": self.item}
        values.pop("item")
        return [assertions.c[k] == v for k, v in values.items() if v is not None]


def _count(conn: Connection, table: Any, conditions: list[ColumnElement[bool]]) -> int:
    inner = select(table.c[0]).where(and_(True, *conditions)).limit(COUNT_CAP + 1).subquery()
    return int(conn.execute(select(func.count()).select_from(inner)).scalar_one())


def _claim_order(sort: str, dialect: str) -> tuple[Any, ...]:
    """SQLite sorts NULL first ascending and last descending; PostgreSQL the
    other way round, so there undated claims are put last explicitly."""
    order = CLAIM_SORTS.get(sort, CLAIM_SORTS["date"])
    if dialect == "sqlite":
        return order
    return (nulls_last(order[0]), *order[1:])


def claim_page(
    conn: Connection, where: ClaimFilter, sort: str = "date", offset: int = 0, limit: int = 50
) -> Page:
    conditions = where.conditions()
    query = (
        select(*CLAIM_COLUMNS)
        .join(documents, documents.c.id == claims.c.document_id)
        .where(and_(True, *conditions))
        .order_by(*_claim_order(sort, conn.dialect.name))
    )
    return _page(conn, query, _count(conn, claims, conditions), offset, limit)


def assertion_page(
    conn: Connection, where: AssertionFilter, sort: str = "last_seen", offset: int = 0,
    limit: int = 50,
) -> Page:  # fmt: skip
    conditions = where.conditions()
    query = (
        select(assertions)
        .where(and_(True, *conditions))
        .order_by(*ASSERTION_SORTS.get(sort, ASSERTION_SORTS["last_seen"]))
    )
    return _page(conn, query, _count(conn, assertions, conditions), offset, limit)


@dataclass
class DocumentView:
    id: int
    doc_key: str
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None
    lang: str | None
    text: str
    duplicate_of: int | None
    claims: list[Any] = field(default_factory=list)


def document(conn: Connection, doc_id: int) -> DocumentView | None:
    """A document with every claim of it, rejected ones included, in order."""
    columns = [c for c in documents.c if c.name in DocumentView.__dataclass_fields__]
    row = conn.execute(select(*columns).where(documents.c.id == doc_id)).first()
    if row is None:
        return None
    view = DocumentView(**row._mapping)
    query = select(*CLAIM_COLUMNS).join(documents, documents.c.id == claims.c.document_id)
    query = query.where(claims.c.document_id == doc_id).order_by(claims.c.seq)
    view.claims = list(conn.execute(query).all())
    return view


def claim_row(conn: Connection, claim_id: int) -> Any | None:
    """One claim with its document's columns (any review state)."""
    query = select(*CLAIM_COLUMNS).join(documents, documents.c.id == claims.c.document_id)
    return conn.execute(query.where(claims.c.id == claim_id)).first()
