"""Indicators: every figure of a document as a sourced record.

1. find the quantities of the normalised body (numbers.py)
2. drop those that are no figures (book titles, page furniture)
3. for each: kind (level, change, rank), the metric phrase and its
   canonical key (data/metrics.yaml), the quote, the period (periods.py,
   carried from earlier in the sentence or paragraph) and the subject
   (the topic entity of the clause, else of the text before it)
4. lists ("A、B、C分别增长1%、2%、3%") give one record per value, bound to
   its own item
"""

from __future__ import annotations

import re
from bisect import bisect_right

from innoatlas.documents.model import Document
from innoatlas.extract.indicators.context import (
    CLAUSE_BREAKS,
    FILLER_RE,
    MAX_LEAD,
    SENTENCE_BREAKS,
    Context,
    build_context,
    clause_start,
)
from innoatlas.extract.indicators.cues import cue
from innoatlas.extract.indicators.metrics import bare_unit, bind_list_item, metric_key, metric_of
from innoatlas.extract.indicators.numbers import Quantity, find_quantities, fold_unit, unit_groups
from innoatlas.extract.indicators.ranked_lists import ranked_list_records
from innoatlas.extract.indicators.subjects import subject_of
from innoatlas.extract.indicators.timing import period_of
from innoatlas.extract.model import EntityMention, IndicatorRecord
from innoatlas.extract.tokens import Token

RANK_SCOPE_BEFORE_RE = re.compile(r"(?:位居|位列|居|列|排名|排)[^,，。;；\d]{0,6}$")
RANK_AFTER_RE = re.compile(
    r"[^,，。;；]{0,10}?(?:第[一二三四五六七八九十\d]|首位|前[一二三四五六七八九十\d])"
)
COMPARE_FIELD_BEFORE_RE = re.compile(r"对全[省市国区县]$")
VISIT_BEFORE_RE = re.compile(r"(?:探访|走访|采访|访问|访)$")
POLICY_AFTER_RE = re.compile(r"[^,，。;；\d]{0,4}?(?:政策文件|文件|政策措施)")
SHARE_METRIC_RE = re.compile(
    r"(?:分别|约|近)?(?:占(?P<scope>全[市省国区县])?(?:的|[\u4e00-\u9fff]{0,2}总[数量]的)?(?:比重|比例)?"
    r"|(?P<scope2>全[市省国区县])(?:占比)?|占比)"
)
RANK_METRIC_RE = re.compile(r"(?:位居|居|位列|列|排|名列|稳居|跃居)?(?P<scope>全[市省国区县])排名")
FRAMING_RE = re.compile(r"(?:围绕|聚焦|形成了?|涵盖|包括|覆盖|利用|重点发展|瞄准|布局)")

