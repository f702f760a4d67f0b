"""A holder's ledger of one item: every reported stock, production,
consumption and transfer figure over time, the figures derived from them with
their arithmetic (opening stock + production + imports − exports − closing
stock = implied use), rates compared over time, and sources that disagree."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date

from materiel.analysis.records import Record
from materiel.analysis.reliability import Grades
from materiel.store.merge import period, span
from materiel.store.query import start_of

APPROXIMATE = 0.10  # "about 900" is read as 810–990
OPEN_BOUND = 0.5  # "at least 100" as 100–150, "at most 100" as 50–100
SIGN = {"stock": 0, "production": 1, "import": 1, "consumption": -1, "export": -1}
FLOWING = ("delivered", "ongoing")  # transfer statuses that moved goods


@dataclass(frozen=True)
class Entry:
    """One reported figure and what it means for the holder's stock."""

    record: Record
    role: str  # stock, production, consumption, import, export
    grade: str  # the best grade among its sources

    @property
    def counts(self) -> bool:
        """Whether it enters the arithmetic: a figure, not denied, goods that moved."""
        moved = self.role not in ("import", "export") or self.record.status in FLOWING
        return self.record.value is not None and self.record.stance != "denied" and moved

    @property
    def is_rate(self) -> bool:
        return self.record.per is not None

    def range(self) -> tuple[float, float]:
        return figure_range(self.record)


@dataclass(frozen=True)
class Term:
    """One term of a derived figure: sign, value, range and the claims behind it."""

    label: str
    sign: int
    value: float
    low: float
    high: float
    claims: tuple[int, ...]


@dataclass(frozen=True)
class Reconciliation:
    """Opening stock + production + imports − exports − closing stock = implied use."""

    item: str
    start: str | None  # the window's first day (the analyst's date for an undated opening)
    end: str | None
    terms: list[Term]
    implied_use: float
    low: float
    high: float
    reported_use: float  # consumption reported as totals within the window

    @property
    def months(self) -> float | None:
        return months_between(self.start, self.end)

    def arithmetic(self) -> str:
        text = " ".join(
            f"{'−' if t.sign < 0 else '+'} {t.value:,.0f} {t.label}" for t in self.terms
        ).lstrip("+ ")
        return f"{text} = {self.implied_use:,.0f} implied use"


@dataclass(frozen=True)
class Trend:
    """Two rates of the same kind at different times."""

    earlier: Entry
    later: Entry

    @property
    def ratio(self) -> float:
        return (self.later.record.value or 0.0) / (self.earlier.record.value or 1.0)


@dataclass(frozen=True)
class Conflict:
    """Two sources giving incompatible figures for the same thing and period."""

    first: Entry
    second: Entry


@dataclass
class Ledger:
    holder: str
    item: str | None
    category: str | None
    entries: list[Entry] = field(default_factory=list)
    reconciliations: list[Reconciliation] = field(default_factory=list)
    trends: list[Trend] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def figure_range(record: Record) -> tuple[float, float]:
    """The numbers a reported figure stands for (documented in docs/assessment.md)."""
    value = record.value or 0.0
    if record.bound == "at_least":
        return value, value * (1 + OPEN_BOUND)
    if record.bound == "at_most":
        return value * (1 - OPEN_BOUND), value
    slack = APPROXIMATE if record.approximate else 0.0
    return value * (1 - slack), value * (1 + slack)


