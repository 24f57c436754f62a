"""Exports read back with the libraries their users use: csv, json, pyarrow, networkx."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest

from quidpro.article import build_article
from quidpro.export import ExportError, event_codes, export
from quidpro.extract import extract_claims
from quidpro.ledger import Ledger
from quidpro.models import Document

TEXTS = [
    ("Russia supplied North Korea with anti-aircraft missiles, South Korean officials said.", "a"),
    ("Russia and North Korea signed a mutual defence treaty in June 2024.", "b"),
    ("Germany will send Ukraine 500 million euros in economic aid, the government announced.", "c"),
    ("About 10,000 North Korean soldiers have been deployed to Russia.", "d"),
]


@pytest.fixture
def ledger(ledger_url):
    ledger = Ledger.open(ledger_url)
    for text, uri in TEXTS:
        ledger.ingest(extract_claims(build_article(Document(uri, text.encode()), published="2024-11-20",
                                                   lang="en")))
    yield ledger
    ledger.engine.dispose()


def test_codes_follow_the_cameo_codebook():
    assert event_codes("transfer", "air_defense")["cameo"] == "072"
    assert event_codes("transfer", "economic_aid")["cameo"] == "071"
    assert event_codes("pledge", "economic_aid")["cameo"] == "0331"
    assert event_codes("pledge", "missiles")["cameo"] == "0332"
    assert event_codes("agreement", "mutual_defense")["cameo"] == "057"
    assert event_codes("deployment", "troops")["plover"] == "AID"


def test_csv_and_jsonl(ledger):
    rows = list(csv.DictReader(io.StringIO(export(ledger, "csv", None).decode())))
    by_kind = {r["kind"]: r for r in rows}
    assert set(by_kind) == {"transfer", "agreement", "pledge", "deployment"}
    assert by_kind["transfer"]["cameo"] == "072" and by_kind["transfer"]["from"] == "RUS"
    assert by_kind["agreement"]["parties"] == "PRK,RUS" and by_kind["agreement"]["cameo"] == "057"
    assert by_kind["pledge"]["cameo"] == "0331" and "500,000,000 EUR" in by_kind["pledge"]["quantities"]
    lines = [json.loads(x) for x in export(ledger, "jsonl", None).decode().splitlines()]
    assert [x["fact_id"] for x in lines] == [int(r["fact_id"]) for r in rows]


def test_parquet(ledger, tmp_path):
    export(ledger, "parquet", tmp_path / "facts.parquet")
    table = pq.read_table(tmp_path / "facts.parquet")
    assert table.num_rows == 4 and {"cameo", "plover", "item", "sources"} <= set(table.column_names)


def test_graphml(ledger, tmp_path):
    export(ledger, "graphml", tmp_path / "net.graphml")
    graph = nx.read_graphml(tmp_path / "net.graphml")
    assert set(graph.nodes) == {"RUS", "PRK", "DEU", "UKR"}
    assert graph.has_edge("RUS", "PRK") and graph.has_edge("PRK", "RUS") and graph.has_edge("DEU", "UKR")
    assert graph.nodes["RUS"]["facts"] >= 2


def test_claim_level_rows_carry_codes_and_quotes(ledger, tmp_path):
    rows = [json.loads(x) for x in export(ledger, "jsonl", None, level="claims").decode().splitlines()]
    assert len(rows) == 4 and all(r["cameo"] and r["plover"] and r["evidence"] for r in rows)
    pledge = next(r for r in rows if r["kind"] == "pledge")
    assert (pledge["cameo"], pledge["quantity_value"], pledge["quantity_unit"]) == ("0331", 500000000, "EUR")
    export(ledger, "parquet", tmp_path / "claims.parquet", level="claims")
    assert pq.read_table(tmp_path / "claims.parquet").num_rows == 4


def test_bad_requests(ledger):
    with pytest.raises(ExportError, match="unknown format 'xml'"):
        export(ledger, "xml", None)
    with pytest.raises(ExportError, match="give --out FILE"):
        export(ledger, "parquet", None)
    with pytest.raises(ExportError, match="unknown level"):
        export(ledger, "csv", None, level="articles")
