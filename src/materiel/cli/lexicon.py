"""`materiel lexicon check`: validate the lexicons and show their size."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from materiel.lexicon import available_languages, load_lexicon

app = typer.Typer(help="Lexicons and catalogues.", no_args_is_help=True)


@app.command("check")
def check_cli(
    overlay: Annotated[list[Path] | None, typer.Option(help="Overlay lexicon directory.")] = None,
) -> None:
    """Load and validate every language's tables (with overlays); print counts."""
    for lang in available_languages():
        lex = load_lexicon(lang, tuple(overlay or ()))
        typer.echo(
            f"{lang}: {len(lex.parties)} parties ({len(lex.party_aliases)} aliases), "
            f"{len(lex.systems)} systems ({len(lex.system_aliases)} aliases), "
            f"{len(lex.sources)} sources ({len(lex.source_aliases)} aliases), "
            f"{len(lex.items)} item words, {len(lex.cues.transfer)} transfer cue groups"
        )
