"""Property-based tests (hypothesis) of the offset map of documents/normalize.py.

Extraction runs on the normalised text; every span it finds is shown and
quoted from the original through Document.norm_to_original. Over texts
mixing simplified and traditional script, full-width forms, radical
look-alikes, zero-width and control characters: the map has one entry per
normalised character (plus the end), never goes backwards, and a
normalised span maps back to an original span whose own folding is exactly
that normalised span.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from innoatlas.documents import document_from_text
from innoatlas.documents.normalize import normalize_pieces
from innoatlas.text import normalize_text

ALPHABET = (
    "两江新区协同创新科技园研发投入亿元家个"  # simplified
    "兩區創園業開發經濟學術臺灣產鏈資"  # traditional, each with one simplified form
    "０１２３４５ＡＢｃ％，。（）"  # full width
    "\u3000 \t"  # ideographic space, space, tab
    "\u2ec4\u2f00\u2f08"  # radical look-alikes: ⻄ for 西, Kangxi ⼀ and ⼈
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero width
    "\x01\x07\x1b\x7f\x85"  # control
    "㎡℃①"  # compatibility forms that fold to several characters
    "abc123.%-"
)
LINES = st.text(alphabet=ALPHABET, max_size=60)
SETTINGS = settings(max_examples=300, deadline=None)


def one_line(text: str) -> tuple[str, list[int]]:
    _, norm, mapping = normalize_pieces(text, [(0, len(text))] if text else [])
    return norm, mapping


def boundaries(mapping: list[int]) -> list[int]:
    """Normalised offsets where a new original character starts (a span may begin or end there)."""
    return [0] + [i for i in range(1, len(mapping)) if mapping[i] > mapping[i - 1]]


@SETTINGS
@given(LINES)
def test_the_map_has_an_entry_per_character_and_never_goes_back(text):
    norm, mapping = one_line(text)
    assert len(mapping) == len(norm) + 1
    assert all(0 <= m <= len(text) for m in mapping)
    assert all(a <= b for a, b in zip(mapping, mapping[1:], strict=False))
    assert mapping[-1] == len(text)


@SETTINGS
@given(LINES)
def test_the_normalised_line_is_the_folding_of_the_original(text):
    norm, _ = one_line(text)
    assert norm == normalize_text(text)


@SETTINGS
@given(LINES, st.data())
def test_a_normalised_span_maps_back_to_an_original_span_that_folds_to_it(text, data):
    norm, mapping = one_line(text)
    cuts = boundaries(mapping)
    start = data.draw(st.sampled_from(cuts))
    end = data.draw(st.sampled_from([c for c in cuts if c >= start]))
    original = text[mapping[start] : mapping[end]]
    assert normalize_text(original) == norm[start:end]


@SETTINGS
@given(st.lists(LINES, min_size=1, max_size=5))
def test_lines_keep_their_own_map(lines):
    text = "\n".join(lines)
    pieces, offset = [], 0
    for line in lines:
        if line:
            pieces.append((offset, offset + len(line)))
        offset += len(line) + 1
    _, norm, mapping = normalize_pieces(text, pieces)
    norm_lines = norm.split("\n") if pieces else []
    assert norm_lines == [normalize_text(text[a:b]) for a, b in pieces]
    position = 0
    for (a, b), norm_line in zip(pieces, norm_lines, strict=True):  # a line's characters map into it
        assert all(a <= mapping[position + i] < b for i in range(len(norm_line)))
        position += len(norm_line) + 1


def test_a_zero_width_character_inside_a_name_does_not_break_it():
    doc = document_from_text("重庆两江\u200b新区今年新增高新技术企业120家。\n")
    start = doc.norm.index("两江新区")
    assert doc.original[doc.norm_to_original[start] : doc.norm_to_original[start + 4]] == "两江\u200b新区"
