"""Parties implied by context: the recipient (or supplier) a document is about.

A clause like "China levert ook microchips" names no recipient; in a document
about deliveries to Russia, Russia is meant. The implied party is the one the
document names most often in that role (with the named party, if any), else the
state it names most often. A
buyer with no seller named buys from the country that makes the system.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from materiel.lexicon import Lexicon
from materiel.nlp.doc import Doc

if TYPE_CHECKING:
    from materiel.nlp.drafts import Draft


def fill_implied_parties(drafts: list[Draft], doc: Doc, lexicon: Lexicon) -> None:
    transfers = [d for d in drafts if d.kind == "transfer"]
    suppliers = Counter(d.supplier for d in transfers if d.supplier and d.recipient)
    recipients = Counter(d.recipient for d in transfers if d.supplier and d.recipient)
    recipients.update(d.recipient for d in transfers if d.recipient and not d.supplier)
    suppliers.update(d.supplier for d in transfers if d.supplier and not d.recipient)
    mentioned = Counter(m.key for m in doc.mentions if m.label == "party")
    pairs: Counter[tuple[str, str]] = Counter(
        (d.supplier, d.recipient) for d in transfers if d.supplier and d.recipient
    )
    makers = {
        d.unit.designation: d.supplier for d in transfers if d.unit.designation and d.supplier
    }
    for draft in transfers:
        if draft.supplier is None and draft.unit.designation in makers:
            # "The jets are to be delivered from 2028" after "12 Rafales from France"
            draft.supplier = makers[draft.unit.designation]
            draft.implied.add("supplier")
        if draft.supplier is None and draft.bought:
            draft.supplier = _maker(draft, lexicon)
        if draft.recipient is None:
            partner = _partner(pairs, supplier=draft.supplier)
            draft.recipient = partner or _best(recipients, mentioned, exclude=draft.supplier)
            draft.implied.add("recipient")
        if draft.supplier is None:
            # many suppliers often share one recipient: the document's main supplier
            draft.supplier = _best(suppliers, mentioned, exclude=draft.recipient)
            draft.implied.add("supplier")
    holders = Counter(d.holder for d in drafts if d.holder)
    for draft in drafts:
        if draft.kind != "transfer" and draft.holder is None:
            draft.holder = _best(holders, mentioned, exclude=None)


def _partner(pairs: Counter[tuple[str, str]], supplier: str | None) -> str | None:
    """The recipient this supplier is most often paired with in the document:
    "North Korea ... denied arms transfers" after "North Korea sent Russia shells"."""
    for (s, r), _ in pairs.most_common():
        if supplier is not None and s == supplier:
            return r
    return None


def _maker(draft: Draft, lexicon: Lexicon) -> str | None:
    """ "Poland ordered 250 Abrams": a buyer with no seller named buys from the maker."""
    system = lexicon.systems.get(draft.unit.designation or "")
    # a system made jointly by several countries names no single seller
    if system is None or not isinstance(system.country, str) or system.country == draft.recipient:
        return None
    draft.implied.add("supplier")
    return system.country


def _best(role: Counter[str], mentioned: Counter[str], exclude: str | None) -> str | None:
    for key, _ in role.most_common():
        if key and key != exclude:
            return key
    for key, count in mentioned.most_common():
        if key != exclude and count >= 2:
            return key
    return None
