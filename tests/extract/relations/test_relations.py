"""Relations on sentences written for these tests, one rule each, with the
evidence span each relation is quoted with.
"""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract import extract_document
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.relations import extract_relations
from innoatlas.extract.tokens import tag_text


def relations(body: str, published: str | None = "2024-06-01"):
    """(doc, relation records) of `body` (a headline is put first)."""
    doc = document_from_text("测试新闻标题\n" + body + "\n", published=published)
    tokens = tag_text(doc.norm)
    return doc, extract_relations(doc, tokens, extract_entities(doc, tokens))


def find(records, subject: str, predicate: str, obj: str):
    hits = [r for r in records if (r.subject, r.predicate, r.object) == (subject, predicate, obj)]
    assert hits, f"no {subject} {predicate} {obj} in {[(r.subject, r.predicate, r.object) for r in records]}"
    return hits[0]


def assert_quoted(doc, rec, *words: str):
    """The quote is the original text of its span and holds the words that state the relation."""
    assert rec.quote == doc.original_text(rec.start, rec.end)
    for word in words:
        assert word in rec.quote, f"{word!r} not in quote {rec.quote!r}"


def test_part_of_a_branch_named_after_its_parent():
    doc, recs = relations("江川理工大学蓝湖创新中心与江川理工大学共同举办活动。")
    rec = find(recs, "江川理工大学蓝湖创新中心", "part_of", "江川理工大学")
    assert_quoted(doc, rec, "江川理工大学蓝湖创新中心")


def test_a_body_is_not_part_of_its_own_short_name():
    _doc, recs = relations("国家卫生健康委员会今天举行发布会。国家卫生健康委的负责人通报情况。")
    assert ("国家卫生健康委员会", "part_of", "国家卫生健康委") not in {
        (r.subject, r.predicate, r.object) for r in recs
    }
    _doc, recs = relations("科学技术部高新技术司发布通知,科学技术部表示支持。")
    find(recs, "科学技术部高新技术司", "part_of", "科学技术部")


def test_a_government_body_is_not_part_of_the_place_it_governs():
    _doc, recs = relations("璧山区经济信息委发布了新政策,璧山区企业积极响应。")
    assert not [r for r in recs if r.subject == "璧山区经济信息委" and r.object == "璧山区"]


def test_located_in_a_county_and_its_city_named_in_one_sentence():
    doc, recs = relations("沙坪坝区位于重庆市西部,近年来发展迅速。")
    rec = find(recs, "沙坪坝区", "located_in", "重庆市")
    assert_quoted(doc, rec, "沙坪坝区", "重庆市")


_HEBEI_STORY = "河北加快建设创新高地。河北新增一批高新技术企业。河北的科技投入持续增长。"


@pytest.mark.parametrize(
    ("text", "placed", "province"),
    [
        # a city named anywhere in the story of its province
        (
            "广西加快建设中试基地。广西新认定一批基地。广西将持续推进成果转化。"
            "从布局看，基地集中在钦州、北海等沿海城市。",
            ["钦州", "北海"],
            "广西",
        ),
        # a national zone the zone lists place in the story's province
        (
            "湖北加快建设创新高地。湖北新增一批高新技术企业。湖北科技投入持续增长。"
            "在最新评价中，襄阳高新区进入前列。",
            ["襄阳高新区"],
            "湖北",
        ),
        # a zone no list holds, named after a city of the province
        (
            _HEBEI_STORY + "下一步，推动邢台经济开发区、衡水工业新区提档升级。",
            ["邢台经济开发区", "衡水工业新区"],
            "河北",
        ),
    ],
)
def test_a_province_story_places_in_it_what_lies_in_the_province(text, placed, province):
    _doc, recs = relations(text)
    for name in placed:
        find(recs, name, "located_in", province)


def test_a_zone_named_after_a_city_of_another_province_is_not_placed_in_the_story_province():
    _doc, recs = relations(_HEBEI_STORY + "下一步，学习苏州工业新区的经验。")
    assert not [r for r in recs if r.subject == "苏州工业新区" and r.predicate == "located_in"]


def test_a_city_of_another_province_is_not_placed_in_the_story_province():
    _doc, recs = relations(
        "广西加快建设中试基地。广西新认定一批基地。广西将持续推进成果转化。基地与深圳团队合作。"
    )
    assert not [r for r in recs if r.subject == "深圳" and r.predicate == "located_in"]


def test_located_in_a_body_named_in_a_zone():
    doc, recs = relations("成都智能制造研究院在成都高新区揭牌。")
    rec = find(recs, "成都智能制造研究院", "located_in", "成都高新区")
    assert_quoted(doc, rec, "成都智能制造研究院", "成都高新区")


