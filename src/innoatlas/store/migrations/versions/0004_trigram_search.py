"""PostgreSQL: trigram (pg_trgm) indexes for Chinese search with LIKE.

PostgreSQL has no Chinese text-search parser, and LIKE '%两江新区%' over
100,000 documents reads them all. pg_trgm's GIN indexes serve LIKE and
ILIKE for terms of three or more characters (CJK characters count as word
characters under a UTF-8 locale). SQLite searches its FTS5 trigram table
(store/search_index.py) and gets nothing here. Where the extension cannot
be created (no privilege), search keeps working, unindexed, with a warning.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

from innoatlas.store.migrate import create_gin_indexes, drop_indexes

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

log = logging.getLogger("innoatlas.store.migrations")

INDEXES = [
    ("ix_documents_norm_trgm", "documents", "norm"),
    ("ix_documents_title_trgm", "documents", "title"),
    ("ix_entities_name_trgm", "entities", "name"),
    ("ix_aliases_norm_trgm", "aliases", "norm"),
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():  # a refusal must not abort the migration's transaction
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError as e:
        log.warning("pg_trgm unavailable (%s): search runs without a trigram index", str(e.orig).strip())
        return
    create_gin_indexes(bind, INDEXES, "{column} gin_trgm_ops")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    drop_indexes(bind, [name for name, _table, _column in INDEXES])
