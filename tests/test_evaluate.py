"""Scoring as CLAIMS.md section 6 defines it, and `quidpro eval` on a gold file of our own."""
from __future__ import annotations

import json

from quidpro.evaluate import Score, claim_keys

from test_cli import run


def _claim(kind, frm, to, items, **kw):
    return {"kind": kind, "from": frm, "to": to, "items": items, "parties": kw.get("parties"),
            "source": kw.get("source"), "certainty": kw.get("certainty", "asserted"),
            "quantity": kw.get("quantity"), "when": kw.get("when")}


def test_keys_are_per_item_and_agreements_by_parties():
    assert claim_keys(_claim("transfer", "RUS", "PRK", ["air_defense", "missiles"])) == {
        ("transfer", "RUS", "PRK", "air_defense"), ("transfer", "RUS", "PRK", "missiles")}
    assert claim_keys(_claim("agreement", None, None, ["mutual_defense"], parties=["RUS", "PRK"])) == {
        ("agreement", ("PRK", "RUS"), "mutual_defense")}


def test_precision_recall_and_field_agreement():
    gold = [_claim("transfer", "RUS", "PRK", ["air_defense"], source="Shin Won-sik", certainty="reported"),
            _claim("deployment", "PRK", "RUS", ["troops"], quantity={"value": 10000, "unit": "soldiers",
                                                                     "approx": True})]
    pred = [_claim("transfer", "RUS", "PRK", ["air_defense", "missiles"], source="Shin", certainty="reported")]
    score = Score()
    missed, extra = score.add(gold, pred)
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)
    assert missed == {("deployment", "PRK", "RUS", "troops")} and extra == {("transfer", "RUS", "PRK", "missiles")}
    assert score.precision == 0.5 and score.recall == 0.5 and score.f1 == 0.5
    assert score.field_agree["source"] == [1, 1]       # "Shin" is part of "Shin Won-sik"
    assert score.field_agree["certainty"] == [1, 1]


def test_eval_command(tmp_path):
    (tmp_path / "a.txt").write_text("Russia supplied North Korea with anti-aircraft missiles, officials said.\n")
    (tmp_path / "b.txt").write_text("North Korea tested a new missile on Monday, state media said.\n")
    gold = [
        {"id": "a", "file": "a.txt", "lang": "en", "published": "2024-11-20", "negative": False,
         "claims": [_claim("transfer", "RUS", "PRK", ["air_defense"], source="officials", certainty="reported"),
                    _claim("deployment", "PRK", "RUS", ["troops"])]},
        {"id": "b", "file": "b.txt", "lang": "en", "published": "2024-11-20", "negative": True, "claims": []},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold))
    res = run("eval", "--json", str(path))
    assert res.returncode == 0, res.stderr
    overall = json.loads(res.stdout)[str(path)]["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (1, 0, 1)
    assert overall["precision"] == 1.0 and overall["recall"] == 0.5
    shown = run("eval", "--show", str(path))
    assert "missed ('deployment', 'PRK', 'RUS', 'troops')" in shown.stdout
    md = run("eval", "--markdown", str(path)).stdout
    assert md.startswith("# Extraction quality") and "| **all** | 1.000 | 0.500 |" in md
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n')
    res = run("eval", str(bad))
    assert res.returncode == 1 and "bad.jsonl:1: not a gold line" in res.stderr


def test_eval_scores_several_files_apart_or_together_and_by_split(tmp_path):
    (tmp_path / "a.txt").write_text("Germany delivered Leopard tanks to Ukraine in March.\n")
    (tmp_path / "b.txt").write_text("France will send Caesar howitzers to Armenia, the ministry said.\n")
    one = {"id": "a", "file": "a.txt", "lang": "en", "published": "2024-05-01", "negative": False, "split": "tune",
           "claims": [_claim("transfer", "DEU", "UKR", ["armored_vehicles"])]}
    two = {"id": "b", "file": "b.txt", "lang": "en", "published": "2024-05-01", "negative": False, "split": "holdout",
           "claims": [_claim("pledge", "FRA", "ARM", ["artillery"]), _claim("pledge", "FRA", "GEO", ["artillery"])]}
    paths = []
    for name, line in (("g1.jsonl", one), ("g2.jsonl", two)):
        paths.append(tmp_path / name)
        paths[-1].write_text(json.dumps(line) + "\n")
    apart = json.loads(run("eval", "--json", *map(str, paths)).stdout)
    assert len(apart) == 2
    together = json.loads(run("eval", "--json", "--together", *map(str, paths)).stdout)
    (name, report), = together.items()
    assert name == f"{paths[0]} + {paths[1]}"
    assert (report["overall"]["tp"], report["overall"]["fn"]) == (2, 1)
    held = json.loads(run("eval", "--json", "--together", "--split", "holdout", *map(str, paths)).stdout)
    (report,) = held.values()
    assert (report["overall"]["tp"], report["overall"]["fn"]) == (1, 1)
