"""Nothing lost: an ingest killed with SIGKILL half-way and run again gives
exactly the store an uninterrupted run gives; a reader can query meanwhile."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from materiel.store.engine import open_store
from materiel.store.schema import assertions, claims, documents, unknown_names
from tests.conftest import BACKENDS, PG_SKIP, PG_URL, pg_schema
from tests.store.corpus import write_corpus

COUNT = 2000


def run_ingest(corpus: Path, url: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "materiel", "ingest", str(corpus), "--db", url, "-q"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def snapshot(url: str) -> dict[str, Any]:
    """The store's content, without row ids or ingest times."""
    original = aliased(documents)
    with open_store(url) as store, store.read() as conn:
        docs = conn.execute(
            select(documents.c.hash, documents.c.doc_key, documents.c.outlet, documents.c.date,
                   documents.c.text, documents.c.similarity, original.c.hash)
            .outerjoin(original, original.c.id == documents.c.duplicate_of)
        ).all()  # fmt: skip
        claim_rows = conn.execute(
            select(documents.c.hash, *[c for c in claims.c if c.name not in ("id", "document_id")])
            .join(documents, documents.c.id == claims.c.document_id)
        ).all()  # fmt: skip
        names = conn.execute(
            select(documents.c.hash, unknown_names.c.name, unknown_names.c.count)
            .join(documents, documents.c.id == unknown_names.c.document_id)
        ).all()  # fmt: skip
        facts = conn.execute(select(assertions)).all()
    return {
        "documents": sorted(tuple(r) for r in docs),
        "claims": sorted(tuple(map(str, r)) for r in claim_rows),
        "assertions": sorted(tuple(map(str, r)) for r in facts),
        "unknowns": sorted(tuple(r) for r in names),
    }


def documents_in(url: str) -> int:
    with open_store(url) as store, store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())


def kill_half_way(corpus: Path, url: str) -> int:
    """Start an ingest, read the store while it runs, SIGKILL it at half."""
    process = run_ingest(corpus, url)
    seen, deadline = 0, time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        seen = documents_in(url)  # a reader, while the writer runs
        if seen >= COUNT // 2:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    process.wait()
    assert process.stderr is not None
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL, "the ingest ended before it was killed"
    return seen


@pytest.mark.parametrize("backend", BACKENDS)
def test_sigkill_then_rerun_equals_uninterrupted(backend: str, tmp_path: Path) -> None:
    if backend == "postgresql" and not PG_URL:
        pytest.skip(PG_SKIP)
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, COUNT)
    if backend == "sqlite":
        _compare(corpus, str(tmp_path / "whole.db"), str(tmp_path / "killed.db"))
        return
    assert PG_URL is not None
    with pg_schema(PG_URL) as whole, pg_schema(PG_URL) as killed:
        _compare(corpus, whole, killed)


def _compare(corpus: Path, whole: str, killed: str) -> None:
    done = run_ingest(corpus, whole)
    _, errors = done.communicate(timeout=300)
    assert done.returncode == 0, errors.decode()
    assert errors.decode().count("malformed JSON") == 2  # the broken lines fail alone
    at_kill = kill_half_way(corpus, killed)
    assert COUNT // 2 <= documents_in(killed) < COUNT
    assert at_kill >= COUNT // 2
    rerun = run_ingest(corpus, killed)
    rerun.communicate(timeout=300)
    assert rerun.returncode == 0
    expected, got = snapshot(whole), snapshot(killed)
    assert len(expected["documents"]) == COUNT
    assert len(expected["claims"]) > COUNT
    assert any(row[-1] is not None for row in expected["documents"])  # near-duplicates linked
    for part in expected:
        assert got[part] == expected[part], part
