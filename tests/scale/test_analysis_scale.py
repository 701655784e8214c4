"""The whole-base analyses on a large base: what they read is bounded, and small bases answer as before."""

from __future__ import annotations

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
