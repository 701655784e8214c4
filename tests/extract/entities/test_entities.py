"""Entity mentions on sentences written for these tests: the ten types, suffix
grammars, lists, nesting, generic phrases, credits and outlets, industries as
words, and names annotated with pinyin readings.
"""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.tokens import tag_text
from tests.extract.entities.extracted import typed


def mentions(body: str) -> list[tuple[str, str]]:
    """(name, type) of the mentions in `body`, in text order (a headline is put first)."""
    return typed(body)


def names(body: str) -> set[str]:
    return {name for name, _ in mentions(body)}


@pytest.mark.parametrize(
    ("body", "name", "etype"),
    [
        ("沙坪坝区位于重庆市西部,近年来发展迅速。", "重庆市", "region"),
        ("这家企业去年落户成都高新区。", "成都高新区", "zone"),
        ("四川大学和西南交通大学联合培养博士研究生。", "西南交通大学", "university"),
        ("中国科学院成都生物研究所发布了一项新成果。", "中国科学院成都生物研究所", "institute"),
        ("学校牵头建设的绿色化工实验室正式投入使用。", "绿色化工实验室", "platform"),
        ("宁德时代新能源科技股份有限公司发布新电池。", "宁德时代新能源科技股份有限公司", "enterprise"),
        ("成都市科学技术局发布了申报通知。", "成都市科学技术局", "government"),
        ("国投创新产业基金完成新一轮募资。", "国投创新产业基金", "investor"),
        ("市政府印发《成都市科技创新促进条例》。", "成都市科技创新促进条例", "program"),
        ("该区重点发展集成电路、生物医药和新能源汽车产业。", "生物医药", "industry"),
    ],
)
def test_each_of_the_ten_types(body, name, etype):
    assert (name, etype) in mentions(body)


@pytest.mark.parametrize(
    ("body", "name", "etype"),
    [
        ("重庆邮电大学今年扩招。", "重庆邮电大学", "university"),
        ("川北医学院今年新增两个本科专业。", "川北医学院", "university"),
        ("绵阳市农业科学研究院培育新品种。", "绵阳市农业科学研究院", "institute"),
        ("嘉陵江实验室启动首批项目。", "嘉陵江实验室", "platform"),
        ("青溪中小企业孵化园新入驻团队四十个。", "青溪中小企业孵化园", "platform"),
        ("星辰智造有限公司完成融资。", "星辰智造有限公司", "enterprise"),
        ("汶川县政府出台扶持措施。", "汶川县政府", "government"),
        ("江宁开发区内新建两座厂房。", "江宁开发区", "zone"),
        ("长寿区委书记主持会议。", "长寿区委", "government"),
        ("今年前来抚仙湖国家旅游度假区的游客增多。", "抚仙湖国家旅游度假区", "zone"),
        ("两家物流企业入驻西宁国际陆港。", "西宁国际陆港", "zone"),
        ("省里支持临湖新区起步区先行建设。", "临湖新区起步区", "zone"),
        # transport hubs and the zones built around them, by the official lists' naming forms
        ("青溪国际机场旅客吞吐量增长一成。", "青溪国际机场", "zone"),
        ("江川机场今年旅客吞吐量增长两成。", "江川机场", "zone"),
        ("星湖国际机场临空经济区引进物流企业12家。", "星湖国际机场临空经济区", "zone"),
        ("白沙港东港区新建泊位三个。", "白沙港东港区", "zone"),
        ("江川国际港务区开行班列500列。", "江川国际港务区", "zone"),
        ("星湖跨境电商综试区进出口额增长两成。", "星湖跨境电商综试区", "zone"),
        ("江川中央商务区新增总部企业15家。", "江川中央商务区", "zone"),
        ("青溪商务中心区楼宇税收过亿元的有20栋。", "青溪商务中心区", "zone"),
        # the national supercomputing centres (科技部), written in full or with 超算
        ("国家超级计算济南中心今年新增用户200家。", "国家超级计算济南中心", "platform"),
        ("国家超算郑州中心今年算力提升一倍。", "国家超算郑州中心", "platform"),
        ("一批药企落户泰州中国医药城。", "泰州中国医药城", "zone"),
        ("项目落户青溪智造创新城。", "青溪智造创新城", "zone"),
        ("梦想小镇集聚创业团队三千个。", "梦想小镇", "zone"),
        ("青溪高新区东区建设提速。", "青溪高新区东区", "zone"),
        ("攀枝花市东区经济平稳增长。", "攀枝花市东区", "region"),
        ("星湖江川深度合作区成立三周年。", "星湖江川深度合作区", "zone"),
        ("白沙青溪现代服务业合作区新增企业50家。", "白沙青溪现代服务业合作区", "zone"),
        ("江川高区今年新增企业50家。", "江川高区", "zone"),
        # a district, then a head the tagger reads as a place, then the zone's suffix: one name
        ("南岸区星湖集成电路产业园是全区重点园区。", "南岸区星湖集成电路产业园", "zone"),
        ("青溪农高区与农科院合作。", "青溪农高区", "zone"),
        ("星湖石化区产值增长一成。", "星湖石化区", "zone"),
        # innovation consortia are alliances, programmes; a province's consortia are a category
        ("星湖集团牵头组建江川省生物制造创新联合体。", "江川省生物制造创新联合体", "program"),
        # departments and offices by their short official names (2018 reform) are government
        ("江川省人力资源社会保障厅发布新政。", "江川省人力资源社会保障厅", "government"),
        ("国家统计局星湖调查队发布数据。", "国家统计局星湖调查队", "government"),
        ("青溪市口岸物流办牵头协调。", "青溪市口岸物流办", "government"),
        ("江川省总工会组织技能竞赛。", "江川省总工会", "government"),
    ],
)
def test_suffix_grammar_names_and_types(body, name, etype):
    assert (name, etype) in mentions(body)


