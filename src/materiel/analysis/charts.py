"""Pictures of the analyses (matplotlib, Agg, no pyplot state): a ledger chart
(reported figures by source, the projection band), a timeline of a pair's
claims (status and stance over time, coloured by source) and a flow map (who
supplies whom). SVG or PNG by the file's suffix; the same input gives the
same bytes (fixed SVG hash salt, no dates in the metadata)."""

from __future__ import annotations

import math
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from materiel.analysis.ledger import Ledger
from materiel.analysis.projection import Projection
from materiel.analysis.records import Flow, Record
from materiel.exc import InputError
from materiel.model import STATUSES

matplotlib.use("Agg")  # no display, and the same output everywhere

FORMATS = (".svg", ".png")
STYLE: dict[str, Any] = {"svg.hashsalt": "materiel", "svg.fonttype": "path", "font.size": 9}
MARKERS = {"stock": "s", "production": "^", "consumption": "v", "import": ">", "export": "<"}
STANCE_MARKERS = {"asserted": "o", "hedged": "D", "denied": "X"}
PALETTE = matplotlib.colormaps["tab10"]


def save(figure: Figure, path: Path) -> Path:
    """Write `figure` as SVG or PNG (by suffix), reproducibly."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{path}: a chart is .svg or .png")
    metadata: dict[str, str | None] = {"Date": None} if suffix == ".svg" else {"Software": None}
    with _style():
        figure.savefig(path, format=suffix[1:], metadata=metadata, dpi=120)
    return path


def day_number(value: str | None) -> float:
    text = (value or "1970-01-01")[:10]
    text += "-01-01"[len(text) - 4 :] if len(text) < 10 else ""
    return float(mdates.date2num(date.fromisoformat(text)))  # type: ignore[no-untyped-call]


def _style() -> AbstractContextManager[None]:
    return matplotlib.rc_context(STYLE)  # type: ignore[arg-type]


def _month_format() -> mdates.DateFormatter:
    return mdates.DateFormatter("%Y-%m")  # type: ignore[no-untyped-call]


def colours(names: list[str]) -> dict[str, tuple[float, float, float, float]]:
    """A stable colour per name (sorted order)."""
    return {name: PALETTE(i % 10) for i, name in enumerate(sorted(set(names)))}


def ledger_chart(ledger: Ledger, projection: Projection | None, path: Path) -> Path:
    """Reported figures by source (totals and stocks above, rates per month
    below) and the projection's 10–90% band and median."""
    with _style():
        figure = Figure(figsize=(9, 6), layout="constrained")
        if any(e.record.per for e in ledger.entries):
            levels, rates = figure.subplots(2, 1, sharex=True, height_ratios=(3, 2))
        else:
            levels = rates = figure.subplots()
        _points(levels, rates, ledger)
        if projection is not None:
            _band(levels, projection)
        title = f"{ledger.holder} · {ledger.item or ledger.category or 'all items'}"
        levels.set_title(f"Ledger {title}")
        levels.set_ylabel("items")
        if rates is not levels:
            rates.set_ylabel("items per month")
        rates.xaxis.set_major_formatter(_month_format())
        for axes in {id(a): a for a in (levels, rates)}.values():
            axes.grid(alpha=0.3)
            if axes.get_legend_handles_labels()[0]:
                axes.legend(fontsize=7, loc="upper right")
    return save(figure, path)


def _points(levels: Axes, rates: Axes, ledger: Ledger) -> None:
    voices = [", ".join(e.record.voices) for e in ledger.entries if e.record.value is not None]
    palette = colours(voices)
    seen: set[str] = set()
    for entry in ledger.entries:
        r = entry.record
        if r.value is None:
            continue
        who = ", ".join(r.voices)
        label = f"{entry.role} · {who}"
        axes, value = (rates, r.per_month() or 0.0) if r.per else (levels, r.value)
        axes.scatter(
            [day_number(r.date)],
            [value],
            color=palette[who],
            marker=MARKERS[entry.role],
            s=40,
            alpha=0.4 if r.stance == "denied" else 1,
            label=None if label in seen else label,
        )
        seen.add(label)


