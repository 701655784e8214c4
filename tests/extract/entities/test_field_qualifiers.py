"""An adjective inside a body's name, between a proper name and the field the body works on."""

from __future__ import annotations

import pytest

from tests.extract.entities.extracted import typed


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # the nation's centre named by its field and its city
        ("国家高速列车青川技术创新中心近日通过验收。", "国家高速列车青川技术创新中心"),
        # a province's centre whose field opens with a grade word
        ("江川省高端远洋渔船技术创新中心正式揭牌。", "江川省高端远洋渔船技术创新中心"),
        # a university's laboratory named by a region and a qualified field
        ("青川大学中原关键金属实验室发布了新成果。", "青川大学中原关键金属实验室"),
        # a national designation conferred on a zone's area stays in its name
        ("蓝湖新区国家级车联网先导区建设提速。", "蓝湖新区国家级车联网先导区"),
    ],
)
def test_the_qualified_field_stays_in_the_name(body, name):
    assert name in [n for n, _ in typed(body)]


@pytest.mark.parametrize(
    ("body", "described"),
    [
        # a province's level describes the laboratory, it is no part of a name
        ("江川省级实验室达到12家。", "江川省级实验室"),
        # 重要 judges the base; the text names none
        ("江川国家重要商品粮生产基地地位稳固。", "江川国家重要商品粮生产基地"),
    ],
)
def test_a_level_or_judgement_is_no_part_of_a_name(body, described):
    assert described not in [n for n, _ in typed(body)]
