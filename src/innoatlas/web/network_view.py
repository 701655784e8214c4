"""The collaboration network as the page draws it: the heaviest links, placed, coloured by community.

The analysis (analysis/network.py) finds the communities (Louvain); this
module only prepares the drawing. Positions are computed here, once and
with a fixed seed (networkx's spring layout), and the chart draws them
as given: ECharts then fits the whole drawing into its box at any width
(a phone's 390 px too), where its own force layout let nodes drift out
of view. The legend is a list beside the plot on the page, never drawn
over it: one colour per community, the largest first.
"""

from __future__ import annotations

import networkx as nx

# The graph drawn on the page: the heaviest links, one quote each (the JSON twin has them all).
PAGE_GRAPH_EDGES = 300
# Colours of the largest communities (ECharts' default palette, told apart on white);
# the smaller ones share OTHER_COLOUR.
COMMUNITY_COLOURS = (
    "#5470c6",
    "#91cc75",
    "#fac858",
    "#ee6666",
    "#73c0de",
    "#3ba272",
    "#fc8452",
    "#9a60b4",
    "#ea7ccc",
    "#8d6e63",
)
OTHER_COLOUR = "#b0b7c0"
LEGEND_NAMES = 3  # members named beside a community's colour
LAYOUT_SEED = 7
HUB_PULL = 0.2  # the hidden hub's pull, against the lightest drawn link


def drawn_network(data: dict) -> dict:
    """{nodes (with x, y, colour), edges, legend} of the page's drawing of an analysed network."""
    edges = [{**e, "evidence": e["evidence"][:1]} for e in data["edges"][:PAGE_GRAPH_EDGES]]
    drawn = {n for e in edges for n in (e["source"], e["target"])}
    nodes = [n for n in data["nodes"] if n["id"] in drawn]
    positions = place(nodes, edges)
    placed = [
        {**n, "x": positions[n["id"]][0], "y": positions[n["id"]][1], "colour": colour_of(n["community"])}
        for n in nodes
    ]
    return {"nodes": placed, "edges": edges, "legend": legend(data["communities"], drawn, data["nodes"])}


def colour_of(community: int | None) -> str:
    if community is None or community >= len(COMMUNITY_COLOURS):
        return OTHER_COLOUR
    return COMMUNITY_COLOURS[community]


def place(nodes: list[dict], edges: list[dict]) -> dict[int, tuple[float, float]]:
    """Positions in a 1000 x 1000 box: heavier links pull closer, the same every time.

    A hidden hub tied weakly to every node holds the separate groups together:
    a spring layout otherwise pushes a small group far out, and the fitted
    drawing shrinks the rest to a dot.
    """
    graph = nx.Graph()
    graph.add_nodes_from(n["id"] for n in nodes)
    graph.add_weighted_edges_from((e["source"], e["target"], e["weight"]) for e in edges)
    if not len(graph):
        return {}
    hub = object()
    lightest = min((e["weight"] for e in edges), default=1.0)
    graph.add_weighted_edges_from((hub, n, lightest * HUB_PULL) for n in list(graph))
    found = nx.spring_layout(graph, weight="weight", seed=LAYOUT_SEED, scale=500, center=(500, 500))
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in found.items() if n is not hub}


def legend(communities: list[dict], drawn: set[int], nodes: list[dict]) -> list[dict]:
    """One entry per community with a drawn member: its colour, size and first (best-linked) members."""
    drawn_names: dict[int, list[str]] = {}
    for n in nodes:  # best linked first, as the analysis sorts them
        if n["id"] in drawn and n["community"] is not None:
            drawn_names.setdefault(n["community"], []).append(n["name"])
    entries = [
        {
            "community": c["id"],
            "colour": colour_of(c["id"]),
            "size": c["size"],
            "names": drawn_names[c["id"]][:LEGEND_NAMES],
        }
        for c in communities
        if c["id"] in drawn_names and c["id"] < len(COMMUNITY_COLOURS)
    ]
    rest = sum(1 for c in communities if c["id"] in drawn_names and c["id"] >= len(COMMUNITY_COLOURS))
    if rest:
        entries.append({"community": None, "colour": OTHER_COLOUR, "size": rest, "names": []})
    return entries
