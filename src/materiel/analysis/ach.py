"""Analysis of Competing Hypotheses for a supplier and a recipient.

Rows are what the register's assertions say, split by side (supporting or
denying) and phase (goods moving, or a deal in preparation); each row is
consistent or inconsistent with each hypothesis (`CELLS`), weighted by the
reliability of its best source and its credibility. Scores turn into
probabilities and words of estimative probability (docs/assessment.md).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace

from materiel.analysis.records import Record
from materiel.analysis.reliability import (
    CREDIBILITY_WEIGHT,
    GRADE_WEIGHT,
    Grades,
    Voice,
    credibility,
)

HYPOTHESES = ("delivering", "negotiating or preparing", "not supplying")
MOVING = ("delivered", "ongoing")
# (side, phase) → consistency with each hypothesis: +1 consistent, 0 neutral,
# −1 inconsistent, −2 strongly inconsistent
CELLS: dict[tuple[str, str], tuple[int, int, int]] = {
    ("supports", "moving"): (1, -1, -2),
    ("supports", "preparing"): (0, 1, -1),
    ("denies", "moving"): (-2, 0, 1),
    ("denies", "preparing"): (-1, -2, 1),
}
# ICD 203 words of estimative probability: each applies below its upper bound
WORDS = (
    (0.05, "almost no chance"),
    (0.20, "very unlikely"),
    (0.45, "unlikely"),
    (0.55, "roughly even chance"),
    (0.80, "likely"),
    (0.95, "very likely"),
    (1.01, "almost certain"),
)


@dataclass(frozen=True)
class Row:
    """One line of the matrix: what some sources say about one assertion."""

    assertion: str
    item: str
    side: str  # supports, denies
    phase: str  # moving, preparing
    statuses: tuple[str, ...]
    voices: tuple[Voice, ...]
    against: tuple[Voice, ...]
    credibility: int
    grade: str  # its best source's grade
    weight: float  # grade weight × credibility weight × share
    cells: tuple[int, int, int]
    claims: tuple[int, ...]
    first: str | None  # first and last report dates
    last: str | None
    share: float = 1.0  # the row's share of its sources' voices (see `_shared`)


@dataclass(frozen=True)
class Judgement:
    hypothesis: str
    probability: float
    words: str


@dataclass(frozen=True)
class Step:
    """The judgement with what had been reported by the end of `month`."""

    month: str
    judgement: Judgement
    rows: int


@dataclass
class Assessment:
    supplier: str
    recipient: str
    item: str | None
    rows: list[Row]
    scores: tuple[float, ...]
    probabilities: tuple[float, ...]
    judgement: Judgement
    drivers: list[Row] = field(default_factory=list)
    history: list[Step] = field(default_factory=list)


def words_for(probability: float) -> str:
    return next(words for bound, words in WORDS if probability < bound)


def phase_of(record: Record) -> str:
    return "moving" if record.status in MOVING else "preparing"


def side_of(record: Record) -> str:
    return "denies" if record.stance == "denied" else "supports"


def build_rows(records: list[Record], grades: Grades) -> list[Row]:
    """The matrix's rows: claims grouped by (assertion, side, phase)."""
    groups: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
    for r in records:
        groups[(r.assertion or f"claim {r.claim_id}", side_of(r), phase_of(r))].append(r)
    rows = []
    for (key, side, phase), members in sorted(groups.items()):
        other = "supports" if side == "denies" else "denies"
        against = _voices(groups.get((key, other, phase), []), grades)
        rows.append(_row(key, side, phase, members, against, grades))
    return _shared(rows)


def _shared(rows: list[Row]) -> list[Row]:
    """One voice, one vote per side and phase: a source heard in n rows of the
    same side and phase (one report naming rifles, drone parts and vests) lends
    each of them 1/n of its voice; a row's weight is scaled by the mean share."""
    seen: dict[tuple[str, str, str], int] = defaultdict(int)
    for row in rows:
        for voice in row.voices:
            seen[(row.side, row.phase, voice.source)] += 1
    out = []
    for row in rows:
        shares = [1 / seen[(row.side, row.phase, v.source)] for v in row.voices]
        share = sum(shares) / len(shares)
        out.append(replace(row, share=round(share, 4), weight=round(row.weight * share, 4)))
    return out


def _voices(records: list[Record], grades: Grades) -> tuple[Voice, ...]:
    """One voice per independent source; it hedges only if all its claims do."""
    hedges: dict[str, bool] = {}
    for r in records:
        for name in r.voices:
            hedges[name] = hedges.get(name, True) and r.stance == "hedged"
    return tuple(Voice(name, grades.grade(name), hedges[name]) for name in sorted(hedges))


def _row(
    key: str,
    side: str,
    phase: str,
    members: list[Record],
    against: tuple[Voice, ...],
    grades: Grades,
) -> Row:
    voices = _voices(members, grades)
    cred = credibility(list(voices), list(against))
    grade = min(v.grade for v in voices)
    dates = sorted(r.reported for r in members if r.reported)
    return Row(
        assertion=key,
        item=members[0].item,
        side=side,
        phase=phase,
        statuses=tuple(sorted({r.status or "-" for r in members})),
        voices=voices,
        against=against,
        credibility=cred,
        grade=grade,
        weight=round(GRADE_WEIGHT[grade] * CREDIBILITY_WEIGHT[cred], 4),
        cells=CELLS[(side, phase)],
        claims=tuple(r.claim_id for r in members),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
    )


def weigh(rows: list[Row]) -> tuple[tuple[float, ...], tuple[float, ...], Judgement]:
    """Scores (Σ weight × cell), probabilities (softmax of the scores) and the
    judgement on the leading hypothesis (ties go to the earlier hypothesis)."""
    scores = tuple(round(sum(r.weight * r.cells[h] for r in rows), 4) for h in range(3))
    exps = [math.exp(s) for s in scores]
    probabilities = tuple(round(e / sum(exps), 4) for e in exps)
    lead = max(range(3), key=lambda h: (probabilities[h], -h))
    p = probabilities[lead]
    return scores, probabilities, Judgement(HYPOTHESES[lead], p, words_for(p))


def drivers(rows: list[Row], lead: int, limit: int = 3) -> list[Row]:
    """The rows that most separate the leading hypothesis from the others."""

    def margin(row: Row) -> float:
        others = max(row.cells[h] for h in range(3) if h != lead)
        return row.weight * (row.cells[lead] - others)

    ranked = sorted((r for r in rows if margin(r) > 0), key=lambda r: (-margin(r), r.assertion))
    return ranked[:limit]


def assess(
    supplier: str, recipient: str, records: list[Record], grades: Grades, item: str | None = None
) -> Assessment:
    """The ACH matrix, judgement, drivers and history for these transfer claims."""
    rows = build_rows(records, grades)
    scores, probabilities, judgement = weigh(rows)
    lead = HYPOTHESES.index(judgement.hypothesis)
    found = Assessment(supplier, recipient, item, rows, scores, probabilities, judgement)
    found.drivers = drivers(rows, lead)
    found.history = history(records, grades)
    return found


def history(records: list[Record], grades: Grades) -> list[Step]:
    """The judgement as it stood at the end of each month with reports."""
    months = sorted({(r.reported or "")[:7] for r in records})
    steps = []
    for month in months:
        known = [r for r in records if (r.reported or "")[:7] <= month]
        rows = build_rows(known, grades)
        steps.append(Step(month or "undated", weigh(rows)[2], len(rows)))
    return steps
