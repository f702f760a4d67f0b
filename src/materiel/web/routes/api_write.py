"""The JSON API, writing and sessions: log in (a session cookie and a CSRF
token), then review claims and upload documents with the token in the
X-CSRF-Token header."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import JSONResponse

from materiel.store.register import claim_row
from materiel.store.review import accept, correct, reject
from materiel.store.users import User
from materiel.web.auth import (
    api_writer,
    check_csrf,
    check_password,
    csrf_token,
    current_user,
    end_session,
    start_session,
)
from materiel.web.schemas import (
    ClaimOut,
    CorrectionIn,
    JobOut,
    LoginIn,
    RejectIn,
    ReviewOut,
    SessionOut,
)
from materiel.web.uploads import check_length, close_form, save, uploaded_file

router = APIRouter(prefix="/api/v1", tags=["review and accounts"])
Writer = Annotated[User, Depends(api_writer)]
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["document"],
                    "properties": {"document": {"type": "string", "format": "binary"}},
                }
            }
        },
    }
}


def _session(request: Request) -> SessionOut:
    user = current_user(request)
    return SessionOut(
        user=user.name if user else None, role=user.role if user else None,
        csrf_token=csrf_token(request), single_user=request.app.state.single_user,
    )  # fmt: skip


@router.get("/session")
def session(request: Request) -> SessionOut:
    """Who is logged in, and the CSRF token for writes."""
    return _session(request)


@router.post("/login", responses={401: {"description": "Unknown name or wrong password"}})
def login(request: Request, body: LoginIn) -> SessionOut:
    """Log in: sets the session cookie; the answer carries the CSRF token."""
    user = check_password(request.app.state.store, body.name, body.password)
    if user is None:
        raise HTTPException(401, "unknown name or wrong password")
    start_session(request, user)
    return _session(request)


@router.post("/logout", status_code=204, response_class=JSONResponse)
def logout(request: Request) -> None:
    """End the session (the CSRF token is needed here too)."""
    check_csrf(request, request.headers.get("X-CSRF-Token"))
    end_session(request)


def _reviewed(request: Request, claim_id: int, changed: list[str]) -> ReviewOut:
    with request.app.state.store.read() as conn:
        row = claim_row(conn, claim_id)
    return ReviewOut(claim=ClaimOut.of(row), changed=changed)


@router.post("/claims/{claim_id}/accept")
def accept_claim(request: Request, user: Writer, claim_id: Id) -> ReviewOut:
    """Accept the claim as it stands."""
    with request.app.state.store.write() as conn:
        accept(conn, claim_id, user.name)
    return _reviewed(request, claim_id, [])


@router.post("/claims/{claim_id}/correct")
def correct_claim(request: Request, user: Writer, claim_id: Id, body: CorrectionIn) -> ReviewOut:
    """Change any of the claim's fields; the machine's version is kept."""
    with request.app.state.store.write() as conn:
        changed = correct(conn, claim_id, user.name, body.model_dump(exclude_unset=True))
    return _reviewed(request, claim_id, changed)


@router.post("/claims/{claim_id}/reject")
def reject_claim(request: Request, user: Writer, claim_id: Id, body: RejectIn) -> ReviewOut:
    """Take the claim out of the register, with a reason."""
    with request.app.state.store.write() as conn:
        reject(conn, claim_id, user.name, body.reason)
    return _reviewed(request, claim_id, [])


async def _upload_writer(request: Request) -> User:
    check_length(request)
    try:
        return api_writer(request)
    except Exception:
        await close_form(request)
        raise


@router.post("/documents", status_code=202, openapi_extra=UPLOAD_BODY)
async def upload(request: Request, user: Annotated[User, Depends(_upload_writer)]) -> JobOut:
    """Upload a document (.txt, .html, .jsonl, .xml feed); it is ingested in
    the background: poll /api/v1/jobs/{id}."""
    try:
        document = await uploaded_file(request)
        path = await save(document, request.app.state.max_upload)
    finally:
        await close_form(request)
    job = request.app.state.jobs.start(path, document.filename or path.name, user.name)
    return JobOut(**job.as_dict())
