"""Rules that read a clause's words: origins and destinations of goods,
what relative pronouns and back references point at."""

from __future__ import annotations

from materiel.nlp.doc import Clause, Doc, Mention
from materiel.nlp.drafts import ReadState
from materiel.nlp.grammar import GrammarWords
from materiel.nlp.items import ItemUnit
from materiel.nlp.roles import governing

# how far after a usage verb its origin may stand ("gebruikt ... drones uit Iran")
_ORIGIN_REACH = 50


def at_target(transfer: Mention, cues: list[Mention], parties: list[Mention]) -> bool:
    targets = [c for c in cues if c.key == "target" and c.start > transfer.end]
    return any(0 <= p.start - t.end <= 5 for t in targets for p in parties)


def speaker_party(
    doc: Doc, pronoun: Mention, mentions: list[Mention], grammar: GrammarWords
) -> str | None:
    """ "Iran says it ...", "Rusland meldt dat het ...": the pronoun is the party that
    speaks (not one inside a relative clause: "Poland, which pushed Berlin, said it")."""
    verbs = [m for m in mentions if m.key == "attr_verb" and 0 <= pronoun.start - m.end <= 10]
    if not verbs:
        return None
    before = [
        m
        for m in mentions
        if m.label == "party"
        and m.end <= verbs[0].start
        and not _in_relative_clause(doc, m, verbs[0], grammar)
    ]
    return before[-1].key if before else None


def _in_relative_clause(doc: Doc, mention: Mention, verb: Mention, grammar: GrammarWords) -> bool:
    """Between ", which ..." and its closing comma, before the verb."""
    text = doc.norm[max(0, mention.start - 120) : mention.start]
    comma = text.rfind(", ")
    if comma < 0:
        return False
    opener = text[comma + 2 :].split(" ", 1)[0]
    closed = "," in doc.norm[mention.end : verb.start]
    return opener in grammar.relative_pronouns and closed


def has_destination(cues: list[Mention], parties: list[Mention]) -> bool:
    """An arrival verb is a transfer only when the place reached is a party."""
    ins = [c for c in cues if c.key == "in"]
    return any(0 <= p.start - c.end <= 4 for c in ins for p in parties)


def transferred(
    doc: Doc, units: list[ItemUnit], cues: list[Mention], grammar: GrammarWords
) -> list[ItemUnit]:
    """ "chips die Rusland in drones verwerkt": what goods go into is not transferred."""
    places = {c.end: c.key for c in cues if c.key == "in"}
    kept = [u for u in units if governing(doc.norm, u.start, places, grammar) != "in"]
    return kept or units


def has_origin(
    doc: Doc, cue: Mention, cues: list[Mention], parties: list[Mention], grammar: GrammarWords
) -> bool:
    """A usage verb is a transfer only when the origin is named: "drones uit Iran"."""
    froms = [c for c in cues if c.key == "from" and 0 < c.start - cue.end <= _ORIGIN_REACH]
    for prep in froms:
        if any(0 <= p.start - prep.end <= 4 for p in parties):
            return True
    word = doc.norm[cue.start : cue.end]
    return any(marker in word for marker in grammar.origin_markers)


def carry_designations(
    doc: Doc, units: list[ItemUnit], state: ReadState, grammar: GrammarWords
) -> None:
    """ "Van die tanks ..." after "K2": a definite reference to a named system."""
    for unit in units:
        if unit.designation is None:
            before = doc.norm[max(0, unit.start - 25) : unit.start].split()
            named = state.systems.get(unit.category)
            refers = unit.refers_back and not _unknown_name_before(doc.text, unit.start)
            if named and (refers or any(w in grammar.definite for w in before[-3:])):
                unit.designation = named  # "de toestellen", "the tanks" after a named system
    units[:] = [u for u in units if u.designation or not u.refers_back]
    for unit in units:
        if unit.designation:
            state.systems[unit.category] = unit.designation


def _unknown_name_before(text: str, start: int) -> bool:
    """ "six Y-21 transport planes": a designation we do not know names these planes."""
    words = text[max(0, start - 30) : start].split()[-3:]
    return any(w[:1].isupper() and any(c.isdigit() for c in w) for w in words)


def previous_word(doc: Doc, start: int) -> str:
    words = doc.norm[max(0, start - 20) : start].split()
    return words[-1] if words else ""


def earlier_units(
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


def starts_relative(doc: Doc, clause: Clause, grammar: GrammarWords) -> bool:
    word = doc.norm[clause.start : clause.start + 12].split(" ", 1)[0].strip(",")
    return word in grammar.relative_pronouns


def antecedent_party(
    doc: Doc, clause: Clause, party: Mention | None, units: list[ItemUnit], grammar: GrammarWords
) -> str | None:
    """ "Rusland, dat drones koopt": the party the relative pronoun stands for,
    unless an item stands between them ("munitie, die Nederland levert"); after the
    relative clause the main clause's subject again."""
    if party is None or not (clause.resumes or starts_relative(doc, clause, grammar)):
        return None
    if any(party.end <= u.start < clause.start for u in units):
        return None
    return party.key
