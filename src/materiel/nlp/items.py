"""Item units: a named system with the generic word that heads it
("Iskander-raketten", "Leopard 2 tanks") is one item; "onderdelen voor
drones" is parts, not drones."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from materiel.lexicon import Lexicon
from materiel.nlp.doc import Doc, Mention, normalise
from materiel.nlp.grammar import GrammarWords, grammar_words

_GLUE = {"", "-"}
# items made for other items: "onderdelen voor drones", "ammunition for artillery"
_FOR_OTHERS = ("components", "ammunition")
# what parts and ammunition are for; "onderdelen voor drones en scherfvesten" lists
# body armour as an item of its own
_PLATFORMS = frozenset(
    {"artillery", "tank", "aircraft", "helicopter", "uav", "ship", "armoured_vehicle"}
)


@dataclass(slots=True)
class ItemUnit:
    start: int
    end: int
    category: str
    designation: str | None
    text: str
    refers_back: bool = False  # "de toestellen": an item only after a named system
    cue_only: bool = False  # "de levering": the delivery noun stands for the goods


def item_units(doc: Doc, mentions: list[Mention], lexicon: Lexicon) -> list[ItemUnit]:
    """The items named in `mentions` (one sentence's), merged and filtered."""
    blocked = [(m.start, m.end) for m in mentions if m.label == "cue" and m.key == "not_item"]
    raw = sorted(
        (
            m
            for m in mentions
            if m.label in ("item", "system")
            and not any(s <= m.start and m.end <= e for s, e in blocked)
        ),
        key=lambda m: m.start,
    )
    heads = _word_set(tuple(lexicon.cues.system_heads))
    not_heads = _word_set(tuple(lexicon.cues.non_item_heads))
    items = {m.start for m in mentions if m.label == "item"}
    raw = [
        m
        for m in raw
        if not _compound_modifier(doc.norm, m, items, heads)
        and not _qualifies_other_noun(doc.norm, m, not_heads, items)
        and not _inside_proper_name(doc.text, m)
    ]
    units: list[ItemUnit] = []
    links = [(m.start, m.end) for m in mentions if m.label == "cue" and m.key == "type_link"]
    for mention in raw:
        if units and _typed(doc.text, units[-1], mention, links):
            units[-1].designation = mention.key
            units[-1].category = lexicon.systems[mention.key].category
            units[-1].end = mention.end
            continue
        if units and _joins(doc.text, units[-1], mention):
            _absorb(units[-1], mention, doc.text, lexicon)
            continue
        units.append(_unit(mention, doc.text, lexicon))
    grammar = grammar_words(lexicon)
    return _drop_payloads(doc, _drop_modifiers(doc, units, grammar), lexicon)


def _compound_modifier(norm: str, mention: Mention, items: set[int], heads: frozenset[str]) -> bool:
    """ "F-16-trainingscentrum": a system name that only qualifies a non-item noun."""
    if mention.label != "system" or norm[mention.end : mention.end + 1] != "-":
        return False
    word = norm[mention.end + 1 :].split(" ", 1)[0].rstrip(".,;:!?)'")
    if not word.isalpha() or not word.islower():
        return False  # "Iskander-M", "Su-30-2"
    return (
        mention.end + 1 not in items
        and not any(word.endswith(h) for h in heads)
        and not any(s in items for s in range(mention.end + 1, mention.end + 1 + len(word)))
    )


@lru_cache(maxsize=8)
def _word_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalise(w) for w in words)


def _qualifies_other_noun(
    norm: str, mention: Mention, not_heads: frozenset[str], items: set[int]
) -> bool:
    """ "helicopter bases", "drone factory", "artillery units", "F-16 pilots": the item
    word only says what kind of base, factory or unit."""
    if norm[mention.end : mention.end + 1] not in (" ", "-") or mention.end + 1 in items:
        return False  # "Apache attack helicopters": the next word begins an item
    word = norm[mention.end + 1 :].split(" ", 1)[0].rstrip(".,;:!?)'\"")
    return word in not_heads


def _inside_proper_name(text: str, mention: Mention) -> bool:
    """ "The Armament Agency", "Missile Defense Agency": a capitalised item word
    inside a name in the middle of a sentence."""
    if mention.label != "item" or not text[mention.start : mention.start + 1].isupper():
        return False
    before = text[max(0, mention.start - 2) : mention.start]
    if not before.strip() or before.rstrip()[-1:] in '.:!?\n"“„':
        return False  # the first word of a sentence or a quote
    following = text[mention.end : mention.end + 2]
    return len(following) == 2 and following[0] == " " and following[1].isupper()


