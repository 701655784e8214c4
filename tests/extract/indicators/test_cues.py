"""Every subject and period cue of cues.yaml against its own example texts, run
through the whole extraction (the first line of a text is its headline)."""

from __future__ import annotations

import re

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract import extract_document
from innoatlas.extract.indicators.cues import indicator_cues
from innoatlas.extract.indicators.numbers import parse_chinese

PUBLISHED = "2024-08-27"
DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2} ", re.M)
EXAMPLES = [
    pytest.param(example, id=f"{name}-{i}")
    for name, pattern in indicator_cues().items()
    for i, example in enumerate(pattern.examples)
]


def field_of(text: str, value: str, field: str) -> str | None:
    """The field of the figure of `value` (digits, or a numeral as written: 两, 二十)."""
    dated = DATE_LINE.search(text) is not None
    doc = document_from_text(text + "\n", published=None if dated else PUBLISHED)
    number = float(value) if re.fullmatch(r"-?[\d.]+", value) else parse_chinese(value)
    records = [r for r in extract_document(doc).indicators if r.value == number]
    if field == "figure":  # [value, figure, none]: the number is no figure at all
        assert value.lstrip("-") in text, f"{value} is not written in {text!r}"  # else none holds trivially
        return "yes" if records else "none"
    assert records, f"no figure {value} in {text!r}"
    return getattr(records[0], field)


@pytest.mark.parametrize("example", EXAMPLES)
def test_cue_example(example):
    value, field, answer = example.expect or example.absent
    found = field_of(example.text, value, field)
    if example.expect:
        assert found == answer
    else:
        assert found != answer


def test_every_cue_has_a_positive_and_a_negative_example():
    for name, pattern in indicator_cues().items():
        assert pattern.predicate is None, name
        assert any(e.expect for e in pattern.examples) and any(e.absent for e in pattern.examples), name
