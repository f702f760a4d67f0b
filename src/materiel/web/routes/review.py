"""Review of one claim: its evidence in context, the machine's version, the
audit history, and the forms to accept, correct or reject it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from materiel.exc import ReviewError
from materiel.store.register import claim_row
from materiel.store.review import accept, correct, history, machine_version, recent, reject
from materiel.store.review_fields import EDITABLE
from materiel.store.users import User
from materiel.web.auth import form_writer, require_user
from materiel.web.render import page

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(require_user)]
Writer = Annotated[User, Depends(form_writer)]
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
CONTEXT = 300  # characters of the document shown around the evidence


def _back(claim_id: int, note: str) -> RedirectResponse:
    return RedirectResponse(f"/claims/{claim_id}?done={note}", status_code=303)


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def review_page(
    request: Request, _user: Viewer, claim_id: Id, done: str | None = None
) -> HTMLResponse:
    return _review(request, claim_id, {"accepted": "Accepted.", "corrected": "Saved.",
                                       "rejected": "Rejected."}.get(done or ""))  # fmt: skip


def _review(request: Request, claim_id: int, message: str | None, status: int = 200,
            error: str | None = None) -> HTMLResponse:  # fmt: skip
    with request.app.state.store.read() as conn:
        claim = claim_row(conn, claim_id)
        if claim is None:
            raise HTTPException(404, f"no claim {claim_id}")
        machine = machine_version(conn, claim_id)
        entries = history(conn, claim_id)
    return page(
        request, "review.html", status_code=status, claim=claim, machine=machine,
        entries=entries, fields=EDITABLE, message=message, error=error,
    )  # fmt: skip


@router.post("/claims/{claim_id}/accept")
def accept_form(request: Request, user: Writer, claim_id: Id) -> RedirectResponse:
    with request.app.state.store.write() as conn:
        accept(conn, claim_id, user.name)
    return _back(claim_id, "accepted")


@router.post("/claims/{claim_id}/reject", response_model=None)
def reject_form(
    request: Request, user: Writer, claim_id: Id, reason: Annotated[str, Form(max_length=2000)] = ""
) -> RedirectResponse | HTMLResponse:
    try:
        with request.app.state.store.write() as conn:
            reject(conn, claim_id, user.name, reason)
    except ReviewError as err:
        return _review(request, claim_id, None, 400, str(err))
    return _back(claim_id, "rejected")


@router.post("/claims/{claim_id}/correct", response_model=None)
async def correct_form(
    request: Request, user: Writer, claim_id: Id
) -> RedirectResponse | HTMLResponse:
    form = await request.form()
    changes = {name: str(form.get(name) or "") for name in EDITABLE if name in form}
    if "qty_approximate" not in form:
        changes["qty_approximate"] = "false"  # an unticked box is not sent
    return await run_in_threadpool(_correct, request, user, claim_id, changes)


def _correct(
    request: Request, user: User, claim_id: int, changes: dict[str, str]
) -> RedirectResponse | HTMLResponse:
    try:
        with request.app.state.store.write() as conn:
            correct(conn, claim_id, user.name, changes)
    except ReviewError as err:
        return _review(request, claim_id, None, 400, str(err))
    return _back(claim_id, "corrected")


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, _user: Viewer) -> HTMLResponse:
    with request.app.state.store.read() as conn:
        entries = recent(conn, 200)
    return page(request, "audit.html", entries=entries)
