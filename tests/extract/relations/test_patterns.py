"""Every relation pattern of patterns.yaml against its own example sentences,
run through the whole extraction (entities, then relations)."""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.relations import extract_relations
from innoatlas.extract.relations.sentences import relation_patterns
from innoatlas.extract.tokens import tag_text

EXAMPLES = [
    pytest.param(example, id=f"{pattern.name}-{i}")
    for pattern in relation_patterns().values()
    for i, example in enumerate(pattern.examples)
]


def triples(body: str) -> set[tuple[str, str, str]]:
    doc = document_from_text("测试新闻标题\n" + body + "\n", published="2024-06-01")
    tokens = tag_text(doc.norm)
    return {
        (r.subject, r.predicate, r.object)
        for r in extract_relations(doc, tokens, extract_entities(doc, tokens))
    }


@pytest.mark.parametrize("example", EXAMPLES)
def test_pattern_example(example):
    found = triples(example.text)
    if example.expect:
        assert example.expect in found, f"{example.expect} not in {sorted(found)}"
    else:
        assert example.absent not in found


def test_every_pattern_has_a_positive_and_a_negative_example():
    for pattern in relation_patterns().values():
        assert any(e.expect for e in pattern.examples), pattern.name
        assert any(e.absent for e in pattern.examples), pattern.name


def test_every_predicate_a_pattern_states_is_exemplified():
    for pattern in relation_patterns().values():
        if pattern.predicate:
            assert any(e.expect and e.expect[1] == pattern.predicate for e in pattern.examples)
