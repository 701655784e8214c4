"""Folding, keys and contractions of names."""

from __future__ import annotations

import pytest

from innoatlas.resolve.names import company_stem, contracts, fold, name_key


def test_fold_takes_script_width_radicals_and_spaces_away():
    assert fold("兩江新區") == "两江新区"
    assert fold("西部（重庆）科学城") == "西部(重庆)科学城"
    assert fold("\u2ec4部科学城") == "西部科学城"  # the radical look-alike of 西
    assert fold("重庆华康 制药有限责任公司") == "重庆华康制药有限责任公司"
    assert fold("华宇城•智慧科技园") == fold("华宇城·智慧科技园")


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("拓普集团", "拓普"),
        ("文灿股份", "文灿"),
        ("重庆华康制药有限责任公司", "重庆华康制药"),
        ("锐拓精密科技公司", "锐拓精密"),
        ("中国星网应用公司", "中国星网应用"),
        ("华为技术有限公司", "华为"),
        ("X公司", "X公司"),  # too little left to name a firm
    ],
)
def test_company_stem_drops_the_legal_form(name, stem):
    assert company_stem(name) == stem


def test_keys_fold_company_forms_and_industry_tails_only():
    assert name_key("拓普集团", "enterprise") == name_key("拓普", "enterprise")
    assert name_key("生物医药产业", "industry") == name_key("生物医药", "industry") == "industry:生物医药"
    assert name_key("战略性新兴产业", "industry") == "industry:战略性新兴产业"  # 战略性新兴 is no field
    assert name_key("重庆大学", "university") == "重庆大学"


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("重大", "重庆大学"),
        ("北理工", "北京理工大学"),
        ("中科院", "中国科学院"),
        ("中科院武汉研究中心", "中国科学院武汉研究中心"),
        ("重庆市科技局", "重庆市科学技术局"),
    ],
)
def test_contractions(short, full):
    assert contracts(short, full)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("北京大学", "北京理工大学"),  # another university, not a contraction
        ("重庆大学", "重庆医科大学"),
        ("中国星网", "中国星网应用公司"),  # a parent is not its subsidiary
        ("中科院", "中国科学院武汉研究中心"),  # the academy, not its centre
        ("四川大学", "四川美术学院"),
        ("清华大学", "清华四川智能电网研究院"),
        ("长安", "长安汽车"),  # prefixes are no contractions
        ("涪陵区委", "涪陵经开区党工委"),  # a body of another kind
        ("重大", "重大"),
    ],
)
def test_not_contractions(short, full):
    assert not contracts(short, full)
