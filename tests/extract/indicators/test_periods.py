"""Time expressions and the ANNOTATION.md periods they resolve to."""

from __future__ import annotations

from datetime import date

import pytest

from innoatlas.documents.model import PublishedDate
from innoatlas.extract.indicators.periods import event_day, find_periods, resolve_period

PUBLISHED = PublishedDate(date(2024, 8, 27), "day")
UNKNOWN = PublishedDate(None, "unknown")


def resolved(text: str, published: PublishedDate = PUBLISHED, context_year: int | None = None) -> list:
    return [resolve_period(p, published, context_year) for p in find_periods(text)]


@pytest.mark.parametrize(
    "text,period",
    [
        ("2022年全年,", "2022"),
        ("2022年,", "2022"),
        ("2023年上半年,", "2023-H1"),
        ("2023年下半年,", "2023-H2"),
        ("2023年前三季度,", "2023-Q1..Q3"),
        ("2023年1-3季度,", "2023-Q1..Q3"),
        ("2023年1—2季度,", "2023-Q1..Q2"),
        ("2023年一至三季度,", "2023-Q1..Q3"),
        ("2023年第二季度,", "2023-Q2"),
        ("2023年1至8月,", "2023-01..08"),
        ("2023年1-5月,", "2023-01..05"),
        ("2023年前5个月,", "2023-01..05"),
        ("截至2024年5月末,", "2024-05"),
        ("截至2023年底,", "2023"),
        ("“十三五”末,", "2020"),
    ],
)
def test_explicit_periods(text, period):
    assert resolved(text) == [period]


def test_a_year_after_publication_is_a_target_without_period():
    """A plan of 2024 that writes 2027年产值超千亿 states a target (ANNOTATION.md: null)."""
    assert resolved("2027年,") == [None]
    assert resolved("2027年,", PublishedDate(date(2028, 2, 1), "day")) == ["2027"]


@pytest.mark.parametrize(
    "text,period",
    [
        ("今年,", "2024"),
        ("今年上半年,", "2024-H1"),
        ("去年,", "2023"),
        ("上年,", "2023"),
        ("前年,", "2022"),
        ("今年以来,", "2024"),
    ],
)
def test_years_relative_to_the_publication_date(text, period):
    assert resolved(text) == [period]


@pytest.mark.parametrize("text", ["截至目前,", "目前,", "近年来,", "“十四五”以来,", "至今,"])
def test_statements_of_the_current_state_hold_at_the_publication_date(text):
    assert resolved(text) == ["2024-08-27"]


def test_relative_years_without_a_publication_date_are_unknown():
    assert resolved("今年上半年,", UNKNOWN) == [None]
    assert resolved("截至目前,", UNKNOWN) == [None]


def test_a_bare_half_year_takes_the_year_the_context_talks_about():
    assert resolved("上半年,", context_year=2021) == ["2021-H1"]
    assert resolved("前三季度,") == ["2024-Q1..Q3"]


@pytest.mark.parametrize("text", ["力争到2027年,", "到2025年,", "达产后,", "明年,", "“十四五”期间,"])
def test_plans_and_spans_of_years_have_no_period(text):
    periods = resolved(text)
    assert periods and set(periods) == {None}


def test_a_day_dates_an_event_not_a_figure():
    (mention,) = find_periods("2024年3月5日,")
    assert mention.kind == "event" and resolve_period(mention, PUBLISHED, None) is None


def test_vague_time_words_are_no_periods():
    assert find_periods("年底前完成,5月举行") == []


def test_spans_point_into_the_text():
    text = "数据显示,今年上半年,园区营收增长9%"
    (mention,) = find_periods(text)
    assert text[mention.start : mention.end] == "今年上半年"


def test_a_bare_year_naming_the_edition_of_a_ranking_is_its_period():
    assert resolved("发布了2023全国创新城市百强榜,") == ["2023"]
    assert find_periods("编号2023AB的文件") == []


def test_a_bare_year_naming_the_edition_of_a_yearly_fair_is_its_period():
    assert resolved("2024江川国际车展观众约90万人次,") == ["2024"]
    assert find_periods("入选2025智慧园区案例和第三届星湖博览会") == []


@pytest.mark.parametrize(
    "text",
    ["2023星湖智能制造大会上,园区签约项目22个", "2022江川数字经济论坛期间,签约金额达80亿元"],
)
def test_a_bare_year_naming_the_edition_of_a_yearly_conference_is_its_period(text):
    # deals signed at a yearly conference or forum are that edition's year's
    assert resolved(text)[:1] == [text[:4]]


def test_a_bare_full_year_needs_the_year_from_its_context():
    assert resolved("全年,") == [None]
    assert resolved("全年,", context_year=2022) == ["2022"]


