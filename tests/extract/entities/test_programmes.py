"""Programmes, strategies, policies and lists named without a proper name,
on sentences written for these tests."""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.tokens import tag_text
from tests.extract.entities.extracted import typed


def mentions(body: str) -> set[tuple[str, str]]:
    return set(typed(body))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("该市今年开展“机器人+”应用示范,覆盖多个行业。", "机器人+"),
        ("园区推动“AI+”落地,企业纷纷响应。", "AI+"),
        ("会议提出全面落实‘数据要素+’行动。", "数据要素+"),
    ],
)
def test_a_field_with_a_plus_sign_in_quotes_is_a_programme(body, name):
    assert (name, "program") in mentions(body)


@pytest.mark.parametrize(
    ("body", "name", "etype"),
    [
        ("全县上下紧扣“工业强县”战略,加快项目建设。", "“工业强县”战略", "program"),
        ("“十五五”规划建议对科技工作作出部署。", "“十五五”规划建议", "program"),
        ("企业通过“云上工厂”平台对接订单。", "“云上工厂”平台", "platform"),
    ],
)
def test_a_quoted_slogan_and_its_kind_are_one_name(body, name, etype):
    assert (name, etype) in mentions(body)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("今年该省将继续实施县域特色产业提质工程,扶持骨干企业。", "县域特色产业提质工程"),
        ("市里深入实施中小微企业融资畅通专项行动,缓解资金压力。", "中小微企业融资畅通专项行动"),
        ("该县去年出台支持返乡创业十二条措施,吸引人才回流。", "支持返乡创业十二条措施"),
        ("两家工厂入选工业和信息化部智能工厂典型场景名单。", "智能工厂典型场景名单"),
    ],
)
def test_the_object_of_a_programme_verb_is_a_programme(body, name):
    assert (name, "program") in mentions(body)


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("各地积极开展专项行动,整治市场秩序。", "专项行动"),
        ("该市推出86项配套措施,改善创业环境。", "86项配套措施"),
        ("这是全国首个县级层面的数据开放三年行动计划。", "全国首个县级层面的数据开放三年行动计划"),
        ("加快推动“数智园”平台的建设。", "“数智园”平台的"),
        ("近年来省里出台多个家电行业相关政策。", "多个家电行业相关政策"),
    ],
)
def test_generic_counted_or_described_objects_are_no_names(body, absent):
    assert absent not in {name for name, _ in mentions(body)}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("文件附件《中小企业数字化转型实施指引》列出了具体步骤。", "中小企业数字化转型实施指引"),
        ("省政府印发《关于表彰先进集体的通报》。", "关于表彰先进集体的通报"),
        ("该校举办首届智能装备创新设计大赛,吸引众多团队。", "智能装备创新设计大赛"),
    ],
)
def test_titles_of_guides_and_notices_and_first_editions_of_events(body, name):
    assert (name, "program") in mentions(body)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "两市政府签署《江川新区协同发展框架协议》,明确六项任务。",
            "江川新区协同发展框架协议",
        ),
        ("管委会与青川区政府签订《共建协议》。", "共建协议"),
        ("双方签订《数字经济合作备忘录》。", "数字经济合作备忘录"),
    ],
)
def test_an_agreement_signed_under_its_title_is_a_programme(body, name):
    assert (name, "program") in mentions(body)


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("企业把“线上”订单和“线下”服务结合起来。", "线下"),
        ("技术难题由高校团队“揭榜”。", "揭榜"),
    ],
)
def test_a_quoted_word_set_off_for_emphasis_is_no_programme(body, word):
    assert (word, "program") not in mentions(body)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("该县获评“全省营商环境标杆县(市)”,排名靠前。", "全省营商环境标杆县(市)"),
        ("两家企业稳居“全国建材企业100强”。", "全国建材企业100强"),
        ("一款新药上榜2024年度“省级创新产品目录”。", "省级创新产品目录"),
    ],
)
def test_a_quoted_title_after_a_verb_of_being_listed_is_a_programme(body, name):
    assert (name, "program") in mentions(body)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("全县加快建设“三城一港一基地”,推动发展。", "三城一港一基地"),
        ("着力打造“四园一廊一基地”。", "四园一廊一基地"),
    ],
)
def test_counted_groups_name_a_plan_not_a_place(body, name):
    assert (name, "program") in mentions(body)


