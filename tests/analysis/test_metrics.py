"""The canonical metric layer: each indicator's metric, scope, status, unit family and kind, as data."""

from __future__ import annotations

import pytest

from innoatlas.analysis.figures import load_figures
from innoatlas.analysis.metrics import describe, layer, metric_label, unit_family


@pytest.mark.parametrize(
    ("metric", "quote", "unit", "kind", "expected"),
    [
        # the counted noun closes the phrase: a count of projects, not of universities
        (
            "推动高校师生创业项目落地数量",
            "推动高校师生创业项目落地30个",
            "个",
            "level",
            ("projects", "total", "", "项目"),
        ),
        (
            "集聚各类研发机构数量",
            "已集聚各类研发机构40家",
            "家",
            "level",
            ("rd_institutions", "total", "", "研发机构"),
        ),
        # a qualifier right before the counted noun names a subset
        (
            "新型研发机构数量",
            "其中新型研发机构9家",
            "家",
            "level",
            ("rd_institutions", "subset", "新型", "研发机构（新型）"),
        ),
        (
            "聚集生物医药企业数量",
            "聚集生物医药企业300余家",
            "家",
            "level",
            ("enterprises", "subset", "生物医药", "企业（生物医药）"),
        ),
        # but not one further off: 龙头 qualifies 企业, not the laboratories
        (
            "推动高校与龙头企业组建联合实验室数量",
            "组建联合实验室5个",
            "个",
            "level",
            ("joint_labs", "total", "", "联合实验室"),
        ),
        ("中试平台数量", "中试平台12个", "个", "level", ("pilot_platforms", "total", "", "中试平台")),
        # new additions
        (
            "新增科技型中小企业数量",
            "新增科技型中小企业900家",
            "家",
            "change",
            ("tech_smes", "new", "", "新增科技型企业"),
        ),
        # a count of projects is never an amount of money, and the other way round
        ("投资项目数量", "已投资项目7个", "个", "level", ("invested_projects", "total", "", "投资项目")),
        ("总投资", "总投资约6亿元", "元", "level", ("investment", "total", "", "投资额")),
        # a growth rate keeps what grew
        (
            "全产业链产值同比增速",
            "全产业链产值同比增长9%",
            "%",
            "change",
            ("output", "total", "", "产值增速"),
        ),
        (
            "技术合同成交额",
            "技术合同成交额12亿元",
            "元",
            "level",
            ("tech_contract_value", "total", "", "技术合同成交额"),
        ),
    ],
)
def test_indicators_map_to_canonical_metrics(metric, quote, unit, kind, expected):
    c = describe(metric, quote, unit, kind)
    assert (c.key, c.scope, c.subset, c.label) == expected


def test_a_share_of_time_saved_is_no_count_of_enterprises():
    c = describe("帮助企业缩短研发周期", "帮助企业缩短研发周期约四分之一", "", "level")
    assert (c.key, c.family) == (None, "ratio")


@pytest.mark.parametrize(
    ("quote", "context", "status"),
    [
        ("力争全年孵化科技型企业50家以上", "", "target"),
        ("今年计划新增创新平台4个", "", "target"),
        ("下一步将新建中试平台2个", "", "target"),
        ("力争到2027年产业规模突破300亿元", "", "target"),
        ("预计每年带动新增研发投入20亿元以上", "", "estimate"),
        # a plan announced earlier in the sentence covers the figures after it
        ("推动高校师生创业项目落地30个", "区科技局负责人介绍，今年该区将新建孵化器3个，", "target"),
        # but not a plan of an earlier sentence, and never a figure the quote says is achieved
        ("建成研发平台60余个", "该区计划建设一批平台。截至目前，", "actual"),
        ("已集聚研发机构40家", "该区将继续推进，", "actual"),
        ("截止到2023年底，企业达到500家", "", "actual"),
    ],
)
def test_status_comes_from_the_words_of_the_quote_and_its_sentence(quote, context, status):
    assert describe("企业数量", quote, "家", "level", context).status == status


def test_growth_without_an_object_takes_the_figure_just_before_it(corpus):
    figures = {f["quote"]: f for f in load_figures(corpus)}
    growth = figures["较上年同期增长约15%"]["canonical"]
    assert (growth.key, growth.label) == ("high_end_talent", "高端人才增速")


def test_every_metric_of_the_data_file_is_well_formed():
    keys = [m["key"] for m in layer()["metrics"]]
    assert len(keys) == len(set(keys))
    for m in layer()["metrics"]:
        assert m["zh"] and m["en"] and m["patterns"] and m["families"]
        assert metric_label(m["key"]) == m["zh"] and metric_label(m["key"], "en") == m["en"]
    assert (unit_family("家"), unit_family("元"), unit_family("%"), unit_family("人")) == (
        "count",
        "money",
        "percent",
        "people",
    )


def test_the_noun_right_after_the_number_is_what_it_counts():
    c = describe(
        "遴选出项目进入概念验证阶段数量", "专家组遴选出9个项目进入概念验证阶段", "个", "level", unit="个"
    )
    assert (c.key, c.label) == ("projects", "项目")


def test_a_rate_of_change_is_of_the_noun_that_closes_its_phrase():
    c = describe("风电项目平均度电成本下降", "风电项目平均度电成本下降40%", "%", "change", unit="%")
    assert c.key is None and c.label == "风电项目平均度电成本增速"
    bare = describe("同比增速", "同比增长8%", "%", "change", unit="%")
    assert bare.label == "（对象未注明）增速"


def test_ranks_are_their_own_family_and_labelled_once():
    c = describe("居全国排名", "居全国第一", "位", "rank", unit="位")
    assert (c.family, c.label) == ("rank", "居全国排名")


def test_a_year_end_already_passed_is_no_target():
    assert describe("数字产业收入", "到2024年末数字产业收入约20万亿元", "元", "level").status == "actual"
    assert describe("产业规模", "到2027年产业规模达到500亿元", "元", "level").status == "target"
