from __future__ import annotations

from typing import Any

from materiel.eval.score import score, sources_f1
from materiel.model import Claim


def claim(**fields: Any) -> Claim:
    base: dict[str, Any] = {
        "kind": "transfer",
        "supplier": "CN",
        "recipient": "RU",
        "item": {"text": "geweren", "designation": None, "category": "small_arms"},
        "quantity": {"value": 1000, "approximate": True, "bound": None, "per": None},
        "status": "delivered",
        "stance": "hedged",
        "sources": ["Politico"],
        "time": None,
        "evidence": {"start": 10, "end": 50, "text": "x"},
    }
    base.update(fields)
    return Claim.model_validate(base)


def test_perfect_match() -> None:
    s = score([("d", [claim()], [claim()])]).total
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert s.accuracy("quantity") == 1.0 and s.accuracy("sources") == 1.0


def test_evidence_must_overlap() -> None:
    far = claim(evidence={"start": 60, "end": 90, "text": "y"})
    s = score([("d", [claim()], [far])]).total
    assert s.matched == 0 and s.f1 == 0.0


def test_designation_decides_when_gold_has_one() -> None:
    gold = claim(item={"text": "DF-11", "designation": "DF-11", "category": "missile"})
    wrong = claim(item={"text": "raket", "designation": None, "category": "missile"})
    assert score([("d", [gold], [wrong])]).total.matched == 0


def test_each_gold_claim_matches_once() -> None:
    s = score([("d", [claim()], [claim(), claim()])]).total
    assert (s.matched, s.predicted) == (1, 2)
    assert s.precision == 0.5


def test_quantity_within_one_percent_and_same_rate() -> None:
    near = claim(quantity={"value": 1005, "approximate": True, "bound": None, "per": None})
    rate = claim(quantity={"value": 1000, "approximate": True, "bound": None, "per": "day"})
    assert score([("d", [claim()], [near])]).total.accuracy("quantity") == 1.0
    assert score([("d", [claim()], [rate])]).total.accuracy("quantity") == 0.0


def test_sources_are_a_case_insensitive_set_f1() -> None:
    assert sources_f1(["NATO", "CIA"], ["nato"]) == 2 * 1.0 * 0.5 / 1.5
    assert sources_f1([], []) == 1.0
    assert sources_f1(["CNN"], []) == 0.0


def test_per_kind_tallies() -> None:
    stock = claim(kind="stock", supplier=None, recipient=None, holder="RU", status=None)
    s = score([("d", [claim(), stock], [claim()])])
    assert s.by_kind["transfer"].f1 == 1.0
    assert s.by_kind["stock"].recall == 0.0
