"""CSV of claims (one row per claim, with its document and assertion) or of
assertions (one row per merged fact)."""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from materiel.export.base import Exporter
from materiel.store.dossier import Assertion
from materiel.store.names import Catalogue

CLAIM_FIELDS = (
    "document_id", "doc", "date", "outlet", "url", "assertion_id", "kind", "supplier",
    "recipient", "holder", "item_text", "designation", "category", "qty_value",
    "qty_approximate", "qty_bound", "qty_per", "status", "stance", "sources", "time",
    "ev_start", "ev_end", "evidence",
)  # fmt: skip
ASSERTION_FIELDS = (
    "key", "kind", "supplier", "recipient", "holder", "designation", "category", "time",
    "qty_low", "qty_high", "qty_per", "status", "stance", "n_claims", "n_support", "n_deny",
    "n_documents", "n_sources", "sources", "deniers", "first_seen", "last_seen",
)  # fmt: skip


class CsvExporter(Exporter):
    name = "csv"

    def __init__(self, out: TextIO, catalogue: Catalogue, records: str = "claims") -> None:
        super().__init__(out, catalogue, records)
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(CLAIM_FIELDS if records == "claims" else ASSERTION_FIELDS)

    def write_claim(self, row: Any) -> bool:
        values = {
            **row._mapping,
            "doc": row.doc_key,
            "date": row.doc_date,
            "assertion_id": row.assertion_key,
            "sources": "; ".join(json.loads(row.sources)),
            "evidence": row.ev_text,
        }
        self.writer.writerow([_cell(values.get(name)) for name in CLAIM_FIELDS])
        return True

    def write_assertion(self, assertion: Assertion) -> bool:
        values = dict(assertion.__dict__)
        values["sources"] = "; ".join(assertion.sources)
        values["deniers"] = "; ".join(assertion.deniers)
        self.writer.writerow([_cell(values.get(name)) for name in ASSERTION_FIELDS])
        return True

    def finalize(self) -> None:
        self.out.flush()


def _cell(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else value
