"""Assemble claims from a sentence's annotations, clause by clause."""

from __future__ import annotations

from itertools import pairwise

from materiel.lexicon import Lexicon
from materiel.nlp.anaphora import PartyReferences
from materiel.nlp.clause_rules import (
    antecedent_party,
    at_target,
    carry_designations,
    earlier_units,
    has_destination,
    has_origin,
    previous_word,
    transferred,
)
from materiel.nlp.context import fill_implied_parties
from materiel.nlp.doc import Clause, Doc, Mention, QuantityMention, Sentence
from materiel.nlp.drafts import (
    Draft,
    ReadState,
    SentenceIndex,
    claim_time,
    complete,
    dedupe,
    denial_of_previous,
    fill_from_source,
    in_spans,
    weak,
    with_partners,
)
from materiel.nlp.figures import (
    NUMERIC_KINDS,
    made_for,
    numeric_drafts,
    quantity_before,
    relative_figures,
    source_of_goods,
)
from materiel.nlp.grammar import grammar_words
from materiel.nlp.items import ItemUnit, item_units
from materiel.nlp.roles import (
    PartyUse,
    holder_of,
    listed,
    partners,
    party_uses,
    transfer_roles,
)
from materiel.nlp.status import StatusReader

# statuses whose words alone (with an item and a party) make a transfer claim
_TRIGGER_STATUSES = {"considering", "requested", "negotiating", "agreed"}


