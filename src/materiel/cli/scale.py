"""`materiel extract --engine pool|dask INPUT... -o OUT_DIR`: shards in, Parquet out."""

from __future__ import annotations

import sys
from pathlib import Path

from materiel.cli.output import report_error
from materiel.exc import InputError, MaterielError
from materiel.scale import JobReport, Options, find_shards, run_job
from materiel.scale.engine import ENGINES


class ShardsFailed(MaterielError):
    """Some shards could not be extracted; the others were."""


def wants_scale(engine: str | None, output: str | None, scheduler: str = "local") -> bool:
    """The scaled mode: an engine or a scheduler is named, or the output is a folder."""
    if engine is not None or scheduler != "local":
        return True
    return output not in (None, "-") and (output.endswith("/") or Path(output).is_dir())


def extract_shards(
    files: list[str],
    output: str | None,
    options: Options,
    engine: str | None = None,
    scheduler: str = "local",
    workers: int | None = None,
) -> JobReport:
    """Run the job, print a summary on stderr, fail if any shard failed."""
    engine, out_dir = _check(engine, output, scheduler)
    report = run_job(find_shards(files), out_dir, options, engine, workers, scheduler)
    for failed in report.failed:
        report_error("shard failed", failed.error or "")
    print(summary(report), file=sys.stderr)
    if report.failed:
        count = len(report.failed)
        raise ShardsFailed(f"{count} of {len(report.shards)} shards failed; the rest are written")
    return report


def _check(engine: str | None, output: str | None, scheduler: str) -> tuple[str, Path]:
    engine = engine or ("pool" if scheduler == "local" else "dask")
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if output is None or output == "-":
        raise InputError("--engine writes Parquet into a folder: give it with -o OUT_DIR")
    return engine, Path(output)


def summary(report: JobReport) -> str:
    documents = report.total()
    skipped = report.total("prefiltered")
    share = skipped / documents if documents else 0.0
    existed = sum(r.existed for r in report.shards)
    return (
        f"materiel: {len(report.shards)} shards ({existed} already written), "
        f"{documents} documents, {report.total('extracted')} extracted, "
        f"{skipped} skipped by the prefilter ({share:.1%}), "
        f"{report.total('no_lexicon')} in languages without a lexicon, "
        f"{report.claims} claims"
    )
