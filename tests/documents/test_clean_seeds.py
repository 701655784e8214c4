"""The documents stage on the real seed and dev articles (read at test time).

Every gold quote and entity name must survive cleaning and normalisation;
page footers, adverts and navigation must not; the publication date must be
the gold one.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path

import pytest

from innoatlas.documents import prepare_document, read_paths
from innoatlas.text import normalize_text

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SETS = {
    "seeds": (SHARED / "seeds", SHARED / "eval" / "gold"),
    "dev2": (SHARED / "eval" / "dev2" / "docs", SHARED / "eval" / "dev2" / "gold"),
}

pytestmark = pytest.mark.skipif(
    not (SHARED / "seeds").is_dir(),
    reason=f"the shared seed articles are not next to the repository ({SHARED})",
)


@cache
def scorer_fold():
    """The scorer's own folding (score.py), so the test checks what it checks."""
    sys.path.insert(0, str(SHARED / "eval"))
    try:
        from score import fold
    finally:
        sys.path.pop(0)
    return fold


@cache
def prepared(set_name: str) -> dict:
    docs_dir, _ = SETS[set_name]
    return {raw.name: prepare_document(raw) for raw in read_paths([docs_dir])}


def gold_files(set_name: str) -> list[Path]:
    return sorted(SETS[set_name][1].glob("*.gold.json"))


def gold_params():
    return [pytest.param(s, f, id=f"{s}-{f.name.split('.')[0]}") for s in SETS for f in gold_files(s)]


@pytest.mark.parametrize(("set_name", "gold_file"), gold_params())
def test_gold_quotes_and_names_survive(set_name, gold_file):
    fold = scorer_fold()
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    doc = prepared(set_name)[gold["doc"]]
    body = fold(doc.body)  # the kept text as written (the normalised text drops pinyin glosses)
    wanted = [("quote", i["quote"]) for i in gold["indicators"]] + [
        ("name", e["name"]) for e in gold["entities"]
    ]
    lost = [f"{kind} {text!r}" for kind, text in wanted if fold(text) not in body]
    assert lost == []


@pytest.mark.parametrize(("set_name", "gold_file"), gold_params())
def test_published_equals_gold(set_name, gold_file):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    doc = prepared(set_name)[gold["doc"]]
    assert doc.published.as_text() == gold["published"]


def body_lines(doc) -> list[str]:
    return [line for line in doc.body.split("\n") if line.strip()]


def original_index(doc, pattern: str) -> int:
    m = re.search(pattern, doc.original)
    assert m, pattern
    return m.start()


def seed(prefix: str):
    return next(d for name, d in prepared("seeds").items() if name.startswith(prefix))


def assert_nothing_after(doc, offset: int) -> None:
    """No kept piece of the body comes from the original at or after `offset`."""
    assert doc.norm_to_original[-1] <= offset


def test_seed_000_footer_removed():
    doc = seed("000")
    assert_nothing_after(doc, original_index(doc, "友情链接"))
    for furniture in ("ICP备", "公网安备", "版权所有", "资料来源", ".jpg", "图片\n"):
        assert furniture not in doc.body
    assert not any(re.fullmatch(r"▲.{1,6}\s*(摄|供图)", line) for line in body_lines(doc))


def test_seed_001_second_copy_and_footer_removed():
    doc = seed("001")
    lines = body_lines(doc)
    long_lines = [line for line in lines if len(line) >= 20]
    assert len(long_lines) == len(set(long_lines))
    assert_nothing_after(doc, original_index(doc, "无障碍"))
    for furniture in ("责任编辑", "二维码", "新浪微博", "来源:"):
        assert furniture not in doc.body


def test_seed_002_forum_furniture_removed():
    doc = seed("002")
    assert "http" not in doc.body
    assert "论坛" not in doc.body
    assert "查看完整版本" not in doc.body
    assert not any(" » " in line or re.search(r"\d{4}/\d{1,2}/\d{1,2}", line) for line in body_lines(doc))
    assert doc.published.as_text() is None


def test_seed_003_is_traditional_and_teasers_removed():
    doc = seed("003")
    assert doc.script == "Hant"
    assert_nothing_after(doc, original_index(doc, "責編"))
    assert "分享" not in doc.body
    assert ">>" not in doc.body


def test_seed_simplified_articles_are_hans():
    assert [d.script for name, d in sorted(prepared("seeds").items()) if not name.startswith("003")] == [
        "Hans"
    ] * 4


def test_every_normalised_character_maps_to_its_source_character():
    for doc in prepared("seeds").values():
        for i, ch in enumerate(doc.norm):
            if ch != "\n":
                assert ch in normalize_text(doc.original[doc.norm_to_original[i]]), (doc.name, i, ch)
