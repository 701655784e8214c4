"""Fund names, on sentences written for these tests."""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.entities.funds import is_kind_only
from innoatlas.extract.tokens import tag_text
from tests.extract.entities.extracted import typed


def mentions(body: str) -> set[tuple[str, str]]:
    return set(typed(body))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a place, a field and words of kind written together: one fund
        ("近日,湖州市设立浙江湖州新材料产业专项母基金,首期规模50亿元。", "浙江湖州新材料产业专项母基金"),
        ("江苏省战略性新兴产业母基金已完成备案。", "江苏省战略性新兴产业母基金"),
        # a field the tagger reads as a time (未来产业)
        ("湖州未来产业天使基金日前正式成立。", "湖州未来产业天使基金"),
        # a verb of the fund's kind (引导, 投资) inside the name
        ("由深创投管理的深圳市天使投资引导基金出资。", "深圳市天使投资引导基金"),
        ("国家集成电路产业投资基金二期领投本轮融资。", "国家集成电路产业投资基金"),
        # a government owning the fund: 政府 is a word of its kind, the name is not cut after it
        ("近日,湖南省政府投资引导基金与三家银行签约。", "湖南省政府投资引导基金"),
    ],
)
def test_a_fund_is_named_by_its_whole_compound(body, name):
    found = mentions(body)
    assert (name, "investor") in found
    assert not any(n != name and n in name and t == "investor" for n, t in found)


def test_words_of_a_fund_s_kind_alone_name_no_fund():
    found = mentions("各地纷纷设立并购母基金、天使子基金和私募基金,重庆也设立一支S母基金。")
    assert not any(name.endswith("基金") for name, _ in found)


@pytest.mark.parametrize(
    ("name", "kind_only"),
    [("并购母基金", True), ("一支S母基金", True), ("园区产业基金", True), ("战新产业专项基金", False)],
)
def test_kind_only(name, kind_only):
    assert is_kind_only(name) is kind_only


def test_a_fund_name_does_not_start_inside_an_industry_term():
    doc = document_from_text("测试新闻标题\n区属国企出资组建的20亿元战新产业引导母基金已经开始投资。\n")
    found = {m.name for m in extract_entities(doc, tag_text(doc.norm))}
    assert "战新产业引导母基金" in found and "新产业引导母基金" not in found


def test_a_level_or_new_before_words_of_kind_names_no_fund():
    doc = document_from_text("测试新闻标题\n今年多只新基金陆续成立，县级并购母基金也已登记。\n")
    found = {m.name for m in extract_entities(doc, tag_text(doc.norm))}
    assert not {"新基金", "县级并购母基金"} & found


def test_a_word_pointing_back_before_words_of_kind_names_no_fund():
    found = mentions("集团计划发起设立相关子基金,上述基金将投向早期项目。")
    assert not any(name.endswith("子基金") for name, _ in found)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("上海星辰股权投资管理有限公司领投本轮融资。", "上海星辰股权投资管理有限公司"),
        ("江川市金融投资集团有限公司参与出资。", "江川市金融投资集团有限公司"),
        ("江川金控联合多家机构设立子基金。", "江川金控"),
        ("绿谷资本集团完成对该企业的投资。", "绿谷资本集团"),
        ("江川创投集团与青川产投集团共同领投本轮融资。", "江川创投集团"),
        ("江川创投集团与青川产投集团共同领投本轮融资。", "青川产投集团"),
        ("青川发展投资控股集团出资设立该基金。", "青川发展投资控股集团"),
        ("青川财金公司与园区签署合作协议。", "青川财金公司"),
    ],
)
def test_an_investment_firm_named_by_its_trade_is_an_investor(body, name):
    assert (name, "investor") in mentions(body)


def test_a_development_company_that_invests_in_its_name_stays_a_firm():
    assert ("江川新区投资发展集团", "enterprise") in mentions("江川新区投资发展集团承建该项目。")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("该项目由中科院半导体所牵头攻关。", "中科院半导体所"),
        ("园区与中国科学院大连化物所共建实验室。", "中国科学院大连化物所"),
        ("深圳先进院与园区签署合作协议。", "深圳先进院"),
        ("该成果获得中科院支持。", "中科院"),
    ],
)
def test_the_academy_and_its_institutes_by_their_short_names_are_institutes(body, name):
    assert (name, "institute") in mentions(body)


def test_a_province_s_tier_of_laboratories_is_a_programme_a_city_s_lab_a_platform():
    found = mentions("湖北省建成9家湖北实验室，广州实验室也加快建设。")
    assert ("湖北实验室", "program") in found
    assert ("广州实验室", "platform") in found


def test_a_base_named_for_testing_or_incubating_is_a_platform():
    found = mentions("江川智能网联汽车试验基地和青川低空测试基地同步建设。")
    assert {("江川智能网联汽车试验基地", "platform"), ("青川低空测试基地", "platform")} <= found


def test_a_place_s_role_as_an_innovation_centre_is_a_programme_a_body_s_centre_a_platform():
    found = mentions(
        "江川加快建设粤港澳大湾区国际科技创新中心和西部科技创新中心，江川肿瘤研究所科技创新中心揭牌。"
    )
    assert ("粤港澳大湾区国际科技创新中心", "program") in found
    assert ("西部科技创新中心", "program") in found
    assert ("江川肿瘤研究所科技创新中心", "platform") in found


def test_a_comprehensive_science_centre_is_a_zone_an_academy_s_centre_an_institute():
    found = mentions("江川综合性国家科学中心和中科院江川科学中心同步推进。")
    assert ("江川综合性国家科学中心", "zone") in found
    assert ("中科院江川科学中心", "institute") in found


def test_two_trade_words_with_no_trade_name_before_them_are_an_industry():
    found = mentions("园区重点布局生物制药、智能科技和新材料，星湖科技和青川制药入驻。")
    assert {("生物制药", "industry"), ("智能科技", "industry")} <= found
    assert {("星湖科技", "enterprise"), ("青川制药", "enterprise")} <= found


@pytest.mark.parametrize(
    "name",
    [
        "耐心资本",
        "央企资本",
        "第三批子基金",
        "首只子基金",
        "天使+创投+母基金",
        "科技创新母基金",
        "人民币基金",
        "该批子基金",
        "批子基金",
    ],
)
def test_capital_named_by_its_kind_alone_is_no_name(name):
    # the kinds of capital a policy text lists (耐心资本, 第三批子基金) say what sort, not which one
    assert is_kind_only(name)


@pytest.mark.parametrize(
    "name", ["红杉资本", "两江资本", "深创投", "湖南省金芙蓉投资基金", "批发市场发展基金"]
)
def test_capital_named_for_its_owner_is_a_name(name):
    assert not is_kind_only(name)


def test_an_investment_firm_in_joint_stock_form_or_a_capital_manager_is_an_investor():
    found = set(typed("星湖华科投资股份有限公司和蓝湾资本管理有限公司参与了本轮融资。"))
    assert ("星湖华科投资股份有限公司", "investor") in found
    assert ("蓝湾资本管理有限公司", "investor") in found
