"""The official lists: each file names its source, names are unique, the
loaders return every entry, and every zone lies in a division of the list."""

from __future__ import annotations

from collections import Counter
from datetime import date
from importlib import resources

import pytest
import yaml

from innoatlas.lexicon.divisions import load_divisions
from innoatlas.lexicon.files import data_text
from innoatlas.lexicon.industries import INDUSTRY_FILES, load_industries
from innoatlas.lexicon.suffixes import load_suffixes, suffix_type
from innoatlas.lexicon.zones import ZONE_FILES, ZONE_KINDS, load_zones, zone_names

DATA_FILES = sorted(p.name for p in (resources.files("innoatlas.lexicon") / "data").iterdir())


def test_every_list_file_is_loaded_by_a_loader():
    read = {
        "divisions.csv",
        "org_suffixes.yaml",
        "economic_regions.yaml",
        "central_bodies.yaml",
        "local_departments.yaml",
        "central_enterprises.yaml",
        "national_programmes.yaml",
        "science_facilities.yaml",
        "listed_companies.yaml",
        "national_accounts_sectors.yaml",
        "countries.yaml",
        *ZONE_FILES,
        *INDUSTRY_FILES,
    }
    assert set(DATA_FILES) == read


@pytest.mark.parametrize("name", [n for n in DATA_FILES if n.endswith(".yaml")])
def test_every_yaml_list_names_its_source_list_issuer_and_year(name):
    source = yaml.safe_load(data_text(name))["source"]
    assert source["list"] and source["issuer"]
    assert 1990 <= int(source["year"]) <= 2026


def test_the_divisions_file_opens_with_its_source():
    first = data_text("divisions.csv").splitlines()[0]
    assert first.startswith("# source: 中华人民共和国县以上行政区划代码 (国家统计局)")


def _entries(file: str) -> list[dict]:
    data = yaml.safe_load(data_text(file))
    return [e for section in ZONE_KINDS if section in data for e in data[section]]


def test_divisions_set_up_or_renamed_since_the_older_list_are_known_and_the_old_names_kept():
    divisions = load_divisions()
    by_name = {(d.name, divisions[d.parent].name if d.parent else None) for d in divisions.values()}
    assert ("光明区", "深圳市") in by_name  # 2018
    assert ("临平区", "杭州市") in by_name and ("钱塘区", "杭州市") in by_name  # 2021
    assert ("梁平区", "重庆市") in by_name and ("梁平县", "重庆市") in by_name  # 2016: both forms are written
    assert ("莱芜区", "济南市") in by_name and ("莱芜市", "山东省") in by_name  # 2019
    # the bureau's functional areas (开发区, 管理区) are zones, not divisions
    assert not any(d.name.endswith("开发区") or d.name.endswith("管理区") for d in divisions.values())


def test_zone_names_are_unique_across_all_files():
    canonical = Counter(e["name"] for f in ZONE_FILES for e in _entries(f))
    assert [n for n, c in canonical.items() if c > 1] == []
    written = Counter(w for z in load_zones().values() for w in {z.name, *z.aliases})
    assert [w for w, c in written.items() if c > 1] == []  # one written name, one zone


@pytest.mark.parametrize("file", INDUSTRY_FILES)
def test_industry_terms_are_unique_within_their_list(file):
    groups = yaml.safe_load(data_text(file))["groups"]
    terms = Counter(str(t) for group in groups.values() for t in group)
    assert [t for t, c in terms.items() if c > 1] == []


def test_the_loaders_return_every_entry_of_the_lists():
    kinds = Counter(z.kind for z in load_zones().values())
    assert kinds["new_area"] == 19
    assert kinds["high_tech_zone"] == 175  # 苏州工业园区 is with the development zones
    assert kinds["economic_development_zone"] == 222
    assert kinds["free_trade_zone"] == 23  # the 22 pilot zones and the free trade port of 海南
    assert kinds["free_trade_area"] == 67
    assert kinds["demonstration_zone"] == 20  # and 中关村, 张江, 东湖 as aliases
    assert kinds["science_centre"] == 6
    assert len(load_divisions()) == 3323  # 3,219 of the older list and 104 of the 2022 list
    terms = load_industries()[0]
    assert {"计算机、通信和其他电子设备制造业", "高技术服务业", "新能源汽车", "人形机器人"} <= terms


def test_loaders_read_their_files_once():
    assert load_zones() is load_zones()
    assert load_industries() is load_industries()
    assert load_suffixes() is load_suffixes()


def test_every_zone_lies_in_a_division_of_the_list():
    divisions = load_divisions().values()
    provinces = {d.name: d.code[:2] for d in divisions if d.level == "province"}
    cities = {(d.code[:2], d.name) for d in divisions}
    for zone in load_zones().values():
        if zone.kind == "economic_region":
            continue
        assert zone.province in provinces, zone.name
        if zone.city:
            assert (provinces[zone.province], zone.city) in cities, zone.name
        if zone.parent:
            assert zone.parent in load_zones(), zone.name


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("成都高新技术产业开发区", "成都高新区"),  # the full form the loader adds
        ("武汉东湖新技术开发区", "东湖高新区"),  # an official name of another form
        ("嘉善经济技术开发区", "嘉善经开区"),
        ("长沙经济开发区", "长沙经开区"),
        ("成都国家高新区", "成都高新区"),  # a national zone with its level before its kind
        ("嘉善国家级经济技术开发区", "嘉善经开区"),
        ("重庆自贸试验区两江片区", "中国(重庆)自由贸易试验区两江片区"),
        ("前海蛇口片区", "中国(广东)自由贸易试验区深圳前海蛇口片区"),
        ("上海自贸区", "中国(上海)自由贸易试验区"),
        ("苏南自创区", "苏南国家自主创新示范区"),
        ("前海", "前海深港现代服务业合作区"),  # a cooperation platform of the Greater Bay Area plan (2019)
        ("横琴合作区", "横琴粤澳深度合作区"),
    ],
)
def test_written_forms_name_their_zone(written, canonical):
    assert zone_names()[written] == canonical


