"""Rendering pages: one Jinja2 environment with autoescape on for every
template, and filters that format the register's values."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from materiel.model import CATEGORIES, KINDS, STANCES, STATUSES
from materiel.store.names import catalogue
from materiel.web.auth import CSRF_FIELD, csrf_token, current_user

TEMPLATES = Path(__file__).resolve().parent / "templates"


def quantity(value: float | None, approximate: bool | None = False, bound: str | None = None,
             per: str | None = None) -> str:  # fmt: skip
    """`~1,000/day`, `100+`, `≤ 50`, or an empty string."""
    if value is None:
        return ""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    prefix = "~" if approximate else "≤ " if bound == "at_most" else ""
    suffix = "+" if bound == "at_least" else ""
    return f"{prefix}{text}{suffix}" + (f"/{per}" if per else "")


def plain(value: float | None) -> str:
    """A number as an input field shows it: `1000`, `2.5`, or empty."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def show(value: object) -> str:
    """A stored value for a table cell: `1000` not `1000.0`, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, float):
        return plain(value)
    return str(value)


def svg_uri(svg: str) -> str:
    """An SVG as a data URI for an <img>: shown, never run as part of the page."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def party(code: str | None) -> str:
    return catalogue().party_name(code) if code else ""


def sources(value: str | list[str] | None) -> str:
    names = json.loads(value) if isinstance(value, str) else value or []
    return ", ".join(str(n) for n in names)


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        quantity=quantity,
        party=party,
        sources=sources,
        plain=plain,
        show=show,
        svg_uri=svg_uri,
    )
    env.globals.update(
        KINDS=KINDS, CATEGORIES=CATEGORIES, STATUSES=STATUSES, STANCES=STANCES,
        CSRF_FIELD=CSRF_FIELD,
    )  # fmt: skip
    return env


ENV = make_environment()


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The template `name` filled with `context`, the user and the CSRF token."""
    values = {
        "request": request,
        "user": current_user(request),
        "single_user": request.app.state.single_user,
        "csrf": csrf_token(request),
        "message": None,
        **context,
    }
    html = ENV.get_template(name).render(values)
    return HTMLResponse(html, status_code=status_code)
