"""Sentence-level reading, in French and English: who gives, who gets, what kind, how sure."""
from __future__ import annotations

import pytest

from quidpro.extract import extract

CASES = [
    # (lang, sentence, expected (kind, from, to, items, certainty) tuples)
    ("en", "Hundreds of Shahed drones were supplied to Russia by Iran last year.",
     {("transfer", "IRN", "RUS", ("drones",), "asserted")}),
    ("fr", "Des drones iraniens ont été livrés à la Russie par Téhéran depuis 2022.",
     {("transfer", "IRN", "RUS", ("drones",), "asserted")}),
    ("en", "North Korea has received air defence equipment from Russia, officials said.",
     {("transfer", "RUS", "PRK", ("air_defense",), "reported")}),
    ("en", "Iran has denied sending drones to Russia.",
     {("transfer", "IRN", "RUS", ("drones",), "denied")}),
    ("fr", "Téhéran a démenti avoir envoyé des missiles balistiques à Moscou.",
     {("transfer", "IRN", "RUS", ("missiles",), "denied")}),
    ("fr", "Les États-Unis ne livreront pas de F-16 à la Turquie.",
     {("pledge", "USA", "TUR", ("aircraft",), "denied")}),
    ("en", "Washington has suspended the sale of F-35 jets to Turkey.",
     {("pledge", "USA", "TUR", ("aircraft",), "denied")}),
    ("en", "Germany will deliver four more IRIS-T systems to Ukraine by the end of the year.",
     {("pledge", "DEU", "UKR", ("air_defense",), "asserted")}),
    ("en", "Poland signed a deal to buy 180 K2 tanks from South Korea in 2022.",
     {("pledge", "KOR", "POL", ("armored_vehicles",), "asserted")}),
    ("fr", "La Pologne a signé un contrat pour acheter 180 chars K2 à la Corée du Sud.",
     {("pledge", "KOR", "POL", ("armored_vehicles",), "asserted")}),
    ("en", "About 10,000 North Korean soldiers have been deployed to Russia, according to the Pentagon.",
     {("deployment", "PRK", "RUS", ("troops",), "reported")}),
    ("fr", "Des soldats nord-coréens combattent aux côtés des forces russes dans la région de Koursk, selon Kyiv.",
     {("deployment", "PRK", "RUS", ("troops",), "reported")}),
    ("en", "The United States will not send troops to Ukraine, the White House said.",
     {("deployment", "USA", "UKR", ("troops",), "denied")}),
    ("en", "Russia could give North Korea access to oil and gas, experts said.",
     {("pledge", "RUS", "PRK", ("energy_resources",), "speculative")}),
    ("en", "Ukraine has received the first batch of F-16 fighter jets from Denmark and the Netherlands.",
     {("transfer", "DNK", "UKR", ("aircraft",), "asserted"), ("transfer", "NLD", "UKR", ("aircraft",), "asserted")}),
    ("en", "The Pentagon announced a new $400 million military aid package for Ukraine, including Stinger missiles.",
     {("pledge", "USA", "UKR", ("air_defense",), "asserted")}),
    ("en", "Most of Hezbollah's missiles and drones were supplied by Iran, according to US officials.",
     {("transfer", "IRN", "hezbollah", ("drones", "missiles"), "reported")}),
    ("fr", "Le Pakistan avait envoyé en 2018 environ 1 000 soldats en Arabie saoudite.",
     {("deployment", "PAK", "SAU", ("troops",), "asserted")}),
    ("en", "Germany delivered Leopard tanks to Ukrainian forces.",
     {("transfer", "DEU", "UKR", ("armored_vehicles",), "asserted")}),
    # a noun act as the verb's object is one act with it
    ("en", "Washington approved the sale of twelve Reaper drones to Morocco.",
     {("pledge", "USA", "MAR", ("drones",), "asserted")}),
    ("en", "Belarus has received shipments of Russian Iskander missiles.",
     {("transfer", "RUS", "BLR", ("missiles",), "asserted")}),
    # a sale contract is a pledge from the seller to the buyer, not a pact
    ("fr", "Le Qatar a signé avec la France un contrat pour l’achat de douze avions Rafale.",
     {("pledge", "FRA", "QAT", ("aircraft",), "asserted")}),
    ("en", "Hanwha signed a contract with Romania to supply 54 K9 howitzers.",
     {("pledge", "KOR", "ROU", ("artillery",), "asserted")}),
    # a name qualifying the subject stands for it; a part of a state for the state
    ("fr", "Des avions de transport russes ont atterri à Bamako et auraient livré des hélicoptères à l’armée malienne.",
     {("transfer", "RUS", "MLI", ("aircraft",), "reported")}),
    ("fr", "Environ 3 000 soldats nord-coréens ont été envoyés dans l’est de la Russie.",
     {("deployment", "PRK", "RUS", ("troops",), "asserted")}),
    # the buyer of a passive purchase is its agent
    ("fr", "Washington a gelé la livraison des chasseurs F-35 commandés par Ankara.",
     {("pledge", "USA", "TUR", ("aircraft",), "denied")}),
    # "missile technology" is technology; goods arriving at "the Polish port" arrive in Poland
    ("en", "Moscow is sharing missile technology with Pyongyang, in exchange for shells.",
     set()),
    ("en", "Forty K2 tanks from South Korea arrived at the Polish port of Gdynia on Monday.",
     {("transfer", "KOR", "POL", ("armored_vehicles",), "asserted")}),
    # in a supply contract the arms maker is the seller, whoever signs first
    ("en", "Qatar signed a contract with Fincantieri for the supply of seven warships.",
     {("pledge", "ITA", "QAT", ("naval",), "asserted")}),
    ("it", "Il Qatar ha firmato con Fincantieri un contratto per la fornitura di sette navi.",
     {("pledge", "ITA", "QAT", ("naval",), "asserted")}),
    # a hyphenated name in capitals matches the lexicon's lower-case term in every tokeniser
    ("it", "La Germania ha fornito all'Ucraina sistemi IRIS-T.",
     {("transfer", "DEU", "UKR", ("air_defense",), "asserted")}),
    # an act told in a past tense is a transfer, whoever tells it
    ("fr", "Un lot de drones turcs est arrivé en Ukraine, a indiqué le ministre ukrainien de la Défense.",
     {("transfer", "TUR", "UKR", ("drones",), "reported")}),
]

