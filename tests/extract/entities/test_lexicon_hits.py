"""Names of the official lists found in sentences written for these tests:
industries of the national classifications, future industries and the
science centres, typed as the lists type them."""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.tokens import tag_text
from tests.extract.entities.extracted import typed


def mentions(body: str) -> list[tuple[str, str]]:
    return typed(body)


@pytest.mark.parametrize(
    ("body", "name", "etype"),
    [
        # a division of GB/T 4754-2017, written with its enumeration commas
        (
            "全市计算机、通信和其他电子设备制造业增加值增长12%。",
            "计算机、通信和其他电子设备制造业",
            "industry",
        ),
        ("去年该省电气机械和器材制造业营收突破千亿元。", "电气机械和器材制造业", "industry"),
        # a field of the high-tech enterprise fields (2016): joined by 与, one field
        ("规划提出壮大电子信息、生物与新医药、新能源与节能等产业。", "生物与新医药", "industry"),
        ("规划提出壮大电子信息、生物与新医药、新能源与节能等产业。", "新能源与节能", "industry"),
        # a listed zone the tagger runs into the word after it (规上工业)
        ("今年上半年,郑州高新区规上工业增加值增长8%。", "郑州高新区", "zone"),
        # a future industry of the 2023-2024 national guidelines
        ("当地重点培育人形机器人、脑机接口等未来产业。", "人形机器人", "industry"),
        # a sector of the industry ministry, written as the sector is named
        ("长沙把工程机械作为第一支柱产业。", "工程机械", "industry"),
        # a comprehensive national science centre is a zone, not an institute
        ("合肥综合性国家科学中心建设取得新进展。", "合肥综合性国家科学中心", "zone"),
        # a cooperation platform of the Greater Bay Area plan, by the place news names it by
        ("今年一季度，前海实际使用外资增长12%。", "前海", "zone"),
        # economies the State Council plans as sectors of their own
        ("当地把银发经济作为新的增长点，康养用品企业增至40家。", "银发经济", "industry"),
        ("机场周边重点发展临空经济，引进物流企业12家。", "临空经济", "industry"),
        ("全市离岸服务外包执行额增长9%，其中知识流程外包增长最快。", "知识流程外包", "industry"),
    ],
)
def test_a_name_of_an_official_list_is_found_with_its_type(body, name, etype):
    assert (name, etype) in mentions(body)


def test_a_common_word_holding_a_section_name_is_no_industry():
    assert mentions("小区门口的便利店零售业态丰富。") == []


@pytest.mark.parametrize(
    ("body", "name", "etype"),
    [
        # a central group by its short form, run by the tagger into the place after it
        ("国家电网湘中500千伏输变电工程昨日开工。", "国家电网", "enterprise"),
        # a central group and the project it runs: the group is the mention
        ("在内蒙古，中国华能乌兰察布风储一体化项目并网发电。", "中国华能", "enterprise"),
        ("中能建与当地签约建设储能电站。", "中能建", "enterprise"),
        # a policy bank of the central financial enterprises lends
        ("国开行向园区企业发放专项贷款。", "国开行", "investor"),
    ],
)
def test_a_central_group_of_the_official_list_is_found_by_its_short_name(body, name, etype):
    assert (name, etype) in mentions(body)


def test_a_university_named_after_a_group_stays_a_university():
    assert ("中国石油大学", "university") in mentions("中国石油大学与园区签约。")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a national corridor and a national programme of the list, written alone
        ("货物经西部陆海新通道运抵北部湾港口。", "西部陆海新通道"),
        ("当地推动“东数西算”工程落地见效。", "东数西算"),
        # the strategy's own name wins over the shorter programme name inside it
        ("湖北用好中部地区崛起战略机遇推进创新。", "中部地区崛起战略"),
    ],
)
def test_a_national_programme_of_the_list_is_a_programme(body, name):
    assert (name, "program") in mentions(body)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a line named by its end cities and its kind
        ("郑万高铁全线通车后,两地车程缩短一半。", "郑万高铁"),
        # lines listed by their end cities before 等高铁, the tagger gluing 等 to the last
        ("沪渝蓉、郑万、渝西等高铁建设加快推进。", "渝西"),
    ],
)
def test_a_named_railway_line_is_a_programme(body, name):
    found = mentions(body)
    assert (name, "program") in found, found
    assert not any("等" in n for n, _ in found)


