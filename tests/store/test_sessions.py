"""The ingest connection's settings: set for the run, given back after it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from materiel.store.engine import open_store
from materiel.store.sessions import CACHE_KIB, CHECKPOINT_PAGES, bulk_writes


def _settings(raw: sqlite3.Connection) -> tuple[int, int]:
    cache, checkpoint = (
        int(raw.execute(f"PRAGMA {name}").fetchone()[0])
        for name in ("cache_size", "wal_autocheckpoint")
    )
    return cache, checkpoint


def test_sqlite_settings_hold_for_the_run_and_are_given_back(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.db")) as store, store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        before = _settings(raw)
        with bulk_writes(conn):
            assert _settings(raw) == (-CACHE_KIB, CHECKPOINT_PAGES)
        assert _settings(raw) == before
