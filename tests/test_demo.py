"""The demo corpus in a ledger: four languages fused into facts, figures kept side by side,
syndicated copies counted once, and a second ingest that adds nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from quidpro.article import build_article
from quidpro.extract import extract_claims
from quidpro.ledger import Ledger
from quidpro.sources import expand_refs, read_source

MANIFEST = Path(__file__).resolve().parents[1] / "demo" / "corpus" / "manifest.jsonl"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ledger = Ledger.open(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")
    entries = expand_refs([str(MANIFEST)])
    extractions = [extract_claims(build_article(read_source(e.ref), lang=e.lang, fallback_published=e.published,
                                                fallback_site=e.site)) for e in entries]
    first = [ledger.ingest(x) for x in extractions]
    counts = ledger.counts()
    second = [ledger.ingest(x) for x in extractions]
    return ledger, entries, first, second, counts


def test_corpus_shape(demo):
    _, entries, *_ = demo
    assert len(entries) >= 40
    assert {e.lang for e in entries} >= {"fr", "en", "de", "es"}
    assert {Path(e.ref).suffix for e in entries} == {".html", ".txt"}


def test_second_ingest_adds_nothing(demo):
    ledger, entries, first, second, counts = demo
    assert all(r.duplicate for r in second)
    assert ledger.counts() == counts and counts["articles"] == len(entries)


def test_air_defence_for_troops_in_three_languages_with_both_figures(demo):
    ledger = demo[0]
    (air,) = ledger.facts(kind="transfer", from_="RUS", to="PRK", item="air_defense")
    assert air.sources >= 3 and len(air.languages) >= 3
    (troops,) = ledger.facts(kind="deployment", from_="PRK", to="RUS")
    figures = {q.value for q, _ in troops.quantities}
    assert len(figures) >= 2 and 10000 in figures
    assert all(who for _, who in troops.quantities)
    # the missiles were given for the troops: the air-defence fact leads to their figures
    assert troops.id in [x.id for x in ledger.exchanged_for(air.id)]


def test_syndicated_copies_are_linked(demo):
    ledger, entries, first, *_ = demo
    assert sum(r.near_duplicate_of is not None for r in first) == 2
