"""A generated corpus of short news items for crash and load tests: varied
parties, items, numbers, statuses and sources, some near-duplicate wire
copies, and a few broken lines."""

from __future__ import annotations

import json
import random
from pathlib import Path

SUPPLIERS = [
    "Iran",
    "China",
    "North Korea",
    "Germany",
    "the Netherlands",
    "the United States",
    "France",
    "Turkey",
    "South Korea",
    "Belarus",
]
RECIPIENTS = ["Russia", "Ukraine", "Israel", "Taiwan", "Poland", "Sudan", "Yemen", "Armenia"]
ITEMS = [
    "Shahed drones",
    "artillery shells",
    "Leopard 2 tanks",
    "F-16 jets",
    "rifles",
    "Patriot systems",
    "body armour",
    "microchips",
    "HIMARS launchers",
    "Iskander missiles",
    "howitzers",
    "armoured vehicles",
    "helicopters",
    "air defence systems",
]
SOURCES = [
    "according to Reuters",
    "the Pentagon said",
    "CNN reported",
    "Politico reported",
    "officials told the Financial Times",
    "according to NATO",
    "the BBC reported",
]
TEMPLATES = [
    "{s} has delivered about {n} {i} to {r}, {src}.",
    "{r} has asked {s} for {i}, {src}.",
    "{s} is reportedly preparing to send {n} {i} to {r}.",
    "{s} agreed to sell {n} {i} to {r} in {y}, {src}.",
    "{s} denied that it supplied {i} to {r}.",
    "{r} has received {n} {i} from {s}, {src}.",
]
FILLER = [
    "Talks on a ceasefire stalled again on {d}.",
    "Markets were calm in early trading.",
    "The minister travelled on to {c} for further meetings.",
    "Rain is expected across the region later in the week.",
    "Parliament will debate the budget on {d}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
CITIES = ["Brussels", "Vienna", "Warsaw", "Ankara", "Geneva", "Oslo"]


def sentence(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(
        s=rng.choice(SUPPLIERS),
        r=rng.choice(RECIPIENTS),
        i=rng.choice(ITEMS),
        n=rng.choice([12, 40, 100, 250, 300, 1000, 5000, 20000]),
        src=rng.choice(SOURCES),
        y=rng.choice([2022, 2023, 2024]),
    )


def document(rng: random.Random, number: int) -> dict[str, object]:
    parts = [sentence(rng) for _ in range(rng.randint(1, 3))]
    parts.insert(
        rng.randint(0, len(parts)),
        rng.choice(FILLER).format(d=rng.choice(DAYS), c=rng.choice(CITIES)),
    )
    return {
        "id": f"gen-{number:05d}",
        "lang": "en",
        "date": f"{rng.choice([2022, 2023, 2024])}-"
        f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "outlet": f"Outlet {rng.randint(1, 40)}",
        "text": f"Item {number}. " + " ".join(parts),
    }


def write_corpus(path: Path, count: int, seed: int = 7) -> int:
    """Write `count` documents (every 20th a wire copy of an earlier one) and
    two malformed lines to `path`; the number of readable documents."""
    rng = random.Random(seed)
    docs: list[dict[str, object]] = []
    for number in range(count):
        if number % 20 == 19:
            copy = dict(docs[rng.randrange(len(docs))])
            copy.update(id=f"gen-{number:05d}", outlet=f"Outlet {rng.randint(41, 60)}")
            copy["text"] = f"{copy['text']} (Wire copy, republished by partner {number % 7}.)"
            docs.append(copy)
        else:
            docs.append(document(rng, number))
    lines = [json.dumps(d) for d in docs]
    lines.insert(count // 3, '{"id": "broken-1", "text": ')
    lines.insert(2 * count // 3, "not json at all")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count
