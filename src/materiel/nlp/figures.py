"""Numbers in claims: which figure belongs to which item, relative figures
("drie keer zoveel"), and whose items a figure counts."""

from __future__ import annotations

from dataclasses import replace

from materiel.nlp.doc import Doc, Mention, QuantityMention, Sentence
from materiel.nlp.drafts import Draft
from materiel.nlp.items import ItemUnit
from materiel.nlp.roles import PartyUse

NUMERIC_KINDS = ("consumption", "production", "stock")


def owner_of_items(doc: Doc, uses: list[PartyUse], unit: ItemUnit) -> str | None:
    for use in uses:
        gap = doc.norm[use.mention.end : unit.start]
        if use.origin and len(gap) <= 25 and len(gap.split()) <= 1:
            return use.mention.key
    return None


def numeric_cue(cues: list[Mention], quantity: QuantityMention) -> Mention | None:
    kinds = [c for c in cues if c.key in NUMERIC_KINDS]
    if quantity.per:
        kinds = [c for c in kinds if c.key != "stock"]
    if not kinds:
        return None
    return min(kinds, key=lambda c: abs(c.start - quantity.start))


def unit_for(quantity: QuantityMention, units: list[ItemUnit]) -> ItemUnit | None:
    """The item a figure counts: the next one close after it ("900 Iskanders"), else
    one named before it ("de voorraad Iskanders ... van 900 naar 140")."""
    after = [u for u in units if u.start >= quantity.end]
    if after and after[0].start - quantity.end < 40:
        return after[0]
    before = [u for u in units if u.end <= quantity.start]
    return before[0] if before else None


def unit_follows(doc: Doc, quantity: QuantityMention, units: list[ItemUnit]) -> bool:
    return any(0 <= u.start - quantity.end <= 2 for u in units)


def quantity_before(
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


def relative_figures(
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


def source_of_goods(doc: Doc, cue: Mention, cues: list[Mention]) -> bool:
    """ "uit eigen voorraad", "from its own stocks": where goods come from, no stock figure."""
    if cue.key != "stock":
        return False
    return any(c.key == "from" and 0 <= cue.start - c.end <= 12 for c in cues)


def numeric_drafts(
    doc: Doc,
    units: list[ItemUnit],
    quantities: list[QuantityMention],
    cues: list[Mention],
    uses: list[PartyUse],
    holder: str | None,
) -> list[Draft]:
    """Stock, production and consumption figures: a number, its nearest kind word
    and the item it counts."""
    if not cues or not units:
        return []
    out = []
    for quantity in quantities:
        if quantity.value is None or (
            quantity.maybe_year and not unit_follows(doc, quantity, units)
        ):
            continue
        cue = numeric_cue(cues, quantity)
        if cue is None:
            continue
        unit = unit_for(quantity, units)
        if unit is None:
            continue
        # "shot down 14 Houthi drones": the drones' owner holds them, not the shooter
        held_by = owner_of_items(doc, uses, unit) if cue.kind == "inflicted" else holder
        out.append(Draft(cue.key, unit, Sentence(0, 0), holder=held_by, quantity=quantity))
    return out


def made_for(drafts: list[Draft], uses: list[PartyUse], status: str) -> list[Draft]:
    """ "Iran wil er 6.000 voor Rusland produceren" is also a transfer to Russia."""
    recipients = [u.mention.key for u in uses if u.direction == "to"]
    out = []
    for draft in drafts:
        if draft.kind == "production" and recipients and recipients[0] != draft.holder:
            transfer = replace(
                draft, kind="transfer", supplier=draft.holder, recipient=recipients[0], holder=None
            )
            transfer.status = status
            out.append(transfer)
    return out
