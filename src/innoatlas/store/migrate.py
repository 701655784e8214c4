"""Alembic migrations run from the installed package, without an alembic.ini."""

from __future__ import annotations

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
