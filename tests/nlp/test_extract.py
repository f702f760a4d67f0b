"""The extractor on small documents written for these tests."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from materiel.model import Claim
from materiel.nlp.pipeline import extract_claims


def only(claims: list[Claim], kind: str = "transfer") -> Claim:
    found = [c for c in claims if c.kind == kind]
    assert len(found) == 1, [c.to_json() for c in claims]
    return found[0]


def test_dutch_delivery_with_source_and_compound() -> None:
    text = "Volgens Reuters heeft Iran honderden Shahed-drones aan Rusland geleverd."
    claim = only(extract_claims(text, "nl", "2023-05"))
    assert (claim.supplier, claim.recipient) == ("IR", "RU")
    assert claim.item.designation == "Shahed-136"
    assert claim.quantity is not None and claim.quantity.value == 100
    assert claim.quantity.bound == "at_least"
    assert claim.status == "delivered"
    assert claim.sources == ["Reuters"]
    assert claim.evidence.text == text


def test_english_hedged_shipment() -> None:
    text = "North Korea has reportedly shipped more than 1,000,000 artillery shells to Russia."
    claim = only(extract_claims(text, "en"))
    assert (claim.supplier, claim.recipient) == ("KP", "RU")
    assert claim.item.category == "ammunition"
    assert claim.quantity is not None and claim.quantity.value == 1_000_000
    assert claim.stance == "hedged"


def test_denial() -> None:
    text = "China denied that it had supplied drones to Russia."
    claim = only(extract_claims(text, "en"))
    assert claim.stance == "denied"
    assert (claim.supplier, claim.recipient) == ("CN", "RU")


def test_hypothetical_is_not_a_claim() -> None:
    assert extract_claims("If China supplied weapons to Russia, the war would change.", "en") == []
    assert extract_claims("Als China wapens aan Rusland levert, verandert de oorlog.", "nl") == []


def test_speaker_label_is_the_source() -> None:
    text = "MR. KIRBY: Iran has provided Russia with hundreds of attack drones.\n"
    claim = only(extract_claims(text, "en"))
    assert claim.sources == ["John Kirby"]
    assert (claim.supplier, claim.recipient) == ("IR", "RU")


def test_stock_figures_from_a_to_b() -> None:
    text = "According to Kyiv, the Russian stock of Iskander missiles fell from about 900 to 150."
    claims = [c for c in extract_claims(text, "en") if c.kind == "stock"]
    values = sorted(c.quantity.value for c in claims if c.quantity)
    assert values == [150, 900]
    assert all(c.holder == "RU" and c.item.designation == "Iskander" for c in claims)


def test_relative_quantity_uses_the_previous_figure() -> None:
    text = (
        "Russia fires about 10,000 artillery shells a day, Ukrainian officials said. "
        "Last summer it fired twice as many."
    )
    claims = [c for c in extract_claims(text, "en", "2024-03") if c.kind == "consumption"]
    assert sorted(c.quantity.value for c in claims if c.quantity) == [10000, 20000]
    assert all(c.quantity and c.quantity.per == "day" for c in claims)


def test_implied_recipient_from_context() -> None:
    text = (
        "Iran levert al maanden drones aan Rusland. "
        "Daarnaast stuurt Iran ook munitie, aldus de NOS."
    )
    claims = extract_claims(text, "nl")
    ammunition = [c for c in claims if c.item.category == "ammunition"]
    assert ammunition and ammunition[0].recipient == "RU"


def test_document_without_arms_has_no_claims() -> None:
    text = "De Nederlandse economie groeide vorig jaar met 0,1 procent, meldt het CBS."
    assert extract_claims(text, "nl") == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(["nl", "en"]))
def test_extractor_never_crashes(text: str, lang: str) -> None:
    for claim in extract_claims(text, lang):
        assert 0 <= claim.evidence.start <= claim.evidence.end <= len(text)
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "Rusland",
                "China",
                "levert",
                "geweren",
                "aan",
                "zo'n",
                "20.000",
                "granaten",
                "per dag",
                "volgens",
                "Reuters",
                ",",
                ".",
                "ontkende",
                "dat",
                "drones",
                "Iskander-raketten",
                "zouden",
                "als",
                "maar",
                "voorraad",
                "van",
                "naar",
                "drie keer zoveel",
                "\n",
                "MR. KIRBY:",
            ]
        ),
        max_size=40,
    )
)
def test_extractor_never_crashes_on_dense_text(words: list[str]) -> None:
    text = " ".join(words)
    for claim in extract_claims(text, "nl", "2023-03"):
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text


def test_misspelt_names_are_found_fuzzily() -> None:
    text = "Volgens Reuters heeft Iran tientallen Shahed-drones aan Ruslannd geleverd."
    claim = only(extract_claims(text, "nl"))
    assert (claim.supplier, claim.recipient) == ("IR", "RU")
