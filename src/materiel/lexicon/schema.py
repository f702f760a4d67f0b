"""Pydantic schemas of the YAML tables under `materiel/data/`.

Every table is validated on load, so a typo in a user's overlay fails with a
clear `InvalidLexicon` instead of silently matching nothing.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from materiel.model import Category, Per, Status

_STRICT = ConfigDict(extra="forbid")


class PartyBase(BaseModel):
    model_config = _STRICT
    id: str = Field(min_length=2)
    kind: Literal["state", "group", "organisation"]
    name: str


class CompanyNames(BaseModel):
    """Companies that count as the state they are based in."""

    model_config = _STRICT
    party: str = Field(min_length=2)
    names: list[str]


class PartyAliases(BaseModel):
    model_config = _STRICT
    id: str
    names: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    metonyms: list[str] = Field(default_factory=list)
    leaders: list[str] = Field(default_factory=list)


class SystemBase(BaseModel):
    model_config = _STRICT
    id: str
    category: Category
    country: str | list[str] | None = None
    derived_from: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)


class SystemAliases(BaseModel):
    model_config = _STRICT
    id: str
    aliases: list[str] = Field(default_factory=list)


class SourceBase(BaseModel):
    model_config = _STRICT
    name: str
    kind: Literal["outlet", "agency", "body", "government", "person", "think_tank", "ngo"]
    country: str | None = None
    role: str | None = None
    reliability: Literal["A", "B", "C", "D", "E", "F"] = "F"
    aliases: list[str] = Field(default_factory=list)


class SourceAliases(BaseModel):
    model_config = _STRICT
    name: str
    aliases: list[str] = Field(default_factory=list)


class ItemWords(BaseModel):
    model_config = _STRICT
    category: Category
    words: list[str]
    # "de toestellen": a word too generic to be an item unless it refers back
    # to a named system of its category
    refers_back: bool = False


class TransferCue(BaseModel):
    """Words that make a clause about a transfer; `subject` is the role of
    the party that is the grammatical subject of such a word."""

    model_config = _STRICT
    words: list[str]
    subject: Literal["supplier", "recipient", "either"] = "supplier"
    status: Status | None = None
    # also matches as the head of a compound ("defensieleveringen")
    compound: bool = False
    # only a transfer when the origin is named ("gebruikt drones uit Iran")
    requires_origin: bool = False
    # a delivery noun stands for the goods when no item is named ("de levering")
    names_item: bool = False
    # an arrival ("in Oekraïne aangekomen"): the place the goods reach is the recipient
    arrival: bool = False
    # "ammunition reaching Ukraine": a transfer only when a party follows the verb
    requires_object: bool = False


class StatusCue(BaseModel):
    model_config = _STRICT
    status: Status
    words: list[str]


class StanceCues(BaseModel):
    model_config = _STRICT
    hedged: list[str] = Field(default_factory=list)
    denied: list[str] = Field(default_factory=list)


class AttributionCues(BaseModel):
    model_config = _STRICT
    # "volgens X", "according to X": the source follows the cue.
    before: list[str] = Field(default_factory=list)
    # "X meldde dat", "X said": the source precedes (or, inverted, follows) the verb.
    verbs: list[str] = Field(default_factory=list)


class KindCues(BaseModel):
    model_config = _STRICT
    stock: list[str] = Field(default_factory=list)
    production: list[str] = Field(default_factory=list)
    consumption: list[str] = Field(default_factory=list)
    # losses inflicted by others ("shot down 14 drones"): the owner of the items is
    # the holder, not the subject who shot them down
    inflicted: list[str] = Field(default_factory=list)


class DirectionCues(BaseModel):
    model_config = _STRICT
    recipient: list[str] = Field(default_factory=list)
    supplier: list[str] = Field(default_factory=list)
    # "in Oekraïne", "in Ukraine": a place, not a party to the transfer
    location: list[str] = Field(default_factory=list)


class PartyAnaphora(BaseModel):
    """Words that point back at the last state or group named: "het land", "the group"."""

    model_config = _STRICT
    state: list[str] = Field(default_factory=list)
    group: list[str] = Field(default_factory=list)
    # "it signed a contract": a pronoun right before a transfer verb is a party
    pronoun: list[str] = Field(default_factory=list)


class SourceNouns(BaseModel):
    model_config = _STRICT
    government: list[str] = Field(default_factory=list)
    officials: list[str] = Field(default_factory=list)
    outlet_anaphora: list[str] = Field(default_factory=list)
    modifiers: dict[str, str] = Field(default_factory=dict)


class Grammar(BaseModel):
    """Function words the rules read; a new language lists its own."""

    model_config = _STRICT
    # articles, demonstratives, possessives: skipped between a preposition and its party
    determiners: list[str] = Field(default_factory=list)
    # "de tanks" after "Leopard 2": a definite reference carries the designation over
    definite: list[str] = Field(default_factory=list)
    relative_pronouns: list[str] = Field(default_factory=list)
    # "zei dat ...", "said that ...": where a reporting frame ends
    complementizers: list[str] = Field(default_factory=list)
    # "onderdelen voor drones": prepositions tying parts to what they are for
    part_of: list[str] = Field(default_factory=list)
    # "onderdelen zoals motoren": an example of the item, not a second item
    such_as: list[str] = Field(default_factory=list)
    # Dutch puts the subject after the verb when anything else comes first ("Vorig jaar
    # leverde Iran ..."); English does not, so a party after its verb is the object
    verb_second: bool = False
    # "seeking to provide", "om te leveren": words between two verbs of one chain
    infinitive_markers: list[str] = Field(default_factory=list)
    # "We believe ...": pronoun subjects, so the verb is not inverted
    subject_pronouns: list[str] = Field(default_factory=list)
    # "estimated by analysts": the word before the agent of a passive reporting verb
    passive_agents: list[str] = Field(default_factory=list)
    # "told Reuters": verbs whose object is the outlet that reported
    told: list[str] = Field(default_factory=list)
    # "niet alleen", "not only": negation words that negate nothing
    not_negating: list[str] = Field(default_factory=list)
    # endings of adjectives that may stand between a preposition and its party
    adjective_endings: list[str] = Field(default_factory=list)
    # endings a catalogue name may take: "Iskanders", "Leopards", "Shaheds"
    name_inflections: list[str] = Field(default_factory=list)
    # short names take fewer: "Grad" must not match "Grade"
    short_name_inflections: list[str] = Field(default_factory=list)
    # usage words that name the origin themselves: "afkomstig", "made in"
    origin_markers: list[str] = Field(default_factory=list)
    # capitalised words that begin no person's name ("Het", "According")
    function_words: list[str] = Field(default_factory=list)
    # titles in speaker labels and before names ("MR.", "DE HEER")
    honorifics: list[str] = Field(default_factory=list)
    # labels that open an answer or statement by someone: "Antwoord van"
    answer_labels: list[str] = Field(default_factory=list)
    # speaker labels of those who ask, not answer
    questioners: list[str] = Field(default_factory=list)
    # "ca.", "bijv.": a stop after these ends no sentence
    abbreviations: list[str] = Field(default_factory=list)


class TimeWords(BaseModel):
    model_config = _STRICT
    months: dict[str, int] = Field(default_factory=dict)
    weekdays: list[str] = Field(default_factory=list)
    # offsets in years relative to the document date ("vorig jaar": -1)
    relative_years: dict[str, int] = Field(default_factory=dict)
    relative_months: dict[str, int] = Field(default_factory=dict)
    # words before a time expression that make it about the report, not the claim
    reporting: list[str] = Field(default_factory=list)
    # words that make a bare month or year a date ("in april", "sinds 2022")
    anchors: list[str] = Field(default_factory=list)

    @field_validator("months")
    @classmethod
    def _month_range(cls, value: dict[str, int]) -> dict[str, int]:
        bad = [k for k, v in value.items() if not 1 <= v <= 12]
        if bad:
            raise ValueError(f"months out of range: {bad}")
        return value


class Cues(BaseModel):
    model_config = _STRICT
    transfer: list[TransferCue]
    status: list[StatusCue]
    stance: StanceCues
    negation: list[str]
    attribution: AttributionCues
    hypothetical: list[str] = Field(default_factory=list)
    nominalisers: list[str] = Field(default_factory=list)
    modals: list[str] = Field(default_factory=list)
    kinds: KindCues
    direction: DirectionCues
    clause_breaks: list[str] = Field(default_factory=list)
    item_anaphora: list[str] = Field(default_factory=list)
    party_anaphora: PartyAnaphora = Field(default_factory=PartyAnaphora)
    # "Chinese bedrijven", "the Russian army": an adjective with these nouns acts as a party
    actors: list[str] = Field(default_factory=list)
    # "raketten van het type KN-23": the named system says which item
    type_links: list[str] = Field(default_factory=list)
    # phrases that contain an item word but name no item ("think tank")
    not_items: list[str] = Field(default_factory=list)
    # "ZT-180-modellen": words that may head a compound on a system name and keep it an
    # item (item words may too); "F-16-piloten" and "F-16-trainingscentrum" are no items
    system_heads: list[str] = Field(default_factory=list)
    # "helicopter bases", "drone-aanvallen": nouns that turn an item word before them
    # into a modifier, so no item is named
    non_item_heads: list[str] = Field(default_factory=list)
    # "samen met Duitsland", "together with Denmark": a party sharing the subject's role
    partners: list[str] = Field(default_factory=list)
    # "..., and Russia used ...": after a comma, a coordinator before a party opens a clause
    coordinators: list[str] = Field(default_factory=list)
    # "sent 800 drones against Ukrainian cities": goods sent at a target are used, not supplied
    targets: list[str] = Field(default_factory=list)
    sources: SourceNouns = Field(default_factory=SourceNouns)
    time: TimeWords = Field(default_factory=TimeWords)
    grammar: Grammar = Field(default_factory=Grammar)


class Numbers(BaseModel):
    model_config = _STRICT
    decimal: Literal[",", "."]
    group: Literal[",", ".", " "]
    # Dutch writes "twintigduizend" as one word; English does not.
    compound_words: bool = False
    words: dict[str, int]
    scales: dict[str, int]
    joiners: list[str] = Field(default_factory=list)
    approximate: list[str] = Field(default_factory=list)
    at_least: list[str] = Field(default_factory=list)
    at_most: list[str] = Field(default_factory=list)
    vague: dict[str, int] = Field(default_factory=dict)
    rates: dict[str, Per] = Field(default_factory=dict)
    relative: list[str] = Field(default_factory=list)
    multipliers: dict[str, float] = Field(default_factory=dict)
    not_counts: list[str] = Field(default_factory=list)
    # "50 kilo aan explosieven": goods measured by weight are a payload, not the item sent
    weights: list[str] = Field(default_factory=list)
    not_before: list[str] = Field(default_factory=list)
