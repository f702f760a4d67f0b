"""`materiel stats`, `materiel unknowns` and `materiel search QUERY`."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from materiel.cli.options import Db, Overlay
from materiel.store.engine import open_store
from materiel.store.names import catalogue
from materiel.store.report import search, stats, unknowns


def stats_cli(
    db: Db = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Counts of documents, claims and assertions; the busiest pairs and items."""
    with open_store(db, create=False) as store, store.read() as conn:
        figures = stats(conn)
    if as_json:
        typer.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    typer.echo(
        f"documents   {figures['documents']} ({figures['near_duplicates']} near-duplicates), "
        f"dated {figures['first_date']} … {figures['last_date']}"
    )
    typer.echo(f"claims      {figures['claims']}  {_counts(figures['claims_by_kind'])}")
    typer.echo(f"            {_counts(figures['claims_by_stance'])}")
    typer.echo(f"assertions  {figures['assertions']}  {_counts(figures['assertions_by_stance'])}")
    typer.echo(f"unknown names  {figures['unknown_names']}")
    typer.echo("busiest pairs (transfer assertions, claims):")
    for supplier, recipient, n_assertions, n_claims in figures["top_pairs"]:
        typer.echo(f"  {supplier} → {recipient}  {n_assertions}, {n_claims}")
    typer.echo("items (claims): " + ", ".join(f"{n} {c}" for n, c in figures["top_items"]))


def _counts(tally: dict[str, int]) -> str:
    return ", ".join(f"{key} {n}" for key, n in tally.items())


def unknowns_cli(
    db: Db = None,
    overlay: Overlay = None,
    limit: Annotated[int, typer.Option(help="At most this many names.")] = 50,
) -> None:
    """Names the extractor saw but no catalogue resolves (add them to an overlay)."""
    names = catalogue(tuple(overlay or ()))
    with open_store(db, create=False) as store, store.read() as conn:
        found = unknowns(conn, names, limit)
    typer.echo(f"{'name':32} {'kind':7} {'docs':>4} {'seen':>4}  example")
    for entry in found:
        example = " ".join(entry.example.split())[:90]
        typer.echo(
            f"{entry.name[:32]:32} {entry.kind:7} {entry.documents:4} {entry.mentions:4}  {example}"
        )


def search_cli(
    query: Annotated[str, typer.Argument(help='Words, "phrases", OR.')],
    db: Db = None,
    limit: Annotated[int, typer.Option(help="At most this many documents.")] = 20,
) -> None:
    """Full-text search over the register's documents."""
    with open_store(db, create=False) as store, store.read() as conn:
        hits = search(conn, query, limit)
    for hit in hits:
        title = hit.title or hit.doc
        typer.echo(f"#{hit.document_id} {hit.date or '????-??-??'} {hit.outlet or '-'}: {title}")
        typer.echo(f"    {hit.snippet}")
    typer.echo(f"{len(hits)} documents")
