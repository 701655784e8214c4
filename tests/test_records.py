"""One record schema: a figure reads the same in every output (extract JSONL, API, exports, gold)."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from typer.testing import CliRunner

from innoatlas import records
from innoatlas.cli import app
from innoatlas.store import open_store
from innoatlas.web.app import create_app

# A short report written for this test: one park, two figures, one cooperation.
REPORT = (
    "南岸数智产业园发布年度报告\n\n"
    "2026年1月8日，南岸数智产业园发布年度报告。截至2025年底，南岸数智产业园已集聚软件企业320余家，"
    "全年营业收入达到58亿元。重庆大学与南岸数智产业园签署战略合作协议。\n"
)
# The fields a stored figure shares with the extractor's output.
SHARED = [f for f in records.INDICATOR_JSONL if f in records.INDICATOR_STORED]


@pytest.fixture
def kb(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("INNOATLAS_DB", raising=False)
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    runner = CliRunner()
    for args in (
        ["extract", "report.txt", "--jsonl", "pred.jsonl"],
        ["ingest", "report.txt", "--silent"],
        ["export", "indicators", "--out", "indicators.parquet"],
        ["review", "export-facts", "facts.jsonl"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
    return tmp_path


def figure(rows: list[dict], value: float) -> dict:
    (row,) = [r for r in rows if r["value"] == value]
    return row


def test_the_extractor_writes_each_record_in_its_view(kb):
    (annotation,) = [
        json.loads(line) for line in (kb / "pred.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert list(annotation) == [*records.DOCUMENT_JSONL, "entities", "indicators", "relations"]
    assert annotation["doc"] == "report.txt"
    assert {tuple(e) for e in annotation["entities"]} == {records.ENTITY_GOLD}
    assert [tuple(i) for i in annotation["indicators"]] == [records.INDICATOR_JSONL] * 2
    assert {tuple(r) for r in annotation["relations"]} == {records.RELATION_JSONL}


def test_a_figure_reads_the_same_in_the_api_the_exports_and_the_extractor_output(kb):
    (annotation,) = [
        json.loads(line) for line in (kb / "pred.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    extracted = figure(annotation["indicators"], 320)
    assert (extracted["unit"], extracted["approx"], extracted["period"]) == ("家", "over", "2025")
    with open_store(f"sqlite:///{kb / 'innoatlas.db'}", create=False) as store:
        with TestClient(create_app(store)) as client:
            api = figure(client.get("/api/indicators").json()["items"], 320)
            (doc,) = client.get("/api/documents").json()["items"]
            (relation,) = client.get(f"/api/documents/{doc['id']}").json()["relations"]
    parquet = figure(pq.read_table(kb / "indicators.parquet").to_pylist(), 320)
    facts = figure(
        [json.loads(line) for line in (kb / "facts.jsonl").read_text(encoding="utf-8").splitlines()], 320
    )
    for output in (api, parquet):
        assert [f for f in output if f in records.INDICATOR_STORED] == list(records.INDICATOR_STORED)
        assert {f: output[f] for f in SHARED} == {f: extracted[f] for f in SHARED}
    assert {f: facts[f] for f in records.INDICATOR_FACTS} == {f: api[f] for f in records.INDICATOR_FACTS}
    (extracted_relation,) = annotation["relations"]
    assert [f for f in relation if f in records.RELATION_API] == list(records.RELATION_API)
    assert relation["quote"] == extracted_relation["quote"]
    assert (relation["subject"]["name"], relation["object"]["name"]) == ("重庆大学", "南岸数智产业园")


def test_a_record_with_a_wrong_field_is_refused_when_made():
    with pytest.raises(ValidationError, match="value"):
        records.Indicator(
            quote="营收58亿元", start=0, end=6, value="五十八", unit="亿元", value_base=None, base_unit="元"
        )
