"""One body under two plates (a zone's or an office's second name in brackets), on a text
written for these tests: the entity list keeps both names, figures and relations have one."""

from __future__ import annotations

from innoatlas.documents import document_from_text
from innoatlas.extract import extract_document, to_annotation

TEXT = (
    "开发区千亿投资计划出台\n"
    "南宁经济技术开发区(广西南宁国家高新技术产业开发区)(以下简称“开发区”)发布投资计划。\n"
    "开发区重点发展新能源产业和新材料产业。到2025年,新能源产业累计完成投资800亿元。\n"
)


def test_the_second_plate_is_listed_but_figures_and_relations_go_to_the_first_name():
    doc = document_from_text(TEXT)
    result = to_annotation(doc, extract_document(doc))
    names = {e["name"] for e in result["entities"]}
    assert {"南宁经济技术开发区", "广西南宁国家高新技术产业开发区"} <= names
    money = [i for i in result["indicators"] if i["value"] == 800]
    assert money and money[0]["subject"] == "南宁经济技术开发区"
    subjects = {r["subject"] for r in result["relations"] if r["predicate"] == "focuses_on"}
    assert "广西南宁国家高新技术产业开发区" not in subjects
