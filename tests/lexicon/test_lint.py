"""Lint the lexicons: every table loads, aliases are unambiguous, overlays work."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from materiel.exc import InvalidLexicon, UnsupportedLanguage
from materiel.lexicon import available_languages, load_lexicon
from materiel.lexicon.loader import DATA_DIR
from materiel.nlp.doc import normalise

LANGS = available_languages()


def test_dutch_and_english_are_available() -> None:
    assert {"nl", "en"} <= set(LANGS)


@pytest.mark.parametrize(
    "path", sorted(DATA_DIR.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA_DIR))
)
def test_yaml_has_no_accidental_booleans_or_nulls(path: Path) -> None:
    """`no`, `false`, `null` in a word list are YAML scalars, not words: quote them."""

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                assert isinstance(key, str), f"{where}: key {key!r} is not a string"
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                assert isinstance(value, (str, dict, list)), f"{where}[{index}] = {value!r}"
                walk(value, f"{where}[{index}]")

    walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)


@pytest.mark.parametrize("lang", LANGS)
def test_party_aliases_are_unambiguous(lang: str) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for alias, party, _ in load_lexicon(lang).party_aliases:
        owners[normalise(alias)].add(party)
    clashes = {alias: ids for alias, ids in owners.items() if len(ids) > 1}
    assert not clashes


@pytest.mark.parametrize("lang", LANGS)
def test_system_and_source_aliases_are_unambiguous(lang: str) -> None:
    lex = load_lexicon(lang)
    for pairs in (lex.system_aliases, lex.source_aliases):
        owners: dict[str, set[str]] = defaultdict(set)
        for alias, key in pairs:
            owners[normalise(alias)].add(key)
        assert not {a: k for a, k in owners.items() if len(k) > 1}


def test_catalogues_have_the_promised_coverage() -> None:
    lex = load_lexicon("en")
    states = [p for p in lex.parties.values() if p.kind == "state"]
    assert len(states) >= 193
    assert len(lex.systems) >= 150
    assert {"Iskander", "DF-11", "Scud", "Shahed-136", "ZT-180", "KN-23", "HIMARS"} <= set(
        lex.systems
    )
    assert "Scud" in lex.systems["Iskander"].derived_from
    assert {"wagner-group", "hezbollah", "houthis", "nato", "eu"} <= set(lex.parties)


@pytest.mark.parametrize("lang", LANGS)
def test_every_category_has_item_words(lang: str) -> None:
    categories = {category for _, category in load_lexicon(lang).items}
    assert len(categories) == 14


def test_overlay_adds_aliases(tmp_path: Path) -> None:
    (tmp_path / "systems").mkdir()
    (tmp_path / "systems" / "en.yaml").write_text("- {id: Iskander, aliases: [Iskander-1000]}\n")
    lex = load_lexicon("en", (tmp_path,))
    assert ("Iskander-1000", "Iskander") in lex.system_aliases


def test_invalid_overlay_names_the_file_and_entry(tmp_path: Path) -> None:
    (tmp_path / "systems").mkdir()
    (tmp_path / "systems" / "base.yaml").write_text("- {id: Foo, category: laser_sword}\n")
    with pytest.raises(InvalidLexicon, match=r"systems/base.yaml: entry \d+: category"):
        load_lexicon("en", (tmp_path,))


def test_broken_yaml_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "items").mkdir()
    (tmp_path / "items" / "en.yaml").write_text("- category: [unclosed\n")
    with pytest.raises(InvalidLexicon, match="not valid YAML"):
        load_lexicon("en", (tmp_path,))


def test_overlay_directory_must_exist(tmp_path: Path) -> None:
    with pytest.raises(InvalidLexicon, match="overlay directory not found"):
        load_lexicon("en", (tmp_path / "missing",))


def test_unknown_language() -> None:
    with pytest.raises(UnsupportedLanguage, match="no lexicon for language 'xx'"):
        load_lexicon("xx")
