"""`materiel claims [filters] [--format table|jsonl|csv]`"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

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
from materiel.exc import InputError
from materiel.export.csv import CsvExporter
from materiel.store.engine import open_store
from materiel.store.names import catalogue
from materiel.store.query import claim_object, find_claims

FORMATS = ("table", "jsonl", "csv")


def claims_cli(
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
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
    limit: Annotated[int, typer.Option(help="At most this many claims (0: all).")] = 200,
    db: Db = None,
    overlay: Overlay = None,
) -> None:
    """List the register's claims, newest first."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    overlays = tuple(overlay or ())
    where = claim_filter(
        supplier, recipient, holder, item, category, kind, status, stance, since, until, overlays
    )
    with open_store(db, create=False) as store, store.read() as conn:
        rows = find_claims(conn, where, limit or None)
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(claim_object(row), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = CsvExporter(sys.stdout, catalogue(overlays))
        for row in rows:
            writer.write(row)
        writer.finalize()
    else:
        print_table(rows, limit)


def print_table(rows: list[Any], limit: int) -> None:
    table = Table(header_style="bold")
    for column in ("date", "kind", "parties", "item", "quantity", "status", "stance",
                   "sources", "outlet", "assertion"):  # fmt: skip
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*claim_cells(row))
    console = Console(width=200)
    console.print(table)
    more = " (the first ones; --limit 0 for all)" if limit and len(rows) == limit else ""
    console.print(f"{len(rows)} claims{more}")


def claim_cells(row: Any) -> list[str]:
    parties = f"{row.supplier}→{row.recipient}" if row.kind == "transfer" else str(row.holder)
    name = row.designation or row.category
    return [
        row.on_date or "",
        row.kind,
        parties,
        f"{name} ({row.item_text})",
        quantity_text(row.qty_value, row.qty_approximate, row.qty_bound, row.qty_per),
        row.status or "",
        row.stance,
        ", ".join(json.loads(row.sources)),
        row.outlet or row.doc_key.rsplit("/", 1)[-1],
        row.assertion_key or "",
    ]


def quantity_text(
    value: float | None, approximate: bool | None, bound: str | None, per: str | None
) -> str:
    if value is None:
        return ""
    text = ("~" if approximate else "") + f"{value:,.0f}"
    text += {"at_least": "+", "at_most": " max"}.get(bound or "", "")
    return text + (f"/{per}" if per else "")
