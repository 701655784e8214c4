"""PostgreSQL keeps trigram indexes for Chinese search; search through them finds what LIKE finds."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from innoatlas.pipeline import ingest_paths
from innoatlas.store.read.search import search


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
        monkeypatch.setattr("innoatlas.store.read.search.COUNT_CAP", 3)
        capped = search(session, "科技", limit=100)
    assert everything["document_total"] > 3 and everything["total_exact"] is True
    if store.dialect == "postgresql":  # searched with LIKE, newest first, stopping past the cap
        assert capped["document_total"] == 3 and capped["total_exact"] is False
        newest = [i["id"] for i in everything["items"] if i["kind"] == "document"][:3]
        assert [i["id"] for i in capped["items"] if i["kind"] == "document"] == newest
    else:  # SQLite's trigram index finds every match cheaply
        assert capped["document_total"] == everything["document_total"] and capped["total_exact"] is True


def _holds(text_: str | None, term: str) -> bool:
    return term in (text_ or "").lower()


@pytest.mark.parametrize("through_index", [True, False])
def test_one_and_two_character_searches_find_exactly_the_texts_that_hold_them(
    store, examples, monkeypatch, through_index
):
    """Short terms (no trigram in them) find what a scan of the stored texts finds, on both databases,
    whether PostgreSQL reads them off the character-pair index or newest first (a common term)."""
    monkeypatch.setattr("innoatlas.store.read.search.gram_index_pays", lambda *a: through_index)
    ingest_paths([examples], store)
    with store.session() as session:
        docs = session.execute(text("SELECT id, norm, title FROM documents")).all()
        names = session.execute(text("SELECT id, name FROM entities")).all()
        aliases = session.execute(text("SELECT entity_id, norm FROM aliases")).all()
        title = next(d.title for d in docs if d.title and len(d.title) >= 6)
        # pairs at an even and an odd offset, single characters, the last pair of a title
        terms = {"两江", "创新", "江", "区", title[:2], title[1:3], title[-2:], title[-1]}
        for term in sorted(terms):
            found = search(session, term, limit=500)
            wanted_docs = {d.id for d in docs if _holds(d.norm, term) or _holds(d.title, term)}
            wanted_entities = {i for i, n in names if _holds(n, term)} | {
                i for i, a in aliases if _holds(a, term)
            }
            got = found["items"]
            assert found["total_exact"] is True, term
            assert {i["id"] for i in got if i["kind"] == "document"} == wanted_docs, term
            assert {i["id"] for i in got if i["kind"] == "entity"} == wanted_entities, term
            assert wanted_docs, term


@pytest.mark.postgres
def test_postgres_answers_short_terms_from_the_character_pair_index(store, examples):
    if store.dialect != "postgresql":
        pytest.skip("the character-pair indexes are PostgreSQL's; SQLite expands short terms in FTS5")
    ingest_paths([examples], store)
    with store.session() as session:
        session.execute(
            text("SET LOCAL enable_seqscan = off")
        )  # small tables: make the planner show its index
        for sql, index in (
            (
                "SELECT id FROM documents WHERE search_grams(lower(norm)) @> ARRAY['两江']",
                "ix_documents_norm_grams",
            ),
            (
                "SELECT id FROM entities WHERE search_grams(lower(name)) @> ARRAY['江']",
                "ix_entities_name_grams",
            ),
        ):
            assert index in "\n".join(session.scalars(text("EXPLAIN " + sql))), sql
        found = search(session, "两江")
    assert found["document_total"] >= 2
    assert any(i["kind"] == "document" and i["snippet"]["match"] == "两江" for i in found["items"])
