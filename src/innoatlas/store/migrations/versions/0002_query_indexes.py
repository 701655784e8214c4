"""Composite indexes for entity pages and graph walks.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_mention_entity_document", "mentions", ["entity_id", "document_id"]),
    ("ix_mention_document_entity", "mentions", ["document_id", "entity_id"]),
    ("ix_relation_subject_edge", "relations", ["subject_id", "predicate", "object_id"]),
    ("ix_relation_object_edge", "relations", ["object_id", "predicate", "subject_id"]),
    ("ix_indicator_subject_document", "indicators", ["subject_id", "document_id", "start"]),
    ("ix_indicator_metric_document", "indicators", ["metric_key", "document_id", "start"]),
    ("ix_indicator_subject_metric", "indicators", ["subject_id", "metric_key", "metric"]),
    ("ix_indicator_series_documents", "indicators", ["subject_id", "metric_key", "period", "document_id"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
