"""Fixtures of the robustness tests: a corpus of the example documents copied many times."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

# Copies of the example corpus: the first copy is stored with its facts, the
# others as exact duplicates of it, so a run is long enough to be killed at
# many points while staying a few seconds long.
CORPUS_COPIES = 5


@pytest.fixture(scope="module")
def copied_corpus(tmp_path_factory) -> Path:
    if not any(EXAMPLES.glob("*")):
        pytest.skip("examples/corpus is empty")
    root = tmp_path_factory.mktemp("corpus")
    for n in range(CORPUS_COPIES):
        shutil.copytree(EXAMPLES, root / f"copy_{n:02d}")
    return root


@pytest.fixture(scope="module")
def frozen_src(tmp_path_factory) -> Path:
    """The package source as it is now, for every CLI run of one test module."""
    from tests.robustness.kb import freeze_package

    return freeze_package(tmp_path_factory.mktemp("src"))


# Its own PostgreSQL database: other test modules reset theirs while these tests run.
PG_DATABASE = "innoatlas_robustness_test"


def own_postgres_url() -> str:
    """An empty database next to $INNOATLAS_TEST_PG's (skips when that is unset)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    explicit = os.environ.get("INNOATLAS_TEST_PG")
    if not explicit:
        pytest.skip("INNOATLAS_TEST_PG is not set")
    # Named after the test database: runs against different test databases do not share it.
    database = f"{make_url(explicit).database}_{PG_DATABASE.removeprefix('innoatlas_')}"
    url = make_url(explicit).set(database=database)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    admin.dispose()
    return url.render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def kb_url(request, tmp_path) -> str:
    """The URL of an empty knowledge base: a new SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kb.db'}"
    return own_postgres_url()
