"""Where the assessment (`materiel.analysis`) meets the pages: the dossier's
assessment and the ledger, computed by the same functions as `materiel assess`
and `materiel ledger`.

Everything shown is escaped by the templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from materiel.analysis.ach import HYPOTHESES
from materiel.analysis.ledger import Entry
from materiel.analysis.load import load_assessment, load_grades, load_ledger
from materiel.analysis.report import assessment_lines, figure_text

UNAVAILABLE = "assessment not available"


@dataclass
class View:
    """What a template shows: `available` False means the placeholder."""

    available: bool
    summary: str = UNAVAILABLE
    hypotheses: list[tuple[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    chart_svg: str | None = None


def assessment(conn: Connection, first: str, second: str) -> View:
    """The assessment of a pair for the dossier page (`materiel assess`)."""
    grades = load_grades(conn)
    found = load_assessment(conn, first, second, grades)
    if not found.rows:
        return View(False, summary="no transfer claims between this pair to weigh")
    lines = assessment_lines(found, grades, f"{first} → {second}", (first, second))
    # the same sentence as `materiel assess` prints
    summary = next(line for line in lines if line.startswith("Judgement:"))
    pairs = zip(HYPOTHESES, found.probabilities, strict=True)
    return View(True, summary=summary, hypotheses=[(h, f"{p:.0%}") for h, p in pairs])


def ledger(conn: Connection, party: str) -> View:
    """The ledger of a party for the ledger page (`materiel ledger`)."""
    found = load_ledger(conn, party, load_grades(conn))
    if not found.entries:
        return View(False, summary="no stock, production, use or import figures reported")
    rows = [_entry_row(entry) for entry in found.entries]
    derived = "; ".join(str(r) for r in found.reconciliations[:1])
    return View(True, summary=derived, rows=rows)


def _entry_row(entry: Entry) -> dict[str, Any]:
    record = entry.record
    return {
        "date": record.date or "",
        "kind": entry.role,
        "item": record.item,
        "figure": figure_text(entry),
        "grade": entry.grade,
        "claim": record.claim_id,
    }