CHANGE_RE = re.compile(
    r"(增长|增速|增幅|增加|提高|提升|上升|上涨|扩大|下降|下跌|减少|降低|下滑|回落|压缩|缩减|缩短|降幅|跌幅|涨幅|缩小|翻"
    # 比增, 比降: the short form of 同比增长 and 同比下降 in provincial reports (营收比增12%)
    r"|比增|比降"
    # 成长 and 衰退: growth and decline as Taiwan's and Hong Kong's press write them (营业额成长
    # 11.47%, 衰退3.38%), with 年增 and 年减 for a change on the year before
    r"|成长|衰退|年增|年减)"
    r"(?:了|率)?(?:分别)?(?:保持在|稳定在|维持在|保持|稳定|维持)?(?P<to>为|达|达到|是|至|到)?(?:了)?$"
)
DECREASE = (
    "下降",
    "下跌",
    "减少",
    "降低",
    "下滑",
    "回落",
    "压缩",
    "缩减",
    "缩短",
    "降幅",
    "跌幅",
    "缩小",
    "比降",
    "衰退",
    "年减",
)
# 降低能耗12%, 提高良品率8%: a verb of change, its object, then the rate (a transitive
# verb puts what changes between itself and the amount of the change).
# 增加值 is a measure (value added), and 占, 比重, 至, 的 make the figure a share or a level reached.
CHANGE_OBJECT_RE = re.compile(
    r"(提高|提升|(?<!工业)增加(?!值)|降低|减少|缩短|压缩|缩减|缩小)(?:(?!占|比重|至|到|的|为|达)[\u4e00-\u9fff]){2,6}$"
)
NEW_RE = re.compile(r"新增|新认定|新引进|净增|新培育|新获批|新备案")
TOTAL_RE = re.compile(r"累计|总量|总数|共计|累积|总计")
RANK_MOVE_RE = re.compile(r"(前进|上升|提升|提高|跃升|上移)(了)?$")
# 约占全省三成: an approximation word before 占 qualifies the share after it.
APPROX_SHARE_RE = re.compile(r"(?P<w>约|近|超过|超|逾|不到|不足)占[^,，。;；]{0,16}$")
# 出资比例最高可达70%: a ceiling that the figure may reach is an upper bound (ANNOTATION.md: under).
UPPER_BOUND_RE = re.compile(r"(?:最高|最多|至多)[^,，。;；\d]{0,8}?(?:可达|可|达到|达)[^,，。;；\d]{0,12}$")
# Approximation words written after the last value of a list (分别达到25%和15%以上).
TRAILING_APPROX = ("以上", "左右", "以内", "以下", "之上", "上下", "之内")
# 增幅比全省平均快2个百分点: a gap between two rates is a level (ANNOTATION.md).
GAP_RE = re.compile(r"(?:高于|低于|快于|慢于|领先于?|超出)[^,，。;；]{0,16}$")
APPROX_SHARE = {
    "约": "about",
    "近": "about",
    "超过": "over",
    "超": "over",
    "逾": "over",
    "不到": "under",
    "不足": "under",
}
FURNITURE_RE = re.compile(
    r"ICP备|备案号|版权所有|©|Copyright|电话[:：]|传真[:：]|邮编[:：]|邮箱[:：]|公网安备|点击[:：]|"
    r"浏览次数|责任编辑"
)


def extract_indicators(
    doc: Document, tokens: list[Token], entities: list[EntityMention]
) -> list[IndicatorRecord]:
    ctx = build_context(doc, entities)
    records: list[IndicatorRecord] = []
    prev: tuple[Quantity, IndicatorRecord] | None = None
    list_state: dict = {}
    quantities = find_quantities(ctx.text)
    for n, q in enumerate(quantities):
        if (
            _is_furniture(ctx, q)
            or _heads_other_figures(ctx.text, q, quantities[n + 1 : n + 2])
            or _inside_a_name(ctx, q)
        ):
            continue
        rec = _make_record(ctx, q, prev, list_state)
        records.append(rec)
        prev = (q, rec)
    ranked = ranked_list_records(ctx)
    return sorted(records + ranked, key=lambda r: r.start) if ranked else records


def _inside_a_name(ctx: Context, q: Quantity) -> bool:
    """二道江区, 六安经开区: a numeral a place or body is named with is no figure (ANNOTATION.md:
    numbers inside names)."""
    i = bisect_right(ctx.mention_starts, q.num_start) - 1
    if i < 0 or not _CHINESE_COUNT.match(ctx.text, q.num_start):
        return False  # a name that holds digits (某某百强, 2024年度名单) may be a list a count belongs to
    m = ctx.mentions[i]
    return m.type in NUMBERED_PLACE_TYPES and m.start <= q.num_start and q.num_end <= m.end


# The places and areas whose names may open on a numeral (二道江区, 六安, 十堰, 七台河).
NUMBERED_PLACE_TYPES = frozenset({"region", "zone"})


def _is_furniture(ctx: Context, q: Quantity) -> bool:
    if any(a <= q.start < b for a, b in ctx.book_spans):
        return True
    line_start = ctx.text.rfind("\n", 0, q.start) + 1
    line_end = ctx.text.find("\n", q.end)
    line = ctx.text[line_start : line_end if line_end >= 0 else len(ctx.text)]
    return FURNITURE_RE.search(line) is not None or _is_no_figure(ctx.text, q)


# A bare order of magnitude (十亿, 百亿元, 千亿) before the kind of thing it sizes.
SIZE_CLASS_RE = re.compile(r"[十百千万]+亿元?|[十百千]+万元?")
SIZE_NOUN_RE = re.compile(r"级|(?:以上)?(?:的)?(?:项目|企业|产业|集群|工程|园区|基地|城市|大县|强县)")


