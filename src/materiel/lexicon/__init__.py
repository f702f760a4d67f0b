"""Lexicons and catalogues: YAML data under `materiel/data/`, validated on load."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from materiel.exc import InvalidLexicon, UnsupportedLanguage
from materiel.lexicon.loader import (
    available_languages,
    overlay_dirs,
    raw_table,
    validate_list,
    validate_mapping,
)
from materiel.lexicon.schema import (
    CompanyNames,
    Cues,
    ItemWords,
    Numbers,
    PartyAliases,
    PartyBase,
    SourceAliases,
    SourceBase,
    SystemAliases,
    SystemBase,
)

__all__ = ["Lexicon", "available_languages", "load_lexicon"]

M = TypeVar("M", bound=BaseModel)


@dataclass
class Lexicon:
    """Everything the NLP stages of one language read."""

    lang: str
    parties: dict[str, PartyBase]
    party_aliases: list[tuple[str, str, str]]  # (alias, party id, alias type)
    party_adjective_en: dict[str, str]
    systems: dict[str, SystemBase]
    system_aliases: list[tuple[str, str]]
    sources: dict[str, SourceBase]
    source_aliases: list[tuple[str, str]]
    items: list[tuple[str, str]]  # (word, category)
    item_references: list[tuple[str, str]]  # (word, category), only after a named system
    cues: Cues
    numbers: Numbers


def load_lexicon(lang: str, overlays: tuple[Path, ...] = ()) -> Lexicon:
    """The lexicon of `lang` with the given overlays and `$MATERIEL_OVERLAY` laid over it."""
    return _load(lang, tuple(overlay_dirs(overlays)))


@lru_cache(maxsize=16)
def _load(lang: str, overlays: tuple[Path, ...]) -> Lexicon:
    if lang not in available_languages() and not _overlay_has(lang, overlays):
        known = ", ".join(available_languages())
        raise UnsupportedLanguage(f"no lexicon for language {lang!r} (available: {known})")
    parties = _by_key(_table("parties", "base", PartyBase, overlays), "id", "parties/base")
    systems = _by_key(_table("systems", "base", SystemBase, overlays), "id", "systems/base")
    sources = _by_key(_table("sources", "base", SourceBase, overlays), "name", "sources/base")
    _check_lineage(systems)
    lex = Lexicon(
        lang=lang,
        parties=parties,
        party_aliases=_party_aliases(lang, parties, overlays),
        party_adjective_en=_adjectives_en(parties, overlays),
        systems=systems,
        system_aliases=_system_aliases(lang, systems, overlays),
        sources=sources,
        source_aliases=_source_aliases(lang, sources, overlays),
        items=_items(lang, overlays, refers_back=False),
        item_references=_items(lang, overlays, refers_back=True),
        cues=validate_mapping(raw_table("cues", lang, overlays), Cues, f"cues/{lang}.yaml"),
        numbers=validate_mapping(
            raw_table("numbers", lang, overlays), Numbers, f"numbers/{lang}.yaml"
        ),
    )
    return lex


def _overlay_has(lang: str, overlays: tuple[Path, ...]) -> bool:
    return any((d / "cues" / f"{lang}.yaml").exists() for d in overlays)


def _table(table: str, name: str, model: type[M], overlays: tuple[Path, ...]) -> list[M]:
    return validate_list(raw_table(table, name, overlays), model, f"{table}/{name}.yaml")


def _by_key(entries: list[M], key: str, where: str) -> dict[str, M]:
    out: dict[str, M] = {}
    for entry in entries:
        value = getattr(entry, key)
        if value in out:
            raise InvalidLexicon(f"{where}.yaml: duplicate {key} {value!r}")
        out[value] = entry
    return out


def _check_lineage(systems: dict[str, SystemBase]) -> None:
    for system in systems.values():
        for parent in system.derived_from:
            if parent not in systems:
                raise InvalidLexicon(
                    f"systems/base.yaml: {system.id!r} derives from unknown system {parent!r}"
                )


def _known(ids: Mapping[str, object], ident: str, where: str) -> None:
    if ident not in ids:
        raise InvalidLexicon(f"{where}: unknown id {ident!r} (not in base.yaml)")


def _party_aliases(
    lang: str, parties: dict[str, PartyBase], overlays: tuple[Path, ...]
) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for entry in _table("parties", lang, PartyAliases, overlays):
        _known(parties, entry.id, f"parties/{lang}.yaml")
        # a group's "adjectives" (Houthi, Houthis) name the group itself
        state = parties[entry.id].kind == "state"
        for kind in ("names", "adjectives", "metonyms", "leaders"):
            as_kind = kind if state or kind != "adjectives" else "names"
            out.extend((alias, entry.id, as_kind) for alias in getattr(entry, kind))
    for company in _table("companies", "base", CompanyNames, overlays):
        _known(parties, company.party, "companies/base.yaml")
        out.extend((name, company.party, "companies") for name in company.names)
    return out


def _adjectives_en(parties: dict[str, PartyBase], overlays: tuple[Path, ...]) -> dict[str, str]:
    out = {pid: p.name for pid, p in parties.items()}
    for entry in _table("parties", "en", PartyAliases, overlays):
        if entry.adjectives:
            out[entry.id] = entry.adjectives[0]
    return out


def _system_aliases(
    lang: str, systems: dict[str, SystemBase], overlays: tuple[Path, ...]
) -> list[tuple[str, str]]:
    out = [(s.id, s.id) for s in systems.values()]
    for system in systems.values():
        out.extend((alias, system.id) for alias in system.aliases)
    for entry in _table("systems", lang, SystemAliases, overlays):
        _known(systems, entry.id, f"systems/{lang}.yaml")
        out.extend((alias, entry.id) for alias in entry.aliases)
    return out


def _source_aliases(
    lang: str, sources: dict[str, SourceBase], overlays: tuple[Path, ...]
) -> list[tuple[str, str]]:
    out = [(s.name, s.name) for s in sources.values()]
    for source in sources.values():
        out.extend((alias, source.name) for alias in source.aliases)
    for entry in _table("sources", lang, SourceAliases, overlays):
        _known(sources, entry.name, f"sources/{lang}.yaml")
        out.extend((alias, entry.name) for alias in entry.aliases)
    return out


def _items(lang: str, overlays: tuple[Path, ...], refers_back: bool) -> list[tuple[str, str]]:
    entries = _table("items", lang, ItemWords, overlays)
    return [
        (word, entry.category)
        for entry in entries
        if entry.refers_back == refers_back
        for word in entry.words
    ]
