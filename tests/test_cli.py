"""The command line, run as a user runs it: a real process, real files."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA

FIELDS = {"kind", "from", "to", "parties", "items", "quantity", "when", "source", "certainty",
          "evidence", "exchange_for", "lang", "article", "file"}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quidpro.cli", *args], capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def good() -> Path:
    return DATA / "articles" / "en_seed_events_rus_prk.html"


def test_json_lines_have_exactly_the_design_fields(good):
    res = run("extract", "--json", str(good))
    assert res.returncode == 0, res.stderr
    lines = [json.loads(ln) for ln in res.stdout.splitlines()]
    assert lines
    for rec in lines:
        assert set(rec) == FIELDS
        assert rec["file"] == str(good)


def test_table_by_default(good):
    res = run("extract", str(good))
    assert res.returncode == 0, res.stderr
    assert "RUS → PRK" in res.stdout and "air_defense" in res.stdout


def test_bad_inputs_get_one_line_each_and_the_run_goes_on(tmp_path, good):
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Les chars livrés à l'Ukraine étaient allemands.".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    dutch = tmp_path / "nl.txt"     # a language with no lexicon yet
    dutch.write_text("Nederland heeft Oekraïne nieuwe luchtverdedigingssystemen geleverd, meldde het "
                     "ministerie van Defensie dinsdag in Den Haag. De systemen moeten de steden in het "
                     "oosten van het land beschermen tegen Russische aanvallen.")
    res = run("extract", "--json", str(tmp_path / "missing.html"), str(tmp_path), str(binary), str(latin),
              str(empty), str(dutch), str(good))
    assert res.returncode == 0
    err = res.stderr.splitlines()
    for name, why in [("missing.html", "no such file"), (str(tmp_path), "is a directory"),
                      ("image.html", "binary data"), ("latin1.txt", "not valid UTF-8"),
                      ("empty.txt", "empty input"), ("nl.txt", "not supported")]:
        assert any(name in ln and why in ln for ln in err), (name, res.stderr)
    assert all(json.loads(ln)["file"] == str(good) for ln in res.stdout.splitlines())
    assert res.stdout.strip()


def test_exit_status_non_zero_only_when_nothing_could_be_read(tmp_path):
    res = run("extract", str(tmp_path / "a.html"), str(tmp_path / "b.txt"))
    assert res.returncode == 1
    assert len(res.stderr.strip().splitlines()) == 2


def test_bad_option_values_are_explained(good):
    res = run("extract", "--published", "23/11/2024", str(good))
    assert res.returncode == 2 and "YYYY-MM-DD" in res.stderr
    res = run("extract", "--lang", "xx", str(good))
    assert res.returncode == 2 and "supported" in res.stderr


def test_help_teaches():
    res = run("extract", "--help")
    assert res.returncode == 0 and "--published" in res.stdout and "Examples" in res.stdout
