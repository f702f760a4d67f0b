"""Keeping the `assertions` table in step with the claims: after a document's
claims are written, the groups they belong to are merged again (in the same
transaction), and only rows that changed are written."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.orm import aliased

from materiel.store.merge import Member, cluster, summarise
from materiel.store.schema import assertions, claims, documents

_root = aliased(documents)

_MEMBERS = (
    select(
        claims.c.id,
        claims.c.seq,
        claims.c.group_key,
        claims.c.assertion_key,
        claims.c.kind,
        claims.c.supplier,
        claims.c.recipient,
        claims.c.holder,
        claims.c.designation,
        claims.c.category,
        claims.c.qty_value,
        claims.c.qty_approximate,
        claims.c.qty_bound,
        claims.c.qty_per,
        claims.c.time,
        claims.c.status,
        claims.c.stance,
        claims.c.sources,
        documents.c.hash,
        documents.c.date,
        documents.c.outlet,
        _root.c.hash.label("root_hash"),
        _root.c.outlet.label("root_outlet"),
    )
    .join(documents, documents.c.id == claims.c.document_id)
    .outerjoin(_root, _root.c.id == documents.c.duplicate_of)
    .where(
        claims.c.group_key.in_(bindparam("groups", expanding=True)),
        claims.c.review != "rejected",  # an analyst's rejection takes a claim out
    )
)
_EXISTING = select(assertions).where(
    assertions.c.group_key.in_(bindparam("groups", expanding=True))
)
_DROP = delete(assertions).where(assertions.c.key.in_(bindparam("keys", expanding=True)))
_SET_KEY = (
    update(claims)
    .where(claims.c.id == bindparam("claim_id"))
    .values(assertion_key=bindparam("new_key"))
)
_CHANGE = (
    update(assertions)
    .where(assertions.c.key == bindparam("old_key"))
    .values({c.name: bindparam(c.name) for c in assertions.c if c.name != "key"})
)


def remerge(conn: Connection, groups: Iterable[str]) -> None:
    """Recompute the assertions of these groups from all of their claims
    (a handful of statements, however many groups)."""
    keys = sorted(set(groups))
    if not keys:
        return
    rows: dict[str, list[Any]] = defaultdict(list)
    for row in conn.execute(_MEMBERS, {"groups": keys}):
        rows[row.group_key].append(row)
    existing = {r.key: dict(r._mapping) for r in conn.execute(_EXISTING, {"groups": keys})}
    wanted: dict[str, dict[str, Any]] = {}
    moves: list[dict[str, Any]] = []
    for group in keys:
        if rows[group]:
            _merge_group(group, rows[group], wanted, moves)
    _sync(conn, existing, wanted)
    if moves:
        conn.execute(_SET_KEY, moves)


def _merge_group(
    group: str, rows: list[Any], wanted: dict[str, dict[str, Any]], moves: list[dict[str, Any]]
) -> None:
    clustered = cluster(group, [_member(r) for r in rows])
    for key, members in clustered.items():
        wanted[key] = _values(key, group, rows[0], members)
        moves.extend(
            {"claim_id": m.claim_id, "new_key": key} for m in members if m.assertion_key != key
        )


def _sync(
    conn: Connection, existing: dict[str, dict[str, Any]], wanted: dict[str, dict[str, Any]]
) -> None:
    gone = [key for key in existing if key not in wanted]
    if gone:
        conn.execute(_DROP, {"keys": gone})
    new = [values for key, values in wanted.items() if key not in existing]
    if new:
        conn.execute(insert(assertions), new)
    changed = [
        {**values, "old_key": key}
        for key, values in wanted.items()
        if key in existing and existing[key] != values
    ]
    if changed:
        conn.execute(_CHANGE, changed)


def _member(row: Any) -> Member:
    root = row.root_hash or row.hash
    sources = tuple(json.loads(row.sources))
    outlet = row.root_outlet if row.root_hash else row.outlet
    units = sources or (outlet or f"document {root[:12]}",)
    return Member(
        claim_id=row.id,
        order=(row.hash, row.seq),
        assertion_key=row.assertion_key,
        category=row.category,
        value=row.qty_value,
        approximate=bool(row.qty_approximate),
        bound=row.qty_bound,
        per=row.qty_per,
        time=row.time,
        status=row.status,
        stance=row.stance,
        units=units,
        root=root,
        date=row.date,
    )


def _values(key: str, group: str, first: Any, members: list[Member]) -> dict[str, Any]:
    summary = summarise(members)
    values = {
        "key": key,
        "group_key": group,
        "kind": first.kind,
        "supplier": first.supplier,
        "recipient": first.recipient,
        "holder": first.holder,
        "designation": first.designation,
    }
    values.update(summary.__dict__)
    values["sources"] = json.dumps(list(summary.sources), ensure_ascii=False)
    values["deniers"] = json.dumps(list(summary.deniers), ensure_ascii=False)
    return values
