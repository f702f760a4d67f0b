"""Time expressions, resolved against the document date."""

from __future__ import annotations

import re

from materiel.lexicon.schema import TimeWords
from materiel.nlp.doc import Doc, TimeMention, normalise

_ISO = re.compile(r"\b(19|20)\d\d-(0[1-9]|1[0-2])(?:-\d\d)?\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def doc_year_month(date: str | None) -> tuple[int, int] | None:
    if not date:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2}))?", date)
    if not match:
        return None
    return int(match.group(1)), int(match.group(2) or 0)


class TimeFinder:
    name = "times"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("times",)

    def __init__(self, words: TimeWords) -> None:
        self.words = words
        months = "|".join(
            sorted((re.escape(normalise(m)) for m in words.months), key=len, reverse=True)
        )
        # a language without month names (yet) finds none, rather than empty matches
        self.month_re = re.compile(rf"\b({months})\.?(?:\s+(19\d\d|20\d\d))?\b") if months else None
        self.relative = {normalise(k): ("y", v) for k, v in words.relative_years.items()}
        self.relative.update({normalise(k): ("m", v) for k, v in words.relative_months.items()})
        self.reporting = tuple(normalise(w) for w in words.reporting)
        self.anchors = frozenset(normalise(w) for w in words.anchors)
        phrases = "|".join(sorted((re.escape(p) for p in self.relative), key=len, reverse=True))
        self.relative_re = re.compile(rf"\b(?:{phrases})\b") if phrases else None

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc_year_month(doc.date)
        out: list[TimeMention] = []
        for sentence in doc.sentences:
            text = doc.norm[sentence.start : sentence.end]
            out.extend(self.find(text, sentence.start, anchor))
        doc.times = out
        return doc

    def find(self, text: str, offset: int, anchor: tuple[int, int] | None) -> list[TimeMention]:
        found: list[TimeMention] = []
        taken: list[tuple[int, int]] = []
        for match in _ISO.finditer(text):
            found.append(TimeMention(match.start(), match.end(), match.group()[:7]))
            taken.append(match.span())
        for match in self.month_re.finditer(text) if self.month_re else ():
            if _inside(match.span(), taken):
                continue
            if not match.group(2) and not _anchored(text, match.start(), self.anchors, True):
                continue
            value = self._month(match, anchor)
            if value:
                found.append(TimeMention(match.start(), match.end(), value))
                taken.append(match.span())
        for match in _YEAR.finditer(text):
            if not _inside(match.span(), taken) and _anchored(
                text, match.start(), self.anchors, False
            ):
                found.append(TimeMention(match.start(), match.end(), match.group()))
                taken.append(match.span())
        found.extend(self._relative(text, anchor, taken))
        for mention in found:
            mention.reporting = self._is_reporting(text, mention.start)
            mention.start += offset
            mention.end += offset
        return sorted(found, key=lambda m: m.start)

    def _month(self, match: re.Match[str], anchor: tuple[int, int] | None) -> str | None:
        month = self.words.months[match.group(1)]
        if match.group(2):
            return f"{match.group(2)}-{month:02d}"
        if anchor is None:
            return None
        return f"{anchor[0]}-{month:02d}"

    def _relative(
        self, text: str, anchor: tuple[int, int] | None, taken: list[tuple[int, int]]
    ) -> list[TimeMention]:
        if anchor is None or self.relative_re is None:
            return []
        out = []
        for match in self.relative_re.finditer(text):
            if _inside(match.span(), taken):
                continue
            unit, delta = self.relative[match.group()]
            value = _shift(anchor, unit, delta)
            if value:
                out.append(TimeMention(match.start(), match.end(), value))
        return out

    def _is_reporting(self, text: str, start: int) -> bool:
        before = text[max(0, start - 25) : start].split()
        return any(word in self.reporting for word in before[-2:])


def _shift(anchor: tuple[int, int], unit: str, delta: int) -> str | None:
    year, month = anchor
    if unit == "y":
        return str(year + delta)
    if not month:
        return None
    index = year * 12 + (month - 1) + delta
    return f"{index // 12}-{index % 12 + 1:02d}"


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def _anchored(text: str, start: int, anchors: frozenset[str], digits: bool) -> bool:
    """A bare month or year is a date after "in", "since", a day number...
    ("may" and "mar" are words too)."""
    before = text[max(0, start - 12) : start].split()
    if not before:
        return False
    return before[-1] in anchors or (digits and before[-1].isdigit())
