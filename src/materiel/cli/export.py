"""`materiel export --format csv|jsonl|stix|sipri [filters] -o FILE`"""

from __future__ import annotations

from typing import Annotated

import typer

from materiel.cli.options import (
    Category,
    Db,
    Holder,
    Item,
    Kind,
    Overlay,
    Recipient,
    Since,
    Stance,
    Status,
    Supplier,
    Until,
    claim_filter,
)
from materiel.cli.output import open_output
from materiel.export import check_options, export, make_exporter
from materiel.store.engine import open_store


def export_cli(
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl, stix or sipri.")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="File (- = stdout).")] = None,
    records: Annotated[str, typer.Option(help="claims or assertions (csv and jsonl).")] = "claims",
    supplier: Supplier = None,
    recipient: Recipient = None,
    holder: Holder = None,
    item: Item = None,
    category: Category = None,
    kind: Kind = None,
    status: Status = None,
    stance: Stance = None,
    since: Since = None,
    until: Until = None,
    db: Db = None,
    overlay: Overlay = None,
) -> None:
    """Export claims and assertions: CSV, JSON Lines, STIX 2.1, SIPRI-style register."""
    overlays = tuple(overlay or ())
    where = claim_filter(
        supplier, recipient, holder, item, category, kind, status, stance, since, until, overlays
    )
    check_options(fmt, records)  # before a file is opened
    with open_store(db, create=False) as store, store.read() as conn, open_output(output) as out:
        count = export(conn, make_exporter(fmt, out, records, overlays), where)
    if output not in (None, "-"):
        typer.echo(f"{count} records written to {output}", err=True)
