"""The pipeline end to end: files in, a knowledge base out; idempotent, transactional, deduplicated."""

from __future__ import annotations

import re
import shutil

import pytest

from innoatlas.pipeline import IngestOptions, count_inputs, ingest_paths
from innoatlas.store import open_store

# Written for these tests; not from any real article.
ARTICLE = """江川市科技局发布上半年创新工作情况

本报讯（记者 周宁）7月3日，江川市科技局发布上半年全市科技创新工作情况。今年以来，江川市围绕智能网联汽车、生物医药和新材料三大产业，
加快建设新城科技园和滨江实验室，推动创新链与产业链深度融合。

数据显示，截至6月末，全市高新技术企业达到1260家，同比增长18.5%；科技型中小企业超过3400家。新城科技园新引进研发机构12个，
江川大学与园区企业联合攻关项目45项，技术合同成交额达到86亿元。

下一步，江川市将继续完善科技金融服务体系，设立规模20亿元的天使投资基金，支持初创企业在本地转化科技成果。
"""
REPOST = "转载自江川日报客户端，发布时间：2026-07-04 09:12\n" + ARTICLE.replace(
    "下一步，", "下一步，据介绍，"
)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def ingest(folder, store, **options):
    return ingest_paths([folder], store, IngestOptions(**options))


def facts_of(store, document_id):
    view = store.get_document(document_id)
    return view.mentions, view.indicators, view.relations


def test_ingesting_twice_leaves_the_database_exactly_as_after_once(store, seeds, examples):
    first = ingest_paths([seeds, examples], store)
    after_once = store.dump_tables()
    second = ingest_paths([seeds, examples], store)
    assert store.dump_tables() == after_once
    stored = first.counts["read"] - first.counts["failed"]
    assert second.counts == {**first.counts, "new": 0, "duplicate": 0, "changed": 0, "unchanged": stored}
    assert first.counts["new"] >= 10


def test_a_changed_document_replaces_its_facts(store, corpus):
    first = ingest(corpus, store).outcomes[0]
    assert first.status == "new"
    (corpus / "report.txt").write_text(ARTICLE.replace("1260家", "1300家"), encoding="utf-8")
    second = ingest(corpus, store).outcomes[0]
    assert (second.status, second.document_id) == ("changed", first.document_id)
    assert len(store.list_documents()) == 1
    assert "1300家" in store.get_document(first.document_id).body
    quotes = [i.quote for i in store.entity_profile("江川市").indicators] if facts_of(store, 1)[1] else []
    assert not any("1260" in q for q in quotes)


def test_an_exact_copy_is_a_duplicate_without_facts(store, corpus):
    shutil.copy(corpus / "report.txt", corpus / "report-copy.txt")
    outcomes = {o.name: o for o in ingest(corpus, store).outcomes}
    copy, original = outcomes["report-copy.txt"], outcomes["report.txt"]
    # sorted walk: report-copy.txt comes first, so it is the original
    assert (original.status, original.duplicate_of_id, original.duplicate_kind) == (
        "duplicate",
        copy.document_id,
        "exact",
    )
    assert facts_of(store, original.document_id) == (0, 0, 0)


def test_a_repost_in_the_other_script_is_a_duplicate(store, corpus):
    from opencc import OpenCC

    (corpus / "z-repost-hant.txt").write_text(OpenCC("s2t.json").convert(ARTICLE), encoding="utf-8")
    outcomes = {o.name: o for o in ingest(corpus, store).outcomes}
    repost = outcomes["z-repost-hant.txt"]
    assert (repost.status, repost.duplicate_of_id) == ("duplicate", outcomes["report.txt"].document_id)
    assert store.get_document(repost.document_id).script == "Hant"


def test_a_near_duplicate_repost_is_linked_to_its_original(store, corpus):
    (corpus / "z-repost.txt").write_text(REPOST, encoding="utf-8")
    outcomes = {o.name: o for o in ingest(corpus, store).outcomes}
    repost = outcomes["z-repost.txt"]
    assert (repost.status, repost.duplicate_kind) == ("duplicate", "near")
    assert repost.duplicate_of_id == outcomes["report.txt"].document_id
    assert facts_of(store, repost.document_id) == (0, 0, 0)


def test_bad_inputs_are_reported_and_the_others_still_go_in(store, corpus):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    report = ingest(corpus, store)
    assert {o.name: o.status for o in report.outcomes} == {
        "empty.txt": "failed",
        "image.txt": "failed",
        "report.txt": "new",
    }
    assert [o.reason for o in report.failures] == [
        "the file is empty (nothing to read)",
        "binary file, not text (check that the file is what its name says)",
    ]
    assert report.counts == {"read": 3, "new": 1, "unchanged": 0, "changed": 0, "duplicate": 0, "failed": 2}


def test_without_extraction_documents_are_stored_without_facts(store, corpus):
    outcome = ingest(corpus, store, extract=False).outcomes[0]
    assert outcome.status == "new"
    assert facts_of(store, outcome.document_id) == (0, 0, 0)


def test_count_inputs_walks_directories_like_the_reader(corpus):
    (corpus / ".hidden.txt").write_text("x", encoding="utf-8")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "b.md").write_text("# 标题", encoding="utf-8")
    assert count_inputs([corpus, corpus / "report.txt"]) == 3


# -- the shared seeds and the example corpus ------------------------------------------


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    from tests.conftest import EXAMPLES, SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"the shared seed articles are not next to the repository ({SEEDS})")
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.db'}")
    ingest_paths([SEEDS, EXAMPLES], store)
    yield store
    store.close()


def paragraphs(body: str, shortest: int = 20) -> list[str]:
    return [p.strip() for p in re.split(r"\n+", body) if len(p.strip()) >= shortest]


def test_a_body_the_page_repeats_is_stored_once(seeds_store):
    body = seeds_store.get_document("001_1cf9912e500972bc.txt").body
    kept = paragraphs(body)
    assert kept and len(kept) == len(set(kept))
    assert body.count(kept[0]) == 1


def test_a_traditional_script_article_is_recognised(seeds_store):
    assert seeds_store.get_document("003_300df59450ee1900.txt").script == "Hant"
    assert seeds_store.get_document("000_7216f30cd03e4256.txt").script == "Hans"
