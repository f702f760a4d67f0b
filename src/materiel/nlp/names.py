"""Person names the catalogue does not know: capitalised sequences, and the
document's memory of full names so that a later surname resolves."""

from __future__ import annotations

import re

from materiel.nlp.doc import Doc

_PARTICLE = r"(?:van|de|der|den|von|ter|ten|al|bin|ibn|el|la|le|du|da|dos|del)"
_CAP = r"(?:[dD][’']|O[’'])?[A-ZÀ-ÖØ-Þ][\w’'\-]+"
PERSON = re.compile(rf"{_CAP}(?:\s+(?:{_PARTICLE}\s+)*{_CAP})*")


def strip_function_words(
    text: str, start: int, end: int, function_words: frozenset[str]
) -> tuple[int, int] | None:
    """ "Het Duitse" is no name: drop capitalised function words at the front."""
    words = text[start:end].split()
    while words and words[0].lower().rstrip(".") in function_words:
        start = text.index(words[0], start) + len(words[0])
        words = words[1:]
        while start < end and text[start].isspace():
            start += 1
    return (start, end) if words else None


def document_names(doc: Doc, function_words: frozenset[str]) -> dict[str, str]:
    """The full names of `doc`, computed once per document."""
    if doc.full_names is None:
        doc.full_names = full_names(doc.text, function_words)
    return doc.full_names


def full_names(text: str, function_words: frozenset[str]) -> dict[str, str]:
    """Surname (lower-case) → the full name it was first written with."""
    memory: dict[str, str] = {}
    for match in PERSON.finditer(text):
        span = strip_function_words(text, match.start(), match.end(), function_words)
        if span is None:
            continue
        words = text[span[0] : span[1]].split()
        if len(words) >= 2 and not any(w.islower() for w in words):
            memory.setdefault(words[-1].lower().replace("’", "'"), " ".join(words))
    return memory
