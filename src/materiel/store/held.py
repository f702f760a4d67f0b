"""Writes held back to be sent together: what a group of documents inserts
and updates, table by table (on PostgreSQL as one statement, on SQLite one
`executemany` a table).

Rows for the same table and columns become one part of the statement,
whichever document they came from; an assertion updated by several
documents of a group is written once, with its last values; and one updated
after it was inserted in the same group is inserted with those values (a
part of a statement cannot see the rows another part inserts).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Table

Statement = tuple[str, list[Any]]  # SQL, its parameters
_Inserts = dict[tuple[Table, tuple[str, ...]], list[dict[str, Any]]]
_Updates = dict[tuple[Table, tuple[str, ...], str], dict[Any, dict[str, Any]]]


class HeldWrites:
    def __init__(self) -> None:
        self.inserts: _Inserts = {}
        self.updates: _Updates = {}

    def __bool__(self) -> bool:
        return bool(self.inserts or self.updates)

    def insert(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
        self.inserts.setdefault((table, tuple(rows[0])), []).extend(dict(r) for r in rows)

    def update(self, table: Table, key: str, rows: Sequence[Mapping[str, Any]]) -> None:
        columns = tuple(c for c in rows[0] if c != key)
        for row in rows:
            inserted = self._inserted(table, key, row[key])
            if inserted is not None:
                inserted.update(row)
            else:
                self.updates.setdefault((table, columns, key), {})[row[key]] = dict(row)

    def _inserted(self, table: Table, key: str, value: Any) -> dict[str, Any] | None:
        for (held_table, columns), rows in self.inserts.items():
            if held_table is table and key in columns:
                found = next((row for row in rows if row[key] == value), None)
                if found is not None:
                    return found
        return None

    def writes(self) -> Iterator[tuple[Table, str | None, list[dict[str, Any]]]]:
        """Each table's rows: (table, None, rows) to insert, tables before
        those whose foreign keys refer to them (SQLite checks each row as it
        goes in), then (table, key, rows) to update by `key`."""
        for (table, _), rows in sorted(self.inserts.items(), key=_referred_first):
            yield table, None, rows
        for (table, _, key), by_key in self.updates.items():
            yield table, key, list(by_key.values())

    def statement(self) -> Statement:
        """All of them as one statement (PostgreSQL), each a `WITH` part of it."""
        parts = [
            insert_statement(table, rows) if key is None else update_statement(table, key, rows)
            for table, key, rows in self.writes()
        ]
        *earlier, (last, _) = parts
        names = ", ".join(f"w{i} AS ({sql})" for i, (sql, _) in enumerate(earlier))
        sql = f"WITH {names} {last}" if earlier else last
        return sql, [p for _, params in parts for p in params]


def _referred_first(item: tuple[tuple[Table, tuple[str, ...]], list[dict[str, Any]]]) -> int:
    return _rank(item[0][0])


@lru_cache(maxsize=64)
def _rank(table: Table) -> int:
    return table.metadata.sorted_tables.index(table)


def insert_statement(table: Table, rows: Sequence[Mapping[str, Any]]) -> Statement:
    """Insert `rows` (mappings with the same keys)."""
    columns = tuple(rows[0])
    return _insert_sql(table, columns), [_json_rows(columns, rows)]


def update_statement(table: Table, key: str, rows: Sequence[Mapping[str, Any]]) -> Statement:
    """Set the other columns of each row where column `key` equals its `key`."""
    columns = tuple(c for c in rows[0] if c != key)
    keys = [row[key] for row in rows]
    return _update_sql(table, columns, key), [_json_rows((*columns, key), rows), keys]


@lru_cache(maxsize=64)
def _insert_sql(table: Table, columns: tuple[str, ...]) -> str:
    names = ", ".join(quote(c) for c in columns)
    return f"INSERT INTO {quote(table.name)} ({names}) SELECT {names} FROM {_rows(table)}"


@lru_cache(maxsize=64)
def _update_sql(table: Table, columns: tuple[str, ...], key: str) -> str:
    sets = ", ".join(f"{quote(c)} = v.{quote(c)}" for c in columns)
    # the keys again as an array: the rows to change are found by the key's
    # index, whatever the planner thinks of the number of rows
    return (
        f"UPDATE {quote(table.name)} AS t SET {sets} FROM {_rows(table)} AS v"
        f" WHERE t.{quote(key)} = ANY(%s) AND t.{quote(key)} = v.{quote(key)}"
    )


def _rows(table: Table) -> str:
    """Rows of `table`'s type from one JSON array: a statement of the same
    text for any number of rows, planned once and sent as one message,
    whose parameter the driver sends as it is."""
    return f"json_populate_recordset(NULL::{quote(table.name)}, %s::json)"


def _json_rows(columns: tuple[str, ...], rows: Sequence[Mapping[str, Any]]) -> str:
    chosen = [{c: row[c] for c in columns} for row in rows]
    return json.dumps(chosen, ensure_ascii=False, allow_nan=False, default=_bytea)


def _bytea(value: object) -> str:
    """Bytes (a signature) as PostgreSQL's `bytea` reads them from text."""
    if isinstance(value, bytes):
        return "\\x" + value.hex()
    raise TypeError(f"cannot store a {type(value).__name__} as JSON")


def quote(name: str) -> str:
    # Every identifier quoted: the schema has names such as "key" and "time".
    return f'"{name}"'
