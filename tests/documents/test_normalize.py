"""Normalisation and the map from normalised offsets back to the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from innoatlas.documents import document_from_text
from innoatlas.documents.normalize import (
    align_offsets,
    detect_script,
    normalize_line,
    normalize_pieces,
)
from innoatlas.text import normalize_text

# Characters the strategies draw from: simplified and traditional Chinese,
# full-width forms, radical look-alikes, zero-width characters, ellipses and
# circled numbers (which NFKC makes longer), ASCII and white space.
ALPHABET = list("两江新区兩江新區创新創新产业產業链鏈重庆重慶科学城學數据，。、；：“”（）%亿元億家个")
ALPHABET += list("０１２３４５６７８９ＡＢｃｄ　") + [
    "\u2ec4",
    "\u2ed3",
    "\u2f00",
    "\u200b",
    "\ufeff",
    "…",
    "①",
    "㎡",
    "ﬁ",
]
ALPHABET += list("abc123 .-")
TEXT = st.text(alphabet=ALPHABET, min_size=0, max_size=60)


def test_folds_width_script_radicals_and_zero_width():
    assert normalize_text("兩江新區⻄部，２０２４年\u200b營收１２３億元") == "两江新区西部,2024年营收123亿元"


def test_the_old_form_of_narrow_typed_for_shaanxi_is_shaanxi():
    # 陜 (old 狹) stands for 陝 in traditional-script pages; OpenCC leaves it alone
    assert normalize_text("陜西高新技術企業數量") == "陕西高新技术企业数量"


def test_kangxi_radical_folds_by_nfkc_and_supplement_by_table():
    assert normalize_text("\u2f00\u2f08") == "一人"  # Kangxi radicals ONE, MAN
    assert normalize_text("\u2ec4\u2ed3\u2ed4\u2ecb") == "西长门车"  # CJK radicals supplement


def test_white_space_and_line_breaks_are_kept():
    assert normalize_text("第一行\n\u3000第二行  ") == "第一行\n 第二行  "


def test_expanding_character_maps_every_output_to_its_source():
    norm, offsets = normalize_line("增长…①", [10, 11, 12, 13])
    assert norm == "增长...1"
    assert offsets == [10, 11, 12, 12, 12, 13]


def test_zero_width_character_leaves_no_trace():
    norm, offsets = normalize_line("两\u200b江", [0, 1, 2])
    assert (norm, offsets) == ("两江", [0, 2])


def test_align_offsets_when_a_rewrite_changes_length():
    # as if a phrase conversion had turned two characters into one
    assert align_offsets("ab之乎cd", "ab乎cd", [0, 1, 2, 3, 4, 5]) == [0, 1, 3, 4, 5]
    assert align_offsets("ab乎cd", "ab之乎cd", [0, 1, 2, 3, 4]) == [0, 1, 2, 2, 3, 4]


def test_document_map_points_into_the_original_text():
    doc = document_from_text("首页 > 新闻\n兩江協同創新區新增研發機構１２家。\n")
    assert doc.norm == "两江协同创新区新增研发机构12家。"
    a, b = doc.original_span(doc.norm.index("12家"), doc.norm.index("12家") + 3)
    assert doc.original[a:b] == "１２家"
    assert len(doc.norm_to_original) == len(doc.norm) + 1


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_map_is_monotonic_and_in_range(text):
    norm, offsets = normalize_line(text, list(range(len(text))))
    assert len(offsets) == len(norm)
    assert offsets == sorted(offsets)
    assert all(0 <= o < len(text) for o in offsets)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_any_normalised_span_maps_back_to_a_span_normalising_to_it(text, data):
    norm, offsets = normalize_line(text, list(range(len(text))))
    if not norm:
        return
    start = data.draw(st.integers(0, len(norm) - 1))
    end = data.draw(st.integers(start + 1, len(norm)))
    o_start, o_end = offsets[start], offsets[end - 1] + 1
    back = normalize_text(text[o_start:o_end])
    if all(len(normalize_text(c)) == 1 for c in text):  # length-preserving: exact
        assert back == norm[start:end]
    else:  # an expansion cut in the middle still maps inside its source character
        assert norm[start:end] in back


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=5))
def test_pieces_map_is_monotonic_and_ends_at_the_body_end(lines):
    original = "\n".join(lines)
    pieces, pos = [], 0
    for line in lines:
        if line:
            pieces.append((pos, pos + len(line)))
        pos += len(line) + 1
    body, norm, mapping = normalize_pieces(original, pieces)
    assert body == "\n".join(original[a:b] for a, b in pieces)
    assert len(mapping) == len(norm) + 1
    assert mapping == sorted(mapping)
    assert mapping[-1] == (pieces[-1][1] if pieces else 0)


def test_script_detection():
    assert detect_script("兩江新區持續壯大創新動能，推動產業轉型升級") == "Hant"
    assert detect_script("两江新区持续壮大创新动能，推动产业转型升级") == "Hans"
    assert detect_script("ABC 123") == "Hans"


def test_mixed_text_with_a_few_traditional_words_is_hans():
    text = "两江新区软件和信息服务业发展迅速，去年主营业务收入增长两成，园区企业把这类产品称为“軟體”，与台湾同行合作日益密切。"
    assert detect_script(text) == "Hans"
    assert (
        detect_script(
            text.replace("两江新区", "兩江新區")
            .replace("发展", "發展")
            .replace("业务", "業務")
            .replace("园区", "園區")
        )
        == "Hant"
    )


def test_pinyin_glosses_leave_the_normalised_text_and_stay_in_the_original():
    doc = document_from_text("济南高新区(qū)新增规(guī)上企业(yè)20家,GDP(国内生产总值)增长(5%)。")
    assert doc.norm == "济南高新区新增规上企业20家,GDP(国内生产总值)增长(5%)。"
    start = doc.norm.index("济南高新区")
    assert doc.original_text(start, start + len("济南高新区")) == "济南高新区(qū)"
    start = doc.norm.index("规上企业")
    assert doc.original_text(start, start + len("规上企业")) == "规(guī)上企业(yè)"


def test_a_bracketed_latin_word_without_tone_marks_is_no_gloss():
    assert normalize_line("华为(huawei)", list(range(10)))[0] == "华为(huawei)"


def test_an_indent_lost_to_question_marks_reads_as_white_space():
    # two full-width spaces of indentation that a wrong charset saved as question marks
    doc = document_from_text(
        "江川新闻\n??江川省储能产业不断壮大。\n？？星湖县位于江川省北部。\n问题在哪??答案在此。"
    )
    lines = doc.norm.split("\n")
    assert "  江川省储能产业不断壮大。" in lines
    assert "  星湖县位于江川省北部。" in lines
    assert "问题在哪??答案在此。" in lines  # marks inside a line are the text's own
    start = doc.norm.index("江川省储能")
    assert doc.original_text(start, start + 3) == "江川省"


def test_a_single_question_mark_at_a_line_start_stays():
    assert normalize_line("?江川", list(range(3)))[0] == "?江川"
