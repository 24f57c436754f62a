"""Italian, sentence by sentence: the reading behaviours the Italian lexicon and the linear
reader must get right (sentences written for these tests, about real public events)."""
from __future__ import annotations

import quidpro

from sentences import keys, only

PUBLISHED = "2024-11-23"


def read(text: str, published: str = PUBLISHED):
    return quidpro.extract(text, published=published, lang="it")


# -- numbers written as words ------------------------------------------------------------------
def test_number_words_give_the_quantity():
    c = only(read("La Corea del Nord ha inviato in Russia circa diecimila soldati."))
    assert (c.kind, c.from_, c.to, c.items) == ("deployment", "PRK", "RUS", ("troops",))
    assert (c.quantity.value, c.quantity.unit, c.quantity.approx) == (10000, "soldiers", True)


def test_compound_number_word():
    c = only(read("La Germania ha consegnato all'Ucraina trentasei obici semoventi."))
    assert (c.quantity.value, c.quantity.unit) == (36, "howitzers")


def test_an_article_is_not_the_number_one():
    c = only(read("Roma ha consegnato a Kiev una batteria SAMP/T."))
    assert c.items == ("air_defense",)
    assert c.quantity is None


def test_a_calibre_is_not_a_count_of_the_next_weapon():
    c = only(read("La Corea del Nord ha inviato alla Russia obici da 170 millimetri e lanciarazzi multipli."))
    assert c.items == ("artillery",)
    assert c.quantity is None


