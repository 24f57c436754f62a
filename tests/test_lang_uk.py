"""Ukrainian, read by the LinearReader: sentences of our own about public events."""
from __future__ import annotations

from quidpro.extract import extract_claims
from quidpro.models import Article


def claims(text: str, published: str = "2024-11-20"):
    return list(extract_claims(Article(uri="test", text=text, lang="uk", published=published)).claims)


def keys(text: str, published: str = "2024-11-20"):
    return {(c.kind, c.from_, c.to, i) for c in claims(text, published) for i in c.items}


def test_comma_set_hedge_reaches_the_act():
    (c,) = claims("Іран, ймовірно, передав Росії щонайменше 200 балістичних ракет.")
    assert (c.from_, c.to, c.certainty) == ("IRN", "RUS", "speculative")
    assert c.quantity is not None and c.quantity.approx


def test_denial_of_a_clause():
    (c,) = claims("Тегеран заперечує, що постачав Москві зброю для війни проти України.")
    assert (c.kind, c.from_, c.to, c.certainty) == ("transfer", "IRN", "RUS", "denied")
    assert c.source == "Тегеран"


def test_approximation_is_not_a_negation():
    (c,) = claims("Росія поставила Сирії не менше 50 танків Т-72 минулого року.")
    assert c.certainty == "asserted"
    assert c.quantity is not None and (c.quantity.value, c.quantity.approx) == (50, True)


def test_month_in_the_locative_is_a_date():
    (c,) = claims("США у жовтні передали Україні ракети ATACMS великої дальності.")
    assert c.when == "2024-10"


def test_verb_gapped_by_a_dash():
    found = keys("Данія пообіцяла Києву 19 винищувачів F-16, Нідерланди — 24, Норвегія — шість, "
                 "а Бельгія — 30 до 2028 року.")
    assert found == {("pledge", c, "UKR", "aircraft") for c in ("DNK", "NLD", "NOR", "BEL")}


def test_demonyms_of_the_goods_are_no_givers():
    found = keys("За даними видання, російський військовий літак доставив до Тегерана гроші, британську "
                 "протитанкову ракету NLAW і американську Javelin.")
    assert {(k[1], k[2]) for k in found} == {("RUS", "IRN")}
    assert ("transfer", "RUS", "IRN", "aircraft") not in found


def test_source_after_za_danymy():
    (c,) = claims("За даними ЗМІ, першу партію винищувачів Україна отримала від Данії.")
    assert (c.from_, c.to, c.certainty, c.source) == ("DNK", "UKR", "reported", "ЗМІ")


def test_as_reported_by():
    (c,) = claims("Як повідомляє Reuters, Іран передав Росії балістичні ракети малої дальності.")
    assert (c.certainty, c.source) == ("reported", "Reuters")


def test_cash_is_economic_aid():
    found = keys("Росія таємно переправила до Ірану 140 млн євро готівкою, повідомив телеканал Sky News.")
    assert ("transfer", "RUS", "IRN", "economic_aid") in found


def test_no_longer_supplying_is_a_withheld_pledge():
    (c,) = claims("Угорщина більше не постачає Україні зброю, заявив Віктор Орбан.")
    assert (c.kind, c.from_, c.to, c.certainty) == ("pledge", "HUN", "UKR", "denied")


def test_month_of_last_year():
    found = claims("Данія пообіцяла Києву 19 винищувачів F-16 ще у серпні минулого року.", "2024-08-05")
    assert [(c.kind, c.from_, c.to, c.when) for c in found] == [("pledge", "DNK", "UKR", "2023-08")]


def test_is_to_hand_over_is_a_pledge():
    (c,) = claims("Німеччина має передати Україні ще дві системи Patriot до кінця року.")
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "DEU", "UKR", ("air_defense",))


def test_agreement_about_something_else_is_no_pact():
    found = claims("Україна і США мали підписати рамкову угоду про спільне використання корисних копалин, "
                   "однак церемонію скасували.")
    assert not [c for c in found if c.kind == "agreement"]


def test_gapped_giver_keeps_its_own_figure_and_time():
    found = claims("Данія пообіцяла Києву 19 винищувачів F-16 ще у серпні минулого року, Нідерланди — 24, "
                   "а Бельгія — 30 до 2028 року.", "2024-08-05")
    got = {c.from_: (c.quantity.value if c.quantity else None, c.when) for c in found}
    assert got == {"DNK": (19, "2023-08"), "NLD": (24, None), "BEL": (30, "2028")}


# -- pronoun "Того" is no Togo; colons; passives; hedged past; clause-opening conjunctions ----

def test_that_same_day_is_no_togo():
    found = keys("Того ж дня Шольц заявив, що Берлін передасть Україні ще одну систему IRIS-T.")
    assert found == {("pledge", "DEU", "UKR", "air_defense")}


def test_great_britain_in_two_words():
    (c,) = claims("Торік Україна отримала від Великої Британії ракети Storm Shadow.")
    assert (c.kind, c.from_, c.to) == ("transfer", "GBR", "UKR")


def test_clause_after_a_colon_has_its_own_subject():
    found = keys("Вільнюс лишається партнером Києва: у березні Литва передала Україні гаубиці M577.")
    assert {(k[1], k[2]) for k in found} == {("LTU", "UKR")}


def test_passive_participle_receiver_and_demonym_giver():
    (c,) = claims("Україні були передані шведські бойові машини CV90.")
    assert (c.kind, c.from_, c.to) == ("transfer", "SWE", "UKR")


def test_passive_participle_with_instrumental_agent():
    (c,) = claims("Гаубиці, передані Україні Францією, вже воюють на сході.")
    assert (c.from_, c.to) == ("FRA", "UKR")


def test_hedged_past_stays_a_transfer():
    (c,) = claims("За даними розвідки, КНДР, ймовірно, вже передала Росії мільйони снарядів.")
    assert (c.kind, c.from_, c.to, c.certainty) == ("transfer", "PRK", "RUS", "speculative")


def test_feminine_genitive_demonym_is_an_actor():
    (c,) = claims("Білорусь передала російській армії старі танки Т-72.")
    assert (c.from_, c.to) == ("BLR", "RUS")


def test_subject_after_comma_conjunction_and_a_time():
    (c,) = claims("Прем'єр Нідерландів оголосив, що наступного року Норвегія передасть Україні винищувачі F-16.")
    assert (c.kind, c.from_, c.to, c.when) == ("pledge", "NOR", "UKR", "2025")


def test_money_earmarked_for_a_purchase_is_for_the_goods():
    found = keys("Берлін виділить Україні 500 млн євро, з яких частину буде спрямовано на закупівлю дронів.")
    assert found == {("pledge", "DEU", "UKR", "drones")}
