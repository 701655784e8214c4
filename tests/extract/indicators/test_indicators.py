"""Indicator records on sentences written for these tests: kinds, approximation,
lists, metric keys, subjects carried from context, periods and what is no figure.

Entity mentions are given by name (the entity stage is tested elsewhere), so
each test checks the indicator rules alone.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from innoatlas.documents import document_from_text, prepare_document
from innoatlas.documents.model import RawDocument
from innoatlas.extract import extract_document
from innoatlas.extract.indicators import extract_indicators, metric_key
from innoatlas.extract.model import EntityMention

PUBLISHED = "2024-08-27"


def indicators(text: str, *entities: str, published: str | None = PUBLISHED):
    """Records of `text` (its first line is the headline); entities as 'name:type'."""
    raw = RawDocument(
        source="t.txt", name="t.txt", text=text, format="txt", published=published, title=text.splitlines()[0]
    )
    doc = prepare_document(raw)
    mentions = []
    for spec in entities:
        name, type_ = spec.split(":")
        pos = doc.norm.find(name)
        while pos >= 0:
            mentions.append(EntityMention(name, name, type_, pos, pos + len(name)))
            pos = doc.norm.find(name, pos + len(name))
    return extract_indicators(doc, [], mentions)


def one(text: str, *entities: str, published: str | None = PUBLISHED):
    records = indicators(text, *entities, published=published)
    assert len(records) == 1, [r.quote for r in records]
    return records[0]


HEADLINE = "青川高新区创新发展纪实\n"
ZONE = "青川高新区:zone"


def test_a_count_with_its_quote_unit_and_base_value():
    r = one(HEADLINE + "青川高新区建成研发平台80余个。", ZONE)
    assert (r.quote, r.value, r.unit, r.approx, r.kind) == (
        "青川高新区建成研发平台80余个",
        80,
        "个",
        "over",
        "level",
    )
    assert r.value_base == 80 and r.metric_key == "rd_platforms"


def test_money_keeps_its_currency_and_folds_the_multiplier():
    r = one(HEADLINE + "园区实现营收1.6千亿元。", ZONE)
    assert (r.value, r.unit, r.value_base, r.base_unit) == (1.6, "千亿元", 1.6e11, "元")
    assert r.value_base == one(HEADLINE + "园区实现营收1600亿元。", ZONE).value_base


@pytest.mark.parametrize(
    "sentence,approx",
    [
        ("引进人才近千人。", "about"),
        ("引进人才约500人。", "about"),
        ("引进人才500人左右。", "about"),
        ("引进人才超过500人。", "over"),
        ("引进人才逾500人。", "over"),
        ("引进人才突破500人。", "over"),
        ("引进人才500人以上。", "over"),
        ("引进人才500多人。", "over"),
        ("引进人才不到500人。", "under"),
        ("引进人才500人以内。", "under"),
        ("引进人才不少于500人。", "over"),
        ("引进人才500人。", "exact"),
        ("产值约占全省三成。", "about"),
        ("先导产业项目占比近半。", "about"),
        ("先导产业项目占比超半。", "over"),
    ],
)
def test_approximation_words(sentence, approx):
    assert one(HEADLINE + sentence, ZONE).approx == approx


def test_nearly_half_a_year_is_no_share():
    assert [r.value for r in indicators(HEADLINE + "近半年来新增企业20家。", ZONE)] == [20]


@pytest.mark.parametrize(
    "sentence,kind,value,unit",
    [
        ("工业产值同比增长75%。", "change", 75, "%"),
        ("规上工业增加值增速达到9.2%。", "change", 9.2, "%"),
        ("新增高新技术企业45家。", "change", 45, "家"),
        ("研发投入强度提高0.4个百分点。", "change", 0.4, "个百分点"),
        ("能耗同比下降2.6%。", "change", -2.6, "%"),
        ("居住类价格下跌0.4%。", "change", -0.4, "%"),
        ("高新技术企业数量比增30.6%。", "change", 30.6, "%"),
        ("常住人口减少12万人。", "change", -12, "万人"),
        ("产值翻一番。", "change", 1, "番"),
        ("营收增长近7倍。", "change", 7, "倍"),
        ("综合排名前进40位。", "change", 40, "位"),
        ("累计培育孵化企业58家。", "level", 58, "家"),
        ("产值是去年的3.6倍。", "level", 3.6, "倍"),
        ("增加值占全市比重11.3%。", "level", 11.3, "%"),
        ("增速高于全市3.3个百分点。", "level", 3.3, "个百分点"),
        ("增速居全县第一。", "rank", 1, "位"),
        ("经济总量排全省第3位。", "rank", 3, "位"),
        ("综合实力跻身全国前三。", "rank", 3, "位"),
        ("综合排名较上年上升一位。", "change", 1, "位"),
        ("工业投资增长 16.2%。", "change", 16.2, "%"),
        ("工业增速高于全市GDP增速1.5个百分点。", "level", 1.5, "个百分点"),
        ("重点企业产值增速保持在40%。", "change", 40, "%"),
        ("智能工厂降低能耗12%。", "change", -12, "%"),
        ("数字化改造提高生产效率30%。", "change", 30, "%"),
        ("工业增加值占全市比重52.4%。", "level", 52.4, "%"),
        # Taiwan's and Hong Kong's press: 成长 and 衰退 for growth and decline, 兆 for 10^12
        ("園區營業額較去年同期成長11.47%。", "change", 11.47, "%"),
        ("電腦產業營業額衰退3.38%。", "change", -3.38, "%"),
        ("園區上半年營業額為新臺幣0.82兆元。", "level", 0.82, "兆元"),
        ("參與的科研人員約2 000人。", "level", 2000, "人"),
    ],
)
def test_kinds_signs_and_units(sentence, kind, value, unit):
    r = one(HEADLINE + sentence, ZONE)
    assert (r.kind, r.value, r.unit) == (kind, value, unit)


def test_ranks_joined_in_a_list_are_ranks_each():
    records = indicators(HEADLINE + "亩均税收和营收分别位居全省第三和第六。", ZONE)
    assert [(r.value, r.kind) for r in records] == [(3, "rank"), (6, "rank")]


def test_a_threshold_written_without_currency_is_no_amount():
    records = indicators(HEADLINE + "2023年，园区新增营收10亿以上企业12家。", ZONE)
    assert [(r.value, r.unit) for r in records] == [(12, "家")]


def test_a_list_gives_one_record_per_value_bound_to_its_own_item():
    text = HEADLINE + "前三季度，东城园、西城园、北城园分别增长130%、56%、51%。"
    records = indicators(text, "东城园:zone", "西城园:zone", "北城园:zone")
    assert [(r.value, r.subject, r.kind) for r in records] == [
        (130, "东城园", "change"),
        (56, "西城园", "change"),
        (51, "北城园", "change"),
    ]
    assert all(r.quote.startswith("东城园、西城园、北城园分别增长130%") for r in records)


def test_an_approximation_before_a_list_of_values_qualifies_each_of_them():
    text = HEADLINE + "青川高新区营业收入和利润较2020年分别增长约42.5%、51.3%。"
    records = indicators(text, ZONE)
    assert [(r.value, r.approx, r.kind) for r in records] == [
        (42.5, "about", "change"),
        (51.3, "about", "change"),
    ]


def test_a_count_that_heads_the_figures_of_its_items_is_not_a_figure():
    text = HEADLINE + "三个园区固定资产投资同比增速分别为21.4%、9.7%、3.2%。"
    assert [r.value for r in indicators(text, ZONE)] == [21.4, 9.7, 3.2]


@pytest.mark.parametrize(
    "metric,kind,unit,key",
    [
        ("累计签约高校科研院所数量", "level", "家", "rd_institutions"),
        ("建成科技研发平台数量", "level", "个", "rd_platforms"),
        ("导入高端研发人才数量", "level", "人", "high_end_talent"),
        ("培育孵化企业数量", "level", "家", "enterprises_incubated"),
        ("新增高新技术企业数量", "change", "家", "high_tech_enterprises"),
        ("工业产值", "level", "元", "industrial_output"),
        ("地区生产总值", "level", "元", "gdp"),
        ("GDP增速", "change", "%", "gdp_growth"),
        ("研发投入强度", "level", "%", "rd_intensity"),
        ("签约项目投资额", "level", "元", "investment_signed"),
        ("基金总规模", "level", "元", "fund_size"),
        ("贷款余额", "level", "元", "loans_outstanding"),
        ("技术合同成交额", "level", "元", "tech_transfer_deals"),
        ("发明专利授权量", "level", "件", "patents"),
        ("天气晴好", "level", "", None),
    ],
)
def test_metric_keys_from_the_bundled_vocabulary(metric, kind, unit, key):
    assert metric_key(metric, kind, unit) == key


def test_metric_phrase_leaves_out_subject_period_and_scope_words():
    r = one(HEADLINE + "今年上半年，青川高新区园区企业数量达到一千二百余家。", ZONE)
    assert r.metric == "企业数量" and r.metric_key == "enterprises" and r.value == 1200


def test_implicit_subject_is_carried_from_the_paragraph():
    text = HEADLINE + "青川高新区持续发力。截至目前，已累计引进院所32家，建成孵化平台60余个。"
    assert [r.subject for r in indicators(text, ZONE)] == ["青川高新区", "青川高新区"]


def test_a_firm_after_a_list_dash_is_its_line_s_subject():
    text = (
        "青川项目开工\n青川工业园区此次开工项目共两个。\n"
        "——青川金岭材料有限公司新型板材项目，总投资1.2亿元，建成生产线四条。\n"
        "●青川明禾农业科技有限公司饲料项目，拟投资3000万元。"
    )
    firms = ("青川工业园区:zone", "青川金岭材料有限公司:enterprise", "青川明禾农业科技有限公司:enterprise")
    assert [(r.value, r.subject) for r in indicators(text, *firms) if r.unit != "个"] == [
        (1.2, "青川金岭材料有限公司"),
        (4, "青川金岭材料有限公司"),
        (3000, "青川明禾农业科技有限公司"),
    ]


def test_implicit_subject_is_carried_from_a_section_heading():
    text = "全市创新发展纪实\n东城园\n截至目前，累计引进项目56个。\n西城园\n截至目前，累计引进项目30个。"
    records = indicators(text, "东城园:zone", "西城园:zone")
    assert [(r.value, r.subject) for r in records] == [(56, "东城园"), (30, "西城园")]


def test_a_short_line_opening_with_a_place_and_a_comma_sets_the_subject_below_it():
    """Features comparing cities give each its own line (某市，长于制造。) and the figures under it."""
    text = (
        "江川市人工智能产业观察\n江川市的短板在于应用。\n星湖市，掌握着算力与模型。\n"
        "去年其产业规模超过900亿元。\n蓝湖市，构筑了硬件生态。\n去年其产业规模超过700亿元。"
    )
    records = indicators(text, "江川市:region", "星湖市:region", "蓝湖市:region")
    assert [(r.value, r.subject) for r in records] == [(900, "星湖市"), (700, "蓝湖市")]


def test_a_place_naming_the_level_of_a_title_is_not_the_subject():
    """星湖市级孵化器: the city gives the level of the title; the zone the paragraph is about keeps its figures."""
    text = "青川高新区双创载体建设纪实\n青川高新区加快建设双创载体。\n星湖市级孵化器8家,省级众创空间5家。"
    records = indicators(text, ZONE, "星湖市:region")
    assert [(r.value, r.subject) for r in records] == [(8, "青川高新区"), (5, "青川高新区")]


def test_the_present_of_a_page_that_gives_no_year_has_no_period():
    """A wire dated 12月5日 whose text names 2021 gives no publication date; its 截至目前 is then
    unknown too, not 5 December of a year guessed from the figures."""
    text = (
        "江川数字经济观察\n星湖社江川12月5日电 江川数字经济占GDP比重从2021年的31.5%提高到46.2%。\n"
        "目前全市算力总量已达80EFlops。"
    )
    now = next(r for r in indicators(text, "江川:region", published=None) if r.value == 80)
    assert now.period is None


def test_a_place_at_one_end_of_a_line_is_not_the_subject_of_its_paragraph():
    """甲—乙特高压工程: the places a line runs between name the line, not what the paragraph is about."""
    text = (
        "青川高新区建设观察\n青川高新区加快重大项目建设。\n"
        "白沙—青川特高压输电线路建成,全年累计完成投资320亿元。"
    )
    records = indicators(text, ZONE, "白沙:region")
    assert [(r.value, r.subject) for r in records if r.value == 320] == [(320, "青川高新区")]


def test_implicit_subject_falls_back_to_the_area_of_the_headline():
    text = (
        "青川高新区上半年答卷亮眼\n上半年，实现地区生产总值307亿元，同比增长3.1%。\n"
        "在考核中获评四星级园区。\n全年新增科技型企业193家。"
    )
    records = indicators(text, ZONE, "四星级园区:zone")
    assert {r.subject for r in records} == {"青川高新区"}


def test_an_area_written_by_the_tail_of_its_name_is_the_subject():
    text = "江川市产业观察\n江川市大力发展园区经济。江川高新区今年营收增长9%。\n高新区今年引进企业40家。"
    records = indicators(text, "江川市:region", "江川高新区:zone")
    assert [(r.value, r.subject) for r in records] == [(9, "江川高新区"), (40, "江川高新区")]


@pytest.mark.parametrize(
    "sentence,period",
    [
        ("2022年全年，园区营收达到163亿元。", "2022"),
        ("今年上半年，园区营收达到163亿元。", "2024-H1"),
        ("今年前三个季度，园区营收达到163亿元。", "2024-Q1..Q3"),
        ("今年1至8月，园区营收达到163亿元。", "2024-01..08"),
        ("截至2024年5月末，贷款余额800亿元。", "2024-05"),
        ("2026年，园区营收突破千亿元。", None),
        ("截至目前，累计引进项目56个。", PUBLISHED),
        ("近年来，累计引进项目56个。", PUBLISHED),
        ("去年，园区营收达到163亿元。", "2023"),
        ("“十三五”末，企业数量达到1200家。", "2020"),
        ("“十四五”期间，新增企业500家。", None),
        ("力争到2027年，产值突破千亿元。", None),
        ("园区园区营收达到163亿元。", None),
    ],
)
def test_periods_explicit_relative_and_unknown(sentence, period):
    assert one(HEADLINE + sentence, ZONE).period == period


def test_relative_periods_need_the_publication_year():
    assert one(HEADLINE + "今年上半年，园区营收达到163亿元。", ZONE, published=None).period is None


def test_a_period_opening_the_paragraph_holds_for_its_later_sentences():
    text = HEADLINE + "今年上半年，园区新增企业50家。今年以来，园区揭牌实验室3个。园区基金总数达到12支。"
    assert [r.period for r in indicators(text, ZONE)] == ["2024-H1", "2024", "2024-H1"]


def test_a_year_of_the_sentence_reaches_past_its_semicolons_over_the_paragraphs_opener():
    """目前… 。2021年，A；B: the year that opens the sentence dates all its parts, not 目前."""
    text = (
        HEADLINE
        + "目前，园区已形成锂电产业集群。2021年，园区规上企业41家，完成产值1580亿元；龙头企业合计产值1384亿元。"
    )
    assert [r.period for r in indicators(text, ZONE)] == ["2021", "2021", "2021"]


def test_a_year_stated_after_a_paragraphs_recent_years_opener_dates_the_sentences_after_it():
    """近年来 opens the paragraph; the 2020年 of a later sentence is the more precise time."""
    text = HEADLINE + "近年来，园区创新能力持续提升。2020年，园区研发投入增长37%。培育高新技术企业432家。"
    assert [r.period for r in indicators(text, ZONE, published=None)] == ["2020", "2020"]


def test_the_size_of_a_park_written_after_its_district_is_the_parks():
    """投资额13.5亿元的某区|某产业园: the district only says where the park is."""
    text = "青川市项目观察\n投资额13.5亿元的白沙区青川动力科技产业园开工建设。"
    record = one(text, "白沙区:region", "青川动力科技产业园:zone")
    assert record.subject == "青川动力科技产业园"


def test_a_work_reports_figures_are_its_issuers_whatever_district_it_names():
    """2023年某市政府工作报告: the city gives the report; a district named once is no subject."""
    text = (
        "2023年星湖市政府工作报告\n"
        "2022年，全市产业体系更加健全，白沙区入选全国屋顶分布式光伏开发试点。\n"
        "2023年工作安排：稀土产业产值达到500亿元。\n"
    )
    records = indicators(text, "白沙区:region")
    assert [r.subject for r in records] == ["星湖市"], [(r.quote, r.subject) for r in records]


def test_the_year_of_a_list_dates_its_own_statement_only():
    text = HEADLINE + "入选2021年度全省创新型企业34家；完成软件业务收入500亿元。"
    assert [r.period for r in indicators(text, ZONE)] == ["2021", None]


def test_a_year_in_brackets_dates_its_remark_only():
    text = HEADLINE + "去年，5个园区(青川高新区2023年3月获批)实现产值820亿元。"
    assert indicators(text, ZONE)[-1].period == "2023"


def test_the_year_a_stretch_up_to_now_starts_from_dates_no_figure():
    text = HEADLINE + "自1998年建区以来，青川高新区不断集聚创新要素。园区实现产值820亿元。"
    assert one(text, ZONE).period == "2024-08-27"


def test_the_base_year_of_a_multiple_is_not_its_period():
    assert one(HEADLINE + "今年上半年，产值为2019年的3.6倍。", ZONE).period == "2024-H1"
    text = HEADLINE + "去年，园区新增企业120家，是2021年增量的2.5倍。"
    assert [r.period for r in indicators(text, ZONE)] == ["2023", "2023"]


def test_not_indicators():
    text = HEADLINE + (
        "2024年3月5日10时，园区举办第三届创新大会，三大科创平台发布问界M7、5G和3D打印方案，"
        "打造千亿级产业集群，出台“1+2”文件，总投资亿元的项目开工。\n备案号：渝ICP备12345678号"
    )
    assert [r.quote for r in indicators(text, ZONE)] == []


def test_a_numeral_a_place_is_named_with_is_no_figure():
    text = "江川市产业观察\n五家渠市现有制药企业9户，六盘水高新区新增企业12家。"
    records = indicators(text, "五家渠市:region", "六盘水高新区:zone")
    assert [(r.value, r.subject) for r in records] == [(9, "五家渠市"), (12, "六盘水高新区")]


def test_a_figure_modifying_a_named_place_is_that_place_s():
    text = "江川市产业观察\n江川市今年开工项目20个，其中包括总投资150亿元的云栖产业园。"
    records = indicators(text, "江川市:region", "云栖产业园:zone")
    assert [(r.value, r.subject) for r in records] == [(20, "江川市"), (150, "云栖产业园")]


def test_a_share_of_the_city_belongs_to_the_zone_not_the_city():
    text = "江川市产业观察\n江川高新区独角兽企业达9家，全市占比四成。"
    records = indicators(text, "江川市:region", "江川高新区:zone")
    assert [r.subject for r in records] == ["江川高新区", "江川高新区"]


def test_the_place_visited_or_modified_at_the_head_of_a_clause_is_its_subject():
    text = (
        "江川市产业观察\n江川市大力发展园区经济。走进江川精工智能工厂，人均产出提高近四成。\n"
        "如今，老城所在的云栖产业园集聚1000余家企业。"
    )
    records = indicators(text, "江川市:region", "江川精工:enterprise", "云栖产业园:zone")
    assert [(r.value, r.subject) for r in records] == [(40, "江川精工"), (1000, "云栖产业园")]


def test_a_body_named_again_by_its_head_noun_is_the_subject():
    text = "江川市产业观察\n两市共建江川农业科技创新联盟。联盟承担攻关项目230多项，推广新品种110多项。"
    records = indicators(text, "江川市:region", "江川农业科技创新联盟:program")
    assert [(r.value, r.subject) for r in records] == [
        (230, "江川农业科技创新联盟"),
        (110, "江川农业科技创新联盟"),
    ]


def test_the_edition_of_an_event_a_clause_opens_with_is_its_subject():
    text = (
        "江川市产业观察\n江川市举办第五届江川科技博览会。"
        "本届江川科技博览会共签约项目126个，签约金额48.5亿元。此次江川科技博览会吸引观众3万人次。"
    )
    records = indicators(text, "江川市:region", "江川科技博览会:program")
    assert [(r.value, r.subject) for r in records] == [
        (126, "江川科技博览会"),
        (48.5, "江川科技博览会"),
        (3, "江川科技博览会"),
    ]


def test_a_body_the_headline_names_and_the_text_goes_on_about_is_the_articles_subject():
    text = (
        "探访星湖同步辐射研究中心\n"
        "江川市是科教名城，江川市近年引进多所高校，江川市的研发投入逐年增加。\n"
        "星湖同步辐射研究中心由星湖大学建设。目前，已累计完成用户实验800多项。\n"
        "据介绍，注册用户超过3000名，来自全国各地。"
    )
    records = indicators(text, "江川市:region", "星湖同步辐射研究中心:institute", "星湖大学:university")
    assert [(r.value, r.subject) for r in records] == [
        (800, "星湖同步辐射研究中心"),
        (3000, "星湖同步辐射研究中心"),
    ]


def test_counts_of_a_comparison_field_policy_documents_and_visits_are_no_figures():
    text = HEADLINE + (
        "园区营收增速位居全市5个开发区第一，对全省80个园区开展考评。"
        "两市共同出台20余个政策文件。记者走访3家企业。"
    )
    assert [(r.value, r.kind) for r in indicators(text, ZONE)] == [(1, "rank")]


def test_the_noun_after_a_count_is_what_it_counts():
    r = one(HEADLINE + "东湖实验室、江川研究院等50多家高端研发机构在此聚集。", ZONE)
    assert (r.value, r.metric, r.metric_key) == (50, "高端研发机构数量", "rd_institutions")


def test_a_share_or_rank_after_a_figure_takes_that_figure_s_metric():
    records = indicators(HEADLINE + "园区累计获批专精特新企业34家，占全县的25.6%，居全县第一。", ZONE)
    assert [r.metric for r in records] == [
        "累计获批专精特新企业数量",
        "累计获批专精特新企业数量占全县比重",
        "累计获批专精特新企业数量全县排名",
    ]


def test_a_count_of_the_items_just_listed_is_a_grouping():
    text = HEADLINE + "园区围绕汽车、材料、医药三条产业链招商，成功牵手甲公司、乙公司两家龙头企业。"
    assert [(r.value, r.metric) for r in indicators(text, ZONE)] == [(2, "龙头企业数量")]


def test_a_headline_figure_ends_at_the_headline_s_space():
    records = indicators("青川高新区研发机构增至62家 高端人才超2800人\n正文。", ZONE)
    assert [(r.quote, r.value) for r in records] == [
        ("青川高新区研发机构增至62家", 62),
        ("高端人才超2800人", 2800),
    ]


def test_the_company_a_paragraph_opens_on_is_the_subject_of_its_later_figures():
    text = "江川市产业观察\n江川市大力发展新材料。\n江川精工是本地新材料产业的链主企业。装配线上，近百台机械臂有序作业。"
    records = indicators(text, "江川市:region", "江川精工:enterprise")
    assert [(r.value, r.subject) for r in records] == [(100, "江川精工")]


def test_after_a_colon_each_semicolon_entry_keeps_its_own_topic():
    text = (
        "江川市产业观察\n去年，江川高新区主要指标稳中有进：云栖产业园营收增长21%；完成固定资产投资477亿元。"
    )
    records = indicators(text, "江川高新区:zone", "云栖产业园:zone")
    assert [(r.value, r.subject) for r in records] == [(21, "云栖产业园"), (477, "江川高新区")]


def test_a_dateline_and_a_base_of_comparison_date_no_figure():
    text = "江川市产业观察\n本报江川1月27日讯 园区产品远销全球100多个国家。"
    assert one(text, "江川市:region").period is None
    text = "江川市产业观察\n如今，与2019年相比，园区营收增长到980亿元。"
    assert one(text, "江川市:region").period == PUBLISHED


def test_the_year_of_a_base_figure_does_not_date_the_growth_after_it():
    records = indicators(HEADLINE + "2023年，园区营收突破5000亿元，较2021年的2824亿元增长77%。", ZONE)
    assert [(r.value, r.period) for r in records] == [(5000, "2023"), (2824, "2021"), (77, "2023")]


# --- the country, central bodies and results releases (ANNOTATION.md conventions)


def test_a_clause_opened_by_the_country_gives_it_the_figure():
    r = one("装备工业稳步增长\n今年以来,我国新能源汽车产量达到820万辆。", "东莞:region")
    assert r.subject == "我国"


def test_the_first_in_the_nation_is_a_description_not_the_country():
    text = "开发区考评结果发布\n园区航空产业提速,全国首个无人机型号下线,营业收入达到40亿元。"
    r = one(text, "江川高新区:zone", "江川:region")
    assert r.subject != "全国"


def test_a_ministrys_figures_are_the_countrys():
    text = "工业经济运行平稳\n工业和信息化部介绍,规模以上工业增加值增长6.1%。"
    r = one(text, "工业和信息化部:government")
    assert r.subject == "全国"


def test_a_ministry_that_does_what_the_figure_counts_is_its_subject():
    text = "消费品工业提质升级\n工业和信息化部累计发布40个标志性产品。全国消费品工业增加值增长5.1%。"
    records = indicators(text, "工业和信息化部:government")
    assert [(r.value, r.subject) for r in records] == [(40, "工业和信息化部"), (5.1, "全国")]


def test_a_release_s_clauses_without_a_subject_are_the_acts_of_its_body():
    text = (
        "工业和信息化部举行新闻发布会\n工业和信息化部有关负责人介绍了全年工作。"
        "组织开展促消费活动，先后遴选出25个特色产业集群。"
    )
    r = one(text, "工业和信息化部:government")
    assert (r.value, r.subject) == (25, "工业和信息化部")


def test_a_joint_act_of_two_places_stays_with_them():
    text = "商务部介绍区域协同\n商务部有关负责人介绍，川滇两地合作加深。川滇两地联合发布5批次通办事项。"
    r = one(text, "商务部:government", "川滇:region")
    assert r.subject == "川滇"


def test_the_nation_a_place_is_compared_with_is_not_the_subject():
    text = (
        "西南制造观察\n川滇两地汽车产业加快发展，汽车产量占全国的1/10以上，电子信息产值居全国第三，"
        "增速全国领先，份额在全国名列前茅。\n整车产量超过300万辆。"
    )
    records = indicators(text, "川滇:region")
    assert {r.value: r.subject for r in records}[300] == "川滇"


def test_a_definite_noun_at_the_head_of_a_clause_points_back_to_its_body():
    text = (
        "江川大学成果转化观察\n江川大学把专利转化作为一号工程。\n学校每年新增授权专利2000余项。\n"
        "江川市还引进了云栖科技。该公司今年营收增长30%。"
    )
    records = indicators(text, "江川大学:university", "江川市:region", "云栖科技:enterprise")
    assert [(r.value, r.subject) for r in records] == [(2000, "江川大学"), (30, "云栖科技")]


def test_a_modified_or_bare_collective_noun_is_no_pointer():
    text = "江川市产业观察\n江川市引进了云栖科技。\n年产值过5亿元企业达到21家。企业数量增长12%。"
    records = indicators(text, "江川市:region", "云栖科技:enterprise")
    assert {r.subject for r in records} == {"江川市"}


def test_a_local_bureau_still_stands_for_its_area():
    text = "园区产业提速\n成都市经济和信息化局介绍,成都市规上工业增加值增长7.2%。"
    r = one(text, "成都市经济和信息化局:government", "成都市:region")
    assert r.subject == "成都市"


RELEASE = (
    "2025年工业经济发展成绩单出炉\n"
    "在1月20日举行的新闻发布会上,有关负责人介绍,2025年全省工业稳中有进。\n"
    "2025年,全省规上工业增加值增长6.3%。\n"
    "培育国家级专精特新企业120家,建成智能工厂35个。\n"
    "2025年,全省新增高新技术企业1800家。"
)


def test_a_results_release_dates_its_unmarked_figures_with_the_year_it_reports_on():
    records = indicators(RELEASE, "某省:region", published="2026-01-21")
    by_value = {r.value: r.period for r in records}
    assert by_value[120] == "2025"
    assert by_value[35] == "2025"


def test_a_news_story_leaves_unmarked_figures_undated():
    story = RELEASE.replace("成绩单出炉", "走笔").replace("在1月20日举行的新闻发布会上,有关负责人介绍,", "")
    records = indicators(story, "某省:region", published="2026-01-21")
    assert {r.value: r.period for r in records}[120] is None


def test_a_release_out_late_in_the_year_is_no_annual_review():
    records = indicators(RELEASE, "某省:region", published="2026-07-21")
    assert {r.value: r.period for r in records}[120] is None


def test_a_period_of_an_earlier_paragraph_does_not_reach_the_next_one():
    text = "产业走笔\n截至目前,全区已集聚企业300家。\n园区日均开行班列12列,辐射乡镇70余个。"
    records = indicators(text, "某区:region", published="2025-01-09")
    assert {r.value: r.period for r in records}[12] is None


def test_the_past_five_years_is_the_current_state_not_the_year_before():
    text = "城市建设走笔\n2024年全市新增就业岗位12万个。过去5年,全市建成学校320所、医院45家。"
    records = indicators(text, "某市:region", published="2025-01-10")
    by_value = {r.value: r.period for r in records}
    assert by_value[320] == "2025-01-10"
    assert by_value[12] == "2024"


def test_a_state_now_is_not_dated_by_a_year_of_an_earlier_sentence():
    text = "开放型经济走笔\n2025年,全省出口增长6%。全省已设立海外服务网点33个。"
    records = indicators(text, "某省:region", published="2026-02-09")
    by_value = {r.value: r.period for r in records}
    assert by_value[33] == "2026-02-09"
    assert by_value[6] == "2025"


def test_a_lead_line_still_dates_the_state_after_it():
    text = "营收平稳增长\n前三季度\n全区规上企业营收已突破900亿元"
    assert one(text, "某区:region", published="2023-10-17").period == "2023-Q1..Q3"


def test_a_ministry_publishing_results_about_zones_is_not_what_the_count_counts():
    r = one("工业和信息化部公布2024年178家国家高新区评价结果\n正文。", "工业和信息化部:government")
    assert r.subject == "全国"


def test_the_occasion_a_report_is_released_at_is_not_its_subject():
    text = (
        "重磅报告发布\n在9月22日举办的2025江川创新论坛上,江川科技评估中心发布了《成果转化年度报告》。"
        "报告显示,2024年,400家高校院所转化合同金额为200亿元。\n报告表明,我国高校科研人员创新热情高涨。"
    )
    records = indicators(text, "2025江川创新论坛:program", "江川科技评估中心:institute")
    assert {r.subject for r in records} == {"全国"}


def test_a_count_of_the_short_items_just_listed_is_a_grouping():
    text = HEADLINE + "园区企业以转让、许可、作价投资和技术开发4种方式转化成果，合同金额为20亿元。"
    assert [r.value for r in indicators(text, ZONE)] == [20]


def test_a_count_of_every_item_of_a_list_closed_by_deng_is_a_grouping():
    text = HEADLINE + (
        "方案提出做大智能终端、高端装备、绿色食品等3个支柱产业，甲公司、乙公司等16家企业签约入园。"
    )
    assert [(r.value, r.unit) for r in indicators(text, ZONE)] == [(16, "家")]


def test_a_count_of_bodies_is_a_figure_even_when_each_one_is_named():
    # firms and zones are things of the ecosystem; counting those just named still counts them
    text = HEADLINE + (
        "星河科技、远山电子、青禾材料等3家企业签约入园，园区与江北、城南、临港3个开发区共建招商平台。"
    )
    assert [(r.value, r.unit) for r in indicators(text, ZONE)] == [(3, "家"), (3, "个")]


def test_a_place_followed_by_a_year_still_heads_its_clause():
    text = "江川市产业观察\n云栖产业园新能源汽车产量增长。\n依托汽车产业带动，江川县2024年地区生产总值突破千亿元。"
    records = indicators(text, "云栖产业园:zone", "江川县:region")
    assert [(r.value, r.subject) for r in records] == [(1000, "江川县")]


def test_an_order_of_magnitude_before_what_it_sizes_is_a_size_class():
    text = HEADLINE + "园区引进3个百亿元项目，打造千亿级产业集群，产值突破千亿元。"
    assert [(r.value, r.unit) for r in indicators(text, ZONE)] == [(3, "个"), (1000, "亿元")]


def test_a_firm_named_again_where_the_entity_stage_left_it_unmarked_is_still_the_subject():
    text = "园区产业观察\n青石钢铁是江川高新区的链主企业。\n一组数据可以说明效益:智慧工厂建成后,青石钢铁整体生产效率提升30%。"
    raw = RawDocument(
        source="t.txt", name="t.txt", text=text, format="txt", published=PUBLISHED, title="园区产业观察"
    )
    doc = prepare_document(raw)
    first = doc.norm.find("青石钢铁")
    zone = doc.norm.find("江川高新区")
    mentions = [
        EntityMention("青石钢铁", "青石钢铁", "enterprise", first, first + 4),  # only its first occurrence
        EntityMention("江川高新区", "江川高新区", "zone", zone, zone + 5),
    ]
    records = extract_indicators(doc, [], mentions)
    assert [(r.value, r.subject) for r in records] == [(30, "青石钢铁")]


def test_a_class_of_national_zones_is_the_subject_of_a_release_about_it():
    text = (
        "国家高新区运行情况发布\n1—9月，全国170余家国家高新区运行平稳，营业收入增长6%。"
        "其中，江川高新区营收增长9%。\n国家高新区新增注册企业40万家。"
    )
    records = indicators(text, "江川高新区:zone", published="2024-11-20")
    assert [(r.value, r.subject) for r in records] == [
        (170, "国家高新区"),
        (6, "国家高新区"),
        (9, "江川高新区"),
        (40, "国家高新区"),
    ]


def test_a_ceiling_the_figure_may_reach_is_an_upper_bound():
    text = HEADLINE + "园区基金对子基金的出资最高分别可达子基金总规模的40%、30%，今年已投资12亿元。"
    assert [(r.value, r.approx) for r in indicators(text, ZONE)] == [
        (40, "under"),
        (30, "under"),
        (12, "exact"),
    ]


def test_a_release_about_a_class_of_zones_is_about_that_class_throughout():
    text = (
        "国家高新区经济运行平稳\n本报北京11月20日电 记者从科技部获悉，国家高新区经济运行平稳。\n"
        "数据显示，1—9月营业收入增长6%。"
    )
    records = indicators(text, "北京:region", "科技部:government", published="2024-11-20")
    assert [(r.value, r.subject) for r in records] == [(6, "国家高新区")]


def test_the_day_of_an_event_dates_the_figures_of_its_own_sentence():
    text = HEADLINE + "今年3月16日，在全省项目集中开工大会上，青川高新区集中开工项目108个。"
    assert one(text, ZONE, published="2021-07-14").period == "2021-03-16"


def test_the_day_of_an_event_dates_the_later_sentences_of_its_paragraph():
    text = HEADLINE + "12月19日，青川高新区举行项目集中签约活动。本次签约项目108个，涵盖新材料等领域。"
    assert one(text, ZONE, published="2022-12-20").period == "2022-12-19"


@pytest.mark.parametrize(
    "day,period", [("昨天", "2022-12-19"), ("昨日", "2022-12-19"), ("今天", "2022-12-20")]
)
def test_a_day_named_from_the_publication_dates_its_event(day, period):
    # 本报讯 在昨天的…大会上: news names the day of its event from the day it is written on
    text = HEADLINE + f"本报讯 在{day}的招商大会上，青川高新区集中签约项目108个，当天签约总额96亿元。"
    records = indicators(text, ZONE, published="2022-12-20")
    assert {r.value: r.period for r in records} == {108: period, 96: period}


def test_a_day_named_from_the_publication_dates_only_its_own_paragraph():
    text = HEADLINE + "在昨天的招商大会上，青川高新区集中签约项目108个。\n青川高新区规划建设厂房12万平方米。"
    records = indicators(text, ZONE, published="2022-12-20")
    assert {r.value: r.period for r in records}[12] is None


def test_a_day_named_from_an_undated_publication_is_unknown():
    text = HEADLINE + "在昨天的招商大会上，青川高新区集中签约项目108个。"
    assert one(text, ZONE, published=None).period is None


def test_a_year_behind_the_speaker_of_an_undated_work_report_is_the_year_it_names():
    text = HEADLINE + "2024年，全省经济运行稳中向好。\n一年来，青川高新区新增研发机构36家。"
    assert one(text, ZONE, published=None).period == "2024"


def test_an_undated_work_report_reports_on_the_first_year_its_review_names():
    text = (
        "各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
        "2024年全区经济稳中有进\n过去的一年，我们攻坚克难。\n"
        "（一）实力稳步提升。青川高新区新增研发机构120家。"
    )
    assert one(text, ZONE, published=None).period == "2024"


def test_a_record_in_so_many_years_is_no_time_of_the_figures_after_it():
    text = HEADLINE + "2024年，青川高新区产值增长7.2%，增速为15年来最高，固定资产投资增长4.4%。"
    assert {r.value: r.period for r in indicators(text, ZONE, published="2025-03-01")}[4.4] == "2024"


@pytest.mark.parametrize("since", ["十年来", "5年来", "三年来"])
def test_so_many_years_to_now_is_a_statement_of_the_current_state(since):
    text = HEADLINE + f"{since}，青川高新区不断壮大，高新技术企业数量达到460家。"
    assert one(text, ZONE, published="2022-08-12").period == "2022-08-12"


def test_a_name_heads_its_clause_with_a_time_between_it_and_its_verb():
    text = HEADLINE + "今年以来，青川高新区经济稳中有进。\n青川综合保税区1—9月完成进出口额96亿元。"
    records = indicators(text, ZONE, "青川综合保税区:zone", published="2022-10-20")
    assert [(r.value, r.subject) for r in records] == [(96, "青川综合保税区")]


def test_an_undated_results_release_early_in_a_year_reports_on_the_year_it_names():
    text = (
        "青川经济运行情况发布\n某某网青川1月20日电 青川市政府新闻办公室20日召开新闻发布会，"
        "介绍2024年全市经济运行情况，2024年青川市地区生产总值870亿元，同比增长4.6%。\n"
        "2024年，青川市工业生产持续回升。\n"
        "统计数据显示，青川高新区规上工业增加值增长6.3%，新增高新技术企业120家。"
    )
    records = indicators(text, ZONE, "青川市:region", published=None)
    assert {r.value: r.period for r in records}[120] == "2024"


def test_an_undated_report_from_a_years_annual_conference_reviews_the_year_before():
    text = (
        "青川工业观察\n记者在2024年全省科技工作会议上获悉，2023年，全省研发投入增长8.4%。"
        "2023年，全省推进项目400个。\n全省技改投资增长18.3%。"
    )
    records = indicators(text, "青川省:region", published=None)
    assert {r.value: r.period for r in records}[18.3] == "2023"


def test_an_undated_release_headed_by_the_year_it_sums_up_reports_on_it():
    text = (
        "2024年青川市工业投资增长9.6%\n2024年，青川市工业生产较快增长。2024年，全市新增企业80家。\n"
        "汽车产业增加值增长12.1%。"
    )
    records = indicators(text, "青川市:region", published=None)
    assert {r.value: r.period for r in records}[12.1] == "2024"
    feature = "2024年青川市工业投资增长9.6%\n2023年，全市新增企业80家。2023年，投资增长5%。\n汽车产业增加值增长12.1%。"
    assert {r.value: r.period for r in indicators(feature, "青川市:region", published=None)}[12.1] is None


def test_an_annual_average_has_no_period():
    text = HEADLINE + "2023年，青川高新区营业收入突破千亿元。近三年，青川高新区企业数量年均增长18%。"
    assert {r.value: r.period for r in indicators(text, ZONE)}[18] is None


def test_the_day_of_an_event_in_the_lead_does_not_date_later_paragraphs():
    text = HEADLINE + "1月13日，青川高新区一台风机成功吊装。\n青川高新区累计装机已达120台。"
    assert one(text, ZONE, published="2026-02-03").period == "2026-02-03"


def test_an_approximation_after_the_last_value_of_a_list_bounds_every_value():
    records = indicators(HEADLINE + "2023年，两类产业增加值占比分别达到25%和15%以上。", ZONE)
    assert [(r.value, r.approx) for r in records] == [(25, "over"), (15, "over")]


def test_an_approximation_before_a_long_share_phrase_qualifies_the_share():
    r = one(HEADLINE + "园区规上企业约占全市规模以上工业企业数量的40%。", ZONE)
    assert (r.value, r.approx) == (40, "about")


def test_what_the_lead_defines_an_abbreviation_for_is_the_main_subject():
    text = (
        "（来源：江川日报）\n"
        "2025年江川市科技创新奖(简称:江川创新奖)揭晓。江川创新奖今年首次设立青年奖，江川创新奖评审更重视成果转化。\n"
        "江川市科技企业加快成长，江川市创新生态持续优化。\n"
        "获奖的60个项目中，企业牵头的达40个。"
    )
    records = indicators(text, "2025年江川市科技创新奖:program", "江川创新奖:program", "江川市:region")
    assert {r.value: r.subject for r in records}[40] == "江川创新奖"


def test_this_year_of_a_story_whose_dateline_gives_no_year_is_read_from_the_years_it_names():
    # The page gives only 5月9日; the body names 2024 as its latest past year. The publication
    # date stays unknown, but 今年前4个月 is still read as 2024's first four months.
    text = "江川高新区新增企业\n\n某某日报江川5月9日讯 2024年以来，江川高新区持续发力，今年前4个月新增科技型企业86家。"
    record = one(text, "江川高新区:zone", published=None)
    assert record.value == 86
    assert record.period == "2024-01..04"


def test_an_amount_written_against_a_name_sizes_what_it_names():
    r = one(HEADLINE + "2023年，青川高新区设立120亿青溪科创母基金。", ZONE, "青溪科创母基金:investor")
    assert r.subject == "青溪科创母基金"
    r = one(HEADLINE + "青川高新区建成12万亩的“青溪蔬菜带”。", ZONE, "青溪蔬菜带:zone")
    assert r.subject == "青溪蔬菜带"


def test_a_count_written_against_a_name_counts_editions_not_its_size():
    r = one(HEADLINE + "2023年，青川高新区连续举办5届青溪创新大会。", ZONE, "青溪创新大会:program")
    assert r.subject == "青川高新区"


def test_a_work_meeting_s_year_dates_none_of_the_figures_it_reviews():
    # The 2024 meeting reviews 2023: its name's year is no time marker for the figures, which
    # take the 2023 of their paragraph; 全市 makes the city the topic the next sentence goes on about.
    text = (
        "青溪市科技工作会议召开\n\n青溪市科学技术局召开2024年工作会议。会议指出，2023年，全市技术合同成交额达到"
        "5亿元。新增高新技术企业15家。"
    )
    records = indicators(
        text, "青溪市科学技术局:government", "2024年工作会议:program", published="2024-02-20"
    )
    assert [(r.value, r.subject, r.period) for r in records] == [
        (5, "青溪市", "2023"),
        (15, "青溪市", "2023"),
    ]


def test_a_zones_yearly_work_conference_reviews_the_year_before_its_own():
    # A wire dateline with no year (2月9日电) is read in the latest year the text names, the
    # conference's 2025; the conference reviews 2024, so the figures of paragraphs with no time
    # marker of their own are 2024's.
    text = (
        "青川高新区去年经济稳步增长\n本报青川2月9日电 青川高新区2024年地区生产总值增长6.3%。"
        "青川高新区管委会2025年度工作会议当天召开，通报了以上数据。\n"
        "2024年，青川高新区规上工业产值增长12.4%。\n"
        "会上介绍，青川高新区引进重点项目56个。\n"
    )
    records = indicators(text, "青川高新区:zone", published=None)
    assert [(r.value, r.period) for r in records] == [(6.3, "2024"), (12.4, "2024"), (56, "2024")]


def test_whole_area_words_name_the_place_of_their_own_level():
    # A report on a district: 全区 is the district, 全市 the city the text also names.
    text = "蓝湖区科技创新综述\n青溪市蓝湖区今年发展势头良好。蓝湖区扶持企业研发。全区新增专利800件。全市新增专利5000件。"
    records = indicators(text, "青溪市:region", "蓝湖区:region")
    assert [(r.value, r.subject) for r in records] == [(800, "蓝湖区"), (5000, "青溪市")]


def test_the_whole_district_of_a_zone_story_is_the_zone_not_a_continent():
    # 全区 where no district is named: the zone the story is about; 亚洲 and 中西部地区 are
    # regions of no level that 全区 could stand for.
    text = (
        "青川高新区发展纪实\n青川高新区的产品销往亚洲、欧洲，已成为中西部地区的创新高地。"
        "全区规上工业增加值增长18%。"
    )
    records = indicators(text, "青川高新区:zone", "亚洲:region", "欧洲:region", "中西部地区:region")
    assert [(r.value, r.subject) for r in records] == [(18, "青川高新区")]


def test_the_whole_city_is_nobody_when_the_text_names_only_districts():
    # ANNOTATION.md: 全市 with no city named is null; a district is not the city.
    text = "各区科技型企业情况\n蓝湖区新增科技型企业41家。白沙区新增科技型企业36家。全市新增科技型企业300家。"
    records = indicators(text, "蓝湖区:region", "白沙区:region")
    assert [(r.value, r.subject) for r in records] == [(41, "蓝湖区"), (36, "白沙区"), (300, None)]


def test_a_city_written_in_traditional_script_is_still_a_city():
    # The text is matched in simplified script while mentions keep the names as written.
    text = "綿陽科技城觀察\n綿陽是科技城。綿陽建設提速。全市科技型企業超過500家。成都也在發展。"
    raw = RawDocument(source="t.txt", name="t.txt", text=text, format="txt", published=PUBLISHED, title="t")
    doc = prepare_document(raw)
    mentions = [
        EntityMention(doc.original_text(m.start(), m.end()), m.group(), "region", m.start(), m.end())
        for m in re.finditer("绵阳|成都", doc.norm)
    ]
    assert mentions[0].name == "綿陽"
    records = extract_indicators(doc, [], mentions)
    assert [(r.value, r.subject) for r in records] == [(500, "綿陽")]


def test_a_place_entered_into_a_top_list_of_places_holds_that_rank():
    r = one("县域经济观察\n青溪县跻身全国百强县,发展势头良好。", "青溪县:region")
    assert (r.value, r.unit, r.kind, r.approx, r.subject) == (100, "位", "rank", "under", "青溪县")
    records = indicators("园区招商观察\n园区引进500强企业12家。", "园区:zone")
    assert [(x.value, x.unit) for x in records] == [(12, "家")]


def test_the_whole_province_is_the_one_a_plan_names_in_its_own_title():
    plan = "加快河北省新能源装备产业发展行动方案(2024-2028年)"
    text = f"行动方案发布\n近日,省政府办公厅印发{plan}。\n2023年,全省高新技术产业增加值占工业增加值比重达到22%。\n"
    assert one(text, f"{plan}:program").subject == "河北省"
    # a plan whose title names no place leaves the whole province unnamed (ANNOTATION.md)
    other = text.replace("加快河北省", "加快")
    assert one(other, f"{plan.replace('加快河北省', '加快')}:program").subject is None


def test_the_figures_of_a_listed_firms_announcement_are_the_firms():
    text = (
        "对外投资公告\n3月12日,星辰智能装备股份有限公司(证券简称星辰智能)披露对外投资公告。\n"
        "星辰智能称,为扩大生产规模,公司拟实施智能装备建设项目。\n"
        "项目总投资约3亿元,计划在南岸高新区建设两座厂房。\n"
    )
    found = indicators(text, "星辰智能装备股份有限公司:enterprise", "星辰智能:enterprise", "南岸高新区:zone")
    money = [r for r in found if r.value == 3]
    assert money and money[0].subject == "星辰智能"


def test_a_zone_named_once_is_not_what_a_citys_report_is_about():
    text = (
        "招商引资成效显著\n投资促进局介绍,岳阳市招商工作成效明显。\n"
        "今年引进企业多家。其中,城陵矶新港区产能加快扩增。\n"
        "航天产业方面,年产200颗卫星的总部基地项目竣工。\n"
    )
    found = indicators(text, "岳阳市:region", "城陵矶新港区:zone")
    sats = [r for r in found if r.value == 200]
    assert sats and sats[0].subject == "岳阳市"


def test_an_undated_page_dates_its_bare_months_by_the_last_year_it_names():
    text = (
        "宿城高新区2024年1-4月经济运行情况\n"
        "一、工业生产\n1-4月,全区规上工业增加值同比增长8.5%。\n"
        "二、固定资产投资\n1-4月,全区固定资产投资同比增长12.1%。\n"
        + "三、重点项目\n园区重点项目建设有序推进,一批项目加快建设,服务保障持续优化。\n" * 4
        + "四、外贸\n1-4月,全区进出口总额同比增长6.2%。\n"
    )
    found = indicators(text, "宿城高新区:zone", published=None)
    assert [r.period for r in found if r.value in (8.5, 12.1, 6.2)] == ["2024-01..04"] * 3
    # a dated page keeps its own year for a bare stretch of months
    dated = indicators(text.replace("2024年1-4月", ""), "宿城高新区:zone", published="2025-05-20")
    assert [r.period for r in dated if r.value == 8.5] == ["2025-01..04"]


def test_a_work_report_given_early_in_the_year_reports_on_the_year_before():
    text = (
        "某县人大会议文件(五)\n政 府 工 作 报 告\n——2024年1月22日在某县人民代表大会上\n各位代表:\n"
        "一、2023年工作回顾\n过去一年,全县上下齐心协力,稳增长、促改革、保民生。\n"
        "——这一年,全县经济稳中向好。据初步核算,生产总值增长4.5%,"
        "规上工业增加值增长11.1%,增速位居全市前列。\n"
    )
    found = indicators(text, published="2024-01-22")
    assert [r.period for r in found if r.value in (4.5, 11.1)] == ["2023", "2023"]


def test_a_reports_whole_year_is_the_year_it_reports_on():
    text = "2023年科技进步报告\n2022 年全区研发经费占生产总值比重3.1%。全年高新技术产业增加值312亿元。\n"
    found = indicators(text, published="2024-07-12")
    assert [(r.value, r.period) for r in found if r.value in (3.1, 312)] == [(3.1, "2022"), (312, "2023")]


def test_a_base_year_dates_no_target_after_it():
    text = (
        "双倍增工作目标\n到2027年,全区高新技术企业在2022年的基础上实现双倍增,分别超过60家和500家。\n"
        "以2022年为100,2024年指数达到128.4。\n"
    )
    found = indicators(text, published="2024-03-01")
    assert [r.period for r in found if r.value in (60, 500)] == [None, None]


def test_what_is_announced_is_a_clause_with_its_own_subject():
    text = (
        "基金成立\n7月16日,星河科技投资有限公司(以下简称“星河投资”)在上海举行发布会,"
        "宣布星河先导创业投资基金以18.35亿元完成首轮募集。星河投资表示将持续投资硬科技。\n"
    )
    found = indicators(
        text,
        "星河科技投资有限公司:investor",
        "星河投资:investor",
        "星河先导创业投资基金:investor",
        "上海:region",
    )
    money = [r for r in found if r.value == 18.35]
    assert money and money[0].subject == "星河先导创业投资基金"


REPORT = (
    "政府工作报告\n"
    "——2024年12月28日在青岚县第十六届人民代表大会第三次会议上 青岚县人民政府县长 周明\n"
    "各位代表:\n"
    "现在,我代表县人民政府,向大会作工作报告,请予审议。\n"
    "2024年工作回顾\n"
    "这一年,全县各项工作稳步推进,县十六届人大二次会议确定的目标任务全面完成。"
    "全县经济总量增长5.8%;工业投资达到46亿元。\n"
)


def test_a_work_report_is_about_the_county_of_its_byline_and_the_year_it_reviews():
    records = indicators(REPORT, "青岚县人民政府:government", "安徽:region", published="2024-12-28")
    invest = next(r for r in records if r.value == 46)
    assert invest.subject == "青岚县"
    assert invest.period == "2024"


def test_a_body_speaking_of_the_country_speaks_for_no_place():
    text = "高新区发展成效显著\n记者从东川市科学技术局获悉,全国高新区营业收入达60万亿元。\n"
    record = one(text, "东川市科学技术局:government", published="2025-11-06")
    assert record.subject != "东川市"


def test_a_firm_named_once_in_passing_is_not_what_a_placeless_text_is_about():
    text = (
        "坚持创新驱动\n加快企业转型步伐,远帆电子获批省瞪羚企业。\n强化创新平台建设,高新技术企业总数达52家。\n"
    )
    assert one(text, "远帆电子:enterprise").subject is None


def test_a_firm_named_again_is_what_its_own_release_is_about():
    text = "新闻动态\n远帆电子新研发大楼启用。远帆电子去年研发投入达1.2亿元。\n"
    assert one(text, "远帆电子:enterprise").subject == "远帆电子"


def test_kinds_of_a_thing_are_no_count():
    text = "江川市科技观察\n技术转让、技术咨询两类合同增长较快，企业拥有二类知识产权860项。\n"
    assert [(r.value, r.unit) for r in indicators(text)] == [(860, "项")]


def test_the_numbers_research_units_go_by_are_no_counts():
    text = "江川市科技观察\n江川市引进星湖动力机械研究所(508所)、江川重工725所。全市有高校12所。\n"
    assert [(r.value, r.unit) for r in indicators(text)] == [(12, "所")]


def test_the_size_of_a_list_counted_members_entered_is_no_rank():
    text = "江川市产业观察\n江川市4家企业跻身全国民营企业500强。\n"
    assert [(r.value, r.unit) for r in indicators(text)] == [(4, "家")]


def test_an_economic_region_is_never_what_the_province_word_means():
    text = (
        "全省高新区上半年运行平稳\n"
        "全省高新区营收合计8000亿元。全省高新区赴珠三角、长三角等地开展招商推介120场。\n"
    )
    records = indicators(text, "长三角:region")
    assert all(r.subject != "长三角" for r in records)


def test_the_department_the_news_comes_from_is_not_its_topic():
    text = "科技成果转化提速\n记者从省科技厅获悉，全年技术合同成交额达900亿元。省科技厅将持续推进改革。\n"
    assert one(text, "省科技厅:government").subject is None


def test_the_abbreviation_of_a_class_of_zones_is_no_subject():
    text = (
        "一季度经济观察\n据统计，一季度，全省高新技术产业开发区(简称高新区)营收合计800亿元。"
        "高新区创新资源加快集聚。8家高新区同保险机构签约。\n"
    )
    assert all(r.subject != "高新区" for r in indicators(text))


REVIEW_OF_A_YEAR = (
    "青岚县政府工作报告\n"
    "一、2023年工作回顾\n"
    "全县重点项目完成投资86亿元,占年度目标的108%。"
    "新引进制造业项目42个。全年争取上级专项资金9亿元。兑现惠企资金1.3亿元。\n"
)


@pytest.mark.parametrize("quote", ["42个", "9亿元", "1.3亿元"])
def test_a_share_of_the_annual_target_and_funds_won_are_results_of_the_year_reviewed(quote):
    records = {r.quote: r for r in indicators(REVIEW_OF_A_YEAR, "青岚县:region", published=None)}
    found = next(r for q, r in records.items() if quote in q)
    assert found.period == "2023"


def test_striving_for_a_target_still_leaves_its_figures_without_period():
    text = "青岚县政府工作报告\n一、2023年工作回顾\n全县新引进项目42个。争取明年工业产值突破300亿元。\n"
    records = {r.quote: r for r in indicators(text, "青岚县:region", published=None)}
    assert next(r for q, r in records.items() if "300" in q).period is None


def test_the_statistics_bureaus_three_sectors_and_a_plenum_s_ordinal_are_no_figures():
    text = (
        "青岚州经济观察\n"
        "全州深入学习二十届三中全会精神。一季度,全州生产总值增长4.2%。"
        "分三次产业看,第一产业增加值增长2.1%。\n"
    )
    quotes = [r.quote for r in indicators(text, "青岚州:region")]
    assert not [q for q in quotes if "三中全会" in q or "三次产业" in q], quotes
    assert any("4.2%" in q for q in quotes)


def test_values_after_fenbie_go_one_by_one_with_the_bodies_listed_before_it():
    text = (
        "园区投资观察\n2023年,星湖新区仍是拉动投资的主要动力,"
        "而江川高新区和青石经开区的投资增长较快,分别增长30.1%和26.9%。\n"
    )
    records = indicators(text, "星湖新区:zone", "江川高新区:zone", "青石经开区:zone")
    subjects = {round(r.value, 1): r.subject for r in records}
    assert subjects[30.1] == "江川高新区" and subjects[26.9] == "青石经开区", subjects


def test_a_bulletin_that_calls_its_place_only_the_whole_district_has_no_named_subject():
    text = (
        "某区2024年国民经济和社会发展统计公报\n"
        "2024年，全区上下认真落实江苏省和苏州市的工作要求。\n"
        "全年实现地区生产总值2005亿元，比上年增长5.4%。全区新增市场主体3.1万户。全区粮食总产量2.8万吨。\n"
    )
    records = indicators(text, "江苏省:region", "苏州市:region")
    assert [r.subject for r in records] == [None] * 4


def test_a_text_naming_its_district_keeps_it_as_the_subject_of_whole_district_figures():
    text = (
        "青川区2024年国民经济和社会发展统计公报\n"
        "2024年，青川区上下认真落实江川市的工作要求。\n"
        "全年实现地区生产总值2005亿元，比上年增长5.4%。全区新增市场主体3.1万户。\n"
    )
    assert {r.subject for r in indicators(text, "青川区:region", "江川市:region")} == {"青川区"}


def test_a_work_reports_congress_session_is_its_occasion_and_the_district_its_subject():
    text = (
        "2018年江川市青川区政府工作报告\n"
        "(2018年1月22日在江川市青川区第五届人民代表大会第二次会议上)江川市青川区人民政府区长李明各位代表:"
        "现在,我代表江川市青川区人民政府向大会报告工作。一、2017年工作回顾2017年是新一届政府开局之年。"
        "实现地区生产总值1088.9亿元,同比增长13.2%。青川区获评全省科技进步先进区。\n"
    )
    records = indicators(
        text,
        "江川市青川区第五届人民代表大会第二次会议:program",
        "江川市青川区人民政府:government",
        "青川区:region",
    )
    assert {r.subject for r in records} == {"青川区"}


@pytest.mark.parametrize(
    ("headline", "district"),
    [
        # a statistics site heads the bulletin with its province in brackets
        ("(江南省)2023年江川市青川区国民经济和社会发展统计公报", "青川区"),
        # a mirror's pinyin glosses, the district's name copied with its gloss
        ("(江南省)2023年江川市青川区(qū)国民经(jīng)济和社会发(fā)展统(tǒng)计公报", "青川区(qū)"),
        ("(江南省)2023年江川市青川區(qū)國民經(jīng)濟和社會發(fā)展統(tǒng)計公報", "青川區(qū)"),
    ],
)
def test_a_bulletin_headed_by_its_province_is_about_the_district_it_names(headline, district):
    text = (
        f"{headline}\n"
        "2023年，区委、区政府带领全区人民，认真落实江南省的决策部署，对标江南省先进地区。\n"
        "初步核算，全区地区生产总值353亿元，比上年增长3.0%。全区规模以上工业增加值增长2.9%。\n"
    )
    records = extract_document(document_from_text(text)).indicators
    assert len(records) == 3
    assert {r.subject for r in records} == {district}


def test_a_party_committee_and_government_named_by_their_level_name_no_place():
    text = (
        "上半年经济运行情况\n"
        "上半年，全市上下在市委市政府的坚强领导下，稳中求进。\n"
        "全市实现地区生产总值656.58亿元，增长7.7%。\n"
    )
    records = extract_document(document_from_text(text)).indicators
    assert len(records) == 2
    assert {r.subject for r in records} == {None}


def test_the_set_a_rank_is_taken_in_is_no_place_the_text_is_about():
    text = (
        "全省科技工作综述\n"
        "2020年，我省技术交易额增幅位列东北三省第一。\n"
        "通过评价的科技型中小企业3435家，增幅位列东北三省第一。\n"
        "认定高新技术企业2600家，增幅位列东北三省第一。\n"
    )
    records = extract_document(document_from_text(text)).indicators
    counts = [r for r in records if r.unit == "家"]
    assert len(counts) == 2 and {r.subject for r in counts} == {None}


def test_a_target_word_without_a_year_frames_its_own_sentence_only():
    text = (
        "江川市政府工作报告\n"
        "一、2024年工作回顾 过去一年，全市锚定“进中游”目标，办好两件大事。全市地区生产总值增长5.2%，工业投资增长30%。\n"
        "二、2025年工作安排 主要目标：地区生产总值增长5.5%左右；一般公共预算收入增长6%。\n"
    )
    periods = {r.quote: r.period for r in indicators(text, "江川市:region", published=None)}
    assert periods["全市地区生产总值增长5.2%"] == "2024"
    assert periods["工业投资增长30%"] == "2024"
    assert periods["一般公共预算收入增长6%"] is None


def test_a_work_report_that_names_no_place_gives_its_figures_no_document_as_subject():
    text = (
        "政府工作报告\n"
        "各位代表：现在我代表县人民政府报告工作。一、2024年工作回顾 这一年，全县经济稳步回升。\n"
        "全县工业投资完成38亿元，新增企业120家。\n"
    )
    records = indicators(text, "政府工作报告:program", published=None)
    assert [(r.subject, r.period) for r in records] == [(None, "2024"), (None, "2024")]


@pytest.mark.parametrize(
    ("lead", "body"),
    [
        ("据星湖产业研究院统计，", "星湖产业研究院:institute"),
        ("来自星湖产业研究院的统计表明，", "星湖产业研究院:institute"),
        ("星湖产业研究院发布的数据显示，", "星湖产业研究院:institute"),
        # an association, which the annotation types as a programme
        ("据星湖产业研究院统计，", "星湖产业研究院:program"),
    ],
)
def test_a_body_cited_for_the_figures_of_a_text_naming_no_place_is_not_their_subject(lead, body):
    text = f"储能产业观察\n{lead}今年储能电池出货量增长35%。\n储能电池装机规模达到80吉瓦。星湖产业研究院认为行业仍将增长。\n"
    records = indicators(text, body, published=None)
    assert [r.subject for r in records] == [None, None]


def test_a_firm_opening_its_own_release_is_the_subject_of_its_figures():
    text = "星驰动力发布年报\n星驰动力今年营业收入增长35%。\n研发投入达到8亿元。\n"
    records = indicators(text, "星驰动力:enterprise", published=None)
    assert [r.subject for r in records] == ["星驰动力", "星驰动力"]


def test_a_text_with_pinyin_glosses_keeps_its_quotes_whole_and_its_metrics_plain():
    record = one("园区简讯\n星湖高新区(qū)规(guī)上工业(yè)总产(chǎn)值增长12.5%。", "星湖高新区:zone")
    assert record.quote == "星湖高新区(qū)规(guī)上工业(yè)总产(chǎn)值增长12.5%"
    assert "(" not in record.metric


@pytest.mark.parametrize(
    ("sentence", "value", "approx"),
    [
        ("青川高新区连续十年位居全国高新区之首。", 1, "exact"),
        ("在全国150个综合保税区中，青川综保区独占鳌头。", 1, "exact"),
        ("青川高新区研发投入强度在全省拔得头筹。", 1, "exact"),
        ("青川高新区稳坐全省县域经济头把交椅。", 1, "exact"),
        ("青川高新区多款产品跻身全球市场占有率前三。", 3, "under"),
    ],
)
def test_first_by_its_own_words_and_a_top_rank_after_a_far_verb(sentence, value, approx):
    rank = [r for r in indicators(HEADLINE + sentence, ZONE) if r.unit == "位"]
    assert [(r.value, r.approx) for r in rank] == [(value, approx)]


def test_a_span_of_years_reaches_the_clauses_its_sentence_lists():
    text = (
        "青川高新区五年发展回顾\n2024-01-20 来源：本报\n"
        "2019-2023年，青川高新区企业由300家增至800家；研发投入由12亿元增至30亿元。"
    )
    records = indicators(text, ZONE, published="2024-01-20")
    reached = [r.period for r in records if r.value in (800, 30)]
    assert reached == ["2023", "2023"]


def test_a_place_that_only_opens_a_longer_name_in_the_headline_is_not_its_subject():
    text = "2021年江川高新区工作报告\n江川经济平稳。\n全年新增科技型企业193家。"
    records = indicators(text, "江川:region", "江川高新区:zone")
    assert [(r.value, r.subject) for r in records] == [(193, "江川高新区")]


def test_a_headline_in_traditional_script_names_the_subject_as_a_simplified_one_does():
    text = "2021年江川高新區工作報告\n江川經濟平穩。\n全年新增科技型企業193家。"
    records = indicators(text, "江川:region", "江川高新区:zone")
    assert [(r.value, r.subject) for r in records] == [(193, "江川高新区")]


def test_n_in_one_is_a_set_phrase_not_a_count():
    text = HEADLINE + "园区把孵化、投资和培训做成三位一体的服务，今年服务企业120家。"
    assert [(r.value, r.unit) for r in indicators(text, ZONE)] == [(120, "家")]


ZONE_STORY = (
    "江川市星湖高新区:创新驱动高质量发展\n2024-05-01 来源:江川日报\n"
    "江川省江川市星湖高新区位于江川市东部。\n"
    "星湖高新区是国家级高新区,星湖高新区近年来发展迅速,星湖高新区已引进企业500家。\n"
    "江川市星湖高新技术产业开发区成立于1992年。\n"
    "全区有国家级研发平台21家,市级以上创新中心90余个。我区高新技术企业达到300家。\n"
)
SUBJECTS_SCRIPT = (
    "import sys, json\n"
    "from innoatlas.documents import document_from_text\n"
    "from innoatlas.extract import extract_document\n"
    "r = extract_document(document_from_text(sys.stdin.read()))\n"
    "print(json.dumps([(i.value, i.subject) for i in r.indicators], ensure_ascii=False))\n"
)


def test_the_zone_all_its_words_stand_for_is_the_same_in_every_run():
    """全区 and 我区 in a zone's story are the zone as the text mostly writes it, whatever order
    Python happens to iterate the words in (string hashing differs from run to run)."""
    runs = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", SUBJECTS_SCRIPT],
            input=ZONE_STORY,
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        runs.add(out)
    assert len(runs) == 1
    assert json.loads(runs.pop()) == [
        [500, "星湖高新区"],
        [21, "星湖高新区"],
        [90, "星湖高新区"],
        [300, "星湖高新区"],
    ]


def test_a_city_wide_word_after_a_comma_and_a_space_still_opens_its_clause():
    # typeset bulletins put a space after their punctuation (据统计, 全区完成…)
    text = "星湖新区2023年统计公报\n星湖新区经济平稳。据星湖市统计局数据, 全区完成地区生产总值 386.5 亿元。"
    records = indicators(text, "星湖新区:zone", "星湖市统计局:government", "星湖市:region")
    assert [(r.value, r.subject) for r in records] == [(386.5, "星湖新区")]


def test_a_zone_in_a_frame_of_circumstances_is_not_what_the_clause_is_about():
    # 在…带动下 frames what follows; the district after it is the one whose figures these are
    text = (
        "江川观察\n江川区位于江川省。\n"
        "在青溪国家高新区辐射带动下,策源地江川区实现跨越发展,一般公共预算收入达到86.3亿元。\n"
    )
    record = one(text, "江川区:region", "江川省:region", "青溪国家高新区:zone")
    assert record.subject == "江川区"


def test_a_work_report_speaks_for_its_issuer_and_has_no_figures_of_its_own():
    text = (
        "攀川观察\n攀川市稀土产业增长较快。\n"
        "1月22日,在市人代会上,政府工作报告提出:稀土产业产值突破420亿元。\n"
    )
    record = one(text, "攀川市:region", "政府工作报告:program")
    assert record.subject == "攀川市"


def ranking_story(body: str):
    """The figures of a whole extraction of a story that opens by releasing a ranking's edition."""
    text = f"江川民企百强发布\n2025江川民营企业100强近日发布。{body}"
    raw = RawDocument(
        source="t.txt", name="t.txt", text=text, format="txt", published=PUBLISHED, title="江川民企百强发布"
    )
    return extract_document(prepare_document(raw)).indicators


