"""Sentence constructions the extractor must read: separable verbs, partners,
arrivals, pronoun subjects, coordinated recipients, launches at a target."""

from __future__ import annotations

from materiel.model import Claim
from materiel.nlp.pipeline import extract_claims


def transfers(text: str, lang: str) -> list[tuple[str | None, str | None, str]]:
    claims = extract_claims(text, lang, "2024-05")
    return sorted(
        (c.supplier, c.recipient, c.item.designation or c.item.category)
        for c in claims
        if c.kind == "transfer"
    )


def single(claims: list[Claim], kind: str) -> Claim:
    found = [c for c in claims if c.kind == kind]
    assert len(found) == 1, [c.to_json() for c in claims]
    return found[0]


def test_separable_verb_with_particle_at_the_end() -> None:
    text = "Noorwegen stelt Oekraïne dit najaar veertig pantservoertuigen ter beschikking."
    claim = single(extract_claims(text, "nl"), "transfer")
    assert (claim.supplier, claim.recipient) == ("NO", "UA")
    assert claim.status == "agreed"
    assert claim.quantity is not None and claim.quantity.value == 40


def test_separable_particle_must_stand_in_the_same_sentence() -> None:
    text = "Noorwegen stelt dat het conflict lang duurt. Ter beschikking staan geen tanks."
    assert transfers(text, "nl") == []


def test_partner_gets_a_claim_of_its_own() -> None:
    text = "Zweden heeft samen met Finland drie CV90-voertuigen aan Oekraïne geleverd."
    assert transfers(text, "nl") == [("FI", "UA", "CV90"), ("SE", "UA", "CV90")]


def test_english_partner() -> None:
    text = "Spain, together with Portugal, shipped six Leopard 2 tanks to Ukraine."
    assert transfers(text, "en") == [("ES", "UA", "Leopard 2"), ("PT", "UA", "Leopard 2")]


def test_arrival_names_the_recipient() -> None:
    text = "Britse Challenger 2-tanks zijn vorige week in Oekraïne aangekomen."
    claim = single(extract_claims(text, "nl"), "transfer")
    assert (claim.supplier, claim.recipient) == ("GB", "UA")
    assert claim.status == "delivered"


def test_pronoun_subject_refers_to_the_last_named_state() -> None:
    text = (
        "Romania is modernising its air force. Last year it ordered 32 F-35 jets, "
        "and it is in talks with Sweden about Gripen fighters."
    )
    found = transfers(text, "en")
    assert ("US", "RO", "F-35") in found
    assert ("SE", "RO", "Gripen") in found


def test_every_listed_recipient() -> None:
    text = "Officials say Belarus is sending ammunition to Russia and to Wagner."
    assert transfers(text, "en") == [
        ("BY", "RU", "ammunition"),
        ("BY", "wagner-group", "ammunition"),
    ]


def test_goods_sent_against_a_target_are_used() -> None:
    text = "Russia sent 120 drones against Ukrainian power plants overnight, Kyiv said."
    claims = extract_claims(text, "en", "2024-05")
    claim = single(claims, "consumption")
    assert claim.holder == "RU"
    assert claim.quantity is not None and claim.quantity.value == 120
    assert not [c for c in claims if c.kind == "transfer"]


def test_parenthetical_frame_keeps_the_subject() -> None:
    text = "In March, the ministry said, Iran shipped 40 drones to Venezuela."
    assert transfers(text, "en") == [("IR", "VE", "uav")]


def test_buyer_without_seller_buys_from_the_maker() -> None:
    text = "Poland ordered 96 Apache helicopters."
    claim = single(extract_claims(text, "en"), "transfer")
    assert (claim.supplier, claim.recipient) == ("US", "PL")


def test_relative_clause_after_items_refers_to_the_items() -> None:
    text = "Bij het pakket horen granaten en reserveonderdelen, die Denemarken aan Oekraïne levert."
    assert transfers(text, "nl") == [("DK", "UA", "ammunition"), ("DK", "UA", "components")]


def test_system_name_qualifying_another_noun_is_no_item() -> None:
    text = "Twintig F-16-piloten zijn naar Roemenië vertrokken; Nederland levert Oekraïne munitie."
    assert transfers(text, "nl") == [("NL", "UA", "ammunition")]


def test_aircraft_word_refers_back_to_the_named_system() -> None:
    text = "Noorwegen levert Oekraïne F-16's. De eerste toestellen worden in Oekraïne verwacht."
    claims = [c for c in extract_claims(text, "nl", "2024-05") if c.kind == "transfer"]
    assert [c.item.designation for c in claims] == ["F-16", "F-16"]


def test_generic_device_word_alone_is_no_item() -> None:
    text = "Rusland levert Iran mobiele toestellen."
    assert transfers(text, "nl") == []


def test_mixed_digit_groups_are_two_numbers() -> None:
    text = "The shipment held 1,200 500-pound bombs for Israel from the United States."
    claim = single(extract_claims(text, "en"), "transfer")
    assert claim.quantity is not None and claim.quantity.value == 1200


def test_participle_after_an_article_reports_nothing() -> None:
    text = (
        "The State Department approved the sale to Taiwan of 40 Javelin missiles "
        "for an estimated $50 million."
    )
    claim = single(extract_claims(text, "en"), "transfer")
    assert (claim.supplier, claim.recipient) == ("US", "TW")
    assert claim.sources == []


def test_passive_reporting_verb_names_its_agent() -> None:
    text = (
        "Arms orders for Taiwan, estimated by analysts at $20 billion, "
        "include Harpoon missiles from the United States."
    )
    claim = single(extract_claims(text, "en"), "transfer")
    assert claim.sources == ["analysts"]
    assert claim.recipient == "TW"


