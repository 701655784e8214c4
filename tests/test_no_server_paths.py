"""No answer of the API, a page or the CLI shows the server's directory layout.

A corpus is ingested from a folder deep in a temporary directory; every
GET endpoint, the pages and the read commands are then asked, with an
analyst's correction in the audit log, and none may contain that
directory (as given or resolved).
"""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from innoatlas.auth import add_user, create_token
from innoatlas.cli import app as cli_app
from innoatlas.store import open_store
from innoatlas.web.app import create_app
from tests.conftest import EXAMPLES

FILES = ["cq_liangjiang_xietong_2024.txt", "feed_2024.jsonl", "xa_hard_tech_policy.pdf", "sz_angel_fund.docx"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    home = tmp_path_factory.mktemp("srv")
    corpus = home / "data" / "corpus"
    corpus.mkdir(parents=True)
    for name in FILES:
        shutil.copy(EXAMPLES / name, corpus / name)
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really")
    run = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(home)
        patch.delenv("INNOATLAS_DB", raising=False)
        ingested = run.invoke(cli_app, ["ingest", "data/corpus", "--db", "kb.db"])
    store = open_store(f"sqlite:///{home / 'kb.db'}")
    with store.transaction() as session:
        add_user(session, "analyst", "editor")
        token = create_token(session, "analyst")
    client = TestClient(create_app(store), raise_server_exceptions=False)
    client.headers["Authorization"] = f"Bearer {token}"
    first = client.get("/api/indicators", params={"limit": 1}).json()["items"][0]
    client.post(f"/api/review/indicators/{first['id']}/correct", json={"changes": {"value": 1}})
    yield home, client, run, ingested
    store.close()


def server_paths(home) -> list[str]:
    return [str(home), str(home.resolve())]


def test_no_api_answer_or_page_shows_a_server_path(served):
    home, client, _run, _ingested = served
    documents = client.get("/api/documents", params={"limit": 100}).json()["items"]
    entities = client.get("/api/entities", params={"limit": 20}).json()["items"]
    paths = [
        "/api/summary",
        "/api/documents",
        "/api/documents?format=csv",
        "/api/entities?format=csv",
        "/api/indicators",
        "/api/relations",
        "/api/search?q=创新",
        "/api/review/actions",
        "/api/review/gold",
        "/api/regions",
        "/api/search/coverage?q=创新",
        "/api/analysis/conflicts",
        "/api/analysis/network",
        "/api/analysis/chain?industry=新能源汽车",
        "/api/analysis/export/indicators.csv",
        "/",
        "/entities",
        "/relations",
        "/regions",
        "/search?q=创新",
        "/analysis/network",
        "/analysis/chain?industry=新能源汽车",
        "/documents",
        "/review",
        *(f"/api/documents/{d['id']}" for d in documents),
        *(f"/documents/{d['id']}" for d in documents),
        *(f"/review/documents/{d['id']}" for d in documents),
        *(f"/api/entities/{e['id']}" for e in entities),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        for root in server_paths(home):
            assert root not in response.text, path


def test_no_read_command_shows_a_server_path(served):
    home, client, run, ingested = served
    assert "error: data/corpus/broken.pdf: broken PDF" in ingested.stderr  # named as it was given
    outputs = [ingested.stdout]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(home)
        name = client.get("/api/entities", params={"type": "zone", "limit": 1}).json()["items"][0]["name"]
        for command in (
            ["docs"],
            ["docs", "1"],
            ["stats"],
            ["review", "log", "--json"],
            ["review", "log"],
            ["entity", name],
            ["timeline", name],
            ["network", "--json"],
            ["chain", "新能源汽车"],
        ):
            result = run.invoke(cli_app, [*command, "--db", "kb.db"])
            assert result.exit_code == 0, (command, result.output)
            outputs.append(result.stdout + result.stderr)
    for output in outputs:
        for root in server_paths(home):
            assert root not in output