def test_a_sector_of_the_industry_classification_is_no_firm():
    # the tagger may read 金融服务业 as an organisation; a firm's name never ends on a sector
    found = mentions("星湖商务区已形成金融服务业、现代商贸业和商务服务业三大主导产业。")
    assert ("金融服务业", "industry") in found
    assert not {name for name, etype in found if etype == "enterprise"}
    assert ("紫金矿业", "enterprise") in mentions("紫金矿业今年营收增长。")


def test_a_provinces_innovation_consortia_are_a_category():
    assert "江川省创新联合体" not in names("首批入围的10家江川省创新联合体名单公布。")


def test_the_geographic_regions_of_china_by_their_short_names():
    # 华北, 华东, 华南, 华中: regions written without 地区, and still the head of a longer name
    assert {("华中", "region"), ("华南", "region")} <= set(mentions("星湖物流园的货物辐射华中、华南市场。"))
    assert mentions("华中科技大学与星湖公司签约。") == [
        ("华中科技大学", "university"),
        ("星湖公司", "enterprise"),
    ]


def test_a_place_with_a_category_is_no_name_but_with_its_zone_it_is():
    found = names("全省新增四川省重点实验室3个,江宁开发区新增企业5家。")
    assert "四川省重点实验室" not in found
    assert "江宁开发区" in found


def test_the_kinds_of_the_national_platform_lists_name_no_platform():
    # 国家工程实验室 (国家发展改革委), 博士后工作站, and a grade before a kind (省部级重点实验室)
    found = names("星湖公司建有博士后工作站、院士工作站等平台。") | names(
        "星湖公司拥有国家工程实验室、国家企业技术中心等平台。"
    )
    found |= names("江川大学建有省部级重点实验室、工程中心等平台。")
    assert not found & {"博士后工作站", "国家工程实验室", "省部级重点实验室"}


def test_list_items_before_a_kind_are_split():
    assert mentions("比亚迪、宁德时代等龙头企业在这里集聚。") == [
        ("比亚迪", "enterprise"),
        ("宁德时代", "enterprise"),
    ]
    assert mentions("四川大学、西南交通大学等高校参与了论证。") == [
        ("四川大学", "university"),
        ("西南交通大学", "university"),
    ]