def test_cooperates_with_a_strategic_agreement():
    doc, recs = relations("重庆大学与长安汽车签订战略合作协议。")
    rec = find(recs, "重庆大学", "cooperates_with", "长安汽车")
    assert_quoted(doc, rec, "重庆大学", "长安汽车")


def test_cooperates_with_joint_research():
    _, recs = relations("江川大学和南岸理工学院联合攻关关键材料。")
    find(recs, "江川大学", "cooperates_with", "南岸理工学院")


def test_no_cooperation_inside_a_name():
    _, recs = relations("两江协同创新区吸引了多家企业。")
    assert not [r for r in recs if r.predicate == "cooperates_with"]


def test_invests_in():
    doc, recs = relations("国投创新基金投资了星辰科技有限公司。")
    rec = find(recs, "国投创新基金", "invests_in", "星辰科技有限公司")
    assert_quoted(doc, rec, "投资")


def test_funds_is_written_as_invests_in():
    doc, recs = relations("成都市科学技术局资助星辰科技有限公司开展研发。")
    rec = find(recs, "成都市科学技术局", "invests_in", "星辰科技有限公司")
    assert_quoted(doc, rec, "资助")


def test_chain_leader_of_the_industry_of_the_sentence():
    doc, recs = relations("比亚迪、宁德时代等龙头企业引领智能网联汽车产业发展。")
    for firm in ("比亚迪", "宁德时代"):
        rec = find(recs, firm, "chain_leader_of", "智能网联汽车产业")
        assert_quoted(doc, rec, firm, "龙头企业", "智能网联汽车产业")
    assert not [r for r in recs if r.predicate == "focuses_on" and r.object == "智能网联汽车产业"]


def test_supplies_a_for_b():
    doc, recs = relations("重庆华峰精密有限公司为赛力斯汽车有限公司配套生产电机。")
    rec = find(recs, "重庆华峰精密有限公司", "supplies", "赛力斯汽车有限公司")
    assert_quoted(doc, rec, "重庆华峰精密有限公司为赛力斯汽车有限公司")


def test_focuses_on_an_industry_the_zone_develops():
    doc, recs = relations("两江新区重点发展氢能产业。")
    rec = find(recs, "两江新区", "focuses_on", "氢能产业")
    assert_quoted(doc, rec, "重点发展")


def test_no_focus_without_an_actor_or_a_cue():
    _, recs = relations("乘客在汽车站候车,机器人在一旁协助。")
    assert not [r for r in recs if r.predicate == "focuses_on"]


def test_established_a_platform_and_its_date():
    doc, recs = relations("2023年5月12日,成都智能制造研究院在成都高新区揭牌成立。")
    rec = find(recs, "成都智能制造研究院", "established", "2023年5月12日")
    assert_quoted(doc, rec, "2023年5月12日", "成都智能制造研究院", "揭牌")


def test_member_of_an_alliance():
    doc, recs = relations("重庆大学加入成渝氢能产业联盟。")
    rec = find(recs, "重庆大学", "member_of", "成渝氢能产业联盟")
    assert_quoted(doc, rec, "加入")


def test_no_relation_between_a_name_and_its_pinyin_reading():
    _, recs = relations("济南高新区(qū)新增企业(yè)20家,济南高新区发展加快。")
    assert not [r for r in recs if r.predicate == "part_of" and r.object == "济南高新区"]


ABOUT_A_ZONE = "两江新区今年经济增长较快,两江新区新增企业千家。"


def test_a_firm_sits_in_the_main_place_only_when_its_sentence_says_so():
    doc, recs = relations(ABOUT_A_ZONE + "长安汽车发布了新车型。去年,赛力斯汽车有限公司落户这里。")
    rec = find(recs, "赛力斯汽车有限公司", "located_in", "两江新区")
    assert rec.quote == "去年,赛力斯汽车有限公司落户这里"
    assert not [r for r in recs if r.subject == "长安汽车" and r.predicate == "located_in"]


def test_an_industry_is_the_main_places_focus_only_with_a_cue():
    _, recs = relations(ABOUT_A_ZONE + "围绕集成电路、生物医药布局产业链。乘客在车站看见一台机器人。")
    find(recs, "两江新区", "focuses_on", "集成电路")
    find(recs, "两江新区", "focuses_on", "生物医药")
    assert not [r for r in recs if r.predicate == "focuses_on" and r.object == "机器人"]


def test_no_relation_between_a_zone_and_its_bracketed_variant():
    _, recs = relations("重庆高新区(直管园)新增企业,重庆高新区发展加快。")
    assert not [r for r in recs if r.subject.startswith("重庆高新区(") and r.object == "重庆高新区"]


