"""Query parameters shared by the pages and the API: the register's filters
(names resolved through the catalogues), sorting and paging."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

from materiel.store.names import catalogue
from materiel.store.query import ClaimFilter
from materiel.store.register import AssertionFilter

Text = Annotated[str | None, Query(max_length=100)]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip.")]
Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page.")]
ClaimSort = Literal["date", "date_asc", "supplier", "recipient", "item", "quantity"]
AssertionSort = Literal["last_seen", "first_seen", "sources", "claims"]
FILTER_NAMES = (
    "supplier", "recipient", "holder", "item", "category", "kind", "status", "stance",
    "since", "until", "review",
)  # fmt: skip


def clean(value: str | None) -> str | None:
    """A parameter as the store takes it: trimmed, NUL-free, empty as None."""
    if value is None:
        return None
    text = value.replace("\x00", "").strip()
    return text or None


def _party(value: str | None) -> str | None:
    text = clean(value)
    return catalogue().party(text) if text else None


def _item(value: str | None) -> str | None:
    text = clean(value)
    return catalogue().system(text) if text else None


def claim_filter(
    supplier: Text = None,
    recipient: Text = None,
    holder: Text = None,
    item: Text = None,
    category: Text = None,
    kind: Text = None,
    status: Text = None,
    stance: Text = None,
    since: Annotated[str | None, Query(max_length=10, description="YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, Query(max_length=10, description="YYYY[-MM[-DD]]")] = None,
    review: Annotated[
        str | None,
        Query(max_length=10, description="machine, accepted, corrected, rejected or any"),
    ] = None,
) -> ClaimFilter:
    """The claims filter of a request; checked at once (a bad date is a 400)."""
    where = ClaimFilter(
        supplier=_party(supplier), recipient=_party(recipient), holder=_party(holder),
        item=_item(item), category=clean(category), kind=clean(kind), status=clean(status),
        stance=clean(stance), since=clean(since), until=clean(until), review=clean(review),
    )  # fmt: skip
    where.conditions()
    return where


def assertion_filter(
    supplier: Text = None,
    recipient: Text = None,
    holder: Text = None,
    item: Text = None,
    category: Text = None,
    kind: Text = None,
    status: Text = None,
    stance: Text = None,
) -> AssertionFilter:
    return AssertionFilter(
        supplier=_party(supplier), recipient=_party(recipient), holder=_party(holder),
        item=_item(item), category=clean(category), kind=clean(kind), status=clean(status),
        stance=clean(stance),
    )  # fmt: skip


def filter_values(where: ClaimFilter | AssertionFilter) -> dict[str, str]:
    """The filter's non-empty fields, to refill a form and build page links."""
    return {k: v for k, v in where.__dict__.items() if isinstance(v, str)}
