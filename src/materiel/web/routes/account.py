"""Logging in and out (no accounts are needed in single-user mode)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from materiel.web.auth import check_csrf, check_password, end_session, start_session
from materiel.web.render import page

router = APIRouter(include_in_schema=False)
Field = Annotated[str, Form(max_length=200)]


def safe_next(target: str | None) -> str:
    """A local path to go to after logging in (never another site)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/claims"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None) -> HTMLResponse:
    return page(request, "login.html", next=safe_next(next), error=None)


@router.post("/login", response_model=None)
def login_form(
    request: Request, name: Field, password: Field, csrf_token: Field = "", next: Field = ""
) -> Response:
    check_csrf(request, csrf_token)
    user = check_password(request.app.state.store, name, password)
    if user is None:
        return page(request, "login.html", status_code=401, next=safe_next(next),
                    error="Unknown name or wrong password.")  # fmt: skip
    start_session(request, user)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout_form(request: Request, csrf_token: Field = "") -> RedirectResponse:
    check_csrf(request, csrf_token)
    end_session(request)
    return RedirectResponse("/login", status_code=303)