def test_the_figures_of_a_ranking_s_edition_are_the_ranking_s():
    """2025某省民营企业100强入围门槛…: the threshold and the total are the list's, not the province's."""
    records = ranking_story(
        "2025江川民营企业100强入围门槛达12.5亿元,营业收入总额达1.2万亿元。江川省民营经济增加值增长6%。"
    )
    assert [(r.value, r.subject) for r in records] == [
        (12.5, "2025江川民营企业100强"),
        (1.2, "2025江川民营企业100强"),
        (6, "江川省"),
    ]


def test_a_ranking_named_by_its_size_or_as_the_list_points_back_to_the_edition():
    """民营企业100强中…, 榜单中…: the list's members together, the edition's figures."""
    records = ranking_story(
        "江川省民营经济增加值增长6%。\n民营企业100强中,研发费用在5亿元以上的有12家。榜单中,装备类企业共73家。"
    )
    assert [(r.value, r.subject) for r in records if r.unit == "家"] == [
        (12, "2025江川民营企业100强"),
        (73, "2025江川民营企业100强"),
    ]


def test_a_ranking_opening_its_paragraph_keeps_the_figures_of_the_clauses_after_it():
    """2025某省民营企业100强的营业收入…; 户均…: the paragraph goes on about the list, as about a place."""
    records = ranking_story(
        "\n江川省民营经济增速加快,2025江川民营企业100强的营业收入门槛为30亿元。户均资产规模达120亿元。"
    )
    assert [(r.value, r.subject) for r in records if r.unit == "亿元"] == [
        (30, "2025江川民营企业100强"),
        (120, "2025江川民营企业100强"),
    ]