# Languages with no dependency parser on the package index, read from word order and cues.
CASES += [
    ("de", "Russland hat Nordkorea Flugabwehrraketen geliefert, sagte ein südkoreanischer Beamter.",
     {("transfer", "RUS", "PRK", ("air_defense",), "reported")}),
    ("de", "Die Drohnen wurden von Iran an Russland geliefert.",
     {("transfer", "IRN", "RUS", ("drones",), "asserted")}),
    ("de", "Nordkorea hat rund 10.000 Soldaten nach Russland entsandt.",
     {("deployment", "PRK", "RUS", ("troops",), "asserted")}),
    ("de", "Berlin wird der Ukraine keine Taurus-Marschflugkörper liefern.",
     {("pledge", "DEU", "UKR", ("missiles",), "denied")}),
    ("es", "Rusia suministró a Corea del Norte misiles antiaéreos a cambio de soldados, según Seúl.",
     {("transfer", "RUS", "PRK", ("air_defense",), "reported"), ("deployment", "PRK", "RUS", ("troops",), "reported")}),
    ("es", "Alemania entregará a Ucrania cuatro sistemas IRIS-T.",
     {("pledge", "DEU", "UKR", ("air_defense",), "asserted")}),
    ("es", "Rusia y Corea del Norte firmaron un tratado de defensa mutua en junio de 2024.",
     {("agreement", None, None, ("mutual_defense",), "asserted")}),
    ("es", "Irán negó haber enviado drones a Rusia.",
     {("transfer", "IRN", "RUS", ("drones",), "denied")}),
]

NO_CLAIM = [
    ("en", "At a military exhibition in Pyongyang, Kim Jong Un called for modernised weapons."),
    ("en", "Ukraine asked Germany to send Taurus missiles."),
    ("fr", "Kyiv a demandé à Berlin de livrer des missiles Taurus."),
    ("fr", "La Corée du Nord a testé un nouveau missile balistique intercontinental."),
    ("en", "Russia paraded its newest tanks and missiles on Red Square."),
    ("fr", "Séoul pourrait revoir sa politique de ne pas fournir d'armes aux pays en guerre."),
    ("de", "Nordkorea testete am Montag eine neue Rakete."),
    ("es", "Corea del Norte probó un nuevo misil balístico."),
]


def _tuples(claims):
    return {(c.kind, c.from_, c.to, c.items, c.certainty) for c in claims}


@pytest.mark.parametrize("lang,sentence,expected", CASES, ids=[c[1][:40] for c in CASES])
def test_sentence_is_read(lang, sentence, expected):
    assert _tuples(extract(sentence, published="2024-11-23", lang=lang)) == expected


