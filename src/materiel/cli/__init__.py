"""The `materiel` command: thin typer wrappers over plain functions."""

from __future__ import annotations

import sys

import typer

from materiel.cli import eval as eval_cmd
from materiel.cli import extract as extract_cmd
from materiel.cli import lexicon as lexicon_cmd
from materiel.cli import table as table_cmd
from materiel.exc import MaterielError

app = typer.Typer(
    name="materiel",
    help="Turn news reports about arms transfers into a sourced, reviewable register.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract_cmd.extract_cli)
app.command("eval")(eval_cmd.eval_cli)
app.command("table")(table_cmd.table_cli)
app.add_typer(lexicon_cmd.app, name="lexicon")


def main() -> None:
    """Entry point: every MaterielError becomes one line on stderr, no traceback."""
    try:
        app()
    except MaterielError as err:
        print(f"materiel: error: {err}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("materiel: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
