"""PostgreSQL: documents newest first, undated last, straight off an index.

Lists and searches order documents by published DESC NULLS LAST, id DESC
(store/read/common.py, newest_first). The plain index on `published` read
backwards gives NULLS FIRST, so PostgreSQL sorted every matching document
before taking a page: 150 ms for the first page of 100,000 documents, and a
capped search had to scan them all. SQLite puts NULL lowest and already
reads its plain index in that order.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NAME = "ix_documents_newest_first_pg"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.execute(
            sa.text(f"CREATE INDEX IF NOT EXISTS {NAME} ON documents (published DESC NULLS LAST, id DESC)")
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text(f"DROP INDEX IF EXISTS {NAME}"))
