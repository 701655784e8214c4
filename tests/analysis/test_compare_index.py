"""Region comparison and the composite index: latest values, method, missing data, rank ranges."""

from __future__ import annotations

from datetime import date

import pytest

from innoatlas.analysis import AnalysisError
from innoatlas.analysis.compare import compare_units
from innoatlas.analysis.index import IndexOptions, compute_index


def test_comparison_shows_the_latest_value_with_period_source_and_conflict(corpus):
    table = compare_units(corpus, ["两江协同创新区", "沙坪坝"], ["rd_institutions", "industrial_output"])
    assert [u["name"] for u in table["units"]][0] == "两江协同创新区"
    institutions, output = table["rows"]
    district, shapingba = institutions["cells"]
    assert (district["value"], district["period"], district["conflict"]) == (65, "2024-02", True)
    assert district["document"]["outlet"] == "渝北科技报"
    assert shapingba is not None and shapingba["quote"]
    assert output["cells"][0] is None
    assert (output["cells"][1]["value"], output["cells"][1]["unit"]) == (163, "亿元")


def build_three_zones(kb):
    kb.document("z.txt", "三个园区的创新数据。", "示例报", date(2024, 12, 1))
    values = {"甲园": (10, 5), "乙园": (20, 15), "丙园": (30, None)}
    for name, (platforms, institutes) in values.items():
        kb.entity(name, "zone")
        kb.indicator(
            name,
            "研发平台数量",
            "rd_platforms",
            platforms,
            "个",
            "2024",
            "z.txt",
            f"{name}研发平台{platforms}个",
        )
        if institutes is not None:
            kb.indicator(
                name,
                "研发机构数量",
                "rd_institutions",
                institutes,
                "家",
                "2024",
                "z.txt",
                f"{name}研发机构{institutes}家",
            )


def index_of(kb, **options) -> dict:
    with kb.store.session() as session:
        return compute_index(session, IndexOptions(min_unit_indicators=1, draws=200, **options))


def test_index_scores_follow_the_stated_method(make_store):
    build_three_zones(make_store)
    result = index_of(make_store)
    scores = {u["unit"]["name"]: (u["score"], u["rank"]) for u in result["units"]}
    # min-max: platforms 0, .5, 1; institutes 0, 1, missing; equal weights renormalised over what is reported
    assert scores == {"丙园": (1.0, 1), "乙园": (0.75, 2), "甲园": (0.0, 3)}
    third = next(u for u in result["units"] if u["unit"]["name"] == "丙园")
    assert third["missing"] == ["rd_institutions"] and third["coverage"] == "1/2"
    assert "minmax" in third["method"] and "1/2 indicators" in third["method"]
    assert [i["key"] for i in result["method"]["indicators"]] == ["rd_platforms", "rd_institutions"]
    assert result["method"]["missing"].startswith("no imputation")


def test_missing_values_can_count_as_the_lowest(make_store):
    build_three_zones(make_store)
    scores = {u["unit"]["name"]: u["score"] for u in index_of(make_store, missing="lowest")["units"]}
    assert scores == {"丙园": 0.5, "乙园": 0.75, "甲园": 0.0}


def test_rank_ranges_are_reproducible_with_a_fixed_seed(corpus):
    first = compute_index(corpus, IndexOptions(seed=7, draws=300))
    again = compute_index(corpus, IndexOptions(seed=7, draws=300))
    assert [(u["unit"]["name"], u["rank_range"]) for u in first["units"]] == [
        (u["unit"]["name"], u["rank_range"]) for u in again["units"]
    ]
    for unit in first["units"]:
        low, high = unit["rank_range"]["min"], unit["rank_range"]["max"]
        assert low <= unit["rank_range"]["p5"] <= unit["rank_range"]["p95"] <= high
        assert unit["method"] and unit["indicators"]
    assert "300 Monte-Carlo draws, seed 7" in first["method"]["uncertainty"]


def test_units_without_enough_data_are_left_out_saying_why(corpus):
    result = compute_index(corpus, IndexOptions(draws=10))
    assert result["excluded_units"]
    assert all("fewer than 2" in x["reason"] for x in result["excluded_units"])
    assert any(d["reason"] == "no unit reports it" for d in result["method"]["dropped_indicators"])


def test_a_bad_method_choice_is_a_clear_error(corpus):
    with pytest.raises(
        AnalysisError, match="unknown aggregation 'median' .choose one of arithmetic, geometric"
    ):
        compute_index(corpus, IndexOptions(aggregation="median"))
