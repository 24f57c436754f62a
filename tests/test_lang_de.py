"""German sentences (own wording, public events): separable verbs, compounds, attribution,
purchases, participles and the verbs that approve a treaty."""
from __future__ import annotations

import pytest

import quidpro


def claims(text: str, published: str = "2024-11-20"):
    return quidpro.extract(text, published=published, lang="de")


def keys(text: str, published: str = "2024-11-20") -> set[tuple]:
    out = set()
    for c in claims(text, published):
        if c.kind == "agreement":
            out |= {("agreement", tuple(sorted(c.parties or ())), i) for i in c.items}
        else:
            out |= {(c.kind, c.from_, c.to, i) for i in c.items}
    return out


def one(text: str, kind: str, from_: str, to: str):
    found = [c for c in claims(text) if (c.kind, c.from_, c.to) == (kind, from_, to)]
    assert found, f"no {kind} {from_}->{to} in {claims(text)}"
    return found[0]


@pytest.mark.parametrize("text, expected", [
    # separable verbs: the particle ends the clause
    ("Deutschland sagte der Ukraine im Juni weitere IRIS-T-Systeme zu.",
     ("pledge", "DEU", "UKR", "air_defense")),
    ("Frankreich sicherte Polen neue Kampfjets zu.", ("pledge", "FRA", "POL", "aircraft")),
    ("Die Niederlande stellten der Ukraine 18 F-16-Kampfjets bereit.", ("transfer", "NLD", "UKR", "aircraft")),
    ("Warschau gab zahlreiche T-72-Panzer an die Ukraine ab.", ("transfer", "POL", "UKR", "armored_vehicles")),
    # compounds: a hyphenated word's last part, a listed compound head
    ("Spanien lieferte der Ukraine mehrere Bergepanzer.", ("transfer", "ESP", "UKR", "armored_vehicles")),
    ("Polen kauft 96 Apache-Kampfhubschrauber aus den USA.", ("pledge", "USA", "POL", "aircraft")),
    ("Die USA liefern Taiwan weitere Harpoon-Antischiffsraketen.", ("transfer", "USA", "TWN", "missiles")),
    # a purchase noun in a contract: a pledge from the seller, no pact
    ("Polen unterzeichnete einen Vertrag über den Kauf von 250 Abrams-Panzern aus den USA.",
     ("pledge", "USA", "POL", "armored_vehicles")),
    # debt relief is economic aid
    ("Russland hat Nordkorea Schulden in Höhe von elf Milliarden Dollar erlassen.",
     ("transfer", "RUS", "PRK", "economic_aid")),
])
def test_claim_found(text, expected):
    assert expected in keys(text)


def test_contract_for_weapons_is_no_pact():
    found = keys("Polen unterzeichnete einen Vertrag über den Kauf von 250 Abrams-Panzern aus den USA.")
    assert not any(k[0] == "agreement" for k in found)


def test_denial_by_separable_verb():
    c = one("Russland wies die Berichte über Waffenlieferungen an Nordkorea zurück.", "transfer", "RUS", "PRK")
    assert c.certainty == "denied"


def test_withheld_by_separable_verb_is_denied_pledge():
    c = one("Deutschland lehnte die Lieferung von Taurus-Marschflugkörpern an die Ukraine ab.",
            "pledge", "DEU", "UKR")
    assert c.certainty == "denied"


def test_konjunktiv_reports():
    c = one("Teheran habe Moskau Hunderte Shahed-Drohnen geliefert, sagte John Kirby.", "transfer", "IRN", "RUS")
    assert c.certainty == "reported"
    assert "drones" in c.items


def test_attribution_phrase_ends_before_the_subject():
    c = one("Nach Angaben des südkoreanischen Geheimdienstes hat Pjöngjang mehr als eine Million "
            "Artilleriegranaten an Moskau geliefert.", "transfer", "PRK", "RUS")
    assert c.certainty == "reported"
    assert c.quantity is not None and c.quantity.value == 1000000


def test_inverted_separable_speech_verb_reports():
    c = one("Nordkorea wird 6.000 Soldaten in die russische Region Kursk entsenden, kündigte der Sekretär "
            "des russischen Sicherheitsrats, Sergej Schoigu, am Dienstag an.", "deployment", "PRK", "RUS")
    assert c.certainty == "reported"
    assert c.source == "Sergej Schoigu"


