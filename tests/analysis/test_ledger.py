"""Ledgers on synthetic registers whose answers are known by hand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from materiel.analysis.ledger import build_ledger
from materiel.analysis.load import load_grades, load_ledger
from materiel.analysis.plan import plan_projection
from materiel.analysis.records import Record
from materiel.analysis.reliability import Grades
from materiel.store.engine import Store, open_store
from tests.analysis.register import add_document, claim

CHANGE = "the Iskander stock fell from about 900 to some 140"


@pytest.fixture
def iskander(tmp_path: Path) -> Iterator[Store]:
    """The seed article's reckoning: 900 → 140 Iskanders, 56 built meanwhile."""
    store = open_store(str(tmp_path / "r.db"))
    add_document(store, "reznikov", "2023-03-20", [
        claim("stock", "Iskander", "missile", holder="RU", value=900, approximate=True,
              sources=["Oleksii Reznikov"], text=CHANGE),
        claim("stock", "Iskander", "missile", holder="RU", value=140, approximate=True,
              sources=["Oleksii Reznikov"], text=CHANGE),
        claim("production", "Iskander", "missile", holder="RU", value=56, stance="hedged",
              sources=["Oleksii Reznikov"], text="only 56 were built"),
    ])  # fmt: skip
    yield store
    store.close()


def test_stock_change_gives_816_implied_use(iskander: Store) -> None:
    with iskander.read() as conn:
        ledger = load_ledger(conn, "RU", load_grades(conn), item="Iskander")
    [window] = ledger.reconciliations
    assert window.implied_use == 816
    assert [(t.label, t.sign, t.value) for t in window.terms] == [
        ("opening stock", 1, 900), ("produced", 1, 56), ("imported", 1, 0),
        ("exported", -1, 0), ("closing stock", -1, 140),
    ]  # fmt: skip
    assert (window.low, window.high) == (712, 920)  # ±10% on the two approximate stocks
    assert window.arithmetic().endswith("= 816 implied use")
    assert window.months == 0 and not ledger.conflicts


def test_dated_opening_gives_a_monthly_rate(iskander: Store) -> None:
    with iskander.read() as conn:
        ledger = load_ledger(conn, "RU", load_grades(conn), item="Iskander", opening="2022-02")
    [window] = ledger.reconciliations
    assert window.start == "2022-02-01" and round(window.months or 0) == 14
    plan = plan_projection(ledger, "Iskander")
    assert plan.inputs is not None
    assert (plan.inputs.stock.low, plan.inputs.stock.high) == pytest.approx((126, 154))
    [use] = plan.inputs.outflows
    assert use.low == pytest.approx(712 / window.months)  # type: ignore[operator]
    assert "implied use 816" in use.basis


def test_no_projection_without_a_rate(iskander: Store) -> None:
    with iskander.read() as conn:
        ledger = load_ledger(conn, "RU", load_grades(conn), item="Iskander")
    plan = plan_projection(ledger, "Iskander")
    assert plan.inputs is None and "--opening" in plan.problems[0]


def record(n: int, kind: str, value: float, date: str, source: str, **kw: object) -> Record:
    return Record(
        claim_id=n,
        kind=kind,
        item="ammunition",
        value=value,
        date=date,
        sources=(source,),
        holder="RU",
        document=f"d{n}",
        evidence=f"e{n}",
        **kw,
    )  # type: ignore[arg-type]


def test_rates_compare_and_sources_conflict() -> None:
    records = [
        record(1, "consumption", 60_000, "2022-02-01", "Kyrylo Budanov", per="day"),
        record(2, "consumption", 20_000, "2023-03-01", "NATO", per="day", approximate=True),
        record(3, "consumption", 5_000, "2023-03-01", "Some Blog", per="day"),
        record(4, "consumption", 21_000, "2023-03-01", "NATO", per="day"),  # same source
    ]
    ledger = build_ledger("RU", records, Grades({}, {}), category="ammunition")
    first = ledger.trends[0]
    assert (first.earlier.record.claim_id, first.later.record.claim_id) == (1, 2)
    assert first.ratio == pytest.approx(1 / 3)
    pairs = {(c.first.record.claim_id, c.second.record.claim_id) for c in ledger.conflicts}
    assert pairs == {(2, 3), (3, 4)}  # 20,000 vs 21,000 of NATO is no conflict


def test_imports_and_exports_enter_the_arithmetic() -> None:
    records = [
        record(1, "stock", 1000, "2023-01-01", "A"),
        Record(claim_id=2, kind="transfer", item="ammunition", value=300, date="2023-02-01",
               supplier="KP", recipient="RU", status="delivered", sources=("B",)),
        Record(claim_id=3, kind="transfer", item="ammunition", value=50, date="2023-03-01",
               supplier="RU", recipient="BY", status="delivered", sources=("C",)),
        Record(claim_id=4, kind="transfer", item="ammunition", value=999, date="2023-03-01",
               supplier="CN", recipient="RU", status="delivered", stance="denied"),
        record(5, "stock", 400, "2023-06-01", "A"),
    ]  # fmt: skip
    [window] = build_ledger("RU", records, Grades({}, {})).reconciliations
    assert window.implied_use == 1000 + 300 - 50 - 400
