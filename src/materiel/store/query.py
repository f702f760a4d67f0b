"""Querying claims: filters by party, item, status, stance and period, each
claim as a claims-v1 object with its document and assertion."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, select

from materiel.exc import InputError
from materiel.store.documents import day, iso_date
from materiel.store.schema import claims, documents


@dataclass(frozen=True)
class ClaimFilter:
    """Each field narrows the claims; None leaves it open. Party and item names
    are canonical (resolve them with `materiel.store.names` first)."""

    supplier: str | None = None
    recipient: str | None = None
    holder: str | None = None
    item: str | None = None
    category: str | None = None
    kind: str | None = None
    status: str | None = None
    stance: str | None = None
    since: str | None = None
    until: str | None = None
    review: str | None = None  # machine, accepted, corrected, rejected, any; None: not rejected

    def conditions(self) -> list[ColumnElement[bool]]:
        equal = {
            "supplier": self.supplier,
            "recipient": self.recipient,
            "holder": self.holder,
            "designation": self.item,
            "category": self.category,
            "kind": self.kind,
            "status": self.status,
            "stance": self.stance,
        }
        out = [claims.c[name] == value for name, value in equal.items() if value is not None]
        if self.since:
            out.append(claims.c.on_date >= start_of(self.since))
        if self.until:
            out.append(claims.c.on_date < after(self.until))
        if self.review is None:
            out.append(claims.c.review != "rejected")
        elif self.review != "any":
            out.append(claims.c.review == self.review)
        return out


def start_of(value: str) -> str:
    """The first day of the period `value` names (`2023` → `2023-01-01`)."""
    start = day(value)
    if start is None:
        raise InputError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return start


def after(value: str) -> str:
    """The first day after the period `value` names (`2023-06` → `2023-07-01`)."""
    prefix = iso_date(value)
    if prefix is None or prefix != value.strip():
        raise InputError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    if len(prefix) == 4:
        return f"{int(prefix) + 1:04d}-01-01"
    if len(prefix) == 7:
        year, month = int(prefix[:4]), int(prefix[5:7])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return f"{year:04d}-{month:02d}-01"
    return prefix + "\uffff"  # a single day: everything on it sorts below this


CLAIM_COLUMNS = (
    *claims.c,
    documents.c.doc_key,
    documents.c.hash.label("doc_hash"),
    documents.c.url,
    documents.c.outlet,
    documents.c.title,
    documents.c.date.label("doc_date"),
    documents.c.duplicate_of,
)


def claims_select(where: ClaimFilter, limit: int | None = None) -> Select[Any]:
    query = (
        select(*CLAIM_COLUMNS)
        .join(documents, documents.c.id == claims.c.document_id)
        .where(and_(True, *where.conditions()))
        .order_by(claims.c.on_date.desc(), claims.c.document_id.desc(), claims.c.seq)
    )
    return query.limit(limit) if limit else query


def find_claims(conn: Connection, where: ClaimFilter, limit: int | None = None) -> list[Any]:
    return list(conn.execute(claims_select(where, limit)).all())


def stream_claims(conn: Connection, where: ClaimFilter) -> Iterator[Any]:
    """All matching claims without holding them in memory at once."""
    result = conn.execution_options(yield_per=2000).execute(claims_select(where))
    yield from result


def claim_object(row: Any) -> dict[str, Any]:
    """The claims-v1 object of a claim row, with its document and assertion."""
    quantity = None
    if row.qty_value is not None:
        value = row.qty_value
        quantity = {
            "value": int(value) if float(value).is_integer() else value,
            "approximate": bool(row.qty_approximate),
            "bound": row.qty_bound,
            "per": row.qty_per,
        }
    out: dict[str, Any] = {
        "kind": row.kind,
        "supplier": row.supplier,
        "recipient": row.recipient,
        "holder": row.holder,
        "item": {"text": row.item_text, "designation": row.designation, "category": row.category},
        "quantity": quantity,
        "status": row.status,
        "stance": row.stance,
        "sources": json.loads(row.sources),
        "time": row.time,
        "evidence": {"start": row.ev_start, "end": row.ev_end, "text": row.ev_text},
    }
    if row.extra:
        out.update(json.loads(row.extra))
    out["doc"] = row.doc_key
    out["document_id"] = row.document_id
    out["assertion_id"] = row.assertion_key
    return out
