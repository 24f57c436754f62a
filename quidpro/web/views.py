"""What the pages show, computed from the ledger: the network's layout, the timeline, the
article text cut into plain and highlighted segments.  Plain data for the templates."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx

from quidpro.models import Claim, Fact

KIND_COLOURS = {"transfer": "#c0392b", "deployment": "#8e44ad", "pledge": "#d68910", "agreement": "#2471a3"}


@dataclass(frozen=True)
class Node:
    code: str
    x: float
    y: float
    r: float
    facts: int


@dataclass(frozen=True)
class Edge:
    fact_id: int
    source: str
    target: str
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str
    item: str
    colour: str
    label: str


def network(facts: list[Fact], width: int = 860, height: int = 520) -> tuple[list[Node], list[Edge]]:
    """States as nodes sized by how many facts involve them; facts as directed edges."""
    pairs = []
    for f in facts:
        if f.kind == "agreement":
            parties = list(f.parties or ())
            pairs += [(f, a, b) for i, a in enumerate(parties) for b in parties[i + 1:]]
        elif f.from_ and f.to:
            pairs.append((f, f.from_, f.to))
    activity = Counter(code for _, a, b in pairs for code in (a, b))
    if not activity:
        return [], []
    graph = nx.Graph()
    graph.add_nodes_from(sorted(activity))
    graph.add_edges_from((a, b) for _, a, b in pairs)
    layout = nx.spring_layout(graph, seed=7, k=1.6 / math.sqrt(max(1, len(activity))))
    xs = [p[0] for p in layout.values()]
    ys = [p[1] for p in layout.values()]
    pad = 60

    def scale(v, lo, hi, size):
        return pad + (v - lo) / ((hi - lo) or 1) * (size - 2 * pad)

    pos = {c: (scale(p[0], min(xs), max(xs), width), scale(p[1], min(ys), max(ys), height))
           for c, p in layout.items()}
    nodes = [Node(c, *pos[c], r=8 + 4 * math.sqrt(n), facts=n) for c, n in sorted(activity.items())]
    radius = {n.code: n.r for n in nodes}
    edges = []
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for f, a, b in pairs:
        (x1, y1), (x2, y2) = pos[a], pos[b]
        # stop the line at the target's rim so that the arrow head shows; offset parallels
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1
        shift = 5 * seen[(a, b)]
        seen[(a, b)] += 1
        ox, oy = -dy / dist * shift, dx / dist * shift
        edges.append(Edge(f.id, a, b, x1 + ox, y1 + oy, x2 - dx / dist * (radius[b] + 4) + ox,
                          y2 - dy / dist * (radius[b] + 4) + oy, f.kind, f.item,
                          KIND_COLOURS.get(f.kind, "#555"), f"{f.kind}: {a} → {b}, {f.item}"))
    return nodes, edges


def timeline(facts: list[Fact]) -> list[tuple[str, list[Fact]]]:
    """Facts grouped by the month they were first reported, newest first."""
    months: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        months[(f.first_reported or "undated")[:7]].append(f)
    return sorted(months.items(), reverse=True)


@dataclass(frozen=True)
class Segment:
    text: str
    claims: tuple[int, ...]      # indices of the claims whose evidence covers this text


def highlight(text: str, claims: list[Claim]) -> list[list[Segment]]:
    """The article as paragraphs of segments; a segment inside a claim's evidence names it."""
    cuts = {0, len(text)}
    for c in claims:
        cuts.update((c.evidence.start, c.evidence.end))
    for i, ch in enumerate(text):
        if ch == "\n":
            cuts.update((i, i + 1))
    bounds = sorted(b for b in cuts if 0 <= b <= len(text))
    paragraphs: list[list[Segment]] = [[]]
    for start, end in zip(bounds, bounds[1:]):
        piece = text[start:end]
        if piece == "\n":
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        covering = tuple(i for i, c in enumerate(claims) if c.evidence.start <= start and end <= c.evidence.end)
        paragraphs[-1].append(Segment(piece, covering))
    return [p for p in paragraphs if p]


def paragraph_of(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The paragraph around a span, cut into before / the span / after."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end
    return text[para_start:start], text[start:end], text[end:para_end]
