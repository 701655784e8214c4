"""Entity links and their totals per pair, filled from the facts already stored.

The collaboration network read every relation, every mention and the text
of every document on its first call after a write (32 s on 100,000
documents). The writers now keep one row per link (a relation, or a
sentence naming two entities) and each pair's sums (store/links.py); this
migration creates the tables and computes them for what is stored.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("a_id", sa.Integer(), nullable=False),
        sa.Column("b_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("is_sentence", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("relation_id", sa.Integer(), nullable=True),
        sa.Column("quoted", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_entity_links_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["a_id"], ["entities.id"], name=op.f("fk_entity_links_a_id_entities"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["b_id"], ["entities.id"], name=op.f("fk_entity_links_b_id_entities"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_links")),
    )
    op.create_table(
        "entity_link_totals",
        sa.Column("a_id", sa.Integer(), nullable=False),
        sa.Column("b_id", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("relation_weight", sa.Float(), nullable=False),
        sa.Column("relations", sa.Integer(), nullable=False),
        sa.Column("co_mentions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["a_id"], ["entities.id"], name=op.f("fk_entity_link_totals_a_id_entities"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["b_id"], ["entities.id"], name=op.f("fk_entity_link_totals_b_id_entities"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("a_id", "b_id", name=op.f("pk_entity_link_totals")),
    )
    bind = op.get_bind()
    from innoatlas.store.links import rebuild_links  # the writers' own computation, for what is stored

    rebuild_links(Session(bind=bind))
    op.create_index(
        "ix_entity_link_pair",
        "entity_links",
        ["a_id", "b_id", "is_sentence", "relation_id", "document_id", "start"],
        unique=False,
    )
    op.create_index("ix_entity_link_b", "entity_links", ["b_id"], unique=False)
    op.create_index(op.f("ix_entity_links_document_id"), "entity_links", ["document_id"], unique=False)
    op.create_index(op.f("ix_entity_links_relation_id"), "entity_links", ["relation_id"], unique=False)
    op.create_index("ix_entity_link_total_b", "entity_link_totals", ["b_id"], unique=False)


def downgrade() -> None:
    op.drop_table("entity_link_totals")
    op.drop_table("entity_links")
