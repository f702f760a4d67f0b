"""`materiel ingest --claims OUT_DIR` loads what `extract --engine` wrote, once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from materiel.store.engine import open_store
from materiel.store.schema import claims, documents
from tests.scale.corpus import documents as generated
from tests.scale.corpus import write_jsonl


def materiel(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "materiel", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)


def counts(db: str) -> tuple[int, int]:
    with open_store(db) as store, store.engine.connect() as conn:
        docs = conn.execute(select(func.count()).select_from(documents)).scalar_one()
        found = conn.execute(select(func.count()).select_from(claims)).scalar_one()
    return int(docs), int(found)


def test_bulk_load_matches_ingest_and_is_idempotent(tmp_path: Path) -> None:
    records = generated(30, seed=7, on_topic=0.6)
    shard = write_jsonl(tmp_path / "shard.jsonl", records)
    out = tmp_path / "out"
    done = materiel("extract", str(shard), "-o", str(out), "--engine", "pool", "--workers", "1")
    assert done.returncode == 0, done.stderr
    bulk = f"sqlite:///{tmp_path / 'bulk.db'}"
    loaded = materiel("ingest", "--claims", str(out), "--db", bulk, "--quiet")
    assert loaded.returncode == 0, loaded.stderr
    direct = f"sqlite:///{tmp_path / 'direct.db'}"
    assert materiel("ingest", str(shard), "--db", direct, "--quiet").returncode == 0
    docs, found = counts(bulk)
    assert found > 0
    # documents the prefilter skipped carry no claims; the claims are the same
    assert found == counts(direct)[1]
    again = materiel("ingest", "--claims", str(out), "--db", bulk, "--quiet")
    assert again.returncode == 0 and counts(bulk) == (docs, found)


def test_bulk_load_of_a_folder_that_is_no_output(tmp_path: Path) -> None:
    done = materiel("ingest", "--claims", str(tmp_path), "--db", f"sqlite:///{tmp_path}/x.db")
    assert done.returncode == 2
    assert "not an `extract --engine` output folder" in done.stderr
