"""Malformed requests are client errors (4xx) with a JSON error, never a server error.

A token id of thousands of digits, and JSON strings holding lone surrogates
(an escape like \\ud800 without its pair, which no text can store), used to
crash the handlers with a 500 and a traceback in the log.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from innoatlas.auth import add_user, create_token
from innoatlas.pipeline import ingest_paths
from innoatlas.store import open_store
from innoatlas.web.app import create_app

HUGE_TOKEN = "Bearer ia_" + "9" * 5000 + "_" + "x" * 40
ARTICLE = "江北新城今年新增研发平台十二个。江北新城与东湖大学共建联合实验室。\n"


@pytest.fixture(scope="module")
def app_and_token(tmp_path_factory):
    folder = tmp_path_factory.mktemp("malformed")
    (folder / "news").mkdir()
    (folder / "news" / "jiangbei.txt").write_text(ARTICLE, encoding="utf-8")
    store = open_store(f"sqlite:///{folder / 'kb.db'}")
    ingest_paths([folder / "news"], store)
    with store.transaction() as session:
        add_user(session, "analyst", "editor", password="correct horse battery")
        token = create_token(session, "analyst")
    with TestClient(create_app(store), raise_server_exceptions=False) as client:
        yield client, token
    store.close()


def write_routes(client) -> list[tuple[str, str]]:
    """(method, path) of every API route that changes something (from the OpenAPI spec), ids set to 1."""
    found = []
    for path, operations in client.get("/openapi.json").json()["paths"].items():
        for method in operations:
            if method.upper() in ("POST", "PUT", "PATCH", "DELETE") and path.startswith("/api"):
                filled = re.sub(r"\{target\}", "indicators", path)
                found.append((method.upper(), re.sub(r"\{\w+\}", "1", filled)))
    return found


def test_a_token_id_of_thousands_of_digits_is_refused_on_every_write_route(app_and_token):
    client, _ = app_and_token
    routes = write_routes(client)
    assert len(routes) >= 8
    for method, path in [*routes, ("GET", "/api/auth/me")]:
        answer = client.request(method, path, headers={"Authorization": HUGE_TOKEN}, json={})
        if path == "/api/auth/login":
            assert answer.status_code == 422, (
                method,
                path,
                answer.text,
            )  # no token needed; the body is wrong
            continue
        assert answer.status_code == 401, (method, path, answer.status_code, answer.text[:200])
        assert "token" in answer.json()["error"]["message"]


@pytest.mark.parametrize(
    "body",
    [
        '{"name": "analyst", "password": "correct\\ud800horse"}',
        '{"name": "ana\\udfffyst", "password": "correct horse battery"}',
    ],
)
def test_a_lone_surrogate_in_a_login_is_a_client_error(app_and_token, body):
    client, _ = app_and_token
    answer = client.post("/api/auth/login", content=body, headers={"Content-Type": "application/json"})
    assert 400 <= answer.status_code < 500, answer.text
    assert answer.json()["error"]["message"]


def test_a_lone_surrogate_in_a_split_is_a_client_error_and_changes_nothing(app_and_token):
    client, token = app_and_token
    entity = client.get("/api/search", params={"q": "江北新城"}).json()["items"][0]
    assert entity["kind"] == "entity"
    body = '{"name": "江北\\ud800新城", "type": "zone", "aliases": ["江北新城"], "reason": "x"}'
    answer = client.post(
        f"/api/review/entities/{entity['id']}/split",
        content=body,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    assert 400 <= answer.status_code < 500, answer.text
    assert "surrogate" in answer.json()["error"]["message"]
    assert client.get("/api/review/actions").json()["total"] == 0
