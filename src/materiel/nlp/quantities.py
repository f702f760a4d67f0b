"""Quantities: digits in either convention, number words, approximators,
bounds, vague plurals, rates and multipliers ("drie keer zoveel")."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from materiel.lexicon.schema import Numbers
from materiel.nlp.doc import Doc, QuantityMention, normalise

_TOKEN = re.compile(
    # digit groups keep one separator: "1,700 500-pound bombs" is two numbers
    r"\d+([.,\u00a0 ])\d{3}(?:\1\d{3})*(?:[.,]\d+)?(?!\w)|\d+[.,]\d+(?!\w)|\w+(?:['-]\w+)*|[%$€£]"
)
_DIGITS = re.compile(r"\d+(?:[.,\u00a0 ]\d+)*")
_CLOCK = re.compile(r"(?<![\d.,:])\d{1,2}:\d{2}(?![\d:])")
_MAX_PHRASE = 4
_RATE_WINDOW = 7


class QuantityParser:
    """Finds the quantities in a text with one language's number lexicon."""

    def __init__(self, numbers: Numbers, months: dict[str, int] | None = None) -> None:
        self.numbers = numbers
        self.months = set(months or ())
        self.word_values = {normalise(k): v for k, v in numbers.words.items()}
        self.scales = {normalise(k): v for k, v in numbers.scales.items()}
        self.not_counts = {normalise(w) for w in numbers.not_counts}
        self.vague = {normalise(k): v for k, v in numbers.vague.items()}
        self.multipliers = {normalise(k): v for k, v in numbers.multipliers.items()}
        self.rates = {normalise(k): v for k, v in numbers.rates.items()}
        self.relative = {normalise(w) for w in numbers.relative}
        self.approx = {normalise(w) for w in numbers.approximate}
        self.at_least = {normalise(w) for w in numbers.at_least}
        self.at_most = {normalise(w) for w in numbers.at_most}
        self.joiners = {normalise(w) for w in numbers.joiners}
        self.not_before = {normalise(w) for w in numbers.not_before}
        self.starters = {
            phrase.split()[0]
            for phrase in (*self.vague, *self.multipliers, *self.word_values, *self.scales)
        }
        self._morphemes = sorted(
            [*self.word_values, *self.scales, "en", "ën"], key=len, reverse=True
        )

    def parse(self, text: str, offset: int = 0) -> list[QuantityMention]:
        """Every quantity in `text` (already normalised), offsets shifted by `offset`."""
        # "18:32 -" in a live blog is a clock time, not two counts
        text = _CLOCK.sub(lambda m: " " * len(m.group()), text)
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        words = [t[2] for t in tokens]
        out: list[QuantityMention] = []
        i = 0
        while i < len(tokens):
            if not self._may_start(words[i]):
                i += 1
                continue
            found = self._at(words, i)
            if found is None:
                i += 1
                continue
            stop, mention = found
            if self._keep(words, i, stop, mention):
                self._modifiers(words, i, stop, mention)
                mention.start = tokens[i][0] + offset
                mention.end = tokens[stop - 1][1] + offset
                out.append(mention)
            i = stop
        return out

    def _may_start(self, word: str) -> bool:
        if word[0].isdigit() or word in self.starters:
            return True
        return self.numbers.compound_words and len(word) >= 6 and bool(self._split(word))

    def _at(self, words: list[str], i: int) -> tuple[int, QuantityMention] | None:
        for size in range(min(_MAX_PHRASE, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in self.vague:
                return i + size, QuantityMention(0, 0, self.vague[phrase], bound="at_least")
            if phrase in self.multipliers:
                return i + size, QuantityMention(0, 0, None, multiplier=self.multipliers[phrase])
        return self._number(words, i)

    def _number(self, words: list[str], i: int) -> tuple[int, QuantityMention] | None:
        value, stop = self._digits(words, i)
        if value is None:
            value, stop = self._words(words, i)
        if value is None:
            return None
        while stop < len(words) and words[stop] in self.scales:
            value *= self.scales[words[stop]]
            stop += 1
        mention = QuantityMention(0, 0, value)
        mention.maybe_year = _DIGITS.fullmatch(words[i]) is not None and _is_year(words[i])
        rel = self._relative_after(words, stop)
        if rel:
            mention.multiplier, mention.value = value, None
            stop += rel
        return stop, mention

    def _digits(self, words: list[str], i: int) -> tuple[float | None, int]:
        word = words[i]
        if not _DIGITS.fullmatch(word):
            return None, i
        return parse_digits(word, self.numbers.decimal, self.numbers.group), i + 1

    def _words(self, words: list[str], i: int) -> tuple[float | None, int]:
        parts: list[int] = []
        j = i
        while j < len(words):
            two = " ".join(words[j : j + 2])
            if j + 1 < len(words) and two in self.word_values:
                parts.append(self.word_values[two])
                j += 2
                continue
            morphs = self._split(words[j])
            if morphs:
                parts.extend(morphs)
                j += 1
            elif (
                parts
                and words[j] in self.joiners
                and j + 1 < len(words)
                and self._split(words[j + 1])
            ):
                j += 1
            else:
                break
        if not parts or (
            len(parts) == 1 and words[i] not in self.word_values and words[i] not in self.scales
        ):
            return (combine(parts), j) if parts else (None, i)
        return combine(parts), j

    def _split(self, word: str) -> list[int]:
        """A number word as morpheme values; Dutch compounds like `tweeëntwintigduizend`."""
        if word in self.word_values:
            return [self.word_values[word]]
        if word in self.scales:
            return [self.scales[word]]
        if not self.numbers.compound_words or len(word) < 6:
            return []
        return _decompose(word, tuple(self._morphemes), self._value)

    def _value(self, morph: str) -> int | None:
        if morph in ("en", "ën"):
            return None
        return self.word_values.get(morph, self.scales.get(morph))

    def _relative_after(self, words: list[str], stop: int) -> int:
        for size in (4, 3, 2):
            if stop + size <= len(words) and " ".join(words[stop : stop + size]) in self.relative:
                return size
        return 0

    def _keep(self, words: list[str], i: int, stop: int, mention: QuantityMention) -> bool:
        after = words[stop] if stop < len(words) else ""
        before = words[i - 1] if i > 0 else ""
        if after in self.not_counts or before in ("$", "€", "£", "us$", "usd", "eur"):
            return False
        if after in self.months or before in self.months:
            return False
        if words[i] in ("een", "a", "an") and stop == i + 1:
            return False
        if after in self.not_before and words[i] in self.word_values and stop == i + 1:
            return False
        return not (mention.value is not None and mention.value == 0)

    def _modifiers(self, words: list[str], i: int, stop: int, mention: QuantityMention) -> None:
        for size in (3, 2, 1):
            phrase = " ".join(words[max(0, i - size) : i])
            if i - size < 0:
                continue
            if phrase in self.approx:
                mention.approximate = True
            if phrase in self.at_least and mention.bound is None:
                mention.bound = "at_least"
            if phrase in self.at_most and mention.bound is None:
                mention.bound = "at_most"
        mention.per = self._rate_after(words, stop) or self._rate_before(words, i)

    def _rate_before(self, words: list[str], i: int) -> str | None:
        """ "dit jaar 6.000": a rate phrase just before the number."""
        for size in (3, 2):
            if i - size >= 0:
                rate = self.rates.get(" ".join(words[i - size : i]))
                if rate:
                    return rate
        return None

    def _rate_after(self, words: list[str], stop: int) -> str | None:
        for j in range(stop, min(len(words), stop + _RATE_WINDOW)):
            if _DIGITS.fullmatch(words[j]) or words[j] in self.word_values:
                return None
            for size in (3, 2, 1):
                rate = self.rates.get(" ".join(words[j : j + size]))
                if rate:
                    return rate
        return None


def parse_digits(word: str, decimal: str, group: str) -> float:
    """`20.000` (nl) and `20,000` (en) are 20000; `1,5` (nl) and `1.5` (en) are 1.5."""
    word = word.replace("\u00a0", " ")
    pieces = re.split(r"([.,  ])", word)
    digits, seps = pieces[0::2], pieces[1::2]
    out = digits[0]
    for sep, part in zip(seps, digits[1:], strict=True):
        is_group = (
            sep == " " or (sep == group and len(part) == 3) or (sep != decimal and len(part) == 3)
        )
        out += part if is_group else "." + part
    try:
        return float(out)
    except ValueError:
        return float(re.sub(r"\D", "", out) or 0)


def combine(parts: list[int]) -> float:
    """Values of number words in order: [2, 100, 50, 1000] is 250,000."""
    total = current = 0
    for value in parts:
        if value >= 100:
            current = max(current, 1) * value
            if value >= 1000:
                total += current
                current = 0
        else:
            current += value
    return float(total + current)


@lru_cache(maxsize=4096)
def _decompose(word: str, morphemes: tuple[str, ...], value_of: object) -> list[int]:
    values: list[int] = []
    rest = word
    while rest:
        for morph in morphemes:
            if rest.startswith(morph):
                value = value_of(morph)  # type: ignore[operator]
                if value is not None:
                    values.append(value)
                rest = rest[len(morph) :]
                break
        else:
            return []
    return values if values else []


def _is_year(word: str) -> bool:
    return word.isdigit() and len(word) == 4 and 1800 <= int(word) <= 2100


class Quantities:
    name = "quantities"
    requires: tuple[str, ...] = ("sentences", "mentions")
    assigns: tuple[str, ...] = ("quantities",)

    def __init__(self, parser: QuantityParser) -> None:
        self.parser = parser

    def __call__(self, doc: Doc) -> Doc:
        out: list[QuantityMention] = []
        for sentence in doc.sentences:
            out.extend(self.parser.parse(doc.norm[sentence.start : sentence.end], sentence.start))
        # "Leopard 2", "F-16", "Su-30SM2": digits inside a system's name count nothing
        names = sorted((m.start, m.end) for m in doc.mentions if m.label == "system")
        starts = [start for start, _ in names]
        doc.quantities = [q for q in out if not _inside_name(q, names, starts)]
        return doc


def _inside_name(
    quantity: QuantityMention, names: list[tuple[int, int]], starts: list[int]
) -> bool:
    index = bisect_right(starts, quantity.start) - 1
    return index >= 0 and quantity.start < names[index][1]