GROUPING = cue("industry_grouping")
GROUPING_HEAD_RE = GROUPING.trigger
GROUPING_VERB_RE = GROUPING.cue("structuring_verb")


def _groups_industries(text: str, q: Quantity) -> bool:
    """壮大4个先导产业, 围绕7个产业链, 细分为9个赛道: how a plan groups its
    industries, like 九大产业链 (ANNOTATION.md), not a figure."""
    if q.unit not in ("个", "条", "大") or not GROUPING_HEAD_RE.match(text[q.end : q.end + 12]):
        return False
    return GROUPING_VERB_RE.search(text, clause_start(text, q.start), q.start) is not None


DOC_ITEMS = cue("document_items")


def _counts_document_items(text: str, q: Quantity) -> bool:
    """行动计划…提出11项重点任务: the measures a policy document lists are part of the
    document, like a count of policy documents (ANNOTATION.md), not a figure of a place."""
    if q.unit not in ("项", "条", "个", "类") or not DOC_ITEMS.trigger.match(text[q.end : q.end + 12]):
        return False
    return DOC_ITEMS.cue("document_verb").search(text, clause_start(text, q.start), q.start) is not None


INTERVAL_BEFORE_RE = re.compile(r"每[\d一二两三四五六七八九十]+(?:分钟|小时|天)[^,，。;；\d]{0,6}$")
SPEC = cue("product_spec")
SPEC_UNITS = SPEC.trigger
DISTANCE_UNITS = SPEC.cue("distance_units")
DISTANCE_AFTER_RE = SPEC.cue("distance_after")
DISTANCE_BEFORE_RE = SPEC.cue("distance_before")
PROPERTY_RE = SPEC.cue("property")


def _is_specification(text: str, q: Quantity) -> bool:
    """A size of one object (叶片长度120米, 15兆瓦风机, 200公里外) or a property of a
    product (某部件承载力提升15%) is a specification, not a figure (ANNOTATION.md)."""
    if SPEC_UNITS.fullmatch(q.unit):
        return True
    if DISTANCE_UNITS.fullmatch(q.unit) and (
        DISTANCE_AFTER_RE.match(text[q.end : q.end + 2])
        or DISTANCE_BEFORE_RE.search(text, clause_start(text, q.start), q.start)
    ):
        return True  # 200公里外, 距某港约300公里: where something is, no measure of the economy
    return PROPERTY_RE.search(text, clause_start(text, q.start), q.start) is not None


SLOGAN = cue("quoted_slogan")
ITEMS_AHEAD_RE = cue("items_ahead").trigger
BUILDING = cue("building_spec")


def _names_or_heads(text: str, q: Quantity) -> bool:
    """“1个中心+N个基地”模式: a number of a quoted slogan; 在以下三个方面: a count of
    the parts the text lists next; 办公楼2栋 of a project's construction content."""
    opening = SLOGAN.cue("opening").search(text, max(0, q.start - 31), q.start)
    if opening and SLOGAN.trigger.match(text[q.end : q.end + 40]):
        return True
    if opening and SLOGAN.cue("plus_joined").match(text, opening.start()):
        return True  # “1个主会场+5个分论坛”: the parts of a structure a plus joins, whatever follows
    if ITEMS_AHEAD_RE.search(text, max(0, q.start - 2), q.start):
        return True
    if BUILDING.trigger.fullmatch(q.unit):
        ss = max(text.rfind(c, 0, q.start) for c in "。\n!?！？") + 1
        return BUILDING.cue("construction").search(text, ss, q.start) is not None
    return False


# A count of members and a verb of entering a top-N list (某省3家企业跻身|全国百强): the list's
# size is no rank of the place; the count is the figure.
MEMBERS_ENTERING_RE = re.compile(
    r"[\d一二两三四五六七八九十百]+(?:家|个|所|座)[\u4e00-\u9fff]{1,8}?(?:挺进|跻身|进入|入选|入围|位列|上榜)[\u4e00-\u9fff]{0,6}$"
)


