"""`materiel extract --engine ... -o OUT_DIR`: shards in, Parquet out."""

from __future__ import annotations

from pathlib import Path

from materiel.scale import read_claims_dir
from tests.cli.test_cli import assert_clean_error, run
from tests.scale.corpus import documents, write_jsonl, write_shards


def test_shards_into_a_folder_with_one_bad_shard(tmp_path: Path) -> None:
    shards = write_shards(tmp_path / "in", 2, 30)
    (shards / "zz-bad.jsonl.gz").write_bytes(b"not gzip at all")
    out = tmp_path / "out"
    out.mkdir()
    result = run("extract", str(shards), "-o", str(out), "--workers", "1")
    assert result.returncode == 2
    assert_clean_error(result, "zz-bad.jsonl.gz")
    err = result.stderr.decode().splitlines()
    assert err[-1] == "materiel: error: 1 of 3 shards failed; the rest are written"
    assert "60 documents" in err[-2]
    assert sorted(p.name for p in (out / "documents").iterdir()) == [
        "part-000.parquet",
        "part-001.parquet",
    ]
    assert any(r.claims for r in read_claims_dir(out))


def test_an_engine_needs_an_output_folder(tmp_path: Path) -> None:
    shard = write_jsonl(tmp_path / "s.jsonl", documents(3, 1))
    result = run("extract", str(shard), "--engine", "dask")
    assert result.returncode == 2
    assert_clean_error(result, "-o OUT_DIR")
    result = run("extract", str(shard), "--engine", "spark", "-o", str(tmp_path / "o"))
    assert_clean_error(result, "unknown engine 'spark'")
