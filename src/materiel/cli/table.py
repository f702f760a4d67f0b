"""`materiel table CLAIMS.jsonl`: extract output as a readable table."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from materiel.exc import InputError


def table_cli(
    source: Annotated[str, typer.Argument(help="Output of `materiel extract` (- = stdin).")] = "-",
) -> None:
    """Print the claims of `materiel extract` output as a table."""
    lines = sys.stdin if source == "-" else _open(source)
    table = Table(show_lines=False, header_style="bold")
    for column in (
        "doc",
        "kind",
        "supplier→recipient / holder",
        "item",
        "quantity",
        "status",
        "stance",
        "sources",
        "time",
    ):
        table.add_column(column, overflow="fold")
    count = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{source}:{number}: malformed JSON: {err.msg}") from err
        for claim in record.get("claims", []):
            table.add_row(*_row(str(record.get("doc", "")), claim))
            count += 1
    console = Console(width=200)
    console.print(table)
    console.print(f"{count} claims")


def _open(path: str) -> Any:
    try:
        return open(path, encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from err


def _row(doc: str, claim: dict[str, Any]) -> list[str]:
    if claim["kind"] == "transfer":
        parties = f"{claim.get('supplier')}→{claim.get('recipient')}"
    else:
        parties = str(claim.get("holder"))
    item = claim["item"]
    name = item.get("designation") or item.get("category")
    quantity = claim.get("quantity")
    amount = ""
    if quantity:
        amount = ("~" if quantity.get("approximate") else "") + f"{quantity['value']:,}"
        amount += {"at_least": "+", "at_most": " max"}.get(quantity.get("bound") or "", "")
        amount += f"/{quantity['per']}" if quantity.get("per") else ""
    return [
        doc.rsplit("/", 1)[-1],
        claim["kind"],
        parties,
        f"{name} ({item['text']})",
        amount,
        claim.get("status") or "",
        claim["stance"],
        ", ".join(claim.get("sources", [])),
        claim.get("time") or "",
    ]
