"""The annotated document that NLP components read and write."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from materiel.model import Claim


@dataclass(slots=True)
class Mention:
    """A lexicon match: `label` is party/system/source/item/cue, `key` its id."""

    start: int
    end: int
    label: str
    key: str
    kind: str = ""
    fuzzy: bool = False


@dataclass(slots=True)
class QuantityMention:
    start: int
    end: int
    value: float | None
    approximate: bool = False
    bound: str | None = None
    per: str | None = None
    multiplier: float | None = None  # "drie keer zoveel": relative to the previous figure
    maybe_year: bool = False  # "2022": a count only when an item follows at once


@dataclass(slots=True)
class TimeMention:
    start: int
    end: int
    value: str
    reporting: bool = False  # "meldde vorige week": about the report, not the claim


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    hypothetical: bool = False
    resumes: bool = False  # the main clause again after a relative clause


@dataclass(slots=True)
class SourceRef:
    name: str
    start: int
    end: int
    kind: str = ""


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int = 0
    speaker: str | None = None
    question: bool = False
    clauses: list[Clause] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    # spans that name a source ("de Duitse krant Der Spiegel"): no parties there
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    # a state that is the source ("Iran ontkende dat ...") is a party only when
    # the reported clause leaves a role open
    fallback_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Doc:
    id: str
    text: str
    lang: str | None = None
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    norm: str = ""
    words: int = 0
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    full_names: dict[str, str] | None = None  # surname -> full name, filled on first use

    def in_span(self, items: list[Any], start: int, end: int) -> list[Any]:
        """The items (with .start/.end) that lie inside [start, end)."""
        return [m for m in items if m.start >= start and m.end <= end]


_FOLD = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"}
)


def normalise(text: str) -> str:
    """Lower-case `text` keeping every offset, with one apostrophe and one dash."""
    low = text.lower()
    if len(low) != len(text):
        # a few characters ("İ") lower-case to two; keep those as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_FOLD)