# -- items ---------------------------------------------------------------------------------------
def test_ships_frigates_and_submarines_are_naval():
    c = only(read("L'Italia ha consegnato all'Egitto due fregate FREMM."))
    assert (c.kind, c.from_, c.to, c.items) == ("transfer", "ITA", "EGY", ("naval",))
    assert (c.quantity.value, c.quantity.unit) == (2, "frigates")
    c = only(read("La Germania venderà alla Norvegia quattro sottomarini."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "DEU", "NOR", ("naval",))
    assert (c.quantity.value, c.quantity.unit) == (4, "submarines")


def test_fighter_jets_are_counted_as_jets():
    c = only(read("L'Algeria ha ricevuto dalla Russia quattordici caccia Su-35 nel 2023."))
    assert (c.kind, c.from_, c.to, c.items) == ("transfer", "RUS", "DZA", ("aircraft",))
    assert (c.quantity.value, c.quantity.unit) == (14, "jets")
    assert c.when == "2023"


def test_plural_aerei_is_aircraft():
    c = only(read("La Svezia fornirà all'Ucraina due aerei radar."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "SWE", "UKR", ("aircraft",))


def test_the_navy_is_no_military_equipment():
    # "Marina Militare" is the navy, not "military" goods: the ships are the goods
    c = only(read("Il Cairo ha acquistato dall'Italia due navi costruite per la Marina Militare."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "ITA", "EGY", ("naval",))


def test_military_cooperation_words_are_not_troops():
    claims = read("L'Italia e la Libia hanno firmato un memorandum d'intesa sulla cooperazione militare.")
    assert keys(claims) == {("agreement", ("ITA", "LBY"), "military_cooperation")}


# -- purchases ------------------------------------------------------------------------------------
def test_purchase_from_a_seller_is_a_pledge_from_the_seller():
    c = only(read("La Serbia acquisterà dodici caccia Rafale dalla Francia."))
    assert (c.kind, c.from_, c.to) == ("pledge", "FRA", "SRB")
    assert (c.quantity.value, c.quantity.unit) == (12, "jets")


def test_participle_of_an_order_names_the_buyer_by_da():
    claims = read("I dodici elicotteri ordinati dall'Egitto all'Italia sono stati presentati a Vergiate.")
    assert keys(claims) == {("pledge", ("ITA", "EGY"), "aircraft")}


def test_purchase_contract_with_a_seller():
    c = only(read("Il Qatar ha firmato un contratto con l'Italia per l'acquisto di ventotto elicotteri NH90."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "ITA", "QAT", ("aircraft",))
    assert c.quantity.value == 28


# -- certainty and source -----------------------------------------------------------------------
def test_secondo_quanto_riferito_is_a_hedge_with_no_source():
    c = only(read("Secondo quanto riferito, la Russia avrebbe consegnato all'Iran caccia Su-35."))
    assert (c.kind, c.from_, c.to) == ("transfer", "RUS", "IRN")
    assert c.certainty == "reported"
    assert c.source is None


def test_secondo_quanto_riferito_dal_names_the_source():
    c = only(read("L'Iran avrebbe fornito alla Russia centinaia di droni Shahed, "
                  "secondo quanto riferito dal Wall Street Journal."))
    assert c.certainty == "reported"
    assert c.source == "Wall Street Journal"
    assert (c.quantity.value, c.quantity.approx) == (100, True)


def test_an_ordinal_secondo_is_no_attribution():
    c = only(read("Roma cederà all'Ucraina un secondo sistema SAMP/T."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "ITA", "UKR", ("air_defense",))
    assert c.certainty == "asserted" and c.source is None


def test_fear_of_authorities_is_attributed():
    c = only(read("Mosca potrebbe fornire a Pyongyang tecnologia militare, temono le autorità di Seul."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "RUS", "PRK", ("military_technology",))
    assert c.certainty == "speculative"
    assert "Seul" in c.source


def test_denial_of_a_supply():
    c = only(read("Pechino ha negato di aver fornito armi alla Russia."))
    assert (c.kind, c.from_, c.to, c.certainty) == ("transfer", "CHN", "RUS", "denied")


# -- roles ---------------------------------------------------------------------------------------
def test_the_parliament_of_a_capital_stands_for_the_state():
    claims = read("Il parlamento di Ankara ha autorizzato l'invio di truppe in Libia.")
    assert keys(claims) == {("deployment", ("TUR", "LBY"), "troops")}


# -- no claim --------------------------------------------------------------------------------------
def test_no_claim_in_tests_parades_and_requests():
    assert read("La Russia ha testato un nuovo missile balistico intercontinentale.") == []
    assert read("L'Ucraina ha chiesto agli alleati più sistemi di difesa aerea.") == []
    assert read("Migliaia di militari hanno sfilato a Roma durante la parata del 2 giugno.") == []
    assert read("Il Pakistan sarebbe interessato ad acquistare caccia cinesi J-10C.") == []


def test_announcement_with_a_clause_of_its_own_reads_the_clause_subject():
    c = only(read("Il ministro della Difesa Guido Crosetto ha annunciato che l'Italia fornirà "
                  "all'Ucraina un secondo sistema SAMP/T."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "ITA", "UKR", ("air_defense",))
    assert c.certainty == "asserted"


def test_compound_past_speech_verb_after_a_comma_names_the_speaker():
    c = only(read("Gli Stati Uniti hanno fornito all'Ucraina altri missili Patriot, ha detto il Pentagono."))
    assert (c.kind, c.from_, c.to, c.items) == ("transfer", "USA", "UKR", ("air_defense",))
    assert c.certainty == "reported"
    assert c.source == "il Pentagono"


def test_demonym_after_the_forces_takes_their_preposition():
    c = only(read("Migliaia di soldati nordcoreani combattono al fianco delle forze russe nella regione di Kursk."))
    assert (c.kind, c.from_, c.to, c.items) == ("deployment", "PRK", "RUS", ("troops",))
    assert (c.quantity.value, c.quantity.approx) == (1000, True)


def test_a_batch_is_no_fighting():
    claims = read("Kiev ha ricevuto il primo lotto di caccia F-16 dai Paesi Bassi e dalla Danimarca.")
    assert keys(claims) == {("transfer", ("NLD", "UKR"), "aircraft"), ("transfer", ("DNK", "UKR"), "aircraft")}


def test_the_eu_abbreviation_and_money_as_aid():
    c = only(read("L'Ue ha stanziato 50 miliardi di euro per l'Ucraina."))
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "eu", "UKR", ("economic_aid",))
    assert (c.quantity.value, c.quantity.unit) == (50_000_000_000, "EUR")


def test_millions_of_shells_is_vague():
    c = only(read("La Corea del Nord ha fornito alla Russia milioni di proiettili di artiglieria."))
    assert (c.quantity.value, c.quantity.unit, c.quantity.approx) == (1_000_000, "shells", True)


def test_a_coordinated_act_shares_the_goods_of_the_first():
    claims = read("L'Egitto dispone di caccia MiG-29, sei dei quali donati dalla Russia e altri "
                  "quattro ceduti in seguito dalla Bielorussia.")
    assert ("transfer", ("RUS", "EGY"), "aircraft") in keys(claims)
    assert ("transfer", ("BLR", "EGY"), "aircraft") in keys(claims)


# -- defence pacts, and a participle naming the giver of what was received ---------------------
def test_defence_agreement_is_military_cooperation():
    claims = read("Italia e Giappone hanno firmato a Tokyo un accordo di difesa.")
    assert ("agreement", ("ITA", "JPN"), "military_cooperation") in keys(claims)


def test_reciprocal_strategic_defence_is_mutual_defense():
    claims = read("Turchia e Azerbaigian hanno siglato un accordo di difesa strategica reciproca.")
    assert ("agreement", ("AZE", "TUR"), "mutual_defense") in keys(claims)
    assert ("agreement", ("AZE", "TUR"), "military_cooperation") not in keys(claims)


def test_participle_after_received_goods_names_the_giver():
    claims = read("La Polonia ha ricevuto i carri armati Abrams, forniti dagli Stati Uniti, e i primi "
                  "obici K9.")
    assert ("transfer", ("USA", "POL"), "armored_vehicles") in keys(claims)
    claims = read("Kiev ha ricevuto il sistema Patriot, donato congiuntamente da Germania e Paesi Bassi.")
    assert ("transfer", ("DEU", "UKR"), "air_defense") in keys(claims)
    assert ("transfer", ("NLD", "UKR"), "air_defense") in keys(claims)


def test_versa_is_a_payment_not_a_preposition():
    c = only(read("Il Giappone versa all'Ucraina 4,5 miliardi di dollari di aiuti finanziari."))
    assert (c.kind, c.from_, c.to, c.items) == ("transfer", "JPN", "UKR", ("economic_aid",))


def test_war_location_is_no_receiver():
    claims = read("La Corea del Nord fornisce missili alla Russia per la guerra in Ucraina.")
    assert ("transfer", ("PRK", "RUS"), "missiles") in keys(claims)
    assert not any(c.to == "UKR" for c in claims)


def test_drone_model_with_number_is_drones():
    c = only(read("Secondo Kiev, l'Iran ha consegnato alla Russia centinaia di Shahed-136."))
    assert (c.kind, c.from_, c.to, c.items) == ("transfer", "IRN", "RUS", ("drones",))
