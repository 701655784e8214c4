"""The resolver's rules, each on sentences written for these tests."""

from __future__ import annotations

from tests.resolve.written import resolve

LIANGJIANG = "zone:两江新区"
CHONGQING = "division:500000"


def test_a_region_prefixed_zone_name_is_the_zone():
    text = "重庆两江新区今年新增研发机构12家。两江新区还将建设一批创新平台。\n"
    resolution, keys = resolve(text, [("重庆两江新区", "zone"), ("两江新区", "zone")], "2024-05-10")
    assert keys["重庆两江新区"] == keys["两江新区"] == LIANGJIANG
    zone = resolution.entities[LIANGJIANG]
    assert (zone.name, zone.type, zone.region_key) == ("两江新区", "zone", CHONGQING)
    assert zone.aliases == ["重庆两江新区", "两江新区"]


def test_a_traditional_script_name_folds_to_the_same_entity():
    text = "兩江新區與重慶大學簽署合作協議。\n"
    _, keys = resolve(text, [("兩江新區", "zone"), ("重慶大學", "university")])
    assert keys == {"兩江新區": LIANGJIANG, "重慶大學": "重庆大学"}


def test_a_place_prefix_before_a_name_the_document_writes_bare_is_dropped():
    text = "重庆长安汽车发布新车型。长安汽车表示将加大研发投入。\n"
    _, keys = resolve(text, [("重庆长安汽车", "enterprise"), ("长安汽车", "enterprise")])
    assert keys["重庆长安汽车"] == keys["长安汽车"] == "长安汽车"


def test_a_place_prefix_stays_when_the_bare_name_is_absent():
    _, keys = resolve("重庆长安汽车发布新车型。\n", [("重庆长安汽车", "enterprise")])
    assert keys["重庆长安汽车"] == "重庆长安汽车"


def test_a_contraction_is_its_full_name_only_in_context():
    text = "重庆大学与企业共建实验室。重大相关负责人介绍了合作进展。\n"
    resolution, keys = resolve(text, [("重庆大学", "university"), ("重大", "enterprise")])
    assert keys["重大"] == keys["重庆大学"] == "重庆大学"
    assert resolution.entities["重庆大学"].type == "university"
    alone, keys = resolve("重大相关负责人介绍了合作进展。\n", [("重大", "enterprise")])
    assert keys["重大"] == "重大" and "重庆大学" not in alone.entities


def test_two_universities_sharing_words_stay_apart():
    text = "北京大学与北京理工大学联合举办论坛。\n"
    _, keys = resolve(text, [("北京大学", "university"), ("北京理工大学", "university")])
    assert keys["北京大学"] != keys["北京理工大学"]


def test_a_company_and_its_legal_form_are_one_but_a_subsidiary_is_another():
    text = "拓普集团在当地投产。拓普还将扩产。中国星网与中国星网应用公司落户园区。\n"
    names = [
        ("拓普集团", "enterprise"),
        ("拓普", "enterprise"),
        ("中国星网", "enterprise"),
        ("中国星网应用公司", "enterprise"),
    ]
    resolution, keys = resolve(text, names)
    assert keys["拓普集团"] == keys["拓普"]
    assert resolution.entities[keys["拓普"]].name == "拓普集团"
    assert keys["中国星网"] != keys["中国星网应用公司"]


def test_a_branch_is_part_of_its_parent_and_located_in_its_place():
    text = "北京理工大学重庆先进技术研究院发布了新成果。\n"
    resolution, keys = resolve(text, [("北京理工大学重庆先进技术研究院", "institute")])
    centre = resolution.entities[keys["北京理工大学重庆先进技术研究院"]]
    assert (centre.parent_key, centre.region_key) == ("北京理工大学", CHONGQING)
    assert resolution.entities["北京理工大学"].type == "university"
    assert (centre.key, "part_of", "北京理工大学", "name") in resolution.relations
    assert (centre.key, "located_in", CHONGQING, "name") in resolution.relations


def test_a_sub_area_is_part_of_its_zone():
    text = "两江协同创新区集聚了一批高校院所。\n"
    resolution, keys = resolve(text, [("两江协同创新区", "zone")], "2023-06-01")
    area = resolution.entities[keys["两江协同创新区"]]
    assert area.parent_key == LIANGJIANG
    assert (area.key, "part_of", LIANGJIANG, "gazetteer") in resolution.relations
    assert LIANGJIANG in resolution.entities  # the parent zone is there to link to


