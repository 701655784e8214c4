"""The type of a body written by its short name, on sentences written for these tests."""

from __future__ import annotations

from tests.extract.entities.extracted import typed


def test_a_commission_by_its_short_name_is_a_government_body():
    found = set(typed("市教委、市科创委联合印发通知,支持高校科技成果转化。"))
    assert {("市教委", "government"), ("市科创委", "government")} <= found


def test_a_rural_commercial_bank_and_a_securities_firm_are_investors():
    found = set(typed("宜宾农商行和光大证券参与了本轮融资,合计投资2亿元。"))
    assert {("宜宾农商行", "investor"), ("光大证券", "investor")} <= found


def test_a_numbered_institute_of_a_ministry_is_an_institute():
    found = set(typed("工信部五所与园区签约共建检测平台。"))
    assert ("工信部五所", "institute") in found


def test_a_state_investment_group_by_its_short_name_is_an_investor():
    # 投 stands for 投资 in the short names of provinces' and zones' investment companies
    found = set(typed("青投集团、蓝湖高新投公司与星湖城投控股共同出资设立基金。"))
    assert {("青投集团", "investor"), ("蓝湖高新投公司", "investor")} <= found
