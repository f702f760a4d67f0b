"""One partition: read a shard in batches, prefilter, extract, write Parquet.

`run_shard` is the unit of work every engine runs (in-process, in a process
pool, on a Dask worker). It never raises for a bad shard: the report carries
the error, naming the shard, so that the other shards go on.
"""

from __future__ import annotations

import hashlib
import sys
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from materiel.exc import InputError, MaterielError, UnsupportedLanguage
from materiel.ingest.readers import MAX_BYTES, RawDocument
from materiel.lexicon import available_languages
from materiel.model import DocumentResult
from materiel.nlp.extract import extract_document
from materiel.scale.parquet import PartitionWriter, claim_row, partition_done
from materiel.scale.prefilter import Prefilter, build_prefilter
from materiel.scale.shards import BATCH_SIZE, Record, Shard, read_batches

# what a malformed or unreadable shard raises (ArrowInvalid and JSON errors are ValueErrors)
SHARD_ERRORS = (MaterielError, OSError, EOFError, ValueError, zlib.error)
STATUSES = ("extracted", "prefiltered", "no_lexicon", "no_lang", "empty")


@dataclass(frozen=True)
class Options:
    lang: str | None = None  # forced language; None: each record's, else detected
    date: str | None = None  # forced date; None: each record's
    overlays: tuple[Path, ...] = ()
    prefilter: bool = True
    batch_size: int = BATCH_SIZE
    max_bytes: int = MAX_BYTES


@dataclass
class ShardReport:
    shard: str
    partition: str
    statuses: dict[str, int] = field(default_factory=dict)
    claims: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # of the process that ran the shard, while it ran it
    existed: bool = False  # written by an earlier run, left as it was
    error: str | None = None
    peak_rss_mb: float = 0.0  # of the process that ran the shard, so far

    @property
    def documents(self) -> int:
        return sum(self.statuses.values())


def run_shard(shard: Shard, out_dir: str, options: Options) -> ShardReport:
    """Extract one shard into `out_dir`, unless an earlier run already did."""
    report = ShardReport(shard.path, shard.name)
    if partition_done(Path(out_dir), shard.name):
        report.existed = True
        return report
    started, cpu = time.perf_counter(), time.process_time()
    try:
        _extract_shard(shard, Path(out_dir), options, report)
    except SHARD_ERRORS as err:
        message = str(err) if str(err).startswith(shard.path) else f"{shard.path}: {err}"
        report.error = message or f"{shard.path}: {type(err).__name__}"
        report.statuses, report.claims = {}, 0
    report.seconds = time.perf_counter() - started
    report.cpu_seconds = time.process_time() - cpu
    report.peak_rss_mb = peak_rss_mb()
    return report


def peak_rss_mb() -> float:
    """The peak resident memory of this process (0 where the OS does not say).

    On Linux VmHWM, not ru_maxrss: that keeps the parent's size when a process
    was forked and then exec'd, as spawned pool and Dask workers are."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def _extract_shard(shard: Shard, out_dir: Path, options: Options, report: ShardReport) -> None:
    prefilter = build_prefilter(options.overlays) if options.prefilter else None
    known = frozenset(available_languages())
    counts: Counter[str] = Counter()
    writer = PartitionWriter(out_dir, shard.name, shard.path)
    try:
        for batch in read_batches(shard.path, options.batch_size, options.max_bytes):
            documents, claims = _batch_rows(batch, options, prefilter, known, counts)
            writer.write(documents, claims)
    except BaseException:
        writer.abort()
        raise
    writer.commit()
    report.statuses = {s: counts[s] for s in STATUSES if counts[s]}
    report.claims = counts["_claims"]


def _batch_rows(
    batch: list[Record],
    options: Options,
    prefilter: Prefilter | None,
    known: frozenset[str],
    counts: Counter[str],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    documents, claims = [], []
    for record in batch:
        status, result = classify(record, options, prefilter, known)
        counts[status] += 1
        documents.append(document_row(record, status, result, options))
        if result is not None:
            counts["_claims"] += len(result.claims)
            claims += [claim_row(record.seq, record.id, i, c) for i, c in enumerate(result.claims)]
    return documents, claims


def classify(
    record: Record, options: Options, prefilter: Prefilter | None, known: frozenset[str]
) -> tuple[str, DocumentResult | None]:
    """The record's status, and its result when it went through the extractor."""
    if record.text is None:
        return "empty", None
    lang = options.lang or record.lang
    if lang is not None and lang not in known:
        return "no_lexicon", None
    if prefilter is not None and not prefilter.passes(record.text):
        return "prefiltered", None
    raw = RawDocument(record.id, record.text, record.lang, record.date)
    try:
        return "extracted", extract_document(raw, options.lang, options.date, options.overlays)
    except UnsupportedLanguage:
        return "no_lexicon", None
    except InputError:
        return "no_lang", None


def document_row(
    record: Record, status: str, result: DocumentResult | None, options: Options
) -> dict[str, Any]:
    text = record.text
    return {
        "seq": record.seq,
        "doc": record.id,
        "url": record.url,
        "date": options.date or record.date,
        "lang": result.lang if result else options.lang or record.lang,
        "title": record.title,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest() if text else None,
        "status": status,
        "claims": len(result.claims) if result else 0,
        "text": text if result else None,
    }
