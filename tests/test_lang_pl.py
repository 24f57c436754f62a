"""Polish, read by the LinearReader: sentences of our own about public events."""
from __future__ import annotations

from quidpro.extract import extract_claims
from quidpro.models import Article


def claims(text: str, published: str = "2024-11-20"):
    return list(extract_claims(Article(uri="test", text=text, lang="pl", published=published)).claims)


def keys(text: str, published: str = "2024-11-20"):
    return {(c.kind, c.from_, c.to, i) for c in claims(text, published) for i in c.items}


def test_hedge_set_off_by_commas():
    (c,) = claims("Iran, prawdopodobnie, przekazał Rosji setki dronów Shahed.")
    assert (c.from_, c.to, c.certainty) == ("IRN", "RUS", "speculative")


def test_denial_of_a_clause_with_jakoby():
    (c,) = claims("Teheran zaprzecza, jakoby dostarczał Rosji broń do wojny z Ukrainą.")
    assert (c.kind, c.from_, c.to, c.certainty) == ("transfer", "IRN", "RUS", "denied")


def test_approximation_is_not_a_negation():
    (c,) = claims("Rosja dostarczyła Syrii nie mniej niż 50 czołgów w październiku.")
    assert c.certainty == "asserted"
    assert c.when == "2024-10"
    assert (c.quantity.value, c.quantity.approx) == (50, True)


def test_source_after_wedlug_without_comma():
    (c,) = claims("Według Reutersa Iran przekazał Rosji rakiety balistyczne Fath-360.")
    assert (c.from_, c.to, c.certainty) == ("IRN", "RUS", "reported")
    assert c.source.startswith("Reuters")


def test_source_after_jak_podal():
    (c,) = claims("Jak podał Reuters, Iran przekazał Rosji rakiety balistyczne krótkiego zasięgu.")
    assert (c.certainty, c.source) == ("reported", "Reuters")


def test_purchase_from_a_seller():
    found = keys("Polska podpisała umowę na zakup 180 czołgów K2 od Korei Południowej.")
    assert found == {("pledge", "KOR", "POL", "armored_vehicles")}


def test_contract_for_a_delivery_from_abroad():
    found = keys("Polska podpisała w piątek umowę na dostawę 96 śmigłowców Apache z USA.")
    assert found == {("pledge", "USA", "POL", "aircraft")}


def test_no_longer_handing_over_is_a_withheld_pledge():
    (c,) = claims("Polska nie przekazuje już Ukrainie uzbrojenia, oświadczył premier Mateusz Morawiecki.")
    assert (c.kind, c.from_, c.to, c.certainty) == ("pledge", "POL", "UKR", "denied")
    assert c.source == "Mateusz Morawiecki"


def test_war_with_a_state_is_no_party():
    found = keys("Teheran zaprzecza, jakoby dostarczał Rosji broń do wojny z Ukrainą.")
    assert {(k[1], k[2]) for k in found} == {("IRN", "RUS")}


def test_delivery_with_no_actor_continues_the_act_before_it():
    found = keys("Rzecznik rządu zapewnił, że Warszawa nie wstrzymała dostaw dla Ukrainy, w tym dostaw amunicji.")
    assert ("POL", "UKR") in {(k[1], k[2]) for k in found}


def test_month_of_last_year():
    (c,) = claims("Korea Południowa dostarczyła Polsce pierwsze czołgi K2 w grudniu ubiegłego roku.", "2023-06-01")
    assert (c.kind, c.from_, c.to, c.when) == ("transfer", "KOR", "POL", "2022-12")


# -- passives; hedged past; feminine demonyms; intent; ceasefire; a second statement --------

def test_passive_receiver_and_demonym_giver():
    (c,) = claims("Ukrainie zostały przekazane szwedzkie wozy bojowe CV90.")
    assert (c.kind, c.from_, c.to) == ("transfer", "SWE", "UKR")


def test_hedged_past_stays_a_transfer():
    (c,) = claims("Według wywiadu Korea Północna prawdopodobnie przekazała już Rosji miliony pocisków.")
    assert (c.kind, c.from_, c.to, c.certainty) == ("transfer", "PRK", "RUS", "speculative")


def test_feminine_genitive_demonym_is_an_actor():
    (c,) = claims("Białoruś przekazała rosyjskiej armii stare czołgi T-72.")
    assert (c.from_, c.to) == ("BLR", "RUS")


def test_givers_intent_denied_is_a_denied_pledge():
    (c,) = claims("Ankara zaprzeczyła, jakoby Turcja zamierzała sprzedawać Rosji drony Bayraktar.")
    assert (c.kind, c.from_, c.to, c.certainty) == ("pledge", "TUR", "RUS", "denied")


def test_ceasefire_names_no_weapons():
    found = keys("Premier zapewnił, że Polska nie wyśle żołnierzy na Ukrainę, nawet po zawieszeniu broni.")
    assert found == {("deployment", "POL", "UKR", "troops")}


def test_second_statement_after_the_act_adds_no_party():
    found = keys("Minister zaprzeczył, jakoby Indie dostarczały Rosji amunicję, i zapewnił, że Delhi "
                 "zachowuje w wojnie na Ukrainie neutralność.")
    assert {(k[1], k[2]) for k in found} == {("IND", "RUS")}


def test_clause_after_comma_conjunction_and_a_time():
    (c,) = claims("Premier zapowiedział, że w przyszłym roku Norwegia przekaże Ukrainie myśliwce F-16.")
    assert (c.kind, c.from_, c.to, c.when) == ("pledge", "NOR", "UKR", "2025")


def test_mig_with_case_ending_is_an_aircraft():
    (c,) = claims("Słowacja przekazała Ukrainie 13 MiG-ów.")
    assert c.items == ("aircraft",) or set(c.items) == {"aircraft"}
