"""Registered firm names cut or glued by the tagger, on sentences written for these tests."""

from __future__ import annotations

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.tokens import tag_text


def firms(body: str) -> set[str]:
    doc = document_from_text("测试新闻标题\n" + body + "\n")
    return {m.name for m in extract_entities(doc, tag_text(doc.norm)) if m.type == "enterprise"}


def test_a_legal_form_after_a_group_is_one_firm():
    found = firms("四川长虹电子集团控股有限公司今天发布年报。")
    assert "四川长虹电子集团控股有限公司" in found
    assert "控股有限公司" not in found


def test_a_subsidiary_after_its_parent_and_qibuxia():
    found = firms("这台设备由青岛星河仪表有限公司旗下蓝湾工业装备有限公司研制。")
    assert {"青岛星河仪表有限公司", "蓝湾工业装备有限公司"} <= found
    assert "旗下蓝湾工业装备有限公司" not in found


def test_the_first_character_the_tagger_cut_off_a_firm_name():
    found = firms("生产线昼夜运转,得壹能源科技(芜湖)有限责任公司订单饱满。")
    assert "得壹能源科技(芜湖)有限责任公司" in found


def test_firms_listed_before_a_count_with_duo_or_yu():
    found = firms("园区集聚星海量子、北辰量子等30多家企业,另有蓝湾光电等20余家企业。")
    assert {"星海量子", "北辰量子", "蓝湾光电"} <= found


def test_short_names_coordinated_with_a_firm_named_in_full_are_firms():
    found = firms("本地的星河集团、蓝湾智能、海川重工稳居行业前列。")
    assert {"星河集团", "蓝湾智能", "海川重工"} <= found


def test_items_after_a_place_are_not_made_firms():
    found = firms("项目分布在成都、绵阳、德阳等地。")
    assert not {"绵阳", "德阳"} & found