def test_a_place_before_a_first_in_the_headline_is_where_it_is_counted_not_the_topic():
    """江川首个…揭牌: the headline counts the first in the province; the district is the story's."""
    text = (
        "江川首个人工智能局揭牌\n星湖区人工智能产业基础扎实。\n星湖区人工智能局揭牌。"
        "\n从业人员超过5万名,集聚企业超过500家。"
    )
    records = indicators(text, "江川:region", "星湖区:region", "星湖区人工智能局:government")
    assert {r.subject for r in records} == {"星湖区"}


@pytest.mark.parametrize("short, subject", [("园区", "江川经济开发区"), ("江开区", "江开区")])
def test_a_kind_word_declared_as_short_name_stands_for_the_body(short, subject):
    # 以下简称“园区”: a naming form alone is no name of its own; a real short name (江开区) is
    body = (
        "江川经济开发区发展规划\n2023-01-16 来源：江川市政府\n"
        f"结合江川经济开发区(以下简称:{short})的区域布局，编制本规划。{short}已开发建成面积6.39平方公里。\n"
    )
    found = extract_document(document_from_text(body)).indicators
    assert {i.value: i.subject for i in found}[6.39] == subject


def test_a_place_abroad_is_the_market_of_a_figure_not_its_subject():
    body = (
        "江川外贸观察\n2024-10-12 本报讯\n江川市外贸稳步增长。日本成为江川市第一大出口市场，出口额增长12%。"
        "江川技术转移中心已联合伙伴机构600家，其中来自东盟的机构210家。\n"
    )
    found = {i.value: i.subject for i in extract_document(document_from_text(body)).indicators}
    assert found[12] == "江川市"
    assert found[210] == "江川技术转移中心"
    # a continent (M49) is a market abroad too
    body = body.replace(
        "日本成为江川市第一大出口市场，出口额增长12%。",
        "江川市对东盟、拉美、非洲分别出口120亿元、80亿元、45亿元。",
    )
    found = {i.value: i.subject for i in extract_document(document_from_text(body)).indicators}
    assert found[45] == "江川市"


