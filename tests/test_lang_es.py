"""Spanish, sentence by sentence: the reading behaviours the Spanish lexicon and the linear
reader must get right (sentences written for these tests, about real public events)."""
from __future__ import annotations

import pytest

import quidpro

from sentences import keys, only

PUBLISHED = "2024-11-23"


def read(text: str, published: str = PUBLISHED):
    return quidpro.extract(text, published=published, lang="es")


def test_approximation_with_a_negation_word_is_no_denial():
    c = only(read("Irán ha enviado a Rusia no menos de 50 drones Shahed."))
    assert (c.kind, c.from_, c.to, c.items) == ("transfer", "IRN", "RUS", ("drones",))
    assert c.certainty == "asserted"
    assert c.quantity.value == 50 and c.quantity.approx


def test_denial_of_a_clause_names_its_own_giver():
    c = only(read("Moscú y Pionyang niegan que Corea del Norte haya suministrado armas a Rusia."))
    assert (c.kind, c.from_, c.to) == ("transfer", "PRK", "RUS")
    assert c.certainty == "denied"
    assert c.source == "Moscú y Pionyang"


def test_denial_of_an_infinitive_keeps_the_subject_as_giver():
    c = only(read("China niega haber suministrado armas a Rusia."))
    assert (c.kind, c.from_, c.to, c.certainty) == ("transfer", "CHN", "RUS", "denied")


def test_hedge_according_to_reports_names_no_source():
    c = only(read("Según se informa, Irán ha enviado a Rusia drones Shahed."))
    assert c.certainty == "reported"
    assert c.source is None


def test_according_to_a_title_takes_the_name_after_it():
    c = only(read("Corea del Norte ha enviado a Rusia unos 6.700 contenedores con munición desde "
                  "julio del año pasado, según el ministro de Defensa surcoreano, Shin Won-sik."))
    assert (c.kind, c.from_, c.to, c.items) == ("transfer", "PRK", "RUS", ("artillery",))
    assert c.source == "Shin Won-sik"
    assert c.quantity.value == 6700 and c.quantity.unit == "containers"
    assert c.when == "2023-07/.."