@pytest.mark.parametrize("lang,sentence", NO_CLAIM, ids=[c[1][:40] for c in NO_CLAIM])
def test_no_claim(lang, sentence):
    assert extract(sentence, published="2024-11-23", lang=lang) == []


ARTICLES = [
    # (lang, text, expected) : what needs the sentences around it
    ("en", "Japan sent 200 troops to Djibouti in 2011. The two countries signed a defence cooperation "
           "agreement in 2015.",
     {("deployment", "JPN", "DJI", ("troops",), "asserted"),
      ("agreement", None, None, ("military_cooperation",), "asserted")}),
    ("en", "Russia has received Iranian Shahed drones, US officials said. In exchange, Moscow has been "
           "sharing fighter jet technology with Tehran, they said.",
     {("transfer", "IRN", "RUS", ("drones",), "reported"),
      ("transfer", "RUS", "IRN", ("military_technology",), "reported")}),
    ("fr", "La France a livré des canons Caesar à l’Ukraine en 2022. Emmanuel Macron a promis lundi "
           "l’envoi de 40 missiles SCALP supplémentaires.",
     {("transfer", "FRA", "UKR", ("artillery",), "asserted"),
      ("pledge", "FRA", "UKR", ("missiles",), "asserted")}),
    ("fr", "Le Japon et l’Australie ont resserré leurs liens. Les deux pays ont signé lundi un traité "
           "de coopération militaire.",
     {("agreement", None, None, ("military_cooperation",), "asserted")}),
    ("en", "Britain sent 500 troops to Estonia in 2017. Denmark and France also sent soldiers.",
     {("deployment", "GBR", "EST", ("troops",), "asserted"), ("deployment", "DNK", "EST", ("troops",), "asserted"),
      ("deployment", "FRA", "EST", ("troops",), "asserted")}),
    ("en", "Britain will share the design of its attack submarine with Australia.",
     {("pledge", "GBR", "AUS", ("military_technology",), "asserted")}),
    ("en", "Manila took delivery of the first radar it ordered from Japan.",
     {("transfer", "JPN", "PHL", ("air_defense",), "asserted"),
      ("pledge", "JPN", "PHL", ("air_defense",), "asserted")}),
]


@pytest.mark.parametrize("lang,text,expected", ARTICLES, ids=[c[1][:40] for c in ARTICLES])
def test_article_context_is_read(lang, text, expected):
    assert _tuples(extract(text, published="2024-11-23", lang=lang)) == expected


def test_exchange_links_both_ways():
    claims = extract("Russia has supplied North Korea with anti-aircraft missiles in exchange for troops, "
                     "South Korea's national security adviser Shin Won-sik said.", lang="en")
    first, second = claims
    assert (first.kind, first.from_, first.to) == ("transfer", "RUS", "PRK")
    assert (second.kind, second.from_, second.to, second.items) == ("deployment", "PRK", "RUS", ("troops",))
    assert first.exchange_for == 1 and second.exchange_for == 0
    assert first.source == second.source == "Shin Won-sik"


def test_source_surname_expands_to_the_full_name_given_earlier():
    claims = extract("Shin Won-sik, conseiller à la sécurité nationale, s'est exprimé vendredi. "
                     "« La Corée du Nord a reçu des missiles anti-aériens de la Russie », a déclaré Shin.",
                     lang="fr")
    assert [(c.from_, c.to, c.source) for c in claims] == [("RUS", "PRK", "Shin Won-sik")]


def test_two_givers_give_two_claims():
    claims = extract("Germany and France agreed to deliver more tanks to Kyiv.", lang="en")
    assert {(c.kind, c.from_, c.to) for c in claims} == {("pledge", "DEU", "UKR"), ("pledge", "FRA", "UKR")}


def test_the_two_countries_are_the_two_named_before():
    text = ("Le Japon et l’Australie ont resserré leurs liens. Les deux pays ont signé lundi un traité "
            "de coopération militaire.")
    (pact,) = extract(text, published="2024-11-23", lang="fr")
    assert pact.kind == "agreement" and pact.parties == ("AUS", "JPN")
    text = ("Somalia received Egyptian rifles on Tuesday. The delivery followed a defence cooperation "
            "protocol that the two countries signed in Cairo this month.")
    pact = next(c for c in extract(text, published="2024-08-29", lang="en") if c.kind == "agreement")
    assert pact.parties == ("EGY", "SOM") and pact.when == "2024-08"
