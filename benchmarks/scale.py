"""Corpus-scale throughput: one process, the local pool, a 2-worker LocalCluster.

Generates a news stream like the one a GDELT-scale user watches: mostly
off-topic articles (politics, economy, sport, weather; some in languages
without a lexicon; some that name a country and a word like "Rockets" or
"tanks" without being about arms) with about 5% arms news, written as
gzip JSON Lines and Parquet shards. Then runs the same job with each engine
and prints documents/s, the scaling efficiency, the time a day of 1,000,000
articles takes per core, the share the prefilter skips, and a worker's peak
RSS on a small and on a large shard.

    python benchmarks/scale.py [--documents 200000] [--shards 16] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from materiel.scale import JobReport, Options, find_shards, run_job
from materiel.scale.engine import cores

COUNTRIES = ["France", "Japan", "Brazil", "China", "Germany", "India", "Kenya", "Canada", "Mexico"]
LANDEN = ["Frankrijk", "Japan", "Brazilië", "China", "Duitsland", "India", "België", "Spanje"]
CITIES = ["Lyon", "Osaka", "Leeds", "Utrecht", "Denver", "Porto", "Graz", "Turku"]
TEAMS = ["the Rockets", "the Jets", "the Lakers", "United", "the Tigers", "Ajax", "the Falcons"]
# off-topic articles keep to one subject, as real ones do
OFF_EN = {
    "economy": [
        "Exports from {c} rose by {n} percent in the first quarter, the statistics office said.",
        "The central bank of {c} kept its interest rate unchanged at {n} percent on {d}.",
        "Shares in the carmaker fell {n} percent after it cut its forecast for the year.",
        "Unemployment in {c} fell to {n} percent, its lowest level in a decade.",
        "Farmers in {c} expect a smaller harvest after a dry spring, a union said.",
    ],
    "clubs": [
        "{t} beat {t2} {n} to {m} on {d} night in front of a sold-out crowd.",
        "The coach said the team had played its best game of the season.",
        "The striker scored twice in the second half and was named player of the match.",
        "The club completed the transfer of a midfielder from {c} on {d}.",
    ],
    "nations": [
        "{c} beat {c2} {m} to {m2} in the qualifier on {d}.",
        "The coach of {c} named three new players for the summer tour.",
        "The striker scored twice in the second half and was named player of the match.",
    ],
    "city": [
        "The city council of {city} approved a budget of {n} million for new schools.",
        "Heavy rain is expected in {city} until {d}, with up to {n} millimetres in places.",
        "Police in {city} closed the main road for {n} hours after a water main burst.",
        "The fish tanks at the {city} aquarium hold {n} species from the Pacific.",
        "The festival in {city} sold {n} tickets in its first hour on {d}.",
    ],
}
OFF_NL = {
    "economie": [
        "De export van {l} steeg in het eerste kwartaal met {n} procent.",
        "Economen verwachten dat de inflatie in {l} in het najaar verder daalt.",
        "De premier van {l} sprak met werkgevers over de hoge energieprijzen.",
    ],
    "stad": [
        "De gemeenteraad van {city} trok {n} miljoen euro uit voor nieuwe scholen.",
        "Het weer blijft tot {d} wisselvallig met af en toe een bui in {city}.",
        "Het museum in {city} toont {n} schilderijen uit particuliere collecties.",
    ],
    "sport": [
        "Ajax won {d} met {m} tegen {m2} van de koploper.",
        "De trainer was na afloop tevreden over de tweede helft.",
    ],
}
OFF_OTHER = {
    "de": "Die Wirtschaft in {c} wuchs im ersten Quartal um {n} Prozent, teilte das Amt mit.",
    "fr": "La ville de {city} a voté un budget de {n} millions pour les écoles.",
    "es": "El equipo ganó {n} a {m} el {d} ante un estadio lleno en {city}.",
}
ARMS_EN = [
    "{s} has delivered about {n} {i} to {r}, according to Reuters.",
    "{r} has asked {s} for more {i}, the Pentagon said.",
    "{s} is reportedly preparing to send {n} {i} to {r}.",
    "{s} denied that it had supplied {i} to {r}.",
]
ARMS_NL = [
    "{s} heeft volgens Reuters zo'n {n} {i} aan {r} geleverd.",
    "{r} vraagt {s} om {i}, meldt de NOS.",
    "{s} zou {r} binnenkort {n} {i} sturen.",
]
SUPPLIERS = {"en": ["Iran", "North Korea", "Germany", "France"], "nl": ["Iran", "Duitsland"]}
RECIPIENTS = {"en": ["Russia", "Ukraine", "Poland"], "nl": ["Rusland", "Oekraïne", "Polen"]}
ITEMS = {
    "en": ["artillery shells", "Shahed drones", "Leopard 2 tanks", "rifles", "Patriot systems"],
    "nl": ["artilleriegranaten", "Shahed-drones", "Leopard 2-tanks", "geweren", "F-16's"],
}
DAYS = ["Monday", "Tuesday", "Friday", "Sunday"]


def _fill(rng: random.Random, template: str, lang: str) -> str:
    return template.format(
        c=rng.choice(COUNTRIES),
        c2=rng.choice(COUNTRIES),
        l=rng.choice(LANDEN),
        city=rng.choice(CITIES),
        t=(lambda team: team[:1].upper() + team[1:])(rng.choice(TEAMS)),
        t2=rng.choice(TEAMS),
        n=rng.randint(2, 900),
        m=rng.randint(0, 9),
        m2=rng.randint(0, 9),
        d=rng.choice(DAYS),
        s=rng.choice(SUPPLIERS.get(lang, ["Iran"])),
        r=rng.choice(RECIPIENTS.get(lang, ["Russia"])),
        i=rng.choice(ITEMS.get(lang, ["rifles"])),
    )


def article(rng: random.Random, number: int) -> dict[str, Any]:
    """One article: 5% arms news, 15% in other languages, the rest off-topic."""
    roll = rng.random()
    lang = "nl" if rng.random() < 0.3 else "en"
    if roll < 0.15:
        lang = rng.choice(sorted(OFF_OTHER))
        templates = [OFF_OTHER[lang]]
    else:
        topics = OFF_NL if lang == "nl" else OFF_EN
        templates = rng.sample(topics[rng.choice(sorted(topics))], 2)
    sentences = [_fill(rng, rng.choice(templates), lang) for _ in range(rng.randint(8, 30))]
    if roll > 0.95:
        arms = ARMS_NL if lang == "nl" else ARMS_EN
        sentences[1:1] = [_fill(rng, rng.choice(arms), lang) for _ in range(rng.randint(1, 3))]
    record = {"id": f"a{number}", "url": f"https://news.example/{number}", "date": "2024-05-02"}
    record["text"] = " ".join(sentences)
    if rng.random() < 0.9:  # most feeds carry a language; the others are detected
        record["lang"] = lang
    return record


def write_corpus(folder: Path, documents: int, shards: int, seed: int) -> None:
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    per_shard = documents // shards
    for index in range(shards):
        records = [article(rng, index * per_shard + n) for n in range(per_shard)]
        if index % 4 == 3:
            write_parquet(folder / f"day-{index:03d}.parquet", records)
        else:
            write_jsonl(folder / f"day-{index:03d}.jsonl.gz", records)


def write_parquet(path: Path, records: list[dict[str, Any]]) -> None:
    columns = {k: [r.get(k) for r in records] for k in ("id", "url", "date", "lang", "text")}
    pq.write_table(pa.table(columns), path, row_group_size=2000)


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_bytes(gzip.compress(lines.encode(), 6))


def memory(work: Path) -> None:
    """Peak RSS of one pool worker on a small shard, then on a shard 25 times larger."""
    rng = random.Random(7)
    for size in (2_000, 50_000):
        folder = work / f"memory-{size}"
        folder.mkdir()
        write_jsonl(folder / "one.jsonl.gz", [article(rng, n) for n in range(size)])
        shards = find_shards([str(folder)])
        report = run_job(shards, work / f"memory-out-{size}", Options(), "pool", 1)
        print(f"peak RSS of a worker on a shard of {size:,} documents: {peak_mb(report):.0f} MB")


def timed(label: str, job: Callable[[], JobReport]) -> tuple[float, JobReport]:
    started = time.perf_counter()
    report = job()
    elapsed = time.perf_counter() - started
    rate = report.total() / elapsed
    print(f"{label:<28} {elapsed:7.1f} s  {rate:9,.0f} documents/s", flush=True)
    assert not report.failed, report.failed
    return rate, report


def peak_mb(report: JobReport) -> float:
    return max(r.peak_rss_mb for r in report.shards)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200_000)
    parser.add_argument("--shards", type=int, default=16)
    parser.add_argument("--corpus", type=Path, help="keep the generated corpus here")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="materiel-scale-"))
    corpus = args.corpus or work / "corpus"
    if not corpus.exists():
        started = time.perf_counter()
        write_corpus(corpus, args.documents, args.shards, args.seed)
        print(f"generated {args.documents:,} documents in {time.perf_counter() - started:.0f} s")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    try:
        memory(work)
        run_all(find_shards([str(corpus)]), work)
        print(f"load average after: {os.getloadavg()[0]:.1f} (other processes share these cores)")
    finally:
        shutil.rmtree(work)


def run_all(shards: list[Any], work: Path) -> None:
    workers = min(2, cores())
    print(f"{len(shards)} shards, {cores()} cores; times include start-up and lexicon loading")
    engines = {"one process": ("serial", 1), "pool": ("pool", workers), "Dask": ("dask", workers)}
    rates, reports = {}, {}
    for name, (engine, count) in engines.items():
        label = name if count == 1 else f"{name} ({count} processes)"
        job = partial(run_job, shards, work / engine, Options(), engine, count)
        rates[name], reports[name] = timed(label, job)
    single = rates["one process"]
    print(
        f"scaling efficiency: pool {rates['pool'] / single / workers:.0%}, "
        f"Dask {rates['Dask'] / single / workers:.0%}"
    )
    for name, rate in rates.items():
        hours = 1e6 / (rate / engines[name][1]) / 3600
        print(
            f"1,000,000 articles, {name}: {hours:.2f} core-hours by the clock, "
            f"{cpu_hours(reports[name]):.2f} by the workers' CPU time"
        )
    print_statuses(reports["one process"])
    print(
        f"peak RSS of a worker: pool {peak_mb(reports['pool']):.0f} MB, "
        f"Dask {peak_mb(reports['Dask']):.0f} MB"
    )


def cpu_hours(report: JobReport) -> float:
    """CPU core-hours per 1,000,000 documents, from what the workers spent."""
    return 1e6 * sum(r.cpu_seconds for r in report.shards) / report.total() / 3600


def print_statuses(report: JobReport) -> None:
    for status in ("prefiltered", "no_lexicon", "extracted", "no_lang", "empty"):
        print(f"  {status:<12} {report.total(status) / report.total():6.1%}")
    print(f"claims: {report.claims:,}")


if __name__ == "__main__":
    main()
