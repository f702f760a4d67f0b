"""Finding shards and reading them in bounded batches."""

from __future__ import annotations

import datetime
import gzip
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from materiel.exc import InputError
from materiel.scale.shards import ShardError, find_shards, read_batches
from tests.scale.corpus import documents, write_jsonl, write_parquet


def test_folders_are_searched_and_named_by_relative_path(tmp_path: Path) -> None:
    (tmp_path / "2024" / "03").mkdir(parents=True)
    write_jsonl(tmp_path / "2024" / "03" / "a.jsonl.gz", documents(2, 1))
    write_parquet(tmp_path / "b.parquet", documents(2, 2))
    (tmp_path / "notes.txt").write_text("not a shard")
    names = [s.name for s in find_shards([str(tmp_path)])]
    assert names == ["2024__03__a", "b"]


def test_two_shards_for_one_partition_are_refused(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    write_jsonl(tmp_path / "a.jsonl", documents(1, 1))
    write_jsonl(tmp_path / "x" / "a.jsonl", documents(1, 1))
    with pytest.raises(InputError, match="partition 'a'"):
        find_shards([str(tmp_path / "a.jsonl"), str(tmp_path / "x" / "a.jsonl")])


def test_a_file_that_is_no_shard_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text")
    with pytest.raises(InputError, match="not a shard"):
        find_shards([str(tmp_path / "a.txt")])
    with pytest.raises(InputError, match="no such file"):
        find_shards([str(tmp_path / "missing.jsonl")])


@pytest.mark.parametrize("name", ["s.jsonl", "s.jsonl.gz", "s.parquet"])
def test_batches_are_bounded_and_in_order(tmp_path: Path, name: str) -> None:
    records = documents(250, 3)
    path = tmp_path / name
    if name.endswith(".parquet"):
        write_parquet(path, records, row_group=100)
    else:
        write_jsonl(path, records)
    batches = list(read_batches(str(path), batch_size=64))
    assert max(len(b) for b in batches) <= 64
    flat = [r for b in batches for r in b]
    assert [r.seq for r in flat] == list(range(250))
    assert [r.id for r in flat] == [r["id"] for r in records]
    assert [r.lang for r in flat] == [r.get("lang") for r in records]


def test_jsonl_ids_default_to_the_line_and_empty_text_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "Hello there"}\n\n{"id": "b", "text": "  "}\n')
    ((first, second),) = read_batches(str(path))
    assert first.id == f"{path}:1"
    assert (second.id, second.text) == ("b", None)


def test_parquet_dates_become_text(tmp_path: Path) -> None:
    path = tmp_path / "s.parquet"
    table = pa.table({"text": ["a b c"], "date": [datetime.date(2024, 5, 2)], "id": [7]})
    pq.write_table(table, path)
    ((record,),) = read_batches(str(path))
    assert (record.id, record.date) == ("7", "2024-05-02")


def test_a_malformed_line_names_the_shard_and_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok"}\n{"text": \n')
    with pytest.raises(ShardError, match=r"bad\.jsonl:2: malformed JSON"):
        list(read_batches(str(path)))


def test_text_must_be_a_string(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": 12}\n')
    with pytest.raises(ShardError, match="must be a string"):
        list(read_batches(str(path)))


def test_a_parquet_shard_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.parquet"
    pq.write_table(pa.table({"body": ["x"]}), path)
    with pytest.raises(ShardError, match="no 'text' column"):
        list(read_batches(str(path)))


def test_a_truncated_gzip_shard_fails(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl.gz"
    data = gzip.compress(b'{"text": "hello world"}\n' * 1000)
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(EOFError):
        list(read_batches(str(path)))
