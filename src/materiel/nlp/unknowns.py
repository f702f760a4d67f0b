"""Names the extractor saw but could not resolve, for an analyst to add to an
overlay catalogue: sources of claims that no catalogue lists, and capitalised
names in sentences that talk about arms that matched nothing in the lexicon."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from materiel.lexicon import Lexicon
from materiel.nlp.doc import Doc, Mention, Sentence
from materiel.nlp.grammar import grammar_words

# A run of capitalised words ("Petr Fiala", "Lockheed Martin") or a designation
# with a digit ("Fath-360", "Garpiya-A1").
_NAME = re.compile(
    r"(?<![\w-])(?:[A-ZÀ-Þ][\w'’-]*\d[\w-]*|[A-ZÀ-Þ][a-zß-ÿ][\w'’-]+(?:[ -][A-ZÀ-Þ][\w'’-]+)*)"
)
_DERIVED = re.compile(r"^(?:[A-Z][\w-]+) (?:government|officials)$")
_TRIGGERS = {"transfer", "stock", "production", "consumption"}

Unknown = tuple[str, str, str]  # (name, kind, example sentence)


def find_unknowns(doc: Doc, lexicon: Lexicon) -> list[tuple[str, str, int, str]]:
    """(name, kind, count, example) for each unresolved name of `doc`."""
    common = grammar_words(lexicon).not_names
    found = _unknown_sources(doc, lexicon) + _unmatched_names(doc, common)
    counts = Counter((name, kind) for name, kind, _ in found)
    examples: dict[tuple[str, str], str] = {}
    for name, kind, example in found:
        examples.setdefault((name, kind), example)
    return [(name, kind, n, examples[name, kind]) for (name, kind), n in sorted(counts.items())]


def _unknown_sources(doc: Doc, lexicon: Lexicon) -> list[Unknown]:
    out = []
    for claim in doc.claims:
        for source in claim.sources:
            if source not in lexicon.sources and not _DERIVED.match(source):
                out.append((source, "source", claim.evidence.text[:300]))
    return out


def _unmatched_names(doc: Doc, common: frozenset[str]) -> list[Unknown]:
    starts = [m.start for m in doc.mentions]
    out: list[Unknown] = []
    for sentence in doc.sentences:
        low, high = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        here = doc.mentions[low:high]
        if any(m.label == "cue" and m.key in _TRIGGERS for m in here):
            out.extend(_names_in(doc, sentence, here, common))
    return out


def _names_in(
    doc: Doc, sentence: Sentence, here: list[Mention], common: frozenset[str]
) -> list[Unknown]:
    text = doc.text[sentence.start : sentence.end].strip()
    out: list[Unknown] = []
    for match in _NAME.finditer(doc.text, sentence.start, sentence.end):
        name = match.group().strip(" -'’")
        first = match.start() <= sentence.start + 1 or doc.text[match.start() - 2] in ".:\n"
        if (first and " " not in name) or name.lower() in common or len(name) < 3:
            continue
        spans = [*here, *doc.in_span(doc.times, sentence.start, sentence.end)]
        if any(m.start < match.end() and match.start() < m.end for m in spans):
            continue
        out.append((name, "system" if any(c.isdigit() for c in name) else "name", text[:300]))
    return out
