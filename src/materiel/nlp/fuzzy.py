"""Fuzzy fallback for misspelt names ("Iskandar", "Zelenskiy"): rapidfuzz over
the catalogue's one-word names, only where a clause talks about arms and no
exact match was found, so that the cost stays small."""

from __future__ import annotations

import re
from bisect import bisect_left

from rapidfuzz import fuzz, process

from materiel.lexicon import Lexicon
from materiel.nlp.doc import Doc, Mention

_WORD = re.compile(r"(?<![\w-])[A-ZÀ-Þ][\w’'-]{5,}")
_MIN_SCORE = 88.0
_TRIGGERS = {"transfer", "stock", "production", "consumption"}


class FuzzyNames:
    name = "fuzzy"
    requires: tuple[str, ...] = ("sentences", "mentions")
    assigns: tuple[str, ...] = ("mentions",)

    def __init__(self, lexicon: Lexicon) -> None:
        self.choices: dict[str, tuple[str, str, str]] = {}
        for alias, key, kind in lexicon.party_aliases:
            self._add(alias, ("party", key, kind))
        for alias, key in lexicon.system_aliases:
            self._add(alias, ("system", key, ""))
        self.names = list(self.choices)
        self._seen: dict[str, str | None] = {}

    def _add(self, alias: str, target: tuple[str, str, str]) -> None:
        if " " not in alias and len(alias) >= 6 and alias[:1].isupper():
            self.choices.setdefault(alias, target)

    def _closest(self, word: str) -> str | None:
        # words repeat across a corpus: remember the answers
        if word not in self._seen:
            if len(self._seen) > 100_000:
                self._seen.clear()
            best = process.extractOne(word, self.names, scorer=fuzz.ratio, score_cutoff=_MIN_SCORE)
            self._seen[word] = None if best is None else str(best[0])
        return self._seen[word]

    def __call__(self, doc: Doc) -> Doc:
        starts = [m.start for m in doc.mentions]
        found: list[Mention] = []
        for sentence in doc.sentences:
            low, high = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
            here = doc.mentions[low:high]
            if not any(m.label == "cue" and m.key in _TRIGGERS for m in here):
                continue
            found.extend(self._sentence(doc, sentence.start, sentence.end, here))
        if found:
            doc.mentions = sorted(doc.mentions + found, key=lambda m: (m.start, m.end))
        return doc

    def _sentence(self, doc: Doc, start: int, end: int, here: list[Mention]) -> list[Mention]:
        out = []
        for match in _WORD.finditer(doc.text, start, end):
            if match.start() == start or any(
                m.start < match.end() and match.start() < m.end for m in here if m.label != "cue"
            ):
                continue  # sentence-initial capitals are too often plain words
            best = self._closest(match.group())
            if best is not None:
                label, key, kind = self.choices[best]
                out.append(Mention(match.start(), match.end(), label, key, kind, fuzzy=True))
        return out
