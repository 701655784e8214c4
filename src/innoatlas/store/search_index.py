"""The full-text search index of the knowledge base: derived data the store keeps current.

SQLite's default FTS tokenizer does not segment Chinese, so the index is an
FTS5 table with the trigram tokenizer (SQLite >= 3.34). Rows are keyed by
rowid alone (ref_id * 2, + 1 for an entity). Texts are folded like
Document.norm (NFKC, traditional -> simplified, lower case). The ingest
refreshes the rows of the documents it wrote; `ensure_search_index` builds
the index when it is missing or behind. Searching it is the web layer's
job (innoatlas.web.search). Other databases have no index and are searched
with LIKE.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import unicodedata
from functools import lru_cache

from sqlalchemy import bindparam, func, select, text
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


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s.json")


def fold_query(query: str) -> str:
    """NFKC then traditional -> simplified, lower case: the form Document.norm is stored in."""
    query = _CONTROL.sub("", query or "")  # as in Document.norm; SQLite's MATCH refuses a NUL
    return _converter().convert(unicodedata.normalize("NFKC", query)).strip().lower()[:MAX_QUERY_CHARS]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


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


def rebuild_search_index(session: Session, document_ids: list[int] | None = None) -> int:
    """(Re)build the search index from the tables; returns the number of rows indexed.

    All entities are re-indexed every time (they are few and their aliases
    change as documents arrive); documents only those in `document_ids`, or
    all when it is None. No-op (0) where the trigram index is unavailable.
    The caller commits.
    """
    if not has_trigram(session):
        return 0
    for legacy in LEGACY_TABLES:
        session.execute(text(f"DROP TABLE IF EXISTS {legacy}"))
    session.execute(
        text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX_TABLE} USING fts5(title, body, tokenize='trigram')")
    )
    session.execute(
        text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCAB_TABLE} USING fts5vocab({INDEX_TABLE}, 'row')")
    )
    session.execute(text(f"DELETE FROM {INDEX_TABLE} WHERE rowid % 2 = 1"))
    rows = [
        {"id": entity_rowid(i), "t": fold_query(name) + SENTINEL, "b": " ".join(aliases) + SENTINEL}
        for i, name, aliases in _entity_texts(session)
    ]
    docs = select(Document.id, Document.title, Document.name, Document.norm)
    if document_ids is None:
        session.execute(text(f"DELETE FROM {INDEX_TABLE} WHERE rowid % 2 = 0"))
    else:
        docs = docs.where(Document.id.in_(document_ids))
        session.execute(
            text(f"DELETE FROM {INDEX_TABLE} WHERE rowid IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": [document_rowid(i) for i in document_ids]},
        )
    rows += [
        {
            "id": document_rowid(i),
            "t": fold_query(title or name) + SENTINEL,
            "b": (norm or "").lower() + SENTINEL,
        }
        for i, title, name, norm in session.execute(docs)
    ]
    if rows:
        session.execute(text(f"INSERT INTO {INDEX_TABLE} (rowid, title, body) VALUES (:id, :t, :b)"), rows)
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
    indexed = dict(session.execute(text(f"SELECT rowid % 2, count(*) FROM {INDEX_TABLE} GROUP BY 1")).all())
    documents = session.scalar(select(func.count()).select_from(Document)) or 0
    entities = session.scalar(select(func.count()).select_from(Entity)) or 0
    return indexed.get(0, 0) == documents and indexed.get(1, 0) == entities
