"""The reader's pieces: spans of the norm text shown as the original text."""

from __future__ import annotations

from innoatlas.web.highlight import Piece, cut_pieces

ZONE = {"id": 1, "name": "测试新区", "type": "zone"}


def view(original: str, norm: str, to_original: list[int], mentions=(), indicators=()) -> dict:
    return {
        "original": original,
        "norm": norm,
        "norm_to_original": to_original,
        "mentions": list(mentions),
        "indicators": list(indicators),
    }


def test_traditional_original_is_shown_with_spans_from_norm():
    original = "首页 新闻\n測試新區建成研發平臺３０余個。"
    norm = "测试新区建成研发平台30余个。"
    start = original.index("測")
    doc = view(
        original,
        norm,
        [start + i for i in range(len(norm) + 1)],
        mentions=[{"start": 0, "end": 4, "entity": ZONE}],
        indicators=[{"id": 9, "start": 4, "end": 14}],
    )
    assert cut_pieces(doc) == [
        Piece("測試新區", entity=ZONE),
        Piece("建成研發平臺３０余個", indicator=9),
        Piece("。"),
    ]


def test_dropped_text_is_not_shown_but_its_line_break_is():
    original = "园区甲建成平台。【广告\n点击】园区乙入驻企业"
    norm = "园区甲建成平台。园区乙入驻企业"
    gap = original.index("园区乙")
    to_original = list(range(8)) + [gap + i for i in range(len(norm) - 8 + 1)]
    assert (
        "".join(p.text for p in cut_pieces(view(original, norm, to_original)))
        == "园区甲建成平台。\n园区乙入驻企业"
    )


def test_entity_inside_a_figure_keeps_both():
    norm = "测试新区产值增长12%"
    doc = view(
        norm,
        norm,
        list(range(len(norm) + 1)),
        mentions=[{"start": 0, "end": 4, "entity": ZONE}],
        indicators=[{"id": 3, "start": 0, "end": len(norm)}],
    )
    assert cut_pieces(doc) == [Piece("测试新区", entity=ZONE, indicator=3), Piece("产值增长12%", indicator=3)]


def test_one_original_character_folded_to_two_is_shown_once():
    original = "面积3㎡"
    norm = "面积3m2"
    doc = view(original, norm, [0, 1, 2, 3, 3, 4], indicators=[{"id": 1, "start": 2, "end": 5}])
    assert cut_pieces(doc) == [Piece("面积"), Piece("3㎡", indicator=1)]


def test_spans_outside_the_text_are_ignored():
    norm = "测试新区"
    doc = view(norm, norm, list(range(5)), mentions=[{"start": 2, "end": 40, "entity": ZONE}])
    assert cut_pieces(doc) == [Piece("测试新区")]


def test_unusable_map_shows_the_norm_text():
    doc = view("別的文字", "测试新区", [0, 1], mentions=[{"start": 0, "end": 4, "entity": ZONE}])
    assert cut_pieces(doc) == [Piece("测试新区", entity=ZONE)]
