"""Clauses: a sentence is cut before a clause-break word that follows a comma
("..., maar", "..., mocht", "..., which"); clauses opened by a conditional
("Als ...", "If ...", "..., mocht ...") are hypothetical and make no claims."""

from __future__ import annotations

from bisect import bisect_left

from materiel.lexicon import Lexicon
from materiel.nlp.doc import Clause, Doc, Mention, Sentence
from materiel.nlp.grammar import grammar_words

_COMMA_CHARS = ",;:"


class Clauses:
    name = "clauses"
    requires: tuple[str, ...] = ("sentences", "mentions")
    assigns: tuple[str, ...] = ("clauses",)

    def __init__(self, lexicon: Lexicon) -> None:
        self.relative = grammar_words(lexicon).relative_pronouns

    def __call__(self, doc: Doc) -> Doc:
        parties = [m.start for m in doc.mentions if m.label == "party" or m.key == "pronoun"]
        cues = [m for m in doc.mentions if _cuts(m, doc.norm, parties)]
        index = 0
        for sentence in doc.sentences:
            while index < len(cues) and cues[index].start < sentence.start:
                index += 1
            here = []
            j = index
            while j < len(cues) and cues[j].start < sentence.end:
                here.append(cues[j])
                j += 1
            sentence.clauses = _split(doc.text, sentence, here, self.relative)
            sentence.question = doc.text[sentence.start : sentence.end].rstrip().endswith("?")
        return doc


def _split(
    text: str, sentence: Sentence, cues: list[Mention], relative: frozenset[str]
) -> list[Clause]:
    cuts: list[tuple[int, bool]] = []
    resumed: set[int] = set()
    opening = _first_word_is(cues, sentence.start, text)
    for cue in cues:
        before = text[sentence.start : cue.start].rstrip()
        if before and before[-1] in _COMMA_CHARS:
            cuts.append((cue.start, cue.key == "hypothetical"))
            if text[cue.start : cue.end].lower() in relative:
                closing = _closing_comma(text, cue.end, sentence.end)
                cuts.extend(closing)
                resumed.update(cut for cut, _ in closing)
    for index in range(sentence.start, sentence.end - 1):
        # a ";" ending a bullet of a list is no clause break: the list shares its verb
        if text[index] == ";" and text[index + 1] != "\n":
            cuts.append((index + 1 + (text[index + 1] == " "), False))
    clauses: list[Clause] = []
    start, hypothetical = sentence.start, opening
    for cut, is_hypothetical in sorted(cuts):
        if cut > start:
            clauses.append(Clause(start, cut, hypothetical, start in resumed))
        start, hypothetical = cut, is_hypothetical or (opening and not clauses)
    clauses.append(Clause(start, sentence.end, hypothetical, start in resumed))
    if opening:
        # "Als China wapens levert, zouden die ...": the consequence is hypothetical too
        for clause in clauses[:2]:
            clause.hypothetical = True
    return clauses


def _closing_comma(text: str, start: int, stop: int) -> list[tuple[int, bool]]:
    """ "Poland, which had pushed Berlin, confirmed ...": the main clause resumes
    after the comma that closes the relative clause."""
    comma = text.find(", ", start, stop)
    return [(comma + 2, False)] if comma >= 0 else []


def _cuts(mention: Mention, norm: str, parties: list[int]) -> bool:
    if mention.label != "cue":
        return False
    if mention.key == "coordinator":
        return _party_follows(mention, norm, parties)
    return mention.key in ("break", "hypothetical")


def _party_follows(cue: Mention, norm: str, parties: list[int]) -> bool:
    """ "..., and Moscow is likely to ...": a coordinator opens a clause with a new subject
    (the party may follow an article: "en het Kremlin")."""
    index = bisect_left(parties, cue.end)
    if index == len(parties):
        return False
    gap = norm[cue.end : parties[index]].split()
    return len(gap) <= 1 and all(len(word) <= 3 for word in gap)


def _first_word_is(cues: list[Mention], start: int, text: str) -> bool:
    lead = len(text[start:]) - len(text[start:].lstrip("„“\"'‘’( "))
    return any(c.key == "hypothetical" and c.start == start + lead for c in cues)
