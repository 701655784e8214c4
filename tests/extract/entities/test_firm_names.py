"""Registered firm names cut or glued by the tagger, on sentences written for these tests."""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.entities.candidates import split_clause_openings, tagger_candidates
from innoatlas.extract.entities.grammar import index_tokens
from innoatlas.extract.tokens import Token, tag_text
from tests.extract.entities.extracted import typed


def firms(body: str) -> set[str]:
    return {name for name, type_ in typed(body) if type_ == "enterprise"}


def test_a_legal_form_after_a_group_is_one_firm():
    found = firms("四川长虹电子集团控股有限公司今天发布年报。")
    assert "四川长虹电子集团控股有限公司" in found
    assert "控股有限公司" not in found


def test_a_subsidiary_after_its_parent_and_qibuxia():
    found = firms("这台设备由青岛星河仪表有限公司旗下蓝湾工业装备有限公司研制。")
    assert {"青岛星河仪表有限公司", "蓝湾工业装备有限公司"} <= found
    assert "旗下蓝湾工业装备有限公司" not in found


def test_the_first_character_the_tagger_cut_off_a_firm_name():
    found = firms("生产线昼夜运转,恒远能源科技(芜湖)有限责任公司订单饱满。")
    assert "恒远能源科技(芜湖)有限责任公司" in found


def test_firms_listed_before_a_count_with_duo_or_yu():
    found = firms("园区集聚星海量子、北辰量子等30多家企业,另有蓝湾光电等20余家企业。")
    assert {"星海量子", "北辰量子", "蓝湾光电"} <= found


def test_short_names_coordinated_with_a_firm_named_in_full_are_firms():
    found = firms("本地的星河集团、蓝湾智能、海川重工稳居行业前列。")
    assert {"星河集团", "蓝湾智能", "海川重工"} <= found


def test_items_after_a_place_are_not_made_firms():
    found = firms("项目分布在成都、绵阳、德阳等地。")
    assert not {"绵阳", "德阳"} & found


def typed_mentions(body: str) -> set[tuple[str, str]]:
    return set(typed(body))


@pytest.mark.parametrize(
    ("body", "short"),
    [
        # place of registration, line of business and legal form dropped
        ("记者走进江西赣锋星能源科技有限公司车间。赣锋星能源今年订单翻番。", "赣锋星能源"),
        ("苏州恒瑞达仪表有限公司成立于2010年。如今恒瑞达的产品远销海外。", "恒瑞达"),
        # the legal form alone dropped
        ("江陵农装股份有限公司新建了厂房。江陵农装的收割机销往多省。", "江陵农装"),
    ],
)
def test_a_registered_firm_is_found_again_by_its_trade_name(body, short):
    assert (short, "enterprise") in typed_mentions(body)


def test_a_two_character_core_is_not_taken_as_a_trade_name():
    found = typed_mentions("湖南中科新能源科技有限公司投产。中科院专家到场指导。")
    assert ("中科", "enterprise") not in found


def test_firms_listed_before_their_trade_and_its_stage_are_firms():
    found = typed_mentions("全省现有东岭客车、江城汽车等7家汽车整车制造企业。")
    assert ("江城汽车", "enterprise") in found and ("东岭客车", "enterprise") in found


def test_a_groups_unit_named_by_the_groups_short_name_and_its_business():
    found = typed_mentions("华岳集团总部设在长沙。华岳重卡入围独角兽榜,华岳氢能获得权威认证。")
    assert {("华岳重卡", "enterprise"), ("华岳氢能", "enterprise")} <= found, found


def test_a_groups_short_name_before_a_product_is_no_unit():
    found = typed_mentions("华岳集团总部设在长沙。华岳氢能装备销往海外。")
    assert ("华岳氢能", "enterprise") not in found


def test_short_names_coordinated_with_a_firm_the_tagger_knows_are_firms():
    found = firms("海天光电、云岭陶瓷、天成泵业等今年均已投产。")
    assert "云岭陶瓷" in found


def test_a_trade_in_a_list_of_firms_is_no_firm():
    found = firms("投产的有海天光电、云岭陶瓷、风电配套等新建项目。")
    assert "风电配套" not in found


def test_tasks_listed_after_a_word_the_tagger_read_as_a_firm_are_no_firms():
    found = firms("调研覆盖宁德时代、研发投入、品牌建设等6项内容。")
    assert not {"研发投入", "品牌建设"} & found


def test_firms_listed_right_before_their_count_without_deng():
    found = firms("去年引进的蓝鲸新材料、星湖智能、青石重工3家企业已投产。")
    assert {"蓝鲸新材料", "星湖智能", "青石重工"} <= found


