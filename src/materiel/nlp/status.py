"""Status and stance of a claim from the cue words of its clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from materiel.lexicon import Lexicon
from materiel.model import Claim
from materiel.nlp.doc import Doc, Mention, Sentence, TimeMention, normalise
from materiel.nlp.grammar import grammar_words

if TYPE_CHECKING:
    from materiel.nlp.drafts import Draft


class StatusReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self.order: dict[str, int] = {
            group.status: rank for rank, group in enumerate(lexicon.cues.status)
        }
        self.transfer = lexicon.cues.transfer
        self.negation = {normalise(w) for w in lexicon.cues.negation}
        self.modals = {normalise(w) for w in lexicon.cues.modals}
        self.not_negating = grammar_words(lexicon).not_negating

    def status_from_cues(self, cues: list[Mention], times: list[TimeMention]) -> str | None:
        found = [c.kind for c in cues if c.key == "status"]
        if not found:
            return None
        best = min(found, key=lambda status: self.order.get(status, len(self.order)))
        # "could be delivered by April": a possibility with a date is an expectation
        if best == "possible" and any(not t.reporting for t in times):
            return "expected"
        return best

    def modal_only(self, doc: Doc, cues: list[Mention]) -> bool:
        words = [
            normalise(doc.text[c.start : c.end])
            for c in cues
            if c.key == "status" and c.kind == "possible"
        ]
        return bool(words) and all(w in self.modals for w in words)

    def status(
        self, doc: Doc, cues: list[Mention], cue: Mention | None, times: list[TimeMention]
    ) -> str:
        found = self.status_from_cues(cues, times)
        expected = any(c.key == "status" and c.kind == "expected" for c in cues)
        if found == "possible" and expected and self.modal_only(doc, cues):
            return "expected"  # "kan naar verwachting worden geleverd": the modal carries it
        if found:
            return found
        if cue is not None and self.transfer[int(cue.kind)].status:
            return str(self.transfer[int(cue.kind)].status)
        return "delivered"

    def stance(
        self, doc: Doc, cues: list[Mention], mentions: list[Mention], sentence: Sentence
    ) -> str:
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
        return following.startswith(self.not_negating)

    def to_claim(self, doc: Doc, draft: Draft) -> Claim:
        """The claims-v1 object of a finished draft (validated by the model)."""
        sentence, unit, kind = draft.sentence, draft.unit, draft.kind
        quantity = None
        if draft.quantity is not None and draft.quantity.value is not None:
            q = draft.quantity
            quantity = {
                "value": q.value,
                "approximate": q.approximate,
                "bound": q.bound,
                "per": q.per if kind != "stock" else None,
            }
        transfer = kind == "transfer"
        return Claim.model_validate(
            {
                "kind": kind,
                "supplier": draft.supplier if transfer else None,
                "recipient": draft.recipient if transfer else None,
                "holder": None if transfer else draft.holder,
                "item": {
                    "text": unit.text or doc.text[unit.start : unit.end],
                    "designation": unit.designation,
                    "category": unit.category,
                },
                "quantity": quantity,
                "status": draft.status if transfer else None,
                "stance": draft.stance,
                "sources": draft.sources,
                "time": draft.time,
                "evidence": {
                    "start": sentence.start,
                    "end": sentence.end,
                    "text": doc.text[sentence.start : sentence.end],
                },
            }
        )
