"""Lexicons and the gazetteer: every language file has the same shape and loads; the gazetteer
resolves the forms news actually uses."""
import pytest

from quidpro.errors import LexiconError
from quidpro.extract.gazetteer import load_gazetteer
from quidpro.extract.language import load_lexicon, load_pack, supported_languages
from quidpro.models import ITEMS

LANGS = supported_languages()


def test_french_and_english_are_supported():
    assert {"fr", "en"} <= set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_shape(lang):
    lex = load_lexicon(lang)
    assert lex.code == lang
    for cls in ("give", "receive", "pledge", "deploy", "agreement"):
        assert lex.triggers[cls], f"{lang}: no '{cls}' triggers"
    assert set(lex.items) <= set(ITEMS)
    assert {"recipient", "origin", "agent", "destination"} <= {k for k, v in lex.roles.items() if v}
    for cue in ("attribution_prep", "speech", "reported", "speculative", "negation", "exchange", "approx"):
        assert lex.cues[cue], f"{lang}: no '{cue}' cues"
    assert lex.units and lex.time["months"]


def test_unknown_language_is_a_clear_error():
    with pytest.raises(LexiconError, match="no lexicon for language 'xx'"):
        load_lexicon("xx")


@pytest.mark.parametrize("form,code", [
    ("Corée du Nord", "PRK"), ("North Korea", "PRK"), ("Pyongyang", "PRK"), ("nord-coréens", "PRK"),
    ("North Korean", "PRK"), ("Moscou", "RUS"), ("Kremlin", "RUS"), ("Poutine", "RUS"),
    ("Séoul", "KOR"), ("sud-coréen", "KOR"), ("Kyiv", "UKR"), ("Téhéran", "IRN"), ("Iranian", "IRN"),
    ("États-Unis", "USA"), ("Washington", "USA"), ("Rheinmetall", "DEU"), ("Baykar", "TUR"),
    ("Hezbollah", "hezbollah"), ("OTAN", "nato"), ("Union européenne", "eu"),
])
def test_gazetteer_resolves_news_forms(form, code):
    assert load_gazetteer(LANGS).forms[form] == code


def test_contextual_forms_need_the_state_named():
    from quidpro.extract import extract
    alone = extract("Le Nord a livré des obus à la Russie, selon Séoul.", published="2024-01-01")
    assert all(c.from_ != "PRK" for c in alone)
    named = extract("La Corée du Nord fabrique des obus. Le Nord a livré des obus à la Russie, selon Séoul.",
                    published="2024-01-01")
    assert any(c.from_ == "PRK" and c.to == "RUS" for c in named)


@pytest.mark.parametrize("lang", LANGS)
def test_pack_builds_once(lang):
    assert load_pack(lang) is load_pack(lang)


@pytest.mark.parametrize("lang,text,sentences", [
    ("pl", "W Polsce stacjonuje ok. 10 000 żołnierzy. Rosja to krytykuje.", 2),
    ("en", "Russia sent tanks. 300 of them arrived. Ukraine protested.", 3),
    ("de", "Die Ukraine erhielt ca. 300 Panzer. Berlin schweigt.", 2),
])
def test_sentences_do_not_end_at_a_short_word_before_a_figure(lang, text, sentences):
    doc = load_pack(lang).parse(text)
    assert len(list(doc.sents)) == sentences