def test_a_quoted_slogan_and_its_kind_before_a_particle():
    assert ("“工业强市”战略", "program") in mentions("在“工业强市”战略的带动下,全市工业稳步增长。")


def test_a_quoted_clause_that_opens_with_a_verb_is_no_name_but_holds_one():
    found = mentions("报告要求“深入实施‘数据要素+’行动”,推动转型。")
    assert ("数据要素+", "program") in found
    assert not any(name.startswith("深入实施") for name, _ in found)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("在2023年度全国绿色工厂示范名单中,该企业名列前茅。", "2023年度全国绿色工厂示范名单"),
        ("该县连续三年蝉联全省县域经济十强榜单第一。", "全省县域经济十强榜单"),
    ],
)
def test_the_list_one_is_found_in_or_keeps_a_place_in(body, name):
    assert (name, "program") in mentions(body)


def test_a_quoted_programme_name_is_listed_without_the_words_around_its_quotes():
    doc = document_from_text("测试新闻标题\n全省积极实施重点产业“组团出海”行动,已设立多个服务站。\n")
    found = {(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))}
    assert ("组团出海", "program") in found
    assert not any("“" in name for name, _ in found)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("全市持续推进“银发康养”建设,新增床位两千张。", "银发康养"),
        ("园区以“赛马比拼”的方式遴选项目。", "赛马比拼"),
    ],
)
def test_the_quoted_object_of_a_verb_of_carrying_out_is_a_programme(body, name):
    assert (name, "program") in mentions(body)


def test_a_quoted_campaign_keeps_the_work_it_is_about():
    doc = document_from_text(
        "测试新闻标题\n入夏以来，各镇把企业服务“百日攻坚”和人才引进“百日会战”当作头号任务，推动经济回升。\n"
    )
    found = {m.name for m in extract_entities(doc, tag_text(doc.norm))}
    assert {"企业服务“百日攻坚”", "人才引进“百日会战”"} <= found
    assert "百日会战" not in found


def test_a_quoted_slogan_and_the_word_plan_are_one_name():
    doc = document_from_text("测试新闻标题\n全省将深入实施“强工业”计划，推进产业升级。\n")
    found = {m.name for m in extract_entities(doc, tag_text(doc.norm))}
    assert "“强工业”计划" in found and "强工业" not in found


def test_a_system_named_by_chinese_numerals_in_quotes_is_a_programme():
    doc = document_from_text("测试新闻标题\n该市着力构建“三二一”产业新体系，壮大主导产业。\n")
    found = {(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))}
    assert ("“三二一”产业新体系", "program") in found


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("全市加快构建“4+2+N”现代产业体系，做强实体经济。", "“4+2+N”现代产业体系"),
        ("该省着力打造“20+8”产业集群，培育链主企业。", "“20+8”产业集群"),
        ("加快建设“4×4”现代化产业体系。", "“4×4”现代化产业体系"),
        ("深入落实“1310”具体部署，推动高质量发展。", "“1310”具体部署"),
    ],
)
def test_a_quoted_code_and_its_kind_are_one_programme(body, name):
    assert (name, "program") in mentions(body)


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("推进“4+N”新能源汽车零部件产业园建设。", "汽车零部件产业园"),
        ("出台“1+3”政策文件，支持企业创新。", None),
    ],
)
def test_a_head_word_running_on_into_a_longer_noun_ends_no_coded_name(body, kept):
    found = mentions(body)
    assert not any(name.startswith("“") and etype == "program" for name, etype in found)
    if kept:
        assert any(name.endswith(kept) for name, _ in found)


def test_a_plan_period_in_quotes_is_not_a_numbered_name():
    doc = document_from_text("测试新闻标题\n文件提出了“十四五”工业发展指标体系。\n")
    found = {m.name for m in extract_entities(doc, tag_text(doc.norm))}
    assert "“十四五”工业发展指标体系" not in found


def test_two_events_joined_by_ji_are_one_name_without_their_host():
    doc = document_from_text("测试新闻标题\n5月8日，西城区举行春季人才招聘对接会暨创业政策宣讲会。\n")
    found = {(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))}
    assert ("春季人才招聘对接会暨创业政策宣讲会", "program") in found


def test_policies_issued_under_a_name_are_programmes():
    found = mentions("园区率先出台数据要素流通支持十条政策,吸引企业入驻。")
    assert ("数据要素流通支持十条政策", "program") in found


def test_a_year_set_aside_for_a_task_is_a_programme():
    found = mentions("今年被定为园区项目建设年，全县上下加快推进重点工程。")
    assert ("园区项目建设年", "program") in found


