"""A small register written without the extractor: documents with known
claims (one of them carrying script and HTML payloads in its text)."""

from __future__ import annotations

from typing import Any

from materiel.model import Claim
from materiel.store.documents import DocumentRecord, claim_rows, content_hash, ingest_document
from materiel.store.engine import Store

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)> Iran sent 50 drones.'

DOCS: list[dict[str, Any]] = [
    {
        "key": "herald-1.txt",
        "title": "Drones for Russia",
        "date": "2024-05-02",
        "text": "Intro line. Iran delivered 300 Shahed drones to Russia, Reuters reported. "
        "Tehran denied that.",
        "claims": [
            ("transfer", "IR", "RU", "Shahed-136", "uav", 300, "delivered", "asserted",
             ["Reuters"], (12, 72)),
            ("transfer", "IR", "RU", "Shahed-136", "uav", None, "delivered", "denied",
             ["Iranian government"], (73, 91)),
        ],
    },
    {
        "key": "monitor-2.txt",
        "title": "Shells <b>and</b> more",
        "date": "2024-06-10",
        "text": "North Korea shipped 1,000 shells to Russia last month. " + PAYLOAD,
        "claims": [
            ("transfer", "KP", "RU", None, "ammunition", 1000, "delivered", "asserted",
             [], (0, 53)),
            ("transfer", "IR", "RU", "Shahed-136", "uav", 50, "delivered", "hedged",
             ["<b>Spy</b>"], (54, 54 + len(PAYLOAD))),
        ],
    },
]  # fmt: skip


def _claim(spec: tuple[Any, ...], text: str) -> Claim:
    kind, supplier, recipient, designation, category, value, status, stance, sources, span = spec
    start, end = span
    return Claim.model_validate(
        {
            "kind": kind, "supplier": supplier, "recipient": recipient,
            "item": {"text": designation or category, "designation": designation,
                     "category": category},
            "quantity": None if value is None else {"value": value},
            "status": status, "stance": stance, "sources": sources,
            "evidence": {"start": start, "end": end, "text": text[start:end]},
        }
    )  # fmt: skip


def seed(store: Store) -> list[int]:
    """Write the documents; their ids."""
    ids = []
    with store.write() as conn:
        for doc in DOCS:
            record = DocumentRecord(
                hash=content_hash(doc["text"]), doc_key=doc["key"], text=doc["text"],
                rows=claim_rows([_claim(c, doc["text"]) for c in doc["claims"]], doc["date"]),
                outlet="Herald",
                title=doc["title"], date=doc["date"], lang="en",
            )  # fmt: skip
            ids.append(ingest_document(conn, record, None))
    return ids
