"""Accounts of the web app: a name, a role and a password hash (the hashing
itself is `materiel.web.auth`'s; this module only keeps the rows)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select, update

from materiel.exc import ReviewError
from materiel.store.schema import users

ROLES = ("viewer", "analyst", "admin")
_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str

    @property
    def can_write(self) -> bool:
        return self.role in ("analyst", "admin")


def add_user(conn: Connection, name: str, role: str, password_hash: str) -> User:
    """A new account, or the existing one with a new role and password."""
    if not _NAME.match(name):
        raise ReviewError("a user name is 1-64 letters, digits or . _ @ -")
    if role not in ROLES:
        raise ReviewError(f"role must be one of {', '.join(ROLES)}")
    values = {"role": role, "password_hash": password_hash}
    found = find_user(conn, name)
    if found is not None:
        conn.execute(update(users).where(users.c.id == found.id).values(values))
        return User(found.id, name, role)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    result = conn.execute(insert(users).values(name=name, created_at=created, **values))
    key = result.inserted_primary_key
    assert key is not None
    return User(int(key[0]), name, role)


def find_user(conn: Connection, name: str) -> User | None:
    row = conn.execute(select(users.c.id, users.c.role).where(users.c.name == name)).first()
    return None if row is None else User(int(row.id), name, str(row.role))


def password_hash(conn: Connection, name: str) -> str | None:
    query = select(users.c.password_hash).where(users.c.name == name)
    found = conn.execute(query).scalar()
    return None if found is None else str(found)


def count_users(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(users)).scalar_one())
