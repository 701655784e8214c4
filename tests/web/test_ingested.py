"""The app over a knowledge base built by the real ingest of the seeds and the example corpus (conftest.ingested)."""

from __future__ import annotations

from sqlalchemy import text


def test_app_builds_the_missing_search_index(ingested):
    store, client = ingested
    with store.session() as session:
        documents = session.execute(text("SELECT count(*) FROM documents")).scalar()
        indexed = session.execute(text("SELECT count(*) FROM search_text WHERE rowid % 2 = 0")).scalar()
    assert indexed == documents > 0
    assert client.get("/api/search", params={"q": "两江"}).json()["document_total"] >= 1


def test_every_document_renders_with_its_spans(ingested):
    _, client = ingested
    listing = client.get("/api/documents", params={"limit": 100}).json()
    assert listing["total"] == len(listing["items"]) > 0
    for item in listing["items"]:
        doc = client.get(f"/api/documents/{item['id']}").json()
        for mention in doc["mentions"]:
            shown = doc["original"][mention["original_start"] : mention["original_end"]]
            assert shown == mention["text"], (item["name"], mention)
        assert client.get(f"/documents/{item['id']}").status_code == 200


def test_every_page_of_the_first_entity_renders(ingested):
    _, client = ingested
    first = client.get("/api/entities", params={"type": "zone", "limit": 1}).json()["items"][0]
    for path in [
        f"/entities/{first['id']}",
        f"/api/graph/{first['id']}?depth=2",
        "/",
        "/regions",
        "/indicators",
    ]:
        assert client.get(path).status_code == 200, path
