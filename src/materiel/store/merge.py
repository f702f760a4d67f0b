"""Merging claims into assertions, one claim at a time.

Claims of the same *group* (kind, parties, item: the designation if there is
one, else the category) state the same fact when their quantities and times
are compatible. Claims are merged in the order they are ingested (documents
in order, claims in document order), each claim once:

1. a claim with a quantity or a time joins the group's first assertion (in
   the order they were made) whose seed it is compatible with; else the
   group's unanchored assertion, if there is one, which it then seeds; else
   it seeds a new assertion;
2. a claim with neither joins the group's largest assertion (the first of
   equals), else starts an unanchored one.

An assertion's seed is its first claim with a quantity or a time; it never
changes once set, and an assertion's key is a hash of its group and its first
claim (document hash, position), so keys never change either. The same
documents ingested in the same order give the same assertions and keys.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

# Relative slack around a stated number: exact, approximate ("about").
EXACT_SLACK = 0.1
APPROX_SLACK = 0.25
SUPPORTING = ("asserted", "hedged")


class Anchor(Protocol):
    """A quantity and a time, as a claim states them or an assertion's seed."""

    @property
    def value(self) -> float | None: ...
    @property
    def approximate(self) -> bool: ...
    @property
    def bound(self) -> str | None: ...
    @property
    def per(self) -> str | None: ...
    @property
    def time(self) -> str | None: ...


@dataclass(frozen=True)
class Member:
    """What merging needs of one claim."""

    order: tuple[str, int]  # (document hash, position in it)
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
class Fact:
    """An assertion: its seed, its place in its group and its summary. The
    sets (`sources`, `deniers`, `categories`, `roots`) may hold only what a
    merge needs; `new_roots` are the roots first counted by this merge."""

    key: str
    group_key: str
    ordinal: int  # its place among its group's assertions, oldest first
    value: float | None = None  # the seed's quantity and time
    approximate: bool = False
    bound: str | None = None
    per: str | None = None
    time: str | None = None
    category: str = ""
    qty_low: float | None = None
    qty_high: float | None = None
    status: str | None = None
    status_rank: str = ""  # date, document and position of the status's claim
    n_claims: int = 0
    n_support: int = 0
    n_hedged: int = 0
    n_deny: int = 0
    n_documents: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    sources: set[str] = field(default_factory=set)
    deniers: set[str] = field(default_factory=set)
    categories: dict[str, int] = field(default_factory=dict)
    roots: set[str] = field(default_factory=set)
    new_roots: list[str] = field(default_factory=list)
    # the store's text of a set (sources, deniers) and the size it had:
    # merging only adds to them, so an unchanged size is an unchanged set
    written: dict[str, tuple[int, str]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def anchored(self) -> bool:
        return self.value is not None or self.time is not None

    @property
    def stance(self) -> str:
        if not self.n_support:
            return "denied"
        if self.n_deny:
            return "contested"
        return "hedged" if self.n_hedged == self.n_support else "asserted"


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


def compatible(a: Anchor, b: Anchor) -> bool:
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


def place(group: str, facts: list[Fact], member: Member) -> Fact:
    """The assertion of `facts` (a group's, oldest first) that `member` joins,
    made and appended if there is none; counts the member in its size."""
    home = _anchored_home(facts, member) if member.anchored else _largest(facts)
    if home is None:
        home = Fact(short_hash(group, *member.order), group, len(facts))
        facts.append(home)
    if member.anchored and not home.anchored:
        _seed(home, member)
    home.n_claims += 1
    return home


def _anchored_home(facts: list[Fact], member: Member) -> Fact | None:
    for fact in facts:
        if fact.anchored and compatible(fact, member):
            return fact
    return next((fact for fact in facts if not fact.anchored), None)


def _largest(facts: list[Fact]) -> Fact | None:
    return max(facts, key=lambda f: (f.n_claims, -f.ordinal), default=None)


def _seed(fact: Fact, member: Member) -> None:
    fact.value, fact.approximate, fact.bound = member.value, member.approximate, member.bound
    fact.per, fact.time = member.per, member.time


def absorb(fact: Fact, member: Member) -> None:
    """Fold a member that `place` counted into its assertion's summary."""
    fact.categories[member.category] = fact.categories.get(member.category, 0) + 1
    fact.category = min(fact.categories, key=lambda c: (-fact.categories[c], c))
    if member.date:
        fact.first_seen = min(fact.first_seen or member.date, member.date)
        fact.last_seen = max(fact.last_seen or member.date, member.date)
    if not member.supports:
        fact.n_deny += 1
        fact.deniers.update(member.units)
        return
    fact.n_support += 1
    fact.n_hedged += member.stance == "hedged"
    fact.sources.update(member.units)
    _support(fact, member)


def _support(fact: Fact, member: Member) -> None:
    if member.value is not None:
        fact.qty_low = min(v for v in (fact.qty_low, member.value) if v is not None)
        fact.qty_high = max(v for v in (fact.qty_high, member.value) if v is not None)
    if member.root not in fact.roots:
        fact.roots.add(member.root)
        fact.new_roots.append(member.root)
        fact.n_documents += 1
    rank = status_rank(member)
    if member.status and rank > fact.status_rank:
        fact.status, fact.status_rank = member.status, rank


def status_rank(member: Member) -> str:
    """Orders reports as (date, document hash, position) do: a space sorts
    before every character of an ISO date, so `2024` comes before `2024-03`."""
    return f"{member.date or ''} {member.order[0]} {member.order[1]:08d}"


def merge_all(group: str, members: Iterable[Member]) -> tuple[list[Fact], list[Fact]]:
    """A group merged from nothing: its assertions, and each member's."""
    facts: list[Fact] = []
    homes: list[Fact] = []
    for member in members:
        home = place(group, facts, member)
        absorb(home, member)
        homes.append(home)
    return facts, homes
