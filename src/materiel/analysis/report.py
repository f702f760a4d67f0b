"""The analyses as readable text, every number with the claims (#id) behind it."""

from __future__ import annotations

from materiel.analysis.ach import HYPOTHESES, Assessment, Row
from materiel.analysis.ledger import Conflict, Entry, Ledger, Reconciliation, Trend
from materiel.analysis.plan import Plan
from materiel.analysis.projection import Projection
from materiel.analysis.records import Flow
from materiel.analysis.reliability import CREDIBILITY_WORDS, Grades


def figure_text(entry: Entry) -> str:
    r = entry.record
    if r.value is None:
        return "-"
    text = ("~" if r.approximate else "") + f"{r.value:,.0f}"
    text += {"at_least": "+", "at_most": " max"}.get(r.bound or "", "")
    return text + (f"/{r.per}" if r.per else "")


def voices_text(voices: tuple[str, ...], grades: Grades) -> str:
    marks = (f"{v} ({grades.grade(v)}{'*' if grades.overridden(v) else ''})" for v in voices)
    return ", ".join(marks)


def ledger_lines(ledger: Ledger, grades: Grades, title: str) -> list[str]:
    lines = [f"Ledger {title}: {len(ledger.entries)} reported figures", "", "Reported"]
    lines.append(
        f"  {'date':10}  {'kind':11}  {'figure':14} {'period':9} {'stance':8}  "
        f"{'claim':>6}  sources (grade)"
    )
    lines.extend(_entry_line(e, grades) for e in ledger.entries)
    lines += ["", "Derived"]
    derived = [
        *(_reconciliation_lines(r) for r in ledger.reconciliations),
        *([_trend_line(t)] for t in ledger.trends),
    ]
    lines.extend(line for block in derived for line in block)
    if not derived:
        lines.append("  none: no two stock figures, and no rates to compare")
    return [*lines, "", "Conflicts", *(_conflict_line(c) for c in ledger.conflicts)] + (
        [] if ledger.conflicts else ["  none"]
    )


def _conflict_line(c: Conflict) -> str:
    return (
        f"  {c.first.role} {c.first.record.month}: {figure_text(c.first)} "
        f"({', '.join(c.first.record.voices)}, #{c.first.record.claim_id}) vs "
        f"{figure_text(c.second)} ({', '.join(c.second.record.voices)}, "
        f"#{c.second.record.claim_id})"
    )


def _entry_line(entry: Entry, grades: Grades) -> str:
    r = entry.record
    role = f"{entry.role} {r.supplier}" if entry.role == "import" else entry.role
    role = f"{entry.role} {r.recipient}" if entry.role == "export" else role
    status = f" [{r.status}]" if r.status and r.status not in ("delivered", "ongoing") else ""
    return (
        f"  {r.date or '?':10}  {role:11}  {figure_text(entry) + status:14} "
        f"{r.time or '-':9} {r.stance:8}  {'#' + str(r.claim_id):>6}  "
        f"{voices_text(r.voices, grades)} — {r.document.rsplit('/', 1)[-1]}"
    )


def _reconciliation_lines(rec: Reconciliation) -> list[str]:
    terms = " ".join(
        f"{'−' if t.sign < 0 else '+'} {t.value:,.0f} {t.label}"
        + (f" ({', '.join('#' + str(c) for c in t.claims)})" if t.claims else "")
        for t in rec.terms
    ).lstrip("+ ")
    months = rec.months
    per = (
        f"; over {months:.1f} months: {rec.implied_use / months:,.1f} a month"
        if months
        else ("; the window's length is unknown (date the opening with --opening)")
    )
    return [
        f"  {rec.item} stock change {rec.start} … {rec.end}:",
        f"    {terms}",
        f"    = {rec.implied_use:,.0f} implied use (range {rec.low:,.0f}–{rec.high:,.0f} "
        f"with approximate figures ±10%){per}",
        f"    use reported as totals in the window: {rec.reported_use:,.0f}",
    ]


def _trend_line(trend: Trend) -> str:
    a, b = trend.earlier, trend.later
    return (
        f"  {a.record.item} {a.role}: {figure_text(a)} ({a.record.month}, "
        f"{', '.join(a.record.voices)}, #{a.record.claim_id}) → {figure_text(b)} "
        f"({b.record.month}, {', '.join(b.record.voices)}, #{b.record.claim_id}): "
        f"× {trend.ratio:.2f}" + (f" (÷ {1 / trend.ratio:.1f})" if trend.ratio else "")
    )


