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


@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        ("十余名院士和联想、小米、华为等企业代表出席江川论坛。", "十余名院士", "华为"),
        ("专家和星湖科技、蓝湖新材等企业负责人座谈。", "专家", "星湖科技"),
        ("20位学者及江川电子、白沙智能等30余家企业参加对接。", "20位学者", "白沙智能"),
    ],
)
def test_people_joined_to_a_list_of_firms_are_none_of_them(body, absent, present):
    found = names(body)
    assert absent not in found and present in found


def test_a_firm_joined_to_a_list_by_and_stays_a_firm():
    found = names("星湖科技和江川电子、蓝湖新材等企业参加会议。")
    assert {"星湖科技", "江川电子", "蓝湖新材"} <= found
