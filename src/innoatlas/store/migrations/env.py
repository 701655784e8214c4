"""Alembic environment: always given a live connection by innoatlas.store.migrate."""

from __future__ import annotations

from alembic import context

from innoatlas.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("innoatlas migrations run through innoatlas.store.open_store(url)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode rebuilds the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