def _band(axes: Axes, projection: Projection) -> None:
    x = [day_number(m) for m in projection.months]
    low, mid, high = ([max(v, 0.0) for v in projection.band[p]] for p in (10, 50, 90))
    axes.fill_between(x, low, high, alpha=0.25, color="grey", label="projection 10–90%")
    axes.plot(x, mid, color="black", linewidth=1, label="projection median")
    axes.axhline(projection.level, color="red", linewidth=0.8, linestyle="--", label="level")


def timeline_chart(records: list[Record], title: str, path: Path) -> Path:
    """Each claim at its report date and status; marker by stance, colour by source."""
    with _style():
        figure = Figure(figsize=(9, 4.5), layout="constrained")
        axes = figure.subplots()
        palette = colours([r.voices[0] for r in records])
        seen: set[str] = set()
        for r in records:
            rank = STATUSES.index(r.status) if r.status in STATUSES else len(STATUSES)
            label = f"{r.voices[0]} ({r.stance})"
            axes.scatter(
                [day_number(r.reported or r.date)],
                [rank],
                color=palette[r.voices[0]],
                marker=STANCE_MARKERS[r.stance],
                s=50,
                label=None if label in seen else label,
            )
            seen.add(label)
        axes.set_yticks(range(len(STATUSES) + 1), [*STATUSES, "-"])
        axes.xaxis.set_major_formatter(_month_format())
        axes.set_title(title)
        axes.grid(alpha=0.3)
        if records:
            axes.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5))
    return save(figure, path)


def flow_chart(flows: list[Flow], path: Path, title: str = "Who supplies whom") -> Path:
    """Parties on a circle, an arrow per supplier → recipient labelled with its items;
    solid where goods are reported moving, dashed where only deals are."""
    parties = sorted({f.supplier for f in flows} | {f.recipient for f in flows})
    place = {p: _on_circle(i, len(parties)) for i, p in enumerate(parties)}
    with _style():
        figure = Figure(figsize=(8, 8), layout="constrained")
        axes = figure.subplots()
        for (supplier, recipient), items in _edges(flows).items():
            _arrow(axes, place[supplier], place[recipient], items)
        for party, (x, y) in place.items():
            axes.annotate(
                party,
                (x, y),
                ha="center",
                va="center",
                fontsize=10,
                bbox={"boxstyle": "round", "facecolor": "white"},
            )
        axes.set_xlim(-1.3, 1.3)
        axes.set_ylim(-1.3, 1.3)
        axes.set_axis_off()
        axes.set_title(title)
    return save(figure, path)


def _on_circle(i: int, n: int) -> tuple[float, float]:
    angle = math.pi / 2 - 2 * math.pi * i / max(n, 1)
    return math.cos(angle), math.sin(angle)


def _edges(flows: list[Flow]) -> dict[tuple[str, str], list[Flow]]:
    edges: dict[tuple[str, str], list[Flow]] = {}
    for flow in flows:
        edges.setdefault((flow.supplier, flow.recipient), []).append(flow)
    return edges


def _arrow(
    axes: Axes, start: tuple[float, float], end: tuple[float, float], items: list[Flow]
) -> None:
    moved = any(f.delivered for f in items)
    width = 0.8 + min(sum(f.assertions for f in items), 6) * 0.4
    axes.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={
            "arrowstyle": "-|>",
            "linewidth": width,
            "linestyle": "-" if moved else "--",
            "color": "firebrick" if moved else "grey",
            "shrinkA": 14,
            "shrinkB": 14,
            "connectionstyle": "arc3,rad=0.12",
        },
    )
    label = ", ".join(f.item for f in items[:3]) + (" …" if len(items) > 3 else "")
    middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    axes.annotate(label, middle, fontsize=7, ha="center", color="dimgrey")
