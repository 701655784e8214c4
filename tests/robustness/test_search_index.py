"""The search index never falls behind the documents: after a kill, an older writer, or an API ingest.

The index is derived data written in each document's own transaction, so a
SIGKILL loses a document and its index rows together; whatever an older
writer left out is added when the next ingest takes its lock, or when the
server starts; a document posted to the API is found by the next search.
"""

from __future__ import annotations

import signal
import time

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from innoatlas.auth import add_user, create_token
from innoatlas.pipeline import ingest_paths
from innoatlas.store import open_store
from innoatlas.store.search_index import INDEX_TABLE
from innoatlas.web.app import create_app
from tests.conftest import EXAMPLES
from tests.robustness.kb import start_ingest
from tests.robustness.test_faults import RUN_TIMEOUT_S, Watcher


def indexed_and_stored(url: str) -> tuple[set[int], set[int]]:
    """(document ids in the index, document ids in the table)."""
    engine = create_engine(url)
    with engine.connect() as c:
        indexed = {r // 2 for (r,) in c.execute(text(f"SELECT rowid FROM {INDEX_TABLE} WHERE rowid % 2 = 0"))}
        stored = set(c.execute(text("SELECT id FROM documents")).scalars())
    engine.dispose()
    return indexed, stored


def search_hits(client: TestClient, q: str) -> list[str]:
    answer = client.get("/api/search", params={"q": q, "limit": 100})
    assert answer.status_code == 200, answer.text
    return [i.get("title") or i.get("name") for i in answer.json()["items"] if i["kind"] == "document"]


@pytest.mark.slow
def test_every_document_a_killed_ingest_stored_is_in_the_index(copied_corpus, frozen_src, tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    process = start_ingest(copied_corpus, url, frozen_src)
    watcher = Watcher(url)
    try:
        while process.poll() is None and watcher.stored() < 5:
            time.sleep(0.01)
    finally:
        watcher.close()
    assert process.poll() is None, "the ingest ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=RUN_TIMEOUT_S)
    indexed, stored = indexed_and_stored(url)
    assert len(stored) >= 5
    assert indexed == stored


def test_an_ingest_adds_what_an_older_writer_left_out_of_the_index(tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    with open_store(url) as store:
        ingest_paths([EXAMPLES], store)
        with store.transaction() as session:  # as a writer that did not index them would leave it
            session.execute(text(f"DELETE FROM {INDEX_TABLE} WHERE rowid % 4 = 0"))
        assert indexed_and_stored(url)[0] != indexed_and_stored(url)[1]
        report = ingest_paths([EXAMPLES], store)  # nothing new to write
        assert report.counts["new"] == 0
    indexed, stored = indexed_and_stored(url)
    assert indexed == stored


def test_a_document_posted_to_the_api_is_found_by_the_next_search(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'kb.db'}") as store:
        ingest_paths([EXAMPLES], store)
        with store.transaction() as session:
            add_user(session, "analyst", "editor")
            token = create_token(session, "analyst")
        with TestClient(create_app(store), raise_server_exceptions=False) as client:
            assert search_hits(client, "鹿鸣湖实验室") == []
            document = {
                "name": "luming.txt",
                "title": "鹿鸣湖实验室揭牌",
                "text": "鹿鸣湖实验室今年揭牌，首批引进团队十二个。",
            }
            posted = client.post(
                "/api/ingest", json={"documents": [document]}, headers={"Authorization": f"Bearer {token}"}
            )
            assert posted.status_code == 200, posted.text
            assert search_hits(client, "鹿鸣湖实验室") == ["鹿鸣湖实验室揭牌"]