def projection_lines(plan: Plan, projection: Projection | None) -> list[str]:
    if projection is None:
        return ["", "Projection", *(f"  {p}" for p in plan.problems)]
    i = projection.inputs
    lines = [
        "",
        f"Projection: {projection.draws:,} draws, seed {projection.seed}, monthly "
        f"from {projection.months[0]} for {projection.horizon} months; "
        f"level {projection.level:,.0f}",
        f"  start     {i.stock.basis}",
    ]
    lines.extend(f"  out       {r.basis}" for r in i.outflows)
    lines.extend(f"  in        {r.basis}" for r in i.inflows)
    lines.extend(f"  arriving  {a.basis}" for a in i.arrivals)
    when = ", ".join(
        f"{p}% by {projection.crossing_month(p) or 'after ' + projection.months[-1]}"
        for p in sorted(projection.crossing)
    )
    lines.append(
        f"  reaches {projection.level:,.0f}: {when} "
        f"({projection.share_crossing:.0%} of draws within {projection.horizon} months)"
    )
    return lines


def assessment_lines(
    found: Assessment, grades: Grades, title: str, names: tuple[str, str]
) -> list[str]:
    j = found.judgement
    lines = [
        f"Assessment {title}: {len(found.rows)} rows from "
        f"{sum(len(r.claims) for r in found.rows)} claims",
        "",
        "Hypotheses      " + "  ".join(f"H{i + 1} {h}" for i, h in enumerate(HYPOTHESES)),
        f"  {'row':3} {'assertion':9} {'item':20} {'side':8} {'statuses':24} {'cred':6} "
        f"{'weight':>6}  H1  H2  H3  sources (grade) and claims",
    ]
    lines.extend(_row_line(n, r, grades) for n, r in enumerate(found.rows, 1))
    lines.append(
        "  score (Σ weight × cell):        "
        + "  ".join(f"H{h + 1} {s:+.2f}" for h, s in enumerate(found.scores))
    )
    lines.append(
        "  probability (softmax of score): "
        + "  ".join(f"H{h + 1} {p:5.0%}" for h, p in enumerate(found.probabilities))
    )
    lines += [
        "",
        f"Judgement: it is {j.words} ({j.probability:.0%}) that {names[0]} is "
        f"{j.hypothesis} {_object(found)} {names[1]}.",
    ]
    drivers = ", ".join(f"row {found.rows.index(r) + 1}" for r in found.drivers)
    lines.append(f"  driven by: {drivers or 'nothing: no row tells the hypotheses apart'}")
    return lines + _history_lines(found)


def _history_lines(found: Assessment) -> list[str]:
    lines = ["", "Over time (claims reported up to the end of each month)"]
    lines.extend(
        f"  {s.month:8} {s.rows:3} rows  {s.judgement.hypothesis:25} "
        f"{s.judgement.probability:4.0%}  {s.judgement.words}"
        for s in found.history
    )
    return lines


def _object(found: Assessment) -> str:
    return f"({found.item}) to" if found.item else "to"


def _row_line(n: int, row: Row, grades: Grades) -> str:
    cells = "".join(f"{c:>+4d}" for c in row.cells)
    cred = f"{row.credibility} {CREDIBILITY_WORDS[row.credibility].split()[0][:5]}"
    who = ", ".join(
        f"{v.source} ({v.grade}{'*' if grades.overridden(v.source) else ''}"
        f"{', hedged' if v.hedged else ''})"
        for v in row.voices
    )
    claims = ",".join(f"#{c}" for c in row.claims[:6]) + ("…" if len(row.claims) > 6 else "")
    return (
        f"  {n:<3} {row.assertion[:9]:9} {row.item[:20]:20} {row.side:8} "
        f"{'/'.join(row.statuses)[:24]:24} {cred:6} {row.weight:6.2f}{cells}  {who}; {claims}"
    )


def flow_lines(flows: list[Flow]) -> list[str]:
    lines = [f"{'supplier':10} {'recipient':14} {'item':24} assertions  sources  moved"]
    lines.extend(
        f"{f.supplier:10} {f.recipient:14} {f.item[:24]:24} {f.assertions:10} "
        f"{f.sources:8}  {'yes' if f.delivered else 'no'}"
        for f in flows
    )
    lines.append(f"{len(flows)} flows")
    return lines
