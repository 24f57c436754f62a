"""Scoring extracted claims against gold claims, as CLAIMS.md section 6 defines it.

Claims are matched as sets per article: (kind, from, to, item) for each item of each claim, and
(agreement, parties, item) for agreements.  Source, certainty, quantity and when are compared on
the matched ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

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
