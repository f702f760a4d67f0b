"""Opening a store: a database URL from `--db` / `MATERIEL_DB` / `./materiel.db`,
an engine with SQLite set up for one writer and many readers (WAL, a busy
timeout), and the schema brought up to date by Alembic."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from materiel.exc import StoreError

DEFAULT_DB = "materiel.db"
BUSY_TIMEOUT_MS = 30_000
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# PostgreSQL advisory lock held by a write transaction (with the schema's hash)
WRITER_LOCK = 0x4D41544C  # "MATL"
WRITER_LOCK_SQL = f"SELECT pg_advisory_xact_lock({WRITER_LOCK}, hashtext(current_schema()))"


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for `db`: a URL as given (PostgreSQL through psycopg 3)
    or a path to a SQLite file."""
    target = db or os.environ.get("MATERIEL_DB") or DEFAULT_DB
    for scheme in ("postgresql://", "postgres://"):
        if target.startswith(scheme):
            return "postgresql+psycopg://" + target[len(scheme) :]
    if "://" in target:
        return target
    return f"sqlite:///{target}"


class Store:
    """An open register: an engine whose schema is up to date."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (on SQLite `BEGIN IMMEDIATE`, so that two
        writers queue on the busy timeout instead of failing)."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(immediate=True)
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only snapshot (readers never wait for a writer under WAL)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_store(db: str | None = None, create: bool = True) -> Store:
    """Open (and migrate) the store at `db`. With `create=False` a missing
    SQLite file is an error rather than a new empty register."""
    url = database_url(db)
    if url.startswith("sqlite:///") and not create:
        path = Path(url[len("sqlite:///") :])
        if not path.exists():
            raise StoreError(f"no register at {path}: run `materiel ingest` first or pass --db")
    try:
        engine = _engine(url)
    except (SQLAlchemyError, ValueError, ImportError) as err:
        raise StoreError(f"cannot open {_safe(url)}: {_reason(err)}") from err
    try:
        migrate(engine)
    except SQLAlchemyError as err:
        engine.dispose()
        raise StoreError(f"cannot open {_safe(url)}: {_reason(err)}") from err
    return Store(engine)


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        engine = create_engine(url, pool_pre_ping=True)
        event.listen(engine, "begin", _postgresql_begin)
        return engine
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get("immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _postgresql_begin(conn: Connection) -> None:
    """A write transaction waits for the register's other writers, as SQLite's
    `BEGIN IMMEDIATE` does: merging reads assertions and writes them back, and
    two writers doing so at once would lose each other's counts. A caller
    that sends the lock itself, as the first statement of its own (pipelined)
    transaction, says so with `writer_lock_sent`."""
    options = conn.get_execution_options()
    if options.get("immediate", False) and not options.get("writer_lock_sent", False):
        conn.exec_driver_sql(WRITER_LOCK_SQL)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is there)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        conn = conn.execution_options(immediate=True)
        with conn.begin():
            config.attributes["connection"] = conn
            command.upgrade(config, "head")


def _reason(err: Exception) -> str:
    text = str(getattr(err, "orig", None) or err).strip().splitlines()
    return text[0] if text else type(err).__name__


def _safe(url: str) -> str:
    """The URL without its password."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"