def test_a_forecast_for_a_year_not_over_is_a_plan_and_an_estimate_of_a_past_year_keeps_it():
    text = "江川公司观察\n江川公司去年营收增长20%。预计今年营收将突破5亿元。"
    assert {r.value: r.period for r in indicators(text, "江川公司:enterprise", published="2025-07-30")}[
        5
    ] is None
    text = "江川市经济观察\n2025年，江川市新增企业1200家，预计全年地区生产总值增长6%。"
    assert {r.value: r.period for r in indicators(text, "江川市:region", published="2026-01-20")}[6] == "2025"


def test_what_was_signed_at_the_event_a_sentence_points_back_to_is_the_event_s():
    text = "江川产业观察\n5月9日，第三届江川永磁产业大会在江川市举行。会上集中签约项目12个。本届大会共签约金额80亿元。"
    records = indicators(text, "第三届江川永磁产业大会:program", "江川市:region")
    assert {r.value: r.subject for r in records} == {
        12: "第三届江川永磁产业大会",
        80: "第三届江川永磁产业大会",
    }


def test_a_chamber_named_with_hui_or_a_host_that_signed_is_no_event():
    text = "江川产业观察\n5月9日，江川商会会长致辞。江川高新区举办了企业家座谈会，会上共签约项目6个。"
    records = indicators(text, "江川商会:program", "江川高新区:zone")
    assert {r.value: r.subject for r in records} == {6: "江川高新区"}


