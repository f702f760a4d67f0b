"""The ingest's hot path on the database driver's own cursor.

SQLAlchemy Core spends about 0.2 ms of Python on each statement (building
parameters and results), and writing a document takes about ten statements:
the writer then spent more time in SQLAlchemy than in the database, and as
long as extracting the document. Here the statements are plain SQL text, made
once per table and column list from the schema's tables, run on the driver's
cursor inside the transaction SQLAlchemy began on the same connection. Driver
errors are raised as SQLAlchemy's (`IntegrityError`, ...), so callers handle
them as they would any other statement's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.exc import DBAPIError

Row = tuple[Any, ...]


class Driver:
    """Statements on one connection's driver cursor (in its current transaction)."""

    def __init__(self, conn: Connection) -> None:
        self.dbapi = conn.dialect.loaded_dbapi
        self.sqlite = conn.dialect.name == "sqlite"
        self.mark = "?" if self.sqlite else "%s"
        self.cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]

    def insert(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert `rows` (mappings with the same keys) in one call."""
        if not rows:
            return
        columns = tuple(rows[0])
        sql = _insert_sql(table.name, columns, self.mark)
        with self._errors(sql):
            self.cursor.executemany(sql, [tuple(row[c] for c in columns) for row in rows])

    def insert_one(self, table: Table, row: Mapping[str, Any]) -> int:
        """Insert one row; its new integer primary key `id`."""
        sql = _insert_sql(table.name, tuple(row), self.mark)
        if not self.sqlite:
            sql += ' RETURNING "id"'
        with self._errors(sql):
            self.cursor.execute(sql, tuple(row.values()))
            if self.sqlite:
                return int(self.cursor.lastrowid)
            return int(self.cursor.fetchone()[0])

    def update(self, table: Table, key: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Set the other columns of each row where column `key` equals its `key`."""
        if not rows:
            return
        columns = tuple(c for c in rows[0] if c != key)
        sql = _update_sql(table.name, columns, key, self.mark)
        params = [(*(row[c] for c in columns), row[key]) for row in rows]
        with self._errors(sql):
            self.cursor.executemany(sql, params)

    def select(self, sql: str, *groups: Sequence[Any]) -> list[Row]:
        """The rows of `sql`, each `{}` in it a list of placeholders for one of `groups`."""
        text = sql.format(*(", ".join([self.mark] * len(group)) for group in groups))
        with self._errors(text):
            self.cursor.execute(text, [value for group in groups for value in group])
            return list(self.cursor.fetchall())

    @contextmanager
    def _errors(self, sql: str) -> Iterator[None]:
        try:
            yield
        except self.dbapi.Error as err:
            raise DBAPIError.instance(sql, None, err, self.dbapi.Error) from err


@lru_cache(maxsize=64)
def _insert_sql(table: str, columns: tuple[str, ...], mark: str) -> str:
    names = ", ".join(_quote(c) for c in columns)
    return f"INSERT INTO {_quote(table)} ({names}) VALUES ({', '.join([mark] * len(columns))})"


@lru_cache(maxsize=64)
def _update_sql(table: str, columns: tuple[str, ...], key: str, mark: str) -> str:
    sets = ", ".join(f"{_quote(c)} = {mark}" for c in columns)
    return f"UPDATE {_quote(table)} SET {sets} WHERE {_quote(key)} = {mark}"


def _quote(name: str) -> str:
    # Every identifier quoted: the schema has names such as "key" and "time".
    return f'"{name}"'


def columns(table: Table, names: Sequence[str] | None = None) -> str:
    """A quoted column list of `table` (all columns, or `names`) for SELECT."""
    chosen = names if names is not None else [c.name for c in table.columns]
    return ", ".join(_quote(n) for n in chosen)