def test_an_area_named_only_by_its_city_is_no_bare_alias():
    # 郑州片区 may be an area of anything in 郑州: only the FTZ-prefixed form is the FTZ's.
    assert "郑州片区" not in zone_names()
    assert zone_names()["河南自贸试验区郑州片区"] == "中国(河南)自由贸易试验区郑州片区"


def test_a_short_form_several_zones_share_is_no_alias():
    # 厦门, 威海 and 中山 each have a 火炬 high-tech zone; each is named with its city.
    assert "火炬高新区" not in zone_names()
    assert {zone_names()[f"{city}火炬高新区"] for city in ("厦门", "威海", "中山")} == {
        "厦门火炬高新区",
        "威海火炬高新区",
        "中山火炬高新区",
    }


def test_naming_forms_of_universities_institutes_and_platforms():
    assert suffix_type("重庆电子科技职业大学") == ("职业大学", "university")
    assert suffix_type("南京工业职业技术大学") == ("职业技术大学", "university")
    assert suffix_type("中国科学院重庆分院") == ("分院", "institute")
    assert suffix_type("某研究所杭州分所") == ("分所", "institute")
    assert suffix_type("某某大学智能制造全国重点实验室") == ("全国重点实验室", "platform")
    assert suffix_type("某市生物医药中试基地") == ("中试基地", "platform")  # not a zone's 基地


def test_zones_keep_the_dates_they_changed():
    zones = load_zones()
    assert zones["中国(上海)自由贸易试验区临港新片区"].since == date(2019, 8, 20)
    assert zones["中国(浙江)自由贸易试验区金义片区"].since == date(2020, 9, 21)
    assert zones["酒泉经开区"].until == date(2020, 1, 17)  # taken off the list after review
    liangjiang = zones["两江新区"]
    assert liangjiang.type_at(date(2025, 10, 31)) == "zone"
    assert liangjiang.type_at(date(2025, 11, 1)) == "region"  # a district-level region from then on


def test_central_bodies_know_full_names_and_short_forms():
    from innoatlas.lexicon.bodies import central_bodies

    bodies = central_bodies()
    assert bodies["工信部"] == "工业和信息化部"
    assert bodies["国家发改委"] == "国家发展和改革委员会"
    assert "重庆市科学技术局" not in bodies


def test_formal_sector_names_give_the_stems_text_uses():
    from innoatlas.lexicon.industries import short_forms

    assert short_forms("汽车制造业") == ["汽车制造", "汽车"]
    assert short_forms("有色金属冶炼和压延加工业") == [
        "有色金属冶炼和压延加工",
        "有色金属冶炼和压延",
        "有色金属",
    ]
    assert short_forms("农业") == []
    assert "汽车" in load_industries()[0]


def test_a_joint_division_gives_each_trade_with_its_ending():
    from innoatlas.lexicon.industries import short_forms

    assert short_forms("批发和零售业") == ["批发业", "零售业"]
    assert short_forms("软件和信息技术服务业") == ["软件业", "信息技术服务业"]
    assert "仓储业" in short_forms("交通运输、仓储和邮政业")
    assert "软件业" in load_industries()[0]


def test_local_departments_map_short_forms_to_the_reform_names():
    from innoatlas.lexicon.bodies import local_departments

    departments = local_departments()
    assert departments["科技局"] == "科学技术局"
    assert departments["工信厅"] == "工业和信息化厅"


def test_an_autonomous_division_is_known_by_its_place_name_without_its_peoples():
    from innoatlas.lexicon.divisions import divisions_named

    named = divisions_named()
    # 德宏傣族景颇族自治州: every people taken off (德宏), and the prefecture written with 州
    assert [d.name for d in named["德宏"]] == ["德宏傣族景颇族自治州"]
    assert [d.name for d in named["德宏州"]] == ["德宏傣族景颇族自治州"]
    assert "金平苗族瑶族傣族自治县" in [d.name for d in named["金平"]]


def test_the_listed_companies_list_keeps_a_shares_by_their_trading_names():
    from innoatlas.lexicon.build_listed_companies import build, keep

    assert keep("SZ300014", "亿纬锂能") and keep("SH688256", "寒武纪")
    assert not keep("SH900910", "海立B股")  # a B share
    assert not keep("SZ000780", "ST平能") and not keep("SH688256", "寒武纪-U")  # marks of treatment
    assert not keep("SZ000001", "人民网") and not keep(
        "SH600133", "东湖高新"
    )  # a portal, a zone's short form
    text = build([("SZ300014", "亿纬锂能"), ("SZ000780", "ST平能")])
    assert "亿纬锂能" in text and "ST平能" not in text and text.startswith("# A shares")
