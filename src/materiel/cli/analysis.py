"""`materiel ledger`, `materiel assess` and `materiel flows`: thin wrappers
over `materiel.analysis`."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from materiel.analysis import charts, report
from materiel.analysis.ach import assess
from materiel.analysis.ledger import Ledger
from materiel.analysis.load import load_flows, load_grades, load_ledger, pair_records
from materiel.analysis.plan import Plan, plan_projection
from materiel.analysis.projection import Projection, project
from materiel.analysis.reliability import Grades, load_grade_file, parse_grade_options
from materiel.cli.options import Category, Db, Overlay, Since, Until
from materiel.exc import InputError
from materiel.model import CATEGORIES
from materiel.store.engine import Store, open_store
from materiel.store.grades import store_grades
from materiel.store.names import catalogue

Chart = Annotated[Path | None, typer.Option("--chart", help="Write a chart: FILE.svg or FILE.png.")]
Format = Annotated[str, typer.Option("--format", help="text or json.")]
Reliability = Annotated[
    list[str] | None,
    typer.Option(
        "--reliability",
        help="SOURCE=GRADE (A–F): the analyst's grade, kept in the "
        "register for later runs. Repeatable.",
    ),
]
GradeFile = Annotated[
    Path | None, typer.Option("--grades", help="YAML `source: grade` for this run.")
]


def ledger_cli(
    holder: Annotated[str, typer.Argument(help="Holder (code or name: RU, Russia).")],
    item: Annotated[str | None, typer.Argument(help="Named system or category.")] = None,
    category: Category = None,
    level: Annotated[float, typer.Option(help="Stock level the projection watches for.")] = 0,
    horizon: Annotated[int, typer.Option(min=1, max=240, help="Months to project.")] = 36,
    draws: Annotated[int, typer.Option(min=100, max=2_000_000, help="Monte Carlo draws.")] = (
        100_000
    ),
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same result).")] = 0,
    opening: Annotated[
        str | None,
        typer.Option(
            help="Date of an undated opening stock, "
            "e.g. 2022-02: the implied use becomes a monthly rate."
        ),
    ] = None,
    chart: Chart = None,
    fmt: Format = "text",
    reliability: Reliability = None,
    grades: GradeFile = None,
    db: Db = None,
    overlay: Overlay = None,
) -> None:
    """Reported stock, production, use and transfers of a holder over time, the
    arithmetic between them, conflicts, and a projection of the stock."""
    _check(fmt)
    overlays = tuple(overlay or ())
    names = catalogue(overlays)
    party = names.party(holder)
    designation, category = _item(item, category, overlays)
    with open_store(db, create=False) as store:
        known = _grades(store, reliability, grades, overlays)
        with store.read() as conn:
            ledger = load_ledger(conn, party, known, designation, category, opening)
    label = designation or category
    plans, runs = _projections(ledger, designation, (level, horizon, draws, seed))
    if chart:
        charts.ledger_chart(ledger, next(iter(runs.values()), None), chart)
    if fmt == "json":
        problems = {n: p.problems for n, p in plans.items() if p.problems}
        return _json({"ledger": ledger, "projections": runs, "problems": problems})
    title = f"{names.party_name(party)} ({party}) · {label or 'all'}"
    lines = report.ledger_lines(ledger, known, title)
    for name, plan in plans.items():
        lines += [
            line.replace("Projection", f"Projection of {name}", 1)
            for line in report.projection_lines(plan, runs.get(name))
        ]
    typer.echo("\n".join(lines))


def _projections(
    ledger: Ledger, designation: str | None, settings: tuple[float, int, int, int]
) -> tuple[dict[str, Plan], dict[str, Projection]]:
    """A projection for the named system, or for each item of a category."""
    items = [designation] if designation else sorted({e.record.item for e in ledger.entries})
    plans = {name: plan_projection(ledger, name) for name in items if name}
    level, horizon, draws, seed = settings
    runs = {n: project(p.inputs, level, horizon, draws, seed) for n, p in plans.items() if p.inputs}
    return plans, runs


def assess_cli(
    supplier: Annotated[str, typer.Argument(help="Supplier (code or name: CN, China).")],
    recipient: Annotated[str, typer.Argument(help="Recipient (code or name).")],
    item: Annotated[str | None, typer.Option(help="Named system or category.")] = None,
    chart: Chart = None,
    fmt: Format = "text",
    reliability: Reliability = None,
    grades: GradeFile = None,
    db: Db = None,
    overlay: Overlay = None,
) -> None:
    """Analysis of Competing Hypotheses on transfers from SUPPLIER to RECIPIENT:
    the matrix, a judgement in words of estimative probability, and its history."""
    _check(fmt)
    overlays = tuple(overlay or ())
    names = catalogue(overlays)
    a, b = names.party(supplier), names.party(recipient)
    designation, category = _item(item, None, overlays)
    with open_store(db, create=False) as store:
        known = _grades(store, reliability, grades, overlays)
        with store.read() as conn:
            records = pair_records(conn, a, b, designation, category)
    found = assess(a, b, records, known, designation or category)
    title = f"{names.party_name(a)} ({a}) → {names.party_name(b)} ({b})"
    if chart:
        charts.timeline_chart(records, f"{title}: claims over time", chart)
    if fmt == "json":
        return _json(found)
    if not found.rows:
        typer.echo(f"Assessment {title}: the register holds no transfer claims for this pair")
        return
    pair = (names.party_name(a), names.party_name(b))
    typer.echo("\n".join(report.assessment_lines(found, known, title, pair)))


def flows_cli(
    chart: Chart = None,
    since: Since = None,
    until: Until = None,
    category: Category = None,
    fmt: Format = "text",
    db: Db = None,
) -> None:
    """Who supplies whom: transfers the register holds (not only denied), as a
    table and, with --chart, a flow map."""
    _check(fmt)
    with open_store(db, create=False) as store, store.read() as conn:
        flows = load_flows(conn, since, until, category)
    if chart:
        charts.flow_chart(flows, chart)
    if fmt == "json":
        return _json(flows)
    typer.echo("\n".join(report.flow_lines(flows)))


def _item(
    item: str | None, category: str | None, overlays: tuple[Path, ...]
) -> tuple[str | None, str | None]:
    """(designation, category) for an ITEM argument: a category name, else a system."""
    if category and category not in CATEGORIES:
        raise InputError(f"unknown category {category!r} (choose from {', '.join(CATEGORIES)})")
    if item is None:
        return None, category
    if item.strip().lower() in CATEGORIES:
        return None, item.strip().lower()
    return catalogue(overlays).system(item), category


def _grades(
    store: Store, options: list[str] | None, path: Path | None, overlays: tuple[Path, ...]
) -> Grades:
    """Store the analyst's --reliability grades, then read all grades."""
    chosen = parse_grade_options(options or (), overlays)
    if chosen:
        with store.write() as conn:
            store_grades(conn, chosen)
    extra = load_grade_file(path, overlays) if path else {}
    with store.read() as conn:
        return load_grades(conn, overlays, extra)


def _check(fmt: str) -> None:
    if fmt not in ("text", "json"):
        raise InputError(f"unknown format {fmt!r} (choose from text, json)")


def _json(value: Any) -> None:
    typer.echo(json.dumps(_plain(value), ensure_ascii=False, indent=1))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
