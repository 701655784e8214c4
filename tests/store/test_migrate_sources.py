"""A knowledge base written by an older version, with absolute sources, opened by this one.

The old base is made as the older version wrote it: ingested, corrected,
then its sources (and the review log naming them) set to the server's
absolute paths and its schema revision set back to before the migration.
"""

from __future__ import annotations

import json
import shutil

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from innoatlas.auth import add_user, create_token
from innoatlas.pipeline import ingest_paths
from innoatlas.store import open_store
from innoatlas.web.app import create_app
from tests.review.conftest import ADDENDUM, ARTICLE

PLATFORMS = "两江新区已集聚研发平台120余个"


def indicator(client, quote: str) -> dict:
    doc_id = client.get("/api/documents").json()["items"][0]["id"]
    return next(i for i in client.get(f"/api/documents/{doc_id}").json()["indicators"] if i["quote"] == quote)


def make_old_base(url: str, corpus) -> None:
    """An older version's base: the article ingested and one figure corrected, sources absolute."""
    with open_store(url) as store:
        ingest_paths([corpus], store)
        with store.transaction() as session:
            add_user(session, "analyst", "editor")
            token = create_token(session, "analyst")
        with TestClient(create_app(store)) as client:
            client.headers["Authorization"] = f"Bearer {token}"
            target = indicator(client, PLATFORMS)
            answer = client.post(
                f"/api/review/indicators/{target['id']}/correct", json={"changes": {"value": 125}}
            )
            assert answer.status_code == 200, answer.text
        absolute = str(corpus / "liangjiang.txt")
        with store.transaction() as session:
            session.execute(text("UPDATE documents SET source = :a"), {"a": absolute})
            for id_, key, before, after in session.execute(
                text("SELECT id, fact_key, before, after FROM review_actions")
            ).all():
                parts = json.loads(key)
                parts[1] = absolute
                snapshots = [json.loads(s) if isinstance(s, str) else s for s in (before, after)]
                for snapshot in snapshots:
                    snapshot["document"] = absolute
                session.execute(
                    text(
                        "UPDATE review_actions SET fact_key = :k, document_source = :a,"
                        " before = :b, after = :f WHERE id = :i"
                    ),
                    {
                        "k": json.dumps(parts, ensure_ascii=False),
                        "a": absolute,
                        "b": json.dumps(snapshots[0], ensure_ascii=False),
                        "f": json.dumps(snapshots[1], ensure_ascii=False),
                        "i": id_,
                    },
                )
        back_to_before_the_migration(store)


def back_to_before_the_migration(store) -> None:
    """The schema as the older version left it: the migrations from 0007 on undone."""
    from alembic import command

    from innoatlas.store.migrate import alembic_config

    config = alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")


def test_an_old_base_loses_its_absolute_paths_and_keeps_its_corrections_when_the_corpus_moves(
    store_url, tmp_path
):
    corpus = tmp_path / "server" / "data" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "liangjiang.txt").write_text(ARTICLE, encoding="utf-8")
    make_old_base(store_url, corpus)
    with open_store(store_url) as store:  # opening migrates
        with store.session() as session:
            assert session.scalars(text("SELECT source FROM documents")).all() == ["corpus/liangjiang.txt"]
            log = " ".join(map(str, session.execute(text("SELECT * FROM review_actions")).all()))
            assert "liangjiang.txt" in log and str(tmp_path) not in log
        with TestClient(create_app(store)) as client:
            for path in ("/api/documents", "/api/review/actions"):
                assert str(tmp_path) not in client.get(path).text, path

        moved = tmp_path / "elsewhere" / "corpus"
        moved.parent.mkdir()
        shutil.move(corpus, moved)
        (moved / "liangjiang.txt").write_text(ARTICLE + ADDENDUM, encoding="utf-8")
        report = ingest_paths([moved], store)
        assert [(o.source, o.status) for o in report.outcomes] == [("corpus/liangjiang.txt", "changed")]
        with TestClient(create_app(store)) as client:
            again = indicator(client, PLATFORMS)
            assert (again["value"], again["review_status"]) == (125.0, "corrected")


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        (
            {1: "/srv/data/corpus/a.txt", 2: "/srv/data/corpus/sub/b.txt", 3: "corpus/c.txt"},
            {"/srv/data/corpus/a.txt": "corpus/a.txt", "/srv/data/corpus/sub/b.txt": "corpus/sub/b.txt"},
        ),
        ({1: "C:\\data\\news\\a.txt"}, {"C:\\data\\news\\a.txt": "news/a.txt"}),
        # a relative source already taken: the old document keeps its id beside the name
        ({1: "/srv/corpus/a.txt", 2: "corpus/a.txt"}, {"/srv/corpus/a.txt": "corpus/a.txt#1"}),
        ({1: "corpus/a.txt", 2: "https://example.org/a.html"}, {}),
    ],
)
def test_absolute_sources_become_paths_from_their_common_folder(sources, expected):
    from importlib import import_module

    migration = import_module("innoatlas.store.migrations.versions.0007_relative_sources")
    assert migration.relative_sources(sources) == expected
