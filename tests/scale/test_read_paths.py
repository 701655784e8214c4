"""The read paths that keep a large base fast answer exactly what the plain queries answered."""

from __future__ import annotations

import shutil

from sqlalchemy import text

from innoatlas.pipeline import ingest_paths
from innoatlas.store.read import common, documents, regions, relations
from innoatlas.store.read.documents import document_facets
from innoatlas.store.read.entities import entity_facets, list_entities
from innoatlas.store.read.relations import MAX_GRAPH_EXPAND, list_relations


def _whole_list(session, **filters) -> list[int]:
    """Every document id of a list, read page by page (pages of 2)."""
    ids, offset = [], 0
    while True:
        page = documents.list_documents(session, limit=2, offset=offset, **filters)
        ids += [d["id"] for d in page["items"]]
        offset += 2
        if not page["items"]:
            return ids


def test_an_entitys_documents_are_the_same_pages_gathered_or_walked_newest_first(
    store, examples, monkeypatch
):
    ingest_paths([examples], store)
    with store.session() as session:
        entity, mentioned = session.execute(
            text(
                "SELECT entity_id, count(DISTINCT document_id) FROM mentions "
                "GROUP BY entity_id ORDER BY 2 DESC, 1 LIMIT 1"
            )
        ).one()
        assert mentioned >= 3
        newest = [
            d
            for (d,) in session.execute(
                text("SELECT DISTINCT document_id FROM mentions WHERE entity_id = :e"), {"e": entity}
            )
        ]
        gathered = _whole_list(session, entity=entity)
        first = documents.list_documents(session, entity=entity, limit=2)
        monkeypatch.setattr(documents, "GATHER_MENTIONS", 0)  # an entity too common to gather
        walked = _whole_list(session, entity=entity)
        assert documents.list_documents(session, entity=entity, limit=2) == first
    assert gathered == walked
    assert sorted(gathered) == sorted(newest)  # each document once, none left out
    assert first["total"] == mentioned and first["total_exact"] is True


def test_facets_kept_between_calls_move_with_the_next_ingest(store, examples, tmp_path):
    some = tmp_path / "some"
    some.mkdir()
    for name in ("cq_liangjiang_xietong_2024.txt", "wh_optics_valley_2024.md"):
        shutil.copy(examples / name, some / name)
    ingest_paths([some], store)
    with store.session() as session:
        before = document_facets(session, None, None)
        types_before = entity_facets(session, None, None)
        assert document_facets(session, None, None) == before
    ingest_paths([examples], store)
    with store.session() as session:
        after = document_facets(session, None, None)
        types_after = entity_facets(session, None, None)
        stored = session.scalar(text("SELECT count(*) FROM documents WHERE published IS NOT NULL"))
        entities = session.scalar(text("SELECT count(*) FROM entities"))
    assert sum(y["count"] for y in before["year"]) == 2
    assert sum(y["count"] for y in after["year"]) == stored > 2
    assert (
        sum(t["count"] for t in types_before["type"])
        < sum(t["count"] for t in types_after["type"])
        == entities
    )


def test_the_relations_list_pages_in_predicate_subject_id_order(store, examples):
    ingest_paths([examples], store)
    with store.session() as session:
        everything = session.execute(text("SELECT id, predicate, subject_id FROM relations")).all()
        pages = [
            list_relations(session, limit=7, offset=o)["items"] for o in range(0, len(everything) + 7, 7)
        ]
    listed = [r["id"] for page in pages for r in page]
    assert listed == [r.id for r in sorted(everything, key=lambda r: (r.predicate, r.subject_id, r.id))]


def _degree(truth: dict, e: int) -> int:
    return len({k[2] if k[0] == e else k[0] for k in truth if e in (k[0], k[2])})


def _true_edges(session) -> dict[tuple, tuple[int, int]]:
    rows = session.execute(
        text(
            "SELECT subject_id, predicate, object_id, count(*), max(id) FROM relations "
            "GROUP BY subject_id, predicate, object_id"
        )
    ).all()
    return {(s, p, o): (n, latest) for s, p, o, n, latest in rows}


