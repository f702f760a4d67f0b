"""Speaker labels of transcripts (`MR. KIRBY:`) make the speaker the source."""

from __future__ import annotations

import re

from materiel.lexicon import Lexicon
from materiel.nlp.doc import Doc, normalise
from materiel.nlp.names import document_names

_LABEL = re.compile(r"^\s*((?:[A-Z][A-Z.'’\- ]{0,40}[A-Z.])|Q|V|A)\s*:", re.MULTILINE)
_ANSWER = re.compile(
    r"^\s*(?:Antwoord van|Answer from|Statement by|Verklaring van)\s+(.+?)\s*$", re.MULTILINE
)
_HONORIFICS = {
    "MR",
    "MRS",
    "MS",
    "DR",
    "SECRETARY",
    "MINISTER",
    "GENERAL",
    "GEN",
    "ADMIRAL",
    "ADM",
    "AMBASSADOR",
    "SPOKESPERSON",
    "SPOKESMAN",
    "COLONEL",
    "COL",
    "MAJOR",
    "PRESIDENT",
    "PRIME",
    "DE",
    "HEER",
    "MEVROUW",
    "STAATSSECRETARIS",
    "SENATOR",
    "REPRESENTATIVE",
    "LT",
    "SGT",
    "CAPTAIN",
    "CAPT",
    "DEPUTY",
    "UNDER",
}
_QUESTIONERS = {"Q", "V", "VRAAG", "QUESTION", "REPORTER", "JOURNALIST"}


class SpeakerLabels:
    name = "speakers"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("speakers",)

    def __init__(self, lexicon: Lexicon) -> None:
        self.aliases = {normalise(alias): name for alias, name in lexicon.source_aliases}
        self.memory: dict[str, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        self.memory = document_names(doc)
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
        for match in _ANSWER.finditer(text):
            turns.append((match.start(1), self.resolve(match.group(1))))
        return sorted(turns, key=lambda t: t[0])

    def resolve(self, label: str) -> str | None:
        words = [w for w in re.split(r"[\s.]+", label.strip()) if w]
        if not words or words[0].upper() in _QUESTIONERS:
            return None
        core = [w for w in words if w.upper() not in _HONORIFICS] or words
        for candidate in (" ".join(core), core[-1]):
            name = self.aliases.get(normalise(candidate))
            if name:
                return name
        full = self.memory.get(core[-1].lower())
        if full:
            return self.aliases.get(normalise(full), full)
        return " ".join(w.capitalize() if w.isupper() else w for w in core)
