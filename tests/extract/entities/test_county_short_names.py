"""Short names of counties, which are common words too, and addresses of several places, on sentences written for these tests."""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.tokens import tag_text


def regions(body: str) -> set[str]:
    doc = document_from_text("测试新闻标题\n" + body + "\n")
    return {m.name for m in extract_entities(doc, tag_text(doc.norm)) if m.type == "region"}


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("双城生活愈发便利,通勤时间缩短。", "双城"),
        ("惠民便捷的社区服务纵深推进。", "惠民"),
    ],
)
def test_a_county_short_name_alone_is_a_common_word(body, word):
    assert word not in regions(body)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("惠州市今年加快发展,龙门全力推进旅游。", "龙门"),  # its city is named
        ("龙门县今年加快发展,龙门全力推进旅游。", "龙门"),  # the county itself is named in full
        ("荣昌全力推进招商,荣昌高新区新增企业30家。", "荣昌"),  # a listed zone named after the county
    ],
)
def test_a_county_short_name_anchored_by_its_city_or_full_name(body, name):
    assert name in regions(body)


def test_a_county_level_city_read_as_a_place_twice_is_that_city():
    assert "张家港" in regions("张家港规上工业产值增长8%，张家港新增上市企业5家。")


def test_a_county_short_name_repeated_as_a_word_stays_a_word():
    assert "惠民" not in regions("惠民服务持续推进，惠民政策落地见效。")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("工厂位于四川成都双流区,交通便利。", "四川成都双流区"),
        ("四川省成都市郫都区今年新增企业。", "四川省成都市郫都区"),
    ],
)
def test_an_address_of_three_places_is_one_name(body, name):
    assert name in regions(body)


def test_a_county_named_by_its_short_form_in_a_story_about_a_county():
    """A story that speaks of its area as a county (全县, 县委) names that county by its short
    form, when the tagger reads the short form as a place."""
    assert "宿松" in regions("宿松工业首季开门红\n一季度,宿松全县规上工业增加值增长12%。")
