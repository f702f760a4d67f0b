"""The engines give what single-process extraction gives, and survive a lost worker.

The Dask tests start a 2-worker LocalCluster (processes, one thread each);
each worker loads the lexicons once, so a test takes some seconds.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from materiel.scale.engine import collect_dask, dask_client, run_job, submit_dask
from materiel.scale.partition import Options
from materiel.scale.shards import Shard, find_shards, read_batches
from tests.scale.corpus import assert_same_claims, write_shards

SHARDS = 6
PER_SHARD = 40


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> list[Shard]:
    folder = write_shards(tmp_path_factory.mktemp("shards"), SHARDS, PER_SHARD)
    return find_shards([str(folder)])


@pytest.fixture(scope="module")
def records(shards: list[Shard]) -> list[dict[str, Any]]:
    out = []
    for shard in shards:
        for batch in read_batches(shard.path):
            out += [{"id": r.id, "text": r.text, "lang": r.lang, "date": r.date} for r in batch]
    return out


@pytest.fixture
def client() -> Iterator[Any]:
    with dask_client("local", workers=2) as client:
        yield client


def partitions(out: Path, table: str) -> list[str]:
    return sorted(p.name for p in (out / table).iterdir())


def assert_complete(out: Path, shards: list[Shard], records: list[dict[str, Any]]) -> None:
    names = sorted(f"{s.name}.parquet" for s in shards)
    assert partitions(out, "documents") == names  # no partition missing, none twice,
    assert partitions(out, "claims") == names  # and no temporary left behind
    assert_same_claims(out, records)


@pytest.mark.parametrize("engine", ["serial", "pool"])
def test_local_engines(
    tmp_path: Path, shards: list[Shard], records: list[Any], engine: str
) -> None:
    report = run_job(shards, tmp_path, Options(), engine, workers=2)
    assert not report.failed
    assert report.total() == SHARDS * PER_SHARD
    assert_complete(tmp_path, shards, records)


def test_dask_gives_the_single_process_result(
    tmp_path: Path, shards: list[Shard], records: list[Any]
) -> None:
    report = run_job(shards, tmp_path, Options(), "dask", workers=2)
    assert not report.failed and report.total() == SHARDS * PER_SHARD
    assert_complete(tmp_path, shards, records)
    again = run_job(shards, tmp_path, Options(), "dask", workers=2)
    assert all(r.existed for r in again.shards)


def test_a_malformed_shard_fails_alone(tmp_path: Path, shards: list[Shard], client: Any) -> None:
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 this is no parquet file")
    jobs = [*shards[:2], *find_shards([str(bad)])]
    futures = submit_dask(client, jobs, str(tmp_path / "out"), Options())
    reports = collect_dask(futures, jobs)
    assert [r.error is None for r in reports] == [True, True, False]
    assert "bad.parquet" in (reports[2].error or "")
    assert len(partitions(tmp_path / "out", "documents")) == 2


def test_a_killed_worker_loses_nothing(
    tmp_path: Path, shards: list[Shard], records: list[Any], client: Any
) -> None:
    futures = submit_dask(client, shards, str(tmp_path), Options())
    busy = _busy_worker(client)
    pid = client.run(os.getpid)[busy]
    written = len(list((tmp_path / "documents").glob("*.parquet")))
    os.kill(pid, signal.SIGKILL)
    reports = collect_dask(futures, shards)
    assert written < len(shards)  # the worker died mid-run
    assert [r.error for r in reports] == [None] * len(shards)
    assert_complete(tmp_path, shards, records)


def _busy_worker(client: Any) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        busy = [worker for worker, keys in client.processing().items() if keys]
        if busy:
            return str(busy[0])
        time.sleep(0.02)
    raise AssertionError("no worker took a task")
