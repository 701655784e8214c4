"""The server's own defences: security headers, no CORS, a body limit, login throttling, one text limit.

Each was missing: no header kept the pages out of frames or the scripts
to the app's own; a 400 MB login body was read whole before the password
was checked; 60 wrong passwords in a row were all answered; POST
/api/ingest took texts ten times longer than any other way in.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from innoatlas.auth import add_user, create_token
from innoatlas.auth.throttle import MAX_FAILURES
from innoatlas.documents.read import MAX_TEXT_CHARS
from innoatlas.store import open_store
from innoatlas.web.app import create_app
from innoatlas.web.security import MAX_BODY_BYTES

PASSWORD = "correct horse battery"


@pytest.fixture
def client_and_token(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'kb.db'}")
    with store.transaction() as session:
        add_user(session, "analyst", "editor", password=PASSWORD)
        token = create_token(session, "analyst")
    with TestClient(create_app(store), raise_server_exceptions=False) as client:
        yield client, token
    store.close()


@pytest.mark.parametrize("path", ["/", "/api/summary", "/api/entities/999999", "/docs", "/no-such-page"])
def test_every_answer_carries_the_security_headers(client_and_token, path):
    client, _ = client_and_token
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_another_site_gets_no_cors_permission(client_and_token):
    client, _ = client_and_token
    origin = {"Origin": "https://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/api/summary", headers=origin).headers
    preflight = client.options("/api/ingest", headers={**origin, "Access-Control-Request-Method": "POST"})
    assert preflight.status_code >= 400
    assert "access-control-allow-origin" not in preflight.headers


def test_a_body_over_the_limit_is_refused_before_it_is_read(client_and_token):
    client, _ = client_and_token
    big = b'{"name": "analyst", "password": "' + b"x" * (MAX_BODY_BYTES + 10) + b'"}'
    declared = client.post("/api/auth/login", content=big, headers={"Content-Type": "application/json"})
    assert declared.status_code == 413
    assert declared.json()["error"]["message"].startswith("request body too large")

    def chunks():  # no Content-Length: the body is counted as it arrives
        for start in range(0, len(big), 64 * 1024):
            yield big[start : start + 64 * 1024]

    streamed = client.post("/api/auth/login", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413
    assert "x-frame-options" in streamed.headers


def test_failed_logins_are_throttled(client_and_token):
    client, _ = client_and_token
    for _ in range(MAX_FAILURES):
        wrong = client.post("/api/auth/login", json={"name": "analyst", "password": "not the password"})
        assert wrong.status_code == 401
    throttled = client.post("/api/auth/login", json={"name": "analyst", "password": PASSWORD})
    assert throttled.status_code == 429
    assert int(throttled.headers["retry-after"]) > 0
    assert "too many failed logins" in throttled.json()["error"]["message"]


def test_a_login_that_does_not_fail_is_not_throttled(client_and_token):
    client, _ = client_and_token
    for _ in range(MAX_FAILURES + 3):
        assert (
            client.post("/api/auth/login", json={"name": "analyst", "password": PASSWORD}).status_code == 200
        )


def test_the_api_ingest_has_the_text_limit_of_every_other_way_in(client_and_token):
    client, token = client_and_token
    text = "两江新区新增企业。" * (MAX_TEXT_CHARS // 9 + 1)
    answer = client.post(
        "/api/ingest",
        json={"documents": [{"name": "long.txt", "text": text}]},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 422
    assert client.get("/api/documents").json()["total"] == 0
