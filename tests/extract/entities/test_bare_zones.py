"""A zone the text names only by its kind, on sentences written for these tests."""

from __future__ import annotations

from innoatlas.documents import document_from_text
from innoatlas.extract import extract_document, to_annotation
from tests.extract.entities.extracted import typed


def mentions(body: str) -> set[tuple[str, str]]:
    return set(typed(body))


def test_a_zone_named_only_by_its_kind_is_an_entity_and_the_subject_of_its_figures():
    doc = document_from_text(
        "经开区上半年工业运行平稳\n上半年,经开区规上工业增加值同比增长19.2%。\n"
        "经开区新建续建项目12个,完成投资18.6亿元。\n"
    )
    result = to_annotation(doc, extract_document(doc))
    assert {"name": "经开区", "type": "zone"} in result["entities"]
    assert {i["subject"] for i in result["indicators"]} == {"经开区"}


def test_districts_and_zones_listed_side_by_side():
    found = mentions("某市以空港新城、经开区、滨江县、高新区为主要承载地,推进汽车产业发展。")
    assert {("经开区", "zone"), ("高新区", "zone")} <= found


def test_the_kind_word_after_a_named_zone_refers_back_to_it():
    found = mentions("郑州高新区今年发展较快,高新区新增企业百家。")
    assert ("高新区", "zone") not in found
    assert ("郑州高新区", "zone") in found


def test_a_zones_session_of_a_city_series_names_the_zone_by_its_kind():
    # the city's series of press conferences holds one session per zone (某某发布会经开区专场);
    # the zone's promotion to national grade (晋升为国家级高新区) names a grade, not another zone
    doc = document_from_text(
        "江川市成就巡礼发布会高新区专场举行\n"
        "3月6日,江川市成就巡礼发布会高新区专场举行。\n"
        "2024年,高新区完成规上工业产值260亿元,增长8.2%。\n"
        "高新区于2015年晋升为国家级高新区。\n"
    )
    result = to_annotation(doc, extract_document(doc))
    names = {e["name"] for e in result["entities"]}
    assert "高新区" in names
    assert not any(n.endswith("发布会高新区") for n in names)
    assert {i["subject"] for i in result["indicators"] if i["value"] == 260} == {"高新区"}


def test_a_verb_before_the_kind_word_does_not_hide_the_zone_of_the_report():
    # a zone's annual report says 高新区 alone throughout, once after a verb (困扰高新区)
    doc = document_from_text(
        "高新区\n去年,高新区经济总量达到168.4亿元,增长6.5%。\n"
        "用地不足曾长期制约高新区发展,今年新整合低效用地1500亩。\n"
    )
    result = to_annotation(doc, extract_document(doc))
    assert {"name": "高新区", "type": "zone"} in result["entities"]
    assert {i["subject"] for i in result["indicators"] if "168.4" in i["quote"]} == {"高新区"}


def test_a_place_before_the_kind_word_still_refers_back_and_generic_kinds_stay_words():
    assert ("高新区", "zone") not in mentions("用地不足曾制约高新区发展。青溪高新区今年新增企业百家。")
    # 开发区 and 自贸区 are also the nouns of their class (推动开发区建设, 自贸区扩容)
    found = mentions("省里出台推动开发区建设的意见。开发区新增企业30家。")
    assert ("开发区", "zone") not in found


def test_a_zone_named_by_its_place_and_counted_stays_a_zone():
    """Counts given place by place (某县1个、某市经开区2个) are each place's; the zone keeps its name."""
    found = typed("新签约项目中,澧县3个,总投资6亿元;常德经开区2个,总投资3亿元。")
    assert ("常德经开区", "zone") in found


def test_a_development_zone_is_not_read_as_a_verb_and_its_object():
    """开区 (opening an area) is a verb and its object; 经开区 ends a zone's name."""
    assert ("洞口经开区", "zone") in typed("当天,4家公司同洞口经开区完成签约。")


def test_a_grade_of_zones_nationwide_is_no_zone():
    found = typed("醴陵经开区在全国省级经开区综合排名中居第18位。")
    assert not any(name.endswith("省级经开区") for name, _ in found)


def test_a_count_of_a_kind_names_a_set_of_bodies_not_one():
    found = typed("白沙县推进种植基地、加工基地等“四大基地”建设,建成五大创新中心。")
    assert not any(name.startswith(("四大", "五大")) for name, _ in found)
