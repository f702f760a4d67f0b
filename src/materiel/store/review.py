"""Review of claims by analysts: accept, correct any field, or reject with a
reason. The claims table holds the current (reviewed) values, so every query
shows corrections; the machine's version is kept in `claim_machine` the first
time a claim changes, and every action is an entry in `audit_log` (who, when,
before, after)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from materiel.exc import ReviewError
from materiel.store.documents import day
from materiel.store.merge import group_key
from materiel.store.rebuild import remerge
from materiel.store.review_fields import EDITABLE, clean_changes
from materiel.store.schema import audit_log, claim_machine, claims


class UnknownClaim(ReviewError):
    status = 404


REVIEW_STATES = ("machine", "accepted", "corrected", "rejected")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def current(conn: Connection, claim_id: int) -> dict[str, Any]:
    """The editable fields of a claim as they stand, with its review state."""
    row = conn.execute(select(claims).where(claims.c.id == claim_id)).first()
    if row is None:
        raise UnknownClaim(f"no claim {claim_id}")
    return dict(row._mapping)


def accept(conn: Connection, claim_id: int, user: str) -> None:
    row = current(conn, claim_id)
    state = "corrected" if row["review"] == "corrected" else "accepted"
    _set_state(conn, row, state, None)
    _log(conn, user, "accept", claim_id, {"review": row["review"]}, {"review": state})


def reject(conn: Connection, claim_id: int, user: str, reason: str) -> None:
    reason = " ".join(reason.split())
    if not reason:
        raise ReviewError("a rejection needs a reason")
    row = current(conn, claim_id)
    _keep_machine(conn, row)
    _set_state(conn, row, "rejected", reason[:2000])
    conn.execute(update(claims).where(claims.c.id == claim_id).values(assertion_key=None))
    remerge(conn, {row["group_key"]})
    _log(conn, user, "reject", claim_id, {"review": row["review"]}, {"review": "rejected"}, reason)


def correct(conn: Connection, claim_id: int, user: str, changes: dict[str, Any]) -> list[str]:
    """Apply `changes` (field → new value); the names of the fields that changed."""
    row = current(conn, claim_id)
    wanted = clean_changes(changes)
    changed = {k: v for k, v in wanted.items() if _differs(k, row[k], v)}
    if not changed:
        return []
    _keep_machine(conn, row)
    merged = {**row, **changed}
    values = {**changed, "review": "corrected", "review_note": None}
    values["group_key"] = _group(merged)
    values["on_date"] = day(merged["time"]) or day(row["reported"])
    conn.execute(update(claims).where(claims.c.id == claim_id).values(values))
    remerge(conn, {row["group_key"], values["group_key"]})
    before = {k: row[k] for k in changed}
    _log(conn, user, "correct", claim_id, before, changed)
    return sorted(changed)


def _differs(name: str, old: Any, new: Any) -> bool:
    if name == "qty_approximate":
        return bool(old) != bool(new)
    return bool(old != new)


def machine_version(conn: Connection, claim_id: int) -> dict[str, Any] | None:
    """The machine's fields of a claim an analyst changed (None if unchanged)."""
    query = select(claim_machine.c.fields).where(claim_machine.c.claim_id == claim_id)
    found = conn.execute(query).scalar()
    return None if found is None else dict(json.loads(found))


def history(conn: Connection, claim_id: int) -> list[dict[str, Any]]:
    """The audit entries of a claim, oldest first."""
    query = select(audit_log).where(audit_log.c.claim_id == claim_id).order_by(audit_log.c.id)
    return [_entry(row) for row in conn.execute(query)]


def recent(conn: Connection, limit: int = 50) -> list[dict[str, Any]]:
    """The latest audit entries of the whole register, newest first."""
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    return [_entry(row) for row in conn.execute(query)]


def _entry(row: Any) -> dict[str, Any]:
    entry = dict(row._mapping)
    for name in ("before", "after"):
        entry[name] = json.loads(entry[name]) if entry[name] else {}
    return entry


def _group(row: dict[str, Any]) -> str:
    return group_key(
        row["kind"], row["supplier"], row["recipient"], row["holder"], row["designation"],
        row["category"],
    )  # fmt: skip


def _keep_machine(conn: Connection, row: dict[str, Any]) -> None:
    if machine_version(conn, row["id"]) is not None:
        return
    fields = {name: row[name] for name in EDITABLE}
    conn.execute(insert(claim_machine).values(claim_id=row["id"], fields=json.dumps(fields)))


def _set_state(conn: Connection, row: dict[str, Any], state: str, note: str | None) -> None:
    query = update(claims).where(claims.c.id == row["id"])
    conn.execute(query.values(review=state, review_note=note))
    if row["review"] == "rejected" and state != "rejected":
        remerge(conn, {row["group_key"]})  # back into the register


def _log(
    conn: Connection,
    user: str,
    action: str,
    claim_id: int | None,
    before: dict[str, Any],
    after: dict[str, Any],
    reason: str | None = None,
) -> None:
    conn.execute(
        insert(audit_log).values(
            at=now(), user_name=user, action=action, claim_id=claim_id,
            before=json.dumps(before, ensure_ascii=False),
            after=json.dumps(after, ensure_ascii=False), reason=reason,
        )
    )  # fmt: skip


def log_action(conn: Connection, user: str, action: str, detail: dict[str, Any]) -> None:
    """An audit entry that concerns no claim (an upload, a new account)."""
    _log(conn, user, action, None, {}, detail)
