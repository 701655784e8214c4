"""The collaboration network as it was computed before links were kept: from every relation, mention and text.

A reference for tests/analysis/test_network.py: the kept links must give the same answer. The graph
is built here as it was, from every relation and every sentence; what is said of a graph (centralities,
communities, the answer's shape) and the definitions (weights, options, sentences) are the network's own.

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
from innoatlas.analysis.network import (
    CO_MENTION_WEIGHT,
    EVIDENCE_PER_EDGE,
    QUOTE_CHARS,
    RELATION_WEIGHTS,
    NetworkOptions,
    describe_network,
)
from innoatlas.store.links import sentences_with_entities
from innoatlas.store.read.documents import original_norms
from innoatlas.store.read.entities import all_entities, mention_starts
from innoatlas.store.read.relations import relation_edges

__all__ = ["NetworkOptions"]

MAX_NODES = 500


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
        for start, end, ids in sentences_with_entities(doc.norm, by_document[doc.id]):
            sentence = doc.norm[start:end].strip()
            for a, b in combinations(sorted(ids), 2):
                edge = edges[(a, b)]
                edge.weight += CO_MENTION_WEIGHT
                edge.co_mentions += 1
                if len(edge.evidence) < EVIDENCE_PER_EDGE:
                    edge.evidence.append(
                        {"kind": "co_mention", "quote": sentence[:QUOTE_CHARS], "document": document_ref(doc)}
                    )


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
    return describe_network(graph, options, len(whole), whole.number_of_edges())


def best_linked(graph: nx.Graph, count: int) -> nx.Graph:
    """The subgraph of the `count` nodes of highest weighted degree (then name, id); `graph` if no more."""
    if len(graph) <= count:
        return graph
    weight = dict(graph.degree(weight="weight"))
    ranked = sorted(graph.nodes, key=lambda n: (-weight[n], graph.nodes[n]["name"], n))
    return graph.subgraph(ranked[:count]).copy()
