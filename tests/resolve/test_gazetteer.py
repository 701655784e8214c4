"""Gazetteer look-ups: ambiguous division names, zones' regions, versions by date."""

from __future__ import annotations

from innoatlas.lexicon.zones import load_zones
from innoatlas.resolve import gazetteer as gz


def codes(name: str) -> tuple[str, ...]:
    return gz.division_candidates(name, short_ok=True)


def test_an_ambiguous_district_is_read_in_its_documents_context():
    jiangbei = codes("江北区")
    assert sorted(jiangbei) == ["330205", "500105"]  # in 宁波 and in 重庆
    assert gz.choose_division(jiangbei, {"500000"}) == "500105"
    assert gz.choose_division(jiangbei, {"330200", "330000"}) == "330205"
    assert gz.choose_division(jiangbei, set()) is None  # not guessed


def test_a_short_form_prefers_the_higher_level_without_context():
    assert gz.choose_division(codes("吉林"), set()) == "220000"  # the province, not the city


def test_a_countys_short_form_needs_its_province_in_the_document():
    assert gz.division_candidates("沙坪坝", True, context={"500000"}) == ("500106",)
    assert gz.division_candidates("沙坪坝", True, context={"510000"}) == ()
    assert gz.division_candidates("温泉", True, context={"500000"}) == ()  # 温泉县 is in 新疆


def test_ancestors_climb_to_the_province():
    assert [d.name for d in gz.ancestors("510107")] == ["成都市", "四川省"]
    assert [d.name for d in gz.ancestors("500106")] == ["重庆市"]


def test_a_zone_lies_in_its_city_else_its_province():
    zones = load_zones()
    assert gz.zone_region(zones["天府新区"]) == "510100"
    assert gz.zone_region(zones["两江新区"]) == "500000"
    assert gz.zone_region(zones["璧山片区"]) == "500120"


def test_an_autonomous_prefecture_or_county_written_with_its_plain_level():
    assert codes("甘孜州") == ("513300",)  # 甘孜藏族自治州
    assert codes("石柱县") == ("500240",)  # 石柱土家族自治县
    assert gz.division_candidates("甘孜州", short_ok=False) == ()


def test_zones_of_the_official_lists_lie_in_their_city_or_county():
    zones = load_zones()
    assert gz.zone_region(zones["燕郊高新区"]) == "131082"  # 三河市, 河北
    assert gz.zone_region(zones["长沙经开区"]) == "430121"  # 长沙县
    assert gz.zone_region(zones["苏州工业园区"]) == "320500"
    assert gz.zone_region(zones["中国(四川)自由贸易试验区川南临港片区"]) == "510500"  # 泸州市
    assert gz.zone_region(zones["中国(重庆)自由贸易试验区两江片区"]) == "500000"
    assert gz.zone_region(zones["北京怀柔综合性国家科学中心"]) == "110116"


def test_a_free_trade_area_is_part_of_its_zone():
    area = gz.zone_index()["西永片区"]
    assert area.parent == "中国(重庆)自由贸易试验区"
    assert area.type_at(None) == "zone"