def test_parts_firms_listed_with_a_chain_leader_supply_it_and_do_not_lead():
    doc, recs = relations(
        "蓝湖区的新能源汽车整车龙头是星驰汽车。"
        "在新能源汽车领域,蓝湖区引进了远航科技、青石股份2家汽车零部件生产厂商,形成“链主+配套”的发展格局。"
    )
    for firm in ("远航科技", "青石股份"):
        rec = find(recs, firm, "supplies", "星驰汽车")
        assert_quoted(doc, rec, firm, "零部件生产厂商")
        assert not [r for r in recs if r.subject == firm and r.predicate == "chain_leader_of"]


def test_suppliers_of_an_unnamed_chain_leader_supply_no_firm_the_text_does_not_call_a_leader():
    _doc, recs = relations(
        "园区已入驻星驰汽车、远航、青石等项目80个。"
        "在新能源汽车领域,蓝湖区引进远航科技、青石股份2家汽车零部件上市厂商,构建“链主+优质配套”的新能源汽车发展格局。"
    )
    assert not [r for r in recs if r.predicate in ("supplies", "chain_leader_of")]


def test_parts_firms_without_a_chain_leader_are_no_suppliers():
    _doc, recs = relations("蓝湖区引进远航科技、青石股份2家汽车零部件生产厂商。")
    assert not [r for r in recs if r.predicate == "supplies"]


def test_supplies_the_client_whose_supplier_it_is_called():
    doc, recs = relations("作为星驰汽车的核心供应商,远航科技股份有限公司今年扩产。")
    assert not [r for r in recs if r.predicate == "supplies" and r.subject == "星驰汽车"]
    _doc, recs = relations("远航科技股份有限公司成为星驰汽车有限公司的一级供应商。")
    find(recs, "远航科技股份有限公司", "supplies", "星驰汽车有限公司")
    doc, recs = relations("星驰汽车有限公司的配套企业远航科技股份有限公司在本地建厂。")
    rec = find(recs, "远航科技股份有限公司", "supplies", "星驰汽车有限公司")
    assert_quoted(doc, rec, "配套企业")


def test_supplies_for_b_with_a_delivery_verb():
    _doc, recs = relations("远航科技股份有限公司为星驰汽车有限公司供货,年产值10亿元。")
    find(recs, "远航科技股份有限公司", "supplies", "星驰汽车有限公司")


def test_chain_leader_of_the_industry_between_firm_and_role():
    doc, recs = relations("重庆星驰复合材料有限公司是江津区汽车轻量化材料产业的链主企业。")
    rec = find(recs, "重庆星驰复合材料有限公司", "chain_leader_of", "汽车轻量化材料产业")
    assert_quoted(doc, rec, "链主")


def test_chain_leader_named_after_the_role():
    doc, recs = relations("记者来到园区,看望了氢能产业的龙头企业——星驰氢能有限公司。")
    find(recs, "星驰氢能有限公司", "chain_leader_of", "氢能产业")


def test_chain_leaders_lead_the_industry_the_sentence_is_framed_by():
    _doc, recs = relations(
        "在电子信息产业方面,推动集成电路突破、智能终端发展,涌现出华光电子、远航光电等一批行业龙头。"
    )
    find(recs, "华光电子", "chain_leader_of", "电子信息产业")
    assert not [r for r in recs if r.predicate == "chain_leader_of" and r.object == "智能终端"]


def test_no_chain_leader_when_the_leader_word_is_in_another_clause():
    _doc, recs = relations(
        "全球知名设计企业Synopsys落户新区,集成电路设计企业已有一半在此,龙头企业带动作用明显。"
    )
    assert not [r for r in recs if r.predicate == "chain_leader_of"]


def test_firms_a_park_hosts_sit_in_the_park_not_the_main_place():
    _doc, recs = relations(
        "蓝湖区是科教强区。蓝湖区近年来产业发展迅速。蓝湖区重点发展新能源汽车。"
        "据园区负责人说,截至目前,星湖产业园已入驻华光电子、远航光电等项目50个。"
    )
    for firm in ("华光电子", "远航光电"):
        find(recs, firm, "located_in", "星湖产业园")
        assert not [r for r in recs if r.subject == firm and r.object == "蓝湖区"]


def test_a_place_named_twice_among_several_is_no_topic_for_firms_elsewhere():
    _doc, recs = relations(
        "领导到辽宁调研时说,辽宁制造业门类齐全。"
        "郑州高新区、成都高新区和天津滨海高新区的负责人接受了采访。"
        "访谈中,企业负责人说,公司引进了远航光电等企业,壮大新能源产业。"
    )
    assert not [r for r in recs if r.object == "辽宁"]


