"""Fixtures of the web tests: the gold knowledge base (gold_kb.py) on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from innoatlas.pipeline import ingest_paths
from innoatlas.store import open_store
from innoatlas.web.app import create_app
from tests.web.gold_kb import REPO, SEEDS, SHARED, build_gold_store, have_gold

EXAMPLES = REPO / "examples" / "corpus"


def build_or_skip(url: str):
    if not have_gold():
        pytest.skip(f"the shared seeds and gold are not next to the repository ({SHARED})")
    return build_gold_store(url)


@pytest.fixture(scope="session")
def gold_store(tmp_path_factory):
    store = build_or_skip(f"sqlite:///{tmp_path_factory.mktemp('web') / 'kb.db'}")
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(gold_store):
    with TestClient(create_app(gold_store), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def ids(gold_store) -> dict:
    return store_ids(gold_store)


@pytest.fixture(scope="session")
def ingested(tmp_path_factory):
    """(store, client) over the real ingest of the seeds and the example corpus: the extractors' facts."""
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seed articles are not next to the repository ({SEEDS})")
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('ingested') / 'kb.db'}")
    ingest_paths([SEEDS, EXAMPLES], store)
    with TestClient(create_app(store), raise_server_exceptions=False) as ingested_client:
        yield store, ingested_client
    store.close()


# -- the same knowledge base on PostgreSQL ------------------------------------------

# Its own database, so that other test modules resetting theirs do not interfere.
PG_DATABASE = "innoatlas_web_test"
# The Debian socket, as the current OS user (peer authentication).
LOCAL_PG_URL = f"postgresql+psycopg:///{PG_DATABASE}?host=/var/run/postgresql"


def postgres_url(database: str = PG_DATABASE) -> str | None:
    import os

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    explicit = os.environ.get("INNOATLAS_TEST_PG")
    url = make_url(explicit) if explicit else make_url(LOCAL_PG_URL)
    if explicit:  # named after the test database: runs against different test databases do not share it
        database = f"{url.database}_{database.removeprefix('innoatlas_')}"
    url = url.set(database=database)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": database}
            ).first()
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{database}"'))
    except OperationalError:
        if explicit:
            raise
        return None
    finally:
        admin.dispose()
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url.render_as_string(hide_password=False)


def store_ids(store) -> dict:
    """Ids of the rows the tests look at, by name."""
    from sqlalchemy import select

    from innoatlas.store.schema import Document as DocumentRow
    from innoatlas.store.schema import Entity

    with store.session() as session:
        entities = {name: i for i, name in session.execute(select(Entity.id, Entity.name))}
        documents = {name: i for i, name in session.execute(select(DocumentRow.id, DocumentRow.name))}
    return {"entities": entities, "documents": documents}


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def kb(request, client, gold_store):
    """(client, ids) over the gold knowledge base, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield client, store_ids(gold_store)
        return
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL server reachable (set INNOATLAS_TEST_PG)")
    store = build_or_skip(url)
    with TestClient(create_app(store), raise_server_exceptions=False) as pg_client:
        yield pg_client, store_ids(store)
    store.close()


# The ingested knowledge base's own PostgreSQL database, beside the gold one's.
INGESTED_PG_DATABASE = "innoatlas_web_ingested_test"


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def ingested_kb(request, ingested):
    """A client over the real ingest of the seeds and the example corpus, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield ingested[1]
        return
    url = postgres_url(INGESTED_PG_DATABASE)
    if url is None:
        pytest.skip("no PostgreSQL server reachable (set INNOATLAS_TEST_PG)")
    store = open_store(url)
    ingest_paths([SEEDS, EXAMPLES], store)
    with TestClient(create_app(store), raise_server_exceptions=False) as pg_client:
        yield pg_client
    store.close()