def test_a_graph_holds_each_edge_with_its_count_and_latest_relation_read_off_the_indexes(store, examples):
    ingest_paths([examples], store)
    with store.session() as session:
        truth = _true_edges(session)
        # the busiest entity whose neighbours a second hop expands in full (a hub with more
        # than MAX_GRAPH_EXPAND is partial by design: the row-budget test below)
        center = max(
            (
                e
                for e in {k[0] for k in truth} | {k[2] for k in truth}
                if _degree(truth, e) <= MAX_GRAPH_EXPAND
            ),
            key=lambda e: sum(n for k, (n, _) in truth.items() if e in (k[0], k[2])),
        )
        graph = relations.get_graph(session, center, depth=2)
    around = {k for k in truth if center in (k[0], k[2])}
    listed = {(e["source"], e["predicate"], e["target"]): e for e in graph["edges"]}
    assert around and around <= set(listed)  # every edge of the centre, none left out
    for key, edge in listed.items():
        assert edge["count"] == truth[key][0]
        assert [ev["relation"] for ev in edge["evidence"]] in ([truth[key][1]], [])  # [] for a quote-less row
    assert graph["truncated"] is False


def test_a_graph_reading_past_its_row_budget_says_it_is_partial(store, examples, monkeypatch):
    ingest_paths([examples], store)
    monkeypatch.setattr(relations, "MAX_GRAPH_ROWS", 1)
    monkeypatch.setattr(relations, "GRAPH_ROWS_PER_NODE", 1)
    with store.session() as session:
        truth = _true_edges(session)
        center = next(iter(sorted(truth, key=lambda k: -truth[k][0])))[0]
        graph = relations.get_graph(session, center, depth=2)
    assert graph["truncated"] is True
    for e in graph["edges"]:
        assert 1 <= e["count"] <= truth[(e["source"], e["predicate"], e["target"])][0]


def test_the_region_tree_kept_encoded_is_the_tree_and_moves_with_the_next_ingest(store, examples, tmp_path):
    from fastapi.testclient import TestClient

    from innoatlas.web.app import create_app

    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(examples / "wh_optics_valley_2024.md", one / "wh_optics_valley_2024.md")
    ingest_paths([one], store)
    with TestClient(create_app(store)) as client:
        before = client.get("/api/regions")
        assert client.get("/api/regions").content == before.content
        ingest_paths([examples], store)
        after = client.get("/api/regions")
    assert before.headers["content-type"].startswith("application/json")
    with store.session() as session:
        tree = regions.get_region_tree(session)
    assert after.json()["items"] == tree["roots"]
    assert after.json()["entities"] > before.json()["entities"]


def test_an_industrys_entities_are_the_same_pages_gathered_or_walked(store, examples, monkeypatch):
    ingest_paths([examples], store)
    with store.session() as session:
        industry, related = session.execute(
            text(
                "SELECT r.object_id, count(DISTINCT r.subject_id) FROM relations r "
                "JOIN entities e ON e.id = r.object_id WHERE e.type = 'industry' GROUP BY r.object_id "
                "ORDER BY 2 DESC, 1 LIMIT 1"
            )
        ).one()
        pages = [
            list_entities(session, industry=industry, limit=2, offset=o) for o in range(0, related + 2, 2)
        ]
        monkeypatch.setattr(documents, "GATHER_MENTIONS", 0)  # too many to gather: the subquery
        monkeypatch.setattr(common, "_aggregates", {})  # nor kept from the pages before
        walked = [
            list_entities(session, industry=industry, limit=2, offset=o) for o in range(0, related + 2, 2)
        ]
    assert related >= 2
    assert pages == walked
    assert sum(len(p["items"]) for p in pages) == related == pages[0]["total"]


def test_the_regions_page_kept_per_data_version_moves_with_the_next_ingest_and_keeps_its_language(
    store, examples, tmp_path
):
    from fastapi.testclient import TestClient

    from innoatlas.web.app import create_app

    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(examples / "wh_optics_valley_2024.md", one / "wh_optics_valley_2024.md")
    ingest_paths([one], store)
    with TestClient(create_app(store)) as client:
        before = client.get("/regions").text
        english = client.get("/regions?lang=en").text
        assert client.get("/regions").text == before
        ingest_paths([examples], store)
        after = client.get("/regions").text
    assert english != before and 'lang="en"' in english
    assert "重庆市" not in before and "重庆市" in after
