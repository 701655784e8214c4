"""An industry term as the head of a longer noun compound, on sentences written for these tests."""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.tokens import tag_text


def industries(sentence: str) -> set[str]:
    doc = document_from_text("测试新闻标题\n" + sentence + "\n")
    return {m.name for m in extract_entities(doc, tag_text(doc.norm)) if m.type == "industry"}


def test_nouns_before_a_known_term_narrow_it_into_the_industry_named():
    assert industries("该公司专注车载激光雷达芯片的研发。") == {"车载激光雷达芯片"}
    assert industries("园区聚集了一批海洋生物医药企业。") == {"海洋生物医药"}


def test_a_term_that_ends_a_longer_word_of_the_tagger_takes_the_whole_word():
    assert industries("园区引进了一家锂离子动力电池企业。") == {"锂离子动力电池"}


def test_a_qualifier_the_classifications_name_industries_with_is_part_of_the_name():
    assert industries("园区重点发展先进储能材料。") == {"先进储能材料"}
    assert industries("以新一代半导体为特色的产业加快集聚。") == {"新一代半导体"}


def test_a_grade_right_before_a_term_opens_the_industry_s_name():
    assert industries("青川重点发展高端化工和高性能医疗器械。") == {"高端化工", "高性能医疗器械"}
    assert industries("青川布局高端智能汽车。") == {"智能汽车"}


def test_a_word_of_quality_or_scope_before_the_compound_is_left_out():
    assert industries("该所研发出高性能红外探测器芯片。") == {"红外探测器芯片"}
    assert industries("全球人工智能技术加速迭代。") == {"人工智能"}


def test_a_verb_read_as_a_noun_closes_the_compound():
    assert industries("企业加快布局固态锂电池。") == {"固态锂电池"}


def test_a_brand_or_model_before_a_product_is_no_industry():
    assert industries("这款星曜X3机器人走进了家庭。") == set()


def test_a_setting_before_the_term_is_no_narrower_industry():
    # 领域 names where the term is applied: the compound's bounds are unknown
    assert industries("推进制造业领域人工智能应用。") == {"制造业"}


def test_words_before_a_cluster_named_after_its_industry_are_not_taken():
    assert "先进制造业" not in industries("该区拥有3个先进制造业集群。")
    assert industries("逐步形成高性能纤维复合材料产业生态圈。") == set()


def test_a_rank_of_industries_is_no_industry_of_its_own():
    # 先导 ranks industries as 主导 and 支柱 do: 先导产业 names none
    assert industries("该市把人工智能列为先导产业。") == {"人工智能"}
    assert industries("两大先导产业项目占比过半。") == set()


def test_the_country_written_with_a_pronoun_is_no_part_of_the_industry():
    # the tagger cuts 我国 into 我 and 国: 国 says whose industry, it does not name one
    assert industries("我国光伏产业全球领先。") == {"光伏产业"}
    assert industries("我国风电产业持续壮大。") == {"风电产业"}


def test_an_industry_and_the_parts_or_uses_of_its_chain_are_one_industry():
    assert industries("全县聚焦智能网联汽车及零部件、绿色建材，培育产业集群。") == {
        "智能网联汽车及零部件",
        "绿色建材",
    }
    assert "新材料及其应用" in industries("电子信息、新材料及其应用领域合同成交额居前。")


def test_two_industries_joined_by_and_stay_two():
    assert industries("园区重点发展新能源及新材料。") == {"新能源", "新材料"}


def test_the_statistic_of_retail_sales_names_no_industry():
    assert industries("全年社会消费品零售总额达120亿元，增长5%。") == set()


def test_a_step_or_part_of_the_chain_after_a_field_names_the_industry():
    found = industries("在芯片设计环节，该区引进企业12家；全镇以汽车配件为主导。")
    assert {"芯片设计", "汽车配件"} <= found


def test_research_after_a_field_is_the_activity_not_a_longer_industry():
    assert "新材料研发" not in industries("公司加大新材料研发投入，推动产品升级。")


def test_an_industrys_role_in_a_plan_names_no_industry():
    # 首位产业, 当家产业, 先导性产业: the part an industry plays, whichever it is
    assert industries("全市做强首位产业,培育当家产业和先导性产业,壮大动力电池产业。") == {"动力电池产业"}


@pytest.mark.parametrize(
    ("sentence", "industry", "absent"),
    [
        ("三十年来，该县中药材产业从无到有。", "中药材产业", "该县中药材产业"),
        ("该镇五金产业已有四十年历史。", "五金产业", "该镇五金产业"),
        ("本市合成生物方向的人才优势明显。", "合成生物", "本市合成生物"),
        ("全球软件产业正处在增长期。", "软件产业", "全球软件产业"),
    ],
)
def test_a_pronoun_of_the_place_or_a_word_of_scope_before_an_industry_is_left_out(sentence, industry, absent):
    found = industries(sentence)
    assert industry in found and absent not in found
