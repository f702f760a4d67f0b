"""`ledger`, `assess` and `flows` on a synthetic register, in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from materiel.cli import app
from materiel.exc import InputError
from materiel.store.engine import open_store
from tests.analysis.register import add_document, claim

CHANGE = "Reznikov: the Iskander stock fell from about 900 to some 140"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "r.db")
    store = open_store(path)
    add_document(store, "reznikov", "2023-03-20", [
        claim("stock", "Iskander", "missile", holder="RU", value=900, approximate=True,
              sources=["Oleksii Reznikov"], text=CHANGE),
        claim("stock", "Iskander", "missile", holder="RU", value=140, approximate=True,
              sources=["Oleksii Reznikov"], text=CHANGE),
        claim("production", "Iskander", "missile", holder="RU", value=56,
              sources=["Oleksii Reznikov"], text="56 built"),
        claim("transfer", "rifles", "small_arms", supplier="CN", recipient="RU",
              status="delivered", stance="hedged", sources=["Politico"], text="rifles"),
    ])  # fmt: skip
    add_document(store, "denial", "2023-04-02", [
        claim("transfer", "rifles", "small_arms", supplier="CN", recipient="RU",
              status="delivered", stance="denied", sources=["Chinese government"], text="no"),
    ])  # fmt: skip
    store.close()
    return path


def invoke(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    if result.exception:
        raise result.exception
    assert result.exit_code == 0, result.output
    return result.output


def test_ledger_resolves_names_and_shows_the_arithmetic(db: str, tmp_path: Path) -> None:
    chart = tmp_path / "ledger.svg"
    out = invoke("ledger", "Rusland", "Iskander-M", "--opening", "2022-02", "--db", db,
                 "--draws", "1000", "--chart", str(chart))  # fmt: skip
    assert out.startswith("Ledger Russia (RU) · Iskander: 3 reported figures")
    assert "900 opening stock (#1) + 56 produced (#3)" in out
    assert "= 816 implied use" in out
    assert "reaches 0: 10% by 2023-" in out and chart.stat().st_size > 0
    data = json.loads(invoke("ledger", "RU", "Iskander", "--format", "json", "--db", db))
    assert data["ledger"]["reconciliations"][0]["implied_use"] == 816
    assert "--opening" in data["problems"]["Iskander"][0]


def test_assess_stores_the_analysts_grade(db: str, tmp_path: Path) -> None:
    before = invoke("assess", "China", "Russia", "--db", db)
    assert "Judgement: it is" in before and "China is delivering" in before
    flipped = invoke("assess", "CN", "RU", "--reliability", "Chinese government=A", "--db", db,
                     "--chart", str(tmp_path / "timeline.png"))  # fmt: skip
    assert "China is not supplying" in flipped and "Chinese government (A*" in flipped
    again = json.loads(invoke("assess", "CN", "RU", "--format", "json", "--db", db))
    assert again["judgement"]["hypothesis"] == "not supplying"  # the grade was kept


def test_flows_and_errors(db: str, tmp_path: Path) -> None:
    out = invoke("flows", "--db", db, "--chart", str(tmp_path / "flows.svg"))
    assert "CN         RU             small_arms" in out
    with pytest.raises(InputError):
        invoke("assess", "CN", "RU", "--reliability", "Reuters=Z", "--db", db)
    with pytest.raises(InputError):
        invoke("ledger", "RU", "--category", "lasers", "--db", db)
