"""Merging claims into assertions.

Claims of the same *group* (kind, parties, item: the designation if there is
one, else the category) state the same fact when their quantities and times
are compatible. Within a group, claims are clustered by a rule that depends
only on the set of claims, never on the order they arrived in:

1. claims with a quantity or a time are sorted by (time, per, value, bound,
   document hash, position) and each joins the first cluster whose seed (its
   first claim) it is compatible with, else it seeds a new cluster;
2. claims with neither join the largest cluster (else form one of their own).

An assertion's key is a hash of the group key and its seed's time and
quantity, so a store rebuilt from the same documents has the same keys.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

# Relative slack around a stated number: exact, approximate ("about").
EXACT_SLACK = 0.1
APPROX_SLACK = 0.25
SUPPORTING = ("asserted", "hedged")


@dataclass(frozen=True)
class Member:
    """What merging needs of one claim."""

    claim_id: int
    order: tuple[str, int]  # (document hash, position in it)
    assertion_key: str | None
    category: str
    value: float | None
    approximate: bool
    bound: str | None
    per: str | None
    time: str | None
    status: str | None
    stance: str
    units: tuple[str, ...]  # independent sources it counts as
    root: str  # hash of its original document (itself unless a near-duplicate)
    date: str | None

    @property
    def anchored(self) -> bool:
        return self.value is not None or self.time is not None

    @property
    def supports(self) -> bool:
        return self.stance in SUPPORTING


@dataclass
class Cluster:
    seed: Member
    members: list[Member] = field(default_factory=list)


def short_hash(*parts: object) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def group_key(
    kind: str,
    supplier: str | None,
    recipient: str | None,
    holder: str | None,
    designation: str | None,
    category: str,
) -> str:
    item = f"d:{designation}" if designation else f"c:{category}"
    return short_hash(kind, supplier, recipient, holder, item)


def span(value: float, bound: str | None, approximate: bool = False) -> tuple[float, float]:
    """The range of numbers a stated quantity admits."""
    slack = APPROX_SLACK if approximate else EXACT_SLACK
    if bound == "at_least":
        return value * (1 - slack), math.inf
    if bound == "at_most":
        return 0.0, value * (1 + slack)
    return value * (1 - slack), value * (1 + slack)


def period(time: str) -> tuple[str, str]:
    """An ISO time or interval as (first, last) strings comparable by prefix."""
    first, _, last = time.partition("/")
    return first, (last or first) + "-99"


def compatible(a: Member, b: Member) -> bool:
    if a.value is not None and b.value is not None:
        if a.per != b.per:
            return False
        low_a, high_a = span(a.value, a.bound, a.approximate)
        low_b, high_b = span(b.value, b.bound, b.approximate)
        if low_a > high_b or low_b > high_a:
            return False
    if a.time is not None and b.time is not None:
        first_a, last_a = period(a.time)
        first_b, last_b = period(b.time)
        return first_a <= last_b and first_b <= last_a
    return True


def _sort_key(m: Member) -> tuple[str, str, float, str, str, int]:
    value = -1.0 if m.value is None else m.value
    return (m.time or "", m.per or "", value, m.bound or "", *m.order)


def cluster(group: str, members: Iterable[Member]) -> dict[str, list[Member]]:
    """The assertions of one group: key → its claims."""
    members = list(members)
    anchored = sorted((m for m in members if m.anchored), key=_sort_key)
    loose = sorted((m for m in members if not m.anchored), key=lambda m: m.order)
    clusters: list[Cluster] = []
    for member in anchored:
        home = next((c for c in clusters if compatible(c.seed, member)), None)
        if home is None:
            home = Cluster(member)
            clusters.append(home)
        home.members.append(member)
    if loose:
        if not clusters:
            clusters.append(Cluster(loose[0]))
        largest = max(clusters, key=lambda c: (len(c.members), -clusters.index(c)))
        largest.members.extend(loose)
    return {_key(group, c.seed): c.members for c in clusters}


def _key(group: str, seed: Member) -> str:
    if not seed.anchored:
        return short_hash(group)
    return short_hash(group, seed.time, seed.per, seed.value, seed.bound)


@dataclass(frozen=True)
class Summary:
    """The derived fields of an assertion."""

    category: str
    time: str | None
    qty_low: float | None
    qty_high: float | None
    qty_per: str | None
    status: str | None
    stance: str
    n_claims: int
    n_support: int
    n_deny: int
    n_documents: int
    n_sources: int
    sources: tuple[str, ...]
    deniers: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None


def summarise(members: list[Member]) -> Summary:
    seed = min((m for m in members if m.anchored), key=_sort_key, default=members[0])
    support = [m for m in members if m.supports]
    deny = [m for m in members if not m.supports]
    values = [m.value for m in support if m.value is not None]
    sources = tuple(sorted({u for m in support for u in m.units}))
    dates = sorted(m.date for m in members if m.date)
    return Summary(
        category=_most_common(m.category for m in members),
        time=seed.time,
        qty_low=min(values, default=None),
        qty_high=max(values, default=None),
        qty_per=seed.per,
        status=_latest_status(support),
        stance=_stance(support, deny),
        n_claims=len(members),
        n_support=len(support),
        n_deny=len(deny),
        n_documents=len({m.root for m in support}),
        n_sources=len(sources),
        sources=sources,
        deniers=tuple(sorted({u for m in deny for u in m.units})),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
    )


def _most_common(values: Iterable[str]) -> str:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return min(counts, key=lambda v: (-counts[v], v))


def _latest_status(support: list[Member]) -> str | None:
    dated = [m for m in support if m.status]
    if not dated:
        return None
    return max(dated, key=lambda m: (m.date or "", m.order)).status


def _stance(support: list[Member], deny: list[Member]) -> str:
    if not support:
        return "denied"
    if deny:
        return "contested"
    if all(m.stance == "hedged" for m in support):
        return "hedged"
    return "asserted"
