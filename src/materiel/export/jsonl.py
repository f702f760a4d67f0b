"""JSON Lines: claims as claims-v1 objects (with `doc`, `document_id` and
`assertion_id`), or assertions as objects."""

from __future__ import annotations

import json
from typing import Any

from materiel.export.base import Exporter
from materiel.store.dossier import Assertion
from materiel.store.query import claim_object


class JsonlExporter(Exporter):
    name = "jsonl"

    def write_claim(self, row: Any) -> bool:
        self._line(claim_object(row))
        return True

    def write_assertion(self, assertion: Assertion) -> bool:
        record = {k: v for k, v in assertion.__dict__.items() if k != "history"}
        record["id"] = record.pop("key")
        self._line(record)
        return True

    def _line(self, record: dict[str, Any]) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")

    def finalize(self) -> None:
        self.out.flush()
