"""Resolving names to the catalogues' canonical parties, systems and sources
(every language's aliases together, with overlays), for query filters and
for telling which unknown names an overlay has since resolved."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from materiel.lexicon import available_languages, load_lexicon


@dataclass(frozen=True)
class Catalogue:
    parties: dict[str, str]  # lower-case alias or id -> party id
    party_names: dict[str, str]  # party id -> its name ("China")
    systems: dict[str, str]  # lower-case alias or id -> designation
    categories: dict[str, str]  # designation -> category
    sources: dict[str, str]  # lower-case alias or name -> canonical source

    def party(self, name: str) -> str:
        """The party id `name` stands for (`China`, `cn`, `Beijing` → `CN`);
        a name no catalogue knows is returned as it is."""
        return self.parties.get(name.strip().lower(), name.strip())

    def system(self, name: str) -> str:
        """The designation `name` stands for (`Leopard-2A6` → `Leopard 2`)."""
        low = name.strip().lower()
        found = self.systems.get(low) or self.systems.get(low.replace("-", " "))
        return found or name.strip()

    def knows(self, name: str) -> bool:
        low = name.strip().lower()
        return low in self.parties or low in self.systems or low in self.sources

    def party_name(self, party: str | None) -> str:
        if party is None:
            return ""
        return self.party_names.get(party, party)


def catalogue(overlays: tuple[Path, ...] = ()) -> Catalogue:
    return _catalogue(tuple(overlays))


@lru_cache(maxsize=4)
def _catalogue(overlays: tuple[Path, ...]) -> Catalogue:
    parties: dict[str, str] = {}
    systems: dict[str, str] = {}
    sources: dict[str, str] = {}
    names: dict[str, str] = {}
    categories: dict[str, str] = {}
    for lang in available_languages():
        lex = load_lexicon(lang, overlays)
        for pid, party in lex.parties.items():
            parties.setdefault(pid.lower(), pid)
            names[pid] = party.name
        for alias, pid, kind in lex.party_aliases:
            if kind != "leaders":
                parties.setdefault(alias.lower(), pid)
        for alias, sid in lex.system_aliases:
            systems.setdefault(alias.lower(), sid)
        categories.update({sid: system.category for sid, system in lex.systems.items()})
        for alias, name in lex.source_aliases:
            sources.setdefault(alias.lower(), name)
    return Catalogue(parties, names, systems, categories, sources)