def test_fields_named_as_taiwan_and_hong_kong_texts_name_them_are_industries():
    doc = document_from_text("測試新聞標題\n這家公司多年專注人工智慧，近年也跨足晶片。\n")
    found = {(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))}
    assert ("人工智慧", "industry") in found
    assert ("晶片", "industry") in found


def test_a_listed_zone_written_after_its_city_takes_the_city_along():
    # the name as written (重庆两江新区 in ANNOTATION.md), for a zone the lists know by its short name
    found = mentions("北京中关村去年新增科技型企业三千余家。")
    assert ("北京中关村", "zone") in found and ("北京", "region") not in found


def test_the_statistics_bureaus_satellite_industries_and_not_the_public_services_of_their_names():
    found = mentions("该省旅游业成为万亿级产业,体育产业和文化产业加快发展。")
    assert {("旅游业", "industry"), ("体育产业", "industry"), ("文化产业", "industry")} <= set(found)
    assert not mentions("完善教育、文化、体育等公共服务。")


def test_the_sectors_of_the_national_accounts_are_no_industries():
    """三次产业划分规定 (2018): a bulletin's breakdown by sector names no industry anyone develops."""
    found = mentions(
        "前三季度，青溪县第一产业增加值增长3.2%，第二产业增加值增长6.1%，第三产业增加值增长5.4%。"
        "全县服务业增加值增长5.4%，现代服务业加快发展。"
    )
    names = {name for name, _ in found}
    assert not names & {"第一产业", "第二产业", "第三产业", "服务业", "全县服务业"}
    assert ("现代服务业", "industry") in found


def test_the_free_trade_port_is_a_zone_in_full_and_short():
    found = set(typed("海南自由贸易港加快发展，海南自贸港新增市场主体两万户。"))
    assert {("海南自由贸易港", "zone"), ("海南自贸港", "zone")} <= found


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("青溪大学团队利用稳态强磁场实验装置完成了新材料测量。", "稳态强磁场实验装置"),
        ("工程师们正在为软X射线自由电子激光装置安装新的波荡器。", "软X射线自由电子激光装置"),
        ("江川研究院的多模态跨尺度生物医学成像设施去年接待用户300余家。", "多模态跨尺度生物医学成像设施"),
    ],
)
def test_a_national_science_facility_is_a_platform(body, name):
    """The national major science and technology infrastructure list names research facilities,
    which ANNOTATION.md types as platforms, however their words end."""
    assert (name, "platform") in mentions(body)


def test_a_listed_firm_is_found_by_the_name_it_trades_under():
    """The exchanges' lists give the names press texts use for listed firms."""
    found = mentions("青溪经开区今年引进了亿纬锂能、药明康德两个项目。")
    assert {("亿纬锂能", "enterprise"), ("药明康德", "enterprise")} <= set(found)


def test_a_trading_name_that_is_an_industry_or_a_word_stays_what_it_is():
    """机器人 and 线上线下 are trading names too; in running text they are a trade and a phrase."""
    found = mentions("江川市机器人产业加快发展,推动线上线下融合。")
    assert not any(etype == "enterprise" for _, etype in found)


def test_a_national_data_centre_cluster_is_a_zone_and_one_data_centre_a_platform():
    """The clusters of the eastern-data-western-computing programme are areas laid out for data centres."""
    found = set(typed("星湖数据中心集群已建成机架5万个，其中青溪数据中心投运。"))
    assert {("星湖数据中心集群", "zone"), ("青溪数据中心", "platform")} <= found