def _unit(mention: Mention, text: str, lexicon: Lexicon) -> ItemUnit:
    if mention.label == "system":
        category = lexicon.systems[mention.key].category
        return ItemUnit(mention.start, mention.end, category, mention.key, "")
    return ItemUnit(mention.start, mention.end, mention.key, None, "", mention.kind == "reference")


def _typed(text: str, unit: ItemUnit, mention: Mention, links: list[tuple[int, int]]) -> bool:
    """ "ballistische raketten van het type KN-23": one item, named."""
    if mention.label != "system" or unit.designation is not None:
        return False
    return any(
        not text[unit.end : start].strip() and not text[end : mention.start].strip()
        for start, end in links
    )


def _joins(text: str, unit: ItemUnit, mention: Mention) -> bool:
    gap = text[unit.end : mention.start]
    if mention.start < unit.end:
        return True
    joined = (gap.strip() in _GLUE and len(gap) <= 2) or (
        bool(gap) and all(c.isalnum() or c == "-" for c in gap)
    )
    # a system then its generic word ("Iskander-raketten", "F-16 jets"), or the reverse
    # for a word inside the same token ("kamikazedrones" after nothing)
    if joined:
        return unit.designation is not None or mention.label == "system"
    return unit.designation is not None and _compound_modifiers(gap)


def _compound_modifiers(gap: str) -> bool:
    """ "Fath-360 close-range ballistic missiles": hyphenated modifiers between name and noun."""
    words = gap.split()
    return 0 < len(words) <= 2 and all(
        "-" in w and w.replace("-", "").replace(",", "").isalnum() for w in words
    )


def _absorb(unit: ItemUnit, mention: Mention, text: str, lexicon: Lexicon) -> None:
    unit.end = max(unit.end, mention.end)
    if mention.label == "system" and unit.designation is None:
        unit.designation = mention.key
        unit.category = lexicon.systems[mention.key].category


def _drop_modifiers(doc: Doc, units: list[ItemUnit], grammar: GrammarWords) -> list[ItemUnit]:
    """ "onderdelen voor drones", "drone parts", "munitie voor artillerie en tanks":
    the parts (the ammunition) are the item."""
    out: list[ItemUnit] = []
    absorbing = False
    for index, unit in enumerate(units):
        if out and out[-1].category in _FOR_OTHERS and out[-1].designation is None:
            gap = normalise(doc.text[out[-1].end : unit.start]).split()
            listed = (
                absorbing
                and unit.category in _PLATFORMS
                and len(gap) == 1
                and gap[0] in grammar.coordinators
            )
            if _part_of(gap, grammar) or listed:
                out[-1].end = unit.end
                absorbing = True
                continue
        absorbing = False
        if out and _example_of(doc, out[-1], unit, grammar):
            out[-1].end = unit.end
            continue
        following = units[index + 1] if index + 1 < len(units) else None
        if (
            following
            and following.category == "components"
            and following.designation is None
            and doc.text[unit.end : following.start] in (" ", "-")
        ):
            continue
        out.append(unit)
    for unit in out:
        unit.text = _extend_word(doc.text, unit.start, unit.end)
    return out


def _part_of(gap: list[str], grammar: GrammarWords) -> bool:
    """ "onderdelen voor (die) drones", "parts for (these) drones"."""
    return (
        0 < len(gap) <= 3
        and gap[0] in grammar.part_of
        and all(w in grammar.determiners for w in gap[1:])
    )


def _example_of(doc: Doc, unit: ItemUnit, example: ItemUnit, grammar: GrammarWords) -> bool:
    """ "onderdelen zoals motoren", "parts such as engines": one item with an example."""
    if unit.designation or example.category != unit.category:
        return False
    return normalise(doc.text[unit.end : example.start]).strip(" ,") in grammar.such_as


def _drop_payloads(doc: Doc, units: list[ItemUnit], lexicon: Lexicon) -> list[ItemUnit]:
    """ "50 kilo aan explosieven": a weight of something is a payload, not items."""
    weights = _weights(tuple(lexicon.numbers.weights))
    out = []
    for unit in units:
        before = normalise(doc.text[max(0, unit.start - 30) : unit.start]).split()
        if len(before) >= 2 and before[-1] in ("aan", "of", "van") and before[-2] in weights:
            continue
        out.append(unit)
    return out


@lru_cache(maxsize=8)
def _weights(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalise(w) for w in words)


def _extend_word(text: str, start: int, end: int) -> str:
    """The whole written word(s) of the item: "artilleriegranaten", "DF-11’s"."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "’'-"):
        end += 1
    return text[start:end].strip("-'’")
