"""Words of the clause glued before a name: the news source formula, a date's day, a
pronoun's unit word, a described kind of body in apposition, an official at a meeting.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from innoatlas.extract.entities.grammar import Candidate
from innoatlas.extract.entities.suffix_names import drop_role_opening
from tests.extract.entities.extracted import typed


def names(body: str) -> set[str]:
    return {name for name, _ in typed(body)}


def test_the_source_of_a_report_starts_after_the_reporter_and_preposition():
    found = names("3月8日，记者从新区经合局了解到，今年以来新区引进项目31个。")
    assert "新区经合局" in found
    assert not any(n.startswith(("记者", "从")) for n in found)


def test_a_dates_day_and_preposition_open_no_name():
    found = names("该园区于2016年9月20日经省政府批准升级。")
    assert not any(n.startswith(("日", "经")) for n in found)


def test_our_city_before_a_zone_is_not_part_of_its_name():
    found = typed("我市滨湖经济技术开发区、城南经济技术开发区均入围。")
    assert ("滨湖经济技术开发区", "zone") in found
    assert not any(n.startswith("市") for n, _ in found)


def test_a_body_named_by_its_level_keeps_the_level_word():
    assert ("市科技局", "government") in typed("我市科技局发布申报通知。")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("去年，创业公司合肥星辰信息技术有限公司完成首轮融资。", "合肥星辰信息技术有限公司"),
        ("综合性材料研发机构宁波新材料研究院正式落户。", "宁波新材料研究院"),
        ("电动连接器企业巴斯巴公司在坪山扩产。", "巴斯巴公司"),
        ("据名单，集团已投项目江川星湖半导体有限公司获一等奖。", "江川星湖半导体有限公司"),
    ],
)
def test_a_described_kind_before_a_name_is_no_part_of_it(body, name):
    found = names(body)
    assert name in found
    assert not any(n.endswith(name) and n != name for n in found)


def test_a_group_that_opens_its_branch_keeps_the_whole_name():
    assert "中国移动通信集团公司重庆分公司" in names("中国移动通信集团公司重庆分公司与该区签约。")


def test_an_official_at_a_meeting_is_no_meeting():
    found = typed("会上，省科技厅副厅长李明出席会议并讲话，市委副书记王强主持会议。")
    assert not any(t == "program" for _, t in found)
    assert ("省科技厅", "government") in found


@pytest.mark.parametrize("name", ["国家科技部", "中国工信部", "江川市国资委", "中宣部"])
def test_a_ministry_or_commission_written_short_after_a_qualifier_is_a_government_body(name):
    found = typed("国家科技部和中国工信部支持江川市国资委开展试点，中宣部给予指导。")
    assert (name, "government") in found


def test_common_nouns_of_places_are_no_names():
    found = names(
        "项目分布在中心城区、城市新区和郊区新城，致力打造样板区。在共和国的土地上，该市在全省市州中居前。"
    )
    assert not found & {"中心城区", "城市新区", "郊区", "新城", "郊区新城", "样板区", "共和国", "市州"}


def test_a_kind_described_by_grade_count_or_province_is_no_name():
    found = names(
        "到2027年底，高水平中试平台力量进一步壮大，其中包括5家中试平台。"
        "加大在豫国家重点实验室支持力度，构建起多层次创新平台体系，着力建设高标准实验室。"
    )
    assert not found


def test_a_place_or_industry_written_with_de_is_described_not_named():
    found = typed(
        "作为“江川唯一的科技城”，科技与产业加快融合，形成了青川的生物医药、江川的高端装备制造及汽车、"
        "蓝湖的电子信息等产业集群。美的集团在此投资。"
    )
    assert not any("的" in n for n, t in found if t not in ("program", "enterprise"))
    assert ("美的集团", "enterprise") in found


def test_a_name_never_opens_with_de():
    found = names("5月23日，在江川举行的第三届国际无人机大会暨2025低空经济博览会上，企业集中亮相。")
    assert "第三届国际无人机大会暨2025低空经济博览会" in found


def test_what_a_zone_plans_is_no_part_of_its_name():
    found = typed("青川新区规划建设重大项目，江川产业园规划面积12平方公里。")
    assert {("青川新区", "zone"), ("江川产业园", "zone")} <= set(found)


def test_a_science_commission_and_a_federation_of_industry_are_government_bodies():
    found = typed("省委科技委召开会议，省工商联发动企业参加。")
    assert {("省委科技委", "government"), ("省工商联", "government")} <= set(found)


def test_a_firms_standing_glued_before_its_name_is_left_out():
    found = names("青溪市引进新能源装备制造示范企业星湖重工集团有限公司。")
    assert "星湖重工集团有限公司" in found
    assert not any(n.endswith("示范企业星湖重工集团有限公司") for n in found)


@pytest.mark.parametrize(
    ("body", "firm"),
    [
        ("由世界500强企业星湖集团投资的储能项目开工。", ("星湖集团", "enterprise")),
        (
            "其中,世界500强企业远航投资控股有限公司计划出资80亿元。",
            ("远航投资控股有限公司", "investor"),
        ),
        ("中国500强企业白沙重工集团有限公司落户青溪市。", ("白沙重工集团有限公司", "enterprise")),
    ],
)
def test_a_firms_place_on_a_ranking_list_glued_before_its_name_is_left_out(body, firm):
    found = typed(body)
    assert firm in found
    assert not any(name.endswith(firm[0]) and name != firm[0] for name, _ in found)


def test_a_year_before_a_body_is_the_time_of_the_clause():
    found = names("2022科技部公布第二批名单,青溪市入选。")
    assert "科技部" in found and "2022科技部" not in found


def test_a_hyphen_inside_a_latin_name_joins_its_parts():
    assert "RISC-V开源生态研究院" in names("青溪市成立RISC-V开源生态研究院,推动芯片发展。")


def test_the_merchant_of_a_trade_role_is_no_part_of_the_name_after_it():
    found = names("会上,智慧能源解决方案提供商星湖能源有限公司发布新品。")
    assert "星湖能源有限公司" in found


def test_a_guiding_fund_keeps_its_kind_in_its_name():
    found = names("青溪市投资集团有限公司、青溪市产业引导股权投资基金有限公司共同出资。")
    assert "青溪市产业引导股权投资基金有限公司" in found


def test_a_place_after_yu_opens_a_name_of_its_own():
    # 与 joins two fields inside one name (法律与公共管理学院), not a kind word and a named school
    assert "青溪学院" in names("据了解,园区内企业与青溪学院联合建设实验室。")


def test_a_firms_ownership_kind_before_its_name_is_left_out():
    found = names("央企星湖重工集团落户青溪市。")
    assert "星湖重工集团" in found and "央企星湖重工集团" not in found


def test_a_kind_of_platform_made_of_generic_words_names_none():
    # 技术创新 is two generic words written as one; cut from a coordination it is still a kind
    found = names("青溪市建设技术创新平台和星湖数据服务平台。")
    assert "技术创新平台" not in found


@pytest.mark.parametrize(
    ("body", "zone"),
    [
        ("江川县预制菜产业园去年产值30亿元。", "江川县预制菜产业园"),
        ("白沙预制菜科技产业园项目昨日签约。", "白沙预制菜科技产业园"),
    ],
)
def test_a_name_opens_with_the_whole_industry_term_the_tagger_cut(body, zone):
    # the tagger reads 预制 as a verb: the park's name must not open with the bare 菜
    found = dict(typed(body))
    assert found.get(zone) == "zone"
    assert not any(name.startswith("菜") for name in found)


@pytest.mark.parametrize(
    ("body", "name", "absent"),
    [
        ("日前省科技厅发布第三批省级中试基地名单。", "省科技厅", "日前省科技厅"),
        ("近日江川市科技局发布通知。", "江川市科技局", "近日江川市科技局"),
        ("产业园由星湖控股所属星湖置业有限公司负责运营。", "星湖置业有限公司", "所属星湖置业有限公司"),
    ],
)
def test_a_time_word_or_an_owner_word_before_a_name_is_left_out(body, name, absent):
    found = names(body)
    assert name in found and absent not in found


def test_a_speaker_is_no_part_of_the_policy_he_explains():
    assert not any(name.startswith("主任") for name in names("主任李明就专利转化奖励政策进行解读。"))


def test_the_founding_of_an_area_is_no_place():
    assert "建区" not in names("江川高新区从建区时的78亿元产值增长到如今的8000亿元。")


def test_the_market_of_capital_is_no_investor():
    found = names("一季度,江川省资本市场运行平稳,青溪市证券市场交易活跃。")
    assert not any(n.endswith(("资本", "证券")) for n in found)


def test_capital_by_its_source_names_no_investor():
    found = names("园区内企业的注册资本合计80亿元,并引入社会资本和民间资本参与建设。")
    assert not found & {"注册资本", "社会资本", "民间资本"}


def test_a_first_public_offering_is_no_firm():
    assert "IPO" not in names("去年青溪市企业IPO融资规模合计120亿元。")


@pytest.mark.parametrize(
    "body",
    [
        "此类企业具有体积小、耗能少、无污染、高环保等特点,多分布在集成电路、智能终端等行业。",
        "推动资金、技术、人才、数据等要素向星湖新材料产业园集聚。",
    ],
)
def test_a_list_of_qualities_or_factors_names_nothing(body):
    found = names(body)
    assert not found & {"体积小", "耗能少", "无污染", "环保", "资金", "技术", "人才", "数据"}


@pytest.mark.parametrize(
    ("body", "first"),
    [
        ("星湖区还将前瞻布局量子计算、商业航天等领域。", "量子计算"),
        ("辖区软件服务、航空航天、节能环保等行业今年增速均超过两成。", "软件服务"),
    ],
)
def test_a_verb_or_a_word_of_scope_opens_no_item_of_an_industry_list(body, first):
    found = names(body)
    assert first in found
    assert not any(n.endswith(first) and n != first for n in found)


@pytest.mark.parametrize(
    "body",
    [
        "目前,江川坐拥蓝鸟、远航、青石等多家整车企业。",
        "据统计,江川市拥有星驰、远航、蓝湾等一批龙头企业。",
    ],
)
def test_a_place_that_has_the_firms_of_a_list_is_no_part_of_the_first(body):
    found = names(body)
    assert not any(n.startswith(("江川坐", "江川市拥")) for n in found)
    assert {"蓝鸟", "星驰"} & found


@pytest.mark.parametrize(
    ("body", "firm"),
    [
        ("园区内企业星湖蓝川材料有限公司新厂房投用。", "星湖蓝川材料有限公司"),
        ("全球领先的储能电池制造商蓝湾新能源集团正在扩产。", "蓝湾新能源集团"),
    ],
)
def test_a_role_before_a_firm_or_a_workshop_after_it_is_no_part_of_its_name(body, firm):
    found = names(body)
    assert firm in found
    assert not any(firm in n and n != firm for n in found)


def test_a_workshop_after_a_firm_the_tagger_read_as_one_name_is_cut_off():
    # the tagger reads 某地某某电子无尘车间 as one organisation in such captions
    text = "江川远航电子无尘车间"
    found = drop_role_opening(text, Candidate(0, len(text), "enterprise", "lac", 40, 0.7))
    assert text[found.start : found.end] == "江川远航电子"


@pytest.mark.parametrize(
    "body",
    [
        "九十年代,青溪镇借着开放的东风,办起了第一家电子厂。",
        "江川高新区抢抓数字经济发展东风,新引进项目20个。",
    ],
)
def test_the_favourable_wind_of_an_idiom_names_no_place_or_firm(body):
    assert "东风" not in names(body)


def test_the_carmaker_in_a_list_of_firms_stays_a_firm():
    assert ("东风", "enterprise") in typed("园区拥有一汽、东风、上汽等整车企业。")


def test_winning_an_award_is_no_part_of_the_name_before_it():
    found = typed("江川市获奖项目共36项,占全省总数的两成。")
    assert ("江川市", "region") in found
    assert not any(n.endswith("获奖") for n, _ in found)


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("星湖石化的年产20万吨弹性体装置顺利开车。", False),
        ("江川大学牵头建设的强磁场实验装置通过验收。", True),
    ],
)
def test_a_device_is_a_platform_only_as_a_facility_of_research(body, kept):
    assert any(n.endswith("装置") for n in names(body)) is kept


def test_the_carbon_goals_said_as_a_slogan_name_no_programme():
    assert "双碳" not in names("围绕“双碳”目标,江川市加快发展储能产业。")


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("江川市将数字经济列为“一号工程”。", "一号工程"),
        ("青溪园区形成“一区四园”的发展布局。", "一区四园"),
        ("该项目获省科技进步奖,其中“一等奖”由江川大学获得。", "一等奖"),
        ("青溪县近日印发《实施方案》,支持企业研发。", "实施方案"),
    ],
)
def test_slogans_layouts_and_grades_said_alone_name_no_programme(body, word):
    assert word not in names(body)


def test_a_delegation_is_a_group_of_people_no_firm():
    assert not any(n.endswith("代表团") for n in names("7月15日,江川代表团访问新加坡,签约项目12个。"))


def test_a_grade_of_technology_alone_names_no_industry():
    found = names("当年高技术投资增长16%,高技术制造业增速为7%。")
    assert "高技术制造业" in found
    assert "高技术" not in found


def test_the_counties_as_a_whole_narrow_no_industry():
    assert "县域特色产业" not in names("28个县域特色产业里,青溪县产值居首。")


@pytest.mark.parametrize(
    "body",
    ["开工交通类项目12个,生态环保类和民生类项目9个。", "新园区突出绿色、节能、环保等设计元素。"],
)
def test_environmental_protection_said_of_a_public_task_or_a_quality_is_no_industry(body):
    assert not any(n.endswith("环保") for n in names(body))


def test_a_trade_and_its_product_in_a_list_of_firms_is_no_firm():
    found = typed("园区引进了新能源充电设备、新能源电池回收等一批企业。")
    assert not any(t == "enterprise" and n.startswith("新能源") for n, t in found)


def test_a_medal_said_alone_names_no_programme():
    assert "金奖" not in names("星湖公司在本届大赛中获得金奖。")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("青溪湖岸边江川科技城里，新的研发大楼正在建设。", "江川科技城"),
        ("白沙江之滨星湖生物医药产业园开园。", "星湖生物医药产业园"),
    ],
)
def test_a_locative_phrase_before_a_name_says_where_it_stands(body, name):
    found = names(body)
    assert name in found
    assert not any(n.endswith(name) and n != name for n in found)


def test_a_name_with_a_position_word_of_its_own_keeps_it():
    assert "湖畔大学" in names("湖畔大学举办创业论坛。")


@pytest.mark.parametrize(
    ("body", "firm"),
    [
        ("全县高温合金产业规模居全省第一。如星湖集团的高温合金产品畅销海外。", "星湖集团"),
        ("在这些项目中，投资最大的是青石远航集团建设的疫苗基地。", "青石远航集团"),
    ],
)
def test_a_word_that_introduces_a_firm_is_no_part_of_its_name(body, firm):
    found = names(body)
    assert firm in found
    assert not any(n.endswith(firm) and n != firm for n in found)
