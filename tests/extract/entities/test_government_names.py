"""Names of government departments and of public technology platforms, on sentences written for these tests."""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.tokens import tag_text
from tests.extract.entities.extracted import typed


def mentions(body: str) -> set[tuple[str, str]]:
    return set(typed(body))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("江西省科技厅日前发布申报通知。", "江西省科技厅"),
        ("据河北省工业和信息化厅介绍,今年新增一批项目。", "河北省工业和信息化厅"),
        ("中共宜宾市委宣传部组织了这次采访。", "中共宜宾市委宣传部"),
        ("商务部外资司有关负责人回答了提问。", "商务部外资司"),
        ("云南省人民政府办公厅近日印发实施方案。", "云南省人民政府办公厅"),
        ("国务院办公厅转发了这份意见。", "国务院办公厅"),
    ],
)
def test_departments_of_provinces_parties_and_ministries(body, name):
    assert (name, "government") in mentions(body)


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("市民走进体验中心展厅,了解最新成果。", "体验中心展厅"),
        ("全市建成示范楼宇12处,吸引企业入驻。", "示范楼宇12处"),
        ("加快智慧交通与数字政府建设。", "智慧交通与数字政府"),
    ],
)
def test_halls_counts_and_fields_are_no_departments(body, absent):
    assert absent not in {name for name, _ in mentions(body)}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("江西技术交易所今年成交额创新高。", "江西技术交易所"),
        ("市民可以参观成都市新能源汽车展示中心。", "成都市新能源汽车展示中心"),
    ],
)
def test_technology_exchanges_and_showrooms_are_platforms(body, name):
    assert (name, "platform") in mentions(body)


def test_a_city_bureau_of_industry_and_information_technology_is_one_name():
    found = mentions("烟台市工业和信息化局党组书记、局长李明介绍了情况。")
    assert ("烟台市工业和信息化局", "government") in found


def test_a_manufacturing_innovation_centre_keeps_its_field_and_province():
    found = mentions("当地积极培育江苏省服务机器人和医疗机器人制造业创新中心等平台。")
    assert ("江苏省服务机器人和医疗机器人制造业创新中心", "platform") in found, found


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("两省共建汽车产业链供需对接平台,汇聚整车企业两千家。", "汽车产业链供需对接平台"),
        ("江城上线了知识产权交易平台,累计成交三百项。", "知识产权交易平台"),
        ("园区展示了海星工业互联网平台的应用成果。", "海星工业互联网平台"),
    ],
)
def test_matching_release_and_industrial_internet_platforms_are_platforms(body, name):
    assert (name, "platform") in mentions(body), mentions(body)


def test_a_government_named_by_its_level_alone_is_found_where_it_acts():
    doc = document_from_text(
        "测试新闻标题\n会后，省政府印发了数字经济发展规划。配套方案由市政府批复后施行。\n"
    )
    found = [(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))]
    assert ("省政府", "government") in found and ("市政府", "government") in found


def test_a_government_named_by_its_level_as_a_qualifier_is_no_mention():
    doc = document_from_text("测试新闻标题\n市政府门户网站每月公开项目进展。\n")
    assert "市政府" not in {m.name for m in extract_entities(doc, tag_text(doc.norm))}


def test_a_department_written_with_its_level_alone_is_one_name():
    doc = document_from_text(
        "测试新闻标题\n经研究，市工业和信息化局负责人作了说明。对此，市工业和信息化局副局长王明回应了关切。\n"
    )
    found = {(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))}
    assert ("市工业和信息化局", "government") in found


@pytest.mark.parametrize("name", ["青岚县人大", "青岚县政协"])
def test_a_congress_and_a_consultative_conference_are_government_bodies(name):
    assert (name, "government") in mentions(
        "会上，青岚县人大、青岚县政协负责人听取了全县加快发展的情况汇报。"
    )


@pytest.mark.parametrize(
    ("body", "absent"),
    [("不断提升企业核心竞争力，加快转型。", "核心竞争力"), ("远帆电子近日成立控股子公司。", "控股子公司")],
)
def test_a_capacity_or_a_subsidiary_named_by_its_relation_is_no_firm(body, absent):
    assert not any(name == absent for name, _ in mentions(body))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("青岛海关发布一季度外贸数据。", "青岛海关"),
        ("省政府新闻办举行新闻发布会。", "省政府新闻办"),
        ("安徽省委金融办负责人介绍有关情况。", "安徽省委金融办"),
    ],
)
def test_customs_and_the_short_names_of_offices_are_government_bodies(body, name):
    assert (name, "government") in mentions(body)


@pytest.mark.parametrize(
    ("body", "name", "etype"),
    [
        ("国家机器人创新中心落户该区。", "国家机器人创新中心", "platform"),
        ("川南技术创新中心正式揭牌。", "川南技术创新中心", "platform"),
        ("北京理工大学重庆创新中心发布新成果。", "北京理工大学重庆创新中心", "institute"),
    ],
)
def test_an_innovation_centre_is_a_platform_unless_an_academy_runs_it(body, name, etype):
    assert (name, etype) in mentions(body)


def test_a_committee_and_government_said_as_one_or_a_congress_by_its_level_is_no_name():
    found = {
        name
        for name, _ in typed("在市委市政府的坚强领导下，经市人大常委会审议，市政协委员视察了青溪高新区。")
    }
    assert not found & {"市委市政府", "市人大常委会", "市政协"}
    assert "青溪高新区" in found


def test_the_party_committee_of_a_province_named_by_its_level_alone_is_no_mention():
    # the annotators list a province's committee by its place (江川省委), the bare 省委 of a
    # report's formulas (省委、省政府高度重视) as no body
    found = mentions("江川省委召开全会。会议指出,省委、省政府高度重视科技创新。")
    assert ("江川省委", "government") in found, found
    assert not any(name == "省委" for name, _ in found)