def test_the_core_and_five_areas_of_the_science_city():
    text = "九龙坡片区和科学城璧山片区一道落实一核五区布局。\n"
    names = [("科学城璧山片区", "zone"), ("九龙坡片区", "zone"), ("一核五区", "zone")]
    resolution, keys = resolve(text, names)
    for name in ("科学城璧山片区", "九龙坡片区", "一核五区"):
        assert resolution.entities[keys[name]].parent_key == "zone:西部(重庆)科学城"
    bishan = resolution.entities[keys["科学城璧山片区"]]
    assert bishan.region_key == "division:500120"  # 璧山区


def test_a_district_hangs_from_its_city_with_codes():
    text = "成都市武侯区与沙坪坝区签署协议。沙坪坝将提供场地。\n"
    names = [("成都市", "region"), ("武侯区", "region"), ("沙坪坝区", "region"), ("沙坪坝", "region")]
    resolution, keys = resolve(text, names)
    assert keys["沙坪坝区"] == keys["沙坪坝"] == "division:500106"
    wuhou = resolution.entities[keys["武侯区"]]
    assert (wuhou.name, wuhou.code, wuhou.parent_key) == ("武侯区", "510107", "division:510100")
    assert resolution.entities["division:510100"].parent_key == "division:510000"
    assert ("division:500106", "located_in", CHONGQING, "gazetteer") in resolution.relations


def test_an_ambiguous_district_follows_the_documents_city():
    _, in_ningbo = resolve(
        "宁波市江北区发布人才政策。江北区将加大投入。\n", [("宁波市", "region"), ("江北区", "region")]
    )
    assert in_ningbo["江北区"] == "division:330205"
    _, in_chongqing = resolve(
        "重庆市江北区发布人才政策。江北区将加大投入。\n", [("重庆市", "region"), ("江北区", "region")]
    )
    assert in_chongqing["江北区"] == "division:500105"


def test_a_common_word_is_no_county_outside_its_province():
    _, keys = resolve("重庆市推动资源共享。\n", [("重庆市", "region"), ("资源", "region")])
    assert keys["资源"] == "资源"  # not 资源县 of 广西


def test_the_zone_version_follows_the_documents_date():
    text = "两江新区与江北区联合发布产业政策。\n"
    names = [("两江新区", "zone"), ("江北区", "region")]
    before, keys_before = resolve(text, names, "2024-05-10")
    zone = before.entities[LIANGJIANG]
    assert (zone.type, zone.parent_key, zone.region_key) == ("zone", None, CHONGQING)
    after, keys_after = resolve(text, names, "2026-01-15")
    district = after.entities[LIANGJIANG]
    assert (district.type, district.parent_key, district.region_key) == ("region", CHONGQING, None)
    # the districts it replaced keep their own entity: later articles still name them
    assert keys_before["江北区"] == keys_after["江北区"] == "division:500105"


def test_an_undated_document_reads_the_latest_version():
    resolution, _ = resolve("两江新区发布产业政策。\n", [("两江新区", "zone")])
    assert resolution.entities[LIANGJIANG].type == "region"


def test_relation_ends_resolve_to_mentions_and_names_and_a_date_to_nothing():
    text = "北京大学重庆人工智能研究院于2020年成立，与重大开展合作。重庆大学提供支持。\n"
    names = [("北京大学重庆人工智能研究院", "institute"), ("重大", "university"), ("重庆大学", "university")]
    relations = [
        ("北京大学重庆人工智能研究院", "part_of", "北京大学", "institute", "university"),
        ("北京大学重庆人工智能研究院", "cooperates_with", "重大", "institute", "university"),
        ("北京大学重庆人工智能研究院", "established", "2020年", "institute", None),
    ]
    resolution, _ = resolve(text, names, relations=relations)
    assert resolution.relation_keys == [
        ("北京大学重庆人工智能研究院", "北京大学"),
        ("北京大学重庆人工智能研究院", "重庆大学"),
        ("北京大学重庆人工智能研究院", None),
    ]
    assert "北京大学" in resolution.entities


