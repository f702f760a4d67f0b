"""Attribution: whom a sentence's claims are attributed to.

`volgens X`, `aldus X`, `according to X` (the source follows the cue);
`X meldde dat`, `X said` (the source is the verb's subject, before it, or
after it when inverted: `zeiden A en B dat`). A speaker label is the source
of its turn. The source phrase is kept as a span, so that "de Duitse krant"
does not make Germany a party to the claim.
"""

from __future__ import annotations

import re

from materiel.lexicon import Lexicon
from materiel.nlp.doc import Clause, Doc, Mention, Sentence, SourceRef, normalise
from materiel.nlp.grammar import grammar_words
from materiel.nlp.names import PERSON, document_names, strip_function_words

_WINDOW = 90  # characters after a "volgens"-type cue in which its source stands


class Attribution:
    name = "attribution"
    requires: tuple[str, ...] = ("sentences", "mentions", "clauses", "speakers")
    assigns: tuple[str, ...] = ("sources",)

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.source_kind = {name: s.kind for name, s in lexicon.sources.items()}
        self.aliases = {normalise(a): n for a, n in lexicon.source_aliases}
        self.modifiers = {normalise(k): v for k, v in lexicon.cues.sources.modifiers.items()}
        self.grammar = grammar_words(lexicon)
        self.marks = tuple(f" {w} " for w in self.grammar.complementizers)
        self.coordinators = tuple(f"{w} " for w in self.grammar.coordinators)

    def __call__(self, doc: Doc) -> Doc:
        memory = document_names(doc, self.grammar.function_words)
        last_outlet: list[str] = []
        by_sentence = _group(doc.mentions, doc.sentences)
        for sentence, mentions in zip(doc.sentences, by_sentence, strict=True):
            finder = _Finder(self, doc, mentions, memory, last_outlet)
            refs = finder.attributions(sentence)
            if sentence.speaker:
                refs.insert(
                    0, SourceRef(sentence.speaker, sentence.start, sentence.start, "person")
                )
            sentence.sources = _dedupe(refs)
            sentence.source_spans = finder.spans
            sentence.fallback_spans = finder.fallback
            for ref in sentence.sources:
                if ref.kind == "outlet":
                    last_outlet.append(ref.name)
            for mention in mentions:
                if mention.label == "source" and self.source_kind.get(mention.key) == "outlet":
                    last_outlet.append(mention.key)
        return doc