def test_list_items_the_tagger_splits_are_taken_whole_between_separators():
    found = names("集聚腾讯、马上消费、蚂蚁集团等重点企业。")
    assert {"腾讯", "马上消费", "蚂蚁集团"} <= found
    assert "集聚腾讯" not in found


def test_a_bracketed_list_after_a_count_of_firms():
    assert {"华勤", "欧菲"} <= names("全区超百亿元企业有2家(华勤、欧菲)。")


def test_a_branch_contains_its_parent_but_is_one_institute():
    assert mentions("清华大学成都创新中心今年新增两个实验室。") == [("清华大学成都创新中心", "institute")]


def test_a_unit_of_an_academy_or_university_keeps_the_parent_name():
    assert ("中国信息通信研究院政策与经济研究所", "institute") in mentions(
        "中国信息通信研究院政策与经济研究所发布年度报告。"
    )
    assert ("西南大学法律与社会学院", "university") in mentions("西南大学法律与社会学院举办论坛。")


def test_a_lab_named_within_a_branch_is_its_own_name():
    found = names("南方理工大学杭州研究院智能材料实验室投入运行。")
    assert "南方理工大学杭州研究院智能材料实验室" not in found


@pytest.mark.parametrize("generic", ["高校", "科研院所", "龙头企业", "创新平台", "科学城"])
def test_generic_phrases_are_not_entities(generic):
    assert generic not in names("推动高校、科研院所与龙头企业共建创新平台,加快建设科学城。")


def test_generic_phrases_leave_no_entity_at_all():
    assert mentions("推动高校、科研院所与龙头企业共建创新平台,加快建设科学城。") == []


def test_star_ratings_and_bare_suffixes_are_not_zones():
    found = names("该县获评五星级开发区,综合保税区的监管模式得到推广。")
    assert "五星级开发区" not in found
    assert "综合保税区" not in found


def test_reporters_and_photo_credits_are_not_entities():
    assert mentions("新区建设加快推进。(记者 张小明 摄)\n记者王晓东 通讯员李红 报道") == []


def test_an_outlet_that_is_only_the_source_is_not_an_entity():
    found = names("据新重庆客户端报道,会议在北京召开。")
    assert "北京" in found
    assert "重庆" not in found
    assert not any("客户端" in n for n in found)


@pytest.mark.parametrize(
    "body",
    [
        "乘客在汽车站候车。",  # 汽车 inside the word 汽车站
        "这款5G通信产品已经量产。",  # 5G qualifies a product
        "他们借助影视大模型缩短了制作周期。",  # 大模型 heads another noun's compound
    ],
)
def test_industries_are_matched_as_words_not_substrings(body):
    assert not [m for m in mentions(body) if m[1] == "industry"]


def test_industry_phrases_written_with_chanye():
    assert ("船舶防腐涂层材料产业", "industry") in mentions("该公司是船舶防腐涂层材料产业的链主企业。")


def test_an_item_listed_between_two_industries_is_an_industry():
    assert ("装备", "industry") in mentions("消费品、装备、汽摩、材料产业产值均有增长。")


def test_held_events_and_numbered_sessions_are_programmes():
    assert ("机器人编程大赛", "program") in mentions("当地举办机器人编程大赛,吸引上百支队伍。")
    assert ("中央财经委员会第六次会议", "program") in mentions("中央财经委员会第六次会议作出部署。")


def test_a_quoted_head_with_its_kind_is_one_name():
    assert ("“企业通”智慧服务平台", "platform") in mentions("开发区上线“企业通”智慧服务平台,服务企业。")


def test_names_keep_their_pinyin_readings():
    found = mentions("济南高新区(qū)新增量子技术(shù)企业(yè)20家。")
    assert ("济南高新区(qū)", "zone") in found
    assert ("量子技术(shù)", "industry") in found


def test_latin_firm_names_after_a_kind_of_firm():
    assert ("Synopsys", "enterprise") in mentions("全球知名设计自动化企业Synopsys落户新区。")


