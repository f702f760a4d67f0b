"""Language detection with lingua, restricted to likely news languages."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lingua import Language, LanguageDetectorBuilder

from materiel.nlp.doc import Doc

# Detect among these; only some have lexicons, the others are reported as such.
_LANGUAGES = (
    Language.DUTCH,
    Language.ENGLISH,
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.ITALIAN,
    Language.PORTUGUESE,
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.POLISH,
    Language.ARABIC,
    Language.CHINESE,
    Language.PERSIAN,
    Language.TURKISH,
)
_SAMPLE = 2000


@lru_cache(maxsize=1)
def _detector() -> Any:
    return LanguageDetectorBuilder.from_languages(*_LANGUAGES).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = text[:_SAMPLE]
    if sum(c.isalpha() for c in sample) < 10:
        return None
    found = _detector().detect_language_of(sample)
    return None if found is None else str(found.iso_code_639_1.name).lower()


class LanguageDetector:
    name = "lang"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("lang",)

    def __call__(self, doc: Doc) -> Doc:
        if doc.lang is None:
            doc.lang = detect_language(doc.text)
        return doc
