"""One shard in, one partition out: statuses, failures, reruns."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from materiel.scale.partition import Options, run_shard
from materiel.scale.shards import find_shards
from tests.scale.corpus import assert_same_claims, documents, write_jsonl

MIXED = [
    {
        "id": "arms",
        "lang": "en",
        "text": "Iran denied that it had supplied Shahed drones to Russia.",
    },
    {"id": "weather", "text": "Heavy rain is expected along the coast for the rest of the week."},
    {"id": "german", "lang": "de", "text": "Deutschland liefert Panzer an die Ukraine."},
    {"id": "blank", "text": ""},
    {"id": "short", "text": "Iran: tanks?"},
]


def test_every_document_gets_a_status(tmp_path: Path) -> None:
    (shard,) = find_shards([str(write_jsonl(tmp_path / "mixed.jsonl", MIXED))])
    report = run_shard(shard, str(tmp_path / "out"), Options())
    assert report.error is None
    assert report.statuses == {
        "extracted": 1,
        "prefiltered": 1,
        "no_lexicon": 1,
        "empty": 1,
        "no_lang": 1,
    }
    assert report.claims == 1
    rows = pq.read_table(tmp_path / "out" / "documents" / "mixed.parquet").to_pylist()
    assert [r["doc"] for r in rows] == [r["id"] for r in MIXED]
    assert rows[0]["text"] == MIXED[0]["text"] and rows[1]["text"] is None
    assert rows[1]["text_sha256"] is not None and rows[3]["text_sha256"] is None


def test_the_prefilter_changes_no_claim(tmp_path: Path) -> None:
    records = documents(120, seed=5)
    (shard,) = find_shards([str(write_jsonl(tmp_path / "s.jsonl", records))])
    report = run_shard(shard, str(tmp_path / "out"), Options(batch_size=32))
    assert report.statuses["prefiltered"] > 30
    assert_same_claims(tmp_path / "out", records)
    written = pq.ParquetFile(tmp_path / "out" / "documents" / "s.parquet")
    assert written.metadata.num_row_groups == 4  # written batch by batch
    written.close()
    assert report.peak_rss_mb > 0
    unfiltered = run_shard(shard, str(tmp_path / "all"), Options(prefilter=False))
    assert unfiltered.claims == report.claims
    assert set(unfiltered.statuses) == {"extracted"}


def test_a_malformed_shard_fails_alone_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps(MIXED[0]) + "\n{oops\n")
    (shard,) = find_shards([str(path)])
    report = run_shard(shard, str(tmp_path / "out"), Options())
    assert report.error is not None and "broken.jsonl:2" in report.error
    assert [p for p in (tmp_path / "out").rglob("*") if p.is_file()] == []


def test_a_written_partition_is_not_written_again(tmp_path: Path) -> None:
    (shard,) = find_shards([str(write_jsonl(tmp_path / "s.jsonl", MIXED))])
    out = tmp_path / "out"
    run_shard(shard, str(out), Options())
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    again = run_shard(shard, str(out), Options())
    assert again.existed and again.documents == 0
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == before