def test_partners_listed_after_yu_cooperate_with_the_head_only():
    _doc, recs = relations("蓝湖区已与江川大学、南岸理工学院、青川艺术学院等高校签署战略合作协议。")
    for school in ("江川大学", "南岸理工学院", "青川艺术学院"):
        find(recs, "蓝湖区", "cooperates_with", school)
    assert not [r for r in recs if r.predicate == "cooperates_with" and r.subject != "蓝湖区"]


def test_parties_listed_together_all_cooperate():
    _doc, recs = relations("江川大学、南岸理工学院和青川艺术学院三方合作。")
    find(recs, "南岸理工学院", "cooperates_with", "青川艺术学院")


def test_member_of_a_quoted_title_after_the_trigger():
    _doc, recs = relations("星湖软件园入选“2025年度全国十佳软件园区”。")
    find(recs, "星湖软件园", "member_of", "2025年度全国十佳软件园区")


def test_the_bodies_a_zone_relies_on_are_not_the_actor_of_its_focus():
    _doc, recs = relations(
        "星湖片区将依托星湖产业园、蓝湖物流园等载体,重点建设燃料电池研发高地、生物医药产业集群。"
    )
    find(recs, "星湖片区", "focuses_on", "燃料电池")
    find(recs, "星湖片区", "focuses_on", "生物医药")
    assert not [r for r in recs if r.predicate == "focuses_on" and r.subject != "星湖片区"]


def test_a_park_named_before_a_semicolon_is_not_the_actor_after_it():
    _doc, recs = relations("蓝湖区集聚了星湖数字产业园等多个园区;在智能机器人方面,华光机器人实现了新突破。")
    assert not [r for r in recs if r.subject == "星湖数字产业园" and r.predicate == "focuses_on"]


def test_bodies_in_a_part_framed_by_an_industry_focus_on_it():
    _doc, recs = relations(
        "在电子信息产业方面,涌现出华光电子、远航光电等一批龙头;"
        "在信息技术服务业方面,聚集星驰软件、青石数据等骨干企业,建设星湖数字产业园等园区。"
    )
    for body in ("星驰软件", "青石数据", "星湖数字产业园"):
        find(recs, body, "focuses_on", "信息技术服务业")
    assert not [r for r in recs if r.subject == "星驰软件" and r.object == "电子信息产业"]
    # a chain leader keeps chain_leader_of for its own industry, not focuses_on
    assert not [r for r in recs if r.subject == "华光电子" and r.predicate == "focuses_on"]


def test_every_firm_listed_before_its_trade_focuses_on_it():
    _doc, recs = relations("蓝湖区引进远航科技、青石股份2家汽车零部件生产厂商。")
    find(recs, "远航科技", "focuses_on", "汽车零部件")
    find(recs, "青石股份", "focuses_on", "汽车零部件")


def test_a_body_named_after_another_division_is_not_put_in_the_main_place():
    about = "重庆经济增长较快。重庆新增企业千家。重庆持续引进人才。"
    _doc, recs = relations(about + "去年,成都星驰科技有限公司落户这里。")
    assert not [r for r in recs if r.subject == "成都星驰科技有限公司" and r.object == "重庆"]
    about = "沙坪坝区经济增长较快。沙坪坝区新增企业千家。沙坪坝区持续引进人才。"
    _doc, recs = relations(about + "去年,重庆星驰科技有限公司落户这里。")
    find(recs, "重庆星驰科技有限公司", "located_in", "沙坪坝区")


def test_a_university_sits_in_a_zone_only_when_the_text_says_so():
    _doc, recs = relations("两江新区今年新增研发平台10个,北京理工大学、重庆大学等高校参与建设。")
    assert not [r for r in recs if r.subject_type == "university" and r.predicate == "located_in"]
    _doc, recs = relations("去年,星湖职业技术学院落户两江新区。")
    find(recs, "星湖职业技术学院", "located_in", "两江新区")


def test_a_province_level_name_is_no_site():
    _doc, recs = relations("四川省农业科学院与沙坪坝区签约。重庆市肿瘤研究所在沙坪坝区建设新院区。")
    assert not [r for r in recs if r.predicate == "located_in" and r.object in ("四川省", "重庆市")]


def test_a_park_first_in_a_list_of_projects_hosts_none_of_them():
    _doc, recs = relations(
        ABOUT_A_ZONE + "今年上半年,星湖生命科学产业园、华光医疗器械生产基地、远航生物医药专项基金等项目签约。"
    )
    assert not [r for r in recs if r.object == "星湖生命科学产业园"]


