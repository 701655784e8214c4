"""Basic reads: document list and view, counts, entity look-up by any written form."""

from __future__ import annotations

import pytest

from innoatlas.store import DocumentWrite, NotFoundError
from tests.store.test_write import TEXT_A, TEXT_B, facts_of_a, facts_of_b, make_doc


@pytest.fixture
def filled(store):
    doc_a, doc_b = make_doc(TEXT_A), make_doc(TEXT_B, "news/b.txt")
    a_id = store.write_document(DocumentWrite(doc_a, facts_of_a(doc_a)))
    store.write_document(DocumentWrite(doc_b, facts_of_b(doc_b)))
    store.write_document(
        DocumentWrite(make_doc(TEXT_A, "copy/a.txt"), duplicate_of_id=a_id, duplicate_kind="exact")
    )
    return store


def test_list_documents_in_ingest_order(filled):
    rows = filled.list_documents()
    assert [(r.id, r.name, r.duplicate_of_id, r.duplicate_kind) for r in rows] == [
        (1, "a.txt", None, None),
        (2, "b.txt", None, None),
        (3, "a.txt", 1, "exact"),
    ]


def test_get_document_by_id_name_or_source(filled):
    assert filled.get_document("2").name == "b.txt"
    assert filled.get_document("b.txt").id == 2
    assert filled.get_document("copy/a.txt").id == 3
    assert filled.get_document("a.txt").id == 1  # a shared name: the first stored


def test_unknown_document_is_a_not_found_error(filled):
    with pytest.raises(NotFoundError) as caught:
        filled.get_document("missing.txt")
    assert (
        str(caught.value)
        == "no document 'missing.txt' in the knowledge base (list them with: innoatlas docs)"
    )


def test_a_superscript_digit_is_no_document_id(filled):
    # '¹'.isdigit() holds but int('¹') fails: innoatlas docs ¹ printed a traceback.
    with pytest.raises(NotFoundError, match="no document '¹'"):
        filled.get_document("¹")


def test_stats_count_originals_duplicates_and_facts(filled):
    s = filled.stats()
    assert (s.documents, s.originals, s.duplicates) == (3, 2, {"exact": 1})
    assert s.entities == {"region": 1, "university": 1, "zone": 1}
    assert (s.mentions, s.indicators, s.relations) == (4, 1, {"gazetteer": 1, "text": 1})
    assert s.characters == len(make_doc(TEXT_A).body) + len(make_doc(TEXT_B).body)


def test_entity_found_by_alias_in_traditional_script_and_full_width(filled):
    assert filled.entity_profile("新城園區").name == "新城科技园"
    assert filled.entity_profile(" 江大 ").name == "江川大学"


def test_entity_profile_lists_what_it_contains(filled):
    assert filled.entity_profile("江川市").children == ["新城科技园"]


def test_unknown_entity_is_a_not_found_error(filled):
    with pytest.raises(NotFoundError) as caught:
        filled.entity_profile("不存在的机构")
    assert (
        str(caught.value)
        == "no entity '不存在的机构' in the knowledge base (ingest documents that mention it first)"
    )
