"""`innoatlas serve` and `innoatlas demo` as a user runs them, and search right after `innoatlas ingest`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from innoatlas.cli import app
from innoatlas.store import open_store
from innoatlas.store.read.search import search

SERVER_START_TIMEOUT_S = 30
FIRST = "江川高新区今年新增专利授权300件，园区将继续建设青石湖协同创新中心。\n"
CHANGED = "江川高新区今年引进研发机构12家，园区将继续建设白鹭洲未来产业港。\n"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("INNOATLAS_DB", raising=False)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def document_hits(db: str, query: str) -> list[str]:
    """The snippet matches of the documents a search finds."""
    with open_store(db) as store, store.session() as session:
        return [i["snippet"]["match"] for i in search(session, query)["items"] if i["kind"] == "document"]


def test_search_is_current_after_ingest_and_reingest(run, tmp_path):
    news = tmp_path / "news.txt"
    news.write_text(FIRST, encoding="utf-8")
    assert run("ingest", news, "--silent").exit_code == 0
    assert document_hits("innoatlas.db", "青石湖") == ["青石湖"]

    news.write_text(CHANGED, encoding="utf-8")
    assert run("ingest", news, "--silent").exit_code == 0
    # Same number of rows as before: only a refresh by the ingest itself finds the new words.
    assert document_hits("innoatlas.db", "白鹭洲") == ["白鹭洲"]
    assert document_hits("innoatlas.db", "青石湖") == []


def test_demo_no_serve_builds_and_tells_how_to_serve(run, tmp_path):
    result = run("demo", "--no-serve", "--port", "8123")
    assert result.exit_code == 0, result.output
    assert "ingested into sqlite:///innoatlas-demo.db" in result.stdout
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == (
        "built innoatlas-demo.db; serve it with: innoatlas serve --db innoatlas-demo.db"
        "   (then open http://127.0.0.1:8123/)"
    )
    assert document_hits(str(tmp_path / "innoatlas-demo.db"), "协同创新")


def test_serve_answers_pages_and_api(run, tmp_path):
    assert run("demo", "--no-serve").exit_code == 0
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "INNOATLAS_DB"}
    server = subprocess.Popen(
        [sys.executable, "-m", "innoatlas", "serve", "--db", "innoatlas-demo.db", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        home = wait_for(base + "/", server)
        assert home.status_code == 200
        assert "<html" in home.text and "两江" in home.text
        summary = httpx.get(base + "/api/summary").json()
        assert summary["counts"]["documents"] > 0
        hits = httpx.get(base + "/api/search", params={"q": "两江"}).json()
        assert hits["total"] > 0
        missing = httpx.get(base + "/api/entities/999999")
        assert missing.status_code == 404
        assert missing.json()["error"]["message"] == "no entity with id 999999"
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)
    assert f"serving sqlite:///innoatlas-demo.db at {base}/" in output


def test_serve_rejects_a_bad_port(run):
    result = run("serve", "--port", "70000")
    assert result.exit_code == 2
    assert "Invalid value for '--port': Input should be less than or equal to 65535" in result.output


def wait_for(url: str, server: subprocess.Popen) -> httpx.Response:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"innoatlas serve exited: {server.communicate()[0]}")
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail("innoatlas serve did not answer in time")


def test_home_counts_follow_an_ingest_into_a_served_base(tmp_path):
    from fastapi.testclient import TestClient

    from innoatlas.pipeline import ingest_paths
    from innoatlas.web.app import create_app

    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(CHANGED, encoding="utf-8")
    with open_store(f"sqlite:///{tmp_path / 'kb.db'}") as store:
        ingest_paths([first], store)
        with TestClient(create_app(store)) as client:
            assert client.get("/api/summary").json()["counts"]["documents"] == 1
            ingest_paths([second], store)
            # The cached home-page aggregates notice the new rows at once.
            assert client.get("/api/summary").json()["counts"]["documents"] == 2
            assert client.get("/api/search", params={"q": "白鹭洲"}).json()["document_total"] == 1


def test_serve_refuses_a_public_address_without_authentication(run):
    result = run("serve", "--db", "kb.db", "--host", "0.0.0.0", "--port", free_port())
    assert result.exit_code == 1
    assert "refusing to serve on 0.0.0.0" in result.stderr
    assert "--allow-insecure" in result.stderr


def test_serve_on_a_busy_port_fails_first_with_one_line(run):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run("serve", "--db", "kb.db", "--port", port)
    assert result.exit_code == 1
    assert result.stdout == ""  # nothing announced before the refusal
    assert result.stderr == (
        f"error: cannot serve on 127.0.0.1:{port}: the port is in use (stop the other server or pick --port)\n"
    )


def test_serve_refusing_a_public_address_announces_nothing(run):
    result = run("serve", "--db", "kb.db", "--host", "0.0.0.0", "--port", free_port())
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
