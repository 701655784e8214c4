"""Industries named as items of lists the vocabulary half knows, on sentences written for these tests."""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.tokens import tag_text
from tests.extract.entities.extracted import typed as typed_list


def industries(body: str) -> set[str]:
    doc = document_from_text("测试新闻标题\n" + body + "\n")
    return {m.name for m in extract_entities(doc, tag_text(doc.norm)) if m.type == "industry"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("该区聚焦智能家居与虚拟现实,建设一批载体。", {"智能家居", "虚拟现实"}),
        ("开发区深耕智慧医疗和机器人,引进多家企业。", {"智慧医疗", "机器人"}),
    ],
)
def test_coordinated_objects_of_a_focus_verb_are_industries(body, expected):
    assert expected <= industries(body)


def test_a_list_closed_by_key_fields_names_industries():
    found = industries("全市在虚拟现实、智慧康养、工业制造等重点领域加快布局。")
    assert {"智慧康养", "工业制造", "虚拟现实"} <= found


def test_items_headed_by_a_known_industry_and_split_by_the_tagger():
    found = industries("全市重点推进金融大模型、医疗大模型、农业智能机器人等新兴赛道。")
    assert {"金融大模型", "医疗大模型", "农业智能机器人"} <= found


def test_a_list_of_public_services_is_no_list_of_industries():
    assert not industries("该县教育、医疗、养老等民生领域持续改善。")


def typed(body: str) -> set[tuple[str, str]]:
    return set(typed_list(body))


def test_a_trade_is_named_without_its_word_for_trade():
    found = typed("市里出台多项家电行业扶持政策。")
    assert ("家电", "industry") in found and ("家电行业", "industry") not in found


def test_three_items_closed_by_a_word_for_trade_are_industries_the_vocabulary_need_not_know():
    found = typed("这种新材料在食品包装、日化洗护、医疗耗材等行业广泛应用。")
    assert {("食品包装", "industry"), ("日化洗护", "industry"), ("医疗耗材", "industry")} <= found


def test_two_unknown_items_closed_by_a_word_for_trade_are_not_read_as_industries():
    found = typed("街道为托育、养老等行业从业人员提供培训。")
    assert ("托育", "industry") not in found


@pytest.mark.parametrize(
    "body",
    [
        "车间里300余台工业机器人昼夜运转。",
        "工人在每台风机上加装多类传感器。",
        "全市培育3—5家具有国际竞争力的龙头企业。",
    ],
)
def test_a_counted_product_is_not_an_industry(body):
    assert not any(t == "industry" for _, t in typed(body)), typed(body)


def test_a_count_of_industries_still_names_them():
    assert ("未来产业", "industry") in typed("全省谋划培育6个未来产业。")


def test_a_field_and_its_product_name_a_narrower_industry():
    found = typed("全省半数光伏玻璃产自这里。")
    assert ("光伏玻璃", "industry") in found and ("光伏", "industry") not in found


def test_a_word_between_a_known_term_and_its_industry_word_is_part_of_the_name():
    assert "医药健康产业" in industries("该县重点培育医药健康产业和文化旅游产业。")
    assert industries("这座园区已形成医药健康产业集群。") == {"医药健康"}


def test_a_product_class_narrowed_by_nouns_names_a_field():
    found = industries("这家企业主要生产负极材料,还在研发硫化物电池和氮化镓功率器件。")
    assert {"负极材料", "硫化物电池", "氮化镓功率器件"} <= found


def test_papers_are_no_material_field():
    assert not industries("各单位须在月底前报送书面材料和宣传材料。") & {"书面材料", "宣传材料"}


def test_a_product_class_before_another_noun_heads_no_field():
    # 电池|外壳: the class qualifies the product after it, which is no field of its own
    assert "硫化物电池" not in industries("车间每天生产硫化物电池外壳三千件。")


def test_a_field_word_after_a_listed_item_is_no_part_of_the_industry():
    found = industries("光电信息领域、高技术服务业、生物与新医药领域的企业占全省八成。")
    assert "光电信息" in found
    assert not {n for n in found if n.endswith("领域")}


def test_a_list_of_projects_closed_by_words_that_mention_industry_names_no_industries():
    found = industries(
        "这几年,星辰云、南岸锂电一体化、远航动力、北辰汽车等一批具有产业基础的大项目相继投产。"
    )
    assert not found & {"星辰云", "远航动力", "北辰汽车", "南岸锂电一体化"}
    # a qualifier of the industries themselves still closes a list of them
    assert {"纺织服装", "家居建材", "五金机电"} <= industries(
        "园区集聚了纺织服装、家居建材、五金机电等传统产业。"
    )


def test_a_list_closed_by_its_industries_figure_is_a_list_of_industries():
    doc = document_from_text("测试新闻标题\n粮油加工、特种化肥、新能源产业产值分别增长9%、7%和4%。\n")
    found = {m.name for m in extract_entities(doc, tag_text(doc.norm)) if m.type == "industry"}
    assert {"粮油加工", "特种化肥"} <= found


@pytest.mark.parametrize(
    "body",
    [
        "新城已建成“绿色低碳、空气清新、交通便捷、服务高效”的宜业新区。",
        "我县重点招引原料供应充足、市场前景广阔、带动能力强等相关产业项目。",
    ],
)
def test_a_list_of_nouns_with_their_adjectives_is_a_list_of_qualities(body):
    """Items that are a noun and the adjective said of it describe a place; none is an industry."""
    assert industries(body) == set()


def test_a_place_before_a_list_of_qualities_keeps_its_name():
    found = set(typed_list("白沙县生态优良、交通便利,培育新能源、新材料等产业。"))
    assert {("白沙县", "region"), ("新能源", "industry"), ("新材料", "industry")} <= found
