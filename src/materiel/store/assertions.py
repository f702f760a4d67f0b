"""Keeping the `assertions` table in step with the claims: after a document's
claims are written, the groups they belong to are merged again (in the same
transaction), and only rows that changed are written."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
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
    .where(claims.c.group_key == bindparam("group"))
)

_SET_KEY = (
    update(claims)
    .where(claims.c.id == bindparam("claim_id"))
    .values(assertion_key=bindparam("key"))
)


def remerge(conn: Connection, groups: Iterable[str]) -> None:
    """Recompute the assertions of each group from all of its claims."""
    for group in sorted(set(groups)):
        rows = conn.execute(_MEMBERS, {"group": group}).all()
        if rows:
            _write_group(conn, group, rows)


def _write_group(conn: Connection, group: str, rows: Sequence[Any]) -> None:
    clustered = cluster(group, (_member(r) for r in rows))
    wanted = {key: _values(key, group, rows[0], ms) for key, ms in clustered.items()}
    _sync_assertions(conn, group, wanted)
    moves = [
        {"claim_id": m.claim_id, "key": key}
        for key, ms in clustered.items()
        for m in ms
        if m.assertion_key != key
    ]
    if moves:
        conn.execute(_SET_KEY, moves)


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


def _sync_assertions(conn: Connection, group: str, wanted: dict[str, dict[str, Any]]) -> None:
    existing = {
        row["key"]: dict(row)
        for row in conn.execute(select(assertions).where(assertions.c.group_key == group))
        .mappings()
        .all()
    }
    gone = [key for key in existing if key not in wanted]
    if gone:
        conn.execute(delete(assertions).where(assertions.c.key.in_(gone)))
    new = [values for key, values in wanted.items() if key not in existing]
    if new:
        conn.execute(insert(assertions), new)
    for key, values in wanted.items():
        if key in existing and existing[key] != values:
            conn.execute(update(assertions).where(assertions.c.key == key).values(values))
