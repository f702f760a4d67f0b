"""Claims in the making: drafts, what earlier sentences leave for later ones,
and the last checks before a draft becomes a claim."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from materiel.nlp.doc import Doc, Mention, QuantityMention, Sentence, TimeMention
from materiel.nlp.items import ItemUnit


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
class ReadState:
    """What the previous sentences leave for anaphora."""

    units: list[ItemUnit] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    holder: str | None = None
    numeric: Draft | None = None
    systems: dict[str, str] = field(default_factory=dict)  # category -> last designation
    transfers: list[Draft] = field(default_factory=list)  # of the previous sentence


class SentenceIndex:
    """Per-sentence views of the document's annotations."""

    def __init__(self, doc: Doc) -> None:
        self._m = bucket(doc.mentions, doc.sentences)
        self._q = bucket(doc.quantities, doc.sentences)
        self._t = bucket(doc.times, doc.sentences)

    def mentions(self, sentence: Sentence) -> list[Mention]:
        return self._m.get(id(sentence), [])

    def quantities(self, sentence: Sentence) -> list[QuantityMention]:
        return self._q.get(id(sentence), [])

    def times(self, sentence: Sentence) -> list[TimeMention]:
        return self._t.get(id(sentence), [])


def bucket(items: list, sentences: list[Sentence]) -> dict[int, list]:  # type: ignore[type-arg]
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


def in_spans(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(start <= mention.start and mention.end <= end for start, end in spans)


def complete(draft: Draft) -> bool:
    if draft.kind == "transfer":
        return bool(draft.supplier and draft.recipient and draft.supplier != draft.recipient)
    return bool(draft.holder and draft.quantity and draft.quantity.value is not None)


def weak(draft: Draft) -> bool:
    """ "Chinese wapens kunnen na levering worden gebruikt": a bare modal about an
    unnamed recipient is a general remark, not a claim."""
    if draft.unit.cue_only and {"supplier", "recipient"} <= draft.implied:
        return True  # "further deliveries", of nothing by no one named
    return draft.status == "possible" and draft.modal_only and "recipient" in draft.implied


def dedupe(drafts: list[Draft]) -> list[Draft]:
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


def denial_of_previous(
    doc: Doc, sentence: Sentence, mentions: list[Mention], state: ReadState, negation: set[str]
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


def fill_from_source(drafts: list[Draft], fallback: list[str]) -> None:
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


def with_partners(drafts: list[Draft], keys: list[str], subject: str) -> list[Draft]:
    role = "recipient" if subject == "recipient" else "supplier"
    out = []
    for key in keys:
        for draft in drafts:
            if key not in (draft.supplier, draft.recipient):
                partner = replace(draft)
                setattr(partner, role, key)
                out.append(partner)
    return out


def claim_time(times: list[TimeMention]) -> str | None:
    for mention in times:
        if not mention.reporting:
            return mention.value
    return None
