"""`materiel extract FILE... [-o OUT]`, and with `--engine` (or -o a folder)
`materiel extract SHARD... -o OUT_DIR` (see cli/scale.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from materiel.cli.output import open_output, report_error
from materiel.cli.scale import extract_shards, wants_scale
from materiel.ingest.readers import MAX_BYTES, ReadError, read_inputs
from materiel.nlp.extract import check_language, extract_documents
from materiel.scale import Options


def extract_cli(
    files: Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")],
    lang: Annotated[
        str, typer.Option(help="Language: auto, nl, en, or one an overlay adds.")
    ] = "auto",
    date: Annotated[str | None, typer.Option(help="Document date, YYYY-MM[-DD].")] = None,
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Output JSONL (- = stdout).")
    ] = None,
    overlay: Annotated[list[Path] | None, typer.Option(help="Overlay lexicon directory.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest document accepted.")] = MAX_BYTES,
    engine: Annotated[
        str | None,
        typer.Option(help="pool or dask: shards (.jsonl[.gz], .parquet) in, Parquet out."),
    ] = None,
    scheduler: Annotated[
        str, typer.Option(help="Dask scheduler address, or local for a LocalCluster.")
    ] = "local",
    workers: Annotated[
        int | None, typer.Option(help="Processes of the pool or LocalCluster (default: cores).")
    ] = None,
    prefilter: Annotated[
        bool, typer.Option(help="Skip documents that name no party and no goods.")
    ] = True,
) -> None:
    """Extract claims from documents: one JSON line per document; with --engine,
    or -o a folder, shards of documents into Parquet files."""
    language = check_language(lang, tuple(overlay or ()))
    if wants_scale(engine, output, scheduler):
        options = Options(language, date, tuple(overlay or ()), prefilter, max_bytes=max_bytes)
        extract_shards(files, output, options, engine, scheduler, workers)
        return
    done = failed = 0
    with open_output(output) as out:
        for result in extract_documents(
            read_inputs(files, max_bytes), language, date, tuple(overlay or ())
        ):
            if isinstance(result, ReadError):
                report_error(result.where, result.message)
                failed += 1
                continue
            line = {
                "doc": result.doc,
                "lang": result.lang,
                "date": result.date,
                "claims": [c.to_json() for c in result.claims],
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            done += 1
    if failed and not done:
        raise typer.Exit(1)
