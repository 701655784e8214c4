"""Region comparison and the composite index: latest values, method, missing data, rank ranges."""

from __future__ import annotations

from datetime import date

import pytest

from innoatlas.analysis import AnalysisError
from innoatlas.analysis.compare import compare_units
from innoatlas.analysis.index import IndexOptions, compute_index


def test_comparison_on_the_demo_sets_only_like_beside_like(corpus):
    table = compare_units(corpus, ["两江协同创新区", "东湖高新区", "西安高新区"])
    (row,) = table["rows"]  # the only metric two of them report the same way
    assert (row["label"], row["scope"], row["subset"]) == ("研发机构（新型）", "subset", "新型")
    district, donghu, xian = row["cells"]
    assert (district["value"], district["period"]) == (27, "2024-02")
    assert donghu["value"] == 18 and donghu["period"].startswith("2023")
    assert xian is None
    single = {r["label"]: r for r in table["single"]}
    # the total of all institutions is listed apart: no other unit reports a total
    assert single["研发机构"]["cells"][0]["value"] == 65
    assert single["联合实验室"]["cells"][0]["value"] == 11 and single["中试平台"]["cells"][1]["value"] == 35
    labels = [r["label"] for r in table["rows"] + table["single"]]
    assert not any("研发周期" in label for label in labels)  # a share, not a count of enterprises
    targets = [c for r in table["rows"] + table["single"] for c in r["cells"] if c and "力争" in c["quote"]]
    assert targets == []


def test_comparison_with_no_shared_metric_says_so(corpus):
    table = compare_units(corpus, ["两江协同创新区", "沙坪坝"])
    assert table["rows"] == []
    assert table["message"].startswith("没有两个以上单位共同报告的同口径指标")


def build_zones(kb, values: dict):
    kb.document("z.txt", "四个园区的创新数据。", "示例报", date(2024, 12, 1))
    metrics = (
        ("研发平台数量", "个", "研发平台"),
        ("研发机构数量", "家", "研发机构"),
        ("孵化器数量", "家", "孵化器"),
    )
    for name, numbers in values.items():
        kb.entity(name, "zone")
        for (metric, unit, noun), value in zip(metrics, numbers, strict=True):
            if value is not None:
                kb.indicator(name, metric, "", value, unit, "2024", "z.txt", f"{name}{noun}{value}{unit}")


FOUR = {"甲园": (10, 5, 2), "乙园": (20, 15, 4), "丙园": (30, None, 6), "丁园": (40, 25, 8)}


def index_of(kb, **options) -> dict:
    with kb.store.session() as session:
        return compute_index(session, IndexOptions(**{"draws": 200, **options}))


def test_index_scores_follow_the_stated_method(make_store):
    build_zones(make_store, FOUR)
    result = index_of(make_store, min_unit_indicators=2)
    scores = {u["unit"]["name"]: (u["score"], u["rank_label"]) for u in result["units"]}
    # min-max per indicator, equal weights renormalised over what a unit reports
    assert scores == {
        "丁园": (1.0, "第1"),
        "丙园": (0.6667, "第2"),
        "乙园": (0.3889, "第3"),
        "甲园": (0.0, "第4"),
    }
    third = next(u for u in result["units"] if u["unit"]["name"] == "丙园")
    assert third["missing"] == ["rd_institutions"] and third["coverage"] == "2/3"
    assert [i["label"] for i in result["method"]["indicators"]] == ["研发机构", "研发创新平台", "孵化载体"]
    assert result["method"]["summary"].startswith("采用 3 项指标：研发机构、研发创新平台、孵化载体")
    assert result["method"]["missing"].startswith("no imputation")


def test_tied_units_share_the_rank_and_say_so(make_store):
    build_zones(make_store, {"甲园": (10, 5, 2), "乙园": (10, 5, 2), "丙园": (30, 15, 6)})
    result = index_of(make_store)
    labels = {u["unit"]["name"]: u["rank_label"] for u in result["units"]}
    assert labels == {"丙园": "第1", "甲园": "并列第2", "乙园": "并列第2"}
    assert [sorted(u["name"] for u in t["units"]) for t in result["ties"]] == [["乙园", "甲园"]]


def test_missing_values_can_count_as_the_lowest(make_store):
    build_zones(make_store, FOUR)
    result = index_of(make_store, missing="lowest", min_unit_indicators=2)
    scores = {u["unit"]["name"]: u["score"] for u in result["units"]}
    assert scores == {"丁园": 1.0, "丙园": 0.4444, "乙园": 0.3889, "甲园": 0.0}


def test_rank_ranges_are_reproducible_with_a_fixed_seed(make_store):
    build_zones(make_store, FOUR)
    first = index_of(make_store, seed=7, draws=300, min_unit_indicators=2)
    again = index_of(make_store, seed=7, draws=300, min_unit_indicators=2)
    assert [(u["unit"]["name"], u["rank_range"]) for u in first["units"]] == [
        (u["unit"]["name"], u["rank_range"]) for u in again["units"]
    ]
    for unit in first["units"]:
        low, high = unit["rank_range"]["min"], unit["rank_range"]["max"]
        assert low <= unit["rank_range"]["p5"] <= unit["rank_range"]["p95"] <= high
        assert unit["method"] and unit["indicators"]
    assert "300 Monte-Carlo draws, seed 7" in first["method"]["uncertainty"]


def test_units_without_enough_data_are_left_out_saying_why(make_store):
    build_zones(make_store, FOUR)
    result = index_of(make_store)
    assert [(x["name"], x["reason"]) for x in result["excluded_units"]] == [
        ("丙园", "reports 2 of the 3 kept indicators, fewer than 3")
    ]
    assert len(result["units"]) == 3


def test_an_index_of_two_units_explains_why_it_cannot_rank(corpus):
    result = compute_index(corpus, IndexOptions(units=["两江协同创新区", "东湖高新区"], draws=10))
    assert result["ranked"] is False and result["units"] == []
    assert result["message"].startswith("无法排名：只选了 2 个单位，至少需要 3 个")


def test_the_demo_has_too_few_shared_indicators_for_an_index(corpus):
    result = compute_index(corpus, IndexOptions(draws=10))
    assert result["ranked"] is False
    assert "被至少 3 个单位同口径报告的指标只有" in result["message"]
    assert any(d["reason"] == "no unit reports it" for d in result["method"]["dropped_indicators"])


def test_a_bad_method_choice_is_a_clear_error(corpus):
    with pytest.raises(
        AnalysisError, match="unknown aggregation 'median' .choose one of arithmetic, geometric"
    ):
        compute_index(corpus, IndexOptions(aggregation="median"))


def test_the_cli_index_prints_the_ranking_and_its_method_in_chinese(make_store):
    from typer.testing import CliRunner

    from innoatlas.cli import app

    build_zones(make_store, FOUR)
    args = [
        "index",
        "--draws",
        "50",
        "--seed",
        "3",
        "--min-unit-indicators",
        "2",
        "--db",
        make_store.store.url,
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "采用 3 项指标：研发机构、研发创新平台、孵化载体" in result.output
    assert "最小—最大值标准化" in result.output and "蒙特卡洛模拟 50 次（随机种子 3）" in result.output
    assert "第1" in result.output and "丁园" in result.output
