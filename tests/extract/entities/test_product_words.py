"""Short words of the industry vocabulary named only as products are no industries."""

from __future__ import annotations

from tests.extract.entities.extracted import typed


def industries(body: str) -> set[str]:
    return {name for name, type_ in typed(body) if type_ == "industry"}


def test_a_product_word_never_used_as_a_trade_is_no_industry():
    found = industries("记者走进车间，一台机器人正在装配零件，这条线每年生产芯片约2亿颗。")
    assert "机器人" not in found
    assert "芯片" not in found


def test_one_use_as_a_trade_makes_the_word_an_industry_of_the_text():
    body = "展厅里一台机器人为客人倒咖啡。青溪区近年来聚焦机器人，引进整机企业12家。"
    assert "机器人" in industries(body)


def test_a_word_headed_by_ye_names_a_trade_on_its_own():
    assert "制造业" in industries("青溪区推动制造业高质量发展。")
