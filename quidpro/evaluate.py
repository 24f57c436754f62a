"""Scoring extracted claims against gold claims, as CLAIMS.md section 6 defines it.

Claims are matched as sets per article: (kind, from, to, item) for each item of each claim, and
(agreement, parties, item) for agreements.  Source, certainty, quantity and when are compared on
the matched ones.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from quidpro.errors import QuidproError

Key = tuple


def claim_keys(claim: dict[str, Any]) -> set[Key]:
    if claim["kind"] == "agreement":
        parties = tuple(sorted(claim.get("parties") or ()))
        return {("agreement", parties, item) for item in claim["items"]}
    return {(claim["kind"], claim["from"], claim["to"], item) for item in claim["items"]}


def keyed(claims: Iterable[dict[str, Any]]) -> dict[Key, dict[str, Any]]:
    """Each key with the first claim that carries it."""
    out: dict[Key, dict[str, Any]] = {}
    for c in claims:
        for k in claim_keys(c):
            out.setdefault(k, c)
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    field_agree: dict[str, list[int]] = field(default_factory=lambda: {
        f: [0, 0] for f in ("certainty", "source", "quantity", "when")})

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> tuple[set, set]:
        g, p = keyed(gold), keyed(predicted)
        matched = g.keys() & p.keys()
        self.tp += len(matched)
        self.fp += len(p.keys() - g.keys())
        self.fn += len(g.keys() - p.keys())
        for k in matched:
            for f in self.field_agree:
                self.field_agree[f][1] += 1
                self.field_agree[f][0] += int(_same(f, g[k].get(f), p[k].get(f)))
        return g.keys() - p.keys(), p.keys() - g.keys()


def _same(name: str, gold: Any, pred: Any) -> bool:
    if name == "source":
        if gold is None or pred is None:
            return gold is pred
        g, p = gold.lower(), pred.lower()
        return g in p or p in g
    return gold == pred


# -- evaluating a gold file ------------------------------------------------------------------
@dataclass
class ArticleResult:
    id: str
    lang: str
    missed: list[tuple]
    extra: list[tuple]
    predicted: list[dict[str, Any]]
    error: str | None = None


@dataclass
class Report:
    overall: Score
    by_lang: dict[str, Score]
    by_kind: dict[str, Score]
    articles: list[ArticleResult]

    def to_dict(self) -> dict[str, Any]:
        def score(s: Score) -> dict[str, Any]:
            return {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                    "tp": s.tp, "fp": s.fp, "fn": s.fn,
                    "agreement": {f: (round(a / n, 4) if n else None) for f, (a, n) in s.field_agree.items()}}
        return {"overall": score(self.overall), "by_lang": {k: score(v) for k, v in sorted(self.by_lang.items())},
                "by_kind": {k: score(v) for k, v in sorted(self.by_kind.items())},
                "errors": {a.id: a.error for a in self.articles if a.error}}


def load_gold(path: Path) -> list[dict[str, Any]]:
    """A gold file (CLAIMS.md section 6), one JSON object per line; ``file`` relative to it."""
    gold = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            for key in ("id", "file", "lang", "claims"):
                entry[key]
        except (ValueError, KeyError) as exc:
            raise QuidproError(f"{path}:{n}: not a gold line ({exc})") from exc
        entry["path"] = str(path.parent / entry["file"])
        gold.append(entry)
    return gold


def evaluate(gold: list[dict[str, Any]], progress: Callable[[], None] | None = None) -> Report:
    """Extract every article a gold file names and score the claims against the gold ones."""
    from quidpro.article import build_article
    from quidpro.extract import extract_claims
    from quidpro.sources import read_source

    overall, by_lang, by_kind, articles = Score(), {}, {}, []
    for g in gold:
        try:
            article = build_article(read_source(g["path"]), lang=g["lang"], fallback_published=g.get("published"))
            predicted = [c.to_dict() for c in extract_claims(article).claims]
            error = None
        except QuidproError as exc:
            predicted, error = [], str(exc)
        missed, extra = overall.add(g["claims"], predicted)
        by_lang.setdefault(g["lang"], Score()).add(g["claims"], predicted)
        for kind in {c["kind"] for c in g["claims"]} | {c["kind"] for c in predicted}:
            by_kind.setdefault(kind, Score()).add([c for c in g["claims"] if c["kind"] == kind],
                                                  [c for c in predicted if c["kind"] == kind])
        articles.append(ArticleResult(g["id"], g["lang"], sorted(missed, key=str), sorted(extra, key=str),
                                      predicted, error))
        if progress:
            progress()
    return Report(overall, by_lang, by_kind, articles)


def markdown(reports: dict[str, Report], heading: bool = True) -> str:
    """The figures of one or more gold files as a Markdown page (or, without the heading, as
    sections to append to one)."""
    lines = ["# Extraction quality", "",
             "Generated by `make eval-docs` (`quidpro eval --markdown`); do not edit by hand.",
             "Strict matching on (kind, from, to, item) and (agreement, parties, item), as CLAIMS.md §6",
             "defines it; agreement on source, certainty, quantity and when is over the matched claims.",
             ""] if heading else []
    level = "##" if heading else "###"      # (without the heading, sections under the caller's)
    for name, report in reports.items():
        lines += [f"{level} {name}", "", "| | P | R | F1 | gold | found | source | certainty | quantity | when |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        rows = [("**all**", report.overall)] + sorted(report.by_lang.items()) + \
               [(f"kind: {k}", s) for k, s in sorted(report.by_kind.items())]
        for label, s in rows:
            agree = [f"{a / n:.2f}" if n else "–" for a, n in (s.field_agree[f] for f in
                                                               ("source", "certainty", "quantity", "when"))]
            lines.append(f"| {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp + s.fn} | "
                         f"{s.tp + s.fp} | " + " | ".join(agree) + " |")
        lines.append("")
    return "\n".join(lines)