def test_recent_years_framing_a_comparison_are_no_period():
    assert find_periods("从近年国内外实践看") == []
    assert resolved("近年,") == ["2024-08-27"]


@pytest.mark.parametrize(
    "text,period", [("到2023年末,", "2023"), ("增长至2022年的", "2022"), ("到2027年,", None)]
)
def test_a_year_reached_before_publication_is_a_result_not_a_target(text, period):
    """到2023年末 in a text of 2024 reports where things stood then; 到2027年 is still a target."""
    assert resolved(text) == [period]


def test_the_past_year_early_in_a_year_is_the_year_just_ended():
    """过去一年 in a January text is last year; in August it spans two years and has no period."""
    january = PublishedDate(date(2026, 1, 9), "day")
    assert resolved("过去一年，", january) == ["2025"]
    assert resolved("过去的一年，", PUBLISHED) == [None]


def test_the_year_of_a_value_a_change_reached_needs_no_publication_date():
    """增长到2020年的3200家: 到 ends the verb, the year dates the value, even when the page
    gives no date; 到2027年 alone is still a target."""
    assert resolved("从2016年的1500家增长到2020年的3200家", UNKNOWN) == ["2016", "2020"]
    assert resolved("到2027年,", UNKNOWN) == [None]


def test_the_year_a_zone_was_founded_does_not_date_its_area():
    from innoatlas.documents import document_from_text
    from innoatlas.extract import extract_document

    body = "江川高新区发展概况\n2025-02-28 本报讯\n江川高新区2012年晋升为国家级高新区，面积120平方公里。\n"
    periods = {i.value: i.period for i in extract_document(document_from_text(body)).indicators}
    assert periods[120] != "2012"


def test_a_month_said_again_alone_is_the_month_dated_before():
    text = "据行业统计，2024年10月全国新开工储能项目512个。10月江川省新开工储能项目64个。"
    assert resolved(text) == ["2024-10", "2024-10"]


def test_a_month_alone_that_no_date_named_before_stays_undated():
    # 5月 alone is usually the month of an event; 2024年10月 dates no other month
    text = "2024年10月全国新开工储能项目512个。5月江川省新增企业20家。"
    assert resolved(text) == ["2024-10"]


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("第四届科博会23日闭幕。", PublishedDate(date(2019, 9, 24), "day"), "2019-09-23"),
        ("项目9日上午集中开工。", PublishedDate(date(2024, 3, 12), "day"), "2024-03-09"),
        # a day later than the publication's is of the month before
        ("大会28日在江川举行。", PublishedDate(date(2024, 1, 3), "day"), "2023-12-28"),
    ],
)
def test_a_day_written_alone_dates_an_event_of_the_publication_month(text, published, day):
    (p,) = find_periods(text)
    assert event_day(p, published) == day


def test_a_day_alone_needs_a_text_dated_to_the_day():
    (p,) = find_periods("大会28日在江川举行。")
    assert event_day(p, PublishedDate(date(2024, 1, 1), "month")) is None


@pytest.mark.parametrize("since", ["今年以来", "今年来"])
def test_the_years_target_after_this_year_so_far_is_this_years(since):
    from innoatlas.documents import document_from_text
    from innoatlas.extract import extract_document

    # the span in the plan's title is no year of the figures after it; 今年来 is 今年以来 said short
    body = (
        "江川区科技创新观察\n2023-08-10 来源：江川日报\n"
        f"{since}，我区出台《江川区科技型企业倍增行动方案(2023—2027年)》，"
        "新认定科技型企业150家，完成全年目标的91%，总数达到1800家。\n"
    )
    periods = {i.value: i.period for i in extract_document(document_from_text(body)).indicators}
    assert periods[150] == "2023"
    assert periods[1800] == "2023"


@pytest.mark.parametrize(
    "text,period",
    [("第四季度,", "2023-Q4"), ("四季度,", "2023-Q4"), ("下半年,", "2023-H2"), ("一季度,", "2024-Q1")],
)
def test_a_bare_stretch_not_begun_by_publication_is_last_years(text, period):
    # results for the fourth quarter come out in the spring after it
    assert resolved(text, PublishedDate(date(2024, 4, 21), "day")) == [period]


def test_a_day_named_from_the_publication_is_that_day():
    (mention,) = find_periods("在昨天的大会上,")
    assert mention.kind == "event" and event_day(mention, PUBLISHED) == "2024-08-26"
    assert event_day(find_periods("今天上午,")[0], PUBLISHED) == "2024-08-27"
    assert event_day(mention, UNKNOWN) is None
    assert find_periods("今日头条发布报告") == []  # the name of an app, no day
