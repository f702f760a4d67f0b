"""Options shared by the register commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from materiel.store.names import catalogue
from materiel.store.query import ClaimFilter

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Register: a SQLite file or a postgresql:// URL "
        "(default: $MATERIEL_DB, else ./materiel.db).",
    ),
]
Overlay = Annotated[list[Path] | None, typer.Option(help="Overlay lexicon directory.")]
Supplier = Annotated[str | None, typer.Option(help="Supplier (code or name: CN, China).")]
Recipient = Annotated[str | None, typer.Option(help="Recipient (code or name).")]
Holder = Annotated[str | None, typer.Option(help="Holder of a stock, production or use.")]
Item = Annotated[str | None, typer.Option(help="Named system (any alias: Iskander-M).")]
Category = Annotated[str | None, typer.Option(help="Item category: uav, missile, tank, ...")]
Kind = Annotated[str | None, typer.Option(help="transfer, stock, production or consumption.")]
Status = Annotated[str | None, typer.Option(help="delivered, agreed, considering, ...")]
Stance = Annotated[str | None, typer.Option(help="asserted, hedged or denied.")]
Since = Annotated[str | None, typer.Option(help="From this period on: 2023, 2023-01, 2023-01-15.")]
Until = Annotated[str | None, typer.Option(help="Up to and including this period.")]


def claim_filter(
    supplier: str | None = None,
    recipient: str | None = None,
    holder: str | None = None,
    item: str | None = None,
    category: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    stance: str | None = None,
    since: str | None = None,
    until: str | None = None,
    overlays: tuple[Path, ...] = (),
) -> ClaimFilter:
    """A filter with party and item names resolved through the catalogues."""
    names = catalogue(overlays)
    return ClaimFilter(
        supplier=names.party(supplier) if supplier else None,
        recipient=names.party(recipient) if recipient else None,
        holder=names.party(holder) if holder else None,
        item=names.system(item) if item else None,
        category=category,
        kind=kind,
        status=status,
        stance=stance,
        since=since,
        until=until,
    )
