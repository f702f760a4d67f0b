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

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar

from psycopg import pq
from sqlalchemy import Connection, Table
from sqlalchemy.exc import DBAPIError

from materiel.store.engine import WRITER_LOCK_SQL
from materiel.store.held import HeldWrites, insert_statement, quote, update_statement

Row = tuple[Any, ...]
T = TypeVar("T")
_HELD = "materiel.held_writes"


class Driver:
    """Statements on one connection's driver (in its current transaction).

    Inside `pipeline()` on PostgreSQL, statements are sent without waiting for
    each other's answers (`insert_one` and `query` return a function that
    gives their answer when it is needed), and inside `batch()` writes are
    held and sent together: a group of documents takes two round trips and
    a closing sync."""

    def __init__(self, conn: Connection) -> None:
        self.dbapi = conn.dialect.loaded_dbapi
        self.sqlite = conn.dialect.name == "sqlite"
        self.mark = "?" if self.sqlite else "%s"
        self.raw: Any = conn.connection.driver_connection
        # the connection's, so that every Driver on it holds writes in its batch
        self.info = conn.info

    @property
    def held(self) -> HeldWrites | None:
        """The writes of the current `batch`, not sent yet."""
        held: HeldWrites | None = self.info.get(_HELD)
        return held

    @held.setter
    def held(self, writes: HeldWrites | None) -> None:
        self.info[_HELD] = writes

    @contextmanager
    def pipeline(self) -> Iterator[None]:
        """Statements sent without waiting (PostgreSQL); within another
        pipeline, that one's."""
        if self.sqlite or self.raw.pgconn.pipeline_status != pq.PipelineStatus.OFF:
            yield
            return
        with self._errors("(pipeline)"), self.raw.pipeline():
            yield

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Writes (`insert`, `update`) made in the block (within another
        batch, that one's) are sent at its end (`HeldWrites`): on PostgreSQL
        as one statement, which the server plans, runs and answers once; on
        SQLite a table's rows in one call. A read in the block sends them
        first."""
        if self.held is not None:
            yield
            return
        self.held = HeldWrites()
        try:
            yield
            self.flush()
        finally:
            self.held = None

    def flush(self) -> None:
        """Send the writes held so far (the batch goes on)."""
        held = self.held
        if not held:
            return
        self.held = HeldWrites()
        if not self.sqlite:
            self._execute(*held.statement())
            return
        for table, key, rows in held.writes():
            if key is None:
                self._insert_now(table, rows)
            else:
                self._update_now(table, key, rows)

    def _execute(self, sql: str, params: list[Any]) -> None:
        with self._errors(sql):
            self.raw.cursor().execute(sql, params)

    def lock_writer(self) -> None:
        """Wait for the register's other writers (PostgreSQL; on SQLite the
        transaction began with BEGIN IMMEDIATE). Holding it already is harmless."""
        if not self.sqlite:
            self.query(WRITER_LOCK_SQL)

    def insert(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert `rows` (mappings with the same keys) in one call."""
        if not rows:
            return
        if self.held is not None:
            self.held.insert(table, rows)
        else:
            self._insert_now(table, rows)

    def _insert_now(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
        if not self.sqlite:
            self._execute(*insert_statement(table, rows))
            return
        columns = tuple(rows[0])
        sql = _insert_sql(table.name, columns, self.mark)
        with self._errors(sql):
            self.raw.cursor().executemany(sql, [tuple(row[c] for c in columns) for row in rows])

    def insert_one(self, table: Table, row: Mapping[str, Any]) -> Callable[[], int]:
        """Insert one row; a function giving its new integer primary key `id`."""
        self.flush()
        sql = _insert_sql(table.name, tuple(row), self.mark)
        if not self.sqlite:
            sql += ' RETURNING "id"'
        cursor = self.raw.cursor()
        with self._errors(sql):
            cursor.execute(sql, tuple(row.values()))
        if self.sqlite:
            new_id = int(cursor.lastrowid)
            return lambda: new_id
        return _once(lambda: int(self._fetch(cursor, sql)[0][0]))

    def update(self, table: Table, key: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Set the other columns of each row where column `key` equals its `key`."""
        if not rows:
            return
        if self.held is not None:
            self.held.update(table, key, rows)
        else:
            self._update_now(table, key, rows)

    def _update_now(self, table: Table, key: str, rows: Sequence[Mapping[str, Any]]) -> None:
        if not self.sqlite:
            self._execute(*update_statement(table, key, rows))
            return
        columns = tuple(c for c in rows[0] if c != key)
        sql = _update_sql(table.name, columns, key, self.mark)
        params = [(*(row[c] for c in columns), row[key]) for row in rows]
        with self._errors(sql):
            self.raw.cursor().executemany(sql, params)

    def new_ids(self, table: Table, count: int) -> Callable[[], list[int]]:
        """`count` new values of `table`'s integer key `id`, so that its rows
        can go in a batch with their ids: on PostgreSQL from its sequence; on
        SQLite after the largest (as SQLite itself numbers rows; the writer
        holds the database, BEGIN IMMEDIATE)."""
        if self.sqlite:
            [(largest,)] = self.select(f"SELECT coalesce(max(id), 0) FROM {quote(table.name)}")
            return lambda: list(range(int(largest) + 1, int(largest) + 1 + count))
        answer = self.query(
            f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id'))"
            f" FROM generate_series(1, {int(count)})"
        )
        return _once(lambda: [int(row[0]) for row in answer()])

    def query(self, sql: str, *values: Any) -> Callable[[], list[Row]]:
        """Send `sql`, each `{}` in it a test against one of `values`: equality,
        or membership for a list (`WHERE x {}`); a function giving its rows."""
        self.flush()  # the block's reads see its writes
        tests = [self._test(value) for value in values]
        text = sql.format(*(test for test, _ in tests))
        params = [p for _, group in tests for p in group]
        cursor = self.raw.cursor()
        with self._errors(text):
            if self.sqlite:
                cursor.execute(text, params)
            else:  # planned for its values each time: a plan kept from a young store can be
                # a sequential scan of what has since grown to millions of rows
                cursor.execute(text, params, prepare=False)
        if self.sqlite:
            rows = self._fetch(cursor, text)
            return lambda: rows
        return _once(lambda: self._fetch(cursor, text))

    def _test(self, value: Any) -> tuple[str, list[Any]]:
        if not isinstance(value, list | tuple):
            return f"= {self.mark}", [value]
        if self.sqlite:
            return f"IN ({', '.join('?' * len(value))})", list(value)
        return "= ANY(%s)", [list(value)]  # one statement for any number of values

    def select(self, sql: str, *values: Any) -> list[Row]:
        """The rows of `sql` (as `query` sends it), now."""
        return self.query(sql, *values)()

    def _fetch(self, cursor: Any, sql: str) -> list[Row]:
        with self._errors(sql):
            return list(cursor.fetchall())

    @contextmanager
    def _errors(self, sql: str) -> Iterator[None]:
        try:
            yield
        except self.dbapi.Error as err:
            raise DBAPIError.instance(sql, None, err, self.dbapi.Error) from err


def _once(answer: Callable[[], T]) -> Callable[[], T]:
    """`answer`, asked once (a cursor's rows can be fetched only once)."""
    cache: list[T] = []

    def get() -> T:
        if not cache:
            cache.append(answer())
        return cache[0]

    return get


@lru_cache(maxsize=64)
def _insert_sql(table: str, columns: tuple[str, ...], mark: str) -> str:
    names = ", ".join(quote(c) for c in columns)
    return f"INSERT INTO {quote(table)} ({names}) VALUES ({', '.join([mark] * len(columns))})"


@lru_cache(maxsize=64)
def _update_sql(table: str, columns: tuple[str, ...], key: str, mark: str) -> str:
    sets = ", ".join(f"{quote(c)} = {mark}" for c in columns)
    return f"UPDATE {quote(table)} SET {sets} WHERE {quote(key)} = {mark}"


def columns(table: Table, names: Sequence[str] | None = None) -> str:
    """A quoted column list of `table` (all columns, or `names`) for SELECT."""
    chosen = names if names is not None else [c.name for c in table.columns]
    return ", ".join(quote(n) for n in chosen)
