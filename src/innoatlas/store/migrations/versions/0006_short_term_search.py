"""PostgreSQL: an index of characters and character pairs, for one- and two-character searches.

A trigram index cannot serve LIKE '%两江%': the term holds no trigram, so
PostgreSQL read every document (1.3-2 s on 100,000). Chinese words are
mostly one or two characters, so short searches are common. GIN indexes
over each text's characters and adjacent pairs (search_grams, an
IMMUTABLE SQL function of built-in regular-expression and array
functions: about 0.15 ms for a 300-character text) answer them with
`search_grams(lower(norm)) @> ARRAY['两江']`, which holds exactly when
the lower-cased text contains the term (store/search_index.py).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from innoatlas.store.migrate import create_gin_indexes, drop_indexes

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Pairs at even offsets, pairs at odd offsets, then single characters.
FUNCTION = r"""
CREATE OR REPLACE FUNCTION search_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array(SELECT m[1] FROM regexp_matches(t, '(..)', 'g') AS m)
      || array(SELECT m[1] FROM regexp_matches(substr(t, 2), '(..)', 'g') AS m)
      || string_to_array(t, NULL)
$$
"""

INDEXES = [
    ("ix_documents_norm_grams", "documents", "norm"),
    ("ix_documents_title_grams", "documents", "title"),
    ("ix_entities_name_grams", "entities", "name"),
    ("ix_aliases_norm_grams", "aliases", "norm"),
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    bind.execute(sa.text(FUNCTION))
    create_gin_indexes(bind, INDEXES, "search_grams(lower({column}))")
    # The search asks the planner how many texts hold a short term (search_index.gram_index_pays):
    # an index on an expression has no statistics until the table is analysed, and a base that
    # is only read is never analysed by autovacuum.
    for table in sorted({table for _name, table, _column in INDEXES}):
        bind.execute(sa.text(f"ANALYZE {table}"))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    drop_indexes(bind, [name for name, _table, _column in INDEXES])
    bind.execute(sa.text("DROP FUNCTION IF EXISTS search_grams(text)"))
