"""Match every lexicon phrase in one pass over the text (Aho-Corasick).

Matching is on characters, not tokens, so that aliases are found inside Dutch
compounds: a catalogue name at the start of `Iskander-raketten`, an item word
as the head of `artilleriegranaten`. Boundary rules per entry keep `Oman` out
of `Romania` and `us` (the pronoun) out of `US`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

import ahocorasick

from materiel.lexicon import Lexicon
from materiel.nlp.doc import Doc, Mention, normalise

ENTITY_LABELS = ("party", "system", "source")


@dataclass(frozen=True, slots=True)
class Entry:
    label: str
    key: str
    kind: str
    alias: str
    head: bool  # may be the head of a compound (left side inside a word)
    exact_case: bool
    capital: bool
    rest: str = ""  # the detached second part of a separable verb: "stelt … ter beschikking"


class Gazetteer:
    """The automaton of one language's lexicon."""

    name = "gazetteer"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("mentions",)

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.compounds = lexicon.numbers.compound_words
        grammar = lexicon.cues.grammar
        self.inflections = (tuple(grammar.name_inflections), tuple(grammar.short_name_inflections))
        self.automaton = ahocorasick.Automaton()
        self._entries: dict[str, list[Entry]] = {}
        for entry in self._all_entries():
            self._entries.setdefault(normalise(entry.alias), []).append(entry)
        for phrase, entries in self._entries.items():
            self.automaton.add_word(phrase, (phrase, tuple(entries)))
        self.automaton.make_automaton()

    def entries(self) -> list[Entry]:
        """Every entry of the automaton (a phrase may carry several)."""
        return [entry for entries in self._entries.values() for entry in entries]

    def _all_entries(self) -> list[Entry]:
        lex = self.lexicon
        out = [self._entity("party", pid, kind, alias) for alias, pid, kind in lex.party_aliases]
        out += [self._entity("system", sid, "", alias) for alias, sid in lex.system_aliases]
        out += [self._entity("source", name, "", alias) for alias, name in lex.source_aliases]
        out += [Entry("item", cat, "", w, self.compounds, False, False) for w, cat in lex.items]
        out += [
            Entry("item", cat, "reference", w, False, False, False)
            for w, cat in lex.item_references
        ]
        out += [_split(e) for e in self._cue_entries()]
        return [e for e in out if e.alias.strip()]

    def _entity(self, label: str, key: str, kind: str, alias: str) -> Entry:
        letters = alias.replace(".", "").replace(" ", "")
        exact = letters.isupper() and len(letters) <= 5
        return Entry(label, key, kind, alias, False, exact, alias[:1].isupper())

    def _cue_entries(self) -> list[Entry]:
        cues = self.lexicon.cues
        out = []
        for index, cue in enumerate(cues.transfer):
            head = cue.compound and self.compounds
            out += [Entry("cue", "transfer", str(index), w, head, False, False) for w in cue.words]
        for group in cues.status:
            out += [
                Entry("cue", "status", group.status, w, False, False, False) for w in group.words
            ]
        tables = {
            "hedged": cues.stance.hedged,
            "denied": cues.stance.denied,
            "negation": cues.negation,
            "attr_before": cues.attribution.before,
            "attr_verb": cues.attribution.verbs,
            "hypothetical": cues.hypothetical,
            "stock": cues.kinds.stock,
            "production": cues.kinds.production,
            "consumption": cues.kinds.consumption,
            "to": cues.direction.recipient,
            "from": cues.direction.supplier,
            "in": cues.direction.location,
            "state_anaphora": cues.party_anaphora.state,
            "group_anaphora": cues.party_anaphora.group,
            "pronoun": cues.party_anaphora.pronoun,
            "break": cues.clause_breaks,
            "item_anaphora": cues.item_anaphora,
            "not_item": cues.not_items,
            "partner": cues.partners,
            "coordinator": cues.coordinators,
            "target": cues.targets,
            "actor": cues.actors,
            "type_link": cues.type_links,
            "government": cues.sources.government,
            "officials": cues.sources.officials,
            "outlet_anaphora": cues.sources.outlet_anaphora,
            "modifier": list(cues.sources.modifiers),
        }
        for key, words in tables.items():
            out += [Entry("cue", key, "", w, False, False, False) for w in words]
        inflicted = cues.kinds.inflicted
        out += [Entry("cue", "consumption", "inflicted", w, False, False, False) for w in inflicted]
        return out

    def __call__(self, doc: Doc) -> Doc:
        if not doc.norm:
            doc.norm = normalise(doc.text)
        raw = list(self._raw_matches(doc))
        doc.mentions = _drop_cues_inside_names(_resolve_overlaps(raw))
        return doc

    def _raw_matches(self, doc: Doc) -> list[Mention]:
        text, norm = doc.text, doc.norm
        out = []
        for end_index, (phrase, entries) in self.automaton.iter(norm):
            start = end_index - len(phrase) + 1
            end = end_index + 1
            for entry in entries:
                stop = _accept(entry, text, norm, start, end, self.inflections)
                if stop and (not entry.rest or _rest_follows(norm, stop, entry.rest)):
                    out.append(Mention(start, stop, entry.label, entry.key, entry.kind))
        return out


