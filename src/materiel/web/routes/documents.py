"""A document: its text with each claim's evidence highlighted, and its claims."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse

from materiel.store.register import document
from materiel.store.users import User
from materiel.web.auth import require_user
from materiel.web.highlight import segments
from materiel.web.render import page

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(require_user)]
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, _user: Viewer, doc_id: Id) -> HTMLResponse:
    with request.app.state.store.read() as conn:
        view = document(conn, doc_id)
    if view is None:
        raise HTTPException(404, f"no document {doc_id}")
    spans = [(c.id, c.ev_start, c.ev_end) for c in view.claims if c.review != "rejected"]
    parts = segments(view.text, spans)
    numbers = {claim.id: number for number, claim in enumerate(view.claims, start=1)}
    return page(request, "document.html", doc=view, parts=parts, numbers=numbers)