class ClaimBuilder:
    name = "claims"
    requires: tuple[str, ...] = (
        "sentences",
        "mentions",
        "quantities",
        "times",
        "clauses",
        "sources",
    )
    assigns: tuple[str, ...] = ("claims",)

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.status = StatusReader(lexicon)
        self.references = PartyReferences(lexicon)
        self.transfer_cues = lexicon.cues.transfer
        self.nominalisers = {w.lower() for w in lexicon.cues.nominalisers}
        cues = lexicon.cues
        self.grammar = grammar_words(lexicon)
        self.negation = {w.lower() for w in cues.negation}
        self.joiners = {w.lower() for w in cues.coordinators + cues.direction.recipient}

    def __call__(self, doc: Doc) -> Doc:
        state = ReadState()
        drafts: list[Draft] = []
        spans = SentenceIndex(doc)
        for sentence in doc.sentences:
            drafts.extend(self._sentence(doc, sentence, spans, state))
        fill_implied_parties(drafts, doc, self.lexicon)
        kept = [d for d in dedupe(drafts) if complete(d) and not weak(d)]
        doc.claims = [self.status.to_claim(doc, d) for d in kept]
        return doc

    def _sentence(
        self, doc: Doc, sentence: Sentence, spans: SentenceIndex, state: ReadState
    ) -> list[Draft]:
        mentions = spans.mentions(sentence)
        if sentence.question and not any(m.key == "hedged" for m in mentions if m.label == "cue"):
            return []
        units = item_units(doc, mentions, self.lexicon)
        carry_designations(doc, units, state, self.grammar)
        sources = [ref.name for ref in sentence.sources]
        drafts: list[Draft] = []
        carried = False
        previous_last_party: Mention | None = None
        subjects: list[Mention | None] = []  # the last party of each clause so far
        for clause in sentence.clauses:
            antecedent = previous_last_party
            if clause.resumes and len(subjects) >= 2:
                # "Russia, which wants a base, is prepared to supply ...": Russia
                antecedent = subjects[-2]
            found, used_anaphora, last_party = self._clause(
                doc, sentence, clause, mentions, units, spans, state, antecedent
            )
            subjects.append(last_party)
            previous_last_party = last_party or previous_last_party
            carried = carried or used_anaphora
            drafts.extend(found)
            for draft in found:
                if draft.kind in NUMERIC_KINDS:
                    state.numeric = draft
                    state.holder = draft.holder
        if not drafts and not units:
            drafts = denial_of_previous(doc, sentence, mentions, state, self.negation)
        own_sources = sources or (state.sources if carried else [])
        for draft in drafts:
            draft.sources = list(own_sources)
        state.units = units or state.units
        state.sources = own_sources
        transfers = [d for d in drafts if d.kind == "transfer" and d.stance != "denied"]
        state.transfers = transfers or ([] if drafts else state.transfers)
        return drafts

    def _clause(
        self,
        doc: Doc,
        sentence: Sentence,
        clause: Clause,
        mentions: list[Mention],
        units: list[ItemUnit],
        spans: SentenceIndex,
        state: ReadState,
        antecedent: Mention | None,
    ) -> tuple[list[Draft], bool, Mention | None]:
        inside = [m for m in mentions if clause.start <= m.start < clause.end]
        all_parties = [
            m for m in inside if m.label == "party" and not in_spans(m, sentence.source_spans)
        ]
        all_parties += self.references.resolve(doc, inside, mentions)
        all_parties.sort(key=lambda m: m.start)
        parties = [m for m in all_parties if not in_spans(m, sentence.fallback_spans)]
        fallback = [m.key for m in all_parties if in_spans(m, sentence.fallback_spans)]
        last_party = parties[-1] if parties else None
        if clause.hypothetical:
            return [], False, last_party
        cues = [m for m in inside if m.label == "cue"]
        clause_units = [u for u in units if clause.start <= u.start < clause.end]
        quantities = [q for q in spans.quantities(sentence) if clause.start <= q.start < clause.end]
        times = [t for t in spans.times(sentence) if clause.start <= t.start < clause.end]
        transfer = self._transfer_cue(doc, cues, all_parties)
        if transfer is not None and fallback and not any(m.start < transfer.start for m in parties):
            # "Iran ontkende de groep raketten te leveren": the source is the subject
            parties = [m for m in all_parties if m.start < transfer.start] + parties
            fallback = []
        numeric = [c for c in cues if c.key in NUMERIC_KINDS and not source_of_goods(doc, c, cues)]
        if transfer is not None and quantities and at_target(transfer, cues, all_parties):
            # "Russia sent 800 drones against Ukrainian cities": launched, not supplied
            numeric.append(Mention(transfer.start, transfer.end, "cue", "consumption", ""))
            transfer = None
        anaphora = False
        if not clause_units and (transfer or (numeric and quantities)):
            clause_units = earlier_units(doc, units, clause, self.grammar)
            if not clause_units and any(c.key == "item_anaphora" for c in cues):
                clause_units = list(state.units[-1:])
                anaphora = bool(clause_units)
        heads = [u.start for u in clause_units] + [
            c.start for c in cues if c.key == "transfer" or c.key in NUMERIC_KINDS
        ]
        items = frozenset(u.start for u in clause_units)
        uses = party_uses(doc, parties, cues, heads, items, self.grammar)
        relative_antecedent = antecedent_party(doc, clause, antecedent, units, self.grammar)
        holder = relative_antecedent or holder_of(uses) or state.holder
        drafts = numeric_drafts(doc, clause_units, quantities, numeric, uses, holder)
        if drafts and any(d.kind == "production" for d in drafts):
            status = self.status.status_from_cues(cues, times) or "expected"
            drafts += made_for(drafts, uses, status)
        if transfer is not None or self._status_trigger(cues, parties, clause_units):
            drafts += self._transfers(
                doc, clause_units, quantities, transfer, cues, uses, relative_antecedent
            )
        if not drafts and state.numeric and any(q.multiplier for q in quantities):
            drafts += relative_figures(state.numeric, quantities, sentence)
            anaphora = anaphora or bool(drafts)
        if any(c.key in ("denied", "pronoun") for c in cues):
            # "Iran ontkende dat het drones levert": the denying state is the party
            fill_from_source(drafts, fallback)
        for draft in drafts:
            draft.sentence = sentence
            draft.time = draft.time or claim_time(times)
            if draft.kind == "transfer" and draft.status is None:
                draft.status = self.status.status(doc, cues, transfer, times)
                draft.modal_only = self.status.modal_only(doc, cues)
            draft.stance = self.status.stance(doc, cues, mentions, sentence)
        return drafts, anaphora, last_party

    def _transfer_cue(
        self, doc: Doc, cues: list[Mention], parties: list[Mention]
    ) -> Mention | None:
        for cue in cues:
            if cue.key != "transfer":
                continue
            spec = self.transfer_cues[int(cue.kind)]
            if previous_word(doc, cue.start) in self.nominalisers:
                continue
            if spec.requires_origin and not has_origin(doc, cue, cues, parties, self.grammar):
                continue
            if spec.arrival and not has_destination(cues, parties):
                continue
            if spec.requires_object and not any(0 < p.start - cue.end <= 12 for p in parties):
                continue
            return self._infinitive(doc, cue, cues)
        return None

    def _infinitive(self, doc: Doc, cue: Mention, cues: list[Mention]) -> Mention:
        """ "seeking to provide", "wil ... te leveren": the verb that follows says who gives."""
        for later in cues:
            if later.key == "transfer" and later.start > cue.end:
                gap = doc.norm[cue.end : later.start].split()
                if gap and all(w in self.grammar.infinitive_markers for w in gap):
                    return later
        return cue

    def _status_trigger(
        self, cues: list[Mention], parties: list[Mention], units: list[ItemUnit]
    ) -> bool:
        return bool(parties and units) and any(
            c.key == "status" and c.kind in _TRIGGER_STATUSES for c in cues
        )

    def _transfers(
        self,
        doc: Doc,
        units: list[ItemUnit],
        quantities: list[QuantityMention],
        cue: Mention | None,
        cues: list[Mention],
        uses: list[PartyUse],
        antecedent: str | None,
    ) -> list[Draft]:
        subject = self._subject_role(cue, cues)
        spec = self.transfer_cues[int(cue.kind)] if cue is not None else None
        arrival = spec is not None and spec.arrival
        # "bestelt lanceerinrichtingen in de Verenigde Staten": bought there
        buying = spec is not None and spec.subject == "recipient" and spec.status != "requested"
        buying = buying and spec is not None and spec.status != "delivered"
        roles = transfer_roles(uses, cue, subject, antecedent, arrival, self.grammar, buying)
        if not units and spec is not None and spec.names_item:
            text = doc.text[cue.start : cue.end] if cue else ""
            units = [
                ItemUnit(
                    cue.start if cue else 0,
                    cue.end if cue else 0,
                    "weapons_unspecified",
                    None,
                    text,
                    cue_only=True,
                )
            ]
        out = []
        for unit in transferred(doc, units, cues, self.grammar):
            draft = Draft("transfer", unit, Sentence(0, 0), roles.supplier, roles.recipient)
            draft.quantity = quantity_before(doc, unit, quantities)
            draft.bought = subject == "recipient"
            out.append(draft)
        out += with_partners(out, partners(uses), subject)
        for key, role in listed(uses, roles):
            out += with_partners(out, [key], role)
        return out + with_partners(
            out, self._co_recipients(doc, uses, roles.recipient), "recipient"
        )

    def _co_recipients(self, doc: Doc, uses: list[PartyUse], recipient: str | None) -> list[str]:
        """ "to Wagner or to the Russian military": every recipient in the list."""
        joiners = self.joiners
        out: list[str] = []
        to = [u.mention for u in uses if u.direction == "to"]
        for previous, mention in pairwise(to):
            gap = doc.norm[previous.end : mention.start].replace(",", " ").split()
            if mention.key != recipient and all(w in joiners or len(w) <= 3 for w in gap):
                out.append(mention.key)
        return out

    def _subject_role(self, cue: Mention | None, cues: list[Mention]) -> str:
        if cue is not None:
            return self.transfer_cues[int(cue.kind)].subject
        statuses = {c.kind for c in cues if c.key == "status"}
        return "recipient" if "requested" in statuses else "supplier"
