"""`materiel dossier A B`: what the register holds about transfers between
two parties, newest first, with sources, stance and status history."""

from __future__ import annotations

from typing import Annotated

import typer

from materiel.cli.options import Db, Overlay
from materiel.store.dossier import Assertion, Report, dossier
from materiel.store.engine import open_store
from materiel.store.names import Catalogue, catalogue


def dossier_cli(
    first: Annotated[str, typer.Argument(help="A party (code or name: CN, China).")],
    second: Annotated[str, typer.Argument(help="The other party.")],
    limit: Annotated[int, typer.Option(help="At most this many assertions.")] = 30,
    history: Annotated[int, typer.Option(help="Latest reports shown per assertion.")] = 12,
    db: Db = None,
    overlay: Overlay = None,
) -> None:
    """The assertions about transfers between two parties, newest first."""
    names = catalogue(tuple(overlay or ()))
    a, b = names.party(first), names.party(second)
    with open_store(db, create=False) as store, store.read() as conn:
        found = dossier(conn, a, b, limit, history)
    title = f"{names.party_name(a)} ({a}) ↔ {names.party_name(b)} ({b})"
    typer.echo(f"Dossier {title}: {len(found)} assertions, newest first")
    for assertion in found:
        typer.echo("")
        for line in render(assertion, names):
            typer.echo(line)


def render(assertion: Assertion, names: Catalogue) -> list[str]:
    item = assertion.designation or assertion.category
    amount = _range(assertion)
    time = f" [{assertion.time}]" if assertion.time else ""
    lines = [
        f"{assertion.supplier} → {assertion.recipient}  {item}{amount}{time}  "
        f"status: {assertion.status or '-'}  stance: {assertion.stance}  id {assertion.key}",
        f"  seen {assertion.first_seen or '?'} … {assertion.last_seen or '?'}; "
        f"{assertion.n_support} supporting, {assertion.n_deny} denying claims; "
        f"{assertion.n_documents} independent documents",
        f"  sources ({assertion.n_sources}): {', '.join(assertion.sources) or '-'}",
    ]
    if assertion.deniers:
        lines.append(f"  denied by: {', '.join(assertion.deniers)}")
    if len(assertion.history) < assertion.n_claims:
        lines.append(f"    … {assertion.n_claims - len(assertion.history)} earlier reports")
    lines.extend("    " + _history_line(report) for report in assertion.history)
    return lines


def _range(assertion: Assertion) -> str:
    if assertion.qty_low is None or assertion.qty_high is None:
        return ""
    low, high = f"{assertion.qty_low:,.0f}", f"{assertion.qty_high:,.0f}"
    per = f"/{assertion.qty_per}" if assertion.qty_per else ""
    return f"  {low}{per}" if low == high else f"  {low}–{high}{per}"


def _history_line(report: Report) -> str:
    who = ", ".join(report.sources) or report.outlet or "-"
    where = report.outlet or report.doc.rsplit("/", 1)[-1]
    copy = " (near-duplicate)" if report.near_duplicate else ""
    evidence = " ".join(report.evidence.split())
    if len(evidence) > 110:
        evidence = evidence[:109] + "…"
    return (
        f"{report.date or '????-??-??':10}  {report.status or '-':11} {report.stance:8} "
        f"{who} — {where}{copy}: “{evidence}”"
    )