def test_each_answer_of_an_interview_round_is_about_its_speakers_zone():
    doc, recs = relations(
        "记者:如何培育新能源产业?\n"
        "天津滨海高新区党委书记李四:我们推动新能源产业发展,引进星驰电池有限公司落户。\n"
        "记者:成果转化怎么做?\n"
        "西安高新区党工委书记、雁塔区委书记王五:我们高新区以集成电路为主导产业。\n"
    )
    find(recs, "星驰电池有限公司", "located_in", "天津滨海高新区")
    find(recs, "西安高新区", "focuses_on", "集成电路")
    assert not [r for r in recs if r.subject == "雁塔区" and r.predicate == "focuses_on"]
    assert not [r for r in recs if r.subject == "天津滨海高新区" and r.object == "集成电路"]


def test_resident_as_an_adjective_does_not_host_the_firms():
    _doc, recs = relations(ABOUT_A_ZONE + "近年来,星驰汽车、华光精工等企业与入驻高校达成产学研合作。")
    assert not [r for r in recs if r.predicate == "located_in" and r.subject in ("星驰汽车", "华光精工")]


def test_bare_kind_words_count_for_the_one_zone_of_that_kind():
    body = (
        "郑州市召开大会。郑州市发布规划。郑州市表彰企业。郑州高新区获评先进。"
        "高新区新增企业百家。高新区加快发展。高新区持续引才。去年,星驰科技有限公司落户这里。"
    )
    _doc, recs = relations(body)
    find(recs, "星驰科技有限公司", "located_in", "郑州高新区")
    assert not [r for r in recs if r.subject == "星驰科技有限公司" and r.object == "郑州市"]


def test_a_place_inside_a_name_is_a_host_only_when_named_on_its_own():
    _doc, recs = relations("郑州高新区智算研究院发布了新成果。")
    assert not [r for r in recs if r.subject == "郑州高新区智算研究院" and r.object == "郑州高新区"]
    _doc, recs = relations("郑州高新区智算研究院发布了新成果。郑州高新区今年新增企业百家。")
    find(recs, "郑州高新区智算研究院", "located_in", "郑州高新区")


def test_a_partner_or_a_body_after_a_semicolon_is_no_resident_of_the_sentences_place():
    _doc, recs = relations("璧山区今年与星驰智能科技有限公司开展合作。")
    assert not [r for r in recs if r.subject == "星驰智能科技有限公司" and r.predicate == "located_in"]
    _doc, recs = relations("璧山区经济稳步增长;星驰智能科技有限公司发布新品。")
    assert not [r for r in recs if r.subject == "星驰智能科技有限公司" and r.predicate == "located_in"]
    _doc, recs = relations("璧山区经济稳步增长,星驰智能科技有限公司发布新品。")
    find(recs, "星驰智能科技有限公司", "located_in", "璧山区")


def test_one_subject_and_object_keep_the_relation_of_the_higher_priority():
    _doc, recs = relations("江川理工大学蓝湖创新中心与江川理工大学签订合作协议。")
    find(recs, "江川理工大学蓝湖创新中心", "part_of", "江川理工大学")
    assert not [r for r in recs if r.subject == "江川理工大学蓝湖创新中心" and r.predicate != "part_of"]


def test_a_place_that_only_says_where_a_firm_is_is_not_the_actor_of_later_clauses():
    _doc, recs = relations("重庆璧山区的星驰精密科技有限公司智能工厂里,工人们使用工业互联网平台排产。")
    assert not [r for r in recs if r.subject == "重庆璧山区" and r.predicate == "focuses_on"]
    find(recs, "星驰精密科技有限公司", "located_in", "重庆璧山区")
    _doc, recs = relations("重庆璧山区近年来,工人们使用工业互联网平台排产。")
    find(recs, "重庆璧山区", "focuses_on", "工业互联网")


def test_each_division_of_an_address_chain_sits_in_the_one_before_it():
    chain = "这里是湖北宜昌夷陵区,记者走进一家工厂。"
    _doc, recs = relations(chain + "夷陵区近年来发展很快。宜昌重视创新。湖北加大投入。")
    find(recs, "夷陵区", "located_in", "宜昌")
    find(recs, "宜昌", "located_in", "湖北")


