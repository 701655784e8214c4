"""Relations of the items of an enumeration, on sentences written for these tests."""

from __future__ import annotations

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.relations import extract_relations
from innoatlas.extract.tokens import tag_text

# A district named often enough to be the place the text is about.
_ABOUT_BISHAN = "璧山区今年经济稳步增长。璧山区新签约一批项目,璧山区还优化了营商环境。"


def triples(body: str) -> set[tuple[str, str, str]]:
    doc = document_from_text("测试新闻标题\n" + body + "\n", published="2024-06-01")
    tokens = tag_text(doc.norm)
    return {
        (r.subject, r.predicate, r.object)
        for r in extract_relations(doc, tokens, extract_entities(doc, tokens))
    }


def test_every_item_of_a_list_shares_the_verb_after_it():
    found = triples(_ABOUT_BISHAN + "近年来,新型显示、医疗器械、智能装备等重点产业协同推进。")
    for industry in ("新型显示", "医疗器械", "智能装备"):
        assert ("璧山区", "focuses_on", industry) in found


def test_a_noun_after_a_list_is_no_verb_for_its_first_items():
    found = triples(_ABOUT_BISHAN + "本地展会涉及新型显示、医疗器械、智能装备等领域。")
    assert ("璧山区", "focuses_on", "新型显示") not in found


def test_a_firm_that_ranks_in_a_quoted_list_is_its_member():
    found = triples("宁德时代新能源科技股份有限公司稳居“全球动力电池企业十强”。")
    assert ("宁德时代新能源科技股份有限公司", "member_of", "全球动力电池企业十强") in found


def test_a_school_named_after_its_university_is_part_of_it():
    found = triples("江川农业大学园艺学院的团队选育出新品种,江川农业大学为此召开了发布会。")
    assert ("江川农业大学园艺学院", "part_of", "江川农业大学") in found


def test_no_parent_when_it_is_named_only_inside_the_branchs_name():
    # the place before the university is part of the branch's name, not of the parent's
    found = triples("蓝湖江川大学研究院、星驰科技有限公司在星湖会展中心签署合作协议。")
    assert not [t for t in found if t[0] == "蓝湖江川大学研究院" and t[1] == "part_of"]
    assert ("蓝湖江川大学研究院", "cooperates_with", "星驰科技有限公司") in found


def test_a_department_named_after_its_ministry_is_part_of_it():
    found = triples("科学技术部高新技术司有关负责人介绍了情况,科学技术部将出台新政策。")
    assert ("科学技术部高新技术司", "part_of", "科学技术部") in found


def test_a_list_of_parties_right_before_a_cooperation_word_cooperates():
    found = triples("这台装备由星河重工集团有限公司、蓝湾机械有限公司联合研制。")
    assert ("星河重工集团有限公司", "cooperates_with", "蓝湾机械有限公司") in found


def test_a_plain_list_far_from_a_cooperation_word_does_not():
    found = triples("星河重工集团有限公司、蓝湾机械有限公司去年营收增长,园区与高校开展合作。")
    assert ("星河重工集团有限公司", "cooperates_with", "蓝湾机械有限公司") not in found


def test_the_actor_of_a_clause_framed_by_a_list_is_its_member():
    found = triples("在2023年度全国绿色工厂示范名单中,江北区位列第4位。")
    assert ("江北区", "member_of", "2023年度全国绿色工厂示范名单") in found


def test_a_place_listed_for_a_national_title_is_its_member():
    found = triples("星湖市和江川市入选国家创新型城市。")
    assert ("星湖市", "member_of", "国家创新型城市") in found
    assert ("江川市", "member_of", "国家创新型城市") in found


def test_the_firms_a_software_city_attracts_are_located_in_it():
    found = triples("星湖软件城引进华为、联想等企业设立研发总部。")
    assert ("华为", "located_in", "星湖软件城") in found
