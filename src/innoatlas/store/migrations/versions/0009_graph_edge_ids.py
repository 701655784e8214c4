"""PostgreSQL: the graph's edge indexes carry the relation id, so a walk reads no table rows.

A graph walk reads each node's relations in edge order (subject or object,
predicate, other end) and keeps the latest row of each edge as evidence
(store/queries.py, _edge_counts). SQLite's indexes hold the row id
already; PostgreSQL's need it as an included column, or every relation of
a hub (10,000 around an industry of 100,000 documents) is a table read.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_relation_subject_edge_id_pg", "subject_id, predicate, object_id"),
    ("ix_relation_object_edge_id_pg", "object_id, predicate, subject_id"),
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for name, columns in INDEXES:
            bind.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {name} ON relations ({columns}) INCLUDE (id)"))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for name, _columns in INDEXES:
            bind.execute(sa.text(f"DROP INDEX IF EXISTS {name}"))