@pytest.mark.parametrize(
    ("body", "links"),
    [
        (
            "这里是湖北宜昌夷陵区,记者走进一家工厂。工厂近年来发展很快。",
            [("夷陵区", "宜昌"), ("宜昌", "湖北")],
        ),
        ("四川省成都市今年新增企业30家。", [("成都市", "四川省")]),
        # 河北 is also a district of 天津: the address reads it as the province 保定 lies in
        ("星驰机床有限公司落户河北保定,今年投产。", [("保定", "河北")]),
    ],
)
def test_each_place_of_an_address_sits_in_the_one_before_it(body, links):
    extraction = extract_document(document_from_text("园区简讯\n" + body))
    located = {(r.subject, r.object) for r in extraction.relations if r.predicate == "located_in"}
    assert set(links) <= located


@pytest.mark.parametrize(
    ("body", "links"),
    [
        # a township and a village written after their county, each a name of its own
        ("山东省曹县大集镇孙庄村的电商产业发展迅速。", [("大集镇", "曹县"), ("孙庄村", "大集镇")]),
        # an autonomous prefecture by its short name with 州, and a city of it right after
        ("云南省德宏州瑞丽市今年新增外贸企业20家。", [("德宏州", "云南省"), ("瑞丽市", "德宏州")]),
    ],
)
def test_a_place_written_right_after_a_wider_one_sits_in_it(body, links):
    extraction = extract_document(document_from_text("园区简讯\n" + body))
    located = {(r.subject, r.object) for r in extraction.relations if r.predicate == "located_in"}
    assert set(links) <= located


def test_two_places_side_by_side_of_which_neither_holds_the_other_are_not_linked():
    extraction = extract_document(document_from_text("园区简讯\n成都重庆两地共建产业园。\n"))
    assert not [r for r in extraction.relations if r.predicate == "located_in"]


def test_one_place_written_two_ways_gives_one_relation():
    body = "青岛市重点发展人工智能产业。青岛还将壮大人工智能产业。"
    _doc, recs = relations(body + "长沙市重点发展新材料产业,长沙县也重点发展新材料产业。")
    assert len([r for r in recs if r.object == "人工智能产业"]) == 1
    find(recs, "长沙市", "focuses_on", "新材料产业")  # two divisions, two facts
    find(recs, "长沙县", "focuses_on", "新材料产业")


def test_every_item_of_a_list_after_a_place_sits_in_it():
    about = "星湖区经济增长较快。星湖区新增企业千家。星湖区持续引进人才。"
    _doc, recs = relations(
        about + "记者走访发现,位于蓝湖区的星驰汽车有限公司、远航科技有限公司和青石股份有限公司今年扩产。"
    )
    for firm in ("星驰汽车有限公司", "远航科技有限公司", "青石股份有限公司"):
        find(recs, firm, "located_in", "蓝湖区")


def test_the_bodies_a_place_relies_on_sit_in_it():
    about = "蓝湖区经济增长较快。蓝湖区新增企业千家。蓝湖区持续引进人才。"
    _doc, recs = relations(
        about + "据了解,下一步,星湖片区将依托星湖理工大学、远航科技有限公司等载体建设创新高地。"
    )
    find(recs, "星湖理工大学", "located_in", "星湖片区")  # a university too (no other rule puts one)


def test_a_pair_of_places_opening_a_sentence_hosts_nothing():
    about = "星湖区经济增长较快。星湖区新增企业千家。星湖区持续引进人才。"
    _doc, recs = relations(about + "川渝已经支持星驰智能科技有限公司扩产。")
    assert not [r for r in recs if r.subject == "星驰智能科技有限公司" and r.predicate == "located_in"]
    _doc, recs = relations(about + "璧山区已经支持星驰智能科技有限公司扩产。")
    find(recs, "星驰智能科技有限公司", "located_in", "璧山区")


def test_a_name_and_its_declared_short_name_are_one_thing():
    body = "星湖高新技术产业开发区(以下简称“星湖高新区”)重点发展氢能产业。星湖高新区还大力发展氢能产业。"
    _doc, recs = relations(body)
    assert len([r for r in recs if r.predicate == "focuses_on"]) == 1
    _doc, recs = relations(
        "星湖高新技术产业开发区(以下简称“星湖高新区”)今年新增企业百家,星湖高新区还引进人才。"
    )
    assert not [r for r in recs if {r.subject, r.object} == {"星湖高新技术产业开发区", "星湖高新区"}]


def test_a_field_word_alone_is_no_focus_of_the_main_place():
    about = "两江新区今年经济增长较快,两江新区新增企业千家。"
    _doc, recs = relations(about + "本地的机器人已广泛应用于汽车制造、家电组装等多个领域。")
    assert not [r for r in recs if r.subject == "两江新区" and r.object == "汽车制造"]


