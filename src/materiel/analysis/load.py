"""Reading what the analyses need from a store: the holder's figures, a
pair's transfer claims, the flows between parties, and the grades."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import Connection, Integer, func, select

from materiel.analysis.ach import Assessment, assess
from materiel.analysis.ledger import Ledger, build_ledger
from materiel.analysis.records import Flow, Record, read_records
from materiel.analysis.reliability import Grades, catalogue_grades
from materiel.store.grades import stored_grades
from materiel.store.query import ClaimFilter, after, start_of
from materiel.store.schema import assertions


def load_grades(
    conn: Connection, overlays: tuple[Path, ...] = (), extra: Mapping[str, str] | None = None
) -> Grades:
    """The catalogue's grades, under the register's stored overrides, under `extra`."""
    overrides = {**stored_grades(conn), **(extra or {})}
    return Grades(catalogue_grades(overlays), overrides)


def holder_records(
    conn: Connection, holder: str, item: str | None = None, category: str | None = None
) -> list[Record]:
    """The holder's stock, production and consumption figures, and its imports
    and exports, oldest first."""
    filters = (
        ClaimFilter(holder=holder, item=item, category=category),
        ClaimFilter(recipient=holder, item=item, category=category, kind="transfer"),
        ClaimFilter(supplier=holder, item=item, category=category, kind="transfer"),
    )
    found = {r.claim_id: r for where in filters for r in read_records(conn, where)}
    return sorted(found.values(), key=lambda r: (r.date or "", r.reported or "", r.claim_id))


def load_ledger(
    conn: Connection,
    holder: str,
    grades: Grades,
    item: str | None = None,
    category: str | None = None,
    opening: str | None = None,
) -> Ledger:
    records = holder_records(conn, holder, item, category)
    return build_ledger(holder, records, grades, item, category, opening)


def pair_records(
    conn: Connection,
    supplier: str,
    recipient: str,
    item: str | None = None,
    category: str | None = None,
) -> list[Record]:
    """The transfer claims from `supplier` to `recipient`, oldest first."""
    where = ClaimFilter(
        supplier=supplier, recipient=recipient, item=item, category=category, kind="transfer"
    )
    return read_records(conn, where)


def load_assessment(
    conn: Connection,
    supplier: str,
    recipient: str,
    grades: Grades,
    item: str | None = None,
    category: str | None = None,
) -> Assessment:
    records = pair_records(conn, supplier, recipient, item, category)
    return assess(supplier, recipient, records, grades, item or category)


def load_flows(
    conn: Connection,
    since: str | None = None,
    until: str | None = None,
    category: str | None = None,
) -> list[Flow]:
    item = func.coalesce(assertions.c.designation, assertions.c.category)
    moved = func.max(assertions.c.status.in_(("delivered", "ongoing")).cast(Integer))
    query = (
        select(
            assertions.c.supplier,
            assertions.c.recipient,
            item.label("item"),
            func.count().label("n"),
            func.max(assertions.c.n_sources).label("s"),
            moved.label("moved"),
        )
        .where(
            assertions.c.kind == "transfer",
            assertions.c.stance != "denied",
            assertions.c.supplier.is_not(None),
            assertions.c.recipient.is_not(None),
        )
        .group_by(assertions.c.supplier, assertions.c.recipient, item)
        .order_by(assertions.c.supplier, assertions.c.recipient, item)
    )
    if since:
        query = query.where(assertions.c.last_seen >= start_of(since))
    if until:
        query = query.where(assertions.c.first_seen < after(until))
    if category:
        query = query.where(assertions.c.category == category)
    return [
        Flow(r.supplier, r.recipient, r.item, r.n, r.s or 0, bool(r.moved))
        for r in conn.execute(query)
    ]
