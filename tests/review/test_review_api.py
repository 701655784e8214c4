"""Review actions through the real app: each action, its audit record, undo, and survival of re-ingest."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from innoatlas.auth import add_user, create_token
from innoatlas.pipeline import ingest_paths
from innoatlas.web.app import create_app
from tests.review.conftest import ADDENDUM, ARTICLE, reingest


def document(client) -> dict:
    doc_id = client.get("/api/documents").json()["items"][0]["id"]
    return client.get(f"/api/documents/{doc_id}").json()


def indicator_by_quote(doc: dict, quote: str) -> dict:
    return next(i for i in doc["indicators"] if i["quote"] == quote)


def relation_of(doc: dict, subject: str, predicate: str, obj: str) -> dict | None:
    return next(
        (
            r
            for r in doc["relations"]
            if (r["subject"]["name"], r["predicate"], r["object"]["name"]) == (subject, predicate, obj)
        ),
        None,
    )


def entity_id(client, name: str) -> int:
    items = client.get("/api/entities", params={"limit": 500}).json()["items"]
    return next(e["id"] for e in items if e["name"] == name)


PLATFORMS = "两江新区已集聚研发平台120余个"
FIRMS = "高新技术企业达到1500家"


def test_correcting_an_indicator_is_logged_with_before_after_who_and_why(client):
    target = indicator_by_quote(document(client), PLATFORMS)
    answer = client.post(
        f"/api/review/indicators/{target['id']}/correct",
        json={"changes": {"value": 125, "period": "2023-12"}, "reason": "the annual report says 125"},
    )
    assert answer.status_code == 200
    after = indicator_by_quote(document(client), PLATFORMS)
    assert (after["value"], after["value_base"], after["period"], after["review_status"]) == (
        125.0,
        125.0,
        "2023-12",
        "corrected",
    )
    entry = client.get("/api/review/actions").json()["items"][0]
    assert entry["action"] == "correct" and entry["target"] == "indicator"
    assert entry["user"] == "analyst" and entry["reason"] == "the annual report says 125"
    assert entry["before"]["fact"]["value"] == 120.0 and entry["before"]["fact"]["period"] == "2023"
    assert entry["after"]["fields"]["value"] == 125.0
    assert entry["at"] and entry["undone"] is False


def test_correcting_subject_unit_and_metric_rederives_base_value_and_key(client):
    target = indicator_by_quote(document(client), FIRMS)
    university = entity_id(client, "重庆大学")
    changes = {"subject": university, "unit": "万家", "value": 0.15, "metric": "高新技术企业数量"}
    assert (
        client.post(f"/api/review/indicators/{target['id']}/correct", json={"changes": changes}).status_code
        == 200
    )
    after = client.get(f"/api/indicators/{target['id']}").json()
    assert after["subject"]["name"] == "重庆大学" and after["subject_text"] == "重庆大学"
    assert (after["unit"], after["base_unit"], after["value_base"]) == ("万家", "家", 1500.0)


def test_confirm_marks_the_fact_reviewed_and_undo_unmarks_it(client):
    target = indicator_by_quote(document(client), FIRMS)
    action = client.post(f"/api/review/indicators/{target['id']}/confirm", json={"reason": "checked"}).json()
    assert indicator_by_quote(document(client), FIRMS)["review_status"] == "confirmed"
    undone = client.post(f"/api/review/actions/{action['id']}/undo", json={"reason": "too quick"}).json()
    assert indicator_by_quote(document(client), FIRMS)["review_status"] is None
    assert (undone["undone"], undone["undone_by"], undone["undo_reason"]) == (True, "analyst", "too quick")


def test_reject_removes_a_relation_and_undo_brings_it_back(client):
    doc = document(client)
    relation = relation_of(doc, "重庆大学", "cooperates_with", "长安汽车")
    action = client.post(f"/api/review/relations/{relation['id']}/reject", json={"reason": "x"}).json()
    assert relation_of(document(client), "重庆大学", "cooperates_with", "长安汽车") is None
    client.post(f"/api/review/actions/{action['id']}/undo", json={})
    back = relation_of(document(client), "重庆大学", "cooperates_with", "长安汽车")
    assert back is not None and back["quote"] == relation["quote"]


def test_correcting_a_relation_predicate_and_undo(client):
    relation = relation_of(document(client), "重庆大学", "cooperates_with", "长安汽车")
    action = client.post(
        f"/api/review/relations/{relation['id']}/correct", json={"changes": {"predicate": "invests_in"}}
    ).json()
    assert relation_of(document(client), "重庆大学", "invests_in", "长安汽车")["review_status"] == "corrected"
    client.post(f"/api/review/actions/{action['id']}/undo", json={})
    assert relation_of(document(client), "重庆大学", "cooperates_with", "长安汽车")["review_status"] is None


def test_only_the_latest_action_on_a_fact_can_be_undone(client):
    target = indicator_by_quote(document(client), PLATFORMS)
    first = client.post(
        f"/api/review/indicators/{target['id']}/correct", json={"changes": {"value": 121}}
    ).json()
    client.post(f"/api/review/indicators/{target['id']}/correct", json={"changes": {"value": 122}})
    refused = client.post(f"/api/review/actions/{first['id']}/undo", json={})
    assert refused.status_code == 400
    assert refused.json()["error"]["message"] == (
        f"review action {first['id'] + 1} changed the same fact later: undo it first"
    )


def test_adding_a_missing_indicator_and_mention(client):
    doc = document(client)
    zone = entity_id(client, "两江新区")
    values = {
        "document": doc["id"],
        "quote": "战略合作协议",
        "value": 1,
        "unit": "项",
        "metric": "合作协议数量",
        "subject": zone,
        "period": "2024-03-05",
        "kind": "level",
    }
    added = client.post("/api/review/indicators", json={"values": values, "reason": "missed"})
    assert added.status_code == 200, added.json()
    row = client.get(f"/api/indicators/{added.json()['row_id']}").json()
    assert (row["quote"], row["value"], row["review_status"], row["metric_key"]) == (
        "战略合作协议",
        1.0,
        "added",
        None,
    )
    mention = client.post(
        "/api/review/mentions",
        json={"values": {"document": doc["id"], "text": "规上工业", "name": "规上工业", "type": "industry"}},
    )
    assert mention.status_code == 200, mention.json()
    names = {m["text"]: m for m in document(client)["mentions"]}
    assert names["规上工业"]["entity"]["type"] == "industry" and names["规上工业"]["review_status"] == "added"


def test_merge_moves_mentions_and_facts_and_undo_restores_the_entity(client):
    university, firm = entity_id(client, "重庆大学"), entity_id(client, "长安汽车")
    action = client.post(
        f"/api/review/entities/{firm}/merge", json={"into": university, "reason": "test"}
    ).json()
    assert client.get(f"/api/entities/{firm}").status_code == 404
    profile = client.get(f"/api/entities/{university}").json()
    assert "长安汽车" in profile["aliases"]
    assert {m["entity"]["name"] for m in document(client)["mentions"] if m["text"] == "长安汽车"} == {
        "重庆大学"
    }
    client.post(f"/api/review/actions/{action['id']}/undo", json={})
    restored = entity_id(client, "长安汽车")
    assert {m["entity"]["id"] for m in document(client)["mentions"] if m["text"] == "长安汽车"} == {restored}
    assert "长安汽车" not in client.get(f"/api/entities/{university}").json()["aliases"]


def test_split_moves_the_mentions_written_with_the_given_names(client):
    doc = document(client)
    zone = entity_id(client, "两江新区")
    answer = client.post(
        f"/api/review/entities/{zone}/split",
        json={"name": "两江新区", "type": "zone", "aliases": ["两江新区"]},
    )
    assert answer.status_code == 400  # its own key: nothing to split off
    # Move the zone's mentions to a new entity under a fuller name.
    answer = client.post(
        f"/api/review/entities/{zone}/split",
        json={"name": "重庆两江新区", "type": "zone", "aliases": ["两江新区"], "reason": "official name"},
    )
    assert answer.status_code == 200, answer.json()
    moved = {m["entity"]["name"] for m in document(client)["mentions"] if m["text"] == "两江新区"}
    assert moved == {"重庆两江新区"}
    client.post(f"/api/review/actions/{answer.json()['id']}/undo", json={})
    back = {m["entity"]["id"] for m in document(client)["mentions"] if m["text"] == "两江新区"}
    assert back == {zone} and len(doc["mentions"]) == len(document(client)["mentions"])


def test_correcting_an_entity_type_and_name(client):
    institute = entity_id(client, "智能网联汽车研究院")
    answer = client.post(
        f"/api/review/entities/{institute}/correct",
        json={"changes": {"type": "platform", "name": "智能网联汽车研究院（重庆）"}},
    )
    assert answer.status_code == 200
    profile = client.get(f"/api/entities/{institute}").json()
    assert (profile["type"], profile["name"], profile["review_status"]) == (
        "platform",
        "智能网联汽车研究院（重庆）",
        "corrected",
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "growth"}, "kind must be one of level, change, rank, not 'growth'"),
        (
            {"period": "last year"},
            "period must be like 2024, 2024-05, 2024-H1 or 2024-Q1..Q3, not 'last year'",
        ),
        ({"value": "many"}, "value must be a number, not 'many'"),
        (
            {"quote": "x"},
            "indicator fields quote cannot be changed (correctable: subject, subject_text, metric, "
            "metric_key, value, unit, period, approx, kind)",
        ),
        ({"subject": 999999}, "no entity with id 999999"),
    ],
)
def test_bad_corrections_are_refused_with_the_reason(client, changes, message):
    target = indicator_by_quote(document(client), PLATFORMS)
    answer = client.post(f"/api/review/indicators/{target['id']}/correct", json={"changes": changes})
    assert answer.status_code == 400
    assert answer.json()["error"] == {"status": 400, "code": "bad_request", "message": message, "detail": []}
    assert client.get("/api/review/actions").json()["total"] == 0


def test_review_of_a_missing_row_is_404(client):
    answer = client.post("/api/review/indicators/999999/confirm", json={})
    assert answer.status_code == 404 and answer.json()["error"]["message"] == "no indicator with id 999999"


# -- survival across re-ingest --------------------------------------------------------


def test_corrections_survive_reingesting_the_changed_document(client, kb, article):
    doc = document(client)
    platforms = indicator_by_quote(doc, PLATFORMS)
    firms = indicator_by_quote(doc, FIRMS)
    relation = relation_of(doc, "重庆大学", "cooperates_with", "长安汽车")
    client.post(f"/api/review/indicators/{platforms['id']}/correct", json={"changes": {"value": 125}})
    client.post(f"/api/review/indicators/{firms['id']}/confirm", json={})
    client.post(f"/api/review/relations/{relation['id']}/reject", json={})
    client.post(
        "/api/review/indicators",
        json={"values": {"document": doc["id"], "quote": "战略合作协议", "value": 1, "unit": "项"}},
    )
    reingest(kb, article)
    again = document(client)
    assert indicator_by_quote(again, PLATFORMS)["value"] == 125.0
    assert indicator_by_quote(again, FIRMS)["review_status"] == "confirmed"
    assert relation_of(again, "重庆大学", "cooperates_with", "长安汽车") is None
    assert indicator_by_quote(again, "战略合作协议")["review_status"] == "added"
    assert any(i["quote"] == "全年新增科技型企业300家" for i in again["indicators"])  # the new sentence


def test_entity_merge_and_reject_survive_reingest(client, kb, article):
    university, firm = entity_id(client, "重庆大学"), entity_id(client, "长安汽车")
    institute = entity_id(client, "智能网联汽车研究院")
    client.post(f"/api/review/entities/{firm}/merge", json={"into": university})
    client.post(f"/api/review/entities/{institute}/reject", json={"reason": "not named in full"})
    reingest(kb, article)
    names = {e["name"] for e in client.get("/api/entities", params={"limit": 500}).json()["items"]}
    assert "长安汽车" not in names and "智能网联汽车研究院" not in names
    assert {m["entity"]["name"] for m in document(client)["mentions"] if m["text"] == "长安汽车"} == {
        "重庆大学"
    }


def test_undo_after_reingest_restores_the_new_rows(client, kb, article):
    target = indicator_by_quote(document(client), PLATFORMS)
    action = client.post(
        f"/api/review/indicators/{target['id']}/correct", json={"changes": {"value": 130}}
    ).json()
    reingest(kb, article)
    client.post(f"/api/review/actions/{action['id']}/undo", json={})
    assert indicator_by_quote(document(client), PLATFORMS)["value"] == 120.0
    reingest(kb, article, text=ARTICLE)  # back to the first version
    assert indicator_by_quote(document(client), PLATFORMS)["value"] == 120.0  # undone stays undone


def test_merging_two_related_entities_drops_their_relation_and_undo_restores_it(client):
    university, firm = entity_id(client, "重庆大学"), entity_id(client, "长安汽车")
    assert relation_of(document(client), "重庆大学", "cooperates_with", "长安汽车") is not None
    action = client.post(f"/api/review/entities/{firm}/merge", json={"into": university}).json()
    relations = document(client)["relations"]
    assert not any(r["subject"]["id"] == r["object"]["id"] for r in relations)
    client.post(f"/api/review/actions/{action['id']}/undo", json={})
    assert relation_of(document(client), "重庆大学", "cooperates_with", "长安汽车") is not None


def mention_of(doc: dict, text: str) -> dict | None:
    return next((m for m in doc["mentions"] if m["text"] == text), None)


def test_a_mention_reassigned_or_rejected_stays_so_after_reingest(client, kb, article):
    doc = document(client)
    university = entity_id(client, "重庆大学")
    firm = mention_of(doc, "长安汽车")
    institute = mention_of(doc, "智能网联汽车研究院")
    moved = client.post(
        f"/api/review/mentions/{firm['id']}/correct", json={"changes": {"entity": university}}
    )
    assert moved.status_code == 200, moved.json()
    assert client.post(f"/api/review/mentions/{institute['id']}/reject", json={}).status_code == 200
    reingest(kb, article)
    again = document(client)
    assert mention_of(again, "长安汽车")["entity"]["name"] == "重庆大学"
    assert mention_of(again, "长安汽车")["review_status"] == "corrected"
    assert mention_of(again, "智能网联汽车研究院") is None


def test_adding_an_entity_and_a_relation_to_it(client):
    doc = document(client)
    added = client.post(
        "/api/review/entities", json={"values": {"name": "重庆市科学技术局", "type": "government"}}
    )
    assert added.status_code == 200, added.json()
    bureau = added.json()["row_id"]
    profile = client.get(f"/api/entities/{bureau}").json()
    assert (profile["name"], profile["type"], profile["review_status"]) == (
        "重庆市科学技术局",
        "government",
        "added",
    )
    again = client.post(
        "/api/review/entities", json={"values": {"name": "重庆市科学技术局", "type": "government"}}
    )
    assert again.json()["error"]["message"] == "an entity with the name '重庆市科学技术局' exists already"
    relation = client.post(
        "/api/review/relations",
        json={
            "values": {
                "document": doc["id"],
                "quote": "共建智能网联汽车研究院",
                "subject": entity_id(client, "重庆大学"),
                "predicate": "member_of",
                "object": bureau,
            }
        },
    )
    assert relation.status_code == 200, relation.json()
    added_relation = relation_of(document(client), "重庆大学", "member_of", "重庆市科学技术局")
    assert added_relation["review_status"] == "added" and added_relation["quote"] == "共建智能网联汽车研究院"
    client.post(f"/api/review/actions/{relation.json()['id']}/undo", json={})
    assert relation_of(document(client), "重庆大学", "member_of", "重庆市科学技术局") is None


def test_a_confirmed_entity_is_marked_in_the_entity_list(client):
    listed = {e["name"]: e for e in client.get("/api/entities?type=university").json()["items"]}
    cqu = listed["重庆大学"]
    assert cqu["review_status"] is None  # machine output until an analyst looks at it
    assert (
        client.post(f"/api/review/entities/{cqu['id']}/confirm", json={"reason": "checked"}).status_code
        == 200
    )
    listed = {e["name"]: e for e in client.get("/api/entities?type=university").json()["items"]}
    assert listed["重庆大学"]["review_status"] == "confirmed"


# -- sources: relative to the given path, so corrections follow a moved corpus -----------


def test_corrections_reapply_after_the_corpus_folder_moves(store, tmp_path):
    corpus = tmp_path / "first" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "liangjiang.txt").write_text(ARTICLE, encoding="utf-8")
    ingest_paths([corpus], store)
    with store.transaction() as session:
        add_user(session, "analyst", "editor")
        token = create_token(session, "analyst")
    with TestClient(create_app(store)) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        assert kb_sources(client) == ["corpus/liangjiang.txt"]  # from the folder that holds the given path
        target = indicator_by_quote(document(client), PLATFORMS)
        client.post(f"/api/review/indicators/{target['id']}/correct", json={"changes": {"value": 125}})

        moved = tmp_path / "elsewhere" / "corpus"
        moved.parent.mkdir()
        shutil.move(corpus, moved)
        (moved / "liangjiang.txt").write_text(ARTICLE + ADDENDUM, encoding="utf-8")
        report = ingest_paths([moved], store)
        assert [(o.source, o.status) for o in report.outcomes] == [("corpus/liangjiang.txt", "changed")]
        again = indicator_by_quote(document(client), PLATFORMS)
        assert (again["value"], again["review_status"]) == (125.0, "corrected")


def test_no_server_path_in_the_documents_or_the_audit_log(client, kb, tmp_path):
    target = indicator_by_quote(document(client), PLATFORMS)
    client.post(f"/api/review/indicators/{target['id']}/correct", json={"changes": {"value": 125}})
    for path in ("/api/documents", f"/api/documents/{document(client)['id']}", "/api/review/actions"):
        assert str(tmp_path) not in client.get(path).text, path


def kb_sources(client) -> list[str]:
    return [d["source"] for d in client.get("/api/documents").json()["items"]]
