"""Cleaning rules, each on lines written for the test."""

from __future__ import annotations

import pytest

from innoatlas.documents import document_from_text
from innoatlas.documents.clean import classify_line, clean_text

PARA_1 = (
    "记者近日从某某高新区获悉，今年前三季度，园区新增科技型企业312家，同比增长18.5%，研发投入强度达到4.6%。"
)
PARA_2 = (
    "园区负责人介绍，下一步将围绕集成电路、生物医药两条产业链开展精准招商，力争全年引进重点项目40个以上。"
)


def reasons(text: str) -> list[tuple[str, str | None]]:
    return [(line.text.strip(), line.reason) for line in clean_text(text).lines if line.reason != "blank"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("首页 > 新闻中心 > 正文", "breadcrumb"),
        ("当前位置：首页 > 科技", "breadcrumb"),
        ("某某日报网>>本地频道>>经济", "breadcrumb"),
        ("科技论坛 > 园区资讯", "breadcrumb"),
        ("首页 | 要闻 | 本地 | 经济 | 视频", "menu"),
        ("免费小游戏-精品合集-热门影视-在线小说-高清壁纸-明星八卦-旅游攻略-美食菜谱-汽车报价", "menu"),
        ("2025-02-26 一汽-大众与园区签约", None),
        ("分享到：微信 | 微博 | QQ空间", "navigation"),
        ("扫一扫 分享", "navigation"),
        ("字号：大 中 小", "navigation"),
        ("打印", "navigation"),
        ("返回首页", "navigation"),
        ("分享讓更多人看到", "navigation"),
        ("图片", "navigation"),
        ("【资料图】", "navigation"),
        ("640.webp (2).jpg", "image"),
        ("IMG_20240314_101522.jpg", "image"),
        ("QQ截图20230101120000.png", "image"),
        ("↓ ↓ ↓", "decoration"),
        ("▲李明 摄", "credit"),
        ("某某新区管委会供图", "credit"),
        ("王  辉摄（新华视觉）", "credit"),
        ("图片来源：某某科技报", "credit"),
        ("本报记者  张三", "byline"),
        ("某某新闻记者李四", "byline"),
        ("发布时间：2024-03-15 09:30  来源：某某网", "meta"),
        ("2023年05月06日 10:21 | 来源：某某日报", "meta"),
        ("来源：某某日报", "meta"),
        ("（2023年12月5日）", "meta"),
        ("> 《某某日报》（2024年01月06日第 05 版）", "meta"),
        ("新闻热线：023-12345678", "contact"),
        ("【推广】限时特惠，点击咨询热线领取优惠券", "advert"),
        ("某某交流群 http://www.example.com/abc.html", "advert"),
        ("亲爱的读者，请扫描下方二维码下载客户端，获取更多资讯。", "advert"),
        ("某某新闻网", "site"),
        (PARA_1, None),
        ("科技金融赋能发展", None),
        ("▲园区里的中试基地一角。张三 摄", None),
        ("图为某某实验室的科研人员正在调试设备。", None),
        ("记者：这一政策出台后，企业能得到哪些具体支持？", None),
        ("紧扣“人工智能+”趋势", None),
    ],
)
def test_classify_line(line, reason):
    from innoatlas.text import normalize_text

    assert classify_line(normalize_text(line).strip()) == reason


def test_channel_labels_before_the_headline_are_dropped():
    text = "城市切换\n新闻\n某某高新区前三季度新增科技型企业312家\n\n" + PARA_1
    assert reasons(text) == [
        ("城市切换", "navigation"),
        ("新闻", "label"),
        ("某某高新区前三季度新增科技型企业312家", None),
        (PARA_1, None),
    ]


def test_footer_is_cut_from_the_editor_line_with_the_source_line_before_it():
    text = "\n".join(
        [
            PARA_1,
            PARA_2,
            "部分资料来源：某某日报",
            "",
            "（责任编辑：赵六）",
            "相关新闻",
            "某地举办春季招聘会，现场提供岗位三千余个，吸引求职者前来咨询。",
            "版权所有 © 2024 某某网 京ICP备00000000号",
        ]
    )
    assert reasons(text) == [
        (PARA_1, None),
        (PARA_2, None),
        ("部分资料来源：某某日报", "footer"),
        ("（责任编辑：赵六）", "footer"),
        ("相关新闻", "footer"),
        ("某地举办春季招聘会，现场提供岗位三千余个，吸引求职者前来咨询。", "footer"),
        ("版权所有 © 2024 某某网 京ICP备00000000号", "footer"),
    ]


def test_data_source_line_stays_when_no_footer_follows():
    text = PARA_1 + "\n\n数据来源：某某市经济和信息化委员会"
    assert reasons(text)[-1] == ("数据来源：某某市经济和信息化委员会", None)


