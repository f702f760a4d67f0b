"""`materiel ingest PATH... [--db DB]`: documents into the register."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from materiel.cli.options import Db, Overlay
from materiel.cli.output import report_error
from materiel.exc import InputError
from materiel.ingest.collect import collect
from materiel.ingest.readers import MAX_BYTES
from materiel.scale.parquet import read_extracted
from materiel.store.bulk import load_extracted
from materiel.store.engine import open_store
from materiel.store.ingest import IngestReport, ingest


def ingest_cli(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders, .jsonl, HTML, feeds, URL lists, URLs."),
    ] = None,
    claims: Annotated[
        Path | None,
        typer.Option(help="Load an `extract --engine` output folder (no extraction)."),
    ] = None,
    db: Db = None,
    overlay: Overlay = None,
    max_bytes: Annotated[int, typer.Option(help="Largest document accepted.")] = MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
) -> None:
    """Ingest documents: extract their claims and merge them into the register."""
    overlays = tuple(overlay or ())
    with open_store(db) as store, _progress(quiet) as bar:
        task = bar.add_task("ingesting", total=None)

        def advance(report: IngestReport, where: str) -> None:
            bar.update(task, completed=report.seen, description=Path(where).name[:40])

        if claims is not None:
            report = load_extracted(store, read_extracted(_folder(claims)), advance)
        else:
            report = ingest(store, collect(paths or [], max_bytes), overlays, advance)
    for failure in report.failed:
        report_error(failure.where, failure.message)
    if not quiet:
        typer.echo(summary(report), err=True)
    if report.failed and not (report.new or report.known):
        raise typer.Exit(1)


def _folder(path: Path) -> Path:
    if not (path / "documents").is_dir():
        raise InputError(f"{path}: not an `extract --engine` output folder (no documents/)")
    return path


def summary(report: IngestReport) -> str:
    return (
        f"{report.new} new documents ({report.duplicates} near-duplicates), "
        f"{report.known} already in the register, {len(report.failed)} failed; "
        f"{report.claims} claims"
    )


def _progress(quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=quiet or not sys.stderr.isatty(),
    )