class _Finder:
    """Finds the sources of one sentence."""

    def __init__(
        self,
        owner: Attribution,
        doc: Doc,
        mentions: list[Mention],
        memory: dict[str, str],
        last_outlet: list[str],
    ) -> None:
        self.owner = owner
        self.doc = doc
        self.mentions = mentions
        self.memory = memory
        self.last_outlet = last_outlet
        self.spans: list[tuple[int, int]] = []
        self.fallback: list[tuple[int, int]] = []

    def attributions(self, sentence: Sentence) -> list[SourceRef]:
        refs: list[SourceRef] = self._headline_label(sentence)
        for cue in self.mentions:
            if cue.label != "cue":
                continue
            if cue.key == "attr_before":
                refs.extend(self._after(cue, sentence, first_only=True))
            elif (
                cue.key == "attr_verb"
                and not self._inside_transfer_cue(cue)
                and not self._after_determiner(cue)
            ):
                passive = self._passive(cue)
                resumed = _resumed_subject(sentence, cue)
                if resumed is not None and self._source_follows(cue, sentence):
                    resumed = None  # ", aldus de krant Wall Street Journal": inverted
                if resumed is not None:
                    # "Poland, which pushed Berlin, confirmed ...": the subject is Poland
                    found = self.candidates(resumed.start, resumed.end, near_end=True)
                else:
                    found = [] if passive else self._before(cue, sentence)
                if passive or (not found and not resumed and self._inverted(cue, sentence)):
                    found = self._after(cue, sentence, first_only=False)
                refs.extend(found)
                if found:
                    end = cue.end if resumed is not None else self._frame_end(cue, sentence)
                    self.spans.append((cue.start, end))
                told = normalise(self.doc.text[cue.start : cue.end]) in self.owner.grammar.told
                if found and told:
                    refs.extend(r for r in self._after(cue, sentence, False) if r.kind == "outlet")
        return refs

    def _after(self, cue: Mention, sentence: Sentence, first_only: bool) -> list[SourceRef]:
        stop = min(sentence.end, cue.end + _WINDOW)
        text = self.doc.text[cue.end : stop]
        for mark in (*self.owner.marks, ", ", ": "):
            cut = text.find(mark)
            if cut > 0 and (not first_only or mark == ", "):
                # "According to Malian state television, Russia ...": the source ends
                # at the comma
                stop = min(stop, cue.end + cut)
        found = self.candidates(cue.end, stop, near_start=True)
        if first_only and not found:
            found = self._unnamed_source(cue.end, stop)
        if first_only:
            found = found[:1]
            if found and self._coordinated(found[0].end, stop):
                more = self.candidates(found[0].end, stop)[:1]
                found += more
        if found:
            self.spans.append((cue.start, found[-1].end))
        return found

    def _headline_label(self, sentence: Sentence) -> list[SourceRef]:
        """ "Kyiv: Rusland vuurde ... af": a name and a colon open a quoted headline."""
        text = self.doc.text[sentence.start : sentence.start + 40]
        colon = text.find(": ")
        if colon <= 0 or "\n" in text[:colon]:
            return []
        end = sentence.start + colon
        inside = [m for m in self.mentions if m.start >= sentence.start and m.end == end]
        for mention in inside:
            ref = self._from_mention(mention, inside)
            if ref is not None:
                self.spans.append((sentence.start, end + 1))
                return [ref]
        return []

    def _unnamed_source(self, start: int, stop: int) -> list[SourceRef]:
        """A source no catalogue knows, set off by a comma: its words as its name."""
        phrase = self.doc.text[start:stop]
        if not phrase.endswith(",") and self.doc.text[stop : stop + 1] != ",":
            return []
        words = phrase.strip(" ,").split()
        while words and normalise(words[0]) in self.owner.grammar.determiners:
            words = words[1:]
        if not 1 <= len(words) <= 5:
            return []
        name = " ".join(words)
        at = self.doc.text.index(words[0], start)
        return [SourceRef(name, at, at + len(name), "unnamed")]

    def _source_follows(self, cue: Mention, sentence: Sentence) -> bool:
        """ "..., aldus de Amerikaanse krant X": a source right after the verb."""
        stop = min(sentence.end, cue.end + 60)
        found = self.candidates(cue.end, stop, near_start=True)
        return bool(found) and found[0].start - cue.end <= 25 and found[0].kind != "state"

    def _passive(self, cue: Mention) -> bool:
        """ "estimated by some analysts": the agent after the verb is the source."""
        words = self.doc.norm[cue.end : cue.end + 8].split()
        return bool(words) and words[0] in self.owner.grammar.passive_agents

    def _after_determiner(self, cue: Mention) -> bool:
        """ "an estimated $1 billion": a participle used as an adjective reports nothing."""
        words = self.doc.norm[max(0, cue.start - 12) : cue.start].split()
        return bool(words) and words[-1] in self.owner.grammar.determiners

    def _complementizer_follows(self, cue: Mention, sentence: Sentence) -> bool:
        """ "announced that ...", "meldde dat ...": what follows is reported, not frame."""
        text = self.doc.norm[cue.end : min(sentence.end, cue.end + 70)]
        return any(mark in text for mark in self.owner.marks)

    def _inverted(self, cue: Mention, sentence: Sentence) -> bool:
        """ "..., zei Kirby" or "Achtereenvolgens zeiden A en B": no subject before the verb."""
        before = self.doc.text[sentence.start : cue.start]
        cut = max(before.rfind(mark) + 1 for mark in (",", ";", "„", "“", '"', "”", ":"))
        words = normalise(before[max(cut, 0) :]).split()
        if words and words[-1] in self.owner.grammar.subject_pronouns:
            return False  # "We believe ...": the speaker, not what follows
        return len(words) <= 1

    def _frame_end(self, cue: Mention, sentence: Sentence) -> int:
        """A trailing ", zei John Kirby, woordvoerder van ..." runs to the sentence end."""
        before = self.doc.text[sentence.start : cue.start].rstrip()
        if before.endswith((",", "”", '"')):
            return sentence.end
        return self._complementizer(cue, sentence)

    def _parenthesis_end(self, cue: Mention, sentence: Sentence) -> int:
        """ "In August, the air force said, Russia sent ...": a frame set off by commas
        ends at its closing comma; a trailing one runs to the sentence end."""
        rest = self.doc.text[cue.end : sentence.end]
        comma = rest.find(",")
        if comma >= 0 and len(rest[:comma].split()) <= 3 and len(rest[comma:].split()) > 3:
            return cue.end + comma + 1
        return sentence.end

    def _inside_transfer_cue(self, cue: Mention) -> bool:
        return any(
            m.label == "cue"
            and m.key in ("transfer", "status")
            and m.start <= cue.start
            and cue.end <= m.end
            and (m.end - m.start) > (cue.end - cue.start)
            for m in self.mentions
        )

    def _complementizer(self, cue: Mention, sentence: Sentence) -> int:
        """ "ontkende tegen de Duitse kanselier dat ...": the addressee is part of the frame."""
        text = self.doc.norm[cue.end : min(sentence.end, cue.end + 70)]
        for mark in self.owner.marks:
            cut = text.find(mark)
            if cut >= 0:
                return cue.end + cut
        return cue.end

    def _coordinated(self, end: int, stop: int) -> bool:
        follow = normalise(self.doc.text[end : min(stop, end + 6)]).lstrip()
        return follow.startswith(self.owner.coordinators)

    def _before(self, cue: Mention, sentence: Sentence) -> list[SourceRef]:
        start = sentence.start
        for clause in sentence.clauses:
            if clause.start <= cue.start:
                start = clause.start
        text = _CLOCK.sub(lambda m: "_" * len(m.group()), self.doc.text[start : cue.start])
        cut = max(text.rfind(mark) + len(mark) for mark in (",", ";", "„", "“", '"', "”", ":"))
        after_comma = cut > 0 and text[cut - 1] in ',”"'
        if cut > 0:
            start += cut
        if not self.doc.text[start : cue.start].strip():
            return []  # ", zei Kirby": the subject follows the verb
        found = self.candidates(start, cue.start, near_end=True)
        if found and after_comma and not self._complementizer_follows(cue, sentence):
            # "..., Blinken said on Tuesday during a visit to London": all frame
            self.spans.append((start, self._parenthesis_end(cue, sentence)))
        # "De Oekraïense luchtmacht meldde": no party there; but in "Iran ontkende
        # dat het drones levert" Iran is both the source and the supplier
        for ref in found:
            if ref.kind != "state":
                self.spans.append((self._describers(start, ref.start), ref.end))
            else:
                self.fallback.append((ref.start, ref.end))
        return found

    def _describers(self, start: int, ref_start: int) -> int:
        """Where the words describing a source begin: "de Duitse krant Der Spiegel"."""
        for mention in self.mentions:
            if (
                mention.label == "party"
                and mention.kind == "adjectives"
                and start <= mention.start < ref_start
                and ref_start - mention.end <= 30
            ):
                return mention.start
        return ref_start

    def candidates(
        self, start: int, stop: int, near_start: bool = False, near_end: bool = False
    ) -> list[SourceRef]:
        """Sources named in [start, stop), in order. A name the catalogue does not
        know counts only next to the cue: "volgens Jan Smit", "Jan Smit zei"."""
        out: list[SourceRef] = []
        inside = sorted(
            (m for m in self.mentions if m.start >= start and m.end <= stop),
            key=lambda m: (m.start, m.label != "source"),
        )
        taken: list[tuple[int, int]] = []
        for mention in inside:
            ref = self._from_mention(mention, inside)
            if ref and not any(ref.start < e and s < ref.end for s, e in taken):
                out.append(ref)
                taken.append((ref.start, ref.end))
        for match in PERSON.finditer(self.doc.text, start, stop):
            span = strip_function_words(
                self.doc.text, match.start(), match.end(), self.owner.grammar.function_words
            )
            if span is None:
                continue
            span = _before_taken(span, taken)
            if span is None or not _near(self.doc.text, span, start, stop, near_start, near_end):
                continue
            name = self._person(_trim_particles(self.doc.text[span[0] : span[1]]))
            if not name:
                continue
            out.append(SourceRef(name, span[0], span[1], "person"))
            taken.append(span)
        return sorted(out, key=lambda r: r.start)

    def _from_mention(self, mention: Mention, inside: list[Mention]) -> SourceRef | None:
        lex = self.owner.lexicon
        if mention.label == "source":
            kind = self.owner.source_kind.get(mention.key, "")
            return SourceRef(mention.key, mention.start, mention.end, kind)
        if mention.label == "cue" and mention.key == "outlet_anaphora" and self.last_outlet:
            return SourceRef(self.last_outlet[-1], mention.start, mention.end, "outlet")
        if mention.label == "cue" and mention.key in ("government", "officials"):
            return self._collective(mention, inside)
        if mention.label == "party" and mention.kind in ("names", "metonyms", "leaders"):
            party = lex.parties.get(mention.key)
            if party is None:
                return None
            if mention.kind == "leaders":
                return SourceRef(
                    self.doc.text[mention.start : mention.end], mention.start, mention.end, "person"
                )
            if party.kind == "state":
                name = f"{lex.party_adjective_en.get(party.id, party.name)} government"
                return SourceRef(name, mention.start, mention.end, "state")
            return SourceRef(party.name, mention.start, mention.end, "body")
        return None

    def _collective(self, noun: Mention, inside: list[Mention]) -> SourceRef | None:
        """A government or officials named by adjective: "de Chinese overheid" is
        the Chinese government, "westerse functionarissen" western officials."""
        lex = self.owner.lexicon
        word = "government" if noun.key == "government" else "officials"
        before = [m for m in inside if m.end <= noun.start and noun.start - m.end <= 12]
        for mention in reversed(before):
            if mention.label == "party" and mention.kind == "adjectives":
                adjective = lex.party_adjective_en.get(mention.key, mention.key)
                return SourceRef(f"{adjective} {word}", mention.start, noun.end, "government")
            if mention.label == "cue" and mention.key == "modifier":
                modifier = self.owner.modifiers.get(
                    normalise(self.doc.text[mention.start : mention.end])
                )
                if modifier:
                    return SourceRef(f"{modifier} {word}", mention.start, noun.end, "government")
        if noun.key == "officials":
            # "Officials say ...", "volgens diplomaten": unnamed, but a source all the same
            text = self.doc.text[noun.start : noun.end].lower()
            return SourceRef(text, noun.start, noun.end, "government")
        return None

    def _person(self, text: str) -> str | None:
        words = text.split()
        if len(words) == 1:
            key = normalise(words[0])
            if key in self.owner.aliases:
                return self.owner.aliases[key]
            full = self.memory.get(key)
            if full and len(full.split()) >= 2:
                return self.owner.aliases.get(normalise(full), full)
            return None
        return self.owner.aliases.get(normalise(text), text)


