"""The claims an analysis reads, as plain records: everything the ledger and
the assessment need of a claim, and nothing of the store. Claims of
near-duplicate documents are left out: their originals speak for them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from materiel.store.query import ClaimFilter, find_claims

PER_MONTH = {"day": 365.25 / 12, "week": 365.25 / 12 / 7, "month": 1.0, "year": 1 / 12}


@dataclass(frozen=True)
class Record:
    """One claim, as an analysis reads it."""

    claim_id: int
    kind: str
    item: str  # the designation, else the category
    value: float | None = None
    approximate: bool = False
    bound: str | None = None
    per: str | None = None
    supplier: str | None = None
    recipient: str | None = None
    holder: str | None = None
    status: str | None = None
    stance: str = "asserted"
    sources: tuple[str, ...] = ()
    outlet: str | None = None  # who speaks when `sources` is empty: the writer
    time: str | None = None
    date: str | None = None  # the claim's period, else its document's date (YYYY-MM-DD)
    reported: str | None = None  # the document's date
    assertion: str | None = None
    document: str = ""
    evidence: str = ""

    @property
    def voices(self) -> tuple[str, ...]:
        """The independent sources it counts as: its sources, else its outlet."""
        return self.sources or (self.outlet or f"writer of {self.document}",)

    @property
    def month(self) -> str:
        return (self.date or "????-??")[:7]

    def per_month(self) -> float | None:
        """The value as a monthly rate (None for a figure that is no rate)."""
        if self.value is None or self.per is None:
            return None
        return self.value * PER_MONTH[self.per]


@dataclass(frozen=True)
class Flow:
    """Transfers from a supplier to a recipient of one item that the register
    holds and that are not only denied."""

    supplier: str
    recipient: str
    item: str
    assertions: int
    sources: int  # the most independent sources behind one of them
    delivered: bool  # whether any says goods moved


def read_records(conn: Connection, where: ClaimFilter) -> list[Record]:
    """The matching claims of original documents, oldest first."""
    rows = [row for row in find_claims(conn, where) if row.duplicate_of is None]
    records = [record_of(row) for row in rows]
    return sorted(records, key=lambda r: (r.date or "", r.reported or "", r.claim_id))


def record_of(row: Any) -> Record:
    return Record(
        claim_id=row.id,
        kind=row.kind,
        item=row.designation or row.category,
        value=row.qty_value,
        approximate=bool(row.qty_approximate),
        bound=row.qty_bound,
        per=row.qty_per,
        supplier=row.supplier,
        recipient=row.recipient,
        holder=row.holder,
        status=row.status,
        stance=row.stance,
        sources=tuple(json.loads(row.sources)),
        outlet=row.outlet,
        time=row.time,
        date=row.on_date,
        reported=row.reported,
        assertion=row.assertion_key,
        document=row.doc_key,
        evidence=" ".join(row.ev_text.split()),
    )
