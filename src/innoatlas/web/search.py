"""Chinese-aware full-text search over documents, entity names and aliases.

SQLite's default FTS tokenizer does not segment Chinese, so the index is
an FTS5 table with the trigram tokenizer (SQLite >= 3.34): any substring of
three or more characters is found through the index (两江新 finds
两江新区). Shorter queries (两江) and other databases (PostgreSQL) fall back
to LIKE / ILIKE over the tables. Queries are folded like Document.norm
(NFKC, traditional -> simplified) so 協同創新 finds 协同创新.

The index is derived data: `rebuild_search_index` rebuilds it from the
tables, and `ensure_search_index` builds it when it is missing or behind.
"""

from __future__ import annotations

import logging
import sqlite3
import unicodedata
from collections import Counter
from datetime import date
from functools import lru_cache

from sqlalchemy import and_, bindparam, func, or_, select, text
from sqlalchemy.orm import Session

from innoatlas.store.queries import clamp_page, document_ref, entity_ref, original_span
from innoatlas.store.schema import Alias, Document, Entity

log = logging.getLogger(__name__)

INDEX_TABLE = "search_index"
# The trigram tokenizer needs SQLite 3.34; older SQLite uses the LIKE path.
TRIGRAM_MIN_SQLITE = (3, 34, 0)
# Trigrams match only terms of at least three characters.
TRIGRAM_MIN_CHARS = 3
# Characters of context each side of the first hit in a document snippet.
SNIPPET_CONTEXT = 40
MAX_QUERY_CHARS = 200
FACET_LIMIT = 20
KIND_ENTITY, KIND_DOCUMENT = "e", "d"


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s.json")


def fold_query(query: str) -> str:
    """NFKC then traditional -> simplified, lower case: the form Document.norm is stored in."""
    return _converter().convert(unicodedata.normalize("NFKC", query or "")).strip().lower()[:MAX_QUERY_CHARS]


def query_terms(folded: str) -> list[str]:
    return [t for t in folded.split() if t]


def has_trigram(session: Session) -> bool:
    if session.get_bind().dialect.name != "sqlite":
        return False
    return tuple(int(p) for p in sqlite3.sqlite_version.split(".")[:3]) >= TRIGRAM_MIN_SQLITE


def index_exists(session: Session) -> bool:
    if not has_trigram(session):
        return False
    row = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name=:n"), {"n": INDEX_TABLE}
    ).first()
    return row is not None


