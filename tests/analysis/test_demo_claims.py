"""What a new user reads on the demo knowledge base: each answer the analysis gives there.

Every test here runs on the bundled example corpus as `innoatlas demo`
ingests it and checks one thing an analyst would otherwise catch at once.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from innoatlas.analysis.chain_map import build_chain_map
from innoatlas.analysis.compare import compare_units
from innoatlas.analysis.timeline import build_timeline
from innoatlas.cli import app
from innoatlas.web.app import create_app


@pytest.fixture(scope="module")
def client(demo_store):
    return TestClient(create_app(demo_store))


@pytest.fixture
def demo(demo_store):
    with demo_store.session() as session:
        yield session


def run_cli(store, *args):
    return CliRunner().invoke(app, [*args, "--db", store.url])


def test_the_vehicle_chain_has_its_two_leaders_and_four_segments_with_quotes(demo):
    chain = build_chain_map(demo, "新能源汽车")
    assert [a["entity"]["name"] for a in chain["roles"]["leaders"]] == ["赛力斯", "长安汽车"]
    lead = chain["roles"]["leaders"][0]["evidence"][0]
    assert "链主企业" in lead["quote"] and lead["document"]["name"] == "feed_2024.jsonl#2"
    filled = {s["zh"]: s["actors"] for s in chain["segments"] if s["actors"]}
    assert {"整车制造", "汽车零部件", "动力电池", "电驱电控"} <= set(filled)
    assert all(a["quote"] for actors in filled.values() for a in actors)
    assert "青凤高科产业园" in [a["name"] for a in filled["汽车零部件"]]
    assert len(chain["gaps"]) == len(chain["segments"]) - len(filled)
    assert chain["basis"] == "本图谱依据 4 篇提及该产业链的文档，其中 3 篇提供了主体证据。"
    # a zone that only focuses on the chain is listed as such, not guessed into a segment
    assert [e["name"] for e in chain["unplaced"]] == ["两江协同创新区"]


def test_the_chain_page_draws_what_the_cli_prints(demo_store, client):
    printed = run_cli(demo_store, "chain", "新能源汽车")
    assert printed.exit_code == 0, printed.output
    assert "链主企业" in printed.output and "本图谱依据 4 篇" in printed.output
    page = client.get("/analysis/chain", params={"industry": "新能源汽车"}).text
    assert "本图谱依据 4 篇提及该产业链的文档" in page
    assert "长安汽车、赛力斯等链主企业带动电池、电驱、智能座舱等领域企业加快集聚" in page
    assert page.count('class="gap"') == 4  # 关键材料, 芯片, 车联网, 充换电: no actor in the corpus


def test_the_biomedicine_chain_names_its_firms_once(demo):
    chain = build_chain_map(demo, "生物医药")
    enterprises = [a["entity"]["name"] for a in chain["roles"]["enterprises"]]
    assert {"先导药物", "百利药业"} <= set(enterprises)
    zones = [a["entity"]["name"] for a in chain["roles"]["zones"]]
    assert len(zones) == len(set(zones))
    pharma = next(s for s in chain["segments"] if s["key"] == "pharma")
    assert {"先导药物", "百利药业"} <= {a["name"] for a in pharma["actors"]}  # 共建创新药临床试验中心


def test_compare_sets_only_like_beside_like(demo):
    table = compare_units(demo, ["两江协同创新区", "东湖高新区", "西安高新区", "成都高新区"])
    for row in table["rows"]:
        assert row["reported_by"] >= 2
        assert (
            len(
                {
                    (
                        c["canonical"]["key"],
                        c["canonical"]["scope"],
                        c["canonical"]["subset"],
                        c["canonical"]["family"],
                    )
                    for c in row["cells"]
                    if c
                }
            )
            == 1
        )
    rows = {r["label"]: r for r in table["rows"] + table["single"]}
    assert "研发机构" in rows and "研发机构（新型）" in rows  # 65 (all) and 18 (new-type) are two rows
    assert "联合实验室" in rows and "中试平台" in rows  # 11 and 35 are not one key
    assert not any(c and c["value"] < 1 and c["unit"] == "" for r in rows.values() for c in r["cells"])
    assert rows["投资项目"]["family"] == "count"
    assert [r["label"] for r in table["rows"]] == ["研发机构（新型）"]


def test_index_on_two_units_explains_why_it_cannot_rank(demo_store):
    result = run_cli(demo_store, "index", "两江协同创新区", "东湖高新区")
    assert result.exit_code == 1
    assert "无法排名：只选了 2 个单位，至少需要 3 个" in result.output


def test_the_subset_is_no_conflict_anywhere(client, demo_store):
    district = client.get("/api/entities", params={"type": "zone", "q": "两江协同创新区"}).json()["items"]
    subject = next(e["id"] for e in district if e["name"] == "两江协同创新区")
    series = client.get("/api/series", params={"subject": subject, "metric_key": "rd_institutions"}).json()
    assert sorted(p["value"] for p in series["items"] if p["conflict"]) == [62, 65]
    conflicts = client.get("/api/analysis/conflicts").json()["items"]
    assert [sorted(v["value"] for v in c["values"]) for c in conflicts] == [[62, 65]]
    profile = client.get(f"/api/entities/{subject}").json()["indicators"]["items"]
    assert sorted(p["value"] for p in profile if p["conflict"]) == [62, 65]
    named = run_cli(demo_store, "timeline", "两江协同创新区", "--conflicts")
    assert "数值冲突 (conflicts): 1" in named.output
    unknown = run_cli(demo_store, "timeline", "不存在区", "--conflicts")
    assert unknown.exit_code == 1 and "no entity named '不存在区'" in unknown.output


def test_targets_are_marked_and_kept_out_of_the_achieved_values(demo):
    timeline = build_timeline(demo, "两江协同创新区")
    achieved = [
        s["quote"] for se in timeline["series"] for p in se["points"] + se["undated"] for s in p["sources"]
    ]
    targets = [s["quote"] for se in timeline["series"] for p in se["targets"] for s in p["sources"]]
    for plan in (
        "力争全年孵化科技型企业100家以上",
        "下一步将新建中试平台3个",
        "今年计划新增市级以上创新平台8个",
    ):
        assert plan in targets and plan not in achieved


def test_labels_are_chinese_and_a_growth_rate_keeps_what_grew(demo):
    labels = [s["label"] for s in build_timeline(demo, "两江协同创新区")["series"]]
    assert "高端人才增速" in labels and "研发机构" in labels
    assert not any(label.isascii() for label in labels)


def test_the_series_explorer_heads_a_series_with_its_chinese_label(client):
    district = client.get("/api/entities", params={"type": "zone", "q": "两江协同创新区"}).json()["items"]
    subject = next(e["id"] for e in district if e["name"] == "两江协同创新区")
    page = client.get("/indicators", params={"subject": subject, "metric_key": "rd_institutions"}).text
    assert "两江协同创新区 · 研发机构 (rd_institutions)</h2>" in page
    assert page.count('class="conflict"') == 2  # 62 and 65 of February, not the subset 27
    growth = client.get("/indicators", params={"subject": subject, "metric_key": "growth_rate"}).text
    assert "增速（对象未注明） (growth_rate)</h2>" in growth
    english = client.get(
        "/indicators", params={"subject": subject, "metric_key": "rd_institutions", "lang": "en"}
    )
    assert "R&amp;D institutions (rd_institutions)</h2>" in english.text


def test_a_region_hosting_a_segments_firms_has_no_gap_there(demo):
    chain = build_chain_map(demo, "新能源汽车", "两江新区")
    batteries = next(s for s in chain["segments"] if s["key"] == "batteries")
    (host,) = batteries["actors"]
    assert (host["name"], host["host"]) == ("两江新区", True)
    assert "带动电池、电驱、智能座舱等领域企业加快集聚" in host["quote"]
    assert {s["zh"] for s in chain["gaps"]} == {
        "关键材料",
        "车规芯片与传感器",
        "车联网与出行服务",
        "充换电与后市场",
    }
    # the Shapingba story counts too: its park's suppliers serve 赛力斯, a firm of 两江新区
    assert (
        chain["basis"]
        == "本图谱依据 4 篇提及该产业链且提及两江新区或其下属主体的文档，其中 3 篇提供了主体证据。"
    )
