"""Economic regions: their entity and the member divisions a document names, from written sentences."""

from __future__ import annotations

import pytest

from innoatlas.errors import DataFileError
from innoatlas.resolve.economic import load_economic_regions, membership, parse_economic_regions
from tests.resolve.written import resolve

CHENGYU = "area:成渝地区双城经济圈"
CHONGQING = "division:500000"
CHENGDU = "division:510100"
SICHUAN = "division:510000"


def member_links(resolution) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o, _ in resolution.relations if p == "member_of"}


def test_the_region_links_the_members_the_document_names_and_no_others():
    text = "重庆与成都携手推进成渝地区双城经济圈建设，两地共建科创走廊。\n"
    names = [("重庆", "region"), ("成都", "region"), ("成渝地区双城经济圈", "region")]
    resolution, keys = resolve(text, names, "2024-03-01")
    assert keys["成渝地区双城经济圈"] == CHENGYU
    region = resolution.entities[CHENGYU]
    assert (region.name, region.type, region.parent_key) == ("成渝地区双城经济圈", "region", None)
    assert member_links(resolution) == {(CHONGQING, CHENGYU), (CHENGDU, CHENGYU)}
    # 四川省 is in the document (成都's province) but the plan names its cities, not the province
    assert SICHUAN in resolution.entities
    # an economic region is no administrative parent
    assert resolution.entities[CHONGQING].parent_key is None


def test_a_member_named_through_a_zone_inside_it_counts():
    text = "在成渝双城经济圈，天府新区和两江新区共建科创走廊。\n"
    names = [("成渝双城经济圈", "region"), ("两江新区", "zone"), ("天府新区", "zone")]
    resolution, keys = resolve(text, names, "2024-03-01")
    assert keys["成渝双城经济圈"] == CHENGYU
    assert member_links(resolution) == {(CHONGQING, CHENGYU), (CHENGDU, CHENGYU)}


def test_no_member_links_without_the_region():
    text = "重庆与成都两地高校联合举办创新创业大赛。\n"
    resolution, _ = resolve(text, [("重庆", "region"), ("成都", "region")])
    assert member_links(resolution) == set()


def test_a_region_only_the_plans_file_lists_is_an_economic_region():
    text = "长江中游城市群的武汉、长沙、南昌三市签署科技合作协议。\n"
    names = [("长江中游城市群", "region"), ("武汉", "region"), ("长沙", "region"), ("南昌", "region")]
    resolution, keys = resolve(text, names)
    key = keys["长江中游城市群"]
    assert key == "area:长江中游城市群" and resolution.entities[key].type == "region"
    assert {s for s, _ in member_links(resolution)} == {
        "division:420100",
        "division:430100",
        "division:360100",
    }


def test_the_plan_outline_members_of_chengyu():
    region = load_economic_regions()["成渝地区双城经济圈"]
    assert len(region.members) == 16
    partial = {m.code for m in region.members if m.partial}
    assert partial == {"500000", "510700", "511700", "511800"}  # 重庆 and 绵阳, 达州, 雅安 in part
    assert [r.name for r, _ in membership("500000")] == ["成渝地区双城经济圈"]


def test_a_mistyped_member_code_names_the_file_and_the_member():
    text = "economic_regions:\n  - name: 测试经济圈\n    members:\n      - {code: '510100', name: 重庆市, partial: false}\n"
    with pytest.raises(
        DataFileError, match=r"regions\.yaml: 测试经济圈: member 510100 is 成都市, not 重庆市"
    ):
        parse_economic_regions(text, "regions.yaml")
    with pytest.raises(DataFileError, match="needs partial"):
        parse_economic_regions(
            text.replace("重庆市, partial: false", "成都市, partial: maybe"), "regions.yaml"
        )


def test_a_province_prefixed_city_sharing_its_short_form_with_a_county_is_the_city():
    text = "四川宜宾与重庆永川签署成渝地区双城经济圈产业协作协议。\n"
    names = [("四川宜宾", "region"), ("成渝地区双城经济圈", "region")]
    resolution, keys = resolve(text, names)
    assert keys["四川宜宾"] == "division:511500"  # 宜宾市, not 宜宾县
    assert ("division:511500", CHENGYU) in member_links(resolution)
