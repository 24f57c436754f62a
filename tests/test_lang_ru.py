"""Russian, read by the LinearReader: sentences of our own about public events."""
from __future__ import annotations

from quidpro.extract import extract_claims
from quidpro.models import Article


def claims(text: str, published: str = "2024-11-20"):
    return list(extract_claims(Article(uri="test", text=text, lang="ru", published=published)).claims)


def keys(text: str, published: str = "2024-11-20"):
    return {(c.kind, c.from_, c.to, i) for c in claims(text, published) for i in c.items}


def test_comma_set_hedge_reaches_the_act():
    (c,) = claims("КНДР, вероятно, поставила России крупную партию артиллерийских снарядов.")
    assert (c.from_, c.to, c.certainty) == ("PRK", "RUS", "speculative")


def test_denial_of_a_clause_with_its_own_subject():
    (c,) = claims("Москва и Пхеньян неоднократно отрицали, что КНДР поставляет России оружие.")
    assert (c.kind, c.from_, c.to, c.certainty) == ("transfer", "PRK", "RUS", "denied")
    assert c.source and "Москва и Пхеньян" in c.source


def test_denial_of_a_clause_without_subject_takes_the_denier():
    (c,) = claims("Тегеран отрицает, что передавал Москве баллистические ракеты Fath-360.")
    assert (c.from_, c.to, c.items, c.certainty) == ("IRN", "RUS", ("missiles",), "denied")


def test_approximation_is_not_a_negation():
    (c,) = claims("В 2023 году КНДР отправила России не менее миллиона артиллерийских снарядов.")
    assert c.certainty == "asserted"
    assert c.quantity is not None and c.quantity.approx


def test_month_in_the_prepositional_is_a_date():
    (c,) = claims("США в октябре передали Украине ракеты ATACMS большой дальности.")
    assert c.when == "2024-10"


def test_long_inverted_speaker_is_no_receiver():
    found = claims("Северная Корея передала России баллистические ракеты, заявил в четверг координатор "
                   "Совета национальной безопасности США по стратегическим коммуникациям Джон Кирби.")
    assert {(c.from_, c.to) for c in found} == {("PRK", "RUS")}
    assert found[0].source == "Джон Кирби"


def test_exchange_at_the_start_ends_at_the_main_clause():
    found = keys("Вашингтон опасается, что в обмен на снаряды Москва может предоставить Пхеньяну "
                 "истребители и зенитные ракетные комплексы.")
    assert ("pledge", "RUS", "PRK", "aircraft") in found
    assert ("pledge", "RUS", "PRK", "air_defense") in found
    assert ("pledge", "RUS", "PRK", "artillery") not in found


def test_production_clause_names_no_goods_of_the_act():
    found = keys("НАТО утверждает, что Пекин поставляет России станки и микроэлектронику, без которых "
                 "Москва не смогла бы выпускать ракеты, танки и беспилотники.")
    assert found == {("transfer", "CHN", "RUS", "military_technology")}


def test_regiments_of_air_defence_are_no_troops():
    found = keys("Россия уже поставила Индии три полка зенитных ракетных систем С-400.")
    assert found == {("transfer", "RUS", "IND", "air_defense")}


def test_sharing_technology():
    found = keys("По словам Блинкена, Москва делится с Тегераном ядерными и космическими технологиями.")
    assert ("transfer", "RUS", "IRN", "military_technology") in found


def test_no_longer_supplying_is_a_withheld_pledge():
    (c,) = claims("Словакия больше не поставляет Украине оружие из армейских запасов, заявил Роберт Фицо.")
    assert (c.kind, c.from_, c.to, c.certainty) == ("pledge", "SVK", "UKR", "denied")


def test_pact_without_parties_borrows_none_from_another_act():
    found = keys("Южная Корея, которая отказывалась поставлять Украине летальное оружие, после подписания "
                 "договора заявила, что пересмотрит эту политику.")
    assert not any(k[0] == "agreement" for k in found)


def test_source_after_kak_soobshchaet():
    (c,) = claims("Как пишут СМИ, Иран передал России партию ракет малой дальности.")
    assert (c.certainty, c.source) == ("reported", "СМИ")


def test_is_to_arrive_is_a_pledge():
    (c,) = claims("Германия должна передать Украине еще две системы Patriot до конца года.")
    assert (c.kind, c.from_, c.to) == ("pledge", "DEU", "UKR")


def test_month_of_last_year():
    (c,) = claims("В августе прошлого года Россия передала Беларуси комплексы «Искандер».", "2024-03-01")
    assert (c.from_, c.to, c.when) == ("RUS", "BLR", "2023-08")


def test_verb_gapped_by_a_dash():
    found = keys("Германия передала Украине 18 танков Leopard, Польша — 14, а Канада — восемь.")
    assert {(k[1], k[2]) for k in found} == {("DEU", "UKR"), ("POL", "UKR"), ("CAN", "UKR")}
