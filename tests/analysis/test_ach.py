"""Analysis of Competing Hypotheses on synthetic registers."""

from __future__ import annotations

import pytest

from materiel.analysis.ach import HYPOTHESES, assess, words_for
from materiel.analysis.load import load_assessment, load_flows, load_grades
from materiel.analysis.records import Record
from materiel.analysis.reliability import Grades
from materiel.store.engine import Store
from materiel.store.grades import store_grades
from tests.analysis.register import add_document, claim

# `store` (tests/conftest.py): an empty register on SQLite and on PostgreSQL


def rifles(stance: str, source: str) -> object:
    return claim("transfer", "rifles", "small_arms", supplier="CN", recipient="RU",
                 status="delivered", stance=stance, sources=[source], value=1000,
                 approximate=True, text=f"{source} on rifles ({stance})")  # fmt: skip


def test_a_denial_from_an_a_grade_source_flips_the_judgement(store: Store) -> None:
    add_document(store, "politico", "2023-02-24", [rifles("asserted", "Politico")])  # type: ignore[list-item]
    with store.read() as conn:
        before = load_assessment(conn, "CN", "RU", load_grades(conn))
    assert before.judgement.hypothesis == "delivering"
    assert before.judgement.words == "likely"

    add_document(store, "denial", "2023-03-10", [rifles("denied", "Chinese government")])  # type: ignore[list-item]
    with store.read() as conn:
        graded_d = load_assessment(conn, "CN", "RU", load_grades(conn))
    assert graded_d.judgement.hypothesis == "delivering"  # a D-grade denial does not flip it

    with store.write() as conn:
        store_grades(conn, {"Chinese government": "A"})
    with store.read() as conn:
        after = load_assessment(conn, "CN", "RU", load_grades(conn))
    assert after.judgement.hypothesis == "not supplying"
    assert [r.credibility for r in after.rows] == [3, 5]  # the denial, then the report
    assert after.drivers[0].side == "denies"
    assert [s.month for s in after.history] == ["2023-02", "2023-03"]
    assert [s.judgement.hypothesis for s in after.history] == ["delivering", "not supplying"]
    with store.read() as conn:
        [flow] = load_flows(conn)
    assert (flow.supplier, flow.recipient, flow.item) == ("CN", "RU", "small_arms")
    assert flow.delivered


def test_every_number_traces_to_claims(store: Store) -> None:
    add_document(store, "a", "2023-01-05", [rifles("asserted", "Reuters")])  # type: ignore[list-item]
    add_document(store, "b", "2023-01-06", [rifles("hedged", "CNN")])  # type: ignore[list-item]
    with store.read() as conn:
        found = load_assessment(conn, "CN", "RU", load_grades(conn))
    [row] = found.rows
    assert len(row.claims) == 2 and {v.source for v in row.voices} == {"Reuters", "CNN"}
    assert row.credibility == 3  # one asserting source (CNN hedges)
    assert row.weight == pytest.approx(0.8 * 0.6)  # its best grade B × credibility 3
    assert found.scores == pytest.approx(tuple(row.weight * c for c in row.cells))


def test_one_voice_one_vote_across_items() -> None:
    def report(n: int, item: str) -> Record:
        return Record(claim_id=n, kind="transfer", item=item, supplier="CN", recipient="RU",
                      status="delivered", sources=("Politico",), assertion=f"a{n}")  # fmt: skip

    grades = Grades({}, {"Politico": "B"})
    found = assess("CN", "RU", [report(1, "rifles"), report(2, "vests")], grades)
    assert [r.share for r in found.rows] == [0.5, 0.5]
    assert sum(r.weight for r in found.rows) == pytest.approx(0.8 * 0.6)


def test_estimative_words_follow_the_thresholds() -> None:
    expected = {0.01: "almost no chance", 0.1: "very unlikely", 0.3: "unlikely",
                0.5: "roughly even chance", 0.7: "likely", 0.9: "very likely",
                0.97: "almost certain"}  # fmt: skip
    assert {p: words_for(p) for p in expected} == expected
    assert len(HYPOTHESES) == 3
