"""A knowledge base of the seed articles with their gold facts (tests and benchmarks).

The documents go through the real documents stage and the real write path;
the facts are the hand-made gold annotations (shared/eval/gold) turned into
an Extraction, so the web tests assert exact values that do not move when
the extractors change. One extra document carries hostile markup.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from opencc import OpenCC

from innoatlas.documents import prepare_document, read_paths
from innoatlas.documents.model import Document, PublishedDate
from innoatlas.extract.model import EntityMention, Extraction, IndicatorRecord, RelationRecord
from innoatlas.pipeline import NamedEntity, NameResolution
from innoatlas.store import DocumentWrite, Facts, open_store
from innoatlas.store.search_index import rebuild_search_index
from innoatlas.text import fold_name

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"
MULTIPLIERS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
_t2s = OpenCC("t2s.json")

HOSTILE_TEXT = (
    "测试园区发布消息<script>alert(1)</script>。\n"
    '<img src=x onerror="alert(2)">测试园区研发投入增长12%。\n'
    '<a href="javascript:alert(3)">点击这里</a><b onmouseover=alert(4)>测试园区</b>\n'
)


def fold(text: str) -> str:
    return _t2s.convert(unicodedata.normalize("NFKC", text))


def find_all(norm: str, needle: str) -> list[int]:
    found, at = [], norm.find(needle)
    while needle and at >= 0:
        found.append(at)
        at = norm.find(needle, at + len(needle))
    return found


def split_unit(value: float, unit: str) -> tuple[float | None, str]:
    for prefix, factor in MULTIPLIERS.items():
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return value * factor, unit[len(prefix) :]
    return value, unit


def gold_extraction(doc: Document, gold: dict) -> tuple[Extraction, NameResolution]:
    """The gold annotation of `doc` as the extractor's output, with spans found in doc.norm."""
    extraction, resolution = Extraction(), NameResolution()
    for e in gold["entities"]:
        key = fold_name(e["name"])
        named = resolution.entities.setdefault(key, NamedEntity(key, e["name"], e["type"], [e["name"]]))
        for at in find_all(doc.norm, fold(e["name"])):
            end = at + len(fold(e["name"]))
            extraction.entities.append(
                EntityMention(
                    doc.original_text(at, end), fold(e["name"]), e["type"], at, end, extractor="gold"
                )
            )
            resolution.mention_keys.append(named.key)
    for i in gold["indicators"]:
        at = doc.norm.find(fold(i["quote"]))
        if at < 0:
            continue
        base, base_unit = split_unit(float(i["value"]), i["unit"])
        extraction.indicators.append(
            IndicatorRecord(
                i["quote"],
                at,
                at + len(fold(i["quote"])),
                float(i["value"]),
                i["unit"],
                base,
                base_unit,
                i["approx"],
                i["kind"],
                i["metric"],
                None,
                i["subject"],
                i["period"],
            )
        )
    for r in gold.get("relations", []):
        at = max(doc.norm.find(fold(r["quote"])), 0)
        extraction.relations.append(
            RelationRecord(
                r["subject"], r["predicate"], r["object"], r["quote"], at, at + len(fold(r["quote"]))
            )
        )
        link_hierarchy(resolution, r)
    return extraction, resolution


def link_hierarchy(resolution: NameResolution, relation: dict) -> None:
    subject = resolution.entities.get(fold_name(relation["subject"]))
    if subject is None:
        return
    if relation["predicate"] == "part_of":
        subject.parent_key = fold_name(relation["object"])
    elif relation["predicate"] == "located_in" and subject.region_key is None:
        subject.region_key = fold_name(relation["object"])


def hostile_document() -> tuple[Document, Extraction, NameResolution]:
    norm = fold(HOSTILE_TEXT)
    doc = Document(
        source="hostile.txt",
        name="hostile.txt",
        format="txt",
        original=HOSTILE_TEXT,
        body=HOSTILE_TEXT,
        norm=norm,
        norm_to_original=list(range(len(norm) + 1)),
        title='<img src=x onerror="alert(5)">标题',
        outlet="<script>alert(6)</script>",
        published=PublishedDate(None, "unknown"),
        script="Hans",
        content_hash="hostile",
        url="javascript:alert(7)",
    )
    extraction, resolution = Extraction(), NameResolution()
    resolution.entities["测试园区"] = NamedEntity("测试园区", "测试园区", "zone", ["测试园区"])
    for at in find_all(norm, "测试园区"):
        extraction.entities.append(EntityMention("测试园区", "测试园区", "zone", at, at + 4))
        resolution.mention_keys.append("测试园区")
    quote = "研发投入增长12%"
    at = norm.find(quote)
    extraction.indicators.append(
        IndicatorRecord(
            quote,
            at,
            at + len(quote),
            12.0,
            "%",
            12.0,
            "%",
            "exact",
            "change",
            "研发投入增速",
            None,
            "测试园区",
            "2024",
        )
    )
    return doc, extraction, resolution


def have_gold() -> bool:
    return GOLD.is_dir() and SEEDS.is_dir()


def build_gold_store(url: str, hostile: bool = True):
    """A fresh store at `url` with the seeds and their gold facts (and the hostile document)."""
    store = open_store(url)
    for raw in read_paths([str(SEEDS)]):
        doc = prepare_document(raw)
        gold = json.loads((GOLD / f"{raw.name}.gold.json").read_text(encoding="utf-8"))
        store.write_document(DocumentWrite(doc, facts=Facts(*gold_extraction(doc, gold))))
    if hostile:
        doc, extraction, resolution = hostile_document()
        store.write_document(DocumentWrite(doc, facts=Facts(extraction, resolution)))
    with store.transaction() as session:
        rebuild_search_index(session)
    return store
