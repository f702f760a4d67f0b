"""Sentences with spaCy's rule-based tokenizer and sentencizer.

Paragraphs (lines) are split first: headlines and speaker labels have no
final stop, and splitting keeps memory flat on very long documents.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import spacy

from materiel.lexicon import Lexicon
from materiel.nlp.doc import Doc, Sentence

_LINE = re.compile(r"[^\n]+")
# a stop, question or exclamation mark inside a line: it may hold several sentences
_INNER_STOP = re.compile(r"[.!?…][\"'”’)]*\s")
_WORD = re.compile(r"\w+(?:[-'’.,]\w+)*")
_BULLETS = {"-", "•", "*", "–", "·", "▪"}
# spaCy has blank pipelines for these; other languages use the multi-language one
_SPACY_LANGS = {"nl", "en", "de", "fr", "es", "it", "pt", "ru", "uk", "pl"}
# a sentence longer than this is cut at its last comma before it (run-on junk)
_MAX_SENTENCE = 2000


@lru_cache(maxsize=8)
def _blank(lang: str) -> Any:
    nlp = spacy.blank(lang if lang in _SPACY_LANGS else "xx")
    nlp.add_pipe("sentencizer")
    return nlp


class Sentencizer:
    name = "sentences"
    requires: tuple[str, ...] = ("lang",)
    assigns: tuple[str, ...] = ("sentences", "words")

    def __init__(self, lexicon: Lexicon) -> None:
        self.abbreviations = frozenset(w.lower() for w in lexicon.cues.grammar.abbreviations)
        _blank(lexicon.lang)  # load the tokenizer now, not with the first document

    def __call__(self, doc: Doc) -> Doc:
        nlp = _blank(doc.lang or "xx")
        sentences: list[Sentence] = []
        words = 0
        for paragraph, line in enumerate(_LINE.finditer(doc.text)):
            if not line.group().strip():
                continue
            pieces = _split_line(nlp, line.group(), line.start(), self.abbreviations)
            for start, end, count in pieces:
                sentences.append(Sentence(start, end, paragraph))
                words += count
        doc.sentences = _join_lists(doc.text, sentences)
        doc.words = words
        return doc


def _join_lists(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """ "The package includes:" and the bulleted lines under it are one sentence."""
    out: list[Sentence] = []
    in_list = False
    for sentence in sentences:
        bullet = text[sentence.start : sentence.start + 1] in _BULLETS
        opens = out and text[out[-1].start : out[-1].end].rstrip().endswith(":")
        if out and bullet and (in_list or opens):
            out[-1].end = sentence.end
            in_list = True
            continue
        in_list = False
        out.append(sentence)
    return out


def _split_line(
    nlp: Any, line: str, offset: int, abbreviations: frozenset[str]
) -> list[tuple[int, int, int]]:
    out = []
    if not _INNER_STOP.search(line.rstrip()):
        # a headline, a bullet, a one-sentence paragraph: no need to tokenise to know
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        return [(offset + lead, offset + lead + len(stripped), len(_WORD.findall(stripped)))]
    for piece_start, piece in _pieces(line):
        parsed = nlp(piece)
        for sent in parsed.sents:
            text = sent.text
            stripped = text.strip()
            if not stripped:
                continue
            lead = len(text) - len(text.lstrip())
            start = offset + piece_start + sent.start_char + lead
            # counting words by pattern is much cheaper than making a Token for each
            count = len(_WORD.findall(stripped))
            for part_start, part_end in _missed_stops(stripped, abbreviations):
                share = max(1, count * (part_end - part_start) // max(1, len(stripped)))
                out.append((start + part_start, start + part_end, share))
    return out


# "Teheran ontkent dat. Rusland ...": the tokenizer took "dat." for an abbreviation
_STOP = re.compile(r"(?<=[a-zà-ÿ][a-zà-ÿ])\.\s+(?=[A-ZÀ-Þ„“\"])")


def _missed_stops(sentence: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    parts, start = [], 0
    for match in _STOP.finditer(sentence):
        word = sentence[: match.start()].rsplit(None, 1)[-1].lower()
        if word in abbreviations:
            continue
        parts.append((start, match.start() + 1))
        start = match.end()
    parts.append((start, len(sentence)))
    return parts


def _pieces(line: str) -> list[tuple[int, str]]:
    """Cut over-long lines so that the tokenizer's memory stays bounded."""
    if len(line) <= _MAX_SENTENCE * 5:
        return [(0, line)]
    out, start = [], 0
    while start < len(line):
        stop = min(len(line), start + _MAX_SENTENCE * 5)
        if stop < len(line):
            cut = max(line.rfind(". ", start, stop), line.rfind(" ", start, stop))
            stop = cut + 1 if cut > start else stop
        out.append((start, line[start:stop]))
        start = stop
    return out