def test_promise_with_a_delivery_verb_is_one_pledge():
    c = only(read("Alemania prometió enviar a Ucrania 50 carros de combate Leopard."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "DEU", "UKR", ("armored_vehicles",))
    assert c.quantity.value == 50


def test_contract_to_buy_is_a_pledge_from_the_seller():
    c = only(read("Polonia firmó un contrato para comprar 96 helicópteros Apache a Estados Unidos."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "USA", "POL", ("aircraft",))
    c = only(read("España firmó un acuerdo para adquirir 25 cazas Eurofighter de Alemania."))
    assert (c.kind, c.from_, c.to) == ("pledge", "DEU", "ESP")


def test_clitic_pronoun_on_the_verb():
    c = only(read("Estados Unidos decidió enviarle a Ucrania 31 tanques Abrams."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "USA", "UKR", ("armored_vehicles",))
    c = only(read("El Gobierno español le entregó a Ucrania seis carros de combate."))
    assert (c.kind, c.from_, c.to) == ("transfer", "ESP", "UKR")
    assert c.quantity.value == 6


def test_recipient_and_origin_prepositions():
    c = only(read("Ucrania recibió de Estados Unidos 31 tanques Abrams el mes pasado."))
    assert (c.kind, c.from_, c.to) == ("transfer", "USA", "UKR")
    assert c.when == "2024-10"


def test_delivery_noun_after_a_receiving_verb():
    c = only(read("Ucrania ha recibido un nuevo envío de drones de combate Bayraktar TB2 procedente de Turquía."))
    assert (c.kind, c.from_, c.to, c.items) == ("transfer", "TUR", "UKR", ("drones",))


def test_accused_state_is_the_giver():
    c = only(read("Estados Unidos acusa a Irán de enviar misiles balísticos a Rusia."))
    assert (c.from_, c.to, c.items) == ("IRN", "RUS", ("missiles",))
    assert c.certainty == "reported"


def test_reported_clause_with_its_own_subject_and_a_bracketed_speaker():
    c = only(read("El servicio de inteligencia surcoreano (NIS) había estimado a mediados de mes que "
                  "Pionyang había decidido enviar 12.000 efectivos a Rusia."))
    assert (c.kind, c.from_, c.to) == ("deployment", "PRK", "RUS")
    assert c.quantity.value == 12000 and c.quantity.unit == "soldiers"
    assert c.certainty == "reported"


def test_region_of_a_state_is_the_destination():
    c = only(read("Unos 10.000 soldados norcoreanos han sido enviados al este de Rusia para recibir "
                  "entrenamiento, según informó el lunes el Pentágono."))
    assert (c.kind, c.from_, c.to) == ("deployment", "PRK", "RUS")
    assert c.certainty == "reported" and "Pentágono" in c.source


def test_speaker_of_a_deployment_with_a_named_origin_is_not_its_giver():
    claims = read("Washington, que respalda al líder opositor Juan Guaidó, criticó el despliegue de "
                  "militares rusos en Venezuela.")
    assert keys(claims) == {("deployment", ("RUS", "VEN"), "troops")}


def test_pact_after_a_comma_beside_a_delivery():
    claims = read("España entregará este año a Ucrania 1.000 millones de euros en material militar, "
                  "en virtud del acuerdo de seguridad firmado el lunes en Madrid por Pedro Sánchez y "
                  "Volodímir Zelenski.", published="2024-05-28")
    assert ("agreement", ("ESP", "UKR"), "military_cooperation") in keys(claims)
    pledge = next(c for c in claims if c.kind == "pledge")
    assert (pledge.from_, pledge.to) == ("ESP", "UKR")
    assert pledge.quantity.value == 1_000_000_000 and pledge.quantity.unit == "EUR"


def test_goods_before_a_relative_clause_are_the_main_verbs():
    c = only(read("El Gobierno español entregará finalmente a Arabia Saudí las 400 bombas de guiado "
                  "láser cuya venta había paralizado a principios de mes."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "ESP", "SAU", ("missiles",))
    assert c.quantity.value == 400


def test_delivered_and_promised_in_one_sentence():
    claims = read("Alemania entregó este mes a Ucrania el primero de los cuatro sistemas de defensa "
                  "antiaérea IRIS-T SLM que le había prometido.", published="2022-10-13")
    assert keys(claims) == {("transfer", ("DEU", "UKR"), "air_defense"),
                            ("pledge", ("DEU", "UKR"), "air_defense")}


def test_refusal_to_sell_by_a_government():
    c = only(read("El Gobierno de Brasil se negó a vender munición a Alemania."))
    assert (c.kind, c.from_, c.to, c.certainty) == ("pledge", "BRA", "DEU", "denied")


@pytest.mark.parametrize("text,value", [
    ("Alemania envió diez mil proyectiles a Ucrania en octubre.", 10000),
    ("Italia entregó a Ucrania 10 000 proyectiles de artillería en 2023.", 10000),
    ("Corea del Norte ha enviado a Rusia más de 13.000 contenedores de munición desde agosto de 2023.", 13000),
])
def test_number_formats(text, value):
    c = only(read(text))
    assert c.quantity.value == value


def test_dates():
    assert only(read("Alemania envió diez mil proyectiles a Ucrania en octubre.")).when == "2024-10"
    assert only(read("Corea del Norte envió unos 11.000 soldados a Rusia desde agosto de 2023.")).when == "2023-08/.."


def test_money_in_thousands_of_millions():
    c = only(read("La UE aprobó mil millones de euros en ayuda militar para Ucrania."))
    assert (c.kind, c.from_, c.to) == ("pledge", "eu", "UKR")
    assert c.quantity.value == 1_000_000_000 and c.quantity.unit == "EUR"


def test_naval_and_rocket_launchers():
    c = only(read("España donará a Ucrania cuatro lanzacohetes y dos fragatas."))
    assert set(c.items) == {"artillery", "naval"}
    assert c.kind == "pledge"


def test_goods_for_a_weapon_are_the_goods():
    c = only(read("Alemania enviará a Ucrania munición para los tanques Leopard."))
    assert c.items == ("artillery",)
    c = only(read("España entregará a Ucrania misiles para baterías antiaéreas Patriot."))
    assert c.items == ("air_defense",)


def test_military_as_an_adjective_is_no_troops():
    claims = read("Irán ha enviado a Venezuela gasolina y drones militares.")
    assert {c.kind for c in claims} == {"transfer"}
    assert set(claims[0].items) == {"drones", "energy_resources"}


def test_speaker_without_an_actor_is_the_source():
    c = only(read("Analistas consultados por este diario creen que Moscú podría ofrecer a Pionyang "
                  "petróleo y tecnología espacial."))
    assert c.certainty == "speculative"
    assert c.source == "Analistas consultados por este diario"
    assert set(c.items) == {"energy_resources", "military_technology"}


def test_delivery_a_contract_provides_for_is_a_pledge_to_the_industrys_state():
    claims = read("Brasil encargó 36 cazas Gripen a la empresa sueca Saab, en un contrato que incluye la "
                  "transferencia de tecnología a la industria brasileña.")
    got = {(c.kind, c.from_, c.to, item) for c in claims for item in c.items}
    assert got == {("pledge", "SWE", "BRA", "aircraft"), ("pledge", "SWE", "BRA", "military_technology")}


def test_sale_contract_signed_with_the_seller():
    c = only(read("Polonia firmó con Corea del Sur un contrato de 180 tanques K2."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "KOR", "POL", ("armored_vehicles",))


# -- round 2: troops named by whose they are, a report before a comma, pacts, deeming, context --

def test_troops_of_a_state_stationed_abroad_after_a_reported_clause():
    c = only(read("Según un documento presentado ante el Parlamento surcoreano, unos dos mil militares de "
                  "Corea del Norte están destinados en Rusia como artilleros."))
    assert (c.kind, c.from_, c.to, c.items) == ("deployment", "PRK", "RUS", ("troops",))
    assert c.certainty == "reported"
    assert c.quantity is not None and c.quantity.value == 2000 and c.quantity.approx


def test_partner_of_a_pact_named_after_a_denial_is_no_receiver():
    claims = read("Serbia negó el martes haber vendido municiones a Ucrania, tras el acuerdo de defensa "
                  "pactado con Francia.")
    got = {(c.kind, c.from_, c.to) for c in claims if c.kind != "agreement"}
    assert got == {("transfer", "SRB", "UKR")}
    assert [c.certainty for c in claims if c.kind == "transfer"] == ["denied"]


def test_deeming_is_no_hedge_but_considering_is():
    c = only(read("Chile entregará a Perú los blindados que considera obsoletos."))
    assert (c.kind, c.from_, c.to, c.certainty) == ("pledge", "CHL", "PER", "asserted")
    c = only(read("Alemania está considerando enviar tanques Leopard a Ucrania."))
    assert (c.kind, c.certainty) == ("pledge", "speculative")


def test_the_island_stands_for_taiwan_once_taiwan_is_named():
    claims = read("Taiwán recibió de Estados Unidos cuatro drones MQ-9B.\n\n"
                  "Washington aprobó además la venta a la isla de misiles Harpoon.")
    assert ("pledge", ("USA", "TWN"), "missiles") in keys(claims)
    # no Taiwan named: "la isla" is nobody
    assert read("Rusia envió petróleo a la isla.") == []


def test_andean_states_by_capital_and_name():
    c = only(read("Según la prensa argentina, Irán podría vender drones a La Paz."))
    assert (c.kind, c.from_, c.to, c.certainty) == ("pledge", "IRN", "BOL", "speculative")
    c = only(read("Ecuador entregó a Estados Unidos helicópteros rusos Mi-17."))
    assert (c.kind, c.from_, c.to, c.items) == ("transfer", "ECU", "USA", ("aircraft",))


def test_radars_and_aircraft_names():
    c = only(read("Estados Unidos entregó radares a Taiwán."))
    assert c.items == ("air_defense",)
    c = only(read("Israel vendió a Colombia doce Kfir en 1989."))
    assert (c.from_, c.to, c.items, c.when) == ("ISR", "COL", ("aircraft",), "1989")


def test_actor_in_a_clause_of_what_followed_is_no_party():
    c = only(read("Washington aprobó la venta de misiles Patriot a Polonia, lo que irritó a Rusia."))
    assert (c.kind, c.from_, c.to) == ("pledge", "USA", "POL")


def test_time_of_a_denial_is_not_the_time_of_the_act():
    c = only(read("Serbia negó el lunes haber vendido municiones a Ucrania."))
    assert (c.kind, c.certainty, c.when) == ("transfer", "denied", None)
    c = only(read("Serbia negó haber vendido municiones a Ucrania en 2023."))
    assert c.when == "2023"