def test_a_firm_with_its_seat_in_brackets_is_one_item_of_a_list_and_the_seat_no_place():
    doc = document_from_text("测试新闻标题\n今年签约的星海科技、蓝鲸数据、好运(杭州)科技3家企业均已开工。\n")
    found = {(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))}
    assert ("好运(杭州)科技", "enterprise") in found
    assert ("杭州", "region") not in found


def test_a_role_word_glued_before_a_firm_is_not_part_of_its_name():
    # the tagger glues 我市企业 (our city's firm) to the name it introduces
    doc = document_from_text("测试新闻标题\n我市企业远航科技有限公司获评专精特新企业。\n")
    found = {m.name for m in extract_entities(doc, tag_text(doc.norm)) if m.type == "enterprise"}
    assert "远航科技有限公司" in found
    assert not any(n.startswith(("市", "企业")) for n in found)


def test_a_generic_subject_and_its_verb_glued_before_a_firm_are_not_its_name():
    for body in (
        "园区服务远航科技有限公司。",
        "政府对接远航科技有限公司。",
        "青溪大学联手远航科技有限公司。",
    ):
        doc = document_from_text("测试新闻标题\n" + body + "\n")
        found = {m.name for m in extract_entities(doc, tag_text(doc.norm)) if m.type == "enterprise"}
        assert found == {"远航科技有限公司"}, body


def test_a_role_word_left_by_cutting_a_run_together_name_is_dropped():
    # 某高新区|重点企业|某某有限公司: cut at the zone's suffix, the role words open no firm
    doc = document_from_text("测试新闻标题\n青溪高新区重点企业远航科技有限公司今年产值增长两成。\n")
    found = {m.name for m in extract_entities(doc, tag_text(doc.norm)) if m.type == "enterprise"}
    assert found == {"远航科技有限公司"}


@pytest.mark.parametrize("bracket", ["(证券简称星辰智能)", "(股票简称:星辰智能,股票代码:832000)"])
def test_a_listed_firms_short_name_in_brackets_is_declared_not_part_of_its_name(bracket):
    found = firms(f"3月12日,星辰智能装备股份有限公司{bracket}发布公告。星辰智能称,将扩建厂房。")
    assert {"星辰智能装备股份有限公司", "星辰智能"} <= found
    assert not [n for n in found if "简称" in n]


def test_a_role_noun_with_its_field_before_a_firm_is_no_part_of_its_name():
    found = firms("园区引进了新能源龙头企业星辰集团、运动服饰行业领军企业远航集团等项目。")
    assert {"星辰集团", "远航集团"} <= found
    assert not [n for n in found if "企业" in n]


def test_the_field_of_a_role_noun_inside_one_tagged_name_is_an_industry():
    doc = document_from_text("测试新闻标题\n园区引进新能源龙头企业协鑫集团。\n")
    found = {(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))}
    assert {("新能源", "industry"), ("协鑫集团", "enterprise")} <= found


@pytest.mark.parametrize(
    "body",
    ["星辰医疗是9.8万光谷企业中的一家。", "共投资企业900家(光谷410家)。"],
)
def test_a_count_glued_to_a_place_is_no_part_of_its_name(body):
    doc = document_from_text("测试新闻标题\n" + body + "\n")
    names = {m.name for m in extract_entities(doc, tag_text(doc.norm))}
    assert "光谷" in names
    assert not [n for n in names if any(ch.isdigit() for ch in n)]


def test_a_firm_name_with_its_place_in_half_width_brackets_is_whole():
    found = firms("新引进的远航(云南)饮料有限公司等知名食品企业发展迅速。")
    assert "远航(云南)饮料有限公司" in found
    assert not [n for n in found if n.startswith(("云南", "(")) or ")" in n and "(" not in n]


@pytest.mark.parametrize(
    "firm", ["维贝德(内蒙古)科技有限公司", "卡斯特(江苏)机械有限公司", "博世(苏州)汽车部件有限公司"]
)
def test_a_transliterated_trade_name_before_its_bracketed_province_is_part_of_the_firm(firm):
    found = firms(f"园区先后引进星驰精工有限公司、{firm}、远航动力有限公司等企业。")
    assert firm in found, found


def test_a_list_of_kinds_of_firms_names_no_firm():
    found = firms("去年,一批世界500强企业、行业龙头企业、上市企业等相继落户星湖高新区,成为新的增长点。")
    assert not [f for f in found if f.endswith("企业")], found


