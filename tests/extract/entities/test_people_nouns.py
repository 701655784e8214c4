"""Nouns that name groups of people are no bodies, whatever the tagger says; sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.entities.extracted import typed


def names(body: str) -> set[str]:
    return {name for name, _ in typed(body)}


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("该科技园累计孵化大学生创业企业120家,带动就业3000人。", "大学生"),
        ("孵化器今年为留学生创业项目提供场地40处。", "留学生"),
    ],
)
def test_groups_of_people_are_no_firms(body, absent):
    assert absent not in names(body)


def test_a_body_named_before_its_people_stays():
    assert "华中科技大学" in names("华中科技大学毕业生在光谷创办企业30余家。")
