"""Driving an export: stream the claims that match a filter, then their
assertions (in batches), to the exporter of the chosen format."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from sqlalchemy import Connection, select

from materiel.exc import ExportError
from materiel.export.base import Exporter
from materiel.export.csv import CsvExporter
from materiel.export.jsonl import JsonlExporter
from materiel.export.sipri import SipriExporter
from materiel.export.stix import StixExporter
from materiel.store.dossier import Assertion, assertions_for
from materiel.store.names import catalogue
from materiel.store.query import ClaimFilter, claims_select, stream_claims

EXPORTERS: dict[str, type[Exporter]] = {
    cls.name: cls for cls in (CsvExporter, JsonlExporter, StixExporter, SipriExporter)
}
RECORDS = ("claims", "assertions")
BATCH = 500


def make_exporter(
    fmt: str, out: TextIO, records: str = "claims", overlays: tuple[Path, ...] = ()
) -> Exporter:
    check_options(fmt, records)
    return EXPORTERS[fmt](out, catalogue(overlays), records)


def check_options(fmt: str, records: str) -> None:
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(EXPORTERS)})")
    if records not in RECORDS:
        raise ExportError(f"unknown records {records!r} (choose from {', '.join(RECORDS)})")


def export(conn: Connection, exporter: Exporter, where: ClaimFilter) -> int:
    """Write the records `where` selects; the number written."""
    keys: set[str] = set()
    if "claims" in exporter.wants:
        for row in stream_claims(conn, where):
            exporter.write(row)
            keys.add(row.assertion_key)
    else:
        keys = _assertion_keys(conn, where)
    if "assertions" in exporter.wants:
        for assertion in _assertions(conn, sorted(k for k in keys if k), exporter.needs_history):
            exporter.write(assertion)
    exporter.finalize()
    return exporter.count


def _assertion_keys(conn: Connection, where: ClaimFilter) -> set[str]:
    inner = claims_select(where).subquery()
    return set(conn.execute(select(inner.c.assertion_key).distinct()).scalars())


def _assertions(conn: Connection, keys: list[str], history: bool) -> Iterator[Assertion]:
    for start in range(0, len(keys), BATCH):
        batch = assertions_for(conn, keys[start : start + BATCH], history)
        yield from sorted(batch, key=lambda a: (a.last_seen or "", a.key), reverse=True)