SESSION_RE = cue("numbered_session").trigger
MILESTONES_RE = cue("milestones_crossed").trigger
DISCOURSE_PARTS_RE = cue("discourse_parts").trigger
POLICY_ARTICLES_RE = cue("policy_articles").trigger
POLICY_NAME_CLOSE_RE = cue("policy_articles").cue("name_close")
# The groups and ministries whose research units go by numbers (某重工725所, 某部五所,
# 某研究所(608所)): a number of 所 right after one names a unit.
NUMBERED_UNIT_BEFORE_RE = re.compile(r"(?:部|重工|科工|电科|集团|[所院][(（])$")
SIZE_THRESHOLD_RE = cue("size_threshold").trigger
TERM_AFTER_RE = cue("numbered_session").cue("term")


def _numbers_a_session(text: str, q: Quantity) -> bool:
    """二十届, 三次、四次全会: the number of a term or a plenary session of a congress."""
    after = text[q.end : q.end + 12]
    if q.unit == "届":
        return TERM_AFTER_RE.match(after) is not None  # 连续举办5届大会 counts the rounds held
    return q.unit in ("次", "中") and SESSION_RE.match(after) is not None


IDEAS_RE = cue("counted_ideas").trigger
ONE_OF_RE = cue("one_of_group").trigger
# A count written in Chinese numerals up to ten (两, 三, 七): how speeches count their points.
_CHINESE_COUNT = re.compile(r"[一二两三四五六七八九十]")


def _is_no_figure(text: str, q: Quantity) -> bool:
    """Numbers that count the field of a comparison (位居全市4个区县第一, 对全省99个开发区),
    policy documents (出台30余个文件) or a reporter's visits (记者走访4家园区);
    specifications of a product."""
    if _is_specification(text, q):
        return True
    if q.value == 1 and INTERVAL_BEFORE_RE.search(text, clause_start(text, q.start), q.start):
        return True  # 每20分钟开行1列: the one train of an interval, which is the figure
    if _groups_industries(text, q) or _counts_document_items(text, q) or _names_or_heads(text, q):
        return True
    numeral = text[q.num_start : q.num_end].removesuffix(q.unit)
    if _numbers_a_session(text, q) or (
        _CHINESE_COUNT.fullmatch(numeral) and IDEAS_RE.match(text[q.end : q.end + 6])
    ):
        return True  # 二十届二中全会, 办好两件大事: a meeting's number, a count of ideas
    if q.unit == "个" and MILESTONES_RE.match(text[q.end : q.end + 8]):
        return True  # 迈上4个百亿级台阶: thresholds crossed, a way of telling the amount
    if q.form == "count" and q.unit and ONE_OF_RE.match(text[q.end : q.end + 16]):
        return True  # 某经济圈8个城市之一: the size of the group the subject is one of
    if q.unit == "个" and DISCOURSE_PARTS_RE.match(text[q.end : q.end + 6]):
        return True  # 聚焦8个方面, 从7个维度: the parts of what is said, no count of things
    if q.unit == "条" and (
        POLICY_ARTICLES_RE.match(text[q.end : q.end + 6])
        or POLICY_NAME_CLOSE_RE.match(text[q.end : q.end + 1])
    ):
        return True  # 出台十条措施, “低空10条”: the articles of a policy, its name
    if q.unit == "所" and NUMBERED_UNIT_BEFORE_RE.search(text, max(0, q.start - 4), q.start):
        return True  # 某集团725所, 某研究所(608所): the number a unit of a group is called by
    if (
        q.unit.endswith("元")
        and q.approx == "over"
        and SIZE_THRESHOLD_RE.match(text[q.end : q.end + 14])
        and "投资" not in text[max(0, q.start - 4) : q.start]  # 总投资超150亿元的15个项目: their sum
    ):
        return True  # 营收超500亿元的3个: the threshold of a size class; the count is the figure
    if text[q.num_start : q.end] == "三次" and text.startswith("产业", q.end):
        return True  # 分三次产业看: the statistics bureau's three sectors (三次产业划分规定), no count
    if q.unit == "样" and text[q.num_start - 1 : q.num_start] in ("新", "老"):
        return True  # 外贸“新三样”, 服装、家具、家电“老三样”: the name of a group of products, like N大
    if q.unit == "类" and "\u4e00" <= text[q.end : q.end + 1] <= "\u9fff":
        return True  # 两类合同, 二类知识产权: kinds of a thing are a grouping or a class, like N大
    if text[q.end - 1 : q.end] == "强" and MEMBERS_ENTERING_RE.search(
        text, clause_start(text, q.start), q.start
    ):
        return True  # 3家高新区挺进全国50强: the size of the list the counted members entered
    if q.form != "count":
        return False
    if SIZE_CLASS_RE.fullmatch(text[q.num_start : q.end]) and SIZE_NOUN_RE.match(text, q.end):
        return True  # 4个百亿元项目, 千亿元产业集群: a size class (ANNOTATION.md), not an amount
    before = text[max(0, q.start - 10) : q.start]
    after = text[q.end : q.end + 14]
    if RANK_SCOPE_BEFORE_RE.search(before) and RANK_AFTER_RE.match(after):
        return True
    if COMPARE_FIELD_BEFORE_RE.search(before) or VISIT_BEFORE_RE.search(before):
        return True
    return POLICY_AFTER_RE.match(after) is not None or _counts_its_list(text, q)


