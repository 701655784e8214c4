"""A bracket written right after a name: part of the name, or a name of its own.

Sentences written for these tests."""

from __future__ import annotations

from tests.extract.entities.extracted import typed as typed_list


def typed(body: str) -> set[tuple[str, str]]:
    return set(typed_list(body))


def test_a_part_of_a_zone_in_brackets_stays_in_its_name():
    found = typed("江川高新区(直管园)上半年地区生产总值增长9%。")
    assert ("江川高新区(直管园)", "zone") in found


def test_the_district_a_zone_is_run_with_in_brackets_is_a_region_of_its_own():
    """A zone and the district it is run together with (政区合一) are two things the story names."""
    found = typed("株洲高新区(天元区)上半年新增企业120家,芜湖高新区（弋江区）产值增长8%。")
    assert {
        ("株洲高新区", "zone"),
        ("天元区", "region"),
        ("芜湖高新区", "zone"),
        ("弋江区", "region"),
    } <= found
    assert not any("(" in name or "（" in name for name, _ in found)


def test_the_district_a_list_gives_each_name_in_brackets_is_no_part_of_it():
    """A list of names, each with the district or zone it stands in (某众创空间(某区)、…)."""
    found = typed(
        "本市入选的孵化载体有:青禾众创空间(惠济区)、北辰智谷(巩义)、星火创客空间(经开区)、"
        "云帆众创空间(城东新区)。"
    )
    assert {
        ("青禾众创空间", "platform"),
        ("星火创客空间", "platform"),
        ("云帆众创空间", "platform"),
        ("惠济区", "region"),
    } <= found
    assert not any("(" in name for name, _ in found)


def test_a_city_in_brackets_after_a_university_names_its_campus():
    found = typed("江川地质大学(武汉)、江川理工大学(青岛)与本市签约共建研究院。")
    assert {("江川地质大学(武汉)", "university"), ("江川理工大学(青岛)", "university")} <= found


def test_a_name_in_latin_letters_in_brackets_is_another_name():
    found = typed(
        "江川星湖新能源科技股份有限公司(JXNE)与青溪县签约,第三届江川电子信息博览会(JCEF2024)同日开幕。"
    )
    assert {
        ("江川星湖新能源科技股份有限公司", "enterprise"),
        ("第三届江川电子信息博览会", "program"),
    } <= found
    assert not any("(" in name for name, _ in found)


def test_the_second_plate_of_an_office_in_brackets_is_a_body_of_its_own():
    found = typed("记者近日走访县科技局(县知识产权局),办事窗口前排起长队。")
    assert {("县科技局", "government"), ("县知识产权局", "government")} <= found
    assert not any("(" in name for name, _ in found)


def test_the_second_plate_is_a_body_whatever_the_tagger_reads_it_as():
    found = typed("记者昨天在区商务局(区大数据发展局)看到,外贸订单有所回升。")
    assert {("区商务局", "government"), ("区大数据发展局", "government")} <= found


def test_a_branch_named_with_its_parent_and_its_seat_in_brackets_is_one_name():
    """某大学(某地)技术转移中心: the place in brackets is where the parent's unit sits."""
    found = typed(
        "学校与三地政府合作共建江川理工大学(渭南)技术转移中心、江川理工大学(宝鸡)技术转移中心"
        "和江川理工大学(汉中)技术转移中心。"
    )
    assert {
        ("江川理工大学(渭南)技术转移中心", "platform"),
        ("江川理工大学(宝鸡)技术转移中心", "platform"),
        ("江川理工大学(汉中)技术转移中心", "platform"),
    } <= found
    assert not any(name.startswith("技术") or "和" in name for name, _ in found)


def test_a_bracket_after_a_universitys_name_stays_with_the_unit_it_names():
    """中国石油大学(华东) is the university's own name; its park keeps the whole of it."""
    found = typed("新区投资5亿元建成运行中国石油大学(华东)国家大学科技园动力谷。")
    assert ("中国石油大学(华东)国家大学科技园动力谷", "zone") in found
    assert not any(name.startswith("(") for name, _ in found)


def test_a_firm_s_listing_or_project_place_in_brackets_ends_its_name():
    """A registered name puts its seat in brackets before the trade; a bracket after the
    legal form or the trade name is an aside (the board it lists on, where a project is built)."""
    found = typed(
        "星湖精机股份有限公司(北交所)今年上市。"
        "开工项目有江川金源光伏有限公司(白沙县)光伏电站项目和星湖锂能科技有限公司(青溪县)电池项目。"
    )
    assert {
        ("星湖精机股份有限公司", "enterprise"),
        ("江川金源光伏有限公司", "enterprise"),
        ("星湖锂能科技有限公司", "enterprise"),
    } <= found
    assert not any("(" in name for name, _ in found)


def test_a_figure_in_brackets_after_a_name_is_no_part_of_it():
    """A ranking gives each name its figure in brackets; the name ends before it."""
    found = typed("技术合同输出额居前的依次为江川理工大学(3.82亿元)、星湖大学(2.4亿元)。")
    assert {("江川理工大学", "university"), ("星湖大学", "university")} <= found
    assert not any("亿元" in name for name, _ in found)


def test_a_rank_or_a_count_of_households_in_brackets_ends_the_name():
    found = typed("青溪科技园(860户)和白沙化工园区(第9位)均在名单之列。")
    assert {("青溪科技园", "zone"), ("白沙化工园区", "zone")} <= found


def test_another_name_in_brackets_is_no_part_of_the_name():
    """(又称“某某”), (俗称…): another name the zone goes by, a name of its own."""
    found = typed("星湖高新区(又称“中国星谷”)去年GDP增长7%。")
    assert {("星湖高新区", "zone"), ("中国星谷", "zone")} <= found
