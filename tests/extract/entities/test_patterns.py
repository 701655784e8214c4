"""Every entity candidate pattern of patterns.yaml and programme_patterns.yaml against
its own example sentences, run through the whole entity stage."""

from __future__ import annotations

import pytest

from innoatlas.extract.entities.patterns import entity_patterns
from innoatlas.extract.patterns import cached_pattern_file
from tests.extract.entities.extracted import typed


def all_patterns():
    programmes = cached_pattern_file("innoatlas.extract.entities", "programme_patterns.yaml")
    return {**entity_patterns(), **programmes}


EXAMPLES = [
    pytest.param(example, id=f"{name}-{i}")
    for name, pattern in all_patterns().items()
    for i, example in enumerate(pattern.examples)
]


def typed_names(body: str) -> set[tuple[str, str]]:
    return set(typed(body))


@pytest.mark.parametrize("example", EXAMPLES)
def test_pattern_example(example):
    name, _, etype = example.expect or example.absent
    found = typed_names(example.text)
    if example.expect:
        assert (name, etype) in found, sorted(found)
    else:
        assert (name, etype) not in found


def test_every_pattern_has_a_positive_and_a_negative_example():
    for name, pattern in all_patterns().items():
        assert pattern.predicate is None, name
        assert any(e.expect for e in pattern.examples) and any(e.absent for e in pattern.examples), name
