"""Parties named by reference: "het land", "the group", "it" before a verb."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from materiel.lexicon import Lexicon
from materiel.nlp.clause_rules import speaker_party
from materiel.nlp.doc import Doc, Mention
from materiel.nlp.figures import NUMERIC_KINDS
from materiel.nlp.grammar import grammar_words

_VERB_CUES = ("transfer", "status", "denied", "attr_verb", *NUMERIC_KINDS)
# the kinds of party each reference may stand for
_ANAPHORA = {
    "state_anaphora": ("state",),
    "group_anaphora": ("group", "organisation"),
    "pronoun": ("state", "group"),
}


class PartyReferences:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.grammar = grammar_words(lexicon)

    def resolve(self, doc: Doc, inside: list[Mention], mentions: list[Mention]) -> list[Mention]:
        """ "het land", "the group": the last state (or group) named before;
        "The RSF says it ...": the party that speaks. `inside`: the clause's
        mentions; `mentions`: the sentence's."""
        out = []
        verbs = [c.start for c in inside if c.label == "cue" and c.key in _VERB_CUES]
        for cue in inside:
            if cue.label != "cue" or cue.key not in _ANAPHORA:
                continue
            if cue.key == "pronoun" and not any(0 < v - cue.end <= 12 for v in verbs):
                continue  # "it" as a subject only right before the verb
            key = speaker_party(doc, cue, mentions, self.grammar) if cue.key == "pronoun" else None
            if key is None and cue.key == "pronoun":
                key = _earlier_in_sentence(mentions, cue, self.lexicon)
            key = key or self.last_subject(doc, cue.start, _ANAPHORA[cue.key])
            if key:
                out.append(Mention(cue.start, cue.end, "party", key, "names"))
        return out

    def last_subject(self, doc: Doc, before: int, wanted: tuple[str, ...]) -> str | None:
        """The first party of that kind in the nearest earlier sentence that names one."""
        ends = [s.end for s in doc.sentences]
        last = bisect_right(ends, before)
        starts = [m.start for m in doc.mentions]
        for sentence in reversed(doc.sentences[max(0, last - 4) : last]):
            first = bisect_left(starts, sentence.start)
            for mention in doc.mentions[first:]:
                if mention.start >= sentence.end:
                    break
                if mention.label != "party" or mention.kind == "adjectives":
                    continue  # "de Zuid-Koreaanse inlichtingendienst" is not the subject
                party = self.lexicon.parties.get(mention.key)
                if party is not None and party.kind in wanted:
                    return mention.key
        return None


def _earlier_in_sentence(mentions: list[Mention], pronoun: Mention, lexicon: Lexicon) -> str | None:
    """ "North Korea has not commented; it previously denied ...": the subject of an
    earlier clause of the same sentence (its first named party)."""
    for mention in mentions:
        if mention.start >= pronoun.start:
            break
        if mention.label == "party" and mention.kind != "adjectives":
            party = lexicon.parties.get(mention.key)
            if party is not None and party.kind in ("state", "group"):
                return mention.key
    return None