def test_industries_written_with_ye_keep_it():
    assert ("互联网软体业", "industry") in mentions("园区互联网软体业营收同比增长两成。")


def test_an_industrys_city_brand_is_a_programme_but_a_description_is_not():
    assert ("芯片之城", "program") in mentions("该市加快打造“芯片之城”,吸引设计企业。")
    found = names("当地提出打造中国材料应用示范之都。")
    assert not any(n.endswith("之都") for n in found)


def test_ordinary_words_ending_in_ju_are_not_bureaus():
    found = mentions("企业加大在湘投资布局,湘江新区经济发展局给予支持。")
    assert ("湘江新区经济发展局", "government") in found
    assert not any(n.endswith("布局") for n, _ in found)


def test_a_numbered_party_plenum_is_a_programme():
    assert ("市委六届七次全会", "program") in mentions("8月18日,市委六届七次全会举行。")


def test_associations_are_programmes_and_the_party_centre_is_government():
    assert ("中国机械工业联合会", "program") in mentions("中国机械工业联合会发布行业报告。")
    assert ("中共中央", "government") in mentions("中共中央印发了相关文件。")


def test_a_firm_named_with_its_plant_is_the_firm():
    found = mentions("华科医疗医疗器械生产基地在园区投产。")
    assert ("华科医疗", "enterprise") in found
    assert not any(n.endswith("生产基地") for n, _ in found)


def test_designations_like_postdoctoral_workstations_are_categories():
    assert "博士后科研工作站" not in names("园区新增国家级博士后科研工作站2个。")


def test_the_tiers_of_the_laboratory_system_are_categories_but_a_laboratory_named_by_its_place_is_one():
    found = names(
        "近年来，省实验室成为创新的试验田，全省还将争创国家实验室。8家省中试基地同日揭牌，"
        "2家企业的基地被认定为河南省中试基地。江苏省产业技术研究院与广州实验室、平原实验室合作。"
    )
    assert {"江苏省产业技术研究院", "广州实验室", "平原实验室"} <= set(found)
    assert not {"省实验室", "国家实验室", "省中试基地", "河南省中试基地"} & set(found)


@pytest.mark.parametrize(
    "body",
    [
        "今年计划新增市级以上创新平台8个。",
        "新增省级以上重点实验室3家。",
        "全区有国家级以上科技企业孵化器5家。",
    ],
)
def test_a_determiner_before_a_generic_head_is_no_entity(body):
    assert not [n for n in names(body) if "以上" in n]


@pytest.mark.parametrize("body", ["园区推动“高校+企业+基金”合作模式。", "推动“政府+高校+园区”模式。"])
def test_a_plus_joined_model_is_no_entity(body):
    assert not [n for n in names(body) if "+" in n]


def test_a_role_noun_glued_before_a_firm_is_not_part_of_its_name():
    assert "远航科技股份有限公司" in names("星驰汽车有限公司的配套企业远航科技股份有限公司今年投产。")


@pytest.mark.parametrize("word", ["以下简称", "下文简称", "下称", "后文简称", "以下统称"])
def test_a_declared_short_name_is_an_entity_and_the_full_name_ends_before_it(word):
    found = mentions(f"近日,江城光电股份有限公司({word}“江城光电”)发布新品。江城光电的订单增长很快。")
    zones = mentions(f"星湖经济技术开发区({word}“星湖经开区”)位列全国第50位。星湖经开区新增企业20家。")
    assert ("星湖经济技术开发区", "zone") in zones
    assert not any("简称" in name or "统称" in name for name, _ in zones)
    assert ("江城光电股份有限公司", "enterprise") in found
    assert ("江城光电", "enterprise") in found
    assert not any("简称" in name for name, _ in found)


@pytest.mark.parametrize(
    ("body", "cut"),
    [
        ("攀上高原，中国华电山南琼结风电项目机位点施工忙。", "中国华电山南琼"),  # 琼|结: a place name split
        ("阀门保持开启。从一个角度看问题。", "从一"),  # a preposition opens no name
    ],
)
def test_a_tagger_name_that_ends_inside_a_word_or_opens_on_a_preposition_is_dropped(body, cut):
    assert cut not in names(body)


