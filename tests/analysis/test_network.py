"""The collaboration network: weights, centrality, communities, cross-region links."""

from __future__ import annotations

from datetime import date

import networkx as nx

from innoatlas.analysis.network import NetworkOptions, analyse_network, build_graph


def test_cross_region_links_between_chongqing_and_sichuan_carry_evidence(corpus):
    network = analyse_network(corpus)
    pairs = {frozenset((e["source_name"], e["target_name"])): e for e in network["cross_region"]}
    link = pairs[frozenset(("两江新区", "天府新区"))]
    assert {link["source_province"], link["target_province"]} == {"重庆市", "四川省"}
    assert link["predicates"] == {"cooperates_with": 1}
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
    with kb.store.session() as session:
        graph = build_graph(session)
        relations_only = build_graph(session, NetworkOptions(co_mentions=False))
    a, b = kb.entities["甲大学"], kb.entities["乙汽车"]
    assert graph.edges[a, b]["weight"] == 3.0 + 2 * 1.0  # one agreement, two sentences
    assert graph.edges[a, b]["co_mentions"] == 2
    assert kb.entities["丙研究院"] not in graph  # alone in its sentence
    assert relations_only.edges[a, b]["weight"] == 3.0
    assert nx.number_connected_components(graph) == 1