def test_a_name_found_once_is_a_mention_wherever_it_is_written_again():
    # the entity stage marks the second 星驰重工 only; the first is the subject of its sentence
    doc, recs = relations("星驰重工是一家工程机械企业。星驰重工荣获中国工业大奖。")
    rec = find(recs, "星驰重工", "focuses_on", "工程机械")
    assert_quoted(doc, rec, "星驰重工", "工程机械")


def test_a_firm_written_with_and_without_its_legal_form_has_one_relation():
    _doc, recs = relations("星驰科技有限公司与江川大学签署合作协议。此后,星驰科技与江川大学再次签约。")
    pairs = [r for r in recs if r.predicate == "cooperates_with"]
    assert [(r.subject, r.object) for r in pairs] == [("星驰科技有限公司", "江川大学")]
    _doc, recs = relations(
        "星驰科技有限公司与江川大学签署合作协议。此后,远航电子有限公司与江川大学再次签约。"
    )
    assert len([r for r in recs if r.predicate == "cooperates_with"]) == 2


def test_a_cluster_named_by_place_and_trade_says_the_place_focuses_on_it():
    doc, recs = relations(
        "青溪市今年新增企业百家。去年青溪市工程机械产业集群获评国家先进制造业集群。展会上,工程机械成为焦点。"
    )
    rec = find(recs, "青溪市", "focuses_on", "工程机械")
    assert_quoted(doc, rec, "集群")


def test_our_province_is_the_place_the_text_is_about():
    # 我省 (our province) in a report on one province stands for it
    doc, recs = relations(
        "湖南省科技厅发布名单。湖南今年新增高新技术企业千家。湖南还将加大投入。我省企业远航科技有限公司入选。"
    )
    find(recs, "远航科技有限公司", "located_in", "湖南")


def test_a_place_written_only_inside_a_body_s_name_is_no_end_of_a_relation():
    # a relation joins two listed entities; 某省 inside 某省科技厅 is not listed on its own
    _doc, recs = relations("湖南省科技厅近日发文,支持储能和氢能产业加快发展。")
    assert not [r for r in recs if r.subject == "湖南省"]
    _doc, recs = relations("四川省经济和信息化厅发文,四川省将重点发展储能。")
    find(recs, "四川省", "focuses_on", "储能")


def test_a_conjunction_the_tagger_glues_to_a_zone_opens_no_firm_name():
    # 某高新区与|某公司: cut at the zone's suffix, the conjunction belongs to neither name
    _doc, recs = relations("青溪高新区与远航科技有限公司签订战略合作协议。")
    find(recs, "青溪高新区", "cooperates_with", "远航科技有限公司")


def test_a_zone_named_by_its_citys_short_name_sits_in_the_city_the_text_names():
    _, recs = relations("泸州国家高新区新增企业30家。泸州全市加快发展电子信息产业。")
    find(recs, "泸州国家高新区", "located_in", "泸州")
    _, recs = relations("湖州银行今年新增贷款50亿元。湖州全市加快发展新材料产业。")
    assert not [r for r in recs if r.subject == "湖州银行" and r.predicate == "located_in"]


def test_an_item_of_a_list_is_no_actor_of_the_other_items():
    _, recs = relations("星湖园区聚集智能科技、新能源、生物医药与新材料等领域的企业。")
    assert not [r for r in recs if r.subject == "智能科技" and r.predicate == "focuses_on"]
    _, recs = relations("湖南省智能装备产业、新型显示产业等保持较快增长。")
    find(recs, "湖南省", "focuses_on", "新型显示产业")


def test_a_bracket_declaring_a_short_name_does_not_part_the_partners():
    _, recs = relations("星驰汽车集团有限公司(以下简称“星驰集团”)与江川大学正式签署战略合作协议。")
    find(recs, "星驰汽车集团有限公司", "cooperates_with", "江川大学")
    assert not [r for r in recs if "星驰集团" in (r.subject, r.object)]


def test_a_banks_branch_and_a_universitys_park_named_after_them_are_parts_of_them():
    _, recs = relations(
        "杭州银行科技支行开业,杭州银行加大投放。江川大学科技园新增孵化企业30家,江川大学派出专家团队。"
    )
    find(recs, "杭州银行科技支行", "part_of", "杭州银行")
    find(recs, "江川大学科技园", "part_of", "江川大学")


def test_an_academy_s_institute_named_after_it_is_part_of_it():
    _doc, recs = relations("中科院积极推动成果转化。中科院计算技术研究所青川研究院日前在青川揭牌。")
    find(recs, "中科院计算技术研究所青川研究院", "part_of", "中科院")


