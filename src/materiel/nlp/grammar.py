"""A language's function words (cues/<lang>.yaml, `grammar:`) as the sets the
rules look words up in, normalised once per lexicon."""

from __future__ import annotations

from dataclasses import dataclass

from materiel.lexicon import Lexicon
from materiel.nlp.doc import normalise


@dataclass(frozen=True, slots=True)
class GrammarWords:
    determiners: frozenset[str]
    definite: frozenset[str]
    relative_pronouns: frozenset[str]
    complementizers: tuple[str, ...]
    part_of: frozenset[str]
    such_as: frozenset[str]
    told: frozenset[str]
    verb_second: bool
    infinitive_markers: frozenset[str]
    subject_pronouns: frozenset[str]
    passive_agents: frozenset[str]
    not_negating: tuple[str, ...]
    adjective_endings: tuple[str, ...]
    name_inflections: tuple[str, ...]
    short_name_inflections: tuple[str, ...]
    origin_markers: tuple[str, ...]
    function_words: frozenset[str]
    honorifics: frozenset[str]
    answer_labels: tuple[str, ...]
    questioners: frozenset[str]
    coordinators: frozenset[str]
    # capitalised words that name nobody: function words, months, weekdays
    not_names: frozenset[str]


_CACHE: dict[int, tuple[Lexicon, GrammarWords]] = {}


def grammar_words(lexicon: Lexicon) -> GrammarWords:
    cached = _CACHE.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    words = _build(lexicon)
    _CACHE[id(lexicon)] = (lexicon, words)
    return words


def _build(lexicon: Lexicon) -> GrammarWords:
    g = lexicon.cues.grammar

    def norm(words: list[str]) -> tuple[str, ...]:
        return tuple(normalise(w) for w in words)

    return GrammarWords(
        determiners=frozenset(norm(g.determiners)),
        definite=frozenset(norm(g.definite)),
        relative_pronouns=frozenset(norm(g.relative_pronouns)),
        complementizers=norm(g.complementizers),
        part_of=frozenset(norm(g.part_of)),
        such_as=frozenset(norm(g.such_as)),
        told=frozenset(norm(g.told)),
        verb_second=g.verb_second,
        infinitive_markers=frozenset(norm(g.infinitive_markers)),
        subject_pronouns=frozenset(norm(g.subject_pronouns)),
        passive_agents=frozenset(norm(g.passive_agents)),
        not_negating=norm(g.not_negating),
        adjective_endings=norm(g.adjective_endings),
        name_inflections=tuple(g.name_inflections),
        short_name_inflections=tuple(g.short_name_inflections),
        origin_markers=norm(g.origin_markers),
        function_words=frozenset(norm(g.function_words)),
        honorifics=frozenset(w.upper() for w in g.honorifics),
        answer_labels=tuple(g.answer_labels),
        questioners=frozenset(w.upper() for w in g.questioners),
        coordinators=frozenset(norm(lexicon.cues.coordinators)),
        not_names=frozenset(
            w.lower()
            for w in (*g.function_words, *lexicon.cues.time.months, *lexicon.cues.time.weekdays)
        ),
    )
