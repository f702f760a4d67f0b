"""Upload of documents: checked (size cap, type), ingested in the background,
progress shown on a page that polls the job."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from materiel.store.users import User
from materiel.web.auth import form_writer, require_user
from materiel.web.render import page
from materiel.web.uploads import ALLOWED, check_length, close_form, save, uploaded_file

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(require_user)]
JobId = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$")]


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, _user: Viewer) -> HTMLResponse:
    return page(request, "upload.html", allowed=ALLOWED, cap=request.app.state.max_upload)


async def upload_writer(request: Request) -> User:
    """The size is checked before the form is read, then the CSRF token and role."""
    check_length(request)
    try:
        return await form_writer(request)
    except Exception:
        await close_form(request)
        raise


@router.post("/upload")
async def upload_form(
    request: Request, user: Annotated[User, Depends(upload_writer)]
) -> RedirectResponse:
    try:
        document = await uploaded_file(request)
        path = await save(document, request.app.state.max_upload)
    finally:
        await close_form(request)
    job = request.app.state.jobs.start(path, document.filename or path.name, user.name)
    return RedirectResponse(f"/upload/jobs/{job.id}", status_code=303)


@router.get("/upload/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, _user: Viewer, job_id: JobId) -> HTMLResponse:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "no such upload (jobs are kept while the server runs)")
    return page(request, "job.html", job=job)
