"""Charts are written, non-empty, valid SVG, and the same every time."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from materiel.analysis import charts
from materiel.analysis.ledger import build_ledger
from materiel.analysis.plan import plan_projection
from materiel.analysis.projection import project
from materiel.analysis.records import Flow, Record
from materiel.analysis.reliability import Grades
from materiel.exc import InputError

RECORDS = [
    Record(claim_id=1, kind="stock", item="Iskander", value=900, approximate=True,
           holder="RU", date="2022-02-01", sources=("Oleksii Reznikov",)),
    Record(claim_id=2, kind="stock", item="Iskander", value=140, approximate=True,
           holder="RU", date="2023-03-01", sources=("Oleksii Reznikov",)),
    Record(claim_id=3, kind="consumption", item="Iskander", value=2, per="day",
           holder="RU", date="2023-03-01", sources=("HUR",)),
    Record(claim_id=4, kind="transfer", item="Iskander", supplier="CN", recipient="RU",
           status="negotiating", stance="denied", reported="2023-04-01",
           sources=("Chinese government",)),
    Record(claim_id=5, kind="transfer", item="Iskander", supplier="CN", recipient="RU",
           status="delivered", stance="hedged", reported="2023-05-01", sources=("Politico",)),
]  # fmt: skip
FLOWS = [Flow("IR", "RU", "Shahed-136", 3, 2, True), Flow("CN", "RU", "components", 1, 1, False),
         Flow("US", "UA", "HIMARS", 2, 3, True)]  # fmt: skip


def draw_all(folder: Path, suffix: str) -> list[Path]:
    ledger = build_ledger("RU", RECORDS, Grades({}, {}), item="Iskander")
    plan = plan_projection(ledger, "Iskander")
    assert plan.inputs is not None
    projection = project(plan.inputs, draws=1000)
    return [
        charts.ledger_chart(ledger, projection, folder / f"ledger{suffix}"),
        charts.timeline_chart(RECORDS[3:], "CN → RU", folder / f"timeline{suffix}"),
        charts.flow_chart(FLOWS, folder / f"flows{suffix}"),
    ]


def test_svg_charts_parse_and_repeat(tmp_path: Path) -> None:
    first = draw_all(tmp_path, ".svg")
    for path in first:
        assert path.stat().st_size > 1000
        assert ET.parse(path).getroot().tag.endswith("svg")
    contents = [p.read_bytes() for p in first]
    again = draw_all(tmp_path, ".svg")
    assert [p.read_bytes() for p in again] == contents


def test_png_charts(tmp_path: Path) -> None:
    for path in draw_all(tmp_path, ".png"):
        assert path.read_bytes().startswith(b"\x89PNG")


def test_other_suffixes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        charts.flow_chart(FLOWS, tmp_path / "flows.pdf")
