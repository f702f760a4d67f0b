"""A cheap test that a document may hold a claim, run before the full pipeline.

Every claim names a party (a state, group or organisation, or an anaphor that
points back at one) and goods (a catalogue system, an item word, or a
delivery noun that stands for the goods: the transfer cues marked
`names_item`). A document in which the catalogues
find no party, or no goods, cannot give a claim, and the extractor is not run
on it. Most of a news stream is such documents.

The test is one Aho-Corasick pass over the document with the aliases of every
language that has a lexicon. It is deliberately more lenient than the
gazetteer: it checks the left word boundary only, and takes any inflection on
the right, so that whatever the gazetteer would find it finds too. (A party
named only by a misspelling, which `nlp/fuzzy.py` may still find, it misses.)
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import ahocorasick

from materiel.lexicon import available_languages
from materiel.nlp.doc import normalise
from materiel.nlp.gazetteer import Entry, Gazetteer
from materiel.nlp.pipeline import build_pipeline

PARTY = 1
GOODS = 2
BOTH = PARTY | GOODS


def entry_role(entry: Entry, naming_cues: frozenset[str] = frozenset()) -> int:
    """PARTY, GOODS, or 0 for entries that play no part in the test;
    `naming_cues` are the indices of the transfer cues that name goods."""
    if entry.label == "party":
        return PARTY
    if entry.label in ("system", "item"):
        return GOODS
    if entry.label == "cue" and entry.key == "transfer" and entry.kind in naming_cues:
        return GOODS
    return 0


class Prefilter:
    """`passes(text)`: does the text name a party and goods?"""

    def __init__(self, entries: Iterable[tuple[Entry, int]]) -> None:
        folded: dict[str, tuple[int, bool]] = {}
        exact: dict[str, tuple[int, bool]] = {}
        for entry, role in entries:
            if role and entry.alias.strip():
                table, phrase = (exact, entry.alias) if entry.exact_case else (folded, None)
                key = phrase or normalise(entry.alias)
                old_role, old_head = table.get(key, (0, False))
                table[key] = (old_role | role, old_head or entry.head)
        self.folded = _automaton(folded)
        self.exact = _automaton(exact)
        self.size = len(folded) + len(exact)

    def passes(self, text: str) -> bool:
        found = _roles(self.exact, text, 0)
        if found == BOTH:
            return True
        return _roles(self.folded, normalise(text), found) == BOTH


def _automaton(table: dict[str, tuple[int, bool]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for phrase, (role, head) in table.items():
        automaton.add_word(phrase, (len(phrase), role, head))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def _roles(automaton: ahocorasick.Automaton, text: str, found: int) -> int:
    if not len(automaton):
        return found
    for end, (length, role, head) in automaton.iter(text):
        start = end - length + 1
        if role | found == found or (not head and start > 0 and text[start - 1].isalnum()):
            continue
        found |= role
        if found == BOTH:
            break
    return found


@lru_cache(maxsize=4)
def build_prefilter(overlays: tuple[Path, ...] = (), langs: tuple[str, ...] = ()) -> Prefilter:
    """The prefilter over the lexicons of `langs` (default: every language with one)."""
    entries: list[tuple[Entry, int]] = []
    for lang in langs or available_languages():
        for component in build_pipeline(lang, overlays).components:
            if isinstance(component, Gazetteer):
                cues = component.lexicon.cues.transfer
                naming = frozenset(str(i) for i, cue in enumerate(cues) if cue.names_item)
                entries += [(e, entry_role(e, naming)) for e in component.entries()]
    return Prefilter(entries)
