from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from materiel.store.engine import Store, database_url, open_store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_GOLD = SHARED / "gold" / "seed.jsonl"
OWN_GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def seed_gold() -> Path:
    if not SEED_GOLD.exists():
        pytest.fail(f"the shared gold file is missing: {SEED_GOLD}")
    return SEED_GOLD


PG_URL = os.environ.get("MATERIEL_TEST_PG")
PG_SKIP = "MATERIEL_TEST_PG is not set: no PostgreSQL server to test against (.ci/run starts one)"
BACKENDS = ["sqlite", "postgresql"]


def with_schema(url: str, schema: str) -> str:
    """`url` with its search path set to `schema` (one fresh store per test)."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}"


@contextmanager
def pg_schema(url: str) -> Iterator[str]:
    """A new, empty schema on the test server, dropped afterwards: its URL."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(database_url(url))
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        yield with_schema(url, schema)
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    finally:
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL for an empty register, on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "register.db")
        return
    if not PG_URL:
        pytest.skip(PG_SKIP)
    with pg_schema(PG_URL) as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = open_store(db_url)
    try:
        yield opened
    finally:
        opened.close()