def months_between(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    first, last = date.fromisoformat(start[:10]), date.fromisoformat(end[:10])
    return (last - first).days / (365.25 / 12)


def role_of(record: Record, holder: str) -> str:
    if record.kind != "transfer":
        return record.kind
    return "import" if record.recipient == holder else "export"


def build_ledger(
    holder: str,
    records: list[Record],
    grades: Grades,
    item: str | None = None,
    category: str | None = None,
    opening: str | None = None,
) -> Ledger:
    """The ledger of `records` (the holder's figures, oldest first). `opening`
    dates opening stocks whose report gives them no period of their own."""
    entries = [Entry(r, role_of(r, holder), best_grade(r, grades)) for r in records]
    opening = start_of(opening) if opening else None
    ledger = Ledger(holder, item, category, entries)
    for name in sorted({e.record.item for e in entries}):
        mine = [e for e in entries if e.record.item == name]
        ledger.reconciliations.extend(reconcile(name, mine, opening))
        ledger.trends.extend(trends(mine))
        ledger.conflicts.extend(conflicts(mine))
    return ledger


def best_grade(record: Record, grades: Grades) -> str:
    return min((grades.grade(v) for v in record.voices), default="F")


def is_change(first: Entry, second: Entry) -> bool:
    """Whether two stock figures are a change over time rather than two estimates."""
    a, b = first.record, second.record
    same_sentence = a.document == b.document and a.evidence == b.evidence
    return (a.date or "") < (b.date or "") or same_sentence


def reconcile(item: str, entries: list[Entry], opening: str | None) -> list[Reconciliation]:
    stocks = [e for e in entries if e.role == "stock" and e.counts and not e.is_rate]
    pairs = [(a, b) for a, b in itertools.pairwise(stocks) if is_change(a, b)]
    return [_window(item, a, b, entries, opening) for a, b in pairs]


def _window(
    item: str, first: Entry, last: Entry, entries: list[Entry], opening: str | None
) -> Reconciliation:
    start = opening if opening and first.record.time is None else first.record.date
    inside = [e for e in entries if _within(e, start, last.record.date)]
    terms = [_term("opening stock", 1, [first])]
    for role, label in (("production", "produced"), ("import", "imported"), ("export", "exported")):
        terms.append(_term(label, SIGN[role], [e for e in inside if e.role == role]))
    terms.append(_term("closing stock", -1, [last]))
    low = sum(t.sign * (t.low if t.sign > 0 else t.high) for t in terms)
    high = sum(t.sign * (t.high if t.sign > 0 else t.low) for t in terms)
    value = sum(t.sign * t.value for t in terms)
    reported = sum(e.record.value or 0.0 for e in inside if e.role == "consumption")
    return Reconciliation(item, start, last.record.date, terms, value, low, high, reported)


def _within(entry: Entry, start: str | None, end: str | None) -> bool:
    """A total (not a rate) that moved goods between `start` and `end`, inclusive."""
    when = entry.record.date or ""
    flow = entry.role != "stock" and entry.counts and not entry.is_rate
    return flow and (start or "") <= when <= (end or "")


def _term(label: str, sign: int, entries: list[Entry]) -> Term:
    ranges = [e.range() for e in entries]
    return Term(
        label=label,
        sign=sign,
        value=sum(e.record.value or 0.0 for e in entries),
        low=sum(r[0] for r in ranges),
        high=sum(r[1] for r in ranges),
        claims=tuple(e.record.claim_id for e in entries),
    )


def trends(entries: list[Entry]) -> list[Trend]:
    """Consecutive rates of the same role and unit at different dates."""
    out: list[Trend] = []
    for role in ("production", "consumption", "import", "export"):
        rates = [e for e in entries if e.role == role and e.counts and e.is_rate]
        for a, b in itertools.pairwise(rates):
            if a.record.per == b.record.per and a.record.month < b.record.month:
                out.append(Trend(a, b))
    return out


def conflicts(entries: list[Entry]) -> list[Conflict]:
    """Pairs of figures for the same role, unit and period whose numbers
    cannot both be right (beyond the merge rule's tolerance), from different sources."""
    usable = [e for e in entries if e.counts]
    return [
        Conflict(a, b) for i, a in enumerate(usable) for b in usable[i + 1 :] if _disagree(a, b)
    ]


def _disagree(a: Entry, b: Entry) -> bool:
    ra, rb = a.record, b.record
    if a.role != b.role or ra.per != rb.per or set(ra.voices) & set(rb.voices):
        return False
    if not _same_period(ra, rb):
        return False
    low_a, high_a = span(ra.value or 0.0, ra.bound, ra.approximate)
    low_b, high_b = span(rb.value or 0.0, rb.bound, rb.approximate)
    return low_a > high_b or low_b > high_a


def _same_period(a: Record, b: Record) -> bool:
    if a.time and b.time:
        first_a, last_a = period(a.time)
        first_b, last_b = period(b.time)
        return first_a <= last_b and first_b <= last_a
    return a.month == b.month