def test_giver_announcing_own_pledge_is_asserted():
    c = one("Großbritannien sagte der Ukraine 5000 Flugabwehrraketen zu, wie Premierminister Keir Starmer "
            "mitteilte.", "pledge", "GBR", "UKR")
    assert c.certainty == "asserted" and c.source is None


def test_promised_goods_delivered_are_transfer_and_pledge():
    found = keys("Deutschland hat der Ukraine die zugesagten Gepard-Flugabwehrpanzer übergeben.")
    assert ("transfer", "DEU", "UKR", "air_defense") in found
    assert ("pledge", "DEU", "UKR", "air_defense") in found


def test_approving_a_treaty_is_the_pact():
    found = keys("Die Duma hat einen Vertrag über eine umfassende strategische Partnerschaft mit Nordkorea "
                 "gebilligt, der gegenseitigen Beistand vorsieht.")
    assert ("agreement", ("PRK", "RUS"), "mutual_defense") in found
    assert not any(k[0] == "pledge" for k in found)


def test_place_of_the_giver_is_no_receiver():
    found = keys("Washington hatte die Lieferung einer Patriot-Batterie beim Besuch Selenskyjs im Weißen Haus "
                 "zugesagt.")
    assert ("pledge", "USA", "UKR", "air_defense") in found


def test_particle_not_at_clause_end_is_no_separable_verb():
    # "sagte" with "zu" inside the clause is a speech verb, no pledge
    assert not any(c.kind == "pledge" for c in claims(
        "Scholz sagte zu den Plänen, Russland habe Nordkorea Raketen geliefert."))


def test_denial_with_infinitive_takes_the_denier_as_giver():
    c = one("China bestreitet, Russland mit Waffen zu versorgen.", "transfer", "CHN", "RUS")
    assert c.certainty == "denied"


def test_accused_is_the_giver():
    found = keys("Kiew wirft Teheran vor, Russland mit Kampfdrohnen zu beliefern.")
    assert ("transfer", "IRN", "RUS", "drones") in found
    assert not any(k[1] == "UKR" for k in found)


def test_source_before_zufolge():
    c = one("Dem Pentagon zufolge hat der Iran Russland ballistische Raketen geliefert.", "transfer", "IRN", "RUS")
    assert c.certainty == "reported"


def test_number_words_count():
    c = one("Berlin stellt Kiew zwei Patriot-Systeme bereit.", "transfer", "DEU", "UKR")
    assert c.quantity is not None and (c.quantity.value, c.quantity.unit) == (2, "systems")
    c = one("Nordkorea hat mehrere tausend Soldaten nach Russland geschickt.", "deployment", "PRK", "RUS")
    assert c.quantity is not None and c.quantity.value == 1000 and c.quantity.approx


def test_year_is_no_count():
    c = one("Seit 2017 sind deutsche Soldaten in Litauen stationiert.", "deployment", "DEU", "LTU")
    assert c.quantity is None and c.when == "2017/.."


def test_ordered_goods_handed_over():
    found = keys("Das bei Thyssenkrupp Marine Systems bestellte U-Boot wurde an die ägyptische Marine übergeben.")
    assert ("transfer", "DEU", "EGY", "naval") in found
    assert ("pledge", "DEU", "EGY", "naval") in found


def test_active_receiver_von_is_the_giver():
    assert ("transfer", "RUS", "ARM", "weapons_unspecified") in keys(
        "Armenien erhielt seine Waffen bislang fast ausschließlich von Russland.")


def test_cut_off_compound_names_the_agreement():
    # "Verteidigungs- und Wirtschaftsabkommen": the cut-off first part says what the pact is
    assert ("agreement", ("DEU", "IND"), "military_cooperation") in keys(
        "Deutschland und Indien haben ein Verteidigungs- und Wirtschaftsabkommen unterzeichnet.")
    assert not keys("Deutschland und Japan haben ein Wirtschaftsabkommen unterzeichnet.")


def test_split_denial_before_its_clause():
    # "wies ... zurück, wonach ...": the particle ends the denying clause before the comma
    found = [c for c in claims("Pjöngjang wies am Dienstag Berichte zurück, wonach Nordkorea Russland "
                               "Artilleriegranaten liefere.") if (c.kind, c.from_, c.to) == ("transfer", "PRK", "RUS")]
    assert found and found[0].certainty == "denied"


def test_war_location_is_no_receiver():
    found = keys("Nordkorea liefert Russland Raketen für den Krieg in der Ukraine.")
    assert ("transfer", "PRK", "RUS", "missiles") in found
    assert not any(k[2] == "UKR" for k in found)
