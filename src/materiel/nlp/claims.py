"""Assemble claims from a sentence's annotations, clause by clause."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from itertools import pairwise

from materiel.lexicon import Lexicon
from materiel.nlp.context import fill_implied_parties
from materiel.nlp.doc import Clause, Doc, Mention, QuantityMention, Sentence, TimeMention
from materiel.nlp.grammar import GrammarWords, grammar_words
from materiel.nlp.items import ItemUnit, item_units
from materiel.nlp.roles import (
    PartyUse,
    governing,
    holder_of,
    listed,
    partners,
    party_uses,
    transfer_roles,
)
from materiel.nlp.status import StatusReader

NUMERIC_KINDS = ("consumption", "production", "stock")
_VERB_CUES = ("transfer", "status", *NUMERIC_KINDS)
_ANAPHORA = {
    "state_anaphora": ("state",),
    "group_anaphora": ("group", "organisation"),
    "pronoun": ("state", "group"),
}
# how far after a usage verb its origin may stand ("gebruikt ... drones uit Iran")
_ORIGIN_REACH = 50
# statuses whose words alone (with an item and a party) make a transfer claim
_TRIGGER_STATUSES = {"considering", "requested", "negotiating", "agreed"}


@dataclass
class Draft:
    kind: str
    unit: ItemUnit
    sentence: Sentence
    supplier: str | None = None
    recipient: str | None = None
    holder: str | None = None
    quantity: QuantityMention | None = None
    status: str | None = None
    stance: str = "asserted"
    sources: list[str] = field(default_factory=list)
    time: str | None = None
    implied: set[str] = field(default_factory=set)  # roles filled from context
    bought: bool = False  # the cue's subject is the buyer ("Poland ordered ...")
    modal_only: bool = False  # status `possible` from a bare modal verb


@dataclass
class _State:
    """What the previous sentences leave for anaphora."""

    units: list[ItemUnit] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    holder: str | None = None
    numeric: Draft | None = None
    systems: dict[str, str] = field(default_factory=dict)  # category -> last designation
    transfers: list[Draft] = field(default_factory=list)  # of the previous sentence


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
        self.transfer_cues = lexicon.cues.transfer
        self.nominalisers = {w.lower() for w in lexicon.cues.nominalisers}
        cues = lexicon.cues
        self.grammar = grammar_words(lexicon)
        self.negation = {w.lower() for w in cues.negation}
        self.joiners = {w.lower() for w in cues.coordinators + cues.direction.recipient}

    def __call__(self, doc: Doc) -> Doc:
        state = _State()
        drafts: list[Draft] = []
        spans = _Index(doc)
        for sentence in doc.sentences:
            drafts.extend(self._sentence(doc, sentence, spans, state))
        fill_implied_parties(drafts, doc, self.lexicon)
        kept = [d for d in _dedupe(drafts) if _complete(d) and not _weak(d)]
        doc.claims = [self.status.to_claim(doc, d) for d in kept]
        return doc

    def _sentence(self, doc: Doc, sentence: Sentence, spans: _Index, state: _State) -> list[Draft]:
        mentions = spans.mentions(sentence)
        if sentence.question and not any(m.key == "hedged" for m in mentions if m.label == "cue"):
            return []
        units = item_units(doc, mentions, self.lexicon)
        _carry_designations(doc, units, state, self.grammar)
        sources = [ref.name for ref in sentence.sources]
        drafts: list[Draft] = []
        carried = False
        previous_last_party: Mention | None = None
        for clause in sentence.clauses:
            found, used_anaphora, last_party = self._clause(
                doc, sentence, clause, mentions, units, spans, state, previous_last_party
            )
            previous_last_party = last_party or previous_last_party
            carried = carried or used_anaphora
            drafts.extend(found)
            for draft in found:
                if draft.kind in NUMERIC_KINDS:
                    state.numeric = draft
                    state.holder = draft.holder
        if not drafts and not units:
            drafts = _denial_of_previous(doc, sentence, mentions, state, self.negation)
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
        spans: _Index,
        state: _State,
        antecedent: Mention | None,
    ) -> tuple[list[Draft], bool, Mention | None]:
        inside = [m for m in mentions if clause.start <= m.start < clause.end]
        all_parties = [
            m for m in inside if m.label == "party" and not _in_spans(m, sentence.source_spans)
        ]
        all_parties += self._anaphoric_parties(doc, inside, mentions)
        all_parties.sort(key=lambda m: m.start)
        parties = [m for m in all_parties if not _in_spans(m, sentence.fallback_spans)]
        fallback = [m.key for m in all_parties if _in_spans(m, sentence.fallback_spans)]
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
        numeric = [c for c in cues if c.key in NUMERIC_KINDS and not _source_of_goods(doc, c, cues)]
        if transfer is not None and quantities and _at_target(transfer, cues, all_parties):
            # "Russia sent 800 drones against Ukrainian cities": launched, not supplied
            numeric.append(Mention(transfer.start, transfer.end, "cue", "consumption", ""))
            transfer = None
        anaphora = False
        if not clause_units and (transfer or (numeric and quantities)):
            clause_units = _earlier_units(doc, units, clause, self.grammar)
            if not clause_units and any(c.key == "item_anaphora" for c in cues):
                clause_units = list(state.units[-1:])
                anaphora = bool(clause_units)
        heads = [u.start for u in clause_units] + [
            c.start for c in cues if c.key == "transfer" or c.key in NUMERIC_KINDS
        ]
        items = frozenset(u.start for u in clause_units)
        uses = party_uses(doc, parties, cues, heads, items, self.grammar)
        relative_antecedent = _relative_antecedent(doc, clause, antecedent, units, self.grammar)
        drafts = self._numeric(
            doc, clause_units, quantities, numeric, uses, heads, state, relative_antecedent
        )
        if drafts and any(d.kind == "production" for d in drafts):
            drafts += self._made_for(drafts, uses, cues, times)
        if transfer is not None or self._status_trigger(cues, parties, clause_units):
            drafts += self._transfers(
                doc, clause_units, quantities, transfer, cues, uses, relative_antecedent
            )
        if not drafts and state.numeric and any(q.multiplier for q in quantities):
            drafts += _relative(state.numeric, quantities, sentence)
            anaphora = anaphora or bool(drafts)
        if any(c.key in ("denied", "pronoun") for c in cues):
            # "Iran ontkende dat het drones levert": the denying state is the party
            _fill_from_source(drafts, fallback)
        for draft in drafts:
            draft.sentence = sentence
            draft.time = draft.time or _claim_time(times)
            if draft.kind == "transfer" and draft.status is None:
                draft.status = self.status.status(doc, cues, transfer, times)
                draft.modal_only = self.status.modal_only(doc, cues)
            draft.stance = self.status.stance(doc, cues, mentions, sentence)
        return drafts, anaphora, last_party

    def _anaphoric_parties(
        self, doc: Doc, inside: list[Mention], mentions: list[Mention]
    ) -> list[Mention]:
        """ "het land", "the group": the last state (or group) named before;
        "The RSF says it ...": the party that speaks."""
        out = []
        verbs = [c.start for c in inside if c.label == "cue" and c.key in _VERB_CUES]
        for cue in inside:
            if cue.label != "cue" or cue.key not in _ANAPHORA:
                continue
            if cue.key == "pronoun" and not any(0 < v - cue.end <= 12 for v in verbs):
                continue  # "it" as a subject only right before the verb
            key = _speaker_party(doc, cue, mentions) if cue.key == "pronoun" else None
            key = key or self._last_subject(doc, cue.start, _ANAPHORA[cue.key])
            if key:
                out.append(Mention(cue.start, cue.end, "party", key, "names"))
        return out

    def _last_subject(self, doc: Doc, before: int, wanted: tuple[str, ...]) -> str | None:
        """The first party of that kind in the nearest earlier sentence that names one."""
        ends = [s.end for s in doc.sentences]
        last = bisect_right(ends, before)
        starts = [m.start for m in doc.mentions]
        for sentence in reversed(doc.sentences[max(0, last - 4) : last]):
            first = bisect_left(starts, sentence.start)
            for mention in doc.mentions[first:]:
                if mention.start >= sentence.end:
                    break
                if mention.label != "party" or mention.kind == "adjectives":
                    continue  # "de Zuid-Koreaanse inlichtingendienst" is not the subject
                party = self.lexicon.parties.get(mention.key)
                if party is not None and party.kind in wanted:
                    return mention.key
        return None

    def _transfer_cue(
        self, doc: Doc, cues: list[Mention], parties: list[Mention]
    ) -> Mention | None:
        for cue in cues:
            if cue.key != "transfer":
                continue
            spec = self.transfer_cues[int(cue.kind)]
            if _previous_word(doc, cue.start) in self.nominalisers:
                continue
            if spec.requires_origin and not _has_origin(doc, cue, cues, parties, self.grammar):
                continue
            if spec.arrival and not _has_destination(cues, parties):
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
        roles = transfer_roles(
            uses, cue, subject, antecedent, spec is not None and spec.arrival, self.grammar
        )
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
        for unit in _transferred(doc, units, cues, self.grammar):
            draft = Draft("transfer", unit, Sentence(0, 0), roles.supplier, roles.recipient)
            draft.quantity = _quantity_before(doc, unit, quantities)
            draft.bought = subject == "recipient"
            out.append(draft)
        out += _with_partners(out, partners(uses), subject)
        for key, role in listed(uses, roles):
            out += _with_partners(out, [key], role)
        return out + _with_partners(
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

    def _numeric(
        self,
        doc: Doc,
        units: list[ItemUnit],
        quantities: list[QuantityMention],
        cues: list[Mention],
        uses: list[PartyUse],
        heads: list[int],
        state: _State,
        antecedent: str | None,
    ) -> list[Draft]:
        if not cues or not units:
            return []
        holder = antecedent or holder_of(uses) or state.holder
        out = []
        for quantity in quantities:
            if quantity.value is None or (
                quantity.maybe_year and not _unit_follows(doc, quantity, units)
            ):
                continue
            cue = _numeric_cue(cues, quantity)
            if cue is None:
                continue
            unit = _unit_for(quantity, units)
            # "shot down 14 Houthi drones": the drones' owner holds them, not the shooter
            owner = _owner(doc, uses, unit) if cue.kind == "inflicted" else holder
            out.append(Draft(cue.key, unit, Sentence(0, 0), holder=owner, quantity=quantity))
        return out

    def _made_for(
        self,
        drafts: list[Draft],
        uses: list[PartyUse],
        cues: list[Mention],
        times: list[TimeMention],
    ) -> list[Draft]:
        """ "Iran wil er 6.000 voor Rusland produceren" is also a transfer to Russia."""
        recipients = [u.mention.key for u in uses if u.direction == "to"]
        out = []
        for draft in drafts:
            if draft.kind == "production" and recipients and recipients[0] != draft.holder:
                transfer = replace(
                    draft,
                    kind="transfer",
                    supplier=draft.holder,
                    recipient=recipients[0],
                    holder=None,
                )
                transfer.status = self.status.status_from_cues(cues, times) or "expected"
                out.append(transfer)
        return out


class _Index:
    """Per-sentence views of the document's annotations."""

    def __init__(self, doc: Doc) -> None:
        self._m = _bucket(doc.mentions, doc.sentences)
        self._q = _bucket(doc.quantities, doc.sentences)
        self._t = _bucket(doc.times, doc.sentences)

    def mentions(self, sentence: Sentence) -> list[Mention]:
        return self._m.get(id(sentence), [])

    def quantities(self, sentence: Sentence) -> list[QuantityMention]:
        return self._q.get(id(sentence), [])

    def times(self, sentence: Sentence) -> list[TimeMention]:
        return self._t.get(id(sentence), [])


