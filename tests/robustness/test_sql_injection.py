"""Request parameters reach the database as bound parameters, never as SQL text.

Each filter of the API gets SQL-injection strings; a parameterised query
treats them as values: nothing matches, nothing fails, nothing is dropped.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from innoatlas.pipeline import ingest_paths
from innoatlas.store import open_store
from innoatlas.web.app import create_app
from tests.conftest import EXAMPLES

INJECTIONS = [
    "' OR '1'='1",
    "x' OR 1=1 --",
    "1; DROP TABLE documents; --",
    "'); DELETE FROM entities; --",
    '" OR ""="',
    "%' OR '%'='",
]
# (path, parameter): string filters of the API.
STRING_FILTERS = [
    ("/api/documents", "outlet"),
    ("/api/entities", "type"),
    ("/api/indicators", "metric_key"),
    ("/api/indicators", "period"),
    ("/api/search", "q"),
    ("/api/search", "type"),
]


@pytest.fixture
def client(kb_url):
    store = open_store(kb_url)
    ingest_paths([EXAMPLES], store)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c
    store.close()


def totals(client) -> dict:
    return client.get("/api/summary").json()["counts"]


def found(client, path: str, parameter: str, value: str) -> int:
    response = client.get(path, params={parameter: value})
    assert response.status_code == 200, (path, parameter, value, response.text[:200])
    return response.json()["total"]


def test_injected_sql_is_a_value_that_matches_nothing(client):
    before = totals(client)
    assert before["documents"] > 0
    assert found(client, "/api/entities", "type", "zone") > 0  # the filters do filter
    for injection in INJECTIONS:
        for path, parameter in STRING_FILTERS:
            assert found(client, path, parameter, injection) == 0, (path, parameter, injection)
    assert totals(client) == before