def test_a_common_area_noun_after_a_zone_s_name_is_not_part_of_it():
    found = names("青川高新区园区营业收入增长8%，青川高新区片区建设加快。")
    assert "青川高新区园区" not in found and "青川高新区片区" not in found
    assert "青川高新区" in found


def test_an_industry_the_tagger_calls_a_firm_is_an_industry():
    found = dict(mentions("在全国的县域新能源汽车产量中位列第一。"))
    assert found.get("新能源汽车") != "enterprise"


def test_items_of_a_list_closed_by_their_firms_trade_are_firms():
    found = dict(mentions("园区引进甲乙科技、丙丁材料等3家新能源汽车配套企业。"))
    assert found.get("甲乙科技") == "enterprise" and found.get("丙丁材料") == "enterprise"
    assert not names("资金、人才等方面支持企业发展。")


@pytest.mark.parametrize(
    ("body", "name", "etype"),
    [
        ("建设银行两江分行为园区企业提供贷款。", "建设银行两江分行", "investor"),
        ("农业银行江北支行向园区企业发放贷款。", "农业银行江北支行", "investor"),
        ("中国电信重庆分公司承建园区网络。", "中国电信重庆分公司", "enterprise"),
    ],
)
def test_a_branch_written_after_its_parent_is_one_name(body, name, etype):
    assert (name, etype) in mentions(body)


def test_a_truck_is_no_card_programme():
    assert ("三一重卡", "program") not in mentions("三一重卡年产量突破1万台。")


def test_a_park_and_a_university_joined_by_yu_are_two_names():
    assert {("南岸数智产业园", "zone"), ("江川大学", "university")} <= set(
        mentions("南岸数智产业园与江川大学签署合作协议。")
    )


def test_a_body_and_the_unnamed_one_it_builds_are_not_one_name():
    found = mentions("青川高新区与南岸大学共建研究院。")
    assert ("南岸大学", "university") in found and not any("共建" in n for n, _ in found)


def test_the_last_kind_word_after_a_list_gives_its_items_type():
    found = dict(mentions("前段时间，我到湘钢、华菱等园区重点企业走访。"))
    assert found.get("湘钢") == "enterprise" and found.get("华菱") == "enterprise"


def test_the_city_and_agency_of_a_dateline_are_no_mentions():
    doc = document_from_text("测试新闻标题\n南风社 昆明6月2日电 (记者 王明) 云南省新增科技型企业800家。\n")
    found = {m.name for m in extract_entities(doc, tag_text(doc.norm))}
    assert "昆明" not in found and "南风社" not in found
    assert "云南省" in found


def test_a_quantifier_before_a_kind_word_names_no_zone():
    doc = document_from_text("测试新闻标题\n今年以来，各新区加快招商，多数新区投资增长较快。\n")
    found = {m.name for m in extract_entities(doc, tag_text(doc.norm))}
    assert not {"各新区", "多数新区"} & found


def test_private_capital_and_the_new_era_are_common_nouns():
    doc = document_from_text("测试新闻标题\n母基金将撬动社会资本投向新时代的创新企业。\n")
    found = {m.name for m in extract_entities(doc, tag_text(doc.norm))}
    assert not {"社会资本", "新时代"} & found


def test_each_site_of_a_list_of_sites_is_named_whole():
    doc = document_from_text(
        "测试新闻标题\n推介会上亮相的项目有：青溪古镇文旅综合体、白沙湾滨湖旅游度假区、东岭茶园农业示范带。\n"
    )
    found = {(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))}
    assert {("白沙湾滨湖旅游度假区", "zone"), ("青溪古镇文旅综合体", "zone")} <= found
    assert not any(name == "旅游度假区" for name, _ in found)