def test_labs_counted_into_a_province_s_tier_are_its_members():
    _doc, recs = relations("江川省布局建设了星湖、青石、蓝湾等9家湖北实验室，现已全部运行。")
    for lab in ("星湖", "青石", "蓝湾"):
        find(recs, lab, "member_of", "湖北实验室")


def test_the_places_an_area_lists_in_brackets_sit_in_it():
    body = "珠三角核心区(东莞、佛山、中山)的数字经济企业较多，东翼和西翼较少。"
    extraction = extract_document(document_from_text("园区简讯\n" + body))
    located = {(r.subject, r.object) for r in extraction.relations if r.predicate == "located_in"}
    assert {("佛山", "珠三角"), ("东莞", "珠三角")} <= located


def test_an_actor_listed_with_its_district_in_brackets_stands_there():
    body = "本市入选的孵化载体有:青禾众创空间(惠济区)、星火创客空间(经开区)、云帆众创空间(二七区)。"
    extraction = extract_document(document_from_text("园区简讯\n" + body))
    located = {(r.subject, r.object) for r in extraction.relations if r.predicate == "located_in"}
    assert {("青禾众创空间", "惠济区"), ("星火创客空间", "经开区"), ("云帆众创空间", "二七区")} <= located
    assert ("云帆众创空间", "惠济区") not in located


def test_one_place_in_brackets_after_a_zone_is_no_member():
    extraction = extract_document(document_from_text("园区简讯\n" + "中国(绵阳)科技城新增企业30家。"))
    assert not any(r.predicate == "located_in" and r.subject == "绵阳" for r in extraction.relations)


def test_a_firm_s_place_in_a_named_ranking_makes_it_a_member():
    """In a ranking's story, 位居榜首 or 位列次席 with no scope of its own is a place in that list."""
    _, records = relations(
        "2025江川民营企业100强发布。星驰集团凭借2100亿元的营业收入排在榜首，蓝湖控股位列次席。江川市GDP位居全省第三。"
    )
    assert find(records, "星驰集团", "member_of", "2025江川民营企业100强")
    assert find(records, "蓝湖控股", "member_of", "2025江川民营企业100强")
    assert not [r for r in records if r.subject == "江川市" and r.predicate == "member_of"]


@pytest.mark.parametrize(
    "body", ["星驰科技、蓝湖科技聚焦人工智能产业。", "星驰科技、蓝湖科技等企业聚焦人工智能产业。"]
)
def test_a_list_of_firms_before_a_focus_verb_each_focus_on_the_field(body):
    _, records = relations(body)
    assert find(records, "星驰科技", "focuses_on", "人工智能产业")
    assert find(records, "蓝湖科技", "focuses_on", "人工智能产业")


def test_a_short_name_shared_by_divisions_lies_in_the_one_the_story_names():
    """开平 names a city of 江门 and a district of 唐山: in a story of 江门市 it is the city."""
    _, records = relations(
        "江门市上半年经济平稳。江门市工业增长较快。江门市外贸增长。台山、开平、鹤山、恩平4个县市增长较快。"
    )
    assert find(records, "开平", "located_in", "江门市")
    assert find(records, "鹤山", "located_in", "江门市")


def test_a_paragraph_indented_with_lost_question_marks_still_opens_on_its_place():
    # "??" is the page's full-width indentation saved in a wrong charset: the paragraph opens on
    # 江川省, and the firms its next sentence lists (subject left out) sit there, not in 青溪市
    doc, recs = relations(
        "记者6月17日从青溪市获悉,青溪市一批项目加快建设。\n"
        "??江川省储能装备门类日益齐全。拥有星湖储能、远航电池、白沙能源等12家电池生产企业。\n"
        "??产业链条不断完善。"
    )
    find(recs, "远航电池", "located_in", "江川省")
    assert not [r for r in recs if r.subject == "远航电池" and r.object == "青溪市"]


def test_the_firms_whose_projects_a_zone_s_story_lists_sit_in_the_zone():
    body = (
        "江川经开区今年项目建设提速,新开工项目40个。江川经开区工业产值增长9%,江川经开区营收增长12%。"
        "下半年,园区老企业纷纷追加投资,星湖电子二期增资建设、青石科技有限公司扩建等项目有序推进。"
        "白沙县远航机械项目也在推进。"
    )
    extraction = extract_document(document_from_text("园区简讯\n" + body))
    located = {(r.subject, r.object) for r in extraction.relations if r.predicate == "located_in"}
    assert {("星湖电子", "江川经开区"), ("青石科技有限公司", "江川经开区")} <= located
    assert not any(subject.startswith("远航") and obj == "江川经开区" for subject, obj in located)
