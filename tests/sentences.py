"""Helpers shared by the per-language sentence tests (tests/test_lang_*.py)."""
from __future__ import annotations


def keys(claims) -> set[tuple]:
    """(kind, (from, to) or parties, item) for each item of each claim, as CLAIMS.md §6 scores."""
    out = set()
    for c in claims:
        for item in c.items:
            out.add((c.kind, c.parties if c.kind == "agreement" else (c.from_, c.to), item))
    return out


def only(claims):
    """The one claim of a sentence; a failure lists what was found instead."""
    assert len(claims) == 1, [(c.kind, c.from_, c.to, c.items) for c in claims]
    return claims[0]