def test_every_mention_gets_a_key_and_the_same_name_the_same_key():
    text = "沙坪坝区科学技术局走访企业。沙坪坝区科学技术局表示将改进服务。\n"
    names = [("沙坪坝区科学技术局", "government")]
    resolution, keys = resolve(text, names + names)
    assert resolution.mention_keys == ["沙坪坝区科学技术局", "沙坪坝区科学技术局"]
    bureau = resolution.entities["沙坪坝区科学技术局"]
    assert (bureau.parent_key, bureau.region_key) == ("division:500106", "division:500106")


def test_a_body_of_a_district_named_after_its_city_and_district_belongs_to_the_district():
    text = "重庆市江津区人民法院与四川省合江县人民法院签署协作协议。\n"
    names = [("重庆市江津区人民法院", "government"), ("四川省合江县人民法院", "government")]
    resolution, keys = resolve(text, names)
    assert resolution.entities[keys["重庆市江津区人民法院"]].parent_key == "division:500116"
    assert resolution.entities[keys["四川省合江县人民法院"]].parent_key == "division:510522"


def test_a_body_named_after_an_economic_region_is_not_part_of_it():
    resolution, keys = resolve("成渝金融法院公布全年审判数据。\n", [("成渝金融法院", "government")])
    court = resolution.entities[keys["成渝金融法院"]]
    assert (court.parent_key, court.region_key) == (None, None)


def test_a_district_committee_is_no_contraction_of_a_zone_committee():
    text = "涪陵经开区党工委与涪陵区委召开联席会议。\n"
    _, keys = resolve(text, [("涪陵经开区党工委", "government"), ("涪陵区委", "government")])
    assert keys["涪陵区委"] != keys["涪陵经开区党工委"]


def test_a_field_and_a_firm_of_the_same_words_stay_apart():
    text = "芯片封装测试公司加快布局芯片封装测试。\n"
    _, keys = resolve(text, [("芯片封装测试公司", "enterprise"), ("芯片封装测试", "industry")])
    assert keys["芯片封装测试"] == "industry:芯片封装测试"
    assert keys["芯片封装测试公司"] == "芯片封装测试"


def test_a_sub_area_written_after_its_zone_is_the_sub_area():
    text = "西部（重庆）科学城沙坪坝片区上半年签约项目12个。\n"
    resolution, keys = resolve(text, [("西部（重庆）科学城沙坪坝片区", "zone")])
    assert keys["西部（重庆）科学城沙坪坝片区"] == "zone:沙坪坝片区"
    assert resolution.entities["zone:沙坪坝片区"].parent_key == "zone:西部(重庆)科学城"


def test_a_park_written_after_its_zone_lies_in_it():
    resolution, keys = resolve("两江新区鱼复工业园新开工项目8个。\n", [("两江新区鱼复工业园", "zone")])
    park = resolution.entities[keys["两江新区鱼复工业园"]]
    assert (park.key, park.region_key) == ("两江新区鱼复工业园", LIANGJIANG)
    assert (park.key, "located_in", LIANGJIANG, "name") in resolution.relations


def test_a_park_named_after_a_university_town_is_no_branch_of_the_university():
    resolution, keys = resolve("重庆大学城科技园新入驻企业30家。\n", [("重庆大学城科技园", "zone")])
    park = resolution.entities[keys["重庆大学城科技园"]]
    assert park.parent_key is None and park.region_key == CHONGQING


def test_two_policy_titles_differing_by_words_stay_apart():
    text = "《支持数字经济加快发展十条政策》与《支持数字经济发展政策》一并施行。\n"
    names = [("支持数字经济加快发展十条政策", "program"), ("支持数字经济发展政策", "program")]
    _, keys = resolve(text, names)
    assert keys["支持数字经济加快发展十条政策"] != keys["支持数字经济发展政策"]


def test_a_zone_written_by_the_tail_of_its_name_is_the_zone_the_document_names():
    text = "重庆高新区直管园今年新开工项目15个。直管园一季度税收增长一成，园区还将扩区。\n"
    names = [("重庆高新区直管园", "zone"), ("直管园", "zone"), ("园区", "zone")]
    _, keys = resolve(text, names, "2024-07-01")
    assert keys["直管园"] == keys["重庆高新区直管园"] == "zone:重庆高新区直管园"
    assert keys["园区"] != keys["直管园"]  # two characters are a common noun
    alone, keys = resolve("直管园上半年产值增长两成。\n", [("直管园", "zone")])
    assert keys["直管园"] != "zone:重庆高新区直管园"
