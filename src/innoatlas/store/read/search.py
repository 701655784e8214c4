"""Chinese-aware full-text search over documents, entity names and aliases.

SQLite's default FTS tokenizer does not segment Chinese, so the index is
an FTS5 table with the trigram tokenizer (SQLite >= 3.34): any substring of
three or more characters is found through the index (两江新 finds
两江新区). A term of one or two characters is expanded, through the
index's vocabulary, into the trigrams that start with it (两江 -> 两江新,
两江协, ...); every indexed text ends with SENTINEL so that even a term at
the very end has such a trigram. Other databases (PostgreSQL) use ILIKE
over the tables, and for a term of one or two characters an index of each
text's characters and character pairs (store/search_index.py). Queries are folded like Document.norm (NFKC,
traditional -> simplified) so 協同創新 finds 协同创新.

Rows are keyed by rowid alone (ref_id * 2, + 1 for an entity), so a
search reads only the index, never the stored texts; documents come back
newest first, entities shortest name first, on both paths.

The index itself is the store's (innoatlas.store.search_index): derived
data that the ingest keeps current; this module only reads it.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date

from sqlalchemy import Select, and_, bindparam, func, or_, select, text, union
from sqlalchemy.orm import Session

from innoatlas.store.read.common import (
    COUNT_CAP,
    cached_aggregate,
    clamp_page,
    entity_ref,
    list_page,
    load_document_refs,
    newest_first,
)
from innoatlas.store.read.coverage import search_coverage
from innoatlas.store.read.documents import original_span
from innoatlas.store.read.search_common import CommonPage, common_page
from innoatlas.store.schema import Alias, Document, Entity
from innoatlas.store.search_index import (
    GRAMS_MAX_CHARS,
    INDEX_TABLE,
    VOCAB_TABLE,
    fold_query,
    gram_index_pays,
    index_exists,
    text_contains,
)
from innoatlas.store.window import kept_in_window, window_of

log = logging.getLogger(__name__)

# Trigrams match only terms of at least three characters; shorter ones are expanded.
TRIGRAM_MIN_CHARS = 3
# A short term that starts more trigrams than this (a single common
# character) is searched with LIKE instead: an OR of thousands of terms is slower.
MAX_EXPANSION = 300
# Characters of context each side of the first hit in a document snippet.
SNIPPET_CONTEXT = 40
FACET_LIMIT = 20
KIND_ENTITY, KIND_DOCUMENT = "e", "d"


def query_terms(folded: str) -> list[str]:
    return [t for t in folded.split() if t]


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
    common = common_page(
        session, terms, type, region, year, limit, offset, lambda e, d: find_matches(session, terms, e, d)
    )
    if common is not None:
        return _common_result(session, q, folded, terms, common, limit, offset)
    entities, documents, exact = find_matches(session, terms)
    documents = in_window(session, documents)
    facets = {
        "type": _count(e[1] for e in entities),
        "region": _region_facet(session, entities),
        "year": _count(str(d[1]) for d in documents if d[1]),
    }
    if type:
        entities = [e for e in entities if e[1] == type]
    if region is not None:
        entities = [e for e in entities if e[2] == region]
    if year is not None:
        documents = [d for d in documents if d[1] == year]
    return {
        **_result(q, folded, entities, documents, facets, limit, offset, session, terms),
        "total_exact": exact,
        "total_is_estimate": False,
    }


def _common_result(session: Session, q, folded, terms, page: CommonPage, limit, offset) -> dict:
    """A common term's page (search_common): its totals and facets are estimates unless the list ended."""
    hits = [(KIND_ENTITY, e[0]) for e in page.entities] + [(KIND_DOCUMENT, d[0]) for d in page.documents]
    counts = page.facets
    facets = {
        "type": dict(counts["type"].most_common(FACET_LIMIT)),
        "region": _region_names(session, counts["region"].most_common(FACET_LIMIT)),
        "year": {str(y): n for y, n in counts["year"].most_common(FACET_LIMIT)},
    }
    return list_page(
        _load_items(session, hits, terms) if hits else [],
        page.entity_total + page.document_total,
        limit,
        offset,
        query=q,
        folded=folded,
        entity_total=page.entity_total,
        document_total=page.document_total,
        facets=facets,
        total_exact=not page.estimated,
        total_is_estimate=page.estimated,
    )


def _result(q, folded, entities, documents, facets, limit, offset, session=None, terms=()) -> dict:
    hits = [(KIND_ENTITY, e[0]) for e in entities] + [(KIND_DOCUMENT, d[0]) for d in documents]
    page = hits[offset : offset + limit]
    items = _load_items(session, page, terms) if page else []
    return list_page(
        items,
        len(hits),
        limit,
        offset,
        query=q,
        folded=folded,
        entity_total=len(entities),
        document_total=len(documents),
        facets=facets,
    )


