"""The collaboration network as it was computed before links were kept: from every relation, mention and text.

A reference for tests/analysis/test_network.py: the kept links must give the same answer.

The collaboration network: entities linked by relations and by co-mention in a sentence.

Edge weights: a stated relation weighs RELATION_WEIGHTS[predicate] (an
agreement or an investment says more about collaboration than a shared
location), each sentence that names both ends adds CO_MENTION_WEIGHT.
Centralities are networkx's (degree; betweenness on distance 1/weight),
communities Louvain's with a fixed seed, so a result can be reproduced.
Cross-region links join entities whose province-level regions differ
(from their names or the places containing them).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
from sqlalchemy.orm import Session

from innoatlas.analysis.common import (
    AnalysisError,
    document_ref,
    entities_within,
    find_entities,
    provinces_of,
)
from innoatlas.store.read.documents import original_norms
from innoatlas.store.read.entities import all_entities, mention_starts
from innoatlas.store.read.relations import relation_edges

RELATION_WEIGHTS = {
    "cooperates_with": 3.0,
    "invests_in": 3.0,
    "supplies": 3.0,
    "member_of": 2.0,
    "chain_leader_of": 1.0,
    "focuses_on": 1.0,
    "part_of": 1.0,
    "located_in": 1.0,
}
CO_MENTION_WEIGHT = 1.0
EVIDENCE_PER_EDGE = 3
QUOTE_CHARS = 160  # evidence is cut for display (a co-mention's is its whole sentence)
SENTENCE_END = re.compile(r"[。！？!?；;\n]+")
# Places and fields are what actors share, not actors: left out unless asked for.
DEFAULT_EXCLUDED_TYPES = ("industry",)
LOUVAIN_SEED = 0
# Nodes analysed: the best linked by weighted degree. Betweenness costs
# nodes × edges: the 57,000 linked entities of 100,000 documents would take
# hours, their best 1,000 30 s, their best 500 4 s; the page draws the 300
# heaviest links and tables of at most 200.
MAX_NODES = 500


@dataclass
class NetworkOptions:
    region: str | None = None  # keep edges with an end inside this region or zone
    entity: str | None = None  # keep this entity's neighbourhood only
    exclude_types: tuple[str, ...] = DEFAULT_EXCLUDED_TYPES
    co_mentions: bool = True
    min_weight: float = 0.0
    top: int = 20  # rows of the centrality tables


@dataclass
class EdgeData:
    weight: float = 0.0
    predicates: dict[str, int] = field(default_factory=dict)
    co_mentions: int = 0
    evidence: list[dict] = field(default_factory=list)


def build_graph(session: Session, options: NetworkOptions | None = None) -> nx.Graph:
    """The weighted collaboration graph; node attributes name, type, province."""
    options = options or NetworkOptions()
    entities = {e.id: e for e in all_entities(session) if e.type not in options.exclude_types}
    edges: dict[tuple[int, int], EdgeData] = defaultdict(EdgeData)
    add_relation_edges(session, entities, edges)
    if options.co_mentions:
        add_co_mention_edges(session, entities, edges)
    graph = nx.Graph()
    provinces = provinces_of(session)
    for (a, b), data in edges.items():
        if data.weight < options.min_weight:
            continue
        for node in (a, b):
            e = entities[node]
            graph.add_node(node, name=e.name, type=e.type, province=provinces.get(node, ""))
        graph.add_edge(
            a,
            b,
            weight=data.weight,
            predicates=dict(data.predicates),
            co_mentions=data.co_mentions,
            evidence=data.evidence,
        )
    return restrict_graph(session, graph, options)


def add_relation_edges(session: Session, entities: dict, edges: dict) -> None:
    for rel in relation_edges(session):
        if rel.subject_id not in entities or rel.object_id not in entities or rel.subject_id == rel.object_id:
            continue
        edge = edges[tuple(sorted((rel.subject_id, rel.object_id)))]
        edge.weight += RELATION_WEIGHTS.get(rel.predicate, 1.0)
        edge.predicates[rel.predicate] = edge.predicates.get(rel.predicate, 0) + 1
        if rel.quote and len(edge.evidence) < EVIDENCE_PER_EDGE:
            edge.evidence.append(
                {
                    "kind": rel.predicate,
                    "quote": rel.quote[:QUOTE_CHARS],
                    "document": document_ref(rel.document),
                }
            )


def add_co_mention_edges(session: Session, entities: dict, edges: dict) -> None:
    """One unit of weight for each sentence naming both ends (offsets are into Document.norm)."""
    by_document: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for document_id, entity_id, start in mention_starts(session):
        if entity_id in entities:
            by_document[document_id].append((start, entity_id))
    for doc in original_norms(session, list(by_document)):
        for sentence, ids in sentences_with_entities(doc.norm, by_document[doc.id]):
            for a, b in combinations(sorted(ids), 2):
                edge = edges[(a, b)]
                edge.weight += CO_MENTION_WEIGHT
                edge.co_mentions += 1
                if len(edge.evidence) < EVIDENCE_PER_EDGE:
                    edge.evidence.append(
                        {"kind": "co_mention", "quote": sentence[:QUOTE_CHARS], "document": document_ref(doc)}
                    )


def sentences_with_entities(text: str, mentions: list[tuple[int, int]]):
    """(sentence, entity ids in it) for each sentence naming two or more entities."""
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    index = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        ids = set()
        while index < len(mentions) and mentions[index][0] < end:
            if mentions[index][0] >= start:
                ids.add(mentions[index][1])
            index += 1
        if len(ids) >= 2:
            yield text[start:end].strip(), ids


def restrict_graph(session: Session, graph: nx.Graph, options: NetworkOptions) -> nx.Graph:
    if options.entity:
        centre = [e.id for e in find_entities(session, options.entity) if e.id in graph]
        if not centre:
            raise AnalysisError(f"{options.entity!r} has no link in the network")
        keep = set(centre) | {n for c in centre for n in graph.neighbors(c)}
        graph = graph.subgraph(keep).copy()
    if options.region:
        inside = entities_within(session, find_entities(session, options.region, ("region", "zone")))
        keep_edges = [(a, b) for a, b in graph.edges if a in inside or b in inside]
        graph = graph.edge_subgraph(keep_edges).copy()
    return graph


def analyse_network(session: Session, options: NetworkOptions | None = None) -> dict:
    """Nodes with centralities and communities, edges with evidence, cross-region links."""
    options = options or NetworkOptions()
    whole = build_graph(session, options)
    graph = best_linked(whole, MAX_NODES)
    degree = nx.degree_centrality(graph) if len(graph) > 1 else {n: 0.0 for n in graph}
    for _a, _b, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    betweenness = (
        nx.betweenness_centrality(graph, weight="distance") if len(graph) > 2 else {n: 0.0 for n in graph}
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
    edges = [edge_item(graph, a, b) for a, b in graph.edges]
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
        "truncated": len(graph) < len(whole),
        "total_nodes": len(whole),
        "total_edges": whole.number_of_edges(),
        "method": {
            "weights": {**RELATION_WEIGHTS, "co_mention (per sentence)": CO_MENTION_WEIGHT},
            "centrality": "degree centrality; betweenness on distance 1/weight (networkx)",
            "communities": f"Louvain on weight, seed {LOUVAIN_SEED}",
            "cross_region": "ends in different province-level regions (own name, else nearest container)",
            "excluded_types": list(options.exclude_types),
            "nodes": f"the {MAX_NODES} best linked (weighted degree) when there are more",
        },
    }


def best_linked(graph: nx.Graph, count: int) -> nx.Graph:
    """The subgraph of the `count` nodes of highest weighted degree (then name, id); `graph` if no more."""
    if len(graph) <= count:
        return graph
    weight = dict(graph.degree(weight="weight"))
    ranked = sorted(graph.nodes, key=lambda n: (-weight[n], graph.nodes[n]["name"], n))
    return graph.subgraph(ranked[:count]).copy()


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
