"""Where listed firms and parks sit, on sentences written for these tests."""

from __future__ import annotations

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.relations import extract_relations
from innoatlas.extract.tokens import tag_text
from innoatlas.records import Mention


def _doc(body: str):
    return document_from_text("测试新闻标题\n" + body + "\n", published="2024-06-01")


def triples(body: str) -> set[tuple[str, str, str]]:
    doc = _doc(body)
    tokens = tag_text(doc.norm)
    return {
        (r.subject, r.predicate, r.object)
        for r in extract_relations(doc, tokens, extract_entities(doc, tokens))
    }


def _mention(doc, name: str, type_: str, after: int = 0) -> Mention:
    start = doc.norm.index(name, after)
    return Mention(name, name, type_, start, start + len(name))


def test_a_city_in_brackets_inside_a_firms_name_is_no_host_of_the_list():
    # The entity stage may also name the bracketed city on its own; the firms still sit where
    # the verb after the list says.
    doc = _doc("年初落地的星驰科技有限公司、远航(上海)数据有限公司等5家企业均已在青石新区完成注册。")
    tokens = tag_text(doc.norm)
    mentions = [
        _mention(doc, "星驰科技有限公司", "enterprise"),
        _mention(doc, "上海", "region"),
        _mention(doc, "青石新区", "zone"),
    ]
    found = {(r.subject, r.predicate, r.object) for r in extract_relations(doc, tokens, mentions)}
    assert ("星驰科技有限公司", "located_in", "青石新区") in found
    assert ("星驰科技有限公司", "located_in", "上海") not in found


def test_the_partners_a_place_signs_with_do_not_sit_in_it():
    found = triples("江北区举行产业招商签约仪式，与星河科技、远航智能、蓝海检测等20家企业签约。")
    assert not any(p == "located_in" and o == "江北区" for _, p, o in found)


def test_a_firms_branch_and_rd_centre_named_after_it_are_its_parts():
    found = triples("星河汽车在江陵设立星河汽车江陵分公司，并建成星河汽车宜宾研究院。")
    assert ("星河汽车江陵分公司", "part_of", "星河汽车") in found
    assert ("星河汽车宜宾研究院", "part_of", "星河汽车") in found


def test_a_firms_own_registered_name_is_no_part_of_its_short_name():
    found = triples("星河汽车(星河汽车新能源科技股份有限公司)发布年报，湖南星河汽车科技有限公司同日公告。")
    assert not any(p == "part_of" for _, p, _ in found)


def test_the_partners_of_an_unnamed_party_do_not_cooperate_with_each_other():
    found = triples("我校进一步加大与星河科技有限公司、江川市人民政府、远航集团的合作。")
    assert not any(p == "cooperates_with" for _, p, _ in found)


def test_a_place_that_holds_a_signing_cooperates_with_every_firm_it_signs_with():
    found = triples("江北区举行产业招商签约仪式，与星河科技、远航智能、蓝海检测等20家企业签约。")
    assert {("江北区", "cooperates_with", f) for f in ("星河科技", "远航智能", "蓝海检测")} <= found


def test_a_park_that_settles_in_a_zone_does_not_host_the_zone():
    found = triples("青石北斗产业园落户江川经开区,计划明年建成。")
    assert ("青石北斗产业园", "located_in", "江川经开区") in found
    assert ("江川经开区", "located_in", "青石北斗产业园") not in found


def test_a_parks_project_that_lies_in_a_zone_puts_the_park_in_the_zone():
    found = triples("东岭(青石)光电材料园项目坐落于江川经开区,总投资20亿元。")
    assert ("东岭(青石)光电材料园", "located_in", "江川经开区") in found
    assert ("江川经开区", "located_in", "东岭(青石)光电材料园") not in found


def test_a_division_in_brackets_after_a_trade_name_is_where_the_firm_is_registered():
    found = triples(
        "赫森(青岛)精密部件有限公司今年营收增长两成,新签订单来自德国和日本。青岛市的外资企业去年增加了40家。"
    )
    assert ("赫森(青岛)精密部件有限公司", "located_in", "青岛市") in found


def test_a_division_in_brackets_is_no_seat_when_the_text_never_names_it_alone():
    found = triples("赫森(青岛)精密部件有限公司今年营收增长两成。")
    assert not any(p == "located_in" for _, p, _ in found)


def test_a_park_written_short_is_no_part_of_itself():
    # the place before a park's name dropped on a later mention: one park, written in full and short
    found = triples(
        "江川星湖激光产业园位于蓝湖区。江川星湖激光产业园重点发展激光器件。"
        "去年星湖激光产业园实现销售收入68亿元,同比增长两成。"
    )
    assert ("江川星湖激光产业园", "located_in", "蓝湖区") in found
    assert not {r for r in found if {r[0], r[2]} == {"星湖激光产业园", "江川星湖激光产业园"}}
