"""Timelines: series with sources, conflicts beyond approximation, supersession, one point per fact."""

from __future__ import annotations

from datetime import date

import pytest

from innoatlas.analysis import AnalysisError
from innoatlas.analysis.conflicts import ranges_overlap, value_range
from innoatlas.analysis.timeline import build_timeline, find_all_conflicts, period_end


def series_of(timeline: dict, key: str) -> dict:
    return next(s for s in timeline["series"] if s["key"] == key and s["kind"] == "level")


def test_rd_platforms_of_the_innovation_district_is_a_series_with_its_source(corpus):
    timeline = build_timeline(corpus, "两江协同创新区", "rd_platforms")
    points = series_of(timeline, "rd_platforms")["points"]
    platforms = next(p for p in points if p["value"] == 80)
    assert (platforms["period"], platforms["unit"], platforms["approx"]) == ("2021-11-08", "个", "over")
    (source,) = platforms["sources"]
    assert "80" in source["quote"] and "研发平台" in source["quote"]
    assert source["document"]["name"] == "000_7216f30cd03e4256.txt"
    assert source["document"]["published"] == "2021-11-08"


def test_two_example_reports_of_one_month_disagree_and_the_older_is_superseded(corpus):
    timeline = build_timeline(corpus, "两江协同创新区", "rd_institutions")
    (conflict,) = timeline["conflicts"]
    assert (conflict["measure"], conflict["period"]) == ("研发机构", "2024-02")
    by_value = {v["value"]: v for v in conflict["values"]}
    assert set(by_value) == {62, 65}
    assert by_value[62]["sources"][0]["document"]["outlet"] == "两江观察网"
    assert by_value[65]["sources"][0]["document"]["outlet"] == "渝北科技报"
    assert by_value[62]["superseded_by"] == by_value[65]["id"]
    assert by_value[65]["superseded_by"] is None


def test_a_subset_measure_of_the_same_period_is_no_conflict(corpus):
    points = series_of(build_timeline(corpus, "两江协同创新区", "rd_institutions"), "rd_institutions")[
        "points"
    ]
    new_type = next(p for p in points if p["measure"] == "研发机构（新型）" and p["period"] == "2024-02")
    assert (new_type["value"], new_type["period"], new_type["conflict"]) == (27, "2024-02", False)


def test_a_repost_does_not_add_a_source(corpus):
    points = series_of(build_timeline(corpus, "两江协同创新区", "rd_institutions"), "rd_institutions")[
        "points"
    ]
    dated_62 = next(p for p in points if p["value"] == 62 and p["period"] == "2024-02")
    assert [s["document"]["name"] for s in dated_62["sources"]] == ["cq_liangjiang_xietong_2024.txt"]


def test_every_conflict_of_the_corpus_is_listed_with_its_subject(corpus):
    conflicts = find_all_conflicts(corpus)
    assert ("两江协同创新区", "rd_institutions", "2024-02") in {
        (c["subject"]["name"], c["series"], c["period"]) for c in conflicts
    }


def test_approximation_words_widen_what_counts_as_agreement():
    assert not ranges_overlap(value_range(62, "exact"), value_range(65, "exact"))
    assert ranges_overlap(value_range(80, "over"), value_range(85, "exact"))
    assert not ranges_overlap(value_range(80, "over"), value_range(78, "exact"))
    assert ranges_overlap(value_range(100, "about"), value_range(108, "exact"))
    assert ranges_overlap(value_range(1048.63, "exact"), value_range(1048.6, "exact"))
    assert value_range(-2.6, "exact")[0] < -2.6 < value_range(-2.6, "exact")[1]


def test_periods_order_by_their_last_day():
    assert period_end("2024") == "2024-12-31"
    assert period_end("2024-02") == "2024-02-28"
    assert period_end("2024-H1") == "2024-06-28"
    assert period_end("2021-Q1..Q3") == "2021-09-28"
    assert period_end("2025-01..05") == "2025-05-28"
    assert period_end("sometime") is None


def test_one_fact_from_two_outlets_is_one_point_with_two_sources(make_store):
    kb = make_store
    kb.entity("甲高新区", "zone")
    kb.document("a.txt", "甲高新区拥有孵化器12家。", "甲日报", date(2024, 5, 1))
    kb.document("b.txt", "据报道，甲高新区拥有孵化器12家。", "乙晚报", date(2024, 5, 2))
    kb.document("c.txt", "甲高新区孵化器约有20家。", "丙网", date(2024, 6, 1))
    for doc in ("a.txt", "b.txt"):
        kb.indicator("甲高新区", "孵化器数量", "incubators", 12, "家", "2024-04", doc, "拥有孵化器12家")
    kb.indicator(
        "甲高新区", "孵化器数量", "incubators", 20, "家", "2024-04", "c.txt", "孵化器约有20家", approx="about"
    )
    with kb.store.session() as session:
        points = build_timeline(session, "甲高新区")["series"][0]["points"]
    twelve = next(p for p in points if p["value"] == 12)
    assert [s["document"]["outlet"] for s in twelve["sources"]] == ["甲日报", "乙晚报"]
    twenty = next(p for p in points if p["value"] == 20)
    assert twelve["conflict"] and twenty["conflict"]
    assert twelve["superseded_by"] == twenty["id"]


def test_an_unknown_subject_is_a_clear_error(corpus):
    with pytest.raises(AnalysisError, match="no entity named '不存在区' in the knowledge base"):
        build_timeline(corpus, "不存在区")


@pytest.mark.parametrize("subject", ["¹", "٣", "²³"])
def test_a_digit_that_is_no_ascii_digit_is_a_name_not_an_id(corpus, subject):
    # str.isdigit() holds for ¹ and ٣, which int() cannot read: the API answered 500.
    with pytest.raises(AnalysisError, match="no entity named"):
        build_timeline(corpus, subject)
