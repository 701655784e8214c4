"""The profile's panels read what they show once; whole-base aggregates are kept; answers are unchanged."""

from __future__ import annotations

import shutil
from contextlib import contextmanager

from fastapi.testclient import TestClient
from sqlalchemy import event, text

from innoatlas.pipeline import ingest_paths
from innoatlas.store.read import relations
from innoatlas.store.read.entities import list_entities
from innoatlas.store.read.indicators import list_subjects
from innoatlas.store.read.profile import coverage_over_time
from innoatlas.web.app import create_app


@contextmanager
def statements(store):
    """The SQL statements run on the store while the block runs."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        seen.append(" ".join(statement.split()))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def _most_mentioned(session) -> int:
    return session.scalar(
        text("SELECT entity_id FROM mentions GROUP BY entity_id ORDER BY count(DISTINCT document_id) DESC, 1")
    )


def test_an_entitys_coverage_is_one_read_of_its_mentions_and_counts_what_they_say(store, examples):
    ingest_paths([examples], store)
    with store.session() as session:
        entity = _most_mentioned(session)
        rows = session.execute(
            text(
                "SELECT d.id, d.published, d.outlet FROM mentions m JOIN documents d ON d.id = m.document_id "
                "WHERE m.entity_id = :e"
            ),
            {"e": entity},
        ).all()
        with statements(store) as seen:
            coverage = coverage_over_time(session, entity)
        with statements(store) as again:
            assert coverage_over_time(session, entity) == coverage  # kept per data version
    assert len([s for s in seen if "JOIN mentions" in s]) == 1
    assert not [s for s in again if "JOIN mentions" in s]
    months: dict[str, set] = {}
    for doc, published, _outlet in rows:
        if published is not None:
            months.setdefault(str(published)[:7], set()).add(doc)
    assert {m["month"]: m["documents"] for m in coverage["months"]} == {m: len(d) for m, d in months.items()}
    assert sum(m["mentions"] for m in coverage["months"]) == sum(1 for r in rows if r.published is not None)
    outlets: dict[str, set] = {}
    for doc, _published, outlet in rows:
        if outlet is not None:
            outlets.setdefault(outlet, set()).add(doc)
    assert {o["value"]: o["count"] for o in coverage["outlets"]} == {o: len(d) for o, d in outlets.items()}
    assert coverage["undated"] == len({r.id for r in rows if r.published is None})


def test_the_entity_page_reads_the_newest_documents_once_for_its_list_and_its_events(store, examples):
    ingest_paths([examples], store)
    with store.session() as session:
        entity = _most_mentioned(session)
    with TestClient(create_app(store)) as client, statements(store) as seen:
        page = client.get(f"/entities/{entity}")
    assert page.status_code == 200
    newest_first = [s for s in seen if "ORDER BY documents.published DESC" in s and "LIMIT" in s]
    assert len(newest_first) == 1, newest_first


def test_the_explorers_subjects_are_kept_until_the_next_ingest(store, examples, tmp_path):
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(examples / "wh_optics_valley_2024.md", one / "wh_optics_valley_2024.md")
    ingest_paths([one], store)
    with store.session() as session:
        first = list_subjects(session)
        with statements(store) as seen:
            assert list_subjects(session) == first
    assert not [s for s in seen if "GROUP BY indicators.subject_id" in s]
    ingest_paths([examples], store)
    with store.session() as session:
        after = list_subjects(session)
        subjects = session.scalar(text("SELECT count(DISTINCT subject_id) FROM indicators"))
    assert len(after) == subjects > len(first)


def test_a_full_graph_keeps_exactly_the_edges_between_its_nodes(store, examples, monkeypatch):
    ingest_paths([examples], store)
    monkeypatch.setattr(relations, "MAX_GRAPH_NODES", 6)
    with store.session() as session:
        truth = session.execute(
            text("SELECT subject_id, predicate, object_id, count(*) FROM relations GROUP BY 1, 2, 3")
        ).all()
        center = max({t[0] for t in truth}, key=lambda e: sum(t[3] for t in truth if e in (t[0], t[2])))
        graph = relations.get_graph(session, center, depth=2)
    nodes = {n["id"] for n in graph["nodes"]}
    assert len(nodes) == 6 and graph["truncated"] is True
    listed = {(e["source"], e["predicate"], e["target"]): e["count"] for e in graph["edges"]}
    # every edge between two shown nodes that a walked node has, with its count, and no other
    walked = {n["id"] for n in graph["nodes"] if n["depth"] <= 1}
    expected = {
        (s, p, o): n for s, p, o, n in truth if s in nodes and o in nodes and (s in walked or o in walked)
    }
    assert listed == expected


def test_an_industrys_entities_are_kept_in_order_and_a_page_reads_only_its_own(store, examples):
    ingest_paths([examples], store)
    with store.session() as session:
        industry, related = session.execute(
            text(
                "SELECT r.object_id, count(DISTINCT r.subject_id) FROM relations r "
                "JOIN entities e ON e.id = r.object_id WHERE e.type = 'industry' GROUP BY r.object_id "
                "ORDER BY 2 DESC, 1 LIMIT 1"
            )
        ).one()
        ordered = session.scalars(
            text(
                "SELECT id FROM entities WHERE id IN (SELECT subject_id FROM relations WHERE object_id = :i) "
                "ORDER BY type, name, id"
            ),
            {"i": industry},
        ).all()
        first = list_entities(session, industry=industry, limit=1)
        with statements(store) as seen:
            second = list_entities(session, industry=industry, limit=1, offset=1)
    assert related >= 2
    assert [e["id"] for e in first["items"] + second["items"]] == list(ordered[:2])
    assert second["total"] == related and second["total_exact"] is True
    assert not [s for s in seen if "FROM relations WHERE" in s]  # the industry's members were kept


def test_a_searchs_coverage_is_kept_until_the_next_ingest(store, examples, tmp_path):
    from innoatlas.store.read.search import coverage

    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(examples / "cq_liangjiang_xietong_2024.txt", one / "cq_liangjiang_xietong_2024.txt")
    ingest_paths([one], store)
    with store.session() as session:
        first = coverage(session, "两江")
        with statements(store) as seen:
            assert coverage(session, "两江") == first
    assert not [s for s in seen if "FROM documents JOIN mentions" in s]
    ingest_paths([examples], store)
    with store.session() as session:
        after = coverage(session, "两江")
        holding = session.scalar(
            text("SELECT count(*) FROM documents WHERE norm LIKE '%两江%' OR title LIKE '%两江%'")
        )
    assert sum(m["documents"] for m in after["months"]) + after["undated"] == holding
    assert holding > sum(m["documents"] for m in first["months"]) + first["undated"]


def test_a_graph_reads_each_level_of_its_walk_in_one_statement(store, examples):
    ingest_paths([examples], store)
    with store.session() as session:
        center = _most_mentioned(session)
        with statements(store) as seen:
            graph = relations.get_graph(session, center, depth=2)
    assert len({n["id"] for n in graph["nodes"] if n["depth"] == 1}) > 1
    walks = [s for s in seen if "ORDER BY relations.predicate" in s]
    assert len(walks) == 2  # one per level, whatever the number of nodes it expands