def _resumed_subject(sentence: Sentence, cue: Mention) -> Clause | None:
    """The clause before a relative clause, when the cue's clause resumes it."""
    clauses = sentence.clauses
    for index, clause in enumerate(clauses):
        if clause.start <= cue.start < clause.end:
            return clauses[index - 2] if clause.resumes and index >= 2 else None
    return None


# "18:32 - Germany's minister says ...": a clock time is no punctuation
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


def _near(
    text: str, span: tuple[int, int], start: int, stop: int, near_start: bool, near_end: bool
) -> bool:
    if near_start and len(text[start : span[0]].split()) > 4:
        return False
    return not (near_end and len(text[span[1] : stop].split()) > 3)


def _before_taken(span: tuple[int, int], taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A name candidate that runs into a known source keeps only its part before it."""
    end = span[1]
    for start, _ in taken:
        if span[0] < start < end:
            end = start
        elif start <= span[0] < _:
            return None
    return (span[0], end) if end > span[0] else None


def _trim_particles(name: str) -> str:
    words = name.split()
    while words and words[-1].islower():
        words.pop()
    return " ".join(words)


def _group(mentions: list[Mention], sentences: list[Sentence]) -> list[list[Mention]]:
    out: list[list[Mention]] = [[] for _ in sentences]
    index = 0
    for i, sentence in enumerate(sentences):
        while index < len(mentions) and mentions[index].start < sentence.start:
            index += 1
        j = index
        while j < len(mentions) and mentions[j].start < sentence.end:
            out[i].append(mentions[j])
            j += 1
    return out


def _dedupe(refs: list[SourceRef]) -> list[SourceRef]:
    seen: set[str] = set()
    out = []
    for ref in refs:
        if ref.name.lower() not in seen:
            seen.add(ref.name.lower())
            out.append(ref)
    return out
