"""Industries named as the items of an enumeration, on sentences written for these tests."""

from __future__ import annotations

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.entities.enumerations import enumerated_industries
from innoatlas.extract.entities.grammar import index_tokens
from innoatlas.extract.tokens import tag_text
from tests.extract.entities.extracted import typed


def items(sentence: str) -> list[str]:
    ix = index_tokens(tag_text(sentence), len(sentence))
    return sorted(sentence[c.start : c.end] for c in enumerated_industries(sentence, ix))


def test_items_closed_by_etc_and_a_kind_are_industries():
    assert items("该市出台措施支持医药、纺织、食品、轻工等行业加快转型。") == sorted(
        ["医药", "轻工", "纺织", "食品"]
    )


def test_a_count_and_a_qualifier_may_stand_before_the_kind():
    found = items("全市重点培育汽车、电子信息、装备制造三大支柱产业。")
    assert found == sorted(["汽车", "电子信息", "装备制造"])


def test_a_list_without_a_known_industry_is_not_taken():
    assert items("推广新理念、新模式、新业态等行业经验。") == []


def test_firms_in_a_list_are_not_industries():
    assert "京东方" not in items("京东方、康宁等显示产业龙头在此布局。")


def test_a_single_item_is_no_enumeration():
    assert items("当地着力发展纺织等行业。") == []


def test_enumerated_industries_reach_the_entity_list():
    doc = document_from_text("测试新闻标题\n园区聚焦轨道交通、食品饮料、生物医药等主导产业招商。\n")
    found = {(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))}
    assert ("食品饮料", "industry") in found
    assert ("轨道交通", "industry") in found


def test_the_verb_repeated_before_each_item_is_not_part_of_it():
    found = items("开发区围绕做精水产品加工、做强玻璃新材料两大主导产业招商。")
    assert "玻璃新材料" in found and not any(i.startswith("做") for i in found)


def test_a_last_pair_joined_by_and_is_two_items_unless_the_vocabulary_names_it():
    assert items("项目涵盖汽车部件、新材料和高端制造等产业领域。") == sorted(
        ["汽车部件", "新材料", "高端制造"]
    )
    assert "软件和信息技术服务" in items("园区聚集电子信息、软件和信息技术服务等产业。")


def test_a_list_modifying_a_noun_after_etc_de_is_not_closed_by_it():
    assert items("鼓励新工艺、新设备、新材料和新装备等的推广使用。") == []


def test_a_list_of_business_formats_names_industries():
    # 业态 (business formats) closes lists of industries in investment reports
    found = items("本季度签约项目涉及氢能装备、智慧物流、数字文创、冷链物流等业态。")
    assert found == sorted(["氢能装备", "智慧物流", "数字文创", "冷链物流"])


def test_a_pair_sharing_its_head_is_one_item():
    # 干细胞和免疫治疗 is one field (干细胞治疗 and 免疫治疗), 干细胞 alone names nothing
    found = items("基金投向新材料、干细胞和免疫治疗、量子信息等未来产业。")
    assert "干细胞和免疫治疗" in found and "干细胞" not in found


def test_a_pair_of_two_known_industries_is_two_items():
    found = items("基金投向量子信息、新材料和人工智能、氢能等未来产业。")
    assert {"新材料", "人工智能"} <= set(found) and "新材料和人工智能" not in found


def test_a_pair_whose_halves_are_known_only_by_their_heads_is_one_item():
    # 芯片 makes 硅光芯片 a narrower term, but the vocabulary does not list it as written
    found = items("资金投向前沿材料、硅光芯片与光模块、量子信息等未来产业。")
    assert "硅光芯片与光模块" in found and "硅光芯片" not in found


def test_a_bare_list_of_fields_names_industries_when_one_item_starts_with_a_known_one():
    found = items("依托某某理工在激光技术、光电仪器、光通信技术等领域的积累。")
    assert found == sorted(["激光技术", "光电仪器", "光通信技术"])
    assert items("园区围绕苗药、特色药、医药流通等领域招商。") == sorted(["苗药", "特色药", "医药流通"])


def test_a_list_of_fields_holding_a_public_service_is_not_of_industries():
    assert items("支持平台面向教育、养老、低空经济等领域拓展应用。") == []


def test_a_list_of_topics_or_of_verbs_sharing_a_modifier_is_not_of_industries():
    assert items("嘉宾围绕新材料产业协同发展、材料回收新技术、节能环保等领域交流。") == []
    assert items("园区企业覆盖量子通信、计算、测量三大领域。") == []


def test_the_closing_kind_word_of_a_focus_list_is_no_part_of_its_last_item():
    found = items("企业布局高端装备、智慧物流、医疗器械等领域。")
    assert "医疗器械" in found and not any(i.endswith("领域") for i in found)
    found = items("该区聚焦体外诊断、医疗器械两大细分领域,引进多家企业。")
    assert "医疗器械" in found and not any(i.endswith("领域") for i in found)


def entities(text: str) -> set[tuple[str, str]]:
    doc = document_from_text("测试新闻标题\n" + text + "\n")
    return {(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))}


def test_items_coordinated_with_a_known_industry_are_industries():
    # no closing kind word: the list shares its kind with the one item the vocabulary knows
    found = entities("该县近年引来了一批项目,涉及生物医药、竹木加工、茶叶深加工,带动就业上千人。")
    assert {("竹木加工", "industry"), ("茶叶深加工", "industry")} <= found


def test_novelty_words_in_a_list_are_not_industries():
    found = entities("会上交流了新工艺、新装备、新材料,参会企业反响热烈。")
    assert not {n for n, t in found if t == "industry"} & {"新工艺", "新装备"}


def test_a_list_of_topics_about_industries_gives_no_items():
    found = entities("学者们就钢铁新材料产业低碳转型、金属增材新技术、节能环保等方向展开研讨。")
    assert ("新材料产业低碳转型", "industry") not in found
    assert ("金属增材新技术", "industry") not in found


def test_a_focus_list_closed_by_deng_and_any_kind_word_ends_at_deng():
    names = {
        name for name, _type in typed("星湖实验室聚焦脑科学与类脑智能、生物医学工程等方向，开展联合攻关。")
    }
    assert "生物医学工程" in names
    assert not any(name.endswith("等方向") for name in names)


def test_a_kind_of_firm_closing_one_list_and_joined_to_another_is_no_firm():
    """甲、乙等全球装备巨头和丙、丁等企业: 巨头 is the first list's kind; all four are firms."""
    found = set(typed("星驰、蓝湖等全球装备巨头和白沙、青溪等骨干企业相继进驻星湖区。"))
    assert {
        ("星驰", "enterprise"),
        ("蓝湖", "enterprise"),
        ("白沙", "enterprise"),
        ("青溪", "enterprise"),
    } <= found
    assert not any(name.endswith("巨头") for name, _ in found)
