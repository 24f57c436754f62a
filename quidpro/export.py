"""Exports of the ledger: CSV, JSON Lines, Parquet (pyarrow) and GraphML (networkx).

Every fact row and every claim row carries its CAMEO code and PLOVER type (``quidpro/data/codes.toml``) so that it
joins with GDELT / POLECAT data.  A read-only layer over ``quidpro.ledger``.
"""
from __future__ import annotations

import csv
import io
import json
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from quidpro.errors import QuidproError
from quidpro.ledger import Ledger
from quidpro.models import Fact

FORMATS = ("csv", "jsonl", "parquet", "graphml")


class ExportError(QuidproError):
    """An export cannot be written as asked."""


@lru_cache(maxsize=1)
def _codes() -> dict:
    return tomllib.loads(resources.files("quidpro.data").joinpath("codes.toml").read_text("utf-8"))


def event_codes(kind: str, item: str) -> dict[str, str]:
    """CAMEO code and name, PLOVER type and mode for a kind of claim about an item."""
    codes = _codes()
    klass = "economic" if item in codes["economic_items"] else "military"
    table = codes[kind]
    return dict(table.get(klass) or table["military"])


def fact_rows(facts: list[Fact]) -> list[dict[str, Any]]:
    """One flat row per fact: what happened, the codes, and what the reports say."""
    rows = []
    for f in facts:
        quantities = [f"{q.label} ({'; '.join(who)})" for q, who in f.quantities]
        rows.append({
            "fact_id": f.id, "kind": f.kind, "from": f.from_, "to": f.to,
            "parties": ",".join(f.parties) if f.parties else None, "item": f.item,
            **event_codes(f.kind, f.item),
            "when": ",".join(f.when) or None, "certainty": f.certainty, "sources": f.sources,
            "reports": len(f.reports), "languages": ",".join(f.languages),
            "first_reported": f.first_reported, "last_reported": f.last_reported,
            "quantities": " | ".join(quantities) or None,
            "articles": " ".join(sorted({r.claim.article or "" for r in f.reports})),
        })
    return rows


def claim_rows(facts: list[Fact]) -> list[dict[str, Any]]:
    """One row per claim and item, each with the fact it belongs to and its event codes."""
    rows = []
    for f in facts:
        for r in f.reports:
            c = r.claim
            rows.append({
                "claim_id": r.claim_id, "fact_id": f.id, "article_id": r.article_id, "kind": c.kind,
                "from": c.from_, "to": c.to, "parties": ",".join(c.parties) if c.parties else None, "item": f.item,
                **event_codes(c.kind, f.item),
                "quantity_value": c.quantity.value if c.quantity else None,
                "quantity_unit": c.quantity.unit if c.quantity else None,
                "quantity_approx": c.quantity.approx if c.quantity else None,
                "when": c.when, "source": c.source, "certainty": c.certainty, "lang": c.lang,
                "published": r.published, "site": r.site, "article": c.article, "evidence": c.evidence.text,
                "evidence_start": c.evidence.start, "evidence_end": c.evidence.end,
            })
    return sorted(rows, key=lambda row: (row["claim_id"], row["item"]))


LEVELS = ("facts", "claims")


def export(ledger: Ledger, fmt: str, out: Path | None, level: str = "facts") -> bytes | None:
    """Write every fact (or every claim) in ``fmt`` to ``out``; with no ``out``, return the
    bytes (text formats)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    if level not in LEVELS:
        raise ExportError(f"unknown level '{level}' (choose from {', '.join(LEVELS)})")
    if fmt == "graphml" and level == "claims":
        raise ExportError("graphml exports the network of facts: use --level facts")
    facts = ledger.facts()
    rows = fact_rows(facts) if level == "facts" else claim_rows(facts)
    if fmt in ("parquet", "graphml") and out is None:
        raise ExportError(f"{fmt} is a binary or XML file format: give --out FILE")
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else [f"{level[:-1]}_id"])
        writer.writeheader()
        writer.writerows(rows)
        data = buf.getvalue().encode("utf-8")
    elif fmt == "jsonl":
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq
        pq.write_table(pa.Table.from_pylist(rows), out)
        return None
    else:
        _write_graphml(facts, out)
        return None
    if out is None:
        return data
    out.write_bytes(data)
    return None


def _write_graphml(facts: list[Fact], out: Path) -> None:
    """States and groups as nodes (sized by how many facts involve them), facts as directed
    edges; an agreement is an edge each way between its parties."""
    import networkx as nx
    graph = nx.MultiDiGraph()
    for f in facts:
        codes = event_codes(f.kind, f.item)
        attrs = {"fact_id": f.id, "kind": f.kind, "item": f.item, "certainty": f.certainty,
                 "sources": f.sources, "cameo": codes["cameo"], "plover": codes["plover"],
                 "when": ",".join(f.when), "languages": ",".join(f.languages)}
        pairs = ([(a, b) for a in f.parties for b in f.parties if a != b] if f.kind == "agreement"
                 else [(f.from_, f.to)])
        for a, b in pairs:
            graph.add_edge(a, b, **attrs)
    for node in graph.nodes:
        graph.nodes[node]["facts"] = graph.degree(node)
    nx.write_graphml(graph, out)