# Three or more short items joined by 、 or 和 right before a count of them.
_SHORT_ITEMS_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,6}[、和及与]){2,}[\u4e00-\u9fff]{1,6}$")


def _counts_its_list(text: str, q: Quantity) -> bool:
    """围绕A、B、C三条产业链 / 形成了A和B两个产业集群: a count of the items just
    listed after a framing verb names a grouping, not a figure."""
    if q.unit == "家" or _NAMED_BODIES_AFTER.match(text, q.end):
        return False  # 甲、乙、丙等3家企业, 甲市、乙市2个国家高新区: bodies counted, named or not
    lead = text[clause_start(text, q.start) : q.start]
    run = _SHORT_ITEMS_RE.search(lead)
    if run is not None and len(re.split(r"[、和及与]", run.group())) == q.value:
        return True  # 以转让、许可、作价投资和技术开发等…: three or more short items and their count
    if lead.endswith("等") and _closed_list_size(lead[:-1]) == q.value:
        return True  # A、B、C、D等4个支柱产业: every item counted is named, a grouping
    frame = FRAMING_RE.search(lead)
    if frame is None or lead.endswith("等"):
        return False
    items = lead[frame.end() :]
    n = items.count("、") + 1 if "、" in items else 1 + len(re.findall(r"和|及|与", items))
    return n >= 2 and n == q.value


# Kinds of bodies and places a count after their names counts (国家高新区, 开发区, 城市):
# things of the ecosystem, unlike the industries or aims a grouping names.
_NAMED_BODIES_AFTER = re.compile(
    r"(?:国家级|省级|自治区|国家)?(?:高新区|开发区|经开区|园区|城市|县|区|市|实验室|高校)"
)


# An enumeration closed by 等: items of up to 12 characters joined by 、 (an item may hold 和).
_CLOSED_LIST_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,12}、)+[\u4e00-\u9fff]{1,12}$")


def _closed_list_size(lead: str) -> int:
    run = _CLOSED_LIST_RE.search(lead)
    return run.group().count("、") + 1 if run is not None else 0


def _heads_other_figures(text: str, q: Quantity, following: list[Quantity]) -> bool:
    """四个平台…分别为28.6%、…; 三条主导产业链营收增长12%: a count at the head of a
    clause that then gives the figures of what it counts is a grouping, not a figure."""
    if q.form != "count" or unit_groups().get(bare_unit(q.unit)) != "count":
        return False
    end = q.end
    while end < len(text) and text[end] not in CLAUSE_BREAKS:
        end += 1
    if "分别" in text[q.end : end]:
        return True
    cs = clause_start(text, q.start)
    head_empty = FILLER_RE.fullmatch(text[cs : q.start]) is not None
    return head_empty and bool(following) and following[0].start < end and following[0].form == "percent"


