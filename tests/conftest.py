"""Shared fixtures: a fresh knowledge base per test, on SQLite and on a real PostgreSQL.

PostgreSQL: $INNOATLAS_TEST_PG if set (then it must be reachable), else a
local server on the Debian socket (the database is created if missing).
Without a reachable server the PostgreSQL variants skip, saying why.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from innoatlas.store import open_store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = REPO / "examples" / "corpus"

LOCAL_PG_URLS = (
    "postgresql+psycopg://postgres@/innoatlas_test?host=/var/run/postgresql",
    "postgresql+psycopg:///innoatlas_test?host=/var/run/postgresql",
)


@cache
def find_postgres() -> tuple[str | None, str]:
    """(url, '') of a reachable test database, or (None, why not)."""
    explicit = os.environ.get("INNOATLAS_TEST_PG")
    problems = []
    for url in [explicit] if explicit else LOCAL_PG_URLS:
        try:
            connect_or_create(url)
            return url, ""
        except OperationalError as e:
            problems.append(f"{make_url(url).render_as_string()}: {str(e.orig).strip().splitlines()[-1]}")
    if explicit:
        pytest.fail(f"INNOATLAS_TEST_PG is set but unreachable: {problems[0]}")
    return None, "no PostgreSQL server reachable (set INNOATLAS_TEST_PG): " + "; ".join(problems)


def connect_or_create(url: str) -> None:
    try:
        with create_engine(url).connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as e:
        if "does not exist" not in str(e.orig):
            raise
        admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{make_url(url).database}"'))
        admin.dispose()


def reset_postgres(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path) -> str:
    """The URL of an empty database: a new SQLite file, or a wiped PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kb.db'}"
    url, why_not = find_postgres()
    if url is None:
        pytest.skip(why_not)
    reset_postgres(url)
    return url


@pytest.fixture
def store(store_url):
    store = open_store(store_url)
    yield store
    store.close()


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seed articles are not next to the repository ({SEEDS})")
    return SEEDS


@pytest.fixture
def examples() -> Path:
    if not any(EXAMPLES.glob("*")):
        pytest.skip("examples/corpus is empty")
    return EXAMPLES
