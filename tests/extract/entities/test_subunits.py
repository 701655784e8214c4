"""Departments, branches and units of a body, on sentences written for these tests."""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.tokens import tag_text
from tests.extract.entities.extracted import typed


def mentions(body: str) -> set[tuple[str, str]]:
    return set(typed(body))


@pytest.mark.parametrize(
    ("body", "name", "etype"),
    [
        # a provincial department's division, named by its officer's title
        ("江西省科技厅成果转化处处长刘明说,今年项目增多。", "江西省科技厅成果转化处", "government"),
        # a ministry's department after its spokesman's role
        ("工业和信息化部的新闻发言人、原材料工业司司长赵亮介绍了数据。", "原材料工业司", "government"),
        # a firm's department is typed as the firm
        (
            "国网湖南省电力有限公司建设部变电建设处副处长孙强说。",
            "国网湖南省电力有限公司建设部变电建设处",
            "enterprise",
        ),
    ],
)
def test_a_department_named_by_its_officer(body, name, etype):
    assert (name, etype) in mentions(body)


def test_a_pronoun_before_the_officer_names_no_department():
    found = mentions("该处处长刘明说,今年项目增多。")
    assert not any(name.endswith("处") for name, _ in found)


@pytest.mark.parametrize(
    ("body", "name", "etype"),
    [
        # 大学生 (students) and 大学城 (university town) are words, not a university's end
        ("岳阳县大学生创新创业中心正式挂牌。", "岳阳县大学生创新创业中心", "platform"),
        ("患者来到西南医科大学附属大学城医院就诊。", "西南医科大学附属大学城医院", "institute"),
        # a university science park of the national list is one zone with what it hosts
        ("湘潭大学科技园新材料产业基地开园。", "湘潭大学科技园新材料产业基地", "zone"),
    ],
)
def test_a_word_that_opens_with_a_suffix_does_not_end_a_name(body, name, etype):
    found = mentions(body)
    assert (name, etype) in found, sorted(found)


@pytest.mark.parametrize(
    "body",
    [
        "湖北省政府驻上海办事处负责人介绍了招商情况。",
        "“标准还要统一。”湖北省政府驻上海办事处主任王明说。",
    ],
)
def test_a_bodys_office_stationed_elsewhere_is_one_name(body):
    found = mentions(body)
    assert ("湖北省政府驻上海办事处", "government") in found, found
    assert ("湖北省政府", "government") not in found


def test_a_civil_use_qualifier_is_part_of_a_parks_name():
    found = mentions("民用航空发动机产业园建成投用。")
    assert ("民用航空发动机产业园", "zone") in found, found


def test_a_groups_office_for_a_great_region_is_one_firm():
    doc = document_from_text("测试新闻标题\n双方签约项目包括中铁十局华南区域总部、某某物流基地。\n")
    found = {(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))}
    assert ("中铁十局华南区域总部", "enterprise") in found
    assert not any(name == "中铁十局" for name, _ in found)


@pytest.mark.parametrize(
    "name",
    [
        "北辰电子集团有限公司第十四研究所",
        "南方船舶集团有限公司第七〇二研究所",
        "东方航天科技集团公司第八研究院",
    ],
)
def test_a_numbered_unit_of_a_state_group_is_one_institute(name):
    found = mentions(f"星湖实验室与{name}签署合作协议。")
    assert (name, "institute") in found
    # neither the group cut off its legal form nor a piece of that form is a firm of its own
    assert not {n for n, _ in found if n.endswith("限公司") or n.startswith("公司")}


def test_an_office_of_a_government_is_one_body_with_it():
    found = mentions("长春市人民政府新闻办公室昨日举行新闻发布会。")
    assert ("长春市人民政府新闻办公室", "government") in found
    assert not {n for n, _ in found if n == "新闻办公室"}
