"""The whole extraction of texts written for these tests, as the annotation-shaped export
gives it: one body under two plates (a second name in brackets) is listed twice but is one
subject, and only the predicates of the annotation guide are exported."""

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


def test_the_annotation_export_holds_only_the_predicates_of_the_annotation_guide():
    doc = document_from_text("研究院揭牌\n2023年5月12日,成都智能制造研究院在成都高新区揭牌成立。\n")
    extraction = extract_document(doc)
    assert any(r.predicate == "established" for r in extraction.relations)  # a fact the store keeps
    exported = {r["predicate"] for r in to_annotation(doc, extraction)["relations"]}
    assert "established" not in exported
