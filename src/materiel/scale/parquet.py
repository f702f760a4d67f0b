"""The Parquet output of a scaled run: one documents file and one claims file
per input partition, written atomically, and read back as `DocumentResult`s.

Layout of an output folder (format `materiel-parquet/1`, docs/scale.md):

    OUT_DIR/documents/<partition>.parquet   every document of the partition
    OUT_DIR/claims/<partition>.parquet      every claim, flattened claims-v1

Both files are written under temporary names in their own folder and renamed
with `os.replace` when the partition is complete: claims first, documents
last, so a documents file marks a finished partition.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from materiel.ingest.readers import RawDocument
from materiel.model import Claim, DocumentResult

FORMAT = "materiel-parquet/1"
_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

DOCUMENTS = pa.schema(
    [
        ("seq", _I),  # place in the partition (input order)
        ("doc", _S),
        ("url", _S),
        ("date", _S),
        ("lang", _S),
        ("title", _S),
        ("text_sha256", _S),  # of the UTF-8 text; null when there is none
        ("status", _S),  # extracted, prefiltered, no_lexicon, no_lang, empty
        ("claims", _I),
        ("text", _S),  # only for documents that were extracted
    ]
)
CLAIMS = pa.schema(
    [
        ("seq", _I),
        ("doc", _S),
        ("claim", _I),  # index of the claim in its document
        ("kind", _S),
        ("supplier", _S),
        ("recipient", _S),
        ("holder", _S),
        ("item_text", _S),
        ("item_designation", _S),
        ("item_category", _S),
        ("quantity_value", _F),
        ("quantity_approximate", _B),
        ("quantity_bound", _S),
        ("quantity_per", _S),
        ("status", _S),
        ("stance", _S),
        ("sources", pa.list_(_S)),
        ("time", _S),
        ("evidence_start", _I),
        ("evidence_end", _I),
        ("evidence_text", _S),
        ("extra", _S),  # JSON object of any further claims-v1 fields, else null
    ]
)
_NESTED = ("item", "quantity", "evidence")
_FLAT = ("kind", "supplier", "recipient", "holder", "status", "stance", "sources", "time")


def table_path(out_dir: Path, table: str, partition: str) -> Path:
    return out_dir / table / f"{partition}.parquet"


def partition_done(out_dir: Path, partition: str) -> bool:
    return table_path(out_dir, "documents", partition).exists()


def claim_row(seq: int, doc: str, index: int, claim: Claim) -> dict[str, Any]:
    data = claim.to_json()
    row: dict[str, Any] = dict.fromkeys(CLAIMS.names)
    row.update(seq=seq, doc=doc, claim=index)
    for name in _NESTED:
        for key, value in (data.pop(name) or {}).items():
            row[f"{name}_{key}"] = value
    extra = {k: v for k, v in data.items() if k not in _FLAT}
    row.update({k: v for k, v in data.items() if k in _FLAT})
    row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
    return row


def row_claim(row: dict[str, Any]) -> Claim:
    data: dict[str, Any] = {k: row[k] for k in _FLAT if k in row}
    for name in _NESTED:
        data[name] = {k[len(name) + 1 :]: v for k, v in row.items() if k.startswith(name + "_")}
    if data["quantity"]["value"] is None:
        data["quantity"] = None
    data.update(json.loads(row["extra"]) if row.get("extra") else {})
    return Claim.model_validate(data)


class PartitionWriter:
    """Writes one partition's two files incrementally, then commits them."""

    def __init__(self, out_dir: Path, partition: str, shard: str) -> None:
        self.final = {t: table_path(out_dir, t, partition) for t in ("claims", "documents")}
        token = f".tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.temp = {t: p.with_name(f".{p.name}{token}") for t, p in self.final.items()}
        meta = {"materiel.format": FORMAT, "materiel.partition": partition, "materiel.shard": shard}
        self.writers: dict[str, pq.ParquetWriter] = {}
        for table, schema in (("claims", CLAIMS), ("documents", DOCUMENTS)):
            self.temp[table].parent.mkdir(parents=True, exist_ok=True)
            with_meta = schema.with_metadata({**meta, "materiel.table": table})
            self.writers[table] = pq.ParquetWriter(self.temp[table], with_meta, compression="zstd")

    def write(self, documents: list[dict[str, Any]], claims: list[dict[str, Any]]) -> None:
        for table, rows in (("documents", documents), ("claims", claims)):
            if rows:
                schema = DOCUMENTS if table == "documents" else CLAIMS
                self.writers[table].write_table(pa.Table.from_pylist(rows, schema=schema))

    def commit(self) -> None:
        for writer in self.writers.values():
            writer.close()
        for table in ("claims", "documents"):
            os.replace(self.temp[table], self.final[table])

    def abort(self) -> None:
        for table, writer in self.writers.items():
            writer.close()
            self.temp[table].unlink(missing_ok=True)


def remove_stale_temporaries(out_dir: Path) -> int:
    """Delete what interrupted writers left behind (call when no writer runs)."""
    stale = [p for t in ("claims", "documents") for p in (out_dir / t).glob(".*.parquet.tmp-*")]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)


def read_claims_dir(path: str | Path) -> Iterator[DocumentResult]:
    """The extracted documents of an output folder with their claims, partition
    by partition (sorted by name), in input order within each."""
    out_dir = Path(path)
    for documents in sorted((out_dir / "documents").glob("*.parquet")):
        claims = _claim_groups(out_dir / "claims" / documents.name)
        pending = next(claims, None)
        for row in _rows(documents, ["seq", "doc", "lang", "date", "status"]):
            if row["status"] != "extracted":
                continue
            found: list[Claim] = []
            if pending is not None and pending[0] == row["seq"]:
                found, pending = pending[1], next(claims, None)
            yield DocumentResult(doc=row["doc"], lang=row["lang"], date=row["date"], claims=found)


def _claim_groups(path: Path) -> Iterator[tuple[int, list[Claim]]]:
    for seq, rows in groupby(_rows(path), key=lambda row: int(row["seq"])):
        yield seq, [row_claim(row) for row in rows]


def _rows(path: Path, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    with pq.ParquetFile(path) as source:
        for batch in source.iter_batches(columns=columns):
            yield from batch.to_pylist()


def read_extracted(path: str | Path) -> Iterator[tuple[RawDocument, DocumentResult]]:
    """Each extracted document of an output folder with its text and claims, for
    loading into the register (`materiel ingest --claims OUT_DIR`)."""
    out_dir = Path(path)
    columns = ["seq", "doc", "url", "title", "date", "lang", "status", "text"]
    for documents in sorted((out_dir / "documents").glob("*.parquet")):
        claims = _claim_groups(out_dir / "claims" / documents.name)
        pending = next(claims, None)
        for row in _rows(documents, columns):
            if row["status"] != "extracted" or not row["text"]:
                continue
            found: list[Claim] = []
            if pending is not None and pending[0] == row["seq"]:
                found, pending = pending[1], next(claims, None)
            meta = {key: row[key] for key in ("url", "title") if row[key]}
            raw = RawDocument(row["doc"], row["text"], row["lang"], row["date"], meta)
            yield (
                raw,
                DocumentResult(doc=row["doc"], lang=row["lang"], date=row["date"], claims=found),
            )
