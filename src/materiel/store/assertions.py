"""Keeping the `assertions` table in step with the claims, incrementally: a
document's new claims are placed into their groups' assertions (read by their
seeds and sizes only), the assertions they join are read in full, updated in
memory and written back (in the document's transaction). No member claim is
read again, so a document costs the same however large its groups are."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from materiel.store.driver import Driver, columns
from materiel.store.merge import Fact, Member, absorb, place
from materiel.store.schema import assertion_documents, assertions

IDENTITY = ("kind", "supplier", "recipient", "holder", "designation")
# what placing a claim needs of an assertion (the rest is read for those it joins)
PLACING = ("key", "group_key", "ordinal", "seed_value", "seed_approximate", "seed_bound",
           "qty_per", "time", "n_claims")  # fmt: skip

_SEEDS = (
    f"SELECT {columns(assertions, PLACING)} FROM assertions"
    " WHERE group_key {} ORDER BY group_key, ordinal"
)
_FULL_COLUMNS = [c.name for c in assertions.columns]
_FULL = f'SELECT {columns(assertions)} FROM assertions WHERE "key" {{}}'
_ROOTS = "SELECT assertion_key, root FROM assertion_documents WHERE root {} AND assertion_key {}"


@dataclass(frozen=True)
class Origin:
    """The document the claims come from, and its original if it is a
    near-duplicate (whose outlet then stands for it)."""

    hash: str
    date: str | None
    outlet: str | None
    root_hash: str | None = None
    root_outlet: str | None = None


def member(claim: Any, origin: Origin) -> Member:
    """What merging needs of a claim row (a mapping of the `claims` columns)."""
    root = origin.root_hash or origin.hash
    outlet = origin.root_outlet if origin.root_hash else origin.outlet
    units = tuple(json.loads(claim["sources"])) or (outlet or f"document {root[:12]}",)
    return Member(
        order=(origin.hash, claim["seq"]),
        category=claim["category"],
        value=claim["qty_value"],
        approximate=bool(claim["qty_approximate"]),
        bound=claim["qty_bound"],
        per=claim["qty_per"],
        time=claim["time"],
        status=claim["status"],
        stance=claim["stance"],
        units=units,
        root=root,
        date=origin.date,
    )


def merge_claims(db: Driver, rows: list[dict[str, Any]], origin: Origin) -> None:
    """Set each claim row's `assertion_key` (before the rows are inserted) and
    bring the assertions they join up to date."""
    if not rows:
        return
    members = [member(row, origin) for row in rows]
    homes, stored = _place(db, rows, members)
    touched = {home.key: home for home in homes}
    # a document's own hash is new to the store: only a near-duplicate's root
    # (its original) can already be counted by an assertion
    known_root = origin.root_hash
    _load_sets(db, [f for f in touched.values() if f.key in stored], known_root)
    for row, m, home in zip(rows, members, homes, strict=True):
        absorb(home, m)
        row["assertion_key"] = home.key
    made = {home.key: row for row, home in zip(rows, homes, strict=True) if home.key not in stored}
    new = [f for f in touched.values() if f.key in made]
    write(db, new, made, [f for f in touched.values() if f.key in stored])


def _place(
    db: Driver, rows: list[dict[str, Any]], members: list[Member]
) -> tuple[list[Fact], set[str]]:
    """The assertion each member joins (read by seeds and sizes), and the keys
    of those already stored."""
    groups: dict[str, list[Fact]] = {row["group_key"]: [] for row in rows}
    for seed in db.select(_SEEDS, sorted(groups)):
        groups[seed[1]].append(_seed(*seed))
    stored = {f.key for facts in groups.values() for f in facts}
    pairs = zip(rows, members, strict=True)
    return [place(row["group_key"], groups[row["group_key"]], m) for row, m in pairs], stored


def _seed(
    key: str, group: str, ordinal: int, value: float | None, approximate: Any,
    bound: str | None, per: str | None, time: str | None, n_claims: int,
) -> Fact:  # fmt: skip
    """An assertion as placing reads it (the columns of PLACING): its seed and size."""
    return Fact(key, group, ordinal, value, bool(approximate), bound, per, time, n_claims=n_claims)


def _load_sets(db: Driver, facts: list[Fact], root: str | None) -> None:
    """Read the rest of these stored assertions (placed, so their seeds and
    sizes are kept), and which of them count `root` already (if given)."""
    if not facts:
        return
    by_key = {f.key: f for f in facts}
    full = db.query(_FULL, list(by_key))
    # sent before the first answer is read
    counted = db.query(_ROOTS, root, list(by_key)) if root is not None else _nothing
    for row in full():
        values = dict(zip(_FULL_COLUMNS, row, strict=True))
        _fill(by_key[values["key"]], values)
    for key, found in counted():
        by_key[key].roots.add(found)


def _nothing() -> list[Any]:
    return []


def write(db: Driver, new: list[Fact], identity: dict[str, Any], changed: Iterable[Fact]) -> None:
    """Insert the `new` assertions (their parties and item from `identity`,
    by key) and update the `changed` ones; record the roots they first count."""
    db.insert(assertions, [values(f, identity[f.key]) for f in new])
    db.update(assertions, "key", [{**values(f), "key": f.key} for f in changed])
    roots = [{"assertion_key": f.key, "root": r} for f in [*new, *changed] for r in f.new_roots]
    db.insert(assertion_documents, roots)


def _fill(f: Fact, row: dict[str, Any]) -> None:
    f.category, f.qty_low, f.qty_high = row["category"], row["qty_low"], row["qty_high"]
    f.status, f.status_rank = row["status"], row["status_rank"]
    f.n_support, f.n_hedged, f.n_deny = row["n_support"], row["n_hedged"], row["n_deny"]
    f.n_documents = row["n_documents"]
    f.first_seen, f.last_seen = row["first_seen"], row["last_seen"]
    f.sources = set(json.loads(row["sources"]))
    f.deniers = set(json.loads(row["deniers"]))
    f.categories = json.loads(row["categories"])


def values(f: Fact, identity: Any = None) -> dict[str, Any]:
    """The row of an assertion: its summary, and with `identity` (a claim of
    its group) its key, group, parties and item as well."""
    out = {
        "ordinal": f.ordinal, "seed_value": f.value, "seed_approximate": f.approximate,
        "seed_bound": f.bound, "qty_per": f.per, "time": f.time, "category": f.category,
        "qty_low": f.qty_low, "qty_high": f.qty_high, "status": f.status,
        "status_rank": f.status_rank, "stance": f.stance, "n_claims": f.n_claims,
        "n_support": f.n_support, "n_hedged": f.n_hedged, "n_deny": f.n_deny,
        "n_documents": f.n_documents, "n_sources": len(f.sources),
        "sources": _json(sorted(f.sources)), "deniers": _json(sorted(f.deniers)),
        "categories": _json(dict(sorted(f.categories.items()))),
        "first_seen": f.first_seen, "last_seen": f.last_seen,
    }  # fmt: skip
    if identity is not None:
        out.update(key=f.key, group_key=f.group_key, **{k: identity[k] for k in IDENTITY})
    return out


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
