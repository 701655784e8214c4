"""The write path: one transaction per document, replacement, entities, duplicates."""

from __future__ import annotations

import pytest

from innoatlas.documents import prepare_document
from innoatlas.documents.model import RawDocument
from innoatlas.errors import StoreError
from innoatlas.extract.model import EntityMention, Extraction, IndicatorRecord, RelationRecord
from innoatlas.pipeline import NamedEntity, NameResolution
from innoatlas.store import DocumentWrite, Facts
from innoatlas.store.schema import Relation

TEXT_A = (
    "新城科技园近日与江川大学签署战略合作协议，双方将共建智能制造研究院。\n"
    "截至今年6月，新城科技园已集聚高新技术企业120余家，较去年增长15%。\n"
)
TEXT_B = "江川大学宣布在新城科技园设立分校区，首期投入资金3亿元。\n"


def make_doc(text: str, source: str = "news/a.txt"):
    return prepare_document(
        RawDocument(source=source, name=source.rsplit("/", 1)[-1], text=text, format="txt")
    )


def mention(doc, name: str, type_: str) -> EntityMention:
    start = doc.norm.index(name)
    return EntityMention(name=name, norm_name=name, type=type_, start=start, end=start + len(name))


def facts_of_a(doc) -> Facts:
    park, university = mention(doc, "新城科技园", "zone"), mention(doc, "江川大学", "university")
    quote = "新城科技园已集聚高新技术企业120余家"
    start = doc.norm.index(quote)
    indicator = IndicatorRecord(
        quote=quote,
        start=start,
        end=start + len(quote),
        value=120,
        unit="家",
        value_base=120,
        base_unit="家",
        approx="over",
        metric="高新技术企业数量",
        metric_key="high_tech_enterprises",
        subject="新城科技园",
        period="2026-06",
    )
    rel_quote = "新城科技园近日与江川大学签署战略合作协议"
    relation = RelationRecord(
        subject="新城科技园",
        predicate="cooperates_with",
        object="江川大学",
        quote=rel_quote,
        start=doc.norm.index(rel_quote),
        end=doc.norm.index(rel_quote) + len(rel_quote),
    )
    extraction = Extraction(entities=[park, university], indicators=[indicator], relations=[relation])
    resolution = NameResolution(
        entities={
            "新城科技园": NamedEntity("新城科技园", "新城科技园", "zone", ["新城园区"], region_key="江川市"),
            "江川大学": NamedEntity("江川大学", "江川大学", "university", []),
            "江川市": NamedEntity("江川市", "江川市", "region", [], code="500000"),
        },
        mention_keys=["新城科技园", "江川大学"],
        relations=[("新城科技园", "located_in", "江川市", "gazetteer")],
    )
    return Facts(extraction, resolution)


def facts_of_b(doc) -> Facts:
    university, park = mention(doc, "江川大学", "university"), mention(doc, "新城科技园", "zone")
    resolution = NameResolution(
        entities={
            "江川大学": NamedEntity("江川大学", "江川大学", "university", ["江大"]),
            "新城科技园": NamedEntity(
                "新城科技园", "新城科技园", "zone", ["新城科技园区"], region_key="江川市"
            ),
            "江川市": NamedEntity("江川市", "江川市", "region", []),
        },
        mention_keys=["江川大学", "新城科技园"],
        relations=[("新城科技园", "located_in", "江川市", "gazetteer")],
    )
    return Facts(Extraction(entities=[university, park]), resolution)


FACT_TABLES = ("documents", "entities", "aliases", "mentions", "indicators", "relations")


def counts(store) -> dict[str, int]:
    """Rows of the tables a document write fills (others, such as users, are not its business)."""
    tables = store.dump_tables()
    return {table: len(tables[table]) for table in FACT_TABLES}


def test_a_document_is_written_with_its_facts(store):
    doc = make_doc(TEXT_A)
    document_id = store.write_document(DocumentWrite(doc, facts_of_a(doc)))
    assert counts(store) == {
        "documents": 1,
        "entities": 3,
        "aliases": 4,
        "mentions": 2,
        "indicators": 1,
        "relations": 2,
    }
    profile = store.entity_profile("新城科技园")
    assert (profile.type, profile.region, profile.aliases) == ("zone", "江川市", ["新城园区"])
    assert [(r.predicate, r.object, r.document, r.origin) for r in profile.relations] == [
        ("cooperates_with", "江川大学", doc.title, "text"),  # the document by its title
        ("located_in", "江川市", None, "gazetteer"),
    ]
    assert [(i.value, i.approx, i.period) for i in profile.indicators] == [(120.0, "over", "2026-06")]
    view = store.get_document(document_id)
    assert (view.mentions, view.indicators, view.relations) == (2, 1, 1)


