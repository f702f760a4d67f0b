"""Synthetic registers: claims written into a temporary store through the
store's own functions, so the analyses read exactly what `ingest` would write."""

from __future__ import annotations

from typing import Any

from materiel.model import Claim
from materiel.store.documents import DocumentRecord, claim_rows, content_hash, ingest_document
from materiel.store.engine import Store


def claim(kind: str, item: str, category: str, **fields: Any) -> Claim:
    """A claims-v1 claim; `value`, `approximate`, `per` make its quantity."""
    quantity = None
    if "value" in fields:
        quantity = {
            "value": fields.pop("value"),
            "approximate": fields.pop("approximate", False),
            "bound": fields.pop("bound", None),
            "per": fields.pop("per", None),
        }
    text = fields.pop("text", f"{kind} of {item}")
    return Claim.model_validate({
        "kind": kind,
        "item": {"text": item, "designation": item if item[0].isupper() else None,
                 "category": category},
        "quantity": quantity,
        "evidence": {"start": 0, "end": len(text), "text": text},
        **fields,
    })  # fmt: skip


def add_document(store: Store, key: str, date: str, claims: list[Claim], outlet: str = "") -> None:
    """One document holding `claims` (its text is unique to `key`)."""
    text = f"{key}: " + " ".join(c.evidence.text for c in claims)
    record = DocumentRecord(
        hash=content_hash(text), doc_key=key, text=text, rows=claim_rows(claims, date), date=date,
        outlet=outlet or None, lang="en",
    )  # fmt: skip
    with store.write() as conn:
        ingest_document(conn, record, None)
