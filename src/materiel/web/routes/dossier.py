"""The dossier of a supplier→recipient pair (timeline, assessment, sources)
and a party's ledger with its chart (assessment from `analysis_view`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from materiel.store.dossier import Assertion, dossier
from materiel.store.names import catalogue
from materiel.store.users import User
from materiel.web import analysis_view
from materiel.web.auth import require_user
from materiel.web.params import clean
from materiel.web.render import page

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(require_user)]
Party = Annotated[str | None, Query(max_length=100)]


@router.get("/dossier", response_class=HTMLResponse, response_model=None)
def dossier_form(
    request: Request, _user: Viewer, a: Party = None, b: Party = None
) -> HTMLResponse | RedirectResponse:
    first, second = clean(a), clean(b)
    if first and second:
        names = catalogue()
        target = f"/dossier/{names.party(first)}/{names.party(second)}"
        return RedirectResponse(target, status_code=303)
    return page(request, "dossier.html", pair=None, found=[], view=None, timeline=[], limit=0)


SHOWN = 20  # assertions on the page unless more are asked for
REPORTS = 8  # latest reports of each in the timeline


@router.get("/dossier/{first}/{second}", response_class=HTMLResponse)
def dossier_page(
    request: Request, _user: Viewer, first: str, second: str,
    limit: Annotated[int, Query(ge=1, le=200)] = SHOWN,
) -> HTMLResponse:  # fmt: skip
    names = catalogue()
    a, b = names.party(clean(first) or "?"), names.party(clean(second) or "?")
    with request.app.state.store.read() as conn:
        found = dossier(conn, a, b, limit=limit, history=REPORTS)
        view = analysis_view.assessment(conn, a, b)
    return page(
        request, "dossier.html", pair=(a, b), found=found, view=view, timeline=timeline(found),
        limit=limit,
    )  # fmt: skip


def timeline(found: list[Assertion]) -> list[tuple[str, Assertion, object]]:
    """Every report of the dossier, oldest first: (date, assertion, report)."""
    events = [(r.date or "", a, r) for a in found for r in a.history]
    return sorted(events, key=lambda event: event[0])


@router.get("/ledger", response_class=HTMLResponse)
def ledger_page(request: Request, _user: Viewer, party: Party = None) -> HTMLResponse:
    code = catalogue().party(clean(party) or "") or None
    view = None
    if code:
        with request.app.state.store.read() as conn:
            view = analysis_view.ledger(conn, code)
    return page(request, "ledger.html", party=code, view=view)
