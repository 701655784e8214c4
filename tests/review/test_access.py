"""Access control: public reads, editor-only writes, hashed secrets, the serve guard."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from innoatlas.auth import (
    AuthError,
    InsecureBindError,
    add_user,
    authenticate_password,
    check_bind,
    create_token,
    is_loopback,
    remove_user,
)
from innoatlas.store.schema import ApiToken, User
from innoatlas.web.app import create_app

WRITES = [
    ("/api/review/indicators/1/confirm", {}),
    ("/api/review/indicators/1/reject", {}),
    ("/api/review/indicators/1/correct", {"changes": {"value": 1}}),
    ("/api/review/entities/1/merge", {"into": 2}),
    ("/api/review/entities/1/split", {"name": "某某", "type": "zone"}),
    ("/api/review/indicators", {"values": {}}),
    ("/api/review/actions/1/undo", {}),
]


@pytest.fixture
def anonymous(kb, tokens):
    with TestClient(create_app(kb), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize(("url", "body"), WRITES)
def test_writes_without_a_token_are_401(anonymous, url, body):
    answer = anonymous.post(url, json=body)
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "unauthorized"
    assert answer.json()["error"]["message"] == "authentication required: send Authorization: Bearer <token>"


@pytest.mark.parametrize(("url", "body"), WRITES)
def test_writes_with_a_viewer_token_are_403(anonymous, tokens, url, body):
    answer = anonymous.post(url, json=body, headers={"Authorization": f"Bearer {tokens['viewer']}"})
    assert answer.status_code == 403
    assert answer.json()["error"] == {
        "status": 403,
        "code": "forbidden",
        "message": "user 'reader' has the role 'viewer'; writing needs 'editor'",
        "detail": [],
    }


def test_a_wrong_or_forged_token_is_401(anonymous, tokens):
    token_id = tokens["editor"].split("_")[1]
    for token in (f"ia_{token_id}_{'x' * 43}", "ia_999_" + "y" * 43, "not-a-token"):
        answer = anonymous.post(
            "/api/review/indicators/1/confirm", json={}, headers={"Authorization": f"Bearer {token}"}
        )
        assert answer.status_code == 401, token


def test_reads_are_public(anonymous):
    assert anonymous.get("/api/documents").status_code == 200
    assert anonymous.get("/api/review/actions").status_code == 200
    assert anonymous.get("/review").status_code == 200


def test_no_action_is_recorded_when_refused(anonymous, tokens, kb):
    anonymous.post("/api/review/indicators/1/confirm", json={})
    anonymous.post(
        "/api/review/indicators/1/confirm", json={}, headers={"Authorization": f"Bearer {tokens['viewer']}"}
    )
    assert anonymous.get("/api/review/actions").json()["total"] == 0


def test_login_with_password_gives_a_token_that_writes(anonymous, kb):
    with kb.transaction() as session:
        add_user(session, "chen", "editor", "correct horse battery")
    assert (
        anonymous.post("/api/auth/login", json={"name": "chen", "password": "wrong password!"}).status_code
        == 401
    )
    answer = anonymous.post("/api/auth/login", json={"name": "chen", "password": "correct horse battery"})
    assert answer.status_code == 200 and answer.json()["role"] == "editor"
    headers = {"Authorization": f"Bearer {answer.json()['token']}"}
    assert anonymous.get("/api/auth/me", headers=headers).json() == {"user": "chen", "role": "editor"}
    indicator = anonymous.get("/api/indicators").json()["items"][0]["id"]
    confirmed = anonymous.post(f"/api/review/indicators/{indicator}/confirm", json={}, headers=headers)
    assert confirmed.status_code == 200 and confirmed.json()["user"] == "chen"


def test_passwords_and_tokens_are_stored_as_scrypt_hashes(kb, tokens):
    with kb.transaction() as session:
        add_user(session, "wang", "editor", "a long enough secret")
    with kb.session() as session:
        stored = session.scalar(select(User.password_hash).where(User.name == "wang"))
        secrets = session.scalars(select(ApiToken.secret_hash)).all()
    assert stored.startswith("scrypt$15$8$1$") and "a long enough secret" not in stored
    assert all(s.startswith("scrypt$") for s in secrets)
    assert not any(tokens["editor"].split("_", 2)[2] in s for s in secrets)


def test_user_rules(kb):
    with kb.transaction() as session:
        with pytest.raises(AuthError, match="shorter than 10 characters"):
            add_user(session, "li", "editor", "short")
        with pytest.raises(AuthError, match="role 'admin': must be one of editor, viewer"):
            add_user(session, "li", "admin")
        add_user(session, "li", "editor")
        with pytest.raises(AuthError, match="user 'li' exists already"):
            add_user(session, "li", "viewer")
        assert authenticate_password(session, "li", "") is None  # no password: no login by password


def test_a_removed_users_tokens_stop_working(anonymous, kb):
    with kb.transaction() as session:
        add_user(session, "zhao", "editor")
        token = create_token(session, "zhao")
    headers = {"Authorization": f"Bearer {token}"}
    assert anonymous.get("/api/auth/me", headers=headers).status_code == 200
    with kb.transaction() as session:
        remove_user(session, "zhao")
    assert anonymous.get("/api/auth/me", headers=headers).status_code == 401


# -- the serve guard -------------------------------------------------------------------


def test_loopback_addresses():
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.3.2.1", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "", "192.168.1.5", "example.org"))


def test_check_bind_refuses_a_public_address_without_an_editor(kb):
    check_bind("127.0.0.1", kb)  # loopback: always fine
    with pytest.raises(InsecureBindError) as caught:
        check_bind("0.0.0.0", kb)
    assert str(caught.value).startswith("refusing to serve on 0.0.0.0: authentication is not configured")
    check_bind("0.0.0.0", kb, allow_insecure=True)  # told explicitly
    with kb.transaction() as session:
        add_user(session, "viewer1", "viewer")
        create_token(session, "viewer1")
    with pytest.raises(InsecureBindError):
        check_bind("0.0.0.0", kb)  # a viewer cannot write: still no editor
    with kb.transaction() as session:
        add_user(session, "editor1", "editor")
        create_token(session, "editor1")
    check_bind("0.0.0.0", kb)


# -- ingest through the API ---------------------------------------------------------------

NEW_DOCUMENT = {
    "name": "kexuecheng.txt",
    "text": "西部科学城今年新增高新技术企业200家。重庆大学与西部科学城共建联合实验室。",
    "published": "2024-06-01",
}


def test_ingest_through_the_api_needs_an_editor(anonymous, tokens):
    body = {"documents": [NEW_DOCUMENT]}
    assert anonymous.post("/api/ingest", json=body).status_code == 401
    viewer = {"Authorization": f"Bearer {tokens['viewer']}"}
    assert anonymous.post("/api/ingest", json=body, headers=viewer).status_code == 403
    assert anonymous.get("/api/documents").json()["total"] == 1
    editor = {"Authorization": f"Bearer {tokens['editor']}"}
    answer = anonymous.post("/api/ingest", json=body, headers=editor)
    assert answer.status_code == 200, answer.json()
    assert answer.json()["counts"]["new"] == 1
    assert anonymous.get("/api/documents").json()["total"] == 2
    again = anonymous.post("/api/ingest", json=body, headers=editor).json()
    assert again["counts"]["unchanged"] == 1


def test_ingest_through_the_api_is_refused_while_another_ingest_writes(anonymous, tokens, kb):
    editor = {"Authorization": f"Bearer {tokens['editor']}"}
    with kb.ingest_lock():  # as an `innoatlas ingest` into the same database holds it
        answer = anonymous.post("/api/ingest", json={"documents": [NEW_DOCUMENT]}, headers=editor)
    assert answer.status_code == 409
    assert answer.json()["error"]["message"].startswith("another ingest is writing to the knowledge base")
    assert anonymous.get("/api/documents").json()["total"] == 1  # nothing written
    after = anonymous.post("/api/ingest", json={"documents": [NEW_DOCUMENT]}, headers=editor)
    assert after.json()["counts"]["new"] == 1