def test_fields_listed_after_a_tagged_name_are_no_firms():
    found = {name for name, _ in typed("目前该区对俄经贸、金融、文化、科技等合作全面展开。")}
    assert not {"金融", "文化", "科技"} & found


def test_short_firm_names_listed_after_a_firm_stay_firms():
    found = typed("园区已入驻腾讯、阿里、京东、百度等企业。")
    assert ("京东", "enterprise") in found and ("百度", "enterprise") in found


def test_two_bodies_joined_by_he_inside_a_list_are_two_names():
    found = {name for name, _ in typed("认真落实党中央、国务院和省委、省政府决策部署。")}
    assert "国务院和省委" not in found
    assert "国务院" in found


@pytest.mark.parametrize(
    ("body", "firm"),
    [
        ("芯睿半导体氮化镓晶圆厂、远帆半导体刻蚀设备等项目落地。", "芯睿半导体"),
        ("长安汽车渝北工厂年产整车30万辆。", "长安汽车"),
    ],
)
def test_a_firm_named_with_its_plant_or_product_is_the_firm(body, firm):
    assert (firm, "enterprise") in typed(body)


def test_a_registered_name_with_its_trade_is_not_cut():
    assert ("宁德时代新能源科技股份有限公司", "enterprise") in typed(
        "宁德时代新能源科技股份有限公司发布年报。"
    )


def test_the_occasion_before_a_list_of_partners_is_no_item_of_it():
    found = typed("星湖高新区在招商大会上与远航科技股份有限公司、青石半导体有限公司等3家企业签订投资协议。")
    assert ("青石半导体有限公司", "enterprise") in found
    assert not any(name.endswith("会上") for name, _ in found)


def test_a_firms_registered_name_ends_at_its_legal_form_before_a_plan_word():
    found = typed("星湖客车(江川)有限公司计划投资12亿元扩建工厂。")
    assert ("星湖客车(江川)有限公司", "enterprise") in found
    assert not any(name.endswith("计划") for name, _ in found)


def test_a_places_trade_the_tagger_reads_as_one_name_is_no_firm():
    # 某高新区光电子信息产业: the tagger reads the place and its trade as one organisation
    assert not any(
        name.endswith("产业") for name in firms("今年，东湖高新区光电子信息产业营收超过6000亿元。")
    )


@pytest.mark.parametrize(
    ("body", "name", "not_name"),
    [
        # a firm and a university joined by 与: two names, the partner before the conjunction
        (
            "其中，星驰光纤与江川科技大学共建的光纤材料联合实验室今年申请专利46件。",
            "江川科技大学",
            "星驰光纤与江川科技大学",
        ),
        # a kind of party before 与 is the other party, not the start of the name
        (
            "星驰重工负责人介绍，企业与江川科技大学共建的联合研究院已投入使用。",
            "江川科技大学",
            "企业与江川科技大学",
        ),
        # a school named by two common nouns joined by 与 keeps its whole name
        ("青溪大学新设的环境与资源学院揭牌。", "环境与资源学院", "资源学院"),
    ],
)
def test_a_name_after_a_partner_and_a_conjunction_starts_after_it(body, name, not_name):
    names = {n for n, _type in typed(body)}
    assert name in names and not_name not in names


def test_the_first_firm_of_a_list_keeps_a_tail_the_tagger_reads_as_a_verb():
    found = firms("园区引进星驰创芯、远航思锐等企业。")
    assert {"星驰创芯", "远航思锐"} <= found
    assert "星驰" not in found


def test_a_project_after_its_figure_is_named_by_its_firm():
    # 企业简称 + 产品 + 项目: the firm opens the project's name, its product follows
    body = "江川县今年开工总投资26亿元的远翼新能源储能电池项目,投资12亿元的青驰车业电动车生产项目也已签约。"
    found = typed(body)
    assert ("远翼新能源", "enterprise") in found
    assert ("青驰车业", "enterprise") in found
    assert ("储能电池", "industry") in found
    assert not any(name.startswith("远翼") and type_ == "industry" for name, type_ in found)


def test_a_project_named_for_its_site_or_trade_names_no_firm():
    assert firms("总投资15亿元的星湖智造产业园项目正式开工,另有20亿元的新能源汽车零部件项目签约。") == set()


def test_the_figure_before_a_firms_project_is_the_firms():
    from innoatlas.extract import extract_document

    doc = document_from_text("江川县招商观察\n江川县今年引进总投资18亿元的青驰车业电动车项目。\n")
    figures = {(i.value, i.subject) for i in extract_document(doc).indicators}
    assert (18, "青驰车业") in figures


