"""The ledger on a real SQLite file and a real PostgreSQL server: idempotent, transactional
ingest; fusion of claims into facts; near-duplicates as one source; search."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect

from quidpro.article import build_article
from quidpro.errors import LedgerError
from quidpro.extract import extract_claims
from quidpro.ledger import Ledger
from quidpro.ledger.fusion import compatible, edtf_range
from quidpro.ledger.schema import metadata
from quidpro.models import Document, Quantity

from conftest import DATA, load_gold

SEOUL = ("South Korea's intelligence service said on Monday that about {n} North Korean soldiers have been "
         "deployed to Russia, and that Russia supplied North Korea with anti-aircraft missiles in exchange. "
         "The officials spoke to lawmakers in Seoul in a closed-door briefing about the {topic}.")


def _extraction(text: str, uri: str, published: str = "2024-11-20", lang: str = "en"):
    return extract_claims(build_article(Document(uri, text.encode()), published=published, lang=lang))


@pytest.fixture
def ledger(ledger_url):
    ledger = Ledger.open(ledger_url)
    yield ledger
    ledger.engine.dispose()


def test_migrated_schema_is_the_declared_one(ledger):
    inspector = inspect(ledger.engine)
    for table in metadata.sorted_tables:
        assert {c["name"] for c in inspector.get_columns(table.name)} >= {c.name for c in table.columns}


def test_migrating_twice_changes_nothing(ledger_url):
    Ledger.open(ledger_url)
    ledger = Ledger.open(ledger_url)
    assert ledger.counts() == {"articles": 0, "claims": 0, "facts": 0}


def test_ingesting_the_fixture_corpus_twice_adds_nothing_the_second_time(ledger):
    gold = [g for g in load_gold() if not g["negative"]][:8]
    extractions = [extract_claims(build_article(Document(g["file"], (DATA / g["file"]).read_bytes(),
                                                         "text/html" if g["file"].endswith(".html") else None),
                                                published=g["published"])) for g in gold]
    first = [ledger.ingest(e) for e in extractions]
    counts = ledger.counts()
    assert counts["articles"] == len(gold) and counts["claims"] == sum(r.claims for r in first) > 0
    assert counts["facts"] == sum(r.new_facts for r in first) > 0
    second = [ledger.ingest(e) for e in extractions]
    assert all(r.duplicate and r.claims == 0 for r in second)
    assert ledger.counts() == counts


def test_a_failed_article_leaves_nothing_behind(ledger, monkeypatch):
    extraction = _extraction(SEOUL.format(n="10,000", topic="war"), "a.txt")
    calls = []

    def crash(conn, claim, claim_id):
        calls.append(claim_id)
        raise RuntimeError("disk full")

    monkeypatch.setattr(ledger, "_fuse", crash)
    with pytest.raises(RuntimeError):
        ledger.ingest(extraction)
    assert calls and ledger.counts() == {"articles": 0, "claims": 0, "facts": 0}
    monkeypatch.undo()
    result = ledger.ingest(extraction)
    assert not result.duplicate and ledger.counts()["articles"] == 1


def test_reports_fuse_into_facts_with_their_figures_side_by_side(ledger):
    ledger.ingest(_extraction(SEOUL.format(n="10,000", topic="war in Ukraine"), "https://one.example/a"))
    ledger.ingest(_extraction(
        "About 11,000 North Korean troops have been sent to Russia, according to the Pentagon, which said on "
        "Tuesday that Moscow gave Pyongyang air defence systems in return.",
        "https://two.example/b", published="2024-11-21"))
    (troops,) = ledger.facts(kind="deployment", from_="PRK", to="RUS")
    assert troops.sources == 2 and troops.item == "troops"
    figures = {q.value for q, _ in troops.quantities}
    assert figures == {10000, 11000}
    assert all(isinstance(q, Quantity) and who for q, who in troops.quantities)
    (air,) = ledger.facts(from_="RUS", to="PRK", item="air_defense")
    assert air.sources == 2 and air.first_reported == "2024-11-20" and air.last_reported == "2024-11-21"
    assert ledger.fact(air.id) == air
    assert {"RUS", "PRK"} <= set(ledger.actors()) and ledger.languages() == ["en"]


def test_syndicated_copies_count_as_one_source(ledger):
    page = DATA / "articles" / "en_seed_events_rus_prk.html"
    original = build_article(Document(str(page), page.read_bytes(), "text/html")).text
    paragraphs = original.split("\n\n")
    paragraphs[-1] = "Seoul has so far declined to send weapons to Kyiv, officials in the capital added."
    copy = "\n\n".join(paragraphs)
    first = ledger.ingest(_extraction(original, "https://agency.example/wire"))
    second = ledger.ingest(_extraction(copy, "https://reprint.example/story"))
    third = ledger.ingest(_extraction(SEOUL.format(n="10,000", topic="war"), "https://other.example/c"))
    assert not second.duplicate and second.near_duplicate_of == first.article_id
    assert third.near_duplicate_of is None
    (air,) = ledger.facts(kind="transfer", from_="RUS", to="PRK", item="air_defense")
    assert air.sources == 2     # three reports, two of them copies of one
    assert len({r.article_id for r in air.reports}) == 3


def test_incompatible_times_are_separate_facts(ledger):
    ledger.ingest(_extraction("Russia signed a mutual defence treaty with North Korea in June 2024 in Pyongyang.",
                              "a"))
    ledger.ingest(_extraction("Russia and North Korea signed a military cooperation and mutual defence "
                              "agreement in September 2023, the ministry said.", "b"))
    ledger.ingest(_extraction("Moscow ratified its mutual defence treaty with Pyongyang.", "c"))
    pacts = ledger.facts(kind="agreement", item="mutual_defense")
    assert sorted(len(f.reports) for f in pacts) == [1, 2]


@pytest.mark.parametrize("a,b,ok", [
    ("2024-06", "2024-11", False), ("2023-08/..", "2024-02", True), (None, "2024", True),
    ("2024", "2024-06-12", True), ("2022", "2023-01", False), ("..", "1999", True),
])
def test_time_compatibility(a, b, ok):
    assert compatible(a, b) is ok and compatible(b, a) is ok


def test_edtf_ranges():
    assert str(edtf_range("2024-02")) == "(datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))"
    assert edtf_range(None) is None


def test_full_text_search(ledger):
    ledger.ingest(_extraction(SEOUL.format(n="10,000", topic="war in Ukraine"), "https://one.example/a"))
    ledger.ingest(_extraction("Germany delivered more Leopard tanks to Ukraine on Friday, the ministry said.",
                              "https://two.example/b"))
    assert [uri for _, _, uri in ledger.search("Leopard")] == ["https://two.example/b"]
    assert [uri for _, _, uri in ledger.search("closed-door briefing")] == ["https://one.example/a"]
    assert ledger.search('"unbalanced quote') == []


def test_unknown_fact_and_bad_url_are_clear_errors(ledger, tmp_path):
    with pytest.raises(LedgerError, match="no fact with id 999"):
        ledger.fact(999)
    with pytest.raises(LedgerError, match="cannot open ledger"):
        Ledger.open("nosuchdialect://x")
    with pytest.raises(LedgerError, match="cannot open ledger"):
        Ledger.open(f"sqlite:///{tmp_path}/missing-dir/x.db")
