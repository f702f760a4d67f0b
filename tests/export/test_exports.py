"""Exports: CSV and JSON Lines of claims and assertions, a STIX 2.1 bundle
that stix2 parses back, and a SIPRI-style register."""

from __future__ import annotations

import csv
import io
import json

import pytest
import stix2

from materiel.exc import ExportError
from materiel.export import export, make_exporter
from materiel.export.sipri import COLUMNS
from materiel.export.stix import assertion_confidence
from materiel.ingest.readers import RawDocument
from materiel.model import Claim
from materiel.store.engine import Store
from materiel.store.ingest import ingest
from materiel.store.query import ClaimFilter
from tests.store.test_store import DOCS


@pytest.fixture
def filled(store: Store) -> Store:
    ingest(store, DOCS, workers=0)
    return store


def run(store: Store, fmt: str, records: str = "claims", where: ClaimFilter | None = None) -> str:
    out = io.StringIO()
    with store.read() as conn:
        export(conn, make_exporter(fmt, out, records), where or ClaimFilter())
    return out.getvalue()


def test_jsonl_claims_are_claims_v1_with_ids(filled: Store) -> None:
    lines = run(filled, "jsonl", where=ClaimFilter(supplier="IR")).splitlines()
    assert lines
    for line in lines:
        record = json.loads(line)
        Claim.model_validate(record)
        assert record["assertion_id"] and record["document_id"]


def test_csv_claims_and_assertions(filled: Store) -> None:
    claims = list(csv.DictReader(io.StringIO(run(filled, "csv"))))
    facts = list(csv.DictReader(io.StringIO(run(filled, "csv", "assertions"))))
    assert {c["assertion_id"] for c in claims} == {f["key"] for f in facts}
    assert sum(int(f["n_claims"]) for f in facts) == len(claims)


def test_stix_bundle_parses_back(filled: Store) -> None:
    bundle = stix2.parse(run(filled, "stix"))
    kinds = {obj.type for obj in bundle.objects}
    assert {"identity", "note", "report", "relationship"} <= kinds
    relations = [o for o in bundle.objects if o.type == "relationship"]
    assert all(0 <= r.confidence <= 100 for r in relations)
    names = {o.name for o in bundle.objects if o.type == "identity"}
    assert {"Iran", "Russia"} <= names


def test_stix_ids_are_stable(filled: Store) -> None:
    first = {o["id"] for o in json.loads(run(filled, "stix"))["objects"]}
    second = {o["id"] for o in json.loads(run(filled, "stix"))["objects"]}
    assert first == second


def test_sipri_register(filled: Store) -> None:
    rows = list(csv.reader(io.StringIO(run(filled, "sipri"))))
    assert tuple(rows[0]) == COLUMNS
    tanks = [r for r in rows[1:] if r[2] == "Leopard 2"]
    assert tanks and tanks[0][:2] == ["Germany", "Ukraine"]
    assert all("source" in r[-1] for r in rows[1:])


def test_bad_options() -> None:
    with pytest.raises(ExportError, match="unknown format"):
        make_exporter("pdf", io.StringIO())


def test_confidence_follows_stance_and_corroboration(filled: Store) -> None:
    from materiel.store.dossier import dossier

    with filled.read() as conn:
        found = dossier(conn, "IR", "RU")
    by_stance = {a.stance: assertion_confidence(a) for a in found}
    assert max(by_stance.values()) <= 95
    if "contested" in by_stance and "asserted" in by_stance:
        assert by_stance["contested"] < by_stance["asserted"]


def test_near_duplicate_report(store: Store) -> None:
    ingest(store, [DOCS[0], RawDocument("copy", DOCS[0].text + " (Editing by X)", "en")],
           workers=0)  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(run(store, "csv", "assertions"))))
    assert all(r["n_documents"] == "1" for r in rows)
