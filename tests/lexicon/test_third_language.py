"""A language is data: a German overlay, and no code, makes German claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from materiel.exc import UnsupportedLanguage
from materiel.lexicon import load_lexicon
from materiel.lexicon.loader import OVERLAY_ENV
from materiel.nlp.doc import Doc
from materiel.nlp.extract import check_language
from materiel.nlp.pipeline import process

GERMAN = Path(__file__).parent / "third_language"


def test_german_overlay_extracts_a_transfer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(OVERLAY_ENV, str(GERMAN))
    assert load_lexicon("de").cues.grammar.complementizers == ["dass"]
    text = "Laut Reuters hat Deutschland der Ukraine achtzehn Leopard 2-Kampfpanzer geliefert."
    doc = process(Doc("de-1", text, "de", "2023-03"))
    [claim] = doc.claims
    assert (claim.supplier, claim.recipient) == ("DE", "UA")
    assert claim.item.designation == "Leopard 2"
    assert claim.quantity is not None and claim.quantity.value == 18
    assert claim.status == "delivered"
    assert claim.sources == ["Reuters"]


def test_overlay_language_is_accepted_by_the_command_line_check() -> None:
    assert check_language("de", (GERMAN,)) == "de"
    with pytest.raises(UnsupportedLanguage):
        check_language("de")
