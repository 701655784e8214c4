"""The server's own defences: security headers, no CORS, a body limit, login throttling, one text limit.

Each was missing: no header kept the pages out of frames or the scripts
to the app's own; a 400 MB login body was read whole before the password
was checked; 60 wrong passwords in a row were all answered; POST
/api/ingest took texts ten times longer than any other way in.
"""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from innoatlas.auth import add_user, create_token
from innoatlas.auth.throttle import MAX_FAILURES
from innoatlas.pipeline import ingest_paths
from innoatlas.settings import settings
from innoatlas.store import open_store
from innoatlas.web.app import create_app

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
    big = b'{"name": "analyst", "password": "' + b"x" * (settings().max_body_bytes + 10) + b'"}'
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
    text = "两江新区新增企业。" * (settings().max_document_chars // 9 + 1)
    answer = client.post(
        "/api/ingest",
        json={"documents": [{"name": "long.txt", "text": text}]},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 422
    assert client.get("/api/documents").json()["total"] == 0


def test_a_kept_analysis_answer_follows_new_documents(client_and_token, tmp_path):
    client, _ = client_and_token
    store = client.app.state.store
    first = tmp_path / "first"
    first.mkdir()
    (first / "a.txt").write_text("江北新城与东湖大学共建联合实验室。\n", encoding="utf-8")
    ingest_paths([first], store)
    before = client.get("/api/analysis/network").json()
    assert client.get("/api/analysis/network").json() == before  # kept, the same answer
    (first / "b.txt").write_text("南岸科技园与西山研究院签署合作协议，共建中试基地。\n", encoding="utf-8")
    ingest_paths([first], store)
    # The kept answer may be given while the new one is computed; the new one follows.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        after = client.get("/api/analysis/network").json()
        if len(after["nodes"]) > len(before["nodes"]):
            break
        time.sleep(0.1)
    names = {n["name"] for n in after["nodes"]}
    assert {"南岸科技园", "西山研究院"} & names
    assert len(after["nodes"]) > len(before["nodes"])


def test_a_login_costs_one_password_hash_whether_or_not_the_user_exists(client_and_token, monkeypatch):
    """Login time told who exists (92 ms against 3 ms): an unknown name skipped the password hash."""
    from innoatlas.auth import hashing

    client, _ = client_and_token
    hashed = []  # the cost (log2 n) of every scrypt computed, the real one still runs
    real_scrypt = hashing._scrypt
    monkeypatch.setattr(hashing, "_scrypt", lambda *a: hashed.append(a[2]) or real_scrypt(*a))

    def wrong_password_for(name: str) -> tuple:
        hashed.clear()
        answer = client.post("/api/auth/login", json={"name": name, "password": "not the password"})
        assert answer.status_code == 401
        return answer.json()["error"]["message"], list(hashed)

    wrong_password_for("first.stranger")  # the stand-in hash of unknown names is made once
    known, unknown = wrong_password_for("analyst"), wrong_password_for("no.such.user")
    assert known == unknown == ("wrong user name or password", [hashing.PASSWORD_COST[0]])


def test_a_repeated_analysis_read_of_unchanged_data_is_answered_from_the_kept_result(
    client_and_token, tmp_path
):
    """/network took 3.3 s and /conflicts 2.6 s at every read; a repeat now only checks the data's version."""
    from sqlalchemy import event

    from innoatlas.store.read.common import data_fingerprint

    client, _ = client_and_token
    store = client.app.state.store
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "江北新城与东湖大学共建联合实验室。江北新城今年研发投入达到12亿元。\n", encoding="utf-8"
    )
    ingest_paths([tmp_path / "in"], store)
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with store.session() as session:
        data_fingerprint(session)
    version_check = set(statements)
    for path in (
        "/api/analysis/network",
        "/api/analysis/conflicts",
        "/api/analysis/timeline?subject=江北新城",
    ):
        first = client.get(path)
        assert first.status_code == 200, path
        statements.clear()
        again = client.get(path)
        assert again.json() == first.json()
        assert set(statements) <= version_check, path
