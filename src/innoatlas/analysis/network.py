"""The collaboration network: entities linked by relations and by co-mention in a sentence.

Edge weights: a stated relation weighs RELATION_WEIGHTS[predicate] (an
agreement or an investment says more about collaboration than a shared
location), each sentence that names both ends adds CO_MENTION_WEIGHT.
Centralities are networkx's (degree; betweenness on distance 1/weight),
communities Louvain's with a fixed seed, so a result can be reproduced.
Cross-region links join entities whose province-level regions differ
(from their names or the places containing them).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from sqlalchemy.orm import Session

from innoatlas.analysis.common import (
    AnalysisError,
    document_ref,
    entities_within,
    find_entities,
    provinces_of,
)
from innoatlas.store.links import CO_MENTION_WEIGHT, RELATION_WEIGHTS
from innoatlas.store.read import links
from innoatlas.store.read.entities import entities_by_id

__all__ = ["CO_MENTION_WEIGHT", "RELATION_WEIGHTS"]  # the weights are the store's, which sums them

EVIDENCE_PER_EDGE = 3
QUOTE_CHARS = 160  # evidence is cut for display (a co-mention's is its whole sentence)
# Places and fields are what actors share, not actors: left out unless asked for.
DEFAULT_EXCLUDED_TYPES = ("industry",)
LOUVAIN_SEED = 0
# Nodes analysed: the best linked by weighted degree. Betweenness costs
# nodes × edges: the 57,000 linked entities of 100,000 documents would take
# hours, their best 1,000 30 s, their best 500 4-5 s, their best 300 1-2 s;
# the page draws the 300 heaviest links and tables of at most 200.
MAX_NODES = 300
BETWEENNESS_PIVOTS = 100


@dataclass
class NetworkOptions:
    region: str | None = None  # keep edges with an end inside this region or zone
    entity: str | None = None  # keep this entity's neighbourhood only
    exclude_types: tuple[str, ...] = DEFAULT_EXCLUDED_TYPES
    co_mentions: bool = True
    min_weight: float = 0.0
    top: int = 20  # rows of the centrality tables


def edge_filter(session: Session, options: NetworkOptions) -> links.PairFilter:
    """The pairs the options keep: types, weight, an entity's neighbourhood, a region's links."""
    kept = links.PairFilter(options.exclude_types, options.co_mentions, options.min_weight)
    if options.entity:
        centre = {e.id for e in find_entities(session, options.entity)}
        kept.among = links.neighbours(session, kept, centre)
        if not centre & kept.among:
            raise AnalysisError(f"{options.entity!r} has no link in the network")
    if options.region:
        kept.touching = entities_within(session, find_entities(session, options.region, ("region", "zone")))
    return kept


def build_graph(
    session: Session, options: NetworkOptions | None = None, nodes: set[int] | None = None
) -> nx.Graph:
    """The weighted collaboration graph (of `nodes` only, when given); node attributes name, type, province."""
    options = options or NetworkOptions()
    kept = edge_filter(session, options)
    if nodes is not None:
        kept.among = nodes if kept.among is None else kept.among & nodes
    pairs = {(a, b): float(w) for a, b, w in session.execute(links.edges(session, kept))}
    details = links.edge_details(session, list(pairs), options.co_mentions)
    evidence = links.edge_evidence(session, list(pairs), options.co_mentions, EVIDENCE_PER_EDGE)
    entities = entities_by_id(session, {i for p in pairs for i in p} | (nodes or set()))
    provinces = provinces_of(session, entities)
    graph = nx.Graph()
    ordered = links.in_link_order(session, list(pairs), options.co_mentions)
    for node in node_order(ordered, nodes):
        e = entities[node]
        graph.add_node(node, name=e.name, type=e.type, province=provinces.get(node, ""))
    for a, b in ordered:
        weight = pairs[(a, b)]
        graph.add_edge(
            a,
            b,
            weight=weight,
            predicates=details[(a, b)]["predicates"],
            co_mentions=details[(a, b)]["co_mentions"],
            evidence=[
                {"kind": ev.kind, "quote": ev.quote[:QUOTE_CHARS], "document": document_ref(ev.document)}
                for ev in evidence.get((a, b), [])
            ],
        )
    return graph


def node_order(ordered: list[tuple[int, int]], best: set[int] | None) -> list[int]:
    """Nodes in the order their links come (as the whole network meets them); a best linked node
    with no link to the other best comes last, alone (its links are to the rest)."""
    shown = list(dict.fromkeys(n for pair in ordered for n in pair))
    return shown + sorted((best or set()) - set(shown))


def analyse_network(session: Session, options: NetworkOptions | None = None) -> dict:
    """Nodes with centralities and communities, edges with evidence, cross-region links."""
    options = options or NetworkOptions()
    weights, total_edges = links.node_weights(session, edge_filter(session, options))
    best = best_linked(session, weights, MAX_NODES)
    graph = build_graph(session, options, best if len(best) < len(weights) else None)
    return describe_network(graph, options, len(weights), total_edges)


def describe_network(graph: nx.Graph, options: NetworkOptions, total_nodes: int, total_edges: int) -> dict:
    """The answer for `graph` (the best linked of `total_nodes`): centralities, communities, edges."""
    degree = nx.degree_centrality(graph) if len(graph) > 1 else {n: 0.0 for n in graph}
    for _a, _b, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    truncated = len(graph) < total_nodes
    # The best linked few of a large network are dense (300 nodes, 4,000 links on 100,000
    # documents: 2.5 s exact); there, paths from a fixed sample of them estimate it (Brandes-Pich).
    pivots = (
        {"k": BETWEENNESS_PIVOTS, "seed": LOUVAIN_SEED}
        if truncated and len(graph) > BETWEENNESS_PIVOTS
        else {}
    )
    betweenness = (
        nx.betweenness_centrality(graph, weight="distance", **pivots)
        if len(graph) > 2
        else {n: 0.0 for n in graph}
    )
    communities = (
        nx.community.louvain_communities(graph, weight="weight", seed=LOUVAIN_SEED) if len(graph) else []
    )
    community_of = {
        n: i for i, members in enumerate(sorted(communities, key=len, reverse=True)) for n in members
    }
    nodes = [
        {
            "id": n,
            "name": d["name"],
            "type": d["type"],
            "province": d["province"] or None,
            "degree": graph.degree(n),
            "weighted_degree": graph.degree(n, weight="weight"),
            "degree_centrality": round(degree[n], 4),
            "betweenness": round(betweenness[n], 4),
            "community": community_of.get(n),
        }
        for n, d in graph.nodes(data=True)
    ]
    nodes.sort(key=lambda n: (-n["weighted_degree"], n["name"]))
    # one orientation for a link whatever order the graph met its ends in (the best linked few
    # and the whole network list the same link alike): the lower node id is the source
    edges = [edge_item(graph, *sorted((a, b))) for a, b in graph.edges]
    edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
    cross = [
        e
        for e in edges
        if e["source_province"] and e["target_province"] and e["source_province"] != e["target_province"]
    ]
    return {
        "nodes": nodes,
        "edges": edges,
        "top_degree": nodes[: options.top],
        "top_betweenness": sorted(nodes, key=lambda n: (-n["betweenness"], n["name"]))[: options.top],
        "communities": [
            {"id": i, "size": len(m), "members": sorted(graph.nodes[n]["name"] for n in m)}
            for i, m in enumerate(sorted(communities, key=len, reverse=True))
        ],
        "cross_region": cross,
        "truncated": truncated,
        "total_nodes": total_nodes,
        "total_edges": total_edges,
        "method": {
            "weights": {**RELATION_WEIGHTS, "co_mention (per sentence)": CO_MENTION_WEIGHT},
            "centrality": "degree centrality; betweenness on distance 1/weight (networkx)"
            + (
                f", estimated from the paths out of {BETWEENNESS_PIVOTS} nodes (seed {LOUVAIN_SEED})"
                if pivots
                else ""
            ),
            "communities": f"Louvain on weight, seed {LOUVAIN_SEED}",
            "cross_region": "ends in different province-level regions (own name, else nearest container)",
            "excluded_types": list(options.exclude_types),
            "nodes": f"the {MAX_NODES} best linked (weighted degree) when there are more",
        },
    }


def best_linked(session: Session, weights: dict[int, float], count: int) -> set[int]:
    """The `count` nodes of highest weighted degree (then name, id): names are read for the last place's ties only."""
    if len(weights) <= count:
        return set(weights)
    cut = sorted(weights.values(), reverse=True)[count - 1]
    sure = {n for n, w in weights.items() if w > cut}
    tied = [n for n, w in weights.items() if w == cut]
    names = {i: e.name for i, e in entities_by_id(session, tied).items()}
    return sure | set(sorted(tied, key=lambda n: (names[n], n))[: count - len(sure)])


def edge_item(graph: nx.Graph, a: int, b: int) -> dict:
    data = graph.edges[a, b]
    return {
        "source": a,
        "target": b,
        "source_name": graph.nodes[a]["name"],
        "target_name": graph.nodes[b]["name"],
        "source_province": graph.nodes[a]["province"] or None,
        "target_province": graph.nodes[b]["province"] or None,
        "weight": data["weight"],
        "predicates": data["predicates"],
        "co_mentions": data["co_mentions"],
        "evidence": data["evidence"],
    }
