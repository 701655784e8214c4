"""One meaning of a conflict, proved on a corpus written for it and run through the whole pipeline.

Two invented reports about one zone: a total and its subset, an actual
value and a target for the same month, and two outlets that disagree on
the total. The subset is no conflict, the target is marked and never
compared, and the disagreement is a conflict in the API, the timeline
page, the entity profile and the CLI alike.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from innoatlas.cli import app
from innoatlas.pipeline import ingest_paths
from innoatlas.store import open_store
from innoatlas.web.app import create_app

FIRST = """临江高新区研发机构达48家
发布时间：2024-05-06  来源：甲日报

临江高新区管委会5月5日介绍，截至2024年4月末，临江高新区共集聚研发机构48家，其中新型研发机构17家，高新技术企业160家。

临江高新区相关负责人表示，下一步将力争全年培育高新技术企业200家以上。
"""
SECOND = """临江高新区集聚研发机构52家
发布时间：2024-05-08  来源：乙晚报

记者5月7日从临江高新区获悉，截至2024年4月末，临江高新区已集聚研发机构52家，园区计划高新技术企业达到200家。
"""


@pytest.fixture
def kb(store_url, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "linjiang_a.txt").write_text(FIRST, encoding="utf-8")
    (folder / "linjiang_b.txt").write_text(SECOND, encoding="utf-8")
    store = open_store(store_url)
    report = ingest_paths([folder], store)
    assert report.counts["failed"] == 0, report.failures
    yield store
    store.close()


def zone_id(client) -> int:
    found = client.get("/api/entities", params={"type": "zone"}).json()["items"]
    return next(e["id"] for e in found if e["name"] == "临江高新区")


def test_the_disagreement_is_the_one_conflict_everywhere(kb):
    client = TestClient(create_app(kb))
    subject = zone_id(client)
    conflicts = client.get("/api/analysis/conflicts").json()["items"]
    assert [(c["measure"], c["period"], sorted(v["value"] for v in c["values"])) for c in conflicts] == [
        ("研发机构", "2024-04", [48, 52])
    ]
    series = client.get("/api/series", params={"subject": subject, "metric_key": "rd_institutions"})
    flagged = {(p["value"], p["period"]) for p in series.json()["items"] if p["conflict"]}
    assert flagged == {(48, "2024-04"), (52, "2024-04")}  # not the subset 17, not the undated headlines
    profile = client.get(f"/api/entities/{subject}").json()["indicators"]["items"]
    assert {(p["value"], p["period"]) for p in profile if p["conflict"]} == flagged
    page = client.get(f"/entities/{subject}")
    assert page.text.count('class="conflict"') == 2
    timeline = client.get("/analysis/timeline", params={"subject": "临江高新区"}).text
    assert timeline.count('<tr class="conflict') == 2 and "已被更新" in timeline


def test_the_subset_is_no_conflict_and_the_target_is_marked_not_compared(kb):
    client = TestClient(create_app(kb))
    timeline = client.get("/api/analysis/timeline", params={"subject": "临江高新区"}).json()
    by_label = {(s["label"], s["kind"]): s for s in timeline["series"]}
    institutions = by_label[("研发机构", "level")]
    subset = next(p for p in institutions["points"] if p["measure"] == "研发机构（新型）")
    assert (subset["value"], subset["conflict"]) == (17, False)
    firms = by_label[("高新技术企业", "level")]
    assert [(p["value"], p["conflict"]) for p in firms["points"]] == [(160, False)]
    assert sorted((p["value"], p["status"]) for p in firms["targets"]) == [(200, "target"), (200, "target")]
    page = client.get("/analysis/timeline", params={"subject": "临江高新区"}).text
    assert page.count("目标值，不参与比较") == 2


def test_the_cli_lists_the_conflicts_of_the_named_subject_only(kb):
    runner = CliRunner()
    named = runner.invoke(app, ["timeline", "临江高新区", "--conflicts", "--db", kb.url])
    assert named.exit_code == 0, named.output
    assert "数值冲突 (conflicts): 1" in named.output and "研发机构" in named.output
    unknown = runner.invoke(app, ["timeline", "不存在区", "--conflicts", "--db", kb.url])
    assert unknown.exit_code == 1
    assert "error: no entity named '不存在区' in the knowledge base" in unknown.output


def test_the_cli_entity_profile_flags_the_same_two_reports(kb):
    result = CliRunner().invoke(app, ["entity", "临江高新区", "--db", kb.url])
    assert result.exit_code == 0, result.output
    flagged = [line for line in result.output.splitlines() if "数值冲突" in line]
    assert (
        len(flagged) == 2 and any("48" in line for line in flagged) and any("52" in line for line in flagged)
    )