_SEPARATOR = " … "
# how far the particle of a separable verb may stand from the verb
_SEPARABLE_REACH = 140


def _split(entry: Entry) -> Entry:
    """ "stelt … ter beschikking": the verb is matched, the particle looked for after it."""
    words = entry.alias.replace(" ... ", _SEPARATOR)
    if _SEPARATOR not in words:
        return entry
    first, rest = words.split(_SEPARATOR, 1)
    return replace(entry, alias=first, rest=normalise(rest))


def _rest_follows(norm: str, start: int, rest: str) -> bool:
    """The particle later in the same sentence, as whole words."""
    window = norm[start : start + _SEPARABLE_REACH]
    stop = min((i for i in (window.find(". "), window.find("; ")) if i >= 0), default=-1)
    if stop >= 0:
        window = window[:stop]
    at = window.find(" " + rest)
    while at >= 0:
        after = at + 1 + len(rest)
        if after >= len(window) or not _is_word_char(window[after]):
            return True
        at = window.find(" " + rest, at + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _accept(
    entry: Entry,
    text: str,
    norm: str,
    start: int,
    end: int,
    inflections: tuple[tuple[str, ...], tuple[str, ...]],
) -> int:
    """The end of an accepted match (after any inflection), or 0."""
    if entry.label == "cue" and not entry.head and _hyphenated(norm, start, end):
        return 0
    if start > 0 and _is_word_char(norm[start - 1]) and not entry.head:
        return 0
    inside_word = start > 0 and _is_word_char(norm[start - 1])
    if inside_word and len(entry.alias) < 4:
        # a compound head must be at least four letters to mean anything
        return 0
    if entry.exact_case and text[start:end] != entry.alias:
        return 0
    if entry.capital and not text[start].isupper() and text[start].isalpha():
        return 0
    if entry.label == "party" and _dateline(text, start, end):
        return 0
    if end >= len(norm) or not _is_word_char(norm[end]) or not _is_word_char(norm[end - 1]):
        return end
    if entry.label in ENTITY_LABELS:
        # "Iskanders", "Leopards"; short names take fewer ("Grad" is not "Grade")
        suffixes = inflections[0] if len(entry.alias) >= 6 else inflections[1]
        for suffix in suffixes:
            stop = end + len(suffix)
            if norm.startswith(suffix, end) and (
                stop >= len(norm) or not _is_word_char(norm[stop])
            ):
                return stop
    return 0


_DATELINE_MARKS = (" - ", " – ", " — ", " (", "(")


def _dateline(text: str, start: int, end: int) -> bool:
    """ "MINSK (ANP) - ...": the place a wire story was filed from is no party."""
    word = text[start:end]
    if not (word.isupper() and len(word) >= 4):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start : start + 60]
    # "KYIV / AMSTERDAM - ...", "WASHINGTON, D.C. (AP) -": capitals up to the dash
    cut = min((i for i in (head.find(m) for m in _DATELINE_MARKS) if i >= 0), default=-1)
    if cut < 0 or cut < start - line_start:
        return False
    lead = head[:cut]
    return not any(c.islower() for c in lead) and len(lead.split()) <= 6


def _drop_cues_inside_names(mentions: list[Mention]) -> list[Mention]:
    """ "United States" holds no verb "states"."""
    names = sorted((m.start, m.end) for m in mentions if m.label in ENTITY_LABELS)
    starts = [start for start, _ in names]
    out = []
    for mention in mentions:
        if mention.label == "cue" and mention.key != "modifier":
            index = bisect_right(starts, mention.start) - 1
            if _covered(names, index, mention):
                continue
        out.append(mention)
    return out


def _covered(names: list[tuple[int, int]], index: int, mention: Mention) -> bool:
    # names overlap rarely; look back over the few that start at or before the cue
    while index >= 0 and mention.start - names[index][0] < 80:
        start, end = names[index]
        if mention.end <= end and (end - start) > (mention.end - mention.start):
            return True
        index -= 1
    return False


def _hyphenated(norm: str, start: int, end: int) -> bool:
    """ "anti-ship" holds no verb "ship"; "F-16-levering" does hold "levering"."""
    before = norm[start - 2 : start] if start >= 2 else ""
    after = norm[end : end + 2]
    return (len(before) == 2 and before[1] == "-" and before[0].isalpha()) or (
        len(after) == 2 and after[0] == "-" and after[1].isalpha()
    )


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Leftmost-longest per label (per cue type for cues), in one sweep each."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        name = f"cue:{mention.key}" if mention.label == "cue" else mention.label
        groups.setdefault(name, []).append(mention)
    kept: list[Mention] = []
    for members in groups.values():
        members.sort(key=lambda m: (m.start, -(m.end - m.start)))
        last_end = -1
        for mention in members:
            if mention.start >= last_end:
                kept.append(mention)
                last_end = mention.end
    kept.sort(key=lambda m: (m.start, m.end))
    return kept
