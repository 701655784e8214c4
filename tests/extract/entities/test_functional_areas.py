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


def test_provincial_kinds_of_area_are_names_after_their_place():
    """产业集聚区, 集中区, 产业功能区, 先行区, 科教城: names when a place opens them, plans' aims when
    only a field does."""
    found = set(typed("常州科教城新增企业20家，前海金融科技集聚区吸引机构入驻。"))
    assert {("常州科教城", "zone"), ("前海金融科技集聚区", "zone")} <= found
    aims = {name for name, _ in typed("该区将打造新材料创新集聚区、低空经济发展先行区。")}
    assert not any(name.endswith(("集聚区", "先行区")) for name in aims)


def test_a_field_term_between_a_place_and_a_zone_kind_is_inside_the_name():
    """武汉|自动/驾驶|示范区: the tagger cuts the field term; the name runs over it."""
    found = set(typed("武汉自动驾驶示范区扩大开放范围。"))
    assert ("武汉自动驾驶示范区", "zone") in found


def test_a_public_park_is_no_zone_and_a_park_of_firms_is():
    """公园 names a place of leisure unless the words before it name work (智慧, 创新, 医药 …)."""
    found = set(typed("市民在江滨公园和天府公园休闲;北京智慧科技公园引进企业20家。"))
    assert not {name for name, _ in found} & {"江滨公园", "天府公园"}
    assert ("北京智慧科技公园", "zone") in found


def test_the_kind_of_a_university_science_park_is_no_park():
    found = set(typed("全国共有国家大学科技园140余家,浙江大学科技园新增企业30家,各地科技园区加快建设。"))
    assert found == {("浙江大学科技园", "zone")}


def test_cities_by_their_size_class_or_pilot_kind_are_no_places():
    found = set(typed("重庆是超大城市,也是首批海绵城市试点,周边中小城市增长较快,大城市辐射力强。"))
    assert found == {("重庆", "region")}


def test_software_automobile_and_textile_cities_are_zones():
    assert ("星湖软件城", "zone") in mentions("星湖软件城吸引了一批企业设立研发总部。")
    assert ("中国轻纺城", "zone") in mentions("中国轻纺城市场群成交额达2000亿元。")


def test_a_city_called_for_its_trade_or_a_year_before_the_kind_is_no_zone():
    assert not any(t == "zone" for _, t in mentions("江川是著名的汽车城，全年轻纺城交易也很活跃。"))