def test_a_plant_named_by_its_place_or_product_is_no_zone():
    found = typed("该公司在青溪新建天津生产基地和PET生产基地，青溪高新区同步扩区。")
    zones = {name for name, type_ in found if type_ == "zone"}
    assert not any(name.endswith("生产基地") for name in zones)
    assert "青溪高新区" in zones


def test_a_brand_the_tagger_ran_into_its_trade_is_cut_before_the_trade():
    # 恒力新能源汽车 is one word to the tagger: the firm is the brand (with where it comes from)
    assert ("美国恒力", "enterprise") in typed("园区签约投资5亿元的美国恒力新能源汽车电池包项目。")


def test_firms_named_by_their_status_are_a_set_not_a_firm():
    """A registered name ends with its legal form, never with a status (上市公司, 跨国公司)."""
    found = {name for name, _ in typed("绵阳上市公司数量达到23家，宜宾市拟上市企业数量居全省第三。")}
    assert not any(name.endswith(("上市公司", "上市企业")) for name in found)
    assert {"绵阳", "宜宾市"} <= found


def test_a_city_before_a_group_s_short_name_names_its_plant_there():
    """合肥比亚迪: the place and the brand are one name, as the place's people call the plant."""
    found = firms("合肥比亚迪今年产量增长20%，带动配套企业落户。")
    assert "合肥比亚迪" in found
    assert "比亚迪" not in found


@pytest.mark.parametrize(
    "body",
    ["星湖新区汇聚腾讯、网易等互联网巨头。", "腾讯在江川设立西南总部，带动上下游企业30家。"],
)
def test_a_firm_whose_name_ends_in_xun_is_no_dateline(body):
    assert ("腾讯", "enterprise") in typed(body)


def test_the_dateline_of_an_outlet_is_still_no_firm():
    names = {name for name, _ in typed("江川网讯 星湖区高企数量再创新高。")}
    assert not any(name.endswith("讯") for name in names)


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("全球排名前20的船公司已有11家进驻星湖港。", "船公司"),
        ("江川平安从一家小公司成长为国内知名的金融集团。", "金融集团"),
    ],
)
def test_a_common_noun_of_a_trade_before_company_or_group_names_a_kind_of_firm(body, absent):
    assert absent not in {name for name, _ in typed(body)}


def test_a_short_name_before_group_stays_a_firm():
    assert ("星湖集团", "enterprise") in typed("星湖集团在江川投资建设研发中心。")


def test_a_count_the_tagger_reads_as_a_name_is_no_firm():
    assert not any(name[0].isdigit() for name, _ in typed("江川的外贸企业从3家增至360家。"))


def test_the_products_of_a_capacity_list_are_no_firms():
    found = {name for name, _ in typed("星湖石化建设年产40万吨EVA、8万吨高端聚丙烯等项目。")}
    assert not any("EVA" in name or "聚丙烯" in name for name in found)


@pytest.mark.parametrize(
    ("tokens", "firm"),
    [
        # the tagger's tokens as it cuts such sentences: the name runs into the clause after it
        ([("星湖光芯从一家", "ORG"), ("初创", "vn"), ("企业", "n"), ("起步", "v")], "星湖光芯"),
        ([("江川七二五所在", "ORG"), ("海洋", "n"), ("装备", "n"), ("领域", "n")], "江川七二五所"),
        # a kind of firm in apposition, run into the name it describes
        ([("白沙湾企业星湖医药", "ORG"), ("、", "w"), ("蓝湖", "n")], "星湖医药"),
    ],
)
def test_a_preposition_after_a_name_opens_the_clause_not_the_name(tokens, firm):
    text, toks = "", []
    for word, tag in tokens:
        toks.append(Token(word, tag, len(text), len(text) + len(word)))
        text += word
    found = tagger_candidates(text, index_tokens(split_clause_openings(toks), len(text)))
    assert [text[c.start : c.end] for c in found] == [firm]


def test_yi_run_into_the_place_before_it_opens_the_clause():
    # 以 of 以某某为龙头, run by the tagger into the place before it (某市以/ORG)
    tokens = [("青溪市以", "ORG"), ("星湖光电有限公司", "ORG"), ("为", "v"), ("龙头", "n")]
    text, toks = "", []
    for word, tag in tokens:
        toks.append(Token(word, tag, len(text), len(text) + len(word)))
        text += word
    found = tagger_candidates(text, index_tokens(split_clause_openings(toks), len(text)))
    assert [text[c.start : c.end] for c in found] == ["青溪市", "星湖光电有限公司"]


