"""Claim matching and the scores of claims-v1's Scoring section."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from materiel.model import KINDS, Claim

FIELDS = ("quantity", "status", "stance", "sources")


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    fields: dict[str, float] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0.0))

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.fields[name] / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }
        out.update({f"{name}_accuracy": round(self.accuracy(name), 4) for name in FIELDS})
        return out


@dataclass
class Scores:
    total: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    pairs: list[tuple[str, Claim | None, Claim | None]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "all": self.total.as_dict(),
            "by_kind": {k: t.as_dict() for k, t in self.by_kind.items() if t.gold or t.predicted},
        }


def score(documents: Iterable[tuple[str, list[Claim], list[Claim]]]) -> Scores:
    """Score (doc id, gold claims, predicted claims) triples."""
    scores = Scores()
    for doc, gold, predicted in documents:
        matches = match_claims(gold, predicted)
        for claim in gold:
            scores.total.gold += 1
            scores.by_kind[claim.kind].gold += 1
        for claim in predicted:
            scores.total.predicted += 1
            scores.by_kind[claim.kind].predicted += 1
        matched_pred = {id(p) for _, p in matches}
        for g, p in matches:
            for tally in (scores.total, scores.by_kind[g.kind]):
                tally.matched += 1
                for name, value in field_agreement(g, p).items():
                    tally.fields[name] += value
            scores.pairs.append((doc, g, p))
        matched_gold = {id(g) for g, _ in matches}
        scores.pairs.extend((doc, g, None) for g in gold if id(g) not in matched_gold)
        scores.pairs.extend((doc, None, p) for p in predicted if id(p) not in matched_pred)
    return scores


def match_claims(gold: list[Claim], predicted: list[Claim]) -> list[tuple[Claim, Claim]]:
    """Each gold claim matches at most one prediction; the best-agreeing first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if _same_fact(g, p):
                agreement = sum(field_agreement(g, p).values())
                candidates.append((-agreement, -_overlap(g, p), gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gold[gi], predicted[pi]))
    return out


def _same_fact(g: Claim, p: Claim) -> bool:
    if (g.kind, g.supplier, g.recipient, g.holder) != (p.kind, p.supplier, p.recipient, p.holder):
        return False
    if g.item.designation:
        if (p.item.designation or "").lower() != g.item.designation.lower():
            return False
    elif g.item.category != p.item.category:
        return False
    return _overlap(g, p) > 0


def _overlap(g: Claim, p: Claim) -> int:
    return min(g.evidence.end, p.evidence.end) - max(g.evidence.start, p.evidence.start)


def field_agreement(g: Claim, p: Claim) -> dict[str, float]:
    return {
        "quantity": float(_same_quantity(g, p)),
        "status": float(g.status == p.status),
        "stance": float(g.stance == p.stance),
        "sources": sources_f1(g.sources, p.sources),
    }


def _same_quantity(g: Claim, p: Claim) -> bool:
    if g.quantity is None or p.quantity is None:
        return g.quantity is None and p.quantity is None
    if g.quantity.per != p.quantity.per:
        return False
    return abs(g.quantity.value - p.quantity.value) <= 0.01 * abs(g.quantity.value)


def sources_f1(gold: list[str], predicted: list[str]) -> float:
    g = {s.casefold() for s in gold}
    p = {s.casefold() for s in predicted}
    if not g and not p:
        return 1.0
    common = len(g & p)
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)
