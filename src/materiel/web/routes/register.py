"""The register: claims and assertions, filtered, sorted and paginated."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from materiel.store.query import ClaimFilter
from materiel.store.register import AssertionFilter, Page, assertion_page, claim_page
from materiel.store.users import User
from materiel.web.auth import require_user
from materiel.web.params import (
    AssertionSort,
    ClaimSort,
    Limit,
    Offset,
    assertion_filter,
    claim_filter,
    filter_values,
)
from materiel.web.render import page

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(require_user)]


@router.get("/")
def home(_user: Viewer) -> RedirectResponse:
    return RedirectResponse("/claims", status_code=303)


def links(path: str, values: dict[str, str], found: Page) -> dict[str, str | None]:
    """The previous and next page's addresses."""

    def at(offset: int) -> str:
        return path + "?" + urlencode({**values, "offset": offset, "limit": found.limit})

    before = max(0, found.offset - found.limit)
    return {
        "prev": at(before) if found.offset > 0 else None,
        "next": at(found.offset + found.limit) if found.has_next else None,
    }


@router.get("/claims", response_class=HTMLResponse)
def claims_page(
    request: Request,
    _user: Viewer,
    where: Annotated[ClaimFilter, Depends(claim_filter)],
    sort: ClaimSort = "date",
    offset: Offset = 0,
    limit: Limit = 50,
) -> HTMLResponse:
    with request.app.state.store.read() as conn:
        found = claim_page(conn, where, sort, offset, limit)
    values = {**filter_values(where), "sort": sort}
    return page(
        request, "claims.html", found=found, values=values,
        links=links("/claims", values, found), sort=sort,
    )  # fmt: skip


@router.get("/assertions", response_class=HTMLResponse)
def assertions_page(
    request: Request,
    _user: Viewer,
    where: Annotated[AssertionFilter, Depends(assertion_filter)],
    sort: AssertionSort = "last_seen",
    offset: Offset = 0,
    limit: Limit = 50,
) -> HTMLResponse:
    with request.app.state.store.read() as conn:
        found = assertion_page(conn, where, sort, offset, limit)
    values = {**filter_values(where), "sort": sort}
    return page(
        request, "assertions.html", found=found, values=values,
        links=links("/assertions", values, found), sort=sort,
    )  # fmt: skip
