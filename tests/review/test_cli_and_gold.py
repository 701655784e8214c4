"""innoatlas user and review commands, and the gold export scored by the evaluation's scorer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from innoatlas.cli import app
from innoatlas.review.export import export_gold
from innoatlas.store import open_store
from tests.conftest import SHARED
from tests.review.conftest import reingest

SCORER = SHARED / "eval" / "score.py"


@pytest.fixture
def cli(store_url):
    runner = CliRunner()

    def run(*args, input: str | None = None):
        return runner.invoke(app, [*map(str, args), "--db", store_url], input=input)

    return run


def test_user_add_list_remove(cli, kb):
    added = cli(
        "user", "add", "analyst2", "--role", "editor", "--password-stdin", input="a long passphrase\n"
    )
    assert added.exit_code == 0, added.output
    token = cli("user", "add", "robot", "--role", "viewer", "--no-password", "--token")
    assert token.exit_code == 0 and token.stdout.strip().startswith("ia_")
    listed = cli("user", "list")
    assert "analyst2" in listed.stdout and "robot" in listed.stdout and "viewer" in listed.stdout
    assert cli("user", "remove", "robot").exit_code == 0
    assert "robot" not in cli("user", "list").stdout
    missing = cli("user", "remove", "robot")
    assert (missing.exit_code, missing.stderr) == (1, "error: no user 'robot' (see innoatlas user list)\n")


def test_user_add_refuses_a_short_password_and_a_user_that_could_never_log_in(cli, kb):
    short = cli("user", "add", "x1", "--password-stdin", input="short\n")
    assert (short.exit_code, short.stderr) == (
        1,
        "error: the password of 'x1' is shorter than 10 characters\n",
    )
    neither = cli("user", "add", "x2", "--no-password")
    assert neither.exit_code == 1
    assert neither.stderr == "error: a user without a password needs --token, or it could never log in\n"


def first_indicator(store, quote: str) -> int:
    from sqlalchemy import select

    from innoatlas.store.schema import Indicator

    with store.session() as session:
        return session.scalar(select(Indicator.id).where(Indicator.quote == quote))


def test_an_empty_review_log_is_an_empty_json_array(cli, kb):
    logged = cli("review", "log", "--json")
    assert (logged.exit_code, logged.stdout) == (0, "[]\n")


def test_review_log_and_undo_from_the_cli(cli, client, kb):
    target = first_indicator(kb, "高新技术企业达到1500家")
    action = client.post(f"/api/review/indicators/{target}/correct", json={"changes": {"value": 1600}}).json()
    logged = cli("review", "log", "--json")
    entry = json.loads(logged.stdout)[0]
    assert (entry["id"], entry["user"], entry["after"]["fields"]["value"]) == (
        action["id"],
        "analyst",
        1600.0,
    )
    refused = cli("review", "undo", str(action["id"]), "--as", "reader")
    assert refused.stderr == "error: user 'reader' has the role 'viewer'; undoing needs 'editor'\n"
    done = cli("review", "undo", str(action["id"]), "--as", "analyst", "--reason", "typo")
    assert done.exit_code == 0, done.output
    assert client.get(f"/api/indicators/{target}").json()["value"] == 1500.0
    assert json.loads(cli("review", "log", "--json").stdout)[0]["undo_reason"] == "typo"


def test_gold_export_has_the_annotation_shape_and_only_reviewed_facts(cli, client, kb, tmp_path):
    target = first_indicator(kb, "两江新区已集聚研发平台120余个")
    client.post(f"/api/review/indicators/{target}/correct", json={"changes": {"value": 125}})
    out = tmp_path / "gold"
    result = cli("review", "export-gold", out)
    assert result.exit_code == 0 and result.stderr == f"wrote 1 gold files to {out}\n"
    gold = json.loads((out / "liangjiang.txt.gold.json").read_text(encoding="utf-8"))
    assert gold == {
        "doc": "liangjiang.txt",
        "published": "2024-03-05",
        "entities": [],
        "indicators": [
            {
                "quote": "两江新区已集聚研发平台120余个",
                "subject": "两江新区",
                "metric": "集聚研发平台数量",
                "value": 125.0,
                "unit": "个",
                "approx": "over",
                "period": "2023",
                "kind": "level",
            }
        ],
    }
    assert "两江新区已集聚研发平台120余个" in (out / "docs" / "liangjiang.txt").read_text(encoding="utf-8")
    from typer.testing import CliRunner

    from innoatlas.cli import app

    trained = CliRunner().invoke(app, ["train", "--extra", str(out), "--out", str(tmp_path / "models")])
    assert trained.exit_code == 0, trained.output
    assert "trained on 1 gold documents from 1 sets" in trained.stdout
    assert (tmp_path / "models" / "entities.json.gz").is_file()


def test_gold_export_of_all_facts_scores_the_extractor_against_the_correction(client, kb, article, tmp_path):
    if not SCORER.is_file():
        pytest.skip(f"the evaluation scorer is not next to the repository ({SCORER})")
    target = first_indicator(kb, "两江新区已集聚研发平台120余个")
    client.post(f"/api/review/indicators/{target}/correct", json={"changes": {"value": 125}})
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    with kb.session() as session:
        (gold,) = export_gold(session, all_facts=True)
    (gold_dir / f"{gold['doc']}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert "relations" in gold and gold["entities"]

    def score(pred: dict) -> dict:
        pred_path = tmp_path / "pred.jsonl"
        pred_path.write_text(json.dumps(pred, ensure_ascii=False) + "\n", encoding="utf-8")
        command = [
            sys.executable,
            str(SCORER),
            "--gold",
            str(gold_dir),
            "--docs",
            str(article.parent),
            "--pred",
            str(pred_path),
            "--json",
        ]
        return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)

    assert score(gold)["indicator_f1"] == 1.0  # the gold against itself
    from innoatlas.pipeline import extract_paths

    (machine,) = extract_paths([str(article)])
    figures = score(machine)
    assert figures["indicator_f1"] < 1.0  # the extractor still reads 120: the correction is new gold
    assert figures["entity_f1"] == 1.0


def test_reviewed_only_export_follows_reingest(client, kb, article):
    target = first_indicator(kb, "高新技术企业达到1500家")
    client.post(f"/api/review/indicators/{target}/confirm", json={})
    reingest(kb, article)
    with kb.session() as session:
        (gold,) = export_gold(session)
    assert [i["quote"] for i in gold["indicators"]] == ["高新技术企业达到1500家"]


def test_review_pages_show_the_status_and_the_log(client, kb):
    target = first_indicator(kb, "高新技术企业达到1500家")
    client.post(f"/api/review/indicators/{target}/confirm", json={"reason": "检查过年报"})
    page = client.get("/review")
    assert page.status_code == 200 and "检查过年报" in page.text and "analyst" in page.text
    doc_id = client.get("/api/documents").json()["items"][0]["id"]
    review = client.get(f"/review/documents/{doc_id}")
    assert review.status_code == 200
    assert 'class="review-status s-confirmed">已确认' in review.text
    assert 'class="review-status s-machine">机器抽取' in review.text
    english = client.get(f"/review/documents/{doc_id}", params={"lang": "en"})
    assert 'class="review-status s-confirmed">confirmed' in english.text


def test_opening_the_store_again_keeps_reviews(store_url, client, kb):
    target = first_indicator(kb, "高新技术企业达到1500家")
    client.post(f"/api/review/indicators/{target}/confirm", json={})
    with open_store(store_url) as again, again.session() as session:
        assert len(export_gold(session)) == 1


def test_fact_exports_can_be_restricted_to_reviewed_facts(cli, client, kb, tmp_path):
    target = first_indicator(kb, "高新技术企业达到1500家")
    client.post(f"/api/review/indicators/{target}/confirm", json={})
    everything = client.get("/api/review/facts/indicators").json()
    reviewed = client.get("/api/review/facts/indicators", params={"reviewed_only": True}).json()
    assert everything["total"] == 3 and reviewed["total"] == 1
    assert [(r["quote"], r["review_status"]) for r in reviewed["items"]] == [
        ("高新技术企业达到1500家", "confirmed")
    ]
    out = tmp_path / "reviewed.jsonl"
    result = cli("review", "export-facts", out, "--reviewed-only")
    assert result.exit_code == 0 and result.stderr == f"wrote 1 indicators to {out}\n"
    assert [json.loads(line)["value"] for line in out.read_text(encoding="utf-8").splitlines()] == [1500.0]
    csv_out = tmp_path / "all.csv"
    assert cli("review", "export-facts", csv_out).exit_code == 0
    assert csv_out.read_text(encoding="utf-8-sig").splitlines()[0].startswith("id,document,subject,metric")
    bad = cli("review", "export-facts", out, "--target", "documents")
    assert bad.stderr == "error: --target must be one of indicators, relations, entities, not 'documents'\n"


def test_reviewed_figures_carry_a_mark_on_the_ordinary_pages(client, kb):
    target = first_indicator(kb, "高新技术企业达到1500家")
    other = first_indicator(kb, "两江新区已集聚研发平台120余个")
    mark = '<span class="review-mark" title="人工审核: confirmed">✓</span>'
    assert mark not in client.get(f"/indicators/{target}").text
    client.post(f"/api/review/indicators/{target}/confirm", json={})
    assert mark in client.get(f"/indicators/{target}").text
    assert "review-mark" not in client.get(f"/indicators/{other}").text
    doc_id = client.get("/api/documents").json()["items"][0]["id"]
    assert client.get(f"/documents/{doc_id}").text.count("review-mark") == 1