def _bucket(items: list, sentences: list[Sentence]) -> dict[int, list]:  # type: ignore[type-arg]
    out: dict[int, list] = {}  # type: ignore[type-arg]
    ordered = sorted(items, key=lambda m: m.start)
    index = 0
    for sentence in sentences:
        while index < len(ordered) and ordered[index].start < sentence.start:
            index += 1
        bucket = []
        while index < len(ordered) and ordered[index].start < sentence.end:
            bucket.append(ordered[index])
            index += 1
        out[id(sentence)] = bucket
    return out


def _in_spans(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(start <= mention.start and mention.end <= end for start, end in spans)


def _at_target(transfer: Mention, cues: list[Mention], parties: list[Mention]) -> bool:
    targets = [c for c in cues if c.key == "target" and c.start > transfer.end]
    return any(0 <= p.start - t.end <= 5 for t in targets for p in parties)


def _speaker_party(doc: Doc, pronoun: Mention, mentions: list[Mention]) -> str | None:
    """ "Iran says it ...", "Rusland meldt dat het ...": the pronoun is the party that speaks."""
    verbs = [m for m in mentions if m.key == "attr_verb" and 0 <= pronoun.start - m.end <= 10]
    if not verbs:
        return None
    before = [m for m in mentions if m.label == "party" and m.end <= verbs[0].start]
    return before[-1].key if before else None


def _has_destination(cues: list[Mention], parties: list[Mention]) -> bool:
    """An arrival verb is a transfer only when the place reached is a party."""
    ins = [c for c in cues if c.key == "in"]
    return any(0 <= p.start - c.end <= 4 for c in ins for p in parties)


def _transferred(
    doc: Doc, units: list[ItemUnit], cues: list[Mention], grammar: GrammarWords
) -> list[ItemUnit]:
    """ "chips die Rusland in drones verwerkt": what goods go into is not transferred."""
    places = {c.end: c.key for c in cues if c.key == "in"}
    kept = [u for u in units if governing(doc.norm, u.start, places, grammar) != "in"]
    return kept or units


def _with_partners(drafts: list[Draft], keys: list[str], subject: str) -> list[Draft]:
    role = "recipient" if subject == "recipient" else "supplier"
    out = []
    for key in keys:
        for draft in drafts:
            if key not in (draft.supplier, draft.recipient):
                partner = replace(draft)
                setattr(partner, role, key)
                out.append(partner)
    return out


def _has_origin(
    doc: Doc, cue: Mention, cues: list[Mention], parties: list[Mention], grammar: GrammarWords
) -> bool:
    """A usage verb is a transfer only when the origin is named: "drones uit Iran"."""
    froms = [c for c in cues if c.key == "from" and 0 < c.start - cue.end <= _ORIGIN_REACH]
    for prep in froms:
        if any(0 <= p.start - prep.end <= 4 for p in parties):
            return True
    word = doc.norm[cue.start : cue.end]
    return any(marker in word for marker in grammar.origin_markers)


def _denial_of_previous(
    doc: Doc, sentence: Sentence, mentions: list[Mention], state: _State, negation: set[str]
) -> list[Draft]:
    """ "Teheran ontkent dat." denies the claims of the sentence before, as its own claim."""
    # a denial verb, not a bare "niet": "Meer kan ik daar niet over zeggen" denies nothing
    denies = any(
        m.label == "cue" and m.key == "denied" and doc.norm[m.start : m.end] not in negation
        for m in mentions
    )
    short = len(doc.text[sentence.start : sentence.end].split()) <= 10
    if not (denies and short and sentence.sources and state.transfers):
        return []
    return [replace(d, sentence=sentence, stance="denied", sources=[]) for d in state.transfers]


def _fill_from_source(drafts: list[Draft], fallback: list[str]) -> None:
    """ "De VAE ontkennen wapens aan de RSF te leveren": the source is the supplier."""
    if not fallback:
        return
    party = fallback[0]
    for draft in drafts:
        if draft.kind == "transfer":
            if draft.supplier is None and draft.recipient != party:
                draft.supplier = party
            elif draft.recipient is None and draft.supplier != party:
                draft.recipient = party
        elif draft.holder is None:
            draft.holder = party


def _carry_designations(
    doc: Doc, units: list[ItemUnit], state: _State, grammar: GrammarWords
) -> None:
    """ "Van die tanks ..." after "K2": a definite reference to a named system."""
    for unit in units:
        if unit.designation is None:
            before = doc.norm[max(0, unit.start - 25) : unit.start].split()
            named = state.systems.get(unit.category)
            if named and (unit.refers_back or any(w in grammar.definite for w in before[-3:])):
                unit.designation = named
    units[:] = [u for u in units if u.designation or not u.refers_back]
    for unit in units:
        if unit.designation:
            state.systems[unit.category] = unit.designation


def _source_of_goods(doc: Doc, cue: Mention, cues: list[Mention]) -> bool:
    """ "uit eigen voorraad", "from its own stocks": where goods come from, no stock figure."""
    if cue.key != "stock":
        return False
    return any(c.key == "from" and 0 <= cue.start - c.end <= 12 for c in cues)


def _previous_word(doc: Doc, start: int) -> str:
    words = doc.norm[max(0, start - 20) : start].split()
    return words[-1] if words else ""


def _earlier_units(
    doc: Doc, units: list[ItemUnit], clause: Clause, grammar: GrammarWords
) -> list[ItemUnit]:
    """The items just before the clause, with those listed with them: "munitie en onderdelen"."""
    before = [u for u in units if u.end <= clause.start]
    if not before:
        return []
    out = [before[-1]]
    for unit in reversed(before[:-1]):
        gap = doc.norm[unit.end : out[0].start].strip(" ,")
        if gap and gap not in grammar.coordinators:
            break
        out.insert(0, unit)
    return out


def _starts_relative(doc: Doc, clause: Clause, grammar: GrammarWords) -> bool:
    word = doc.norm[clause.start : clause.start + 12].split(" ", 1)[0].strip(",")
    return word in grammar.relative_pronouns


def _relative_antecedent(
    doc: Doc, clause: Clause, party: Mention | None, units: list[ItemUnit], grammar: GrammarWords
) -> str | None:
    """ "Rusland, dat drones koopt": the party the relative pronoun stands for,
    unless an item stands between them ("munitie, die Nederland levert")."""
    if party is None or not _starts_relative(doc, clause, grammar):
        return None
    if any(party.end <= u.start < clause.start for u in units):
        return None
    return party.key


def _owner(doc: Doc, uses: list[PartyUse], unit: ItemUnit) -> str | None:
    for use in uses:
        gap = doc.norm[use.mention.end : unit.start]
        if use.origin and len(gap) <= 25 and len(gap.split()) <= 1:
            return use.mention.key
    return None


def _numeric_cue(cues: list[Mention], quantity: QuantityMention) -> Mention | None:
    kinds = [c for c in cues if c.key in NUMERIC_KINDS]
    if quantity.per:
        kinds = [c for c in kinds if c.key != "stock"]
    if not kinds:
        return None
    return min(kinds, key=lambda c: abs(c.start - quantity.start))


def _unit_for(quantity: QuantityMention, units: list[ItemUnit]) -> ItemUnit:
    after = [u for u in units if u.start >= quantity.end]
    return after[0] if after and after[0].start - quantity.end < 40 else units[0]


def _unit_follows(doc: Doc, quantity: QuantityMention, units: list[ItemUnit]) -> bool:
    return any(0 <= u.start - quantity.end <= 2 for u in units)


def _quantity_before(
    doc: Doc, unit: ItemUnit, quantities: list[QuantityMention]
) -> QuantityMention | None:
    """A transfer's number stands right before its item: "zo'n duizend geweren"."""
    best = None
    for quantity in quantities:
        if quantity.value is None or quantity.maybe_year or quantity.end > unit.start:
            continue
        gap = doc.text[quantity.end : unit.start]
        if len(gap) <= 30 and len(gap.split()) <= 3 and "," not in gap:
            best = quantity  # the nearest one before the item wins
    return best


def _relative(
    previous: Draft, quantities: list[QuantityMention], sentence: Sentence
) -> list[Draft]:
    if previous.quantity is None or previous.quantity.value is None:
        return []
    # "Inmiddels ligt dat rond de tienduizend per dag, drie keer zoveel als Oekraïne":
    # a new figure at the same rate updates the previous one; the ratio compares others
    updates = [
        q
        for q in quantities
        if q.multiplier is None and q.value and not q.maybe_year and q.per == previous.quantity.per
    ]
    if updates and previous.quantity.per:
        return [replace(previous, quantity=updates[0], sentence=sentence, time=None, sources=[])]
    out = []
    for quantity in quantities:
        if quantity.multiplier is None:
            continue
        value = previous.quantity.value * quantity.multiplier
        new = replace(
            previous.quantity, value=value, start=quantity.start, end=quantity.end, multiplier=None
        )
        out.append(replace(previous, quantity=new, sentence=sentence, time=None, sources=[]))
    return out


def _claim_time(times: list[TimeMention]) -> str | None:
    for mention in times:
        if not mention.reporting:
            return mention.value
    return None


def _complete(draft: Draft) -> bool:
    if draft.kind == "transfer":
        return bool(draft.supplier and draft.recipient and draft.supplier != draft.recipient)
    return bool(draft.holder and draft.quantity and draft.quantity.value is not None)


def _weak(draft: Draft) -> bool:
    """ "Chinese wapens kunnen na levering worden gebruikt": a bare modal about an
    unnamed recipient is a general remark, not a claim."""
    if draft.unit.cue_only and {"supplier", "recipient"} <= draft.implied:
        return True  # "further deliveries", of nothing by no one named
    return draft.status == "possible" and draft.modal_only and "recipient" in draft.implied


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for draft in drafts:
        quantity = draft.quantity.value if draft.quantity else None
        item = draft.unit.designation or draft.unit.text.lower() or draft.unit.category
        key = (
            draft.kind,
            draft.supplier,
            draft.recipient,
            draft.holder,
            item,
            quantity,
            draft.status,
            draft.stance,
            draft.time,
            tuple(draft.sources),
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(draft)
    return out
