"""The example corpus: what each file is there to show, through the whole stage."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import pytest

from innoatlas.documents import prepare_document, read_paths

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CORPUS = EXAMPLES / "corpus"


@cache
def docs() -> dict:
    return {raw.name: prepare_document(raw) for raw in read_paths([CORPUS])}


@pytest.mark.parametrize(
    ("name", "published", "script", "title"),
    [
        ("cd_gaoxin_biotech_gbk.txt", "2023-09-20", "Hans", "成都高新区生物医药产业规模突破1500亿元"),
        (
            "cq_liangjiang_xietong_2024_repost.txt",
            "2024-03-15",
            "Hans",
            "两江协同创新区研发机构增至62家 高端研发人才超过2800人",
        ),
        (
            "cq_liangjiang_xietong_2024.txt",
            "2024-03-15",
            "Hans",
            "两江协同创新区研发机构增至62家 高端人才超2800人",
        ),
        (
            "cq_liangjiang_xietong_2024_b.html",
            "2024-03-16",
            "Hans",
            "两江协同创新区：研发机构达65家 成果转化提速",
        ),
        ("cq_science_city_double.txt", "2022-09-12", "Hans", "科学城金凤实验室揭牌一周年 已组建科研团队28个"),
        ("feed_2024.jsonl#1", "2024-07-22", "Hans", "长沙经开区工程机械产业链：链主带动配套企业超过300家"),
        ("feed_2024.jsonl#2", "2024-08-30", "Hans", "两江新区智能网联新能源汽车产业链新增配套企业46家"),
        # a wire dateline (本网合肥5月9日电) on a page of the next day: the day the wire was sent
        ("hf_quantum_hant.txt", "2024-05-09", "Hant", "合肥高新區量子信息企業增至72家"),
        (
            "spb_university_ring_2023.txt",
            "2023-06-02",
            "Hans",
            "环大学创新生态圈年产值突破45亿元 ⻄部（重庆）科学城沙坪坝片区加快成果转化",
        ),
        (
            "spb_university_ring_2023_hant_repost.txt",
            "2023-06-03",
            "Hant",
            "環大學創新生態圈年產值突破45億元 西部（重慶）科學城沙坪壩片區加快成果轉化",
        ),
        ("sz_angel_fund.docx", "2023-12-05", "Hans", "深圳天使母基金2023年新增投资项目135个"),
        ("wh_guanggu_big5.txt", "2023-11-08", "Hant", "東湖高新區光電子信息產業營收超過6000億元"),
        ("wh_optics_valley_2024.md", "2024-04-26", "Hans", "光谷科创大走廊：高校院所成果就地转化率提升至42%"),
        ("xa_hard_tech_policy.pdf", "2024-01-18", "Hans", "西安高新区出台硬科技企业培育十条措施"),
    ],
)
def test_each_example(name, published, script, title):
    doc = docs()[name]
    assert (doc.published.as_text(), doc.script, doc.title) == (published, script, title)


def test_no_furniture_survives_in_any_example():
    for name, doc in docs().items():
        for furniture in (
            "ICP",
            "版权",
            "版權",
            "责任编辑",
            "責任編輯",
            "分享",
            "首页",
            ".jpg",
            "推广",
            "返回顶部",
            "相关新闻",
        ):
            assert furniture not in doc.body, (name, furniture)


def test_two_outlets_give_different_values_for_the_same_figure():
    a = docs()["cq_liangjiang_xietong_2024.txt"].norm
    b = docs()["cq_liangjiang_xietong_2024_b.html"].norm
    assert "截至2024年2月末,两江协同创新区已集聚各类研发机构62家" in a
    assert "截至今年2月末,两江协同创新区共集聚研发机构65家" in b


def test_chinese_numeral_figure_and_radical_look_alike_are_normalised():
    assert "成都高新区已聚集生物医药企业一千二百余家" in docs()["cd_gaoxin_biotech_gbk.txt"].norm
    spb = docs()["spb_university_ring_2023.txt"]
    assert "\u2ec4" in spb.body and "西部(重庆)科学城沙坪坝片区内" in spb.norm


def test_body_repeated_twice_is_kept_once():
    doc = docs()["cq_science_city_double.txt"]
    assert doc.norm.count("实验室已组建科研团队28个") == 1


def test_regions_are_spread():
    text = "".join(d.norm for d in docs().values())
    for region in ("重庆", "成都", "武汉", "合肥", "西安", "深圳", "长沙"):
        assert region in text


def test_generated_files_match_their_sources(tmp_path):
    spec = importlib.util.spec_from_file_location("make_corpus", EXAMPLES / "make_corpus.py")
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    for source, (target, kind) in make_corpus.OUTPUTS.items():
        text = (EXAMPLES / "corpus_src" / source).read_text(encoding="utf-8")
        if kind in ("gbk", "big5"):
            assert make_corpus.WRITERS[kind](text) == (CORPUS / target).read_bytes()
        elif kind == "pdf":
            make_corpus.check_pdf((CORPUS / target).read_bytes(), text)


def test_the_example_corpus_ships_inside_the_installed_package():
    # `innoatlas demo` must need nothing outside the package: the corpus is package data.
    import innoatlas
    from innoatlas.pipeline import example_corpus

    corpus = example_corpus()
    assert corpus.is_relative_to(Path(innoatlas.__file__).parent)
    assert sorted(p.name for p in corpus.iterdir()) == sorted(p.name for p in CORPUS.iterdir())
    assert len(list(corpus.iterdir())) >= 10