def test_a_name_with_a_preposition_inside_keeps_it():
    toks = [Token("星湖在线", "ORG", 0, 4), Token("上市", "v", 4, 6)]
    assert split_clause_openings(toks) == toks


@pytest.mark.parametrize("name", ["星湖企业管理有限公司", "青溪企业集团", "江川市企业服务中心"])
def test_a_name_that_goes_on_after_qiye_keeps_it(name):
    toks = [Token(name, "ORG", 0, len(name))]
    assert split_clause_openings(toks) == toks


def test_a_suffix_after_the_clause_a_name_runs_into_names_nothing():
    # the tagger reads 某某从一家 as one name; the suffix 研究所 after it is the clause's
    found = typed("中科曙光从一家研究所起步。")
    assert ("中科曙光", "enterprise") in found
    assert not any("从" in name for name, _ in found)


def test_a_listed_firms_trading_name_run_into_its_product_or_figure_is_the_firm():
    """ANNOTATION.md lists the firm of a product or a line (京东方六代线 -> 京东方)."""
    found = firms("药明康德生物药项目开工,中联重科产值突破500亿元。")
    assert {"药明康德", "中联重科"} <= found
    assert not any(name.endswith(("生物药", "产值")) for name in found)


def test_a_firm_keeps_its_own_trade_word_after_its_trading_name():
    assert "长安汽车" in firms("长安汽车今年推出三款新车。")


def test_the_area_before_a_firm_it_holds_is_no_part_of_its_name():
    found = firms("辖区青溪钼业集团有限公司获评先进企业。")
    assert "青溪钼业集团有限公司" in found
    assert not any(name.startswith("辖区") for name in found)


def test_a_project_list_names_each_firm_before_the_line_it_builds():
    """某某酱油生产线、某某装载机数字工厂等项目: the firm's short name, then what its project builds."""
    found = set(typed("今年，星湖重工装载机数字工厂、蓝湖食品酱油生产线等12个项目已全面开工。"))
    assert {("星湖重工", "enterprise"), ("蓝湖食品", "enterprise")} <= found
    assert not any(name.endswith(("生产线", "工厂")) for name, _ in found)


def test_a_firm_with_a_second_word_in_a_project_list_keeps_it():
    found = set(typed("星湖邦达、青川精细化工等18个项目加快推进。"))
    assert ("青川精细化工", "enterprise") in found


def test_a_firm_named_by_its_city_and_brand_before_its_project():
    """投资…的深圳某某…项目: the tagger reads the city and the brand as one place."""
    found = set(typed("总投资12亿元的深圳星驰年产5万吨负极材料项目落地。"))
    assert ("深圳星驰", "enterprise") in found


def test_a_town_after_a_city_before_a_project_is_no_firm():
    found = set(typed("投资3亿元的重庆双福园区配套项目开工。"))
    assert not any(etype == "enterprise" for _, etype in found)


def test_a_firms_standing_in_its_trade_glued_before_its_name_is_no_part_of_it():
    found = set(typed("去年行业总产值超千亿元,行业龙头星驰集团升至全球第3位。"))
    assert ("星驰集团", "enterprise") in found
    assert not any(name.startswith("行业龙头") for name, _ in found)


def test_the_frame_verb_after_a_firm_is_no_part_of_its_name():
    found = {name for name, _ in typed("园区还聚集了以大连商所为代表的一批金融机构,以华为为代表的通信企业。")}
    assert {"大连商所", "华为"} <= found
    assert not any(name.endswith("为") and name != "华为" for name in found)


def test_a_copula_opening_a_clause_is_no_part_of_the_firm_after_it():
    found = set(typed("仓库上月投产,是星驰集团在淄博布局的区域枢纽。"))
    assert {("星驰集团", "enterprise"), ("淄博", "region")} <= found


def test_two_registered_names_run_together_are_two_firms_even_when_the_second_is_seated():
    # a scraped list that lost its separator: each name ends in its own legal form, so the
    # second (opening with its city) is the next firm, not a branch of the first
    found = firms(
        "4家工厂入选,包括赛科(盐城)精密部件有限公司苏州东岭薄膜材料有限公司、蓝湖数控(南京)有限公司。"
    )
    assert {"赛科(盐城)精密部件有限公司", "苏州东岭薄膜材料有限公司"} <= found


def test_a_branch_company_after_its_firm_stays_one_name():
    found = firms("星驰科技有限公司苏州分公司今年营收增长两成。")
    assert "星驰科技有限公司苏州分公司" in found