def in_window(session: Session, documents: list[tuple]) -> list[tuple]:
    """The matching documents the session's date window keeps (the index is read as raw SQL)."""
    if window_of(session) is None:
        return documents
    kept = kept_in_window(session, [d[0] for d in documents])
    return [d for d in documents if d[0] in kept]


def coverage(session: Session, q: str) -> dict:
    """A search's matches over time: documents and mentions per month, documents per outlet.

    It counts every match and their entities' mentions (100 ms for a term in 1,000 of
    100,000 documents), and the search page asks for it again with each of its pages:
    kept per data version, as the lists' facets are.
    """
    terms = query_terms(fold_query(q))
    if not terms:
        return {"query": q, **search_coverage(session, [], [])}
    return {
        "query": q,
        **cached_aggregate(session, "search_coverage:" + " ".join(terms), lambda s: _coverage(s, terms)),
    }


def _coverage(session: Session, terms: list[str]) -> dict:
    entities, documents, _ = find_matches(session, terms)
    documents = in_window(session, documents)
    return search_coverage(session, [d[0] for d in documents], [e[0] for e in entities])


def find_matches(
    session: Session, terms: list[str], entities: bool = True, documents: bool = True
) -> tuple[list[tuple], list[tuple], bool]:
    """(id, type, region_id) of matching entities, (id, year published) of matching documents, and
    whether those are all of them. `entities`, `documents`: look for those (else [] of them).

    The LIKE path (PostgreSQL) stops past COUNT_CAP documents: the total then
    says "at least" (total_exact false), as the lists' totals do.
    """
    if index_exists(session):
        found = _match_index(session, terms, entities, documents)
        if found is not None:
            return (*found, True)
    found_entities, found_documents = _match_like(session, terms, entities, documents)
    return found_entities, found_documents[:COUNT_CAP], len(found_documents) <= COUNT_CAP


def _match_index(
    session: Session, terms: list[str], entities: bool = True, documents: bool = True
) -> tuple[list[tuple], list[tuple]] | None:
    """Matches through the trigram index, or None when a term is too short and common to expand."""
    groups = []
    for term in terms:
        grams = [term] if len(term) >= TRIGRAM_MIN_CHARS else _expand(session, term)
        if grams is None:
            return None
        if not grams:
            return [], []
        groups.append("(" + " OR ".join('"' + g.replace('"', '""') + '"' for g in grams) + ")")
    match = {"m": " AND ".join(groups)}
    matched = f"SELECT rowid / 2 FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :m AND rowid % 2 = "
    found_entities = (
        session.execute(
            text(
                f"SELECT id, type, region_id FROM entities WHERE id IN ({matched} 1) ORDER BY length(name), id"
            ),
            match,
        )
        if entities
        else []
    )
    found_documents = (
        session.execute(
            # Newest first straight off the published index, which holds the dates too.
            text(
                "SELECT id, CAST(strftime('%Y', published) AS INTEGER) FROM documents "
                f"INDEXED BY ix_documents_published WHERE id IN ({matched} 0) ORDER BY published DESC, id DESC"
            ),
            match,
        )
        if documents
        else []
    )
    return [tuple(e) for e in found_entities], [tuple(d) for d in found_documents]


def _expand(session: Session, term: str) -> list[str] | None:
    """The indexed trigrams that start with a one- or two-character term (None: too many)."""
    rows = (
        session.execute(
            text(f"SELECT term FROM {VOCAB_TABLE} WHERE term >= :low AND term < :high LIMIT :n"),
            {"low": term, "high": term + "\U0010ffff", "n": MAX_EXPANSION + 1},
        )
        .scalars()
        .all()
    )
    return None if len(rows) > MAX_EXPANSION else list(rows)


def _as_date(value):
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _match_like(
    session: Session, terms: list[str], entities: bool = True, documents: bool = True
) -> tuple[list[tuple], list[tuple]]:
    dialect = session.get_bind().dialect.name

    def like(column, term):
        return text_contains(dialect, column, term)

    by_alias = select(Alias.entity_id)
    for t in terms:
        by_alias = by_alias.where(like(Alias.norm, t))
    by_name = select(Entity.id).where(*[like(Entity.name, t) for t in terms])
    entity_stmt = (
        select(Entity.id, Entity.type, Entity.region_id)
        # A union, not an OR: each side is then a trigram index scan on PostgreSQL.
        .where(Entity.id.in_(union(by_alias, by_name)))
        .order_by(func.length(Entity.name), Entity.id)
    )
    found = [tuple(r) for r in session.execute(entity_stmt)] if entities else []
    if not documents:
        return found, []
    stmt = _documents_like(session, terms, grams=True)
    if dialect == "postgresql" and any(len(t) <= GRAMS_MAX_CHARS for t in terms):
        if not gram_index_pays(session, stmt, COUNT_CAP + 1):
            # A common short term: reading newest first stops early, with the cheap ILIKE.
            stmt = _documents_like(session, terms, grams=False)
    return found, [(r[0], _as_date(r[1]).year if r[1] else None) for r in session.execute(stmt)]


