"""Korean: Kiwi morphemes as tokens, postpositions as role cues, verb-final order.

Sentences written for these tests about public events (not taken from the dev set).
"""
from __future__ import annotations

import pytest

import quidpro
from quidpro.extract.language import load_lexicon, load_pack


def claims(text: str, published: str = "2024-11-20"):
    return quidpro.extract(text, published=published, lang="ko")


def one(text: str, published: str = "2024-11-20"):
    found = claims(text, published)
    assert len(found) == 1, found
    return found[0]


# -- the tokenizer ------------------------------------------------------------------------
def test_lexicon_names_the_kiwi_tokenizer():
    assert load_lexicon("ko").tokenizer == "kiwi"


def test_tokens_are_morphemes_with_dictionary_lemmas():
    doc = load_pack("ko").parse("북한이 러시아에게 포탄을 보냈다.")
    assert [t.text for t in doc] == ["북한", "이", "러시아", "에게", "포탄", "을", "보냈다", "."]
    assert doc.text == "북한이 러시아에게 포탄을 보냈다."
    verb = doc[6]
    assert verb.lemma_ == "보내다" and verb.pos_ == "VERB" and "Past" in verb.morph.get("Tense")
    assert doc[0]._.actor == "PRK" and doc[2]._.actor == "RUS"
    assert doc[1].tag_ == "JKS"


def test_derived_verbs_and_passives_have_their_own_lemma():
    doc = load_pack("ko").parse("제공됐다 지원받았다 넘어갔다는 보낼")
    assert [t.lemma_ for t in doc] == ["제공되다", "지원받다", "넘어가다", "보내다"]
    assert "Fut" in doc[3].morph.get("Tense")


def test_sentences_split_after_korean_endings():
    doc = load_pack("ko").parse("러시아가 무기를 보냈다. 북한은 부인했다.")
    assert len(list(doc.sents)) == 2


def test_the_analyser_is_built_once():
    from quidpro.extract import kiwi

    assert kiwi._kiwi() is kiwi._kiwi()


# -- claims -----------------------------------------------------------------------------------
def test_transfer_with_postpositions_and_a_speaker_after_the_clause():
    c = one("러시아가 북한에 지대공 미사일을 제공했다고 국가정보원이 밝혔다.")
    assert (c.kind, c.from_, c.to, c.items) == ("transfer", "RUS", "PRK", ("air_defense",))
    assert c.certainty == "reported" and c.source == "국가정보원"


def test_receiver_as_subject_with_origin_postposition():
    c = one("우크라이나는 미국으로부터 에이태큼스 미사일을 넘겨받았다.")
    assert (c.kind, c.from_, c.to, c.items) == ("transfer", "USA", "UKR", ("missiles",))


def test_deployment_passive_with_myriad_quantity_and_last_month():
    c = one("북한군 1만여 명이 지난달 러시아에 파병됐다.")
    assert (c.kind, c.from_, c.to, c.items) == ("deployment", "PRK", "RUS", ("troops",))
    assert (c.quantity.value, c.quantity.unit, c.quantity.approx) == (10000, "soldiers", True)
    assert c.when == "2024-10"


def test_korean_numerals_with_inner_multipliers():
    c = one("북한은 러시아에 포탄 1만 2천 발을 보냈다.")
    assert (c.quantity.value, c.quantity.unit, c.quantity.approx) == (12000, "shells", False)


def test_speaker_before_the_reported_clause_is_no_party():
    c = one("국정원은 북한이 러시아에 병력 1만 2천 명을 파병했다고 밝혔다.")
    assert (c.from_, c.to) == ("PRK", "RUS")
    assert c.source == "국정원"


def test_denial():
    c = one("중국은 러시아에 무기를 제공하지 않았다고 부인했다.")
    assert (c.kind, c.from_, c.to, c.certainty) == ("transfer", "CHN", "RUS", "denied")


def test_goods_said_to_go_across_are_denied_by_the_parties():
    c = one("북한과 러시아는 북한산 무기가 러시아로 넘어갔다는 의혹을 부인해 왔다.")
    assert (c.from_, c.to, c.certainty) == ("PRK", "RUS", "denied")


def test_future_is_a_pledge():
    c = one("독일 정부는 우크라이나에 IRIS-T 방공 시스템을 추가로 보낼 예정이다.")
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "DEU", "UKR", ("air_defense",))


def test_decision_to_buy_is_a_pledge_from_the_seller():
    c = one("폴란드는 한국으로부터 K2 전차 180대를 구매하기로 했다.")
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "KOR", "POL", ("armored_vehicles",))
    assert (c.quantity.value, c.quantity.unit) == (180, "tanks")


def test_negated_non_past_is_a_withheld_pledge():
    c = one("한국 정부는 우크라이나에 살상무기를 직접 지원하지 않는다는 원칙을 유지하고 있다.")
    assert (c.kind, c.from_, c.to, c.certainty) == ("pledge", "KOR", "UKR", "denied")


def test_test_launch_is_no_claim():
    assert claims("북한은 24일 동해상으로 탄도미사일을 시험 발사했다.") == []


def test_treaty_with_a_korean_date():
    c = one("북한과 러시아는 2024년 6월 19일 평양에서 포괄적 전략적 동반자 관계 조약을 체결했다.")
    assert c.kind == "agreement" and c.parties == ("PRK", "RUS")
    assert c.when == "2024-06-19"


@pytest.mark.parametrize("text, when", [
    ("북한은 지난해 8월 이후 러시아에 포탄을 보냈다.", "2023-08/.."),
    ("북한은 지난해에도 러시아에 포탄을 보냈다.", "2023"),
])
def test_relative_years_and_since_written_after(text, when):
    assert one(text).when == when


def test_attribution_written_after_its_source():
    c = one("러시아 국방부 관계자에 따르면 북한은 최근 러시아에 포탄 수백만 발을 보냈다.")
    assert (c.from_, c.to, c.certainty) == ("PRK", "RUS", "reported")
    assert c.source == "러시아 국방부 관계자"
    assert (c.quantity.value, c.quantity.approx) == (1000000, True)


def test_exchange_written_before_its_cue():
    found = claims("북한이 러시아에 포탄을 제공하는 대가로 러시아는 북한에 정찰위성 기술을 이전할 것으로 보인다.")
    by_kind = {(c.kind, c.from_, c.to, c.items) for c in found}
    assert ("transfer", "PRK", "RUS", ("artillery",)) in by_kind
    assert ("pledge", "RUS", "PRK", ("military_technology",)) in by_kind
    assert any(c.exchange_for is not None for c in found)


def test_genitive_giver_and_destination_before_a_deployment_noun():
    c = one("미국과 한국은 북한군의 러시아 파병을 강하게 규탄했다.")
    assert (c.kind, c.from_, c.to) == ("deployment", "PRK", "RUS")


def test_clauses_linked_by_a_connective_keep_their_own_hedges():
    found = claims("러시아는 북한에 석유와 식량을 제공하고 있으며 전투기 판매도 검토하고 있다.")
    goods = next(c for c in found if "energy_resources" in c.items)
    assert (goods.kind, goods.certainty) == ("transfer", "asserted")


def test_a_contract_to_export_is_a_pledge():
    c = one("한화에어로스페이스가 폴란드와 K9 자주포 152문 수출 계약을 체결했다.")
    assert (c.kind, c.from_, c.to, c.items) == ("pledge", "KOR", "POL", ("artillery",))
    assert (c.quantity.value, c.quantity.unit) == (152, "howitzers")
