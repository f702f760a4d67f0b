from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from materiel.lexicon import load_lexicon
from materiel.nlp.doc import normalise
from materiel.nlp.quantities import QuantityParser, combine, parse_digits


def parser(lang: str) -> QuantityParser:
    lex = load_lexicon(lang)
    return QuantityParser(lex.numbers, lex.cues.time.months)


def first(lang: str, text: str) -> tuple[float | None, bool, str | None, str | None, float | None]:
    found = parser(lang).parse(normalise(text))
    assert found, f"no quantity in {text!r}"
    q = found[0]
    return q.value, q.approximate, q.bound, q.per, q.multiplier


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nl", "zo'n 20.000 granaten per dag", (20000, True, None, "day", None)),
        ("nl", "twintigduizend granaten", (20000, False, None, None, None)),
        ("nl", "tweeëntwintig tanks", (22, False, None, None, None)),
        ("nl", "ruim 1.500 drones", (1500, True, "at_least", None, None)),
        ("nl", "maximaal 40 raketten per maand", (40, False, "at_most", "month", None)),
        ("nl", "1,5 miljoen granaten", (1_500_000, False, None, None, None)),
        ("nl", "tientallen tanks", (12, False, "at_least", None, None)),
        ("nl", "drie keer zoveel", (None, False, None, None, 3)),
        ("en", "about 20,000 shells a day", (20000, True, None, "day", None)),
        ("en", "up to 40 missiles a month", (40, False, "at_most", "month", None)),
        ("en", "more than 1.5 million rounds", (1_500_000, False, "at_least", None, None)),
        ("en", "two hundred and fifty thousand shells", (250_000, False, None, None, None)),
        ("en", "hundreds of drones", (100, False, "at_least", None, None)),
        ("en", "three times as many", (None, False, None, None, 3)),
    ],
)
def test_quantities(lang: str, text: str, expected: tuple[object, ...]) -> None:
    assert first(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "a $625 million package"),
        ("nl", "met 50 kilo aan explosieven"),
        ("en", "on 24 February"),
        ("nl", "Slijper acht het onwaarschijnlijk"),
        ("en", "some 40 percent of the budget"),
    ],
)
def test_not_counts(lang: str, text: str) -> None:
    assert all(q.value is None or q.maybe_year for q in parser(lang).parse(normalise(text)))


def test_years_are_flagged() -> None:
    (q,) = parser("en").parse(normalise("in 2022"))
    assert q.maybe_year


def test_digit_conventions() -> None:
    assert parse_digits("20.000", ",", ".") == 20000
    assert parse_digits("20,000", ".", ",") == 20000
    assert parse_digits("1,5", ",", ".") == 1.5
    assert parse_digits("1.5", ".", ",") == 1.5
    assert combine([5, 100, 1000]) == 500_000


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["nl", "en"]))
def test_parser_never_crashes(text: str, lang: str) -> None:
    for q in parser(lang).parse(normalise(text)):
        assert 0 <= q.start <= q.end <= len(text)
