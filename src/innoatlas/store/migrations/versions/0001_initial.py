"""Initial schema: documents, entities, aliases, mentions, indicators, relations.

Revision ID: 0001
Revises:
Create Date: 2026-12-02 07:57:33.862372
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=1000), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("encoding", sa.String(length=40), nullable=True),
        sa.Column("url", sa.String(length=1000), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=200), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("published_precision", sa.String(length=10), nullable=False),
        sa.Column("script", sa.String(length=4), nullable=False),
        sa.Column("original", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("norm", sa.Text(), nullable=False),
        sa.Column("norm_to_original", sa.JSON(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("duplicate_of_id", sa.Integer(), nullable=True),
        sa.Column("duplicate_kind", sa.String(length=10), nullable=True),
        sa.Column("ingested_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["duplicate_of_id"],
            ["documents.id"],
            name=op.f("fk_documents_duplicate_of_id_documents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("source", name=op.f("uq_documents_source")),
    )
    op.create_index(op.f("ix_documents_content_hash"), "documents", ["content_hash"], unique=False)
    op.create_index(op.f("ix_documents_duplicate_of_id"), "documents", ["duplicate_of_id"], unique=False)
    op.create_index(op.f("ix_documents_name"), "documents", ["name"], unique=False)
    op.create_index(op.f("ix_documents_outlet"), "documents", ["outlet"], unique=False)
    op.create_index(op.f("ix_documents_published"), "documents", ["published"], unique=False)

    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("region_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["entities.id"], name=op.f("fk_entities_parent_id_entities"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["entities.id"], name=op.f("fk_entities_region_id_entities"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
        sa.UniqueConstraint("key", name="uq_entity_key"),
    )
    op.create_index("ix_entities_name", "entities", ["name"], unique=False)
    op.create_index(op.f("ix_entities_parent_id"), "entities", ["parent_id"], unique=False)
    op.create_index(op.f("ix_entities_region_id"), "entities", ["region_id"], unique=False)
    op.create_index("ix_entity_type_name", "entities", ["type", "name"], unique=False)

    op.create_table(
        "aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("norm", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_aliases_entity_id_entities"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aliases")),
        sa.UniqueConstraint("entity_id", "alias", name="uq_alias"),
    )
    op.create_index(op.f("ix_aliases_alias"), "aliases", ["alias"], unique=False)
    op.create_index(op.f("ix_aliases_entity_id"), "aliases", ["entity_id"], unique=False)
    op.create_index(op.f("ix_aliases_norm"), "aliases", ["norm"], unique=False)

    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("subject_text", sa.String(length=300), nullable=True),
        sa.Column("metric", sa.String(length=300), nullable=False),
        sa.Column("metric_key", sa.String(length=60), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("value_base", sa.Float(), nullable=True),
        sa.Column("base_unit", sa.String(length=40), nullable=False),
        sa.Column("approx", sa.String(length=10), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("period", sa.String(length=30), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_indicators_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["entities.id"],
            name=op.f("fk_indicators_subject_id_entities"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
    )
    op.create_index("ix_indicator_series", "indicators", ["subject_id", "metric_key", "period"], unique=False)
    op.create_index(op.f("ix_indicators_document_id"), "indicators", ["document_id"], unique=False)
    op.create_index(op.f("ix_indicators_metric_key"), "indicators", ["metric_key"], unique=False)
    op.create_index(op.f("ix_indicators_period"), "indicators", ["period"], unique=False)
    op.create_index(op.f("ix_indicators_subject_id"), "indicators", ["subject_id"], unique=False)

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("extractor", sa.String(length=40), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_mentions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_mentions_entity_id_entities"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    op.create_index(op.f("ix_mentions_document_id"), "mentions", ["document_id"], unique=False)
    op.create_index(op.f("ix_mentions_entity_id"), "mentions", ["entity_id"], unique=False)

    op.create_table(
        "relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("predicate", sa.String(length=30), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_relations_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["object_id"], ["entities.id"], name=op.f("fk_relations_object_id_entities"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["entities.id"], name=op.f("fk_relations_subject_id_entities"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relations")),
    )
    op.create_index(op.f("ix_relations_document_id"), "relations", ["document_id"], unique=False)
    op.create_index(op.f("ix_relations_object_id"), "relations", ["object_id"], unique=False)
    op.create_index(op.f("ix_relations_predicate"), "relations", ["predicate"], unique=False)
    op.create_index(op.f("ix_relations_subject_id"), "relations", ["subject_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_relations_subject_id"), table_name="relations")
    op.drop_index(op.f("ix_relations_predicate"), table_name="relations")
    op.drop_index(op.f("ix_relations_object_id"), table_name="relations")
    op.drop_index(op.f("ix_relations_document_id"), table_name="relations")

    op.drop_table("relations")
    op.drop_index(op.f("ix_mentions_entity_id"), table_name="mentions")
    op.drop_index(op.f("ix_mentions_document_id"), table_name="mentions")

    op.drop_table("mentions")
    op.drop_index(op.f("ix_indicators_subject_id"), table_name="indicators")
    op.drop_index(op.f("ix_indicators_period"), table_name="indicators")
    op.drop_index(op.f("ix_indicators_metric_key"), table_name="indicators")
    op.drop_index(op.f("ix_indicators_document_id"), table_name="indicators")
    op.drop_index("ix_indicator_series", table_name="indicators")

    op.drop_table("indicators")
    op.drop_index(op.f("ix_aliases_norm"), table_name="aliases")
    op.drop_index(op.f("ix_aliases_entity_id"), table_name="aliases")
    op.drop_index(op.f("ix_aliases_alias"), table_name="aliases")

    op.drop_table("aliases")
    op.drop_index("ix_entity_type_name", table_name="entities")
    op.drop_index(op.f("ix_entities_region_id"), table_name="entities")
    op.drop_index(op.f("ix_entities_parent_id"), table_name="entities")
    op.drop_index("ix_entities_name", table_name="entities")

    op.drop_table("entities")
    op.drop_index(op.f("ix_documents_published"), table_name="documents")
    op.drop_index(op.f("ix_documents_outlet"), table_name="documents")
    op.drop_index(op.f("ix_documents_name"), table_name="documents")
    op.drop_index(op.f("ix_documents_duplicate_of_id"), table_name="documents")
    op.drop_index(op.f("ix_documents_content_hash"), table_name="documents")

    op.drop_table("documents")
