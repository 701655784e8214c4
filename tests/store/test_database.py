"""Opening the knowledge base: URLs, migrations, SQLite settings, clear errors."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from innoatlas.errors import StoreError
from innoatlas.store import open_store, resolve_url
from innoatlas.store.migrate import current_revision, head_revision
from innoatlas.store.schema import Base


def test_open_store_migrates_to_head(store):
    assert current_revision(store.engine) == head_revision() == "0011"
    tables = set(inspect(store.engine).get_table_names())
    assert tables == {
        "alembic_version",
        "documents",
        "entities",
        "aliases",
        "mentions",
        "indicators",
        "relations",
        "users",
        "api_tokens",
        "review_actions",
        "entity_links",
        "entity_link_totals",
    }


def test_migrations_build_exactly_the_schema_of_schema_py(store):
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # PostgreSQL's own indexes (migrations 0004-0006: trigram and character-pair search,
    # newest first with NULLS LAST) have no SQLite form: like SQLite's FTS5 table, schema.py leaves them out.
    differences = [
        d
        for d in differences
        if not (d[0] == "remove_index" and d[1].name.endswith(("_trgm", "_pg", "_grams")))
    ]
    assert differences == []


def test_reopening_a_migrated_store_keeps_its_rows(store_url):
    with open_store(store_url) as store, store.engine.begin() as connection:
        connection.execute(text("INSERT INTO entities (key, name, type) VALUES ('重庆', '重庆', 'region')"))
    with open_store(store_url) as store:
        assert store.stats().entities == {"region": 1}


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(tmp_path):
    with open_store(str(tmp_path / "kb.db")) as store, store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 10000


def test_resolve_url_reads_argument_then_environment_then_default(monkeypatch):
    monkeypatch.delenv("INNOATLAS_DB", raising=False)
    assert resolve_url() == "sqlite:///innoatlas.db"
    assert resolve_url("data/kb.db") == "sqlite:///data/kb.db"
    monkeypatch.setenv("INNOATLAS_DB", "postgresql+psycopg://u@h/kb")
    assert resolve_url() == "postgresql+psycopg://u@h/kb"
    assert resolve_url("sqlite:///other.db") == "sqlite:///other.db"


def test_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(StoreError) as caught:
        open_store(str(tmp_path / "nowhere" / "kb.db"))
    folder = tmp_path / "nowhere"
    assert (
        str(caught.value) == f"cannot create the database {folder / 'kb.db'}: folder {folder} does not exist"
    )


def test_unsupported_database_is_one_clear_error():
    with pytest.raises(StoreError) as caught:
        open_store("mysql://u@h/kb")
    assert str(caught.value) == (
        "unsupported database 'mysql' in 'mysql://u@h/kb' (give --db sqlite:///path.db, a .db file path, "
        "or postgresql+psycopg://user@host/dbname)"
    )


def test_unreachable_server_is_a_store_error():
    with pytest.raises(StoreError) as caught:
        open_store("postgresql+psycopg://nobody@127.0.0.1:1/kb?connect_timeout=2")
    assert str(caught.value).startswith("cannot open the database postgresql+psycopg://nobody@127.0.0.1:1/kb")
