"""The whole-base analyses on a large base: what they read is bounded, and small bases answer as before."""

from __future__ import annotations

from collections import OrderedDict

from sqlalchemy import text

from innoatlas.pipeline import ingest_paths
from innoatlas.store.read.documents import original_norms

# More ids than PostgreSQL takes bound values in one statement (65,535).
MANY_IDS = 70_000


def test_the_networks_texts_are_read_for_more_documents_than_a_statement_takes_values(store, examples):
    ingest_paths([examples], store)
    with store.session() as session:
        stored = session.execute(text("SELECT id, name FROM documents WHERE duplicate_of_id IS NULL")).all()
        ids = [i for i, _ in stored]
        absent = range(max(ids) + 1, max(ids) + 1 + MANY_IDS)
        read = {d.id: d.name for d in original_norms(session, [*ids, *absent])}
        assert all(d.norm for d in original_norms(session, ids[:2]))
    assert read == dict(stored)


# Invented reports: two outlets disagree about each zone's counts for one month.
ZONES = ("青山高新区", "白沙经开区", "石门科技城")
REPORTS = (
    """{zone}研发机构达{rd}家
发布时间：2024-06-03  来源：甲日报

{zone}管委会6月2日介绍，截至2024年5月末，{zone}共集聚研发机构{rd}家，高新技术企业{firms}家。
""",
    """记者走访{zone}：创新主体持续增加
发布时间：2024-06-05  来源：乙晚报

记者6月4日从{zone}获悉，截至2024年5月末，{zone}已拥有研发机构{rd}家，园区内高新技术企业{firms}家，
企业研发投入稳步提高。
""",
)


def _disagreeing_reports(folder):
    folder.mkdir()
    for n, zone in enumerate(ZONES):
        for k, (report, rd, firms) in enumerate(
            zip(REPORTS, (40 + n, 50 + n), (120 + n, 150 + n), strict=True)
        ):
            text_ = report.format(zone=zone, rd=rd, firms=firms)
            (folder / f"zone{n}_{k}.txt").write_text(text_, encoding="utf-8")
    return folder


def _pages(client, limit: int) -> list[dict]:
    items, offset = [], 0
    while True:
        page = client.get("/api/analysis/conflicts", params={"limit": limit, "offset": offset}).json()
        assert page["limit"] == limit and page["offset"] == offset
        items += page["items"]
        offset += limit
        if offset >= page["total"] and page["total_exact"]:
            return items


def test_pages_of_conflicts_read_a_few_subjects_at_a_time_and_make_the_whole_list(
    store, tmp_path, monkeypatch
):
    from fastapi.testclient import TestClient

    from innoatlas.analysis import timeline
    from innoatlas.web import analysis_api
    from innoatlas.web.app import create_app

    ingest_paths([_disagreeing_reports(tmp_path / "reports")], store)
    with store.session() as session:
        whole = timeline.find_all_conflicts(session)
    subjects = {c["subject"]["id"] for c in whole}
    assert len(whole) == 6 and len(subjects) == 3
    # answers kept from another test's base at this URL are not this base's
    monkeypatch.setattr(analysis_api, "_results", OrderedDict())
    client = TestClient(create_app(store))
    first = client.get("/api/analysis/conflicts").json()
    assert first["items"] == whole and first["total"] == len(whole) and first["total_exact"]
    assert first["limit"] == 50 and first["offset"] == 0
    monkeypatch.setattr(timeline, "SUBJECTS_PER_READ", 1)  # a base of many subjects, in small
    assert _pages(client, 2) == whole
    one = client.get("/api/analysis/conflicts", params={"limit": 1}).json()
    assert one["items"] == whole[:1] and one["total_exact"] is False and 1 < one["total"] < len(whole) + 1
    page = client.get("/analysis/timeline").text
    assert page.count('class="conflicts"') == 1 and "6</span></h2>" in page  # the whole list, 6 conflicts
    beyond = client.get("/api/analysis/conflicts", params={"offset": len(whole)}).json()
    assert beyond["items"] == [] and beyond["total"] == len(whole) and beyond["total_exact"]


def test_a_network_of_more_nodes_than_analysed_keeps_the_best_linked(store, examples, monkeypatch):
    from innoatlas.analysis import network

    ingest_paths([examples], store)
    with store.session() as session:
        whole = network.analyse_network(session)
        monkeypatch.setattr(network, "MAX_NODES", 5)
        best = network.analyse_network(session)
    assert whole["truncated"] is False and whole["total_nodes"] == len(whole["nodes"]) > 5
    assert whole["total_edges"] == len(whole["edges"])
    ranked = sorted(whole["nodes"], key=lambda n: (-n["weighted_degree"], n["name"], n["id"]))
    kept = {n["id"] for n in ranked[:5]}
    assert {n["id"] for n in best["nodes"]} == kept
    assert best["truncated"] is True and best["total_nodes"] == len(whole["nodes"])
    assert best["edges"] == [e for e in whole["edges"] if e["source"] in kept and e["target"] in kept]


def test_a_chains_relations_are_read_for_more_actors_than_a_statement_takes_values(store, seeds):
    from innoatlas.store.read.relations import object_names, relations_to, relations_touching

    ingest_paths([seeds], store)
    with store.session() as session:
        ids = set(session.scalars(text("SELECT id FROM entities")))
        absent = set(range(max(ids) + 1, max(ids) + 1 + MANY_IDS))
        predicates = ("supplies", "invests_in", "cooperates_with", "focuses_on", "chain_leader_of")
        for read in (relations_to, relations_touching):
            assert (
                [r.id for r in read(session, ids | absent, predicates)]
                == [r.id for r in read(session, ids, predicates)]
                != []
            )
        assert object_names(session, sorted(ids | absent), "industry") == object_names(
            session, sorted(ids), "industry"
        )
