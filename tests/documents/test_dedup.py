"""Exact, near and cross-script duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from innoatlas.documents import (
    DuplicateIndex,
    DuplicateMatch,
    dedup,
    document_from_text,
    minhash_bytes,
    prepare_document,
    read_paths,
)
from innoatlas.documents.dedup import NUM_PERM

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

STORY = (
    "某某高新区举行年度创新大会\n"
    "记者从某某高新区获悉，今年前三季度，园区新增科技型企业312家，同比增长18.5%，研发投入强度达到4.6%，创新活力持续增强。\n"
    "园区负责人介绍，下一步将围绕集成电路、生物医药两条产业链开展精准招商，力争全年引进重点项目40个以上，并新建中试平台3个。\n"
    "会上，某某大学与园区内的6家企业签订了产学研合作协议，双方将共建联合实验室，重点攻关传感器芯片和高端医疗器械关键技术。\n"
)
OTHER = (
    "某某市发布软件产业三年行动计划\n"
    "计划提出，到2026年全市软件业务收入力争突破3000亿元，培育营收超十亿元的软件企业20家，建设特色软件园区10个。\n"
    "市经济信息委负责人表示，将实施软件人才专项，每年新增从业人员5万人，并对首版次软件产品给予最高200万元奖励。\n"
)


def corpus_docs() -> dict:
    return {raw.name: prepare_document(raw) for raw in read_paths([CORPUS])}


def test_exact_duplicate():
    index = DuplicateIndex()
    index.add("first", document_from_text(STORY))
    assert index.find(document_from_text("首页 > 新闻\n" + STORY + "（责任编辑：某某）")) == DuplicateMatch(
        "exact", "first", 1.0
    )


def test_near_duplicate_with_a_few_words_changed():
    index = DuplicateIndex()
    index.add("first", document_from_text(STORY))
    repost = (
        STORY.replace("记者从", "记者近日从").replace("开展精准招商", "开展招商").replace("签订了", "签署了")
    )
    match = index.find(document_from_text(repost))
    assert (match.kind, match.key) == ("near", "first")
    assert 0.5 <= match.similarity < 1.0


def test_different_story_is_not_a_duplicate():
    index = DuplicateIndex()
    index.add("first", document_from_text(STORY))
    assert index.find(document_from_text(OTHER)) is None


def test_repost_in_traditional_script_is_found():
    index = DuplicateIndex()
    index.add("simplified", document_from_text(STORY))
    hant = (
        "某某高新區舉行年度創新大會\n"
        "記者從某某高新區獲悉，今年前三季度，園區新增科技型企業312家，同比增長18.5%，研發投入強度達到4.6%，創新活力持續增強。\n"
        "園區負責人介紹，下一步將圍繞集成電路、生物醫藥兩條產業鏈開展招商，力爭全年引進重點項目40個以上，並新建中試平臺3個。\n"
        "會上，某某大學與園區內的6家企業簽訂了產學研合作協議，雙方將共建聯合實驗室，重點攻關傳感器芯片和高端醫療器械關鍵技術。\n"
    )
    match = index.find(document_from_text(hant))
    assert (match.kind, match.key) == ("near", "simplified")


def test_index_rebuilt_from_stored_signatures():
    doc = document_from_text(STORY)
    signature = minhash_bytes(doc)
    assert len(signature) == NUM_PERM * 8
    index = DuplicateIndex()
    index.add_signature("stored-1", doc.content_hash, signature)
    assert index.find(doc) == DuplicateMatch("exact", "stored-1", 1.0)
    repost = document_from_text(STORY.replace("记者从", "记者近日从"))
    assert index.find(repost).kind == "near"
    assert len(index) == 1


def test_example_corpus_reposts():
    docs = corpus_docs()
    index = DuplicateIndex()
    found = {}
    for name, doc in docs.items():
        match = index.find(doc)
        if match:
            found[name] = (match.kind, match.key)
        index.add(name, doc)
    assert found == {
        "cq_liangjiang_xietong_2024_repost.txt": ("near", "cq_liangjiang_xietong_2024.txt"),
        "spb_university_ring_2023_hant_repost.txt": ("exact", "spb_university_ring_2023.txt"),
    }


def test_reposts_are_found_the_same_once_the_band_hashes_are_sorted(monkeypatch):
    # The index sorts its band hashes every few documents; sort after every second one.
    monkeypatch.setattr(dedup, "MIN_UNSORTED", 2)
    test_example_corpus_reposts()
    index = DuplicateIndex()
    for n, text in enumerate([OTHER, STORY, OTHER.replace("软件", "信息")]):
        index.add(f"doc{n}", document_from_text(text))
    repost = document_from_text(STORY.replace("记者从", "记者近日从").replace("签订了", "签署了"))
    assert index.find(repost).key == "doc1"
    assert len(index) == 3


def test_of_equally_similar_originals_the_first_added_is_named():
    doc = document_from_text(STORY)
    index = DuplicateIndex()
    index.add_signature("first", "hash-1", minhash_bytes(doc))
    index.add_signature("second", "hash-2", minhash_bytes(doc))
    repost = document_from_text(STORY.replace("记者从", "记者近日从"))
    assert index.find(repost).key == "first"


def test_a_signature_of_another_length_or_width_is_refused():
    index = DuplicateIndex()
    with pytest.raises(ValueError, match="128 values"):
        index.add_signature("short", "hash", b"\0" * 8 * 64)
    with pytest.raises(ValueError, match="32 bits"):
        index.add_signature("wide", "hash", b"\xff" * 8 * NUM_PERM)
    assert len(index) == 0
