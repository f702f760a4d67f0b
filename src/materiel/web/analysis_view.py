"""Where the assessment (`materiel.analysis`, written separately) meets the
pages: the dossier's assessment and the ledger with its chart. Until that
package is installed, each place says "assessment not available"; when it
lands, only this module needs wiring.

The adapter looks for these functions in `materiel.analysis` and calls them
with an open connection:

* `assess(conn, first, second)` → an object with `summary` (text), and
  optionally `hypotheses` (list of (name, score) pairs) and `chart_svg` (an
  SVG string the analysis package builds itself);
* `ledger(conn, party)` → an object with `rows` (list of dicts: the columns
  of the ledger) and optionally `chart_svg`.

SVG from the analysis package is trusted output of our own code, never
document text; anything else is escaped by the templates.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from sqlalchemy import Connection

UNAVAILABLE = "assessment not available"


@dataclass
class View:
    """What a template shows: `available` False means the placeholder."""

    available: bool
    summary: str = UNAVAILABLE
    hypotheses: list[tuple[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    chart_svg: str | None = None


def _analysis() -> ModuleType | None:
    try:
        return importlib.import_module("materiel.analysis")
    except ImportError:
        return None


def _call(name: str, *args: Any) -> Any | None:
    module = _analysis()
    function = getattr(module, name, None) if module is not None else None
    return function(*args) if callable(function) else None


def assessment(conn: Connection, first: str, second: str) -> View:
    """The assessment of a pair for the dossier page."""
    found = _call("assess", conn, first, second)
    if found is None:
        return View(False)
    return View(
        True,
        summary=str(getattr(found, "summary", "")),
        hypotheses=list(getattr(found, "hypotheses", []) or []),
        chart_svg=getattr(found, "chart_svg", None),
    )


def ledger(conn: Connection, party: str) -> View:
    """The ledger of a party with its chart for the ledger page."""
    found = _call("ledger", conn, party)
    if found is None:
        return View(False)
    return View(
        True,
        summary=str(getattr(found, "summary", "")),
        rows=list(getattr(found, "rows", []) or []),
        chart_svg=getattr(found, "chart_svg", None),
    )
