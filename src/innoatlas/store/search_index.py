"""The full-text search index of the knowledge base: derived data the store keeps current.

SQLite's default FTS tokenizer does not segment Chinese, so the index is an
FTS5 table with the trigram tokenizer (SQLite >= 3.34). Rows are keyed by
rowid alone (ref_id * 2, + 1 for an entity). Texts are folded like
Document.norm (NFKC, traditional -> simplified, lower case). A document's
rows are written in the transaction that writes the document
(`index_written_document`), so the index cannot fall behind;
`catch_up_search_index` builds it when it is missing and adds what an older
writer left out. Searching it is the web layer's
job (innoatlas.store.read.search). Other databases have no such table and are
searched with LIKE (`text_contains`): on PostgreSQL, terms of three or more
characters through pg_trgm's indexes (migration 0004), shorter ones through
the index of each text's characters and character pairs (migration 0006).
"""

from __future__ import annotations

import logging
import re
import sqlite3
import unicodedata
from functools import lru_cache

from sqlalchemy import Text, bindparam, cast, func, select, text
from sqlalchemy.dialects.postgresql import ARRAY, array
from sqlalchemy.orm import Session

from innoatlas.store.schema import Alias, Document, Entity

log = logging.getLogger(__name__)

# The layout of the index is in its name: a database with an older layout
# (LEGACY_TABLES) gets a rebuilt index on first use.
INDEX_TABLE = "search_text"
VOCAB_TABLE = "search_text_vocab"
LEGACY_TABLES = ("search_index",)
# The trigram tokenizer needs SQLite 3.34; older SQLite uses the LIKE path.
TRIGRAM_MIN_SQLITE = (3, 34, 0)
# Appended to every indexed text: a short term at its very end still starts a trigram.
SENTINEL = "\n\n"
MAX_QUERY_CHARS = 200
# Document texts read and indexed per statement while (re)building.
DOCUMENTS_PER_INSERT = 50
# Terms up to this long hold no trigram; PostgreSQL finds them through the
# index of search_grams (characters and character pairs, migration 0006).
GRAMS_MAX_CHARS = 2


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s.json")


def fold_query(query: str) -> str:
    """NFKC then traditional -> simplified, lower case: the form Document.norm is stored in."""
    query = _CONTROL.sub("", query or "")  # as in Document.norm; SQLite's MATCH refuses a NUL
    return _converter().convert(unicodedata.normalize("NFKC", query)).strip().lower()[:MAX_QUERY_CHARS]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def text_contains(dialect: str, column, term: str, grams: bool = True):
    """A condition: `column` contains the folded `term`, case-insensitively.

    On PostgreSQL (with `grams`) a term of one or two characters is looked
    up among the text's characters and character pairs, which hold it
    exactly when the text does; otherwise ILIKE (pg_trgm's index serves
    terms of three characters or more).
    """
    if grams and dialect == "postgresql" and len(term) <= GRAMS_MAX_CHARS:
        pairs = func.search_grams(func.lower(column), type_=ARRAY(Text))
        return pairs.op("@>", is_comparison=True)(cast(array([term]), ARRAY(Text)))
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if term.upper() == term.lower():
        # No letter with a case (Chinese, digits): LIKE, without lower-casing every text read.
        return column.like(pattern, escape="\\")
    return column.ilike(pattern, escape="\\")


def gram_index_pays(session: Session, stmt, cap: int) -> bool:
    """Whether the newest `cap` rows of `stmt` (a search over documents with short terms) are
    found faster through the character-pair index than by reading documents newest first.

    The index finds every match, which must then be fetched and sorted
    (cost ~ matches); reading newest first stops after about cap * total /
    matches documents, but pays for search_grams on each. The planner's
    estimate of the matches (the index's statistics) decides: the index
    when matches^2 <= cap * total.
    """
    matches = estimated_rows(session, stmt)
    total = session.scalar(text("SELECT greatest(reltuples, 1) FROM pg_class WHERE relname = 'documents'"))
    return matches * matches <= cap * float(total or 1)


def estimated_rows(session: Session, stmt) -> float:
    """PostgreSQL's estimate of the rows `stmt` finds (under its Limit and Sort), from one EXPLAIN."""
    compiled = stmt.compile(dialect=session.get_bind().dialect)
    plan = session.connection().exec_driver_sql("EXPLAIN (FORMAT JSON) " + str(compiled), compiled.params)
    return _plan_rows(plan.scalar()[0]["Plan"])


def _plan_rows(node: dict) -> float:
    """The estimated rows of the scan under Limit and Sort nodes."""
    while node.get("Node Type") in ("Limit", "Sort", "Incremental Sort") and node.get("Plans"):
        node = node["Plans"][0]
    return float(node.get("Plan Rows", 0))


def has_trigram(session: Session) -> bool:
    if session.get_bind().dialect.name != "sqlite":
        return False
    return tuple(int(p) for p in sqlite3.sqlite_version.split(".")[:3]) >= TRIGRAM_MIN_SQLITE


def index_exists(session: Session) -> bool:
    if not has_trigram(session):
        return False
    return _table_exists(session, INDEX_TABLE)


def _table_exists(session: Session, name: str) -> bool:
    query = text("SELECT 1 FROM sqlite_master WHERE type='table' AND name=:n")
    return session.execute(query, {"n": name}).first() is not None


