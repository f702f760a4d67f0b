"""Keeping the `assertions` table in step with the claims, incrementally: a
document's new claims are placed into their groups' assertions (read whole,
or kept by the writer from its last documents), updated in memory and written
back (in the document's transaction). No member claim is read again, so a
document costs the same however large its groups are."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from materiel.store.driver import Driver, columns
from materiel.store.kept import KeptAssertions
from materiel.store.merge import Fact, Member, absorb, place
from materiel.store.schema import assertion_documents, assertions

IDENTITY = ("kind", "supplier", "recipient", "holder", "designation")

_FULL_COLUMNS = [c.name for c in assertions.columns]
_GROUPS = (
    f"SELECT {columns(assertions)} FROM assertions WHERE group_key {{}} ORDER BY group_key, ordinal"
)
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
    units = _sources(claim["sources"]) or (outlet or f"document {root[:12]}",)
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


@lru_cache(maxsize=4096)
def _sources(text: str) -> tuple[str, ...]:
    """A claim's sources from their JSON (a few lists recur in most claims)."""
    return tuple(json.loads(text))


def merge_claims(
    db: Driver, rows: list[dict[str, Any]], origin: Origin, kept: KeptAssertions
) -> None:
    """Set each claim row's `assertion_key` (before the rows are inserted) and
    bring the assertions they join up to date (`kept` in step)."""
    if not rows:
        return
    members = [member(row, origin) for row in rows]
    groups = _groups(db, kept, {row["group_key"] for row in rows})
    sizes = {key: len(facts) for key, facts in groups.items()}
    pairs = zip(rows, members, strict=True)
    homes = [place(row["group_key"], groups[row["group_key"]], m) for row, m in pairs]
    new = [f for key, facts in groups.items() for f in facts[sizes[key] :]]
    made = {f.key for f in new}
    touched = {home.key: home for home in homes}
    changed = [f for f in touched.values() if f.key not in made]
    # a document's own hash is new to the store: only a near-duplicate's root
    # (its original) can already be counted by an assertion
    if origin.root_hash is not None:
        _count_roots(db, changed, origin.root_hash)
    for row, m, home in zip(rows, members, homes, strict=True):
        absorb(home, m)
        row["assertion_key"] = home.key
    identity = {home.key: row for row, home in zip(rows, homes, strict=True) if home.key in made}
    write(db, new, identity, changed)
    kept.merged(touched.values(), len(new))


def _groups(db: Driver, kept: KeptAssertions, keys: set[str]) -> dict[str, list[Fact]]:
    """The assertions of each group (oldest first), read for those not kept."""
    missing = kept.missing(keys)
    if missing:
        read: dict[str, list[Fact]] = {key: [] for key in missing}
        for row in db.select(_GROUPS, missing):
            values = dict(zip(_FULL_COLUMNS, row, strict=True))
            read[values["group_key"]].append(_fact(values))
        for key, facts in read.items():
            kept.add(key, facts)
    return {key: kept.group(key) for key in keys}


def _count_roots(db: Driver, facts: list[Fact], root: str) -> None:
    """Note which of these stored assertions count `root` already."""
    if not facts:
        return
    by_key = {f.key: f for f in facts}
    for key, found in db.select(_ROOTS, root, list(by_key)):
        by_key[key].roots.add(found)


def write(db: Driver, new: list[Fact], identity: dict[str, Any], changed: Iterable[Fact]) -> None:
    """Insert the `new` assertions (their parties and item from `identity`,
    by key) and update the `changed` ones; record the roots they first count."""
    db.insert(assertions, [values(f, identity[f.key]) for f in new])
    db.update(assertions, "key", [{**values(f), "key": f.key} for f in changed])
    roots = [{"assertion_key": f.key, "root": r} for f in [*new, *changed] for r in f.new_roots]
    db.insert(assertion_documents, roots)


def _fact(row: dict[str, Any]) -> Fact:
    """An assertion as the store has it (a mapping of its columns)."""
    f = Fact(row["key"], row["group_key"], row["ordinal"], row["seed_value"],
             bool(row["seed_approximate"]), row["seed_bound"], row["qty_per"], row["time"],
             n_claims=row["n_claims"])  # fmt: skip
    f.category, f.qty_low, f.qty_high = row["category"], row["qty_low"], row["qty_high"]
    f.status, f.status_rank = row["status"], row["status_rank"]
    f.n_support, f.n_hedged, f.n_deny = row["n_support"], row["n_hedged"], row["n_deny"]
    f.n_documents = row["n_documents"]
    f.first_seen, f.last_seen = row["first_seen"], row["last_seen"]
    f.sources = set(json.loads(row["sources"]))
    f.deniers = set(json.loads(row["deniers"]))
    f.categories = json.loads(row["categories"])
    return f


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
        "sources": _names(f, "sources", f.sources), "deniers": _names(f, "deniers", f.deniers),
        "categories": _json(dict(sorted(f.categories.items()))),
        "first_seen": f.first_seen, "last_seen": f.last_seen,
    }  # fmt: skip
    if identity is not None:
        out.update(key=f.key, group_key=f.group_key, **{k: identity[k] for k in IDENTITY})
    return out


def _names(f: Fact, column: str, names: set[str]) -> str:
    """The sorted JSON list of `names`, made again only if the set grew (a
    busy assertion's sources are written after every document that joins it)."""
    size, text = f.written.get(column, (-1, ""))
    if size != len(names):
        text = _json(sorted(names))
        f.written[column] = (len(names), text)
    return text


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