def test_a_paragraph_starting_with_a_footer_word_without_colon_stays():
    text = PARA_1 + "\n编辑部门表示，将持续跟踪报道园区发展。\n" + PARA_2
    assert [r for _, r in reasons(text)] == [None, None, None]


def test_page_carrying_the_body_twice_keeps_the_first_copy():
    page = (
        "标题：园区新增企业312家\n"
        + PARA_1
        + "\n"
        + PARA_2
        + "\n分享\n微信\n标题：园区新增企业312家\n"
        + PARA_1
        + "\n"
        + PARA_2
    )
    doc = document_from_text(page)
    assert doc.body == "标题：园区新增企业312家\n" + PARA_1 + "\n" + PARA_2


def test_doubled_caption_kept_once_and_its_credit_trimmed():
    doc = document_from_text(
        PARA_1
        + "\n某某科技园鸟瞰。某某区委宣传部供图 某某网发\n某某科技园鸟瞰。某某区委宣传部供图 某某网发\n"
        + PARA_2
    )
    assert doc.body.split("\n") == [PARA_1, "某某科技园鸟瞰。", PARA_2]


def test_caption_with_content_before_a_space_separated_credit():
    doc = document_from_text(
        PARA_1 + "\n产业园区(一期) 某某摄协 王五 摄\n蓬勃发展的新城 记者 赵六 摄\n" + PARA_2
    )
    assert doc.body.split("\n") == [PARA_1, "产业园区(一期)", "蓬勃发展的新城", PARA_2]


def test_page_title_with_site_name_is_dropped_for_the_headline():
    doc = document_from_text(
        "总投资86亿元 某某新区签约项目12个-某某网\n\n总投资86亿元 某某新区签约项目12个\n2024-06-28 19:48:40 来源：某某网\n"
        + PARA_1
    )
    assert doc.body.split("\n") == ["总投资86亿元 某某新区签约项目12个", PARA_1]


def test_watermark_after_each_paragraph_is_trimmed():
    mark = "Abc某某网"
    text = "\n\n".join(
        p + mark for p in [PARA_1, PARA_2, "第三段写的是园区的人才引进情况，去年引进博士120名。"]
    )
    doc = document_from_text(text)
    assert mark not in doc.body
    assert doc.body.split("\n")[0] == PARA_1


def test_repeated_short_watermark_lines_are_dropped():
    text = "\n".join(
        [PARA_1, "某某网水印", PARA_2, "某某网水印", "第三段写的是园区的人才引进情况。", "某某网水印"]
    )
    assert "水印" not in document_from_text(text).body


def test_bullet_menu_run_is_dropped_but_a_content_list_stays():
    menu = "- 新闻\n- 政策解读\n- 园区动态\n- 产业研究\n"
    content = "- 新增科技型企业312家，同比增长18.5%；\n- 研发投入强度达到4.6%。\n"
    doc = document_from_text(menu + "某某高新区发布三季度数据\n" + content)
    assert doc.body.split("\n") == [
        "某某高新区发布三季度数据",
        "- 新增科技型企业312家，同比增长18.5%；",
        "- 研发投入强度达到4.6%。",
    ]


def test_markdown_marks_are_trimmed_from_pieces():
    doc = document_from_text("# 标题写在这里\n\n**加粗的小标题**\n\n" + PARA_1)
    assert doc.body.split("\n") == ["标题写在这里", "加粗的小标题", PARA_1]
    start, end = doc.original_span(0, 6)
    assert doc.original[start:end] == "标题写在这里"


def test_leading_indent_is_not_part_of_the_piece():
    doc = document_from_text("    " + PARA_1)
    assert doc.body == PARA_1
    assert doc.norm_to_original[0] == 4


def test_a_page_of_furniture_only_gives_an_empty_body_and_a_warning():
    doc = document_from_text("首页 > 新闻\n分享\n版权所有 © 某某网")
    assert doc.body == ""
    assert doc.warnings == ["no article body found: every line looked like page furniture"]


def test_a_comment_widget_is_footer_and_its_zeros_are_no_figures():
    page = (
        "某省公布先进制造业集群名单\n某某客户端讯 5月8日,某省工信厅公布本年度先进制造业集群名单,"
        "共有7个集群入选,下一步各地将围绕本地主导产业培育集群,推动要素资源向集群集中。\n"
        "评论一下\n评论 0人参与,0条评论\n还没有评论,快来抢沙发吧!\n最热评论\n最新评论\n已有0人参与,点击查看更多精彩评论\n"
    )
    doc = document_from_text(page)
    assert "0人参与" not in doc.norm
    assert "共有7个集群入选" in doc.norm