def _make_record(ctx: Context, q: Quantity, prev, list_state: dict) -> IndicatorRecord:
    text = ctx.text
    cs = clause_start(text, q.start)
    continues = (
        prev is not None
        and prev[0].end <= q.start
        and _joins_list(text[prev[0].end : q.start])
        and prev[0].end >= cs
    )
    seg_start = max(cs, prev[0].end) if prev is not None and prev[0].end > cs else cs
    lead = text[seg_start : q.start]
    kind, sign = _kind_of(text, q, cs, lead)
    if continues and not lead.strip("、和及与以 ") and kind == "level" and q.form == prev[0].form:
        kind, sign = prev[1].kind, (-1 if prev[1].value < 0 else 1)
    value = q.value * sign
    period = period_of(ctx, q, cs)
    metric, tail_end = metric_of(ctx, q, seg_start, lead, kind)
    metric = _share_of_previous(text, metric, prev, q)
    subject = subject_of(ctx, q, cs)
    quote_start = _quote_start(text, seg_start, q.start)
    quote_end = max(q.end, tail_end)
    share = APPROX_SHARE_RE.search(lead)
    approx = APPROX_SHARE[share["w"]] if q.approx == "exact" and share else q.approx
    if approx == "exact" and UPPER_BOUND_RE.search(lead):
        approx = "under"
    if continues and approx == "exact" and not lead.strip("、和及与 ") and q.form == prev[0].form:
        approx = prev[1].approx  # 分别增长约39.5%、48.4%: 约 qualifies every value of the list
    if continues and approx != "exact" and prev[1].approx == "exact" and q.form == prev[0].form:
        if not lead.strip("、和及与 ") and text[q.start : q.end].endswith(TRAILING_APPROX):
            prev[1].approx = approx  # 分别达到25%和15%以上: 以上 closes the list and bounds every value
    rec = IndicatorRecord(
        quote=ctx.doc.original_text(quote_start, quote_end),
        start=quote_start,
        end=quote_end,
        value=value,
        unit=q.unit,
        value_base=fold_unit(value, q.unit)[0],
        base_unit=fold_unit(value, q.unit)[1],
        approx=approx,
        kind=kind,
        metric=metric,
        metric_key=None,
        subject=subject,
        period=period,
    )
    bind_list_item(ctx, q, cs, rec, prev, continues, list_state)
    if continues and prev[1].period is not None and rec.period is None:
        rec.period = prev[1].period
    rec.metric_key = metric_key(rec.metric, rec.kind, rec.base_unit)
    return rec


def _share_of_previous(text: str, metric: str, prev, q: Quantity) -> str:
    """…企业34家，占全市的25.56%: a share right after a figure is that figure's share."""
    share = SHARE_METRIC_RE.fullmatch(metric) if q.form in ("percent", "fraction") else None
    rank = RANK_METRIC_RE.fullmatch(metric) if q.form == "rank" else None
    if share is None and rank is None or prev is None or not prev[1].metric:
        return metric
    if any(c in SENTENCE_BREAKS for c in text[prev[0].end : q.start]):
        return metric
    if rank is not None:
        return re.sub(r"占.*比重$", "", prev[1].metric) + f"{rank['scope']}排名"
    return f"{prev[1].metric}占{share['scope'] or share['scope2'] or ''}比重"


def _joins_list(between: str) -> bool:
    return between.strip() in ("、", "和", "及", ",", "与", "以及")


def _kind_of(text: str, q: Quantity, cs: int, lead: str) -> tuple[str, int]:
    """(kind, sign) from the words before the number."""
    lead = lead.rstrip()  # 增长 59.8%: a space between the verb and its figure changes nothing
    if q.form == "rank":
        return ("change", 1) if RANK_MOVE_RE.search(lead) else ("rank", 1)
    if q.unit in ("位", "名") and RANK_MOVE_RE.search(lead):
        return "change", 1  # 排名前进40位: a move in the ranking
    if q.form == "doubling":
        return "change", 1
    if q.unit == "个百分点" and GAP_RE.search(lead):
        return "level", 1
    m = CHANGE_RE.search(lead)
    if m and m["to"] not in ("至", "到"):
        return "change", -1 if m[1] in DECREASE else 1
    if m and m["to"] in ("至", "到"):
        return "level", 1
    verb = CHANGE_OBJECT_RE.search(lead)
    if verb is not None and q.unit == "%":
        return "change", -1 if verb[1] in DECREASE else 1  # 降低能耗12%: a change of what the verb governs
    clause = text[cs : q.start]
    news = list(NEW_RE.finditer(clause))
    new = news[-1] if news else None
    if new is not None and not TOTAL_RE.search(clause, new.end()) and q.form == "count":
        return "change", 1
    return "level", 1


def _quote_start(text: str, seg_start: int, num_start: int) -> int:
    start = seg_start
    while start < num_start and text[start] in '、和及与 \t“"(':
        start += 1
    if num_start - start > MAX_LEAD:
        start = num_start - MAX_LEAD
    return start
