"""Who is supplier, recipient or holder in a clause.

Word order gives the subject (the first party named before the cue), the
cue says whether a subject supplies or receives (`levert` vs `koopt`),
prepositions give direction (`aan Rusland`, `uit Iran`), and an adjective
of origin before the item or the delivery noun (`Chinese levering`) names
the supplier.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from materiel.nlp.doc import Clause, Doc, Mention, normalise
from materiel.nlp.grammar import GrammarWords


@dataclass(slots=True)
class Roles:
    supplier: str | None = None
    recipient: str | None = None
    holder: str | None = None


@dataclass(slots=True)
class PartyUse:
    mention: Mention
    direction: str | None  # "to" or "from" when a preposition governs it
    origin: bool  # an adjective before an item or delivery noun
    owner: bool = False  # before a stock noun: "American stocks" hold, not supply
    joined: str | None = None  # "de VS en Europa": listed with this party, same role
    acting: bool = False  # an adjective before an actor noun: "Ukrainian forces"


def party_uses(
    doc: Doc,
    parties: list[Mention],
    cues: list[Mention],
    heads: list[int],
    items: frozenset[int],
    grammar: GrammarWords,
) -> list[PartyUse]:
    """`heads`: starts of the item units and transfer nouns the adjectives may modify;
    `items`: starts of the item units, the only heads a name may qualify."""
    prep_ends = {c.end: c.key for c in cues if c.key in ("to", "from", "in", "partner")}
    out = []
    # "Chinese bedrijven", "uit Duitse voorraden": nouns an adjective of origin may qualify
    actors = [c.start for c in cues if c.key in ("actor", "stock")]
    stocks = [c.start for c in cues if c.key == "stock"]
    for mention in parties:
        direction = governing(doc.norm, mention.start, prep_ends, grammar)
        origin = any(_qualifies(doc.norm, mention, head, items) for head in heads)
        acting = any(0 <= start - mention.end <= 2 for start in actors)
        if mention.kind == "adjectives" and not (origin or acting):
            continue  # "sinds de Russische invasie": a description, not a party to the claim
        owner = any(0 <= start - mention.end <= 2 for start in stocks)
        out.append(PartyUse(mention, direction, origin, owner, acting=acting))
    _join_lists(doc.norm, out, grammar)
    return out


def _join_lists(norm: str, uses: list[PartyUse], grammar: GrammarWords) -> None:
    """ "de VS en Europa", "Zweden, Finland en Noorwegen": a listed party takes the
    role of the first of the list (a partner's list are all partners)."""
    for previous, use in pairwise(uses):
        raw = norm[previous.mention.end : use.mention.start]
        gap = raw.replace(",", " ").split()
        if use.direction is not None or use.mention.kind == "adjectives":
            continue
        joiner = "," in raw or any(w in grammar.coordinators for w in gap)
        if joiner and all(w in grammar.coordinators or w in grammar.determiners for w in gap):
            first = previous.joined or previous.mention.key
            if previous.direction == "partner":
                use.direction = "partner"
            elif previous.direction in (None, "from", "to"):
                use.joined = first  # "donated by Russia and Belarus": both donors


def _qualifies(norm: str, mention: Mention, head: int, items: frozenset[int]) -> bool:
    """ "Chinese levering", "Iranian-made drones", "Houthi drones": the party names
    the origin or owner of the head; a name must stand right before an item."""
    gap = norm[mention.end : head]
    if mention.kind == "adjectives":
        return 0 <= head - mention.end <= 25 and " " not in gap.strip()
    return head in items and gap in (" ", "-")


def governing(
    norm: str, start: int, prep_ends: dict[int, str], grammar: GrammarWords
) -> str | None:
    """The preposition before a party, skipping determiners and adjectives."""
    pos = start
    for _ in range(4):
        while pos > 0 and norm[pos - 1] == " ":
            pos -= 1
        if pos in prep_ends:
            return prep_ends[pos]
        word_start = norm.rfind(" ", 0, pos) + 1
        word = norm[word_start:pos]
        if word not in grammar.determiners and not _adjectival(word, grammar):
            return None
        pos = word_start
    return None


def _adjectival(word: str, grammar: GrammarWords) -> bool:
    return len(word) > 3 and word.endswith(grammar.adjective_endings)


def transfer_roles(
    uses: list[PartyUse],
    cue: Mention | None,
    subject_role: str,
    antecedent: str | None,
    arrival: bool,
    grammar: GrammarWords,
    buying: bool = False,
) -> Roles:
    roles = Roles()
    free: list[PartyUse] = []
    origins: list[PartyUse] = []
    reached = _place_reached(uses, cue) if arrival else None
    for use in uses:
        key = use.mention.key
        if use.direction == "partner" or use.joined:
            continue  # "samen met Duitsland", "de VS en Europa": see `partners`, `listed`
        if use.direction == "in" and not (use is reached and roles.recipient is None):
            continue  # a place: "in Oekraïne"; next to an arrival verb, the place reached
        if use.direction in ("to", "in") and roles.recipient is None:
            roles.recipient = key
        elif use.direction == "from" and roles.supplier is None:
            roles.supplier = key
        elif use.origin and not use.owner and use.mention.kind == "adjectives":
            if cue is not None and 0 <= cue.start - use.mention.end <= 2 and roles.supplier is None:
                roles.supplier = key  # "Noord-Koreaanse wapenleveringen": the deliverer
            else:
                origins.append(use)  # "Iranian drones": the maker, unless a subject supplies
        else:
            free.append(use)
    if (
        antecedent
        and subject_role in ("supplier", "recipient")
        and not _filled(roles, subject_role)
    ):
        setattr(roles, subject_role, antecedent)
    if buying and roles.supplier is None:
        # "bestelt lanceerinrichtingen in de Verenigde Staten": bought there
        places = [u.mention.key for u in uses if u.direction == "in"]
        roles.supplier = places[0] if places else None
    before, after = _split_at(free, cue)
    _assign(roles, before, subject_role)
    for use in origins:
        if roles.supplier is None and use.mention.key != roles.recipient:
            roles.supplier = use.mention.key
    if not before and not grammar.verb_second:
        # "sending tanks that Ukraine needs": after an English verb a bare party is its object
        _assign(roles, after, _other(subject_role) if subject_role != "either" else "either")
    _assign(roles, after, subject_role)
    return roles


def _place_reached(uses: list[PartyUse], cue: Mention | None) -> PartyUse | None:
    """ "in Oekraïne aangekomen", "arrive in Ukraine": the place nearest the verb."""
    places = [u for u in uses if u.direction == "in"]
    if cue is None or not places:
        return None
    return min(places, key=lambda u: abs(u.mention.start - cue.start))


def _assign(roles: Roles, uses: list[PartyUse], subject_role: str) -> None:
    for use in uses:
        key = use.mention.key
        if key in (roles.supplier, roles.recipient):
            continue
        role = subject_role if not _filled(roles, subject_role) else _other(subject_role)
        if role == "either":
            role = "recipient" if roles.recipient is None else "supplier"
        if not _filled(roles, role):
            setattr(roles, role, key)


def _split_at(free: list[PartyUse], cue: Mention | None) -> tuple[list[PartyUse], list[PartyUse]]:
    """Subjects first: parties before the cue, then those after it."""
    if cue is None:
        return free, []
    before = [u for u in free if u.mention.start < cue.start]
    after = [u for u in free if u.mention.start >= cue.start]
    return before, after


def _filled(roles: Roles, role: str) -> bool:
    if role == "either":
        return roles.supplier is not None and roles.recipient is not None
    return getattr(roles, role) is not None


def _other(role: str) -> str:
    return {"supplier": "recipient", "recipient": "supplier"}.get(role, "either")


def listed(uses: list[PartyUse], roles: Roles) -> list[tuple[str, str]]:
    """(party, role) of the parties listed with one that has a role."""
    out = []
    for use in uses:
        if use.joined == roles.supplier and use.joined:
            out.append((use.mention.key, "supplier"))
        elif use.joined == roles.recipient and use.joined:
            out.append((use.mention.key, "recipient"))
    return out


def partners(uses: list[PartyUse]) -> list[str]:
    """Parties that share the subject's role: "Nederland heeft samen met Duitsland ..." """
    return [use.mention.key for use in uses if use.direction == "partner"]


def holder_of(uses: list[PartyUse]) -> str | None:
    """The holder of a stock, output or use: an adjective before the stock noun
    ("de Russische voorraad"), else the subject, the first named party not governed
    by a preposition ("Rusland vuurde Noord-Koreaanse raketten af"), else an adjective
    before the item ("Russian launches of 40 drones")."""
    for use in uses:
        if use.owner:
            return use.mention.key
    for use in uses:
        if use.direction is None and (use.mention.kind != "adjectives" or use.acting):
            return use.mention.key
    for use in uses:
        if use.origin or use.direction is None:
            return use.mention.key
    return None


def in_clause(items: list[Mention], clause: Clause) -> list[Mention]:
    return [m for m in items if clause.start <= m.start < clause.end]


def cue_text(doc: Doc, cue: Mention) -> str:
    return normalise(doc.text[cue.start : cue.end])
