"""Portuguese (European and Brazilian), sentence by sentence: the reading behaviours the
Portuguese lexicon and the linear reader must get right (sentences written for these tests,
about real public events)."""
from __future__ import annotations

import pytest

import quidpro

from sentences import only

PUBLISHED = "2024-11-23"


def read(text: str, published: str = PUBLISHED):
    return quidpro.extract(text, published=published, lang="pt")


def test_approximation_with_a_negation_word_is_no_denial():
    c = only(read("O Irão enviou para a Rússia não menos de 50 drones Shahed."))
    assert (c.kind, c.from_, c.to, c.items) == ("transfer", "IRN", "RUS", ("drones",))
    assert c.certainty == "asserted"
    assert c.quantity.value == 50 and c.quantity.approx


def test_iran_in_european_portuguese_is_no_future_auxiliary():
    # "Irão" (Iran) is also "irão" (they will go): the transfer stays a transfer
    c = only(read("O Irão enviou drones à Rússia."))
    assert (c.kind, c.from_, c.to) == ("transfer", "IRN", "RUS")


def test_denial_of_a_clause_names_its_own_giver():
    c = only(read("Moscovo e Pyongyang negam que a Coreia do Norte tenha fornecido armas à Rússia."))
    assert (c.kind, c.from_, c.to, c.certainty) == ("transfer", "PRK", "RUS", "denied")
    assert c.source == "Moscovo e Pyongyang"


def test_denial_of_an_infinitive_keeps_the_subject_as_giver():
    c = only(read("A China nega ter fornecido armas à Rússia."))
    assert (c.kind, c.from_, c.to, c.certainty) == ("transfer", "CHN", "RUS", "denied")


def test_hedge_according_to_reports_names_no_source():
    c = only(read("Segundo informações, o Irão enviou à Rússia drones Shahed."))
    assert c.certainty == "reported"
    assert c.source is None


def test_according_to_a_named_source():
    c = only(read("Segundo o Pentágono, o Irão enviou à Rússia drones Shahed."))
    assert c.certainty == "reported" and "Pentágono" in c.source


def test_promise_with_a_delivery_verb_and_a_weapon_name_with_a_verb_in_it():
    # "carros de combate": "combate" is also a form of "combater" (a deployment verb)
    c = only(read("A Alemanha prometeu enviar à Ucrânia 50 carros de combate Leopard."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "DEU", "UKR", ("armored_vehicles",))
    assert c.quantity.value == 50


def test_contract_to_buy_is_a_pledge_from_the_seller():
    c = only(read("A Polónia assinou um contrato para comprar 96 helicópteros Apache aos Estados Unidos."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "USA", "POL", ("aircraft",))
    c = only(read("O Brasil assinou um acordo para adquirir 36 caças Gripen da Suécia."))
    assert (c.kind, c.from_, c.to) == ("pledge", "SWE", "BRA")


def test_order_from_a_company_and_receipt_after_an_inserted_clause():
    claims = read("A Força Aérea Portuguesa, que encomendou cinco KC-390 à Embraer em 2019, recebeu o "
                  "primeiro avião em outubro.", published="2023-12-05")
    got = {(c.kind, c.from_, c.to, c.when) for c in claims}
    assert got == {("pledge", "BRA", "PRT", "2019"), ("transfer", "BRA", "PRT", "2023-10")}


def test_accused_state_is_the_giver():
    c = only(read("Os Estados Unidos acusam o Irão de enviar mísseis balísticos à Rússia."))
    assert (c.from_, c.to, c.items) == ("IRN", "RUS", ("missiles",))
    assert c.certainty == "reported"


def test_region_of_a_state_is_the_destination():
    c = only(read("Cerca de 10 mil soldados norte-coreanos foram enviados para o leste da Rússia, "
                  "segundo o Pentágono."))
    assert (c.kind, c.from_, c.to) == ("deployment", "PRK", "RUS")
    assert c.quantity.value == 10000 and c.quantity.approx


def test_refusal_to_sell():
    c = only(read("O governo do Brasil se recusou a vender munição à Alemanha."))
    assert (c.kind, c.from_, c.to, c.certainty) == ("pledge", "BRA", "DEU", "denied")


def test_speaker_at_the_end_reports_without_pledging():
    claims = read("A Coreia do Sul escolheu o avião de transporte militar C-390 Millennium, da brasileira "
                  "Embraer, para reforçar a sua frota, anunciou na segunda-feira a agência de compras "
                  "de defesa de Seul.")
    assert claims == []


def test_future_with_ir_and_denial():
    c = only(read("Os Estados Unidos não vão enviar tropas para a Ucrânia."))
    assert (c.kind, c.from_, c.to, c.certainty) == ("deployment", "USA", "UKR", "denied")


@pytest.mark.parametrize("text,value,unit", [
    ("A Alemanha enviou dez mil projéteis à Ucrânia em outubro.", 10000, "shells"),
    ("A Itália entregou à Ucrânia 10 000 projéteis de artilharia em 2023.", 10000, "shells"),
    ("A União Europeia aprovou mil milhões de euros em ajuda militar para a Ucrânia.", 1_000_000_000, "EUR"),
    ("Os Estados Unidos venderam 66 caças F-16 a Taiwan por 8 bilhões de dólares.", 66, "aircraft"),
])
def test_number_formats(text, value, unit):
    c = only(read(text))
    assert (c.quantity.value, c.quantity.unit) == (value, unit)


def test_dates():
    assert only(read("A Alemanha enviou dez mil projéteis à Ucrânia em outubro.")).when == "2024-10"
    assert only(read("A Ucrânia recebeu dos Estados Unidos 31 tanques Abrams no mês passado.")).when == "2024-10"
    c = only(read("A Coreia do Norte enviou à Rússia desde agosto de 2023 mais de 10 000 contentores de munições."))
    assert c.when == "2023-08/.."
    c = only(read("A Coreia do Norte enviou à Rússia contentores de munições desde julho do ano passado."))
    assert c.when == "2023-07/.."


def test_clitic_pronoun_and_context_receiver():
    claims = read("Portugal prometeu três tanques Leopard 2 à Ucrânia. Lisboa vai entregar-lhe os "
                  "tanques em março.")
    assert {(c.kind, c.from_, c.to) for c in claims} == {("pledge", "PRT", "UKR")}


def test_military_aid_package_counts_money_not_soldiers():
    c = only(read("A Alemanha anunciou um pacote de ajuda militar de 2,7 mil milhões de euros para a Ucrânia."))
    assert (c.kind, c.from_, c.to) == ("pledge", "DEU", "UKR")
    assert (c.quantity.value, c.quantity.unit) == (2_700_000_000, "EUR")


def test_denial_by_a_ministry_of_a_clause():
    c = only(read("O Itamaraty negou que o Brasil tenha vendido armas à Ucrânia."))
    assert (c.kind, c.from_, c.to, c.certainty) == ("transfer", "BRA", "UKR", "denied")
