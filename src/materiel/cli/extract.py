"""`materiel extract FILE... [-o OUT]`"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from materiel.cli.output import open_output, report_error
from materiel.ingest.readers import MAX_BYTES, ReadError, read_inputs
from materiel.nlp.extract import check_language, extract_documents


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
) -> None:
    """Extract claims from documents: one JSON line per document."""
    language = check_language(lang, tuple(overlay or ()))
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
