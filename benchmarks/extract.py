"""Extraction throughput and memory on a generated corpus.

Builds documents on the fly from templates in Dutch and English (arms news
mixed with off-topic filler), streams them through the extractor one at a
time, and prints words/s, documents/s and peak RSS, with RSS sampled along
the way to show that memory does not grow with the corpus.

    python benchmarks/extract.py [--megabytes 20] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections.abc import Iterator

from materiel.nlp.doc import Doc
from materiel.nlp.pipeline import build_pipeline, process

SUPPLIERS = {
    "nl": ["Iran", "China", "Noord-Korea", "Duitsland", "Nederland", "de Verenigde Staten"],
    "en": ["Iran", "China", "North Korea", "Germany", "the Netherlands", "the United States"],
}
RECIPIENTS = {
    "nl": ["Rusland", "Oekraïne", "Israël", "Taiwan", "Polen"],
    "en": ["Russia", "Ukraine", "Israel", "Taiwan", "Poland"],
}
ITEMS = {
    "nl": [
        "Shahed-drones",
        "artilleriegranaten",
        "Leopard 2-tanks",
        "F-16's",
        "geweren",
        "Patriot-systemen",
        "kogelwerende vesten",
        "microchips",
        "HIMARS-raketwerpers",
    ],
    "en": [
        "Shahed drones",
        "artillery shells",
        "Leopard 2 tanks",
        "F-16 jets",
        "rifles",
        "Patriot systems",
        "body armour",
        "microchips",
        "HIMARS launchers",
    ],
}
SOURCES = {
    "nl": ["volgens Reuters", "aldus de NOS", "meldt Der Spiegel", "volgens de NAVO"],
    "en": [
        "according to Reuters",
        "the Pentagon said",
        "CNN reported",
        "officials told the Financial Times",
    ],
}
TEMPLATES = {
    "nl": [
        "{s} heeft zo'n {n} {i} aan {r} geleverd, {src}.",
        "{r} vraagt {s} om {i}, {src}.",
        "{s} zou {r} binnenkort {n} {i} sturen.",
        "De voorraad {i} van {r} is geslonken tot ruim {n}, {src}.",
        "{s} produceert per maand {n} {i}, {src}.",
    ],
    "en": [
        "{s} has delivered about {n} {i} to {r}, {src}.",
        "{r} has asked {s} for {i}, {src}.",
        "{s} is reportedly preparing to send {n} {i} to {r}.",
        "{r} has fewer than {n} {i} left in stock, {src}.",
        "{s} produces {n} {i} a month, {src}.",
    ],
}
FILLER = {
    "nl": [
        "De gemeenteraad besprak dinsdag de begroting voor het komende jaar.",
        "Het weer blijft de rest van de week wisselvallig met af en toe een bui.",
        "De voetbalclub won zondag met twee tegen een van de koploper.",
        "Economen verwachten dat de inflatie in het najaar verder daalt.",
    ],
    "en": [
        "The city council discussed next year's budget on Tuesday evening.",
        "Markets closed slightly higher after a quiet day of trading.",
        "The weather will stay changeable for the rest of the week.",
        "The club won on Sunday with a late goal from the substitute.",
    ],
}


def documents(megabytes: float, seed: int) -> Iterator[Doc]:
    rng = random.Random(seed)
    budget = int(megabytes * 1_000_000)
    produced = 0
    number = 0
    while produced < budget:
        lang = rng.choice(("nl", "en"))
        sentences = [_sentence(rng, lang) for _ in range(rng.randint(8, 30))]
        text = " ".join(sentences)
        produced += len(text.encode("utf-8"))
        number += 1
        yield Doc(f"doc-{number}", text, lang, "2024-03-01")


def _sentence(rng: random.Random, lang: str) -> str:
    if rng.random() < 0.55:
        return rng.choice(FILLER[lang])
    return rng.choice(TEMPLATES[lang]).format(
        s=rng.choice(SUPPLIERS[lang]),
        r=rng.choice(RECIPIENTS[lang]),
        i=rng.choice(ITEMS[lang]),
        n=rng.choice(["twintig", "300", "1.500", "40", "honderd", "2,000", "dozens of"]),
        src=rng.choice(SOURCES[lang]),
    )


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    build_pipeline("nl")
    build_pipeline("en")
    print(f"RSS after loading lexicons: {rss_mb():.0f} MB")
    words = docs = claims = size = 0
    checkpoints = {int(args.megabytes * 1e6 * f): f for f in (0.25, 0.5, 0.75)}
    started = time.perf_counter()
    cpu_started = time.process_time()
    for doc in documents(args.megabytes, args.seed):
        size += len(doc.text.encode("utf-8"))
        process(doc)
        words += doc.words
        docs += 1
        claims += len(doc.claims)
        for mark, fraction in list(checkpoints.items()):
            if size >= mark:
                print(f"  {fraction:>4.0%} of corpus: peak RSS {rss_mb():.0f} MB")
                del checkpoints[mark]
    elapsed = time.perf_counter() - started
    # CPU seconds of this one process: the figure for "one core", whatever else
    # the machine runs; wall-clock time is printed beside it
    cpu = time.process_time() - cpu_started
    print(f"corpus: {size / 1e6:.1f} MB, {docs} documents, {words} words, {claims} claims")
    print(f"time: {cpu:.1f} s of CPU on one core ({elapsed:.1f} s wall clock)")
    print(f"throughput: {words / cpu:,.0f} words/s, {docs / cpu:,.1f} documents/s (per CPU second)")
    print(f"wall clock: {words / elapsed:,.0f} words/s")
    print(f"peak RSS: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
