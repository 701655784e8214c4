"""PostgreSQL keeps trigram indexes for Chinese search; search through them finds what LIKE finds."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from innoatlas.pipeline import ingest_paths
from innoatlas.web.search import search


@pytest.mark.postgres
def test_postgres_search_uses_trigram_indexes(store, examples):
    if store.dialect != "postgresql":
        pytest.skip("trigram indexes are PostgreSQL's; SQLite has its FTS5 table")
    ingest_paths([examples], store)
    with store.session() as session:
        names = set(session.scalars(text("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%_trgm'")))
        assert names == {
            "ix_documents_norm_trgm",
            "ix_documents_title_trgm",
            "ix_entities_name_trgm",
            "ix_aliases_norm_trgm",
        }
        session.execute(
            text("SET LOCAL enable_seqscan = off")
        )  # the tables are small: make the planner show its index
        plan = "\n".join(
            session.scalars(text("EXPLAIN SELECT id FROM documents WHERE norm ILIKE '%协同创新%'"))
        )
        assert "ix_documents_norm_trgm" in plan
        found = search(session, "协同创新")
    assert found["document_total"] >= 2
    assert any(i["kind"] == "document" and "协同创新" in i["snippet"]["match"] for i in found["items"])


def test_a_common_term_stops_at_the_cap_on_the_like_path_and_says_at_least(store, examples, monkeypatch):
    ingest_paths([examples], store)
    with store.session() as session:
        everything = search(session, "科技", limit=100)
        monkeypatch.setattr("innoatlas.web.search.COUNT_CAP", 3)
        capped = search(session, "科技", limit=100)
    assert everything["document_total"] > 3 and everything["total_exact"] is True
    if store.dialect == "postgresql":  # searched with LIKE, newest first, stopping past the cap
        assert capped["document_total"] == 3 and capped["total_exact"] is False
        newest = [i["id"] for i in everything["items"] if i["kind"] == "document"][:3]
        assert [i["id"] for i in capped["items"] if i["kind"] == "document"] == newest
    else:  # SQLite's trigram index finds every match cheaply
        assert capped["document_total"] == everything["document_total"] and capped["total_exact"] is True