def rebuild_search_index(session: Session, document_ids: list[int] | None = None) -> int:
    """(Re)build the search index from the tables; returns the number of rows indexed.

    All entities are re-indexed every time (they are few and their aliases
    change as documents arrive); documents only those in `document_ids`, or
    all when it is None. No-op (0) where the trigram index is unavailable.
    The caller commits.
    """
    if not has_trigram(session):
        return 0
    session.execute(
        text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX_TABLE} "
            "USING fts5(kind UNINDEXED, ref_id UNINDEXED, title, body, tokenize='trigram')"
        )
    )
    session.execute(text(f"DELETE FROM {INDEX_TABLE} WHERE kind = :k"), {"k": KIND_ENTITY})
    rows = [
        {"k": KIND_ENTITY, "id": i, "t": fold_query(name), "b": " ".join(aliases)}
        for i, name, aliases in _entity_texts(session)
    ]
    docs = select(Document.id, Document.title, Document.name, Document.norm)
    if document_ids is None:
        session.execute(text(f"DELETE FROM {INDEX_TABLE} WHERE kind = :k"), {"k": KIND_DOCUMENT})
    else:
        docs = docs.where(Document.id.in_(document_ids))
        session.execute(
            text(f"DELETE FROM {INDEX_TABLE} WHERE kind = :k AND ref_id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"k": KIND_DOCUMENT, "ids": list(document_ids)},
        )
    rows += [
        {"k": KIND_DOCUMENT, "id": i, "t": fold_query(title or name), "b": norm}
        for i, title, name, norm in session.execute(docs)
    ]
    if rows:
        session.execute(
            text(f"INSERT INTO {INDEX_TABLE} (kind, ref_id, title, body) VALUES (:k, :id, :t, :b)"), rows
        )
    log.info("search index: %d rows indexed", len(rows))
    return len(rows)


def index_documents(store, document_ids: list[int]) -> int:
    """Bring the index up to date after an ingest wrote `document_ids` (all rows if it has no index yet)."""
    with store.transaction() as session:
        if not has_trigram(session):
            return 0
        return rebuild_search_index(session, document_ids if index_exists(session) else None)


def _entity_texts(session: Session):
    aliases: dict[int, list[str]] = {}
    for entity_id, norm in session.execute(select(Alias.entity_id, Alias.norm)):
        aliases.setdefault(entity_id, []).append(norm)
    for entity_id, name in session.execute(select(Entity.id, Entity.name)):
        yield entity_id, name, aliases.get(entity_id, [])


def ensure_search_index(session: Session) -> None:
    """Build the index when this SQLite database has none, or rebuild it when rows are missing from it.

    An ingest that did not refresh the index leaves it behind the tables;
    counting both is cheap next to a rebuild and keeps search complete.
    """
    if not has_trigram(session):
        return
    if index_exists(session) and index_is_current(session):
        return
    rebuild_search_index(session)
    session.commit()


def index_is_current(session: Session) -> bool:
    indexed = dict(session.execute(text(f"SELECT kind, count(*) FROM {INDEX_TABLE} GROUP BY kind")).all())
    documents = session.scalar(select(func.count(Document.id))) or 0
    entities = session.scalar(select(func.count(Entity.id))) or 0
    return indexed.get(KIND_DOCUMENT, 0) == documents and indexed.get(KIND_ENTITY, 0) == entities


# -- searching ------------------------------------------------------------------------


def search(
    session: Session,
    q: str,
    type: str | None = None,
    region: int | None = None,
    year: int | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> dict:
    """Entities and documents matching every term of `q`, with facets by type, region and year.

    Entities come first (they are few and what people look for), then
    documents. Type and region filter (and facet) the entities; year the
    documents.
    """
    limit, offset = clamp_page(limit, offset)
    folded = fold_query(q)
    terms = query_terms(folded)
    if not terms:
        return _result(q, folded, [], [], {"type": {}, "region": {}, "year": {}}, limit, offset)
    entities, documents = find_matches(session, terms)
    facets = {
        "type": _count(e[1] for e in entities),
        "region": _region_facet(session, entities),
        "year": _count(str(d[1].year) for d in documents if d[1]),
    }
    if type:
        entities = [e for e in entities if e[1] == type]
    if region is not None:
        entities = [e for e in entities if e[2] == region]
    if year is not None:
        documents = [d for d in documents if d[1] and d[1].year == year]
    return _result(q, folded, entities, documents, facets, limit, offset, session, terms)


def _result(q, folded, entities, documents, facets, limit, offset, session=None, terms=()) -> dict:
    hits = [(KIND_ENTITY, e[0]) for e in entities] + [(KIND_DOCUMENT, d[0]) for d in documents]
    page = hits[offset : offset + limit]
    items = _load_items(session, page, terms) if page else []
    return {
        "query": q,
        "folded": folded,
        "items": items,
        "total": len(hits),
        "entity_total": len(entities),
        "document_total": len(documents),
        "limit": limit,
        "offset": offset,
        "facets": facets,
    }


def find_matches(session: Session, terms: list[str]) -> tuple[list[tuple], list[tuple]]:
    """(id, type, region_id) of matching entities and (id, published) of matching documents."""
    if index_exists(session) and all(len(t) >= TRIGRAM_MIN_CHARS for t in terms):
        return _match_index(session, terms)
    return _match_like(session, terms)


def _match_index(session: Session, terms: list[str]) -> tuple[list[tuple], list[tuple]]:
    expression = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
    rows = session.execute(
        text(
            f"SELECT s.kind, s.ref_id, e.type, e.region_id, d.published FROM {INDEX_TABLE} s "
            "LEFT JOIN entities e ON s.kind = 'e' AND e.id = s.ref_id "
            "LEFT JOIN documents d ON s.kind = 'd' AND d.id = s.ref_id "
            f"WHERE {INDEX_TABLE} MATCH :m ORDER BY s.kind DESC, rank"
        ),
        {"m": expression},
    ).all()
    entities = [(r[1], r[2], r[3]) for r in rows if r[0] == KIND_ENTITY and r[2] is not None]
    documents = [(r[1], _as_date(r[4])) for r in rows if r[0] == KIND_DOCUMENT]
    return entities, documents


def _as_date(value):
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _match_like(session: Session, terms: list[str]) -> tuple[list[tuple], list[tuple]]:
    def like(column, term):
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return column.ilike(pattern, escape="\\")

    by_alias = select(Alias.entity_id)
    for t in terms:
        by_alias = by_alias.where(like(Alias.norm, t))
    entity_stmt = (
        select(Entity.id, Entity.type, Entity.region_id)
        .where(or_(Entity.id.in_(by_alias), *[_all(like(Entity.name, t) for t in terms)]))
        .order_by(func.length(Entity.name), Entity.id)
    )
    doc_stmt = (
        select(Document.id, Document.published)
        .where(*[or_(like(Document.norm, t), like(Document.title, t)) for t in terms])
        .order_by(Document.published.desc().nulls_last(), Document.id.desc())
    )
    entities = [tuple(r) for r in session.execute(entity_stmt)]
    documents = [(r[0], _as_date(r[1])) for r in session.execute(doc_stmt)]
    return entities, documents


def _all(clauses):
    return and_(*list(clauses))


def _count(values) -> dict:
    return dict(Counter(v for v in values if v is not None).most_common(FACET_LIMIT))


def _region_facet(session: Session, entities: list[tuple]) -> dict:
    counts = Counter(e[2] for e in entities if e[2] is not None).most_common(FACET_LIMIT)
    if not counts:
        return {}
    names = dict(
        session.execute(select(Entity.id, Entity.name).where(Entity.id.in_([c[0] for c in counts]))).all()
    )
    return {
        str(region_id): {"id": region_id, "name": names.get(region_id), "count": n} for region_id, n in counts
    }


def _load_items(session: Session, page: list[tuple[str, int]], terms) -> list[dict]:
    entity_ids = [i for k, i in page if k == KIND_ENTITY]
    doc_ids = [i for k, i in page if k == KIND_DOCUMENT]
    entities = (
        {e.id: e for e in session.scalars(select(Entity).where(Entity.id.in_(entity_ids)))}
        if entity_ids
        else {}
    )
    docs = (
        {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(doc_ids)))}
        if doc_ids
        else {}
    )
    items = []
    for kind, ref in page:
        if kind == KIND_ENTITY and ref in entities:
            items.append({"kind": "entity", **entity_ref(entities[ref])})
        elif kind == KIND_DOCUMENT and ref in docs:
            items.append(
                {"kind": "document", **document_ref(docs[ref]), "snippet": make_snippet(docs[ref], terms)}
            )
    return items


def make_snippet(doc: Document, terms) -> dict | None:
    """Original text around the first hit: {"before", "match", "after"} (the page escapes each piece)."""
    norm = doc.norm or ""
    lowered = norm.lower()
    for term in terms:
        at = lowered.find(term)
        if at < 0:
            continue
        span = original_span(doc.norm_to_original or [], at, at + len(term))
        if span["original_start"] is None:
            return {
                "before": norm[max(0, at - SNIPPET_CONTEXT) : at],
                "match": norm[at : at + len(term)],
                "after": norm[at + len(term) : at + len(term) + SNIPPET_CONTEXT],
            }
        a, b = span["original_start"], span["original_end"]
        text_ = doc.original
        return {
            "before": _one_line(text_[max(0, a - SNIPPET_CONTEXT) : a]),
            "match": text_[a:b],
            "after": _one_line(text_[b : b + SNIPPET_CONTEXT]),
        }
    return None


def _one_line(s: str) -> str:
    return " ".join(s.split())
