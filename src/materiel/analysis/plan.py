"""From a ledger to the inputs of a projection: the latest stock, the rates
the sources report (or the ledger derives), and pending imports with their
lead times. Each input says which claims it comes from."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from materiel.analysis.ledger import Entry, Ledger, Reconciliation, is_change, months_between
from materiel.analysis.projection import Arrival, ProjectionInputs, Rate

RECENT = 12  # months: rates reported this long before the latest one are current with it
PENDING_WINDOW = 24  # months: pending imports reported this long before the start count
# status → (first, last month of arrival after the report, probability it comes at all)
LEAD_TIMES: dict[str, tuple[int, int, float]] = {
    "expected": (0, 6, 0.7),
    "agreed": (3, 12, 0.8),
    "negotiating": (6, 18, 0.5),
    "considering": (9, 24, 0.3),
    "requested": (9, 24, 0.3),
    "possible": (6, 24, 0.2),
    "delivered": (0, 0, 1.0),  # reported after the stock figure: arrives when reported
    "ongoing": (0, 0, 1.0),
}
HEDGED_FACTOR = 0.75  # a hedged report of a pending import makes it less likely

Bounds = Callable[[Entry], tuple[float, float]]


@dataclass
class Plan:
    """The inputs of a projection, or why there can be none."""

    inputs: ProjectionInputs | None
    problems: list[str] = field(default_factory=list)


def plan_projection(ledger: Ledger, item: str) -> Plan:
    entries = [e for e in ledger.entries if e.record.item == item and _usable(e)]
    stock = _latest_stock(entries)
    if stock is None:
        return Plan(None, [f"no stock of {item} reported: nothing to project from"])
    start = _start_date(entries)
    windows = [r for r in ledger.reconciliations if r.item == item and (r.months or 0) >= 1]
    outflows = _rates(entries, "consumption") or _derived_use(windows)
    outflows += _rates(entries, "export")
    inflows = _rates(entries, "production") or _derived(windows, "produced")
    inflows += _rates(entries, "import")
    if not outflows:
        return Plan(
            None,
            [
                f"no rate of use of {item}: report one, or date an undated "
                "opening stock with --opening so the ledger can derive it"
            ],
        )
    arrivals = _pending(entries, str(start))
    inputs = ProjectionInputs(str(start), stock, inflows, outflows, arrivals)
    return Plan(inputs)


def _usable(entry: Entry) -> bool:
    return entry.record.value is not None and entry.record.stance != "denied"


def _latest_stock(entries: list[Entry]) -> Rate | None:
    """The stock figures of the latest month, less those a later figure of the
    same sentence replaces ("from 900 to 140" leaves 140)."""
    stocks = [e for e in entries if e.role == "stock" and not e.is_rate]
    replaced = {id(a) for a, b in itertools.pairwise(stocks) if is_change(a, b)}
    current = [e for e in stocks if id(e) not in replaced]
    if not current:
        return None
    month = max(e.record.month for e in current)
    return _range_of([e for e in current if e.record.month == month], Entry.range, "stock")


def _start_date(entries: list[Entry]) -> str:
    stocks = [e for e in entries if e.role == "stock" and not e.is_rate]
    return max(e.record.date or "" for e in stocks)


def _rates(entries: list[Entry], role: str) -> list[Rate]:
    rates = [e for e in entries if e.role == role and e.is_rate and e.counts]
    if not rates:
        return []
    latest = max(e.record.date or "" for e in rates)
    current = [e for e in rates if (months_between(e.record.date, latest) or 0) <= RECENT]
    return [_range_of(current, _monthly_range, role)]


def _monthly_range(entry: Entry) -> tuple[float, float]:
    low, high = entry.range()
    factor = (entry.record.per_month() or 0.0) / (entry.record.value or 1.0)
    return low * factor, high * factor


def _range_of(entries: list[Entry], bounds: Bounds, label: str) -> Rate:
    ranges = [bounds(e) for e in entries]
    low, high = min(r[0] for r in ranges), max(r[1] for r in ranges)
    cited = "; ".join(
        f"{_figure(e)} ({', '.join(e.record.voices)}, #{e.record.claim_id})" for e in entries
    )
    unit = "" if label == "stock" else "/month"
    basis = f"{label} {low:,.0f}–{high:,.0f}{unit} from {cited}"
    return Rate(low, high, basis, tuple(e.record.claim_id for e in entries))


def _figure(entry: Entry) -> str:
    r = entry.record
    text = ("~" if r.approximate else "") + f"{r.value or 0:,.0f}"
    text += {"at_least": "+", "at_most": " max"}.get(r.bound or "", "")
    return text + (f"/{r.per}" if r.per else "")


def _derived_use(windows: list[Reconciliation]) -> list[Rate]:
    if not windows:
        return []
    w = windows[-1]
    months = w.months or 1.0
    basis = (
        f"use {w.low / months:,.1f}–{w.high / months:,.1f}/month: implied use "
        f"{w.implied_use:,.0f} ({w.low:,.0f}–{w.high:,.0f}) over {months:.1f} months "
        f"{w.start} … {w.end}"
    )
    claims = tuple(c for t in w.terms for c in t.claims)
    return [Rate(w.low / months, w.high / months, basis, claims)]


def _derived(windows: list[Reconciliation], label: str) -> list[Rate]:
    terms = [(w, t) for w in windows for t in w.terms if t.label == label and t.claims]
    if not terms:
        return []
    w, t = terms[-1]
    months = w.months or 1.0
    basis = (
        f"production {t.low / months:,.1f}–{t.high / months:,.1f}/month: "
        f"{t.value:,.0f} {label} over {months:.1f} months {w.start} … {w.end}"
    )
    return [Rate(t.low / months, t.high / months, basis, t.claims)]


def _pending(entries: list[Entry], start: str) -> list[Arrival]:
    """Imports not yet in the stock: pending deals by their lead times, and
    deliveries reported after the stock figure."""
    out = []
    for entry in entries:
        lead = LEAD_TIMES.get(entry.record.status or "")
        if entry.role == "import" and not entry.is_rate and lead is not None:
            offset = round(months_between(start, entry.record.date) or 0.0)
            if offset >= -PENDING_WINDOW and offset + lead[1] >= 1:
                out.append(_arrival(entry, offset, lead))
    return out


def _arrival(entry: Entry, offset: int, lead: tuple[int, int, float]) -> Arrival:
    r = entry.record
    chance = lead[2] * (HEDGED_FACTOR if r.stance == "hedged" else 1.0)
    first, last = offset + lead[0], offset + lead[1]
    low, high = entry.range()
    basis = (
        f"{_figure(entry)} {r.status} from {r.supplier} ({', '.join(r.voices)}, "
        f"#{r.claim_id}): p={chance:.2f}, months {first}–{last}"
    )
    return Arrival(low, high, chance, first, last, basis, (r.claim_id,))
