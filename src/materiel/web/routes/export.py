"""Export downloads: the register (or a filtered part of it) as CSV, JSON
Lines, STIX 2.1 or a SIPRI-style trade register."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse

from materiel.export import EXPORTERS
from materiel.store.query import ClaimFilter
from materiel.store.users import User
from materiel.web.auth import require_user
from materiel.web.exporting import download
from materiel.web.params import claim_filter
from materiel.web.render import page

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(require_user)]
Format = Literal["csv", "jsonl", "stix", "sipri"]
Records = Literal["claims", "assertions"]


@router.get("/export", response_class=HTMLResponse)
def export_page(request: Request, _user: Viewer) -> HTMLResponse:
    return page(request, "export.html", formats=list(EXPORTERS))


@router.get("/export/download")
def export_download(
    request: Request,
    _user: Viewer,
    where: Annotated[ClaimFilter, Depends(claim_filter)],
    format: Format = "csv",
    records: Records = "claims",
) -> FileResponse:
    return download(request, format, records, where)