def test_english_object_after_the_verb_is_the_recipient() -> None:
    text = "Washington says it will keep sending artillery rounds that Ukraine needs."
    claim = single(extract_claims(text, "en"), "transfer")
    assert (claim.supplier, claim.recipient) == ("US", "UA")


def test_verb_chain_gives_the_roles_of_its_last_verb() -> None:
    text = "We believe Russia is seeking to provide North Korea with fighter jets."
    claim = single(extract_claims(text, "en"), "transfer")
    assert (claim.supplier, claim.recipient) == ("RU", "KP")


def test_losses_belong_to_the_owner_of_the_items() -> None:
    text = "Ukrainian air defences shot down 30 Russian drones overnight."
    claim = single(extract_claims(text, "en"), "consumption")
    assert claim.holder == "RU"


def test_origin_adjective_on_the_delivery_noun_is_the_supplier() -> None:
    text = (
        "Woordvoerder Peskov noemde de berichten over Noord-Koreaanse "
        "wapenleveringen aan Rusland onzin."
    )
    claim = single(extract_claims(text, "nl"), "transfer")
    assert (claim.supplier, claim.recipient) == ("KP", "RU")
    assert claim.stance == "denied"


def test_clock_times_in_a_live_blog_are_no_figures() -> None:
    text = "18:32 - Russia launched 40 drones overnight, Ukraine's air force says."
    claim = single(extract_claims(text, "en"), "consumption")
    assert claim.quantity is not None and claim.quantity.value == 40
    assert claim.holder == "RU"


def test_pronoun_after_a_semicolon_is_the_earlier_subject() -> None:
    text = (
        "North Korea sent Russia shells last year. "
        "Pyongyang has not commented; it denied arms transfers before."
    )
    claims = extract_claims(text, "en")
    denied = [c for c in claims if c.stance == "denied"]
    assert [(c.supplier, c.recipient) for c in denied] == [("KP", "RU")]


def test_main_clause_resumes_after_a_relative_clause() -> None:
    text = "Poland, which had pushed Berlin for weeks, confirmed it would send 14 tanks to Ukraine."
    claim = single(extract_claims(text, "en"), "transfer")
    assert (claim.supplier, claim.recipient) == ("PL", "UA")
    assert claim.status == "expected"


def test_reported_clause_right_after_the_verb_is_not_frame() -> None:
    text = (
        "Hours later, President Biden announced that the United States would provide "
        "31 tanks to Ukraine."
    )
    claim = single(extract_claims(text, "en"), "transfer")
    assert claim.supplier == "US"


def test_digits_of_a_system_name_are_no_figure() -> None:
    text = "Germany has around 2,000 Leopard 2 tanks in service."
    claims = [c for c in extract_claims(text, "en") if c.quantity is not None]
    assert [c.quantity.value for c in claims if c.quantity] == [2000]


def test_item_word_qualifying_another_noun_is_no_item() -> None:
    text = "Ukraine sent drone crews and helicopter pilots to Poland."
    assert transfers(text, "en") == []


def test_capitalised_item_word_inside_a_name_is_no_item() -> None:
    text = "Poland's Armament Agency signed a contract for 152 K9 howitzers from South Korea."
    found = transfers(text, "en")
    assert found == [("KR", "PL", "K9")]


def test_source_before_a_comma_is_named_even_when_unknown() -> None:
    text = "According to Malian state television, Russia handed over four Su-25 jets to Mali."
    claim = single(extract_claims(text, "en"), "transfer")
    assert (claim.supplier, claim.recipient) == ("RU", "ML")
    assert claim.sources == ["Malian state television"]


def test_bulleted_list_under_a_colon_is_one_sentence() -> None:
    text = (
        "The United States will provide Ukraine a package that includes:\n"
        "- Stinger missiles;\n"
        "- 20 M113 armoured personnel carriers."
    )
    claims = extract_claims(text, "en")
    assert {c.item.designation for c in claims} == {"Stinger", "M113"}
    assert all(c.evidence.text == text for c in claims)


def test_listed_donors_after_by() -> None:
    text = "Serbia flies MiG-29 fighters donated by Russia and Belarus."
    assert transfers(text, "en") == [("BY", "RS", "MiG-29"), ("RU", "RS", "MiG-29")]


def test_order_placed_in_a_country_buys_from_it() -> None:
    text = "Ter vervanging bestelt Nederland vier nieuwe lanceerinrichtingen in Duitsland."
    found = transfers(text, "nl")
    assert found == []  # no named system for 'lanceerinrichtingen' to refer back to
    text = "Nederland bestelt vier IRIS-T-systemen in Duitsland."
    assert transfers(text, "nl") == [("DE", "NL", "IRIS-T")]


def test_launcher_is_the_holder_not_the_maker() -> None:
    text = "Rusland vuurde gisteren tientallen Noord-Koreaanse raketten af op Oekraïne."
    claim = single(extract_claims(text, "nl"), "consumption")
    assert claim.holder == "RU"


def test_ammunition_for_platforms_is_one_item() -> None:
    text = "De VS leveren Israël munitie voor artillerie en tanks, en daarnaast scherfvesten."
    assert transfers(text, "nl") == [("US", "IL", "ammunition"), ("US", "IL", "protective_gear")]


def test_headline_label_is_a_source_not_a_party() -> None:
    text = "Kyiv: Rusland vuurde tientallen Noord-Koreaanse raketten af"
    claim = single(extract_claims(text, "nl"), "consumption")
    assert claim.holder == "RU"
    assert claim.sources == ["Ukrainian government"]


def test_a_company_counts_as_its_state() -> None:
    text = "Rheinmetall will deliver 40 Lynx infantry fighting vehicles to Hungary."
    claim = single(extract_claims(text, "en"), "transfer")
    assert (claim.supplier, claim.recipient) == ("DE", "HU")
