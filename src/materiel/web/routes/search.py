"""Full-text search over the documents."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from materiel.store.report import search
from materiel.store.users import User
from materiel.web.auth import require_user
from materiel.web.params import clean
from materiel.web.render import page

MARKS = ("\x02", "\x03")  # around matches; never shown
router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(require_user)]


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, _user: Viewer, q: Annotated[str | None, Query(max_length=300)] = None
) -> HTMLResponse:
    query = clean(q) or ""
    hits = []
    if query:
        with request.app.state.store.read() as conn:
            hits = search(conn, query, 50, MARKS)
    parts = [marked(hit.snippet) for hit in hits]
    return page(request, "search.html", query=query, hits=list(zip(hits, parts, strict=True)))


def marked(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, is a match) pieces, for the template to escape."""
    pieces = re.split(f"{MARKS[0]}(.*?){MARKS[1]}", snippet, flags=re.S)
    return [(piece, index % 2 == 1) for index, piece in enumerate(pieces) if piece]
