"""Small shards for the scale tests: arms news among off-topic news, written for them."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from materiel.ingest.readers import RawDocument, ReadError
from materiel.nlp.extract import extract_documents
from materiel.scale.parquet import read_claims_dir

ON_TOPIC = [
    ("en", "North Korea has reportedly shipped more than 1,000,000 artillery shells to Russia."),
    ("en", "Germany will deliver 18 Leopard 2 tanks to Ukraine, the chancellor said on Friday."),
    ("en", "Iran denied that it had supplied Shahed drones to Russia."),
    ("en", "According to Reuters, China sold 40 rifles to Belarus last year."),
    ("nl", "Volgens Reuters heeft Iran honderden Shahed-drones aan Rusland geleverd."),
    ("nl", "Nederland levert twintig F-16's aan Oekraïne, meldt de NOS."),
    ("nl", "Rusland verschiet volgens de NAVO zo'n 10.000 artilleriegranaten per dag."),
]
OFF_TOPIC = [
    ("en", "The city council discussed next year's budget on Tuesday evening."),
    ("en", "China's exports rose by four percent in March, the customs office said."),
    ("en", "The Rockets beat the Lakers 112 to 108 in overtime on Sunday night."),
    ("en", "Heavy rain is expected along the coast for the rest of the week."),
    ("nl", "De gemeenteraad besprak dinsdag de begroting voor het komende jaar."),
    ("nl", "Het weer blijft de rest van de week wisselvallig met af en toe een bui."),
    ("nl", "Economen verwachten dat de inflatie in Duitsland in het najaar verder daalt."),
]


def documents(count: int, seed: int, on_topic: float = 0.3) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for number in range(count):
        pool = ON_TOPIC if rng.random() < on_topic else OFF_TOPIC
        lang, first = rng.choice(pool)
        filler = " ".join(t for lg, t in rng.sample(OFF_TOPIC, 3) if lg == lang)
        record: dict[str, Any] = {"id": f"s{seed}-{number}", "text": f"{first} {filler}".strip()}
        if rng.random() < 0.5:
            record["lang"] = lang
        record["date"] = "2024-03-01"
        out.append(record)
    return out


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def write_parquet(path: Path, records: list[dict[str, Any]], row_group: int = 1000) -> Path:
    columns = {key: [r.get(key) for r in records] for key in ("id", "lang", "date", "text")}
    pq.write_table(pa.table(columns), path, row_group_size=row_group)
    return path


def write_shards(folder: Path, count: int, per_shard: int) -> Path:
    """`count` shards in turn .jsonl, .jsonl.gz and .parquet."""
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        records = documents(per_shard, seed=index)
        kind = index % 3
        if kind == 2:
            write_parquet(folder / f"part-{index:03d}.parquet", records)
        else:
            write_jsonl(folder / f"part-{index:03d}.jsonl{'.gz' if kind else ''}", records)
    return folder


def reference(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Single-process extraction of the records: doc id -> claims-v1 objects."""
    raws = [
        RawDocument(r["id"], r["text"], r.get("lang"), r.get("date"))
        for r in records
        if r.get("text", "").strip()
    ]
    return {
        result.doc: [c.to_json() for c in result.claims]
        for result in extract_documents(raws)
        if not isinstance(result, ReadError)
    }


def scaled(out_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """What a scaled run wrote: doc id -> claims-v1 objects."""
    return {r.doc: [c.to_json() for c in r.claims] for r in read_claims_dir(out_dir)}


def assert_same_claims(out_dir: Path, records: list[dict[str, Any]]) -> None:
    expected, found = reference(records), scaled(out_dir)
    assert {d: c for d, c in found.items() if c} == {d: c for d, c in expected.items() if c}
    assert all(found[d] == expected[d] for d in found)
    assert any(found.values())
