"""The prefilter skips documents that cannot give a claim, and no others."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from materiel.eval.gold import read_gold
from materiel.nlp.pipeline import extract_claims
from materiel.scale.prefilter import build_prefilter
from tests.conftest import OWN_GOLD, SEED_GOLD
from tests.scale.corpus import OFF_TOPIC, ON_TOPIC


@pytest.mark.parametrize(("lang", "text"), ON_TOPIC)
def test_arms_news_passes(lang: str, text: str) -> None:
    assert build_prefilter().passes(text), lang


@pytest.mark.parametrize(("lang", "text"), OFF_TOPIC)
def test_other_news_is_skipped(lang: str, text: str) -> None:
    assert not build_prefilter().passes(text), lang


def test_a_party_alone_or_goods_alone_is_not_enough() -> None:
    prefilter = build_prefilter()
    assert not prefilter.passes("Russia and China held talks on trade.")
    assert not prefilter.passes("The museum shows old tanks and rifles.")
    assert prefilter.passes("Russia shows old tanks.")


def test_word_boundaries_and_case() -> None:
    prefilter = build_prefilter()
    # "Oman" inside "woman", "us" the pronoun: no party
    assert not prefilter.passes("A woman bought rifles for us.")
    assert prefilter.passes("The US bought rifles.")
    # a Dutch compound head is found inside the word
    assert prefilter.passes("Rusland krijgt artilleriegranaten.")


def _units(text: str) -> list[str]:
    """The text, its paragraphs and its sentences: many small documents."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if s.strip()]
    return [text, *paragraphs, *sentences]


@pytest.mark.parametrize("path", [SEED_GOLD, OWN_GOLD / "nl.jsonl", OWN_GOLD / "en.jsonl"])
def test_no_claim_is_lost_on_the_gold_sets(path: Path) -> None:
    """Whatever the prefilter skips, the extractor finds no claim in: extraction
    with the prefilter gives the same claims, on whole documents, paragraphs
    and sentences of the gold sets."""
    prefilter = build_prefilter()
    skipped = total = 0
    for gold in read_gold(path):
        if gold.claims:
            assert prefilter.passes(gold.text), gold.doc
        for unit in _units(gold.text):
            total += 1
            if not prefilter.passes(unit):
                skipped += 1
                assert extract_claims(unit, gold.lang, gold.date) == [], (gold.doc, unit)
    assert skipped > 0.1 * total  # the test did exercise the prefilter
