import pytest

from quidpro.extract.when import find_times


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Ce mois-ci, la Russie a ratifié", "2024-11"),
    ("fr", "signé à Pyongyang en juin lors", "2024-06"),
    ("fr", "vers la Russie depuis août 2023 pour", "2023-08/.."),
    ("fr", "a déclaré le mois dernier que", "2024-10"),
    ("fr", "le 6 novembre, Séoul a", "2024-11-06"),
    ("fr", "livrés au printemps 2023", "2023"),
    ("fr", "d'ici la fin de l'année", "2024-12"),
    ("fr", "depuis 2022", "2022/.."),
    ("en", "since August 2023 North Korea", "2023-08/.."),
    ("en", "last week the ministry", "2024-11"),
    ("en", "in June the two leaders", "2024-06"),
    ("en", "on June 6, 2024 the", "2024-06-06"),
    ("en", "in late 2023", "2023"),
    ("en", "by the end of the year", "2024-12"),
    ("en", "earlier this month", "2024-11"),
])
def test_times_resolve_against_publication_date(lang, text, expected):
    found = [t for t in find_times(text, lang, "2024-11-23") if t.edtf]
    assert [t.edtf for t in found] == [expected]


def test_relative_times_stay_null_without_publication_date():
    assert [t.edtf for t in find_times("Ce mois-ci, en juin", "fr", None)] == [None, None]
    # an absolute date needs no anchor
    assert [t.edtf for t in find_times("depuis août 2023", "fr", None)] == ["2023-08/.."]


def test_modal_may_is_not_a_month():
    assert [t.edtf for t in find_times("Russia may send more drones", "en", "2024-11-23")] == [None]


def test_offsets_point_at_the_expression():
    text = "Le traité a été signé en juin."
    (t,) = find_times(text, "fr", "2024-11-23")
    assert text[t.start:t.end] == "juin"