def test_a_dotted_name_in_a_list_keeps_its_first_part_whatever_its_tags():
    doc = document_from_text("测试新闻标题\n签约项目涉及智能装备基地、连通U谷·长春净月智造谷等6个项目。\n")
    found = {m.name for m in extract_entities(doc, tag_text(doc.norm))}
    assert "连通U谷·长春净月智造谷" in found


def test_a_suffix_joined_by_he_to_a_common_noun_is_no_name_but_a_department_keeps_its_he():
    found = names("会上介绍了两校的交流情况和研究院的建设进度,江西省工业和信息化厅派员出席。")
    assert not any(n.endswith("和研究院") for n in found)
    assert "江西省工业和信息化厅" in found


def test_the_body_credited_for_a_photo_is_no_mention():
    found = names("新厂房已经封顶(江川高新区管委会供图)。")
    assert "江川高新区管委会" not in found


def test_a_rank_glued_before_a_place_named_zone_is_no_part_of_its_name():
    found = mentions("开发区考核结果:1温州经济技术开发区 2嘉兴高新区 3湖州工业园区。360科创园同期开园。")
    assert ("温州经济技术开发区", "zone") in found
    assert ("嘉兴高新区", "zone") in found
    assert not any(n[0].isdigit() for n, _ in found if n != "360科创园")


def test_the_provinces_science_corridors_are_zones():
    found = mentions("杭州城西科创大走廊新增企业千家。广东建设广深港澳科技创新走廊。")
    assert ("杭州城西科创大走廊", "zone") in found
    assert ("广深港澳科技创新走廊", "zone") in found


def test_universities_by_their_short_names_and_campuses_and_investors_by_their_registered_forms():
    found = mentions(
        "哈工大、上海交大与北京理工大学重庆创新中心合作,浙江大学玉泉校区承办,重庆科技金融集团出资。"
    )
    assert ("哈工大", "university") in found
    assert ("上海交大", "university") in found
    assert ("北京理工大学重庆创新中心", "institute") in found
    assert ("浙江大学玉泉校区", "university") in found
    assert ("重庆科技金融集团", "investor") in found
    assert not any(n.endswith("港科大") and n != "港科大" for n, _ in mentions("多家科创企业与港科大签约。"))


def test_a_ministrys_centre_acts_for_the_ministry_unless_it_researches():
    found = mentions("科技部火炬中心公布名单,教育部科技发展中心和科技部科技评估中心参与。")
    assert ("科技部火炬中心", "government") in found
    assert ("教育部科技发展中心", "government") in found
    assert ("科技部科技评估中心", "government") not in found


def test_a_park_named_by_its_level_and_class_alone_is_a_title():
    found = mentions("该开发区获评自治区级化工园区,蓝湖工业园区新增企业20家。")
    assert ("自治区级化工园区", "program") in found
    assert ("蓝湖工业园区", "zone") in found


def test_an_adverbial_of_effort_before_a_verb_is_no_firm():
    """聚力推进, 全力打造: 力 words of striving, which the tagger may read as a brand (聚力)."""
    found = mentions("白沙区干部群众齐心协力，聚力推进“两大工程”建设。今年以来，吉林省聚力支持中小企业发展。")
    names = [name for name, _ in found]
    assert not any(name.endswith("聚力") for name in names), names
    assert ("白沙区", "region") in found


def test_a_district_set_up_after_2016_is_a_place():
    found = typed("光明区今年新增国家高新技术企业300家。临平区也在加快建设，深圳市光明区发布了新政策。")
    assert ("光明区", "region") in found and ("临平区", "region") in found
    assert ("深圳市光明区", "region") in found  # the tagger reads the chain as an organisation


@pytest.mark.parametrize(
    "body, listed",
    [
        ("目前，中国已有3000余家商业航天企业，江川市占一成。", True),
        ("中国光伏组件产量多年居世界首位，江川市贡献突出。", False),
        ("江川市坚持中国特色自主创新道路，以中国式现代化为引领。", False),
        ("江川市的光伏组件产量占中国的一成。", True),
    ],
)
def test_the_country_is_a_region_where_its_name_stands_alone(body, listed):
    # 中国 before a noun opens a phrase or a name (中国特色, 中国新能源汽车产量); alone it is the country
    assert (("中国", "region") in mentions(body)) is listed


