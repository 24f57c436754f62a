"""The ledger commands, run as a user runs them: ingest twice, list and show facts."""
from __future__ import annotations

import json
import shutil

from conftest import DATA
from test_cli import run


def test_ingest_twice_then_query(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("en_seed_events_rus_prk.html", "fr_coree_nord_obus_russie.txt", "fr_iris_t_ukraine.html",
                 "en_victory_day_parade_moscow.html"):
        shutil.copy(DATA / "articles" / name, corpus / name)
    (corpus / "broken.html").write_bytes(b"\x00\x01binary")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"

    first = run("ingest", "--db", db, "--published", "2023-11-02", str(corpus))
    assert first.returncode == 0, first.stderr
    assert "broken.html: binary data" in first.stderr
    assert "4 articles" in first.stdout
    second = run("ingest", "--db", db, str(corpus))
    assert second.returncode == 0
    assert "skipped as duplicate" in second.stdout
    facts_1 = run("facts", "--db", db, "--json")
    lines = [json.loads(x) for x in facts_1.stdout.splitlines()]
    assert lines and all(set(x) >= {"id", "kind", "from", "to", "item", "sources", "languages", "quantities"}
                         for x in lines)
    # The ledger did not grow on the second run.
    assert "4 articles" in second.stdout
    rus_prk = run("facts", "--db", db, "--from", "RUS", "--to", "PRK", "--item", "air_defense", "--json")
    (air,) = [json.loads(x) for x in rus_prk.stdout.splitlines()]
    assert air["kind"] == "transfer" and air["certainty"] == "reported"
    shown = run("fact", str(air["id"]), "--db", db)
    assert shown.returncode == 0 and "anti-aircraft missiles" in shown.stdout
    assert run("fact", "9999", "--db", db).stderr.startswith("error: no fact with id 9999")


def test_published_fallback_does_not_override_the_page(tmp_path):
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    page = DATA / "articles" / "fr_iris_t_ukraine.html"
    run("ingest", "--db", db, "--published", "1999-01-01", str(page))
    found = [json.loads(x) for x in run("facts", "--db", db, "--json").stdout.splitlines()]
    assert found and {f["first_reported"] for f in found} == {"2022-10-12"}


def test_bad_database_url_is_one_line(tmp_path):
    res = run("facts", "--db", "nosuchdialect://x")
    assert res.returncode == 1 and res.stderr.startswith("error: cannot open ledger 'nosuchdialect://x'")