def test_entities_are_shared_and_aliases_merged_across_documents(store):
    doc_a, doc_b = make_doc(TEXT_A), make_doc(TEXT_B, "news/b.txt")
    store.write_document(DocumentWrite(doc_a, facts_of_a(doc_a)))
    store.write_document(DocumentWrite(doc_b, facts_of_b(doc_b)))
    tables = store.dump_tables()
    assert sorted(row[1] for row in tables["entities"]) == ["新城科技园", "江川大学", "江川市"]
    assert store.entity_profile("江川大学").aliases == ["江大"]
    assert store.entity_profile("新城科技园").aliases == ["新城园区", "新城科技园区"]
    assert store.entity_profile("江川市").code == "500000"
    origin = [c.name for c in Relation.__table__.columns].index("origin")
    gazetteer = [row for row in tables["relations"] if row[origin] == "gazetteer"]
    assert len(gazetteer) == 1 and gazetteer[0][1] is None  # stored once, with no document
    assert store.entity_profile("江川大学").documents == [(doc_a.title, 1), (doc_b.title, 1)]
    assert doc_a.title.startswith("新城科技园近日") and doc_b.title.startswith("江川大学宣布")


def test_rewriting_a_source_replaces_its_old_facts(store):
    doc = make_doc(TEXT_A)
    first_id = store.write_document(DocumentWrite(doc, facts_of_a(doc)))
    changed = make_doc(TEXT_B, "news/a.txt")
    second_id = store.write_document(DocumentWrite(changed, facts_of_b(changed)))
    assert second_id == first_id
    assert counts(store)["documents"] == 1
    view = store.get_document(first_id)
    assert (view.body, view.mentions, view.indicators, view.relations) == (changed.body, 2, 0, 0)


def test_a_failure_inside_the_transaction_leaves_nothing(store):
    doc = make_doc(TEXT_A)
    facts = facts_of_a(doc)
    facts.extraction.indicators[0].unit = None  # NOT NULL: fails after the document row was written
    with pytest.raises(StoreError) as caught:
        store.write_document(DocumentWrite(doc, facts))
    assert str(caught.value).startswith(f"cannot write to {store.url}: ")
    assert counts(store) == {
        t: 0 for t in ("documents", "entities", "aliases", "mentions", "indicators", "relations")
    }


def test_a_failed_replacement_keeps_the_old_version(store):
    doc = make_doc(TEXT_A)
    store.write_document(DocumentWrite(doc, facts_of_a(doc)))
    before = store.dump_tables()
    changed = make_doc(TEXT_A + "新城科技园今年新增专利授权300件。\n")
    facts = facts_of_a(changed)
    facts.extraction.indicators[0].unit = None
    with pytest.raises(StoreError):
        store.write_document(DocumentWrite(changed, facts))
    assert store.dump_tables() == before


def test_a_duplicate_is_linked_to_its_original_and_its_facts_are_not_stored(store):
    doc = make_doc(TEXT_A)
    original_id = store.write_document(DocumentWrite(doc, facts_of_a(doc), minhash=b"sig"))
    repost = make_doc(TEXT_A, "mirror/a-repost.txt")
    assert store.find_exact_duplicate(repost.content_hash, repost.source) == original_id
    repost_id = store.write_document(
        DocumentWrite(repost, facts_of_a(repost), duplicate_of_id=original_id, duplicate_kind="exact")
    )
    assert counts(store)["mentions"] == 2 and counts(store)["indicators"] == 1
    view = store.get_document(repost_id)
    assert (view.duplicate_of_id, view.duplicate_kind, view.duplicate_of_title) == (
        original_id,
        "exact",
        doc.title,  # the original by its title
    )
    assert list(store.load_signatures()) == [(original_id, doc.content_hash, b"sig")]
    assert store.find_exact_duplicate(doc.content_hash, doc.source) is None  # itself is not a duplicate


def test_overlong_strings_are_cut_to_their_column(store):
    doc = make_doc(TEXT_B)
    doc.outlet = "新城日报" * 100
    document_id = store.write_document(DocumentWrite(doc))
    assert store.get_document(document_id).outlet == ("新城日报" * 100)[:200]