def _documents_like(session: Session, terms: list[str], grams: bool) -> Select:
    dialect = session.get_bind().dialect.name

    def like(column, term):
        return text_contains(dialect, column, term, grams)

    return (
        select(Document.id, Document.published)
        .where(*[or_(like(Document.norm, t), like(Document.title, t)) for t in terms])
        .order_by(*newest_first(session))
        # Newest first off the published index, stopping past the cap: a common
        # term in 100,000 documents would otherwise match and sort tens of thousands.
        .limit(COUNT_CAP + 1)
    )


def _all(clauses):
    return and_(*list(clauses))


def _count(values) -> dict:
    return dict(Counter(v for v in values if v is not None).most_common(FACET_LIMIT))


def _region_facet(session: Session, entities: list[tuple]) -> dict:
    return _region_names(
        session, Counter(e[2] for e in entities if e[2] is not None).most_common(FACET_LIMIT)
    )


def _region_names(session: Session, counts: list[tuple[int, int]]) -> dict:
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
    refs = load_document_refs(session, doc_ids)
    snippets = _snippets(session, doc_ids, terms) if doc_ids else {}
    items = []
    for kind, ref in page:
        if kind == KIND_ENTITY and ref in entities:
            items.append({"kind": "entity", **entity_ref(entities[ref])})
        elif kind == KIND_DOCUMENT and ref in refs:
            items.append({"kind": "document", **refs[ref], "snippet": snippets.get(ref)})
    return items


def _snippets(session: Session, doc_ids: list[int], terms) -> dict[int, dict | None]:
    if session.get_bind().dialect.name == "sqlite":
        return _snippets_in_sqlite(session, doc_ids, terms)
    columns = (Document.id, Document.norm, Document.original, Document.norm_to_original)
    return {
        d.id: make_snippet(d, terms)
        for d in session.execute(select(*columns).where(Document.id.in_(doc_ids)))
    }


# Where the first hit of :t is, in the norm text and through the offset map in
# the original. The texts and their offset maps (tens of kB a document) stay
# in the database: only the ~100 characters shown come back.
_SNIPPET_SQL = """
WITH hit AS (
  SELECT id, instr(lower(norm), :t) - 1 AS at FROM documents WHERE id IN :ids
), span AS (
  SELECT d.id, hit.at,
         json_extract(d.norm_to_original, '$[' || hit.at || ']') AS a,
         json_extract(d.norm_to_original, '$[' || (hit.at + :n - 1) || ']') + 1 AS b
  FROM hit JOIN documents d ON d.id = hit.id WHERE hit.at >= 0
)
SELECT span.id, span.a IS NOT NULL AND span.b IS NOT NULL AS mapped,
       CASE WHEN span.a IS NOT NULL AND span.b IS NOT NULL THEN
         substr(d.original, max(span.a - :c, 0) + 1, span.a - max(span.a - :c, 0)) ELSE
         substr(d.norm, max(span.at - :c, 0) + 1, span.at - max(span.at - :c, 0)) END,
       CASE WHEN span.a IS NOT NULL AND span.b IS NOT NULL THEN substr(d.original, span.a + 1, span.b - span.a)
         ELSE substr(d.norm, span.at + 1, :n) END,
       CASE WHEN span.a IS NOT NULL AND span.b IS NOT NULL THEN substr(d.original, span.b + 1, :c)
         ELSE substr(d.norm, span.at + :n + 1, :c) END
FROM span JOIN documents d ON d.id = span.id
"""


def _snippets_in_sqlite(session: Session, doc_ids: list[int], terms) -> dict[int, dict | None]:
    """What make_snippet returns, cut inside SQLite."""
    found: dict[int, dict | None] = {i: None for i in doc_ids}
    query = text(_SNIPPET_SQL).bindparams(bindparam("ids", expanding=True))
    for term in terms:
        missing = [i for i, snippet in found.items() if snippet is None]
        if not missing:
            break
        params = {"t": term, "n": len(term), "c": SNIPPET_CONTEXT, "ids": missing}
        for doc_id, mapped, before, match, after in session.execute(query, params):
            clean = _one_line if mapped else str
            found[doc_id] = {"before": clean(before or ""), "match": match or "", "after": clean(after or "")}
    return found


def make_snippet(doc, terms) -> dict | None:
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