def test_a_selection_of_the_ten_best_is_a_programme():
    found = mentions("评审组评选出十大文旅投资场景，供企业选择。")
    assert ("十大文旅投资场景", "program") in found


@pytest.mark.parametrize(
    "name",
    ["国家级科技企业孵化器", "省级小微企业创业创新示范基地", "国家知识产权试点园区"],
)
def test_every_quoted_title_in_a_row_after_a_verb_of_designation_is_a_programme(name):
    # a category conferred as a title is the title's name, typed as a programme, not as a park
    body = "南岭科技园先后获批“国家级科技企业孵化器”“省级小微企业创业创新示范基地”和“国家知识产权试点园区”,入驻企业200家。"
    assert (name, "program") in mentions(body)


def test_a_category_not_conferred_is_still_no_name():
    assert not any(
        name == "国家级科技企业孵化器" for name, _ in mentions("全市新增国家级科技企业孵化器5家。")
    )


def test_two_events_held_in_one_clause_are_two_names():
    found = mentions("园区已连续举办3届东湖工业软件大会和2届智能网联汽车生态大会。")
    assert ("东湖工业软件大会", "program") in found
    assert ("智能网联汽车生态大会", "program") in found
    assert not any("和" in name for name, _ in found)


def test_a_ceremony_named_by_its_act_alone_is_no_name():
    found = mentions("会上还举行了重大项目集中开工仪式,共开工12个项目。")
    assert not any(name.endswith("仪式") for name, _ in found)


@pytest.mark.parametrize(
    ("body", "phrase"),
    [
        ("园区推行“拎包即入”模式,企业当月即可投产。", "拎包即入"),
        ("两地探索“飞地孵化”模式,共享研发资源。", "飞地孵化"),
    ],
)
def test_a_quoted_way_of_working_before_mode_is_no_programme(body, phrase):
    # “某某”模式 says how something is done; the programme words (行动, 计划, 机制…) still name one
    assert (phrase, "program") not in mentions(body)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("5月8日,东川市科技成果转化促进会在高新区成立。", "东川市科技成果转化促进会"),
        ("南州市区域经济研究会发布年度报告。", "南州市区域经济研究会"),
    ],
)
def test_a_promotion_or_research_association_is_typed_like_other_associations(body, name):
    assert (name, "program") in mentions(body)


def test_a_quoted_layout_before_mode_is_no_programme_or_park():
    found = mentions("两市以“一区多园”模式共建科技新城。")
    assert not any(name == "一区多园" for name, _ in found)


def test_a_cluster_named_by_its_place_and_trade_is_a_programme():
    # the national cluster lists name each cluster by place and trade
    found = mentions("株洲市中小航空发动机集群加快建设,配套企业达到百家。")
    assert ("株洲市中小航空发动机集群", "program") in found


def test_a_cluster_without_a_place_is_no_named_programme():
    found = mentions("全市正在打造智能家居产业集群。")
    assert not {n for n, t in found if t == "program"}


def test_an_aspect_particle_between_the_verb_and_the_plan_it_issues():
    found = mentions("省政府印发了制造业数字化转型行动方案。")
    assert ("制造业数字化转型行动方案", "program") in found


def test_the_years_a_plan_runs_stay_in_its_name():
    found = mentions("省政府办公厅印发通知,制定加快南岸省新能源装备产业发展行动方案(2024-2028年),一起来看。")
    assert ("加快南岸省新能源装备产业发展行动方案(2024-2028年)", "program") in found


@pytest.mark.parametrize(
    "body, name",
    [
        (
            "第二十四届中国国际投资贸易洽谈会期间,一批重大项目在厦门集中签约。",
            "第二十四届中国国际投资贸易洽谈会",
        ),
        ("第二十届中国国际高新技术成果交易会在深圳开幕。", "第二十届中国国际高新技术成果交易会"),
    ],
)
def test_a_trade_fair_with_its_edition_is_a_programme(body, name):
    assert (name, "program") in mentions(body)


