"""The place a body's name opens with, read off the division list."""

from __future__ import annotations

from innoatlas.lexicon.divisions import division_names
from innoatlas.lexicon.prefixes import leading_name


def test_the_longest_known_place_wins():
    # 重庆 is the short name, 重庆市 the full one: the bureau's name opens with the full one
    assert leading_name("重庆市科学技术局", division_names(), 12) == "重庆市"
    assert leading_name("江津区经济和信息化委员会", division_names(), 12) == "江津区"


def test_a_name_that_opens_with_no_place_has_none():
    assert leading_name("科学技术局", division_names(), 12) is None


def test_the_place_leaves_the_rest_of_the_name():
    # a name that is only a place opens with its short form when one character must follow
    assert leading_name("重庆市", division_names(), 12) == "重庆"
    assert leading_name("重庆市", division_names(), 12, keep=0) == "重庆市"


def test_the_longest_place_read_is_bounded():
    county = "积石山保安族东乡族撒拉族自治县"  # 15 characters, the longest division name
    assert leading_name(county + "人民政府", division_names(), 15) == county
    assert leading_name(county + "人民政府", division_names(), 12) != county


def test_a_test_of_one_name_stands_for_a_list():
    def is_city(name: str) -> bool:
        return name.endswith("市") and name in division_names()

    assert leading_name("重庆市江津区科学技术局", is_city, 12) == "重庆市"