def test_a_distance_that_places_something_is_no_figure():
    text = "江川港口观察\n江川物流园距江川港约260公里，去年新建铁路专用线18公里。"
    assert [r.value for r in indicators(text, "江川物流园:zone")] == [18]


@pytest.mark.parametrize(
    "body",
    [
        "青川高新区外贸“新三样”产品出口增长20%。",
        "青川高新区推动服装、家具、家电「老三样」转型，产值增长20%。",
        "青川高新区把储能装备列为全区的首位产业，产值增长20%。",
        "青川高新区举全市之力做强首位产业链，产值增长20%。",
    ],
)
def test_names_of_product_groups_and_a_leading_industry_are_no_figures(body):
    # 新三样 and 老三样 name groups of products, 首位产业 a policy's leading industry: like N大
    assert [r.value for r in indicators(HEADLINE + body, ZONE)] == [20]


def test_first_place_in_a_scope_is_still_a_rank():
    r = one(HEADLINE + "青川高新区营业收入居全市首位。", ZONE)
    assert (r.value, r.kind, r.unit) == (1, "rank", "位")


def test_a_bare_full_year_after_last_year_is_last_years():
    # 去年,…全年…: the full year of the clause is the one 去年 names, and so are the clauses after it
    text = HEADLINE + "去年，青川高新区推进技术改造，全年产值超过2500亿元，新增规上企业150余家。"
    records = indicators(text, ZONE, published="2025-03-19")
    assert {r.value: r.period for r in records} == {2500: "2024", 150: "2024"}