def test_a_provinces_cluster_list_and_its_clusters():
    found = mentions(
        "江西省工信厅日前公布2024年度江西省先进制造业集群名单,入选的有"
        "鹰潭市先进铜功能材料及高端应用集群、南昌市航空集群、宜春市锂电新能源材料及应用集群、赣州市南康现代家具集群等。"
    )
    assert {
        ("2024年度江西省先进制造业集群名单", "program"),
        ("鹰潭市先进铜功能材料及高端应用集群", "program"),
        ("南昌市航空集群", "program"),
        ("宜春市锂电新能源材料及应用集群", "program"),
        ("赣州市南康现代家具集群", "program"),
        ("江西省工信厅", "government"),
    } <= found


def test_a_rankings_title_is_a_programme_whatever_its_kind_word():
    """ANNOTATION.md lists the ranking lists as programmes (某某百强县市名单); 百强园区 names no zone."""
    found = set(typed("泸州国家高新区奋力冲刺全国“百强园区”。三江新区在全国百强城市新区排名中跃升至第15位。"))
    assert {("百强园区", "program"), ("百强城市新区", "program"), ("三江新区", "zone")} <= found


def test_the_national_science_programmes_and_the_star_market_are_programmes():
    found = mentions("该企业承担国家科技重大专项和国家重点研发计划项目，参与探月工程，并于2020年登陆科创板。")
    for name in ("国家科技重大专项", "国家重点研发计划", "探月工程", "科创板"):
        assert (name, "program") in found


def test_the_tasks_a_government_work_report_names_by_short_names_are_programmes():
    found = mentions(
        "全区做好“六稳”工作、落实“六保”任务,争取超长期特别国债支持“两重”项目,推进高效办成一件事。"
    )
    for name in ("六稳", "六保", "超长期特别国债", "两重", "高效办成一件事"):
        assert (name, "program") in found
    found = mentions("主动服务京津冀协同发展,融入黄河流域生态保护和高质量发展。")
    assert ("京津冀协同发展", "program") in found
    assert ("黄河流域生态保护和高质量发展", "program") in found


def test_the_national_five_year_plan_is_a_programme_and_a_local_plan_keeps_its_whole_title():
    found = mentions("全区提前完成“十四五”规划目标，并按《江川市科技创新发展“十四五”规划》推进工作。")
    assert ("“十四五”规划", "program") in found
    assert ("江川市科技创新发展“十四五”规划", "program") in found
    assert not any(name == "十四五" for name, _ in found)


def test_the_guiding_formula_and_the_innovation_strategy_are_no_programmes_reported_on():
    found = mentions("全区深入学习贯彻党的二十大和二十届三中全会精神,深入实施创新驱动发展战略。")
    assert not any(t == "program" for _, t in found)
    assert ("党的二十大", "program") in mentions("党的二十大报告提出,全区产业要加快升级。")
    assert ("党的二十大", "program") not in mentions("党的二十大召开以来,全区产业加快升级。")


def test_a_title_with_its_edition_year_is_named_and_a_bare_kind_word_points_back():
    """《某报告2024》 names a report; 《报告》 after it is that report again, no name of its own."""
    found = {
        name for name, _ in typed("《江川省科技创新发展报告2024》发布。《报告》显示,全省研发投入增长9%。")
    }
    assert "江川省科技创新发展报告2024" in found
    assert "报告" not in found


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("第五届数字江川建设峰会将于6月在青溪市举行。", "第五届数字江川建设峰会"),
        ("青溪市举办智慧城市建设论坛,200余家企业参会。", "智慧城市建设论坛"),
    ],
)
def test_an_event_named_for_the_building_of_something_keeps_its_topic(body, name):
    # 建设 before an event's kind is the noun of what the event is about, not a verb ending the name
    assert (name, "program") in mentions(body)


def test_building_as_a_verb_still_ends_a_name():
    assert not any(name.startswith("加快") for name, _ in mentions("青溪市加快建设科技城,打造创新高地。"))


def test_the_titles_of_a_list_closed_by_chenghao_are_honours():
    found = mentions("青溪高新区先后获得国家火炬特色产业基地、江川省数字经济示范园等称号。")
    assert {("国家火炬特色产业基地", "program"), ("江川省数字经济示范园", "program")} <= found
    assert ("青溪高新区", "zone") in found


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("江川市入选国家创新型城市。", "国家创新型城市"),
        ("星湖县入选第二批创新型县(市)建设名单。", "创新型县(市)"),
        ("星湖工程机械集群入选国家先进制造业集群。", "国家先进制造业集群"),
        ("江川县获评国家外贸转型升级基地。", "国家外贸转型升级基地"),
        ("星湖市被命名为中国软件名城。", "中国软件名城"),
    ],
)
def test_a_title_of_a_national_list_is_a_programme(body, title):
    assert (title, "program") in mentions(body)