def test_the_country_is_no_subject_nor_party_of_a_relation():
    from innoatlas.extract import extract_document

    body = "江川新闻\n2024-10-12 本报讯\n目前，中国已有3000余家商业航天企业，江川市已集聚120家，与中国航天科技集团合作。\n"
    found = extract_document(document_from_text(body))
    assert "中国" in {e.name for e in found.entities}
    assert not [r for r in found.relations if "中国" in (r.subject, r.object)]
    assert {i.value: i.subject for i in found.indicators}[120] == "江川市"


def test_economies_the_national_plans_name_as_sectors_are_industries():
    found = mentions("江川市海洋经济增加值突破1000亿元，生物经济、平台经济加快发展。")
    assert {("海洋经济", "industry"), ("生物经济", "industry"), ("平台经济", "industry")} <= set(found)


@pytest.mark.parametrize(
    "body, listed",
    [
        ("江川市《政府工作报告》提出，新增企业100家。", {"政府工作报告"}),
        ("江川市人代会开幕，政府工作报告提出，新增企业100家。", set()),
        ("2025年江川市政府工作报告提出，新增企业100家。", {"2025年江川市政府工作报告"}),
    ],
)
def test_a_work_report_is_a_programme_by_its_title_or_its_place_not_as_a_genre(body, listed):
    assert {n for n, t in mentions(body) if t == "program"} == listed


def test_countries_and_world_regions_are_regions():
    found = mentions("江川企业产品出口日本、新加坡和巴西，也销往东盟、中东和拉美。")
    assert {("日本", "region"), ("新加坡", "region"), ("巴西", "region")} <= set(found)
    assert {("东盟", "region"), ("中东", "region"), ("拉美", "region")} <= set(found)


@pytest.mark.parametrize(
    "body, listed",
    [
        ("湖南省“奋进新时代”系列新闻发布会27日举行，江川区介绍了发展成效。", True),
        ("27日，江川市政府新闻办召开新闻发布会，通报经济运行情况。", False),
    ],
)
def test_a_series_of_press_conferences_is_named_by_its_quoted_title(body, listed):
    found = {n for n, t in mentions(body) if t == "program"}
    assert ("湖南省“奋进新时代”系列新闻发布会" in found) is listed
    assert not any(n.endswith("新闻发布会") and "“" not in n for n in found)


def test_the_directly_run_part_of_a_zone_is_no_name_alone():
    found = {n for n, _ in mentions("江川新区新开工项目24个，直属区总投资45亿元，直管区签约项目12个。")}
    assert not found & {"直属区", "直管区"}


@pytest.mark.parametrize(
    ("body", "name", "etype", "glued"),
    [
        # a briefing held for an event names the event
        ("6月3日，2025星湖数字经济大会新闻发布会在江川举行。", "2025星湖数字经济大会", "program", "发布会"),
        ("6月3日，2025星湖数字经济大会发布会在江川举行。", "2025星湖数字经济大会", "program", "发布会"),
        # the owner's word before a unit, and the country of a firm's plant, are no part of a name
        ("星驰集团下属星驰线缆科技有限公司今年扩产。", "星驰线缆科技有限公司", "enterprise", "下属"),
        ("今年5月，星驰重科德国工厂扩建项目正式开工。", "星驰重科", "enterprise", "重科德国"),
    ],
)
def test_words_glued_to_a_name_are_cut_off(body, name, etype, glued):
    found = mentions(body)
    assert (name, etype) in found
    assert not any(glued in n for n, _ in found)


def test_a_unit_named_by_its_owners_kind_only_is_no_name():
    """公司研发中心, 集团研究院: the unit of the body the story is about, named by its kind."""
    found = {
        name for name, _ in typed("星湖电子有限公司发展迅速,公司研发中心设在江川,集团研究院成立于2010年。")
    }
    assert "星湖电子有限公司" in found
    assert not found & {"公司研发中心", "集团研究院"}
