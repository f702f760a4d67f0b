"""A STIX 2.1 bundle (stix2): an identity per party, a note per claim (its
evidence, stance as confidence), a report per document listing its notes,
and a relationship between supplier and recipient per transfer assertion,
whose confidence grows with independent sources and falls with denials.
Identifiers are UUIDv5 of the store's hashes, so re-exports keep them."""

from __future__ import annotations

import json
import uuid
from typing import Any, TextIO

import stix2

from materiel.export.base import Exporter
from materiel.store.dossier import Assertion
from materiel.store.names import Catalogue

NAMESPACE = uuid.UUID("6f1d7f43-6a52-4f4c-9d3e-3c1f2b0a9e11")
STANCE_CONFIDENCE = {"asserted": 70, "hedged": 40, "denied": 10}
GROUP_KINDS = {"group"}


def stix_id(kind: str, *parts: object) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join(str(p) for p in parts))}"


def timestamp(date: str | None) -> str:
    """An ISO date prefix as a STIX timestamp (the first moment of its period)."""
    text = (date or "1970")[:10]
    text += "-01-01"[len(text) - 4 :]
    return f"{text}T00:00:00Z"


def assertion_confidence(assertion: Assertion) -> int:
    """0-100: the stance sets a base, each further independent source adds 10."""
    if assertion.stance == "denied":
        return 5
    base = 25 if assertion.stance == "contested" else 35 if assertion.stance == "hedged" else 50
    return min(95, base + 10 * max(0, assertion.n_sources - 1))


class StixExporter(Exporter):
    name = "stix"

    def __init__(self, out: TextIO, catalogue: Catalogue, records: str = "claims") -> None:
        super().__init__(out, catalogue, records)
        self.objects: dict[str, Any] = {}
        self.reports: dict[str, dict[str, Any]] = {}

    @property
    def wants(self) -> frozenset[str]:
        return frozenset({"claims", "assertions"})

    def _party(self, party: str) -> str:
        ident = stix_id("identity", "party", party)
        if ident not in self.objects:
            kind = "group" if party.islower() else "organization"
            self.objects[ident] = stix2.Identity(
                id=ident, name=self.catalogue.party_name(party), identity_class=kind
            )
        return ident

    def write_claim(self, row: Any) -> bool:
        parties = [p for p in (row.supplier, row.recipient, row.holder) if p]
        refs = [self._party(p) for p in parties]
        note_id = stix_id("note", row.doc_hash, row.seq)
        sources = json.loads(row.sources)
        self.objects[note_id] = stix2.Note(
            id=note_id,
            abstract=_abstract(row),
            content=row.ev_text,
            authors=sources or None,
            object_refs=refs or [self._party("unknown")],
            confidence=STANCE_CONFIDENCE.get(row.stance, 50),
            labels=[row.kind, row.stance],
        )
        report = self.reports.setdefault(row.doc_hash, _report_fields(row))
        report["object_refs"].append(note_id)
        return True

    def write_assertion(self, assertion: Assertion) -> bool:
        if assertion.kind != "transfer" or not (assertion.supplier and assertion.recipient):
            return False
        rel_id = stix_id("relationship", "assertion", assertion.key)
        self.objects[rel_id] = stix2.Relationship(
            id=rel_id,
            relationship_type="transfers-arms-to",
            source_ref=self._party(assertion.supplier),
            target_ref=self._party(assertion.recipient),
            description=_assertion_text(assertion),
            confidence=assertion_confidence(assertion),
        )
        return True

    def finalize(self) -> None:
        reports = [stix2.Report(**fields) for fields in self.reports.values()]
        bundle = stix2.Bundle(objects=[*self.objects.values(), *reports])
        self.out.write(bundle.serialize(pretty=True) + "\n")
        self.out.flush()


def _report_fields(row: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": stix_id("report", row.doc_hash),
        "name": row.title or row.doc_key,
        "published": timestamp(row.doc_date),
        "report_types": ["threat-report"],
        "object_refs": [],
    }
    reference = {"source_name": row.outlet or "document", "description": row.doc_key}
    if row.url:
        reference["url"] = row.url
    fields["external_references"] = [reference]
    return fields


def _abstract(row: Any) -> str:
    parties = f"{row.supplier} → {row.recipient}" if row.kind == "transfer" else row.holder
    item = row.designation or row.category
    amount = "" if row.qty_value is None else f" {row.qty_value:g}"
    status = f", {row.status}" if row.status else ""
    return f"{row.kind}: {parties}{amount} {item}{status} ({row.stance})"


def _assertion_text(assertion: Assertion) -> str:
    item = assertion.designation or assertion.category
    sources = ", ".join(assertion.sources) or "none"
    text = f"{item}: {assertion.stance}, status {assertion.status or 'unknown'}; "
    text += f"{assertion.n_support} supporting claims from {assertion.n_sources} independent "
    text += f"sources ({sources})"
    if assertion.deniers:
        text += f"; denied by {', '.join(assertion.deniers)}"
    return text
