"""The collaboration network: weights, centrality, communities, cross-region links."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from innoatlas.analysis.network import NetworkOptions, analyse_network, build_graph
from innoatlas.store.links import refresh_links
from innoatlas.store.window import set_window
from tests.analysis import network_before


def test_cross_region_links_between_chongqing_and_sichuan_carry_evidence(corpus):
    network = analyse_network(corpus)
    pairs = {frozenset((e["source_name"], e["target_name"])): e for e in network["cross_region"]}
    link = pairs[frozenset(("两江新区", "天府新区"))]
    assert {link["source_province"], link["target_province"]} == {"重庆市", "四川省"}
    # the story states it twice: the two new areas 携手 in its lead, and 两江新区、天府新区 加大协同创新 later
    assert link["predicates"] == {"cooperates_with": 2}
    assert any("天府新区" in ev["quote"] for ev in link["evidence"])
    for e in network["cross_region"]:
        assert e["source_province"] != e["target_province"]


def test_the_new_area_is_the_most_central_node_and_results_repeat(corpus):
    first = analyse_network(corpus)
    assert first["top_degree"][0]["name"] == "两江新区"
    assert "两江新区" in [n["name"] for n in first["top_betweenness"][:3]]
    again = analyse_network(corpus)
    assert first["communities"] == again["communities"]


def test_weights_add_relations_and_sentence_co_mentions(make_store):
    kb = make_store
    for name, kind in (("甲大学", "university"), ("乙汽车", "enterprise"), ("丙研究院", "institute")):
        kb.entity(name, kind)
    text = "甲大学与乙汽车签署合作协议。丙研究院也参加了。甲大学、乙汽车共建实验室。"
    doc_id = kb.document("co.txt", text, "示例报", date(2024, 3, 1))
    kb.relation("甲大学", "cooperates_with", "乙汽车", "co.txt", "甲大学与乙汽车签署合作协议")
    from innoatlas.store.schema import Mention

    with kb.store.transaction() as s:
        for name in ("甲大学", "乙汽车", "丙研究院"):
            start = 0
            while (start := text.find(name, start)) >= 0:
                s.add(
                    Mention(
                        document_id=doc_id,
                        entity_id=kb.entities[name],
                        text=name,
                        start=start,
                        end=start + len(name),
                        extractor="test",
                    )
                )
                start += len(name)
        s.flush()
        refresh_links(s, [doc_id])  # as the store's writers do
    with kb.store.session() as session:
        graph = build_graph(session)
        relations_only = build_graph(session, NetworkOptions(co_mentions=False))
    a, b = kb.entities["甲大学"], kb.entities["乙汽车"]
    assert graph.edges[a, b]["weight"] == 3.0 + 2 * 1.0  # one agreement, two sentences
    assert graph.edges[a, b]["co_mentions"] == 2
    assert kb.entities["丙研究院"] not in graph  # alone in its sentence
    assert relations_only.edges[a, b]["weight"] == 3.0
    assert nx.number_connected_components(graph) == 1


@pytest.mark.parametrize(
    "options",
    [NetworkOptions(), NetworkOptions(co_mentions=False), NetworkOptions(exclude_types=())],
    ids=["default", "relations", "every-type"],
)
def test_the_kept_links_give_the_answer_computed_from_every_fact(corpus, options, monkeypatch):
    from innoatlas.analysis import network

    monkeypatch.setattr(network_before, "MAX_NODES", network.MAX_NODES)
    kept = analyse_network(corpus, options)
    assert kept == network_before.analyse_network(corpus, options)
    assert len(kept["edges"]) > 20 and any(e["evidence"] for e in kept["edges"])
    monkeypatch.setattr(network, "MAX_NODES", 7)
    monkeypatch.setattr(network_before, "MAX_NODES", 7)
    best, before = analyse_network(corpus, options), network_before.analyse_network(corpus, options)
    assert unordered(best) == unordered(before)
    assert best["truncated"] and len(best["nodes"]) == 7 and best["total_nodes"] == kept["total_nodes"]
    assert best["total_edges"] == before["total_edges"] == kept["total_edges"]


@pytest.mark.parametrize(
    "options",
    [NetworkOptions(entity="两江新区"), NetworkOptions(region="重庆市", min_weight=2.0)],
    ids=["entity", "region"],
)
def test_a_part_of_the_network_has_the_nodes_links_and_figures_computed_from_every_fact(
    corpus, options, monkeypatch
):
    from innoatlas.analysis import network

    monkeypatch.setattr(network_before, "MAX_NODES", network.MAX_NODES)
    part = analyse_network(corpus, options)
    assert unordered(part) == unordered(network_before.analyse_network(corpus, options))
    assert 5 < len(part["nodes"]) < analyse_network(corpus)["total_nodes"]


def unordered(answer: dict) -> tuple:
    """An answer up to the order its nodes were met in, which a part of the network does not keep: it
    decides an edge's direction and Louvain's choice among partitions of equal modularity gain."""
    nodes = sorted((n["id"], n["weighted_degree"], n["degree"], n["betweenness"]) for n in answer["nodes"])
    edges = sorted(
        (
            tuple(sorted((e["source"], e["target"]))),
            e["weight"],
            e["predicates"],
            e["co_mentions"],
            e["evidence"],
        )
        for e in answer["edges"]
    )
    return nodes, edges, answer["total_nodes"], answer["total_edges"], answer["truncated"]


def test_a_windowed_network_counts_only_the_links_of_the_windows_documents(corpus, monkeypatch):
    from innoatlas.analysis import network

    monkeypatch.setattr(network_before, "MAX_NODES", network.MAX_NODES)
    set_window(corpus, date(2024, 1, 1), date(2024, 12, 31))
    try:
        windowed = analyse_network(corpus)
        assert windowed == network_before.analyse_network(corpus)
    finally:
        set_window(corpus, None, None)
    assert windowed["total_edges"] < analyse_network(corpus)["total_edges"]
