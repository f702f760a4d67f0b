"""The `materiel` command: thin typer wrappers over plain functions."""

from __future__ import annotations

import sys

import typer

from materiel.cli import analysis as analysis_cmd
from materiel.cli import claims as claims_cmd
from materiel.cli import dossier as dossier_cmd
from materiel.cli import eval as eval_cmd
from materiel.cli import export as export_cmd
from materiel.cli import extract as extract_cmd
from materiel.cli import ingest as ingest_cmd
from materiel.cli import lexicon as lexicon_cmd
from materiel.cli import overview as overview_cmd
from materiel.cli import table as table_cmd
from materiel.cli import web as web_cmd
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
app.command("ingest")(ingest_cmd.ingest_cli)
app.command("claims")(claims_cmd.claims_cli)
app.command("dossier")(dossier_cmd.dossier_cli)
app.command("stats")(overview_cmd.stats_cli)
app.command("unknowns")(overview_cmd.unknowns_cli)
app.command("search")(overview_cmd.search_cli)
app.command("export")(export_cmd.export_cli)
app.command("serve")(web_cmd.serve_cli)
app.add_typer(web_cmd.users, name="user")
app.command("ledger")(analysis_cmd.ledger_cli)
app.command("assess")(analysis_cmd.assess_cli)
app.command("flows")(analysis_cmd.flows_cli)


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
