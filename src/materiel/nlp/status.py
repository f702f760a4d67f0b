"""Status and stance of a claim from the cue words of its clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from materiel.lexicon import Lexicon
from materiel.model import Claim, Evidence, Item, Quantity
from materiel.nlp.doc import Doc, Mention, Sentence, TimeMention, normalise

if TYPE_CHECKING:
    from materiel.nlp.claims import Draft

_NOT_NEGATING = ("niet alleen", "not only", "geen twijfel", "no doubt", "nog niet eerder")


class StatusReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self.order = {group.status: rank for rank, group in enumerate(lexicon.cues.status)}
        self.transfer = lexicon.cues.transfer
        self.negation = {normalise(w) for w in lexicon.cues.negation}
        self.modals = {normalise(w) for w in lexicon.cues.modals}

    def status_from_cues(self, cues: list[Mention], times: list[TimeMention]) -> str | None:
        found = [c.kind for c in cues if c.key == "status"]
        if not found:
            return None
        best = min(found, key=lambda s: self.order.get(s, 99))
        if best == "possible" and any(not t.reporting for t in times) and "expected" in found:
            return "expected"
        if best == "possible" and any(not t.reporting for t in times):
            return "expected"
        return best

    def modal_only(self, doc: Doc, cues: list[Mention]) -> bool:
        words = [normalise(doc.text[c.start : c.end]) for c in cues
                 if c.key == "status" and c.kind == "possible"]
        return bool(words) and all(w in self.modals for w in words)

    def status(self, doc: Doc, cues: list[Mention], cue: Mention | None,
               times: list[TimeMention]) -> str:
        found = self.status_from_cues(cues, times)
        if found:
            return found
        if cue is not None and self.transfer[int(cue.kind)].status:
            return str(self.transfer[int(cue.kind)].status)
        return "delivered"

    def stance(self, doc: Doc, cues: list[Mention], mentions: list[Mention],
               sentence: Sentence) -> str:
        clause_keys = {c.key for c in cues if not self._idle_negation(doc, c)}
        if "denied" in clause_keys:
            return "denied"
        attribution = [m for m in mentions if m.label == "cue" and m.key == "attr_verb"]
        denial_verbs = {m.start for m in mentions if m.label == "cue" and m.key == "denied"}
        if any(m.start in denial_verbs for m in attribution):
            return "denied"
        if "hedged" in clause_keys:
            return "hedged"
        return "asserted"

    def _idle_negation(self, doc: Doc, cue: Mention) -> bool:
        if cue.key != "denied":
            return False
        following = doc.norm[cue.start : cue.end + 12]
        return following.startswith(_NOT_NEGATING)

    def to_claim(self, doc: Doc, draft: Draft) -> Claim:
        sentence = draft.sentence
        unit = draft.unit
        quantity = None
        if draft.quantity is not None and draft.quantity.value is not None:
            q = draft.quantity
            per = q.per if draft.kind != "stock" else None
            quantity = Quantity(value=q.value, approximate=q.approximate, bound=q.bound,  # type: ignore[arg-type]
                                per=per)  # type: ignore[arg-type]
        return Claim(
            kind=draft.kind,  # type: ignore[arg-type]
            supplier=draft.supplier if draft.kind == "transfer" else None,
            recipient=draft.recipient if draft.kind == "transfer" else None,
            holder=draft.holder if draft.kind != "transfer" else None,
            item=Item(text=unit.text or doc.text[unit.start : unit.end],
                      designation=unit.designation, category=unit.category),  # type: ignore[arg-type]
            quantity=quantity,
            status=draft.status if draft.kind == "transfer" else None,  # type: ignore[arg-type]
            stance=draft.stance,  # type: ignore[arg-type]
            sources=draft.sources,
            time=draft.time,
            evidence=Evidence(start=sentence.start, end=sentence.end,
                              text=doc.text[sentence.start : sentence.end]),
        )
