"""Alembic migrations run from the installed package, without an alembic.ini."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

SCRIPT_LOCATION = "innoatlas.store:migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the newest schema (a no-op when it is already there)."""
    config = alembic_config()
    if current_revision(engine) == head_revision():
        return
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            # pysqlite opens no transaction before DDL, so a crash mid-migration
            # would leave half a schema that the next open cannot upgrade; the
            # write lock also makes a second process wait, then see the new revision.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


# -- what the migrations share ---------------------------------------------------------


def create_gin_indexes(bind, indexes: list[tuple[str, str, str]], expression: str) -> None:
    """A GIN index named `name` on `table` over `expression` of `column`, for each (name, table, column).

    `expression` holds "{column}": "{column} gin_trgm_ops" (migration 0004),
    "search_grams(lower({column}))" (migration 0006).
    """
    for name, table, column in indexes:
        using = expression.format(column=column)
        bind.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({using})"))


def drop_indexes(bind, names) -> None:
    for name in names:
        bind.execute(sa.text(f"DROP INDEX IF EXISTS {name}"))
