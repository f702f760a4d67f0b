"""Speaker labels of transcripts (`MR. KIRBY:`) make the speaker the source."""

from __future__ import annotations

import re

from materiel.lexicon import Lexicon
from materiel.nlp.doc import Doc, normalise
from materiel.nlp.grammar import grammar_words
from materiel.nlp.names import document_names

_LABEL = re.compile(r"^\s*((?:[A-Z][A-Z.'’\- ]{0,40}[A-Z.])|Q|V|A)\s*:", re.MULTILINE)


class SpeakerLabels:
    name = "speakers"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("speakers",)

    def __init__(self, lexicon: Lexicon) -> None:
        self.aliases = {normalise(alias): name for alias, name in lexicon.source_aliases}
        self.grammar = grammar_words(lexicon)
        self.answer = _answer_pattern(self.grammar.answer_labels)
        self.memory: dict[str, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        self.memory = document_names(doc, self.grammar.function_words)
        turns = self._turns(doc.text)
        if not turns:
            return doc
        index = 0
        current: str | None = None
        for sentence in doc.sentences:
            while index < len(turns) and turns[index][0] <= sentence.start:
                current = turns[index][1]
                index += 1
            sentence.speaker = current
        return doc

    def _turns(self, text: str) -> list[tuple[int, str | None]]:
        turns: list[tuple[int, str | None]] = []
        for match in _LABEL.finditer(text):
            turns.append((match.start(1), self.resolve(match.group(1))))
        for match in self.answer.finditer(text) if self.answer else ():
            turns.append((match.start(1), self.resolve(match.group(1))))
        return sorted(turns, key=lambda t: t[0])

    def resolve(self, label: str) -> str | None:
        # "minister Brekelmans (Defensie), mede namens ...": the name before the aside
        label = re.split(r"[(,;]", label, maxsplit=1)[0]
        words = [w for w in re.split(r"[\s.]+", label.strip()) if w]
        if not words or words[0].upper() in self.grammar.questioners:
            return None
        core = [w for w in words if w.upper() not in self.grammar.honorifics] or words
        for candidate in (" ".join(core), core[-1]):
            name = self.aliases.get(normalise(candidate))
            if name:
                return name
        full = self.memory.get(core[-1].lower())
        if full:
            return self.aliases.get(normalise(full), full)
        return " ".join(w.capitalize() if w.isupper() else w for w in core)


def _answer_pattern(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    """ "Antwoord van minister X": a line that opens someone's answer or statement."""
    if not labels:
        return None
    options = "|".join(re.escape(label) for label in labels)
    return re.compile(rf"^\s*(?:{options})\s+(.+?)\s*$", re.MULTILINE)
