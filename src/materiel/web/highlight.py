"""A document's text cut into segments at the edges of its claims' evidence,
so that a template can wrap each evidence span in a <mark> while escaping the
text (the document's text is never marked safe)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Segment:
    text: str
    claims: tuple[int, ...]  # ids of the claims whose evidence covers it
    first: int | None = None  # the claim whose evidence starts here, if any


def segments(text: str, spans: Iterable[tuple[int, int, int]]) -> list[Segment]:
    """`text` cut at every edge of the (claim id, start, end) spans."""
    clipped = [(cid, max(0, s), min(len(text), e)) for cid, s, e in spans]
    clipped = [(cid, s, e) for cid, s, e in clipped if s < e]
    edges = sorted({0, len(text), *(s for _, s, _ in clipped), *(e for _, _, e in clipped)})
    starts: dict[int, int] = {}
    for cid, start, _ in sorted(clipped, key=lambda span: span[1]):
        starts.setdefault(start, cid)
    out = []
    for left, right in pairwise(edges):
        covering = tuple(cid for cid, s, e in clipped if s <= left and right <= e)
        out.append(Segment(text[left:right], covering, starts.get(left)))
    return out