def entity_rowid(entity_id: int) -> int:
    return entity_id * 2 + 1


def document_rowid(document_id: int) -> int:
    return document_id * 2


def create_index_tables(session: Session) -> None:
    for legacy in LEGACY_TABLES:
        session.execute(text(f"DROP TABLE IF EXISTS {legacy}"))
    session.execute(
        text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX_TABLE} USING fts5(title, body, tokenize='trigram')")
    )
    session.execute(
        text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCAB_TABLE} USING fts5vocab({INDEX_TABLE}, 'row')")
    )


def rebuild_search_index(session: Session) -> int:
    """Build the whole search index from the tables; returns the number of rows indexed.

    No-op (0) where the trigram index is unavailable. The caller commits.
    """
    if not has_trigram(session):
        return 0
    create_index_tables(session)
    session.execute(text(f"DELETE FROM {INDEX_TABLE}"))
    document_ids = session.scalars(select(Document.id)).all()
    entity_ids = session.scalars(select(Entity.id)).all()
    count = index_rows(session, document_ids, entity_ids)
    log.info("search index: %d rows indexed", count)
    return count


def index_rows(session: Session, document_ids, entity_ids) -> int:
    """(Re)write the index rows of these documents and entities; returns how many were written."""
    document_ids, entity_ids = list(document_ids), list(entity_ids)
    rowids = [document_rowid(i) for i in document_ids] + [entity_rowid(i) for i in entity_ids]
    for chunk in chunks(rowids):
        delete = text(f"DELETE FROM {INDEX_TABLE} WHERE rowid IN :ids")
        session.execute(delete.bindparams(bindparam("ids", expanding=True)), {"ids": chunk})
    written = 0
    for chunk in chunks(entity_ids):
        rows = [
            {"id": entity_rowid(i), "t": fold_query(name) + SENTINEL, "b": " ".join(aliases) + SENTINEL}
            for i, name, aliases in _entity_texts(session, chunk)
        ]
        written += _insert(session, rows)
    for chunk in chunks(document_ids, DOCUMENTS_PER_INSERT):  # a few texts in memory at a time
        docs = select(Document.id, Document.title, Document.name, Document.norm).where(Document.id.in_(chunk))
        rows = [
            {
                "id": document_rowid(i),
                "t": fold_query(title or name) + SENTINEL,
                "b": (norm or "").lower() + SENTINEL,
            }
            for i, title, name, norm in session.execute(docs)
        ]
        written += _insert(session, rows)
    return written


def _insert(session: Session, rows: list[dict]) -> int:
    if rows:
        session.execute(text(f"INSERT INTO {INDEX_TABLE} (rowid, title, body) VALUES (:id, :t, :b)"), rows)
    return len(rows)


def chunks(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def index_written_document(session: Session, document_id: int, entity_ids) -> None:
    """Index a document and its entities inside the transaction that writes them.

    The index then never falls behind the tables: a crash loses the
    document and its index rows together. A database without an index yet
    gets the whole index built here.
    """
    if not has_trigram(session):
        return
    if not index_exists(session):
        rebuild_search_index(session)
        return
    index_rows(session, [document_id], entity_ids)


def catch_up_search_index(session: Session, all_entities: bool = False) -> int:
    """Index what is missing from the index and drop rows of what is gone; returns rows written.

    A database written by an older version, or by a process without the
    trigram tokenizer, can be behind its tables; the ingest (on taking its
    lock) and the server (on start) call this. `all_entities` rewrites every
    entity's row, as a review may have renamed or merged entities (they are
    few). The caller commits.
    """
    if not has_trigram(session):
        return 0
    if not index_exists(session):
        return rebuild_search_index(session)
    written = 0
    for parity, table, rowid in ((0, "documents", document_rowid), (1, "entities", entity_rowid)):
        indexed = {
            r for (r,) in session.execute(text(f"SELECT rowid FROM {INDEX_TABLE} WHERE rowid % 2 = {parity}"))
        }
        stored = session.scalars(text(f"SELECT id FROM {table}")).all()
        missing = [i for i in stored if rowid(i) not in indexed or (parity == 1 and all_entities)]
        gone = list(indexed - {rowid(i) for i in stored})
        for chunk in chunks(gone):
            delete = text(f"DELETE FROM {INDEX_TABLE} WHERE rowid IN :ids")
            session.execute(delete.bindparams(bindparam("ids", expanding=True)), {"ids": chunk})
        written += index_rows(session, missing if parity == 0 else [], missing if parity == 1 else [])
    if written:
        log.info("search index: %d missing rows indexed", written)
    return written


def _entity_texts(session: Session, entity_ids: list[int]):
    aliases: dict[int, list[str]] = {}
    query = select(Alias.entity_id, Alias.norm).where(Alias.entity_id.in_(entity_ids))
    for entity_id, norm in session.execute(query):
        aliases.setdefault(entity_id, []).append(norm)
    for entity_id, name in session.execute(select(Entity.id, Entity.name).where(Entity.id.in_(entity_ids))):
        yield entity_id, name, aliases.get(entity_id, [])


def ensure_search_index(session: Session) -> None:
    """Build the index when this SQLite database has none, or add what is missing from it."""
    if catch_up_search_index(session):
        session.commit()
