"""Slogans, bylines and speakers that read like names, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.entities.extracted import typed


def mentions(body: str) -> set[tuple[str, str]]:
    return set(typed(body))


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("全区坚持科教兴县、农旅富县，加快发展。", "兴县"),
        ("全区坚持科教兴县、农旅富县，加快发展。", "旅富县"),
        ("坚持“农业立县、制造强县”首要任务，推进项目建设。", "立县"),
    ],
)
def test_the_level_word_of_a_slogan_is_no_county(body, absent):
    assert not any(name == absent for name, _ in mentions(body))


def test_a_county_after_its_province_is_still_a_county():
    assert ("山西兴县", "region") in mentions("山西兴县、临县加快发展特色产业。")


def test_a_long_slogan_in_quotes_before_its_strategy_is_one_programme():
    found = mentions("全县实施“农业立县、制造强县、科教兴县、生态美县”发展战略，加快发展。")
    assert ("“农业立县、制造强县、科教兴县、生态美县”发展战略", "program") in found
    assert not any(t == "region" for _, t in found)


@pytest.mark.parametrize(
    "body",
    ["1月20日，省长林远作政府工作报告时提出，加快培育新动能。", "东川县县长周明作政府工作报告。"],
)
def test_an_official_giving_the_work_report_is_no_government_body(body):
    found = mentions(body)
    assert not any("作政府" in name or t == "government" for name, t in found)


def test_a_space_of_the_byline_is_not_part_of_a_name():
    # the tagger glues the space to this county's name
    found = mentions("——在固镇县第十七届人民代表大会第二次会议上 固镇县人民政府代县长 李华")
    assert ("固镇县人民政府", "government") in found
    assert not any(name.startswith(" ") for name, _ in found)


def test_a_paragraph_run_together_with_its_editor_credit_keeps_its_names():
    found = mentions("全省组团赴德国、意大利推介项目，京津冀客商来访洽谈。(责任编辑:王某)")
    assert {("德国", "region"), ("京津冀", "region")} <= found


def test_a_countys_bodies_written_by_their_level_alone_are_no_names():
    found = mentions(
        "各位代表:现在,我代表县人民政府向大会报告工作。一年来,在县委的坚强领导下,"
        "在县人大、县政协的监督支持下,青岚县经济稳步回升。"
    )
    names = {n for n, _ in found}
    assert not names & {"县人民政府", "县委", "县人大", "县政协"}, found
    assert ("青岚县", "region") in found


def test_a_numbered_session_of_a_congress_written_with_its_term_is_one_event():
    found = mentions("2月20日上午开幕的青岚市第五届人民代表大会第四次会议上,市长作政府工作报告。")
    assert ("青岚市第五届人民代表大会第四次会议", "program") in found, found


def test_the_words_that_number_a_point_are_no_part_of_the_name_after_them():
    found = set(
        typed(
            "园区已形成两大产业集群：一是以星桥电子、江川光电为龙头的智能终端产业集群；"
            "二是以远航重工等为龙头的装备制造产业集群。其二，鼎盛科技有限公司扩建新厂。"
        )
    )
    assert {
        ("星桥电子", "enterprise"),
        ("远航重工", "enterprise"),
        ("鼎盛科技有限公司", "enterprise"),
    } <= found
    assert not any(name.startswith(("一是", "二是", "其二", "以")) for name, _ in found)


def test_papers_and_news_apps_that_report_a_story_are_no_actors():
    found = typed(
        "江川高新区与星桥电子签约。\n据江川都市报、星湖快报、蓝湖新闻和江川财经报道，双方将共建实验室。"
    )
    assert ("江川高新区", "zone") in found
    assert not any(name.endswith(("报", "新闻", "财经")) for name, _ in found)


def test_a_news_outlet_in_the_masthead_or_the_credits_is_no_actor():
    found = typed("江川日报报业集团主办 江川科技报\n江川高新区与星桥电子签约。\n来源：江川日报")
    assert ("江川高新区", "zone") in found
    assert not any(name.endswith(("报", "报业集团")) for name, _ in found)


def test_an_academy_in_a_persons_title_is_no_actor():
    found = typed("星湖实验室主任、中国科学院院士张三介绍，实验室已集聚人才500人。")
    assert ("星湖实验室", "platform") in found
    assert not any(name == "中国科学院" for name, _ in found)
    assert ("中国科学院", "institute") in typed("中国科学院院士张三出席。中国科学院与江川市签约。")


@pytest.mark.parametrize(
    "body",
    [
        "江川2024年6月24日 /美通社/ -- 6月18日，江川举办水经济大会。",
        "中新社记者近日走访江川，星湖电子负责人介绍了研发投入情况。",
    ],
)
def test_a_news_agency_is_an_outlet_not_a_firm(body):
    assert not any(name.endswith("社") for name, _ in mentions(body))
