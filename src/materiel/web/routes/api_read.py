"""The JSON API, reading: claims, assertions, dossiers, documents, search,
jobs, the audit log, exports."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import FileResponse

from materiel.store.dossier import dossier
from materiel.store.names import catalogue
from materiel.store.query import ClaimFilter
from materiel.store.register import (
    AssertionFilter,
    assertion_page,
    claim_page,
    claim_row,
    document,
)
from materiel.store.report import search
from materiel.store.review import history, machine_version, recent
from materiel.store.users import User
from materiel.web import analysis_view
from materiel.web.auth import require_user
from materiel.web.exporting import download
from materiel.web.params import (
    AssertionSort,
    ClaimSort,
    Limit,
    Offset,
    assertion_filter,
    claim_filter,
    clean,
)
from materiel.web.routes.export import Format, Records
from materiel.web.schemas import (
    AssertionOut,
    AssertionPage,
    ClaimDetail,
    ClaimOut,
    ClaimPage,
    DocumentOut,
    DossierOut,
    HitOut,
    JobOut,
)

router = APIRouter(prefix="/api/v1", tags=["register"])
Viewer = Annotated[User, Depends(require_user)]
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
PartyName = Annotated[str, Path(min_length=1, max_length=100)]


@router.get("/claims")
def list_claims(
    request: Request, _user: Viewer, where: Annotated[ClaimFilter, Depends(claim_filter)],
    sort: ClaimSort = "date", offset: Offset = 0, limit: Limit = 50,
) -> ClaimPage:  # fmt: skip
    """Claims matching the filters (rejected ones only with `review=rejected` or `any`)."""
    with request.app.state.store.read() as conn:
        found = claim_page(conn, where, sort, offset, limit)
    items = [ClaimOut.of(row) for row in found.rows]
    return ClaimPage(total=found.total, offset=offset, limit=limit, items=items)


@router.get("/claims/{claim_id}")
def get_claim(request: Request, _user: Viewer, claim_id: Id) -> ClaimDetail:
    """A claim with the machine's version (if an analyst changed it) and its audit log."""
    with request.app.state.store.read() as conn:
        row = claim_row(conn, claim_id)
        if row is None:
            raise HTTPException(404, f"no claim {claim_id}")
        machine, entries = machine_version(conn, claim_id), history(conn, claim_id)
    return ClaimDetail(claim=ClaimOut.of(row), machine=machine, history=entries)


def assertion_out(row: Any) -> AssertionOut:
    values = dict(row._mapping) if hasattr(row, "_mapping") else asdict(row)
    for name in ("sources", "deniers"):
        if isinstance(values[name], str):
            values[name] = json.loads(values[name])
    return AssertionOut.model_validate(values)


@router.get("/assertions")
def list_assertions(
    request: Request, _user: Viewer, where: Annotated[AssertionFilter, Depends(assertion_filter)],
    sort: AssertionSort = "last_seen", offset: Offset = 0, limit: Limit = 50,
) -> AssertionPage:  # fmt: skip
    """Assertions (claims merged into facts) matching the filters."""
    with request.app.state.store.read() as conn:
        found = assertion_page(conn, where, sort, offset, limit)
    items = [assertion_out(row) for row in found.rows]
    return AssertionPage(total=found.total, offset=offset, limit=limit, items=items)


@router.get("/dossier/{first}/{second}")
def get_dossier(request: Request, _user: Viewer, first: PartyName, second: PartyName) -> DossierOut:
    """Transfers between two parties (either way), newest first, with their reports."""
    names = catalogue()
    a, b = names.party(clean(first) or "?"), names.party(clean(second) or "?")
    with request.app.state.store.read() as conn:
        found = dossier(conn, a, b, limit=50)
        view = analysis_view.assessment(conn, a, b)
    return DossierOut(
        first=a, second=b, assertions=[assertion_out(x) for x in found],
        assessment={"available": view.available, "summary": view.summary},
    )  # fmt: skip


@router.get("/documents/{doc_id}")
def get_document(request: Request, _user: Viewer, doc_id: Id) -> DocumentOut:
    """A document's text and all of its claims (rejected ones included)."""
    with request.app.state.store.read() as conn:
        view = document(conn, doc_id)
    if view is None:
        raise HTTPException(404, f"no document {doc_id}")
    values = {k: v for k, v in view.__dict__.items() if k != "claims"}
    return DocumentOut(**values, claims=[ClaimOut.of(row) for row in view.claims])


@router.get("/search")
def search_documents(
    request: Request, _user: Viewer, q: Annotated[str, Query(max_length=300)] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[HitOut]:  # fmt: skip
    """Documents matching words, "phrases" and OR, best first."""
    with request.app.state.store.read() as conn:
        hits = search(conn, clean(q) or "", limit)
    return [HitOut(**asdict(hit)) for hit in hits]


@router.get("/jobs/{job_id}")
def get_job(
    request: Request, _user: Viewer, job_id: Annotated[str, Path(pattern=r"^[0-9a-f]{16}$")]
) -> JobOut:
    """An upload's ingest: its state and progress."""
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "no such job")
    return JobOut(**job.as_dict())


@router.get("/audit")
def audit(
    request: Request, _user: Viewer, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[dict[str, Any]]:
    """The latest changes to the register, newest first."""
    with request.app.state.store.read() as conn:
        return recent(conn, limit)


@router.get("/export", response_class=FileResponse)
def export_file(
    request: Request, _user: Viewer, where: Annotated[ClaimFilter, Depends(claim_filter)],
    format: Format = "csv", records: Records = "claims",
) -> FileResponse:  # fmt: skip
    """The matching part of the register as a file."""
    return download(request, format, records, where)
