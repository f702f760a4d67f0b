"""Engines that run `run_shard` over many shards: in this process, in a local
process pool, or on a Dask cluster (a LocalCluster or a scheduler's address).

Each engine returns one `ShardReport` per shard, in the order of the shards.
A partition whose output exists is not written again, so a job that is run
again after a crash, or a task that Dask retries after losing its worker,
never writes a partition twice.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from materiel.scale.parquet import remove_stale_temporaries
from materiel.scale.partition import Options, ShardReport, run_shard
from materiel.scale.shards import Shard

ENGINES = ("serial", "pool", "dask")


@dataclass
class JobReport:
    shards: list[ShardReport]

    @property
    def failed(self) -> list[ShardReport]:
        return [r for r in self.shards if r.error]

    def total(self, status: str | None = None) -> int:
        if status is None:
            return sum(r.documents for r in self.shards)
        return sum(r.statuses.get(status, 0) for r in self.shards)

    @property
    def claims(self) -> int:
        return sum(r.claims for r in self.shards)


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_job(
    shards: Sequence[Shard],
    out_dir: Path,
    options: Options,
    engine: str = "pool",
    workers: int | None = None,
    scheduler: str = "local",
) -> JobReport:
    """Run every shard with `engine`, then clear what interrupted writers left."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = str(out_dir.resolve())
    if engine == "serial":
        reports = run_serial(shards, target, options)
    elif engine == "pool":
        reports = run_pool(shards, target, options, workers)
    else:
        with dask_client(scheduler, workers) as client:
            reports = run_dask(client, shards, target, options)
    remove_stale_temporaries(out_dir)
    return JobReport(reports)


def run_serial(shards: Sequence[Shard], out_dir: str, options: Options) -> list[ShardReport]:
    return [run_shard(shard, out_dir, options) for shard in shards]


def run_pool(
    shards: Sequence[Shard], out_dir: str, options: Options, workers: int | None = None
) -> list[ShardReport]:
    """A pool of `workers` processes (default: one per core)."""
    if not shards:
        return []
    size = max(1, min(workers or cores(), len(shards)))
    # spawn, not fork: a forked child of a threaded parent (Dask, a web server) may hang
    with ProcessPoolExecutor(size, mp_context=get_context("spawn")) as pool:
        return list(pool.map(run_shard, shards, repeat(out_dir), repeat(options)))


@contextlib.contextmanager
def dask_client(scheduler: str = "local", workers: int | None = None) -> Iterator[Any]:
    """A client of the scheduler at `scheduler`, or of a new LocalCluster."""
    dist = _distributed()
    if scheduler != "local":
        with dist.Client(scheduler) as client:
            yield client
        return
    with (
        dist.LocalCluster(
            n_workers=workers or cores(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        dist.Client(cluster) as client,
    ):
        yield client


def submit_dask(client: Any, shards: Sequence[Shard], out_dir: str, options: Options) -> list[Any]:
    """One task per shard; a task lost with its worker is run again elsewhere."""
    job = uuid.uuid4().hex[:8]
    keys = [f"materiel-{job}-{shard.name}" for shard in shards]
    return list(client.map(run_shard, shards, out_dir=out_dir, options=options, key=keys))


def collect_dask(futures: Sequence[Any], shards: Sequence[Shard]) -> list[ShardReport]:
    """The reports, in order; a task that failed for good fails its shard alone."""
    _distributed().wait(futures)
    reports = []
    for future, shard in zip(futures, shards, strict=True):
        try:
            reports.append(future.result())
        except Exception as err:  # KilledWorker and the like: this shard only
            reports.append(ShardReport(shard.path, shard.name, error=f"{shard.path}: {err!r}"))
    return reports


def run_dask(
    client: Any, shards: Sequence[Shard], out_dir: str, options: Options
) -> list[ShardReport]:
    return collect_dask(submit_dask(client, shards, out_dir, options), shards)


def _distributed() -> Any:
    """dask.distributed, imported when a Dask engine is asked for (it is slow to import)."""
    return importlib.import_module("dask.distributed")
