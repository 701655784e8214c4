"""Areas named after what they do, on sentences written for these tests."""

from __future__ import annotations

from tests.extract.entities.extracted import typed


def mentions(body: str) -> set[tuple[str, str]]:
    return set(typed(body))


def test_an_area_named_after_its_function_is_a_zone_with_its_city():
    found = mentions("岳阳自贸临空区引进一批项目,临空区发展迅速。")
    assert ("岳阳自贸临空区", "zone") in found


def test_a_district_of_the_lists_stays_a_region():
    assert ("江北区", "region") in mentions("江北区今年新增企业三百家。")


def test_a_science_city_named_kechuangcheng_and_an_aerospace_city_are_zones():
    found = mentions("位于遵义智造科创城的项目已开工,西安国际航天城的企业也来考察。")
    assert ("遵义智造科创城", "zone") in found
    assert ("遵义", "region") not in found
    assert any(name.endswith("航天城") and etype == "zone" for name, etype in found)
