"""Title, outlet and publication date, on pages written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from innoatlas.documents import document_from_text, prepare_document
from innoatlas.documents.metadata import parse_date_text
from innoatlas.documents.model import PublishedDate, RawDocument

BODY = "记者从某某高新区获悉，今年前三季度，园区新增科技型企业312家，同比增长18.5%，研发投入强度达到4.6%，创新活力持续增强。"
HEADLINE = "某某高新区新增科技型企业312家"


def published(text: str) -> str | None:
    return document_from_text(text).published.as_text()


@pytest.mark.parametrize(
    "date_line",
    [
        "2025年08月22日14:41 |",
        "发布时间：2023-10-17 09:12:40 来源：某某网",
        "发稿时间: 2023-10-17 08:30    来源: 某某日报",
        "2023-10-17 23:25:02 来源:",
        "来源：某某网-某某客户端2023-10-17",
        "时间:2023-10-17 01:45 浏览:",
        "來源:某某院 example.org 日期:2023-10-17 點擊:次",
        "2023/10/17 15:46",
        "（2023年10月17日）",
        "17/10/2023 15:46",  # the day first, as Hong Kong and Macau pages write it
        "出版：17-10-2023",
        "Oct 17, 2023",
        "17 October 2023",
        "2023 10/17 15:46:30",  # the year, then month/day, on one line
        "Tue Oct 17 15:28:39 CST 2023",  # a server's stamp, the time and zone before the year
        "www.example.org来源:某某晚报2023-10-17",  # the site's address, its source and the date
        "来源:某某日报 责任编辑:某某 分享到 2023-10-17 09:36:09",  # share buttons, no deadline
    ],
)
def test_header_date_forms(date_line):
    expected = "2025-08-22" if date_line.startswith("2025") else "2023-10-17"
    assert published(f"{HEADLINE}\n{date_line}\n\n{BODY}") == expected


def test_date_broken_over_lines():
    assert published(f"{HEADLINE}\n2023\n10/17\n15:46\n\n{BODY}") == "2023-10-17"


def test_edition_line_gives_the_date_and_wins_over_a_repost_date():
    text = f"{HEADLINE}\n2024-01-20 10:00 来源：某某转载网\n\n▲某某日报2024年1月18日第05版\n\n{BODY}"
    assert published(text) == "2024-01-18"


def test_markdown_edition_line():
    assert published(f"# {HEADLINE}\n\n> 《某某日报》（2026年01月06日第 12 版）\n\n{BODY}") == "2026-01-06"


def test_e_paper_path_with_slashes_gives_the_edition_date():
    text = f"正文复制\n某某日报/2023 年/10 月/17 日/第 006 版\n{HEADLINE}\n\n{BODY}"
    assert published(text) == "2023-10-17"


def test_partial_date_completed_from_a_dated_image_name():
    text = f"首页 > 财经\n{HEADLINE}\n04-12 16:25:33 来源：某某晨报\n\n{BODY}\n\nQQ图片20200412162837.png\n\n今年的目标是再引进企业50家。"
    assert published(text) == "2020-04-12"


def test_a_year_the_body_names_does_not_complete_a_partial_date():
    # A story dated 2月17日 about last year's evaluation names only that year: the text does not
    # give the publication year, so it stays unknown (ANNOTATION.md), rather than a year too early.
    text = f"{HEADLINE}\n02-17 16:25 来源：某某晨报\n\n在2020年度评价中，{BODY}\n到2025年，园区规模力争翻番。"
    assert published(text) is None


def test_partial_date_without_year_evidence_stays_unknown():
    assert document_from_text(f"{HEADLINE}\n04-12 16:25 来源：某某晨报\n\n{BODY}").published == PublishedDate(
        None, "unknown"
    )


def test_dateline_month_day_without_a_dated_address_stays_unknown():
    text = f"{HEADLINE}\n\n某某日报合肥5月9日讯 {BODY}截至2024年4月底，企业数量继续增长。"
    assert published(text) is None


def test_a_dateline_without_a_year_still_reads_this_year_from_the_year_the_body_names():
    doc = document_from_text(f"{HEADLINE}\n\n某某日报合肥5月9日讯 {BODY}截至2024年4月底，企业数量继续增长。")
    assert doc.published.as_text() is None
    assert doc.reference_date.as_text() == "2024-05-09"


@pytest.mark.parametrize("stretch", ["前三季度", "前10个月", "前两个月"])
def test_a_year_followed_by_the_first_months_of_it_is_a_year_the_body_names(stretch):
    # 2025年前三季度 is a stretch of 2025, not 年前 (years ago): the dateline reads in 2025.
    doc = document_from_text(
        f"{HEADLINE}\n\n10月13日电 江川市就2025年{stretch}经济运行举行发布会。2024年，企业数量增长。"
    )
    assert doc.reference_date.as_text() == "2025-10-13"


def test_the_date_a_text_speaks_from_is_its_publication_date_when_given():
    doc = document_from_text(f"{HEADLINE}\n2023-10-17 09:12 来源：某某网\n\n{BODY}2021年以来，企业数量翻番。")
    assert doc.reference_date == doc.published
    assert doc.published.as_text() == "2023-10-17"


@pytest.mark.parametrize(
    "page, expected",
    [
        # a page whose header, title and body were flattened into one line
        (f"院地合作开启新篇章时间:2021-06-18 {BODY}{BODY}", "2021-06-18"),
        (f"{HEADLINE} 发布日期：2022-11-03 点击： {BODY}", "2022-11-03"),
        # a policy document: its number, then the date it was issued
        (
            f"某某市人民政府办公室关于加快科技园区建设的通知 某府办发〔2024〕21号 2024-05-06 各区县人民政府：{BODY}",
            "2024-05-06",
        ),
        # a date the source line follows, and a story's date right after its 讯 mark
        (f"{HEADLINE} 2022-11-03 09:30 来源：某某日报 {BODY}{BODY}", "2022-11-03"),
        (f"{HEADLINE}\n\n某某日报讯（记者 王五）2022年11月3日，{BODY}", "2022-11-03"),
        # and after a news site's 消息: mark
        (f"{HEADLINE}\n\n某某网消息：2022年11月3日，{BODY}", "2022-11-03"),
        # the time of an event the page announces is not the page's
        (f"关于举办第三届创新大赛的通知 活动时间：2024-05-06 各参赛单位：{BODY}{BODY}", None),
    ],
)
def test_date_at_the_start_of_a_flattened_page(page, expected):
    assert published(page) == expected


def test_dateline_month_day_with_the_year_of_the_article_address():
    text = (
        f"{HEADLINE}\n\n某某网(ID:site2015)3月18日消息,{BODY}\n原文:https://news.example.cn/202303/4521.shtml"
    )
    assert published(text) == "2023-03-18"


def test_a_page_date_before_the_story_s_own_dateline_is_a_repost_stamp():
    text = f"{HEADLINE}\n\n发布时间:2024-03-02 08:00 来源: 某某网\n\n某某社北京5月9日电 {BODY}"
    assert published(text) is None


def test_an_address_filed_in_another_month_gives_no_year():
    text = f"{HEADLINE}\n\n某某网3月18日消息,{BODY}\n原文:https://news.example.cn/202207/4521.shtml"
    assert published(text) is None


def test_forum_post_time_is_not_the_publication_date_when_the_original_is_named():
    text = f"某某县论坛\n\n首页 » 问答 » {HEADLINE}\nuser123 - 2024/9/15 12:49:00\n\n{BODY}\n\n某某新闻记者王五\n\n查看完整版本: {HEADLINE}"
    assert published(text) is None


def test_forum_post_time_is_the_date_of_a_post_naming_no_original():
    own = "楼主整理了园区今年的新变化：前三季度新增科技型企业312家，同比增长18.5%，研发投入强度达到4.6%。"
    text = f"某某县论坛\n\n首页 » 问答 » {HEADLINE}\nuser123 - 2024/9/15 12:49:00\n\n{own}\n\n查看完整版本: {HEADLINE}"
    assert published(text) == "2024-09-15"


def test_event_dates_in_the_body_are_not_the_publication_date():
    assert published(f"{HEADLINE}\n\n这是记者从1月10日召开的某某高新区2025年工作会议上获悉的。{BODY}") is None


def test_original_title_line_does_not_void_the_page_date():
    text = f"{HEADLINE}\n发稿时间: 2022-11-17 08:30 来源: 某某日报\n原标题：某某城市科技创新榜发布\n\n{BODY}"
    assert published(text) == "2022-11-17"


def test_date_given_by_the_source_wins():
    doc = document_from_text(f"{HEADLINE}\n发布时间：2023-10-17 09:12\n\n{BODY}", published="2023-10-18")
    assert doc.published == PublishedDate(date(2023, 10, 18), "day")


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2024-07-22", date(2024, 7, 22), "day"),
        ("2024-03-16T08:00:00+08:00", date(2024, 3, 16), "day"),
        ("2023年10月17日", date(2023, 10, 17), "day"),
        ("2024-07", date(2024, 7, 1), "month"),
        ("2023年5月", date(2023, 5, 1), "month"),
        ("2024", date(2024, 1, 1), "year"),
        ("不详", None, "unknown"),
        ("2023-02-30", None, "unknown"),
    ],
)
def test_parse_date_text_precision(text, value, precision):
    assert parse_date_text(text) == PublishedDate(value, precision)


def test_precision_shapes_as_text():
    assert PublishedDate(date(2024, 7, 1), "month").as_text() == "2024-07"
    assert PublishedDate(date(2024, 1, 1), "year").as_text() == "2024"


def test_title_is_the_first_headline_like_line():
    assert document_from_text(f"首页 > 新闻\n新闻\n{HEADLINE}\n2023-10-17 09:12\n\n{BODY}").title == HEADLINE


def test_title_is_not_a_portals_bar_or_its_site_banner():
    """A portal's bar of channels (one in Latin letters) and its banner (某某财经-某某网站) stand over
    the headline of a reprinted story."""
    page = f"星空网站\n星空 StarLink 2048 星空房产 星空搜索\n星空财经-星空网站\n{HEADLINE}\n{BODY}"
    doc = document_from_text(page)
    assert doc.title == HEADLINE
    assert "星空财经" not in doc.norm


@pytest.mark.parametrize(
    "head",
    [
        "江川丝路首页\n对外开放综合信息服务平台\n\n",  # a site's banner and slogan
        "点击右上角微信好友\n\n请使用浏览器分享功能进行分享\n\n",  # a share prompt
        "江川日报微信\n\n",  # the outlet's account
    ],
)
def test_title_is_the_headline_over_the_source_line(head):
    page = f"{head}{HEADLINE}\n\n来源:江川日报 责任编辑:王明 2024-01-22 10:00:00\n\n{BODY}"
    assert document_from_text(page).title == HEADLINE


@pytest.mark.parametrize(
    "under",
    [
        "都是科技含量高的新项目,预计产值498亿元",  # a subtitle set straight under the headline
        "所属地区:江川",  # a label
        "江川日报记者工作室 王明",  # a byline
    ],
)
def test_a_line_between_the_headline_and_the_source_line_leaves_the_headline(under):
    page = f"江川日报微信\n\n{HEADLINE}\n{under}\n来源:江川日报 2024-01-22\n\n{BODY}"
    assert document_from_text(page).title == HEADLINE


@pytest.mark.parametrize(
    "page",
    [
        # a weather widget first, the headline set twice (title bar, story) over the source line
        f"江川商报\n-- 天气\n{HEADLINE}\n{HEADLINE}\n责任编辑:王明 2025-06-19 18:46:08 来源:江川商报网\n\n{BODY}",
        # a reading bar's control first, the headline twice, no source line
        f"返回上一页\n{HEADLINE}\n{HEADLINE}\n2022-08-03\n\n{BODY}",
        # the headline on every photo of a gallery, the page's counter under the first
        f"{HEADLINE}\n江川新闻网 2024-06-17 21:23:01\n浏览\n{HEADLINE}\n江川高新区的实验室。\n{HEADLINE}\n{BODY}",
        # the share bar's 链接已复制 and a time alone between the headline and the source line
        f"分享到:\n链接已复制\n首页> 新闻中心>\n{HEADLINE}\n2024-04-17 15:58\n来源:江川社\n\n{BODY}",
        # a finance portal's ticker label over the date line, the headline under it
        f"股票代码 600123\n\n2025年03月17日 星期一\n\n{HEADLINE}\n\n{BODY}",
    ],
)
def test_the_headline_is_found_past_a_pages_controls(page):
    assert document_from_text(page).title == HEADLINE


@pytest.mark.parametrize(
    "head",
    [
        # a breadcrumb that ends with the story's headline, a scan-to-share prompt, a 供稿 line
        f"当前位置:首页 > 新闻资讯 > {HEADLINE}\n扫描二维码,分享此文章\n供稿: | 2021-08-18\n",
        # a breadcrumb set with spaces, ending in channel names
        "您的位置  江川生活  资讯\n",
        # a share prompt with no source line under it
        "点击右上角\n微信好友\n朋友圈\n请使用浏览器分享功能进行分享\n",
        # an app's bar
        "江川新闻APP\n登录\n历史\n收藏\n订阅\n个人中心\n退出登录\n",
        # an e-paper's reader: masthead, page label, layout and font controls, a word count
        "江川日报 数字报纸\n00007版:【健康】\n",
        "江川日报报业集团出版 国内统一刊号:CN00-0000\n",
        "通版阅读请点击:\n展开通版\n收缩通版\n当前版:02版\n字体:\n放大 缩小 默认\n朗读:\n",
        "江川经济网首页 数字版首页 往期回顾\n",
        # a login box
        "用户名:  密码: [订阅注册] [找回密码]\n",
    ],
)
def test_the_headline_is_found_past_e_paper_app_and_share_furniture(head):
    assert document_from_text(f"{head}{HEADLINE}\n文章字数:684\n{BODY}").title == HEADLINE


@pytest.mark.parametrize(
    "first",
    [
        "第07版:经 济",  # an e-paper's page label
        "当前版:A05版",
        "(上接第一版)",
        "撰文:王明",  # a byline
        "文 | 王明",
        "江川高新区的生产车间。江川日报记者 王明 摄",  # a photo's caption with its credit
        "一、综 合",  # a numbered section
        "(一)经济运行稳中有进",
        "各位代表:",  # a speech's salutation
        "手机扫码查看",
    ],
)
def test_labels_captions_and_sections_are_no_headline(first):
    assert document_from_text(f"{first}\n{HEADLINE}\n{BODY}").title == HEADLINE


def test_a_hijacked_pages_keyword_stuffing_is_no_text():
    spam = "久久久精品一区二区三区,欧美成人精品一区二区综合,亚洲欧美日韩综合一区,国产精品无码一区二区"
    doc = document_from_text(
        f"{spam}\n\n来源:\n江川日报\n\n{HEADLINE}\n\n2022-02-22 08:50:35 来源: 江川日报\n\n{BODY}"
    )
    assert doc.title == HEADLINE
    assert "亚洲" not in doc.norm and "精品" not in doc.norm


def test_title_skips_a_document_kind_label():
    assert document_from_text(f"某某管委会 新闻发布稿\n{HEADLINE}\n{BODY}").title == HEADLINE


def test_title_from_markdown_headline():
    assert document_from_text(f"### 引题写在这里\n\n# {HEADLINE}\n\n{BODY}").title == HEADLINE


def test_title_given_by_the_source_wins():
    raw = RawDocument(source="a", name="a", text=f"{HEADLINE}\n{BODY}", format="jsonl", title="给定标题")
    assert prepare_document(raw).title == "给定标题"


def test_title_of_a_page_without_headline_is_its_first_sentence():
    assert (
        document_from_text(BODY).title
        == "记者从某某高新区获悉，今年前三季度，园区新增科技型企业312家，同比增长18.5%，研发投入强度达到4.6%，创新活力持续增强。"[
            :60
        ]
    )


@pytest.mark.parametrize(
    ("header", "outlet"),
    [
        ("发布时间：2024-03-15 09:30  来源：某某观察网  浏览：", "某某观察网"),
        ("2024-03-15 14:02  转载自：某某观察网", "某某观察网"),
        ("來源：某某科技網", "某某科技网"),
        ("2024年08月27日 08:39 某某网", "某某网"),
    ],
)
def test_outlet_from_header_lines(header, outlet):
    assert document_from_text(f"{HEADLINE}\n{header}\n\n{BODY}").outlet == outlet


def test_outlet_from_a_news_dateline():
    assert (
        document_from_text(f"{HEADLINE}\n\n某某网-某某客户端讯（记者 张三）{BODY}").outlet
        == "某某网-某某客户端"
    )


def test_outlet_from_an_edition_line():
    assert document_from_text(f"{HEADLINE}\n\n▲某某日报2021年11月8日第09版\n\n{BODY}").outlet == "某某日报"


def test_outlet_from_a_site_header_line():
    assert document_from_text(f"某某网\n某某网>>本地频道>>企业\n\n{HEADLINE}\n\n{BODY}").outlet == "某某网"


NOTICE = "各区县人民政府，市政府有关部门：现将《某某行动方案》印发给你们，请认真贯彻执行。到2027年，全州新材料产业产值达到300亿元。"


def test_a_deadline_in_the_head_is_not_the_publication_date():
    text = f"某某州人民政府办公室关于印发行动方案的通知\n\n{NOTICE}\n本方案自印发之日起施行，有效期至2027年12月31日。"
    assert published(text) is None


def test_an_official_document_is_dated_by_the_line_under_its_issuer():
    text = (
        f"某某州人民政府办公室关于印发行动方案的通知\n\n{NOTICE}\n本方案自印发之日起施行，有效期至2027年12月31日。"
        "\n\n某某州人民政府办公室\n2025年6月26日\n（此件公开发布）"
    )
    assert published(text) == "2025-06-26"


def test_a_stretch_of_months_in_the_headline_is_no_date():
    # 2024年1-4月 is January to April, not the 4th of January
    assert published("某高新区2024年1-4月经济运行情况\n\n1-4月,全区规上工业增加值同比增长8.5%。\n") is None


def test_a_disclosure_pages_catalogue_fields_are_no_headline():
    page = (
        "首页\n>政府信息公开>重点工作\n索引号 001/2024-0113\n组配分类 重点工作 发布机构 区科技局\n"
        "生成日期 2024-07-12 公开方式 主动公开\n2023年科技进步报告\n发布时间: 2024-07-12 09:27\n\n"
        "2023年,全区科技创新成效明显,高新技术产业增加值增长9.8%。\n"
    )
    doc = document_from_text(page)
    assert doc.title == "2023年科技进步报告"
    assert doc.published.as_text() == "2024-07-12"


def test_a_disclosure_pages_catalogue_set_as_a_table_is_no_headline():
    page = (
        "| [ 索引號 ] | 11500000/2023-00029 | [ 發文字號 ] | 無 |\n"
        "| [ 主題分類 ] | 經濟運行;統計 | [ 體裁分類 ] | 統計分析 |\n"
        "| [ 發布機構 ] | 青川區統計局 | [ 有效性 ] | |\n"
        "| [ 成文日期 ] | 2023-07-28 | [ 發布日期 ] | 2023-07-28 |\n"
        "2023年上半年經濟運行情況\n"
        "上半年,全區實現地區生產總值453.7億元、增長6.1%。\n"
    )
    doc = document_from_text(page)
    assert doc.title == "2023年上半年經濟運行情況"
    assert "索引" not in doc.norm and "統計分析" not in doc.body


def test_a_letter_spaced_heading_is_kept_as_text():
    doc = document_from_text(
        "某县人大会议文件\n政 府 工 作 报 告\n各位代表:\n一、2023年工作回顾\n生产总值增长4.5%。\n"
    )
    assert "政 府 工 作 报 告" in doc.norm


def test_a_page_stamped_weeks_after_the_storys_dateline_is_a_repost():
    page = "某博览会开幕 某市签约近90亿元\n发布时间:2024-11-14 13:46:39 来源: 转载\n\n{}\n"
    story = "某某网昆明9月24日电 9月24日,博览会在昆明开幕,某市签约项目12个,签约总额88.6亿元。"
    assert published(page.format(story)) == "2024-09-24"
    # a wire is out the day it is sent: a page of the next day carries it again
    assert published(page.replace("2024-11-14", "2024-09-25").format(story)) == "2024-09-24"
    # a paper's own report filed the evening before and printed the next day: the page's date stands
    report = story.replace("某某网昆明9月24日电", "某某日报昆明9月24日讯")
    assert published(page.replace("2024-11-14", "2024-09-25").format(report)) == "2024-09-25"


def test_an_e_papers_date_on_its_toolbar_line_is_the_publication_date():
    page = f"第008版:要闻\n上一版 下一版\n某某日报 | 某某科技报\n2023 年 09 月 04 日 星期一 放大 缩小 默认\n{HEADLINE}\n{BODY}\n"
    assert published(page) == "2023-09-04"


def test_an_e_papers_issue_date_with_its_weekday_beside_a_hotline_is_the_publication_date():
    page = f"某某日报报业集团旗下媒体: 某某日报 | 某某晚报\n2022年02月27日 星期日  报料热线:966123\n{HEADLINE}\n{BODY}\n"
    assert published(page) == "2022-02-27"


def test_an_e_papers_issue_date_in_its_footer_is_the_publication_date():
    body = "\n\n".join([BODY] * 12)  # a long page: the footer stands far below the head lines
    page = f"某某日报 数字报纸\n{HEADLINE}\n{body}\n某某日报 专版 00011 {HEADLINE} 2020-07-28 2 2020年07月28日 星期二\n"
    assert published(page) == "2020-07-28"


def test_a_date_stamped_to_the_minute_after_a_sites_address_is_the_publication_date():
    page = f"{HEADLINE}\nhttp://m.example.com2026年01月30日 09:23某某装备网\n{BODY}\n"
    assert published(page) == "2026-01-30"


def test_the_day_a_work_report_was_given_is_its_date():
    text = (
        "2018年青川区政府工作报告\n"
        "(2018年1月22日在青川区第五届人民代表大会第二次会议上)青川区人民政府区长李明各位代表:现在,"
        "我代表区人民政府向大会报告工作,请予审议。2017年,全区经济稳中有进。\n"
    )
    assert published(text) == "2018-01-22"


def test_a_meeting_day_told_inside_the_body_is_no_publication_date():
    text = (
        "青川区科技观察\n全区科技工作稳步推进,2023年5月8日在区行政中心召开的科技大会上,全区表彰了一批企业。\n"
    )
    assert published(text) is None


def test_a_saved_pages_english_date_label_gives_the_date():
    assert (
        published(" date 2025-08-30 园区展示中心开放。(某社 记者摄) 某社北京8月30日电 园区新增企业30家。\n")
        == "2025-08-30"
    )


def test_a_page_stamp_with_its_outlet_and_byline_gives_the_date():
    # a stamp line runs on into the outlet and a byline with a comma; it is no sentence of the text
    text = (
        "专访星湖创投负责人:做耐心资本\n\n"
        "2022年11月21日 20:53   星湖经济报 星湖财经APP   记者张某,实习生李某\n\n"
        "星湖天使基金已投资项目百余个。"
    )
    assert published(text) == "2022-11-21"


@pytest.mark.parametrize("edition, expected", [("11-29", "2025-11-29"), ("01-21", "2026-01-21")])
def test_an_e_paper_readers_day_gives_way_to_the_edition_it_shows(edition, expected):
    # The reader prints the day the page is read; 日期: labels the edition, of that day or before.
    text = f"电子报阅读机\n2026-01-25\n星期日\n当前报纸名称:某某晨报\n\n{HEADLINE}\n\n日期:{edition}\n字号:\n\n{BODY}"
    assert published(text) == expected


@pytest.mark.parametrize(
    "dateline", ["2023年10月17日讯，", "某某网2023年10月17日电 ", "某某日报（记者某某）2023年10月17日讯 "]
)
def test_a_dateline_with_its_year_gives_the_date(dateline):
    assert published(f"{HEADLINE}\n{dateline}{BODY}") == "2023-10-17"


def test_a_body_sentence_opening_on_a_date_is_no_dateline():
    assert published(f"{HEADLINE}\n2023年10月17日，园区举行签约仪式，{BODY}") is None


def test_a_date_label_written_with_pinyin_glosses_on_a_flattened_line_gives_the_date():
    # a mirror site glosses characters with pinyin and runs the stamp into the body's first line
    stamp = "发(fā)布时(shí)间:2023-10-17 11:09:04 | 来源:某某网 | 责(zé)任编辑:某某"
    assert published(f"{HEADLINE}\n{stamp}{BODY}") == "2023-10-17"
