"""The Parquet output: claims round-trip, writes are atomic, reading back."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from materiel.model import Claim
from materiel.scale.parquet import (
    CLAIMS,
    DOCUMENTS,
    FORMAT,
    PartitionWriter,
    claim_row,
    partition_done,
    read_claims_dir,
    remove_stale_temporaries,
    row_claim,
)

CLAIM = {
    "kind": "transfer",
    "supplier": "IR",
    "recipient": "RU",
    "holder": None,
    "item": {"text": "Shahed-drones", "designation": "Shahed-136", "category": "uav"},
    "quantity": {"value": 100, "approximate": False, "bound": "at_least", "per": None},
    "status": "delivered",
    "stance": "asserted",
    "sources": ["Reuters"],
    "time": None,
    "evidence": {"start": 0, "end": 12, "text": "Iran levert."},
}


def document(seq: int, doc: str, claims: int = 0) -> dict[str, object]:
    status = "extracted" if seq % 2 == 0 else "prefiltered"
    text = "Iran levert." if status == "extracted" else None
    return {"seq": seq, "doc": doc, "lang": "nl", "status": status, "claims": claims, "text": text}


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"quantity": None, "sources": []},
        {"quantity": {"value": 2.5, "approximate": True, "bound": None, "per": "day"}},
        {"supplier_org": "xian-bingo", "time": "2023-04"},
    ],
)
def test_a_claim_survives_a_row(changes: dict[str, object]) -> None:
    claim = Claim.model_validate({**CLAIM, **changes})
    row = claim_row(3, "d", 0, claim)
    assert set(row) == set(CLAIMS.names)
    assert row_claim(row).to_json() == claim.to_json()


def test_a_partition_appears_only_when_committed(tmp_path: Path) -> None:
    writer = PartitionWriter(tmp_path, "p", "/in/p.jsonl")
    writer.write([document(0, "a", 1)], [claim_row(0, "a", 0, Claim.model_validate(CLAIM))])
    assert not partition_done(tmp_path, "p")
    assert list((tmp_path / "documents").glob("*.parquet")) == []
    writer.commit()
    assert partition_done(tmp_path, "p")
    meta = pq.read_schema(tmp_path / "claims" / "p.parquet").metadata
    assert meta[b"materiel.format"] == FORMAT.encode()
    assert pq.read_schema(tmp_path / "documents" / "p.parquet").names == DOCUMENTS.names


def test_an_aborted_partition_leaves_nothing(tmp_path: Path) -> None:
    writer = PartitionWriter(tmp_path, "p", "/in/p.jsonl")
    writer.write([document(0, "a")], [])
    writer.abort()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_stale_temporaries_are_removed(tmp_path: Path) -> None:
    PartitionWriter(tmp_path, "p", "/in/p.jsonl")  # a writer that died: never closed
    assert remove_stale_temporaries(tmp_path) == 2
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_read_back_in_order_with_claims_per_document(tmp_path: Path) -> None:
    claim = Claim.model_validate(CLAIM)
    for name, docs in (("b", ["b0", "b1", "b2"]), ("a", ["a0", "a1", "a2", "a3", "a4"])):
        writer = PartitionWriter(tmp_path, name, f"/in/{name}.jsonl")
        rows = [document(i, d, claims=2 if i == 2 else 0) for i, d in enumerate(docs)]
        writer.write(rows[:2], [])
        writer.write(rows[2:], [claim_row(2, docs[2], i, claim) for i in range(2)])
        writer.commit()
    results = list(read_claims_dir(tmp_path))
    assert [r.doc for r in results] == ["a0", "a2", "a4", "b0", "b2"]
    assert [len(r.claims) for r in results] == [0, 2, 0, 0, 2]
    assert results[1].claims[0].to_json() == claim.to_json()
