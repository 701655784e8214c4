"""The JSON API and the pages, fuzzed from their OpenAPI spec by schemathesis: no 5xx response.

Schemathesis generates requests for every operation of /openapi.json
(valid and invalid parameters: odd strings, huge numbers, negative ids)
against the app over a real SQLite knowledge base of the example corpus.
The number of examples per operation is bounded to keep the run short.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from innoatlas.pipeline import ingest_paths
from innoatlas.store import open_store
from innoatlas.web.app import create_app
from tests.conftest import EXAMPLES

# Examples per operation: ~25 operations, so ~750 requests in all.
MAX_EXAMPLES = 30


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'kb.db'}")
    ingest_paths([EXAMPLES], store)
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(store))
    store.close()


def operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


def test_no_request_gets_a_server_error(api_schema):
    errors = []
    for operation in operations(api_schema):

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def call(case):
            response = case.call()
            if response.status_code >= 500:
                errors.append(f"{case.method} {case.formatted_path} {case.query}: {response.text[:200]}")

        call()
    assert len(operations(api_schema)) >= 20
    assert errors == []
