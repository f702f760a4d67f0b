"""Merging all of a store's claims again from nothing, in ingest order
(documents by id, claims by position): for a store whose assertions were made
by an older merge rule, and for bulk-loaded stores (benchmarks)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.orm import aliased

from materiel.store.assertions import Origin, member, values
from materiel.store.merge import Fact, absorb, place
from materiel.store.schema import assertion_documents, assertions, claims, documents

CHUNK = 20_000
_root = aliased(documents)
_ALL = (
    select(
        claims.c.id, claims.c.seq, claims.c.group_key, claims.c.kind, claims.c.supplier,
        claims.c.recipient, claims.c.holder, claims.c.designation, claims.c.category,
        claims.c.qty_value, claims.c.qty_approximate, claims.c.qty_bound, claims.c.qty_per,
        claims.c.time, claims.c.status, claims.c.stance, claims.c.sources,
        documents.c.hash, documents.c.date, documents.c.outlet,
        _root.c.hash.label("root_hash"), _root.c.outlet.label("root_outlet"),
    )
    .join(documents, documents.c.id == claims.c.document_id)
    .outerjoin(_root, _root.c.id == documents.c.duplicate_of)
    .where(claims.c.review != "rejected")  # an analyst's rejection takes a claim out
    .order_by(documents.c.id, claims.c.seq)
)  # fmt: skip
_IN_GROUPS = _ALL.where(claims.c.group_key.in_(bindparam("groups", expanding=True)))
_SET_KEY = (
    update(claims).where(claims.c.id == bindparam("claim_id")).values(assertion_key=bindparam("k"))
)


@dataclass
class Replay:
    """Claims merged one by one, in the order they are given."""

    groups: dict[str, list[Fact]] = field(default_factory=dict)
    identity: dict[str, Any] = field(default_factory=dict)
    keys: dict[int, str] = field(default_factory=dict)  # claim id → assertion key

    def add(self, claim_id: int, claim: Any, origin: Origin) -> str:
        """Merge one claim (a mapping of the `claims` columns); its assertion's key."""
        found = member(claim, origin)
        home = place(claim["group_key"], self.groups.setdefault(claim["group_key"], []), found)
        absorb(home, found)
        self.identity.setdefault(home.key, claim)
        self.keys[claim_id] = home.key
        return home.key

    def assertion_rows(self) -> list[dict[str, Any]]:
        facts = [f for group in self.groups.values() for f in group]
        return [values(f, self.identity[f.key]) for f in facts]

    def root_rows(self) -> list[dict[str, Any]]:
        facts = [f for group in self.groups.values() for f in group]
        return [{"assertion_key": f.key, "root": root} for f in facts for root in f.new_roots]


def rebuild(conn: Connection) -> None:
    """Replace the store's assertions by those of all its claims merged again."""
    replay = Replay()
    for row in conn.execute(_ALL):
        origin = Origin(row.hash, row.date, row.outlet, row.root_hash, row.root_outlet)
        replay.add(row.id, row._mapping, origin)
    conn.execute(delete(assertion_documents))
    conn.execute(delete(assertions))
    moves = [{"claim_id": claim_id, "k": key} for claim_id, key in replay.keys.items()]
    insert_all(conn, assertions, replay.assertion_rows())
    insert_all(conn, assertion_documents, replay.root_rows())
    for start in range(0, len(moves), CHUNK):
        conn.execute(_SET_KEY, moves[start : start + CHUNK])


def remerge(conn: Connection, groups: set[str]) -> None:
    """Merge the claims of these groups again from nothing, in ingest order: after an
    analyst corrects, rejects or restores a claim, its groups' assertions change."""
    keys = sorted(groups)
    if not keys:
        return
    replay = Replay()
    for row in conn.execute(_IN_GROUPS, {"groups": keys}):
        origin = Origin(row.hash, row.date, row.outlet, row.root_hash, row.root_outlet)
        replay.add(row.id, row._mapping, origin)
    old = select(assertions.c.key).where(assertions.c.group_key.in_(keys)).scalar_subquery()
    conn.execute(delete(assertion_documents).where(assertion_documents.c.assertion_key.in_(old)))
    conn.execute(delete(assertions).where(assertions.c.group_key.in_(keys)))
    conn.execute(update(claims).where(claims.c.group_key.in_(keys)).values(assertion_key=None))
    insert_all(conn, assertions, replay.assertion_rows())
    insert_all(conn, assertion_documents, replay.root_rows())
    moves = [{"claim_id": claim_id, "k": key} for claim_id, key in replay.keys.items()]
    for start in range(0, len(moves), CHUNK):
        conn.execute(_SET_KEY, moves[start : start + CHUNK])


def insert_all(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        conn.execute(insert(table), rows[start : start + CHUNK])