def test_getting_onto_a_list_is_no_list():
    assert not any(
        name.endswith("上榜") for name, _ in mentions("前十强城市变化不大，星湖跌出前十，江川新上榜。")
    )


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("2025江川民营企业100强与星湖制造业50强同日发布。", "2025江川民营企业100强"),
        ("日前，“2024青溪外资企业百强”揭晓，三家药企在列。", "2024青溪外资企业百强"),
        ("据统计，2024年园区发展百强中共有54家高新区。", "2024年园区发展百强"),
        ("星湖民企百强榜发布，其中年营收过千亿元的有两家。", "星湖民企百强榜"),
        ("4家铜加工企业入围全市工业50强榜单。", "全市工业50强榜单"),
    ],
)
def test_an_edition_or_a_published_list_of_a_ranking_is_a_programme(body, name):
    """A year opening a ranking names one edition; a list word names a published list."""
    assert (name, "program") in mentions(body)


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("2021年入选物流百强企业数量增长。", "2021年入选物流百强企业"),
        ("评审后形成30强榜单,供各方参考。", "评审后形成30强榜单"),
        ("园区新引进世界500强企业投资项目2个。", "世界500强企业"),
        ("今年百强榜单中,装备类企业共73家。", "今年百强榜单"),
        ("2024年百强集群中民营企业融资超过4000亿元。", "2024年百强集群"),
    ],
)
def test_a_clause_about_a_ranking_is_no_ranking_s_name(body, absent):
    assert absent not in {name for name, _ in mentions(body)}


@pytest.mark.parametrize(
    ("body", "thing"),
    [
        ("4月17日，江川医疗器械园三期项目开工仪式在青溪区举行。", "江川医疗器械园"),
        ("5月9日，青溪新区星湖科技园揭牌仪式昨天举行。", "青溪新区星湖科技园"),
    ],
)
def test_the_ceremony_of_one_named_thing_is_no_event_the_thing_is_named(body, thing):
    found = mentions(body)
    assert any(name == thing for name, _ in found)
    assert not any(name.endswith("仪式") for name, _ in found)


def test_a_ceremony_for_a_batch_of_projects_is_an_event():
    found = mentions("日前，青溪新区重点项目集中开工仪式举行。")
    assert ("青溪新区重点项目集中开工仪式", "program") in found


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("按照江川经开区总规划,园区今年新建厂房20栋。", "江川经开区"),
        ("按照青溪新区高标准规划,园区今年建成。", "青溪新区"),
        ("星湖医药工业园计划引进药企20家以上。", "星湖医药工业园"),
    ],
)
def test_a_place_s_plan_is_no_programme_the_place_is_named(body, place):
    found = mentions(body)
    assert any(name == place for name, _ in found)
    assert not any(name.endswith(("规划", "计划")) for name, _ in found)


def test_a_count_of_towns_before_a_kind_is_no_name():
    found = mentions("长春市规划建设一座科学城。")
    assert ("长春市", "region") in found
    assert not any("科学城" in name for name, _ in found)


def test_a_plan_named_by_its_field_is_a_programme():
    found = mentions("江川市印发青川市海洋经济发展规划,明确了目标。")
    assert ("青川市海洋经济发展规划", "program") in found


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "9月3日,在投资东川·青石科学城先进制造与现代服务招商推介会暨首批入园企业协议签署仪式上,40个项目签约。",
            "投资东川·青石科学城先进制造与现代服务招商推介会暨首批入园企业协议签署仪式",
        ),
        (
            "6月2日,第三届中国海洋装备峰会暨海工人才交流大会将在东港举行。",
            "第三届中国海洋装备峰会暨海工人才交流大会",
        ),
        (
            "3月5日,青石市智能网联汽车项目签约暨开工推进活动在青石市北湖区举行。",
            "青石市智能网联汽车项目签约暨开工推进活动",
        ),
    ],
)
def test_two_occasions_joined_by_ji_are_one_event(body, name):
    # 暨, the formal "and" of official titles, makes one occasion of two: the name runs
    # past the first event's head, and a ceremony so joined needs no place of its own
    assert (name, "program") in mentions(body)


def test_zhuji_is_a_county_not_the_word_that_joins_two_events():
    found = mentions("当天,诸暨签约仪式上共签约项目12个。")
    assert not any(etype == "program" for _, etype in found)