def test_a_programme_heading_a_list_entry_keeps_to_that_entry():
    """科创板上市企业55家;…: the board qualifies its entry's count; the next entry is the city's."""
    text = (
        "江川市创新观察\n江川市创新驱动发展成效显著。全社会研发投入达到800亿元;"
        "科创板上市企业35家,位居全国第三;国家级科技企业孵化器达到56家。"
    )
    records = indicators(text, "江川市:region", "科创板:program")
    by_value = {r.value: r.subject for r in records}
    assert by_value[35] == "科创板"
    assert by_value[56] == "江川市"


def test_the_whole_city_is_the_city_its_parks_are_named_after():
    """全市 in a report that names the city only in its parks' names (某市工业园区)."""
    text = (
        "前七个月园区营收过千亿\n安顺市工业园区今年发展平稳。1-7月,全市各园区工业增加值完成280亿元,增长6.5%。"
    )
    records = indicators(text, "安顺市工业园区:zone", published="2016-08-20")
    assert {r.subject for r in records if r.value in (280, 6.5)} == {"安顺市"}


@pytest.mark.parametrize(("published", "period"), [("2024-01-08", "2023"), ("2024-08-08", None)])
def test_a_headline_on_last_year_in_the_season_of_results_dates_the_whole_release(published, period):
    text = (
        "【江川省统计局】2023年全省规上工业增加值增长一成多\n"
        "据省统计局1月10日消息，2023年全省规上工业企业达到9000家。\n"
        "星湖地区继续领先，3市完成工业增加值400亿元，占全省的八成。"
    )
    record = next(r for r in indicators(text, "星湖地区:region", published=published) if r.value == 400)
    assert record.period == period


def test_a_trillion_written_as_zhao_folds_into_the_base_value_only_before_a_currency():
    assert one(HEADLINE + "園區上半年營業額為新臺幣0.82兆元。", ZONE).value_base == 0.82e12
    assert all(r.unit != "瓦" for r in indicators(HEADLINE + "园区新增光伏装机容量120兆瓦。", ZONE))
