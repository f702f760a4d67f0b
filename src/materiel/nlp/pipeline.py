"""The NLP pipeline: components that each read what earlier ones assigned.

Like spaCy components, each has a `name`, declares what it `requires` and
what it `assigns`, and is called with a `Doc`. The pipeline checks the order
once, when it is built.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from materiel.exc import MaterielError
from materiel.lexicon import load_lexicon
from materiel.model import Claim
from materiel.nlp.attribution import Attribution
from materiel.nlp.claims import ClaimBuilder
from materiel.nlp.clauses import Clauses
from materiel.nlp.doc import Doc, normalise
from materiel.nlp.fuzzy import FuzzyNames
from materiel.nlp.gazetteer import Gazetteer
from materiel.nlp.langdetect import LanguageDetector
from materiel.nlp.quantities import Quantities, QuantityParser
from materiel.nlp.sentences import Sentencizer
from materiel.nlp.speakers import SpeakerLabels
from materiel.nlp.times import TimeFinder

# Text beyond this is processed in chunks cut at paragraph ends, so that memory
# stays flat however long a document is.
CHUNK_CHARS = 200_000


class Component(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


class Pipeline:
    def __init__(self, components: Sequence[Component]) -> None:
        available: set[str] = {"lang"}
        for component in components:
            missing = set(component.requires) - available
            if missing:
                raise MaterielError(f"component {component.name!r} needs {sorted(missing)} first")
            available.update(component.assigns)
        self.components = list(components)

    def __call__(self, doc: Doc) -> Doc:
        doc.norm = normalise(doc.text)
        for component in self.components:
            doc = component(doc)
        return doc


@lru_cache(maxsize=8)
def build_pipeline(lang: str, overlays: tuple[Path, ...] = ()) -> Pipeline:
    lexicon = load_lexicon(lang, overlays)
    parser = QuantityParser(lexicon.numbers, lexicon.cues.time.months)
    return Pipeline(
        [
            Sentencizer(lexicon),
            Gazetteer(lexicon),
            FuzzyNames(lexicon),
            SpeakerLabels(lexicon),
            Clauses(lexicon),
            Quantities(parser),
            TimeFinder(lexicon.cues.time),
            Attribution(lexicon),
            ClaimBuilder(lexicon),
        ]
    )


def process(doc: Doc, overlays: tuple[Path, ...] = ()) -> Doc:
    """Run the whole pipeline on `doc` (detecting its language when unset)."""
    LanguageDetector()(doc)
    if doc.lang is None:
        return doc
    pipeline = build_pipeline(doc.lang, overlays)
    if len(doc.text) <= CHUNK_CHARS:
        return pipeline(doc)
    claims: list[Claim] = []
    words = 0
    for offset, piece in _chunks(doc.text):
        part = pipeline(Doc(doc.id, piece, doc.lang, doc.date))
        words += part.words
        claims.extend(_shift(claim, offset) for claim in part.claims)
    doc.claims, doc.words = claims, words
    return doc


def extract_claims(text: str, lang: str | None = None, date: str | None = None) -> list[Claim]:
    """The claims of one document's text."""
    return process(Doc("-", text, lang, date)).claims


def _chunks(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    while start < len(text):
        stop = min(len(text), start + CHUNK_CHARS)
        if stop < len(text):
            cut = text.rfind("\n", start, stop)
            stop = cut + 1 if cut > start else stop
        out.append((start, text[start:stop]))
        start = stop
    return out


def _shift(claim: Claim, offset: int) -> Claim:
    claim.evidence.start += offset
    claim.evidence.end += offset
    return claim
