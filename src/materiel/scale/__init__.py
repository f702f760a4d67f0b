"""Corpus-scale extraction: shards in, Parquet out, on a process pool or Dask.

See docs/scale.md. The plain functions here are what `materiel extract
--engine ...` calls.
"""

from __future__ import annotations

from materiel.scale.engine import JobReport, run_dask, run_job, run_pool, run_serial
from materiel.scale.parquet import read_claims_dir
from materiel.scale.partition import Options, ShardReport, run_shard
from materiel.scale.shards import Shard, ShardError, find_shards

__all__ = [
    "JobReport",
    "Options",
    "Shard",
    "ShardError",
    "ShardReport",
    "find_shards",
    "read_claims_dir",
    "run_dask",
    "run_job",
    "run_pool",
    "run_serial",
    "run_shard",
]
