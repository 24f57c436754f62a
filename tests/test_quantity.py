import pytest
from hypothesis import given, strategies as st

from quidpro.extract.language import load_pack
from quidpro.extract.quantity import choose_quantity, find_quantities, parse_figure
from quidpro.models import Quantity


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "environ 10 000 soldats", Quantity(10000, "soldiers", True)),
    ("fr", "plus de 13 000 conteneurs", Quantity(13000, "containers", True)),
    ("fr", "dix mille soldats", Quantity(10000, "soldiers", False)),
    ("fr", "10.000 obus", Quantity(10000, "shells", False)),
    ("fr", "1,5 milliard de dollars", Quantity(1500000000, "USD", False)),
    ("fr", "des centaines de milliers d'obus", Quantity(100000, "shells", True)),
    ("fr", "entre 10 000 à 12 000 soldats", Quantity(12000, "soldiers", True)),
    ("en", "more than 10,000 troops", Quantity(10000, "troops", True)),
    ("en", "ten thousand soldiers", Quantity(10000, "soldiers", False)),
    ("en", "$1.5 billion", Quantity(1500000000, "USD", False)),
    ("en", "2,000-3,000 shells", Quantity(3000, "shells", True)),
    ("en", "hundreds of thousands of shells", Quantity(100000, "shells", True)),
    ("en", "some 300 tanks", Quantity(300, "tanks", True)),
])
def test_quantities_in_each_language_format(lang, text, expected):
    pack = load_pack(lang)
    doc = pack.nlp(text)
    found = find_quantities(doc[:], pack)
    assert found, f"no quantity in {text!r}"
    assert found[0].quantity == expected


@pytest.mark.parametrize("lang,text", [
    ("fr", "en 2023, la Russie a signé"),       # a year is no quantity
    ("en", "on 6 June the ministers met"),
    ("en", "the 3rd brigade"),
])
def test_numbers_without_unit_are_not_quantities(lang, text):
    pack = load_pack(lang)
    assert find_quantities(pack.nlp(text)[:], pack) == []


def test_count_preferred_over_money():
    pack = load_pack("en")
    doc = pack.nlp("a $500 million package with 31 tanks")
    q = choose_quantity(find_quantities(doc[:], pack))
    assert q == Quantity(31, "tanks", False)


@given(st.integers(min_value=1000, max_value=10**9))
def test_grouped_figures_read_back_in_both_conventions(n):
    assert parse_figure(f"{n:,}", decimal_comma=False) == n
    assert parse_figure(f"{n:,}".replace(",", " "), decimal_comma=True) == n
    assert parse_figure(f"{n:,}".replace(",", "."), decimal_comma=True) == n


def test_decimal_marks():
    assert parse_figure("1,5", decimal_comma=True) == 1.5
    assert parse_figure("1.5", decimal_comma=False) == 1.5
    assert parse_figure("abc", decimal_comma=False) is None
