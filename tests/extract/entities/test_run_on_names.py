"""A name read one way throughout a text, and a place at the head of a longer
name. Sentences written for these tests."""

from __future__ import annotations

from tests.extract.entities.extracted import typed as typed_list


def typed(body: str) -> set[tuple[str, str]]:
    return set(typed_list(body))


def test_a_firm_listed_once_is_the_firm_where_the_text_names_it_again():
    found = typed("星湖集团、蓝鲸新材料等企业签约落户。据介绍,蓝鲸新材料将建设研发中心。")
    assert ("蓝鲸新材料", "enterprise") in found
    assert ("新材料", "industry") not in found


def test_a_firm_named_after_its_trade_is_not_the_trade_where_it_is_named_again():
    found = typed("园区引进海川光伏、星湖智能等12家企业。今年海川光伏产值增长两成。")
    assert ("光伏", "industry") not in found


def test_a_province_before_words_a_zone_suffix_closes_is_the_zone():
    found = typed("落户贵州数字经济未来产业科技园的企业增至30家。")
    assert ("贵州数字经济未来产业科技园", "zone") in found
    assert ("贵州", "region") not in found


def test_a_city_before_a_zone_short_name_is_the_zone():
    found = typed("展会期间,广州琶洲和杭州未来科技城的企业都来参展。")
    assert ("广州琶洲", "zone") in found
    assert ("广州", "region") not in found


def test_a_city_before_a_division_or_a_verb_stays_a_place():
    found = typed("近年来,四川甘孜州大力发展清洁能源,湖北推进产业转型升级示范区建设。")
    assert ("湖北", "region") in found
    assert ("四川甘孜州", "region") in found


def test_the_short_form_of_a_bonded_zone_is_a_zone():
    found = typed("今年一季度,宁波梅山综保区进出口总额增长两成。")
    assert ("宁波梅山综保区", "zone") in found


def test_an_adjective_inside_the_zone_name_after_a_province_is_part_of_it():
    found = typed("落户江西高端智能装备未来产业科技园的企业增至30家。")
    assert ("江西高端智能装备未来产业科技园", "zone") in found
    assert ("江西", "region") not in found


def test_an_economic_region_before_a_description_of_a_base_stays_the_region():
    found = typed("加快建设成渝地区双城经济圈重要先进制造业基地。")
    assert ("成渝地区双城经济圈", "region") in found


def test_a_province_and_city_in_full_before_a_short_firm_name_are_the_place_and_the_firm():
    found = typed("来自浙江省台州市星达电器的订单占了三成,重庆市青石科技有限公司也在其中。")
    assert {("浙江省台州市", "region"), ("星达电器", "enterprise")} <= found
    assert ("重庆市青石科技有限公司", "enterprise") in found


def test_a_kind_after_ge_each_is_no_name():
    found = typed("兰州各大园区发展质量持续提升。")
    assert ("大园区", "zone") not in found
    assert ("兰州", "region") in found


def test_a_place_a_trade_name_and_a_trade_are_a_firm():
    # a registered name without its organisation form: 行政区划 + 字号 + 行业
    assert ("合肥青禾医药", "enterprise") in typed("合肥青禾医药在当地投产。")


def test_a_place_and_an_industry_are_no_firm():
    found = typed("江川市先进新材料发展较快。")
    assert not {n for n, t in found if t == "enterprise"}


def test_two_names_of_one_province_run_together_without_their_separator_are_two_names():
    """A page that lost the 、 between two bodies of one province: neither is a branch of the other."""
    found = typed(
        "近日，省科技厅公示评价结果，湖北省江川生命科学产业技术研究院湖北省中药产业技术研究院被评为优秀等次。"
    )
    assert {
        ("湖北省江川生命科学产业技术研究院", "institute"),
        ("湖北省中药产业技术研究院", "institute"),
    } <= found


def test_a_university_before_the_city_of_its_branch_stays_one_name():
    assert ("南方理工大学杭州研究院", "institute") in typed("南方理工大学杭州研究院昨日揭牌。")


def test_a_firm_named_with_the_field_of_its_project_is_the_firm():
    """ANNOTATION.md: a company named with its product or line is listed as the company."""
    found = typed("此次开工的项目包括投资50亿元的联想5G项目，以及金桥智能网联汽车等产业发展类项目。")
    assert ("金桥", "enterprise") in found
    assert ("金桥智能网联汽车", "enterprise") not in found
    # a field of a few characters ends many firms' own names
    assert ("长安汽车", "enterprise") in typed("长安汽车与园区签约。")


def test_two_names_run_together_are_cut_after_the_zone_word_not_inside_it():
    found = dict(typed("江川材料产业园区星湖精工材料有限公司新建产线投产。"))
    assert found.get("江川材料产业园区") == "zone"
    assert found.get("星湖精工材料有限公司") == "enterprise"
