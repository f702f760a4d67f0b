"""The eval gate: F1 on the gold sets never falls below the recorded floors.

Raise a floor in `floors.json` when the extractor improves; never lower it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from materiel.cli.eval import evaluate
from tests.conftest import OWN_GOLD

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())


def test_seed_gold(seed_gold: Path) -> None:
    scores = evaluate(seed_gold).total
    floor = FLOORS["seed"]
    assert scores.f1 >= floor["f1"], scores.as_dict()
    for name in ("quantity", "status", "stance"):
        assert scores.accuracy(name) >= floor[name], (name, scores.as_dict())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_own_gold(lang: str) -> None:
    path = OWN_GOLD / f"{lang}.jsonl"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) >= 12
    scores = evaluate(path).total
    assert scores.f1 >= FLOORS[f"own_{lang}"]["f1"], scores.as_dict()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_later_gold(lang: str) -> None:
    """A second set, written after the rules, in other genres (see tests/gold/README)."""
    path = OWN_GOLD / f"later_{lang}.jsonl"
    scores = evaluate(path).total
    assert scores.f1 >= FLOORS[f"later_{lang}"]["f1"], scores.as_dict()
