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

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from importlib import resources

import yaml

from innoatlas.documents.model import Document
from innoatlas.extract.model import SUBJECT_TYPES, EntityMention, IndicatorRecord
from innoatlas.extract.numbers import Quantity, find_quantities, fold_unit, unit_groups
from innoatlas.extract.periods import PeriodMention, find_periods, resolve_period
from innoatlas.extract.tokens import Token
from innoatlas.lexicon.bodies import central_bodies

CLAUSE_BREAKS = frozenset(",;:!?，；：。！？\n")
SENTENCE_BREAKS = frozenset("。!?！？\n")
# Longest stretch of text before a number kept in a quote or metric: gold
# quotes rarely hold more than ~25 characters before the figure.
MAX_LEAD = 26
# Longest noun phrase taken after a count when the text before it names nothing.
MAX_TAIL = 16
# How far (characters) a period stated in an earlier paragraph still holds;
# set on the development articles (leads that put 前三季度 on a line of its own).
PERIOD_CARRY_CHARS = 120
# How far into a paragraph a period may start and still open it (数据显示,今年上半年,…).
OPENING_SLACK = 8
MULTIPLE_AFTER_RE = re.compile(r"的?(?:近|约|超过|逾)?[\d.一二两三四五六七八九十]+倍")
VISIT_RE = re.compile(r"(?:走进|走入|步入|来到|探访|位于)")
MODIFIER_HEAD_RE = re.compile(r"(?:走进|走入|步入|来到)?[^\d,，。;；:：“”、]{1,10}?的")
RANK_SCOPE_BEFORE_RE = re.compile(r"(?:位居|位列|居|列|排名|排)[^,，。;；\d]{0,6}$")
RANK_AFTER_RE = re.compile(
    r"[^,，。;；]{0,10}?(?:第[一二三四五六七八九十\d]|首位|前[一二三四五六七八九十\d])"
)
COMPARE_FIELD_BEFORE_RE = re.compile(r"对全[省市国区县]$")
VISIT_BEFORE_RE = re.compile(r"(?:探访|走访|采访|访问|访)$")
POLICY_AFTER_RE = re.compile(r"[^,，。;；\d]{0,4}?(?:政策文件|文件|政策措施)")
# A count followed by these is the object of the clause's verb, not a noun's modifier.
VERB_START_RE = re.compile(r"(?:以上|左右|之多|次|被|已|将|正在|入驻|落户|落地|获|实现|达到|达|占|位居|居)")
SHARE_METRIC_RE = re.compile(
    r"(?:分别|约|近)?(?:占(?P<scope>全[市省国区县])?(?:的|入选总数的|总数的|总量的)?(?:比重|比例)?"
    r"|(?P<scope2>全[市省国区县])(?:占比)?|占比)"
)
RANK_METRIC_RE = re.compile(r"(?:位居|居|位列|列|排|名列|稳居|跃居)?(?P<scope>全[市省国区县])排名")
# Where the noun phrase after a count ends and its verb begins (…机构在此聚集).
TAIL_VERB_RE = re.compile(r"在|已|正|将|被|聚集|集聚|入驻|落户|上榜|入选|成功|相聚|参与|参加|获得|实现|完成")
FRAMING_RE = re.compile(r"(?:围绕|聚焦|形成了?|涵盖|包括|覆盖|利用|重点发展|瞄准|布局)")
COMPARED_AFTER_RE = re.compile(r"(?:同期)?(?:相比|比较|对比)")
SELECTION_VERBS = ("入选", "获评", "评为", "荣获", "列入", "入围", "获得")
# Head nouns a text uses alone for a body it has just named (该联盟, 工程每年…).
HEAD_NOUNS = ("联盟", "工程", "公司", "集团", "基地", "基金", "实验室", "研究院")
# Shortest tail of a zone's name that still names it (高新区, 科学城, 直管园).
MIN_ZONE_TAIL = 3

CHANGE_RE = re.compile(
    r"(增长|增速|增幅|增加|提高|提升|上升|上涨|扩大|下降|减少|降低|下滑|回落|压缩|缩减|降幅|涨幅|缩小|翻)"
    r"(?:了|率)?(?:分别)?(?P<to>为|达|达到|是|至|到)?(?:了)?$"
)
DECREASE = ("下降", "减少", "降低", "下滑", "回落", "压缩", "缩减", "降幅", "缩小")
NEW_RE = re.compile(r"新增|新认定|新引进|净增|新培育|新获批|新备案")
TOTAL_RE = re.compile(r"累计|总量|总数|共计|累积|总计")
RANK_MOVE_RE = re.compile(r"(前进|上升|提升|提高|跃升|上移)(了)?$")
# 约占全省三成: an approximation word before 占 qualifies the share after it.
APPROX_SHARE_RE = re.compile(r"(?P<w>约|近|超过|超|逾|不到|不足)占[^,，。;；]{0,8}$")
APPROX_SHARE = {
    "约": "about",
    "近": "about",
    "超过": "over",
    "超": "over",
    "逾": "over",
    "不到": "under",
    "不足": "under",
}
# Scope words that open a metric phrase but are not what is measured (园区企业数量).
SCOPE_HEAD_RE = re.compile(r"^(?:全区|全市|全省|全县|园区|辖区|该区|全域|区内|市内)")
FURNITURE_RE = re.compile(
    r"ICP备|备案号|版权所有|©|Copyright|电话[:：]|传真[:：]|邮编[:：]|邮箱[:：]|公网安备|点击[:：]|"
    r"浏览次数|责任编辑"
)
BOOK_RE = re.compile(r"《[^《》\n]{1,80}》")
FILLER_RE = re.compile(
    r"(?:其中|同时|此外|另外|目前|当前|已经|已|并|还|也|而|在|据|据统计|据悉|据了解|数据显示|统计显示|近日|日前|"
    r"我们|该|其|全年|今年|去年|上半年|下半年|前三季度|全区|全市|全省|辖区|共|共计|累计|实现|完成|\s|“|”|\"|\()*"
)
LEAD_VERBS_RE = re.compile(r"^(?:已经|已|共|共计|实现了?|完成了?|达到|拥有|有|并|还|也|其中)+")
LEAD_TAIL_RE = re.compile(r"(?:分别)?(?:为|达到|达|是|了|约|占)$")
# Headings are short: longer lines without punctuation are usually lead sentences.
MAX_HEADING = 20
HEADING_BREAKS = re.compile(r"[。,，;；!！?？:：]")
CAPTION_RE = re.compile(r"(?:\s|^)(?:记者|摄影|通讯员)|\s\S{1,4}\s*摄$|摄$|图片来源|供图$")
# How much a name in the headline, and a zone (what innovation articles are
# mostly about), count against plain mention counts when picking the article's subject.
TITLE_WEIGHT = 3
ZONE_WEIGHT = 2
TOPIC_WEIGHT = 1
CITY_WIDE = ("全市", "全区", "全省", "全县")
CURRENT_WEAK_RE = re.compile(r"已|现有|拥有")
# A clause that states what exists now (已…, 累计…) is not dated by a year carried from an earlier sentence.
STATE_RE = re.compile(r"已|累计|现有")
# Types a subject may be carried over from earlier text: the areas an article is about.
CARRIED_TYPES = frozenset(("region", "zone"))


@dataclass
class _Context:
    """Per-document lookups built once."""

    doc: Document
    text: str
    mentions: list[EntityMention]
    topics: list[tuple[int, EntityMention]]  # clause-initial mentions, by position
    topic_starts: list[int]
    periods: list[PeriodMention]
    period_starts: list[int]
    book_spans: list[tuple[int, int]]
    city: str | None
    main_subject: str | None = None
    headings: list[tuple[int, str | None]] = field(default_factory=list)  # (start, zone it names)
    heading_starts: list[int] = field(default_factory=list)
    report_year: str | None = None  # the year a results release or bulletin reports on


def extract_indicators(
    doc: Document, tokens: list[Token], entities: list[EntityMention]
) -> list[IndicatorRecord]:
    ctx = _build_context(doc, entities)
    records: list[IndicatorRecord] = []
    prev: tuple[Quantity, IndicatorRecord] | None = None
    list_state: dict = {}
    quantities = find_quantities(ctx.text)
    for n, q in enumerate(quantities):
        if _is_furniture(ctx, q) or _heads_other_figures(ctx.text, q, quantities[n + 1 : n + 2]):
            continue
        rec = _make_record(ctx, q, prev, list_state)
        records.append(rec)
        prev = (q, rec)
    return records


def _build_context(doc: Document, entities: list[EntityMention]) -> _Context:
    text = doc.norm
    mentions = sorted((m for m in entities if m.type in SUBJECT_TYPES), key=lambda m: m.start)
    periods = find_periods(text)
    named = sorted(
        mentions + _unmarked_area_names(text, mentions) + _nation_mentions(text), key=lambda m: m.start
    )
    topics = [(m.start, m) for m in named if _is_topic(text, m, periods)]
    ctx = _Context(
        doc,
        text,
        mentions,
        topics,
        [p for p, _ in topics],
        periods,
        [p.start for p in periods],
        [(m.start(), m.end()) for m in BOOK_RE.finditer(text)],
        _main_city(mentions),
    )
    ctx.main_subject = _main_subject(ctx)
    ctx.report_year = _report_year(doc, periods)
    ctx.headings = _section_headings(ctx)
    ctx.heading_starts = [h for h, _ in ctx.headings]
    return ctx


# Results releases, bulletins and work reports come out in the first months of
# the year after the one they report on (ANNOTATION.md: their unmarked
# figures hold for that year).
RESULTS_SEASON_MONTHS = 4
# A results release says what it is in its title or lead: a bulletin, a work
# report, the results (成绩单) presented at a press conference.
RESULTS_RELEASE_RE = re.compile(r"成绩单|统计公报|工作报告|年报|年度报告|发布会")
RESULTS_LEAD_CHARS = 600
# How often the reported year must be named, alone, for a text to read as a review of it.
MIN_REPORT_YEAR_MENTIONS = 3


def _report_year(doc: Document, periods: list[PeriodMention]) -> str | None:
    """The year an annual text reports on: published early in a year and naming
    the year before more often than any other (2025年, 2025年末, 全年)."""
    pub = doc.published.value if doc.published is not None else None
    if not RESULTS_RELEASE_RE.search(doc.norm, 0, RESULTS_LEAD_CHARS):
        return None
    if pub is None or doc.published.precision not in ("day", "month") or pub.month > RESULTS_SEASON_MONTHS:
        return None
    years: dict[int, int] = {}
    for p in periods:
        if p.kind == "explicit" and p.year is not None and not p.relative:
            years[p.year] = years.get(p.year, 0) + 1
    last = pub.year - 1
    count = years.get(last, 0)
    if count >= MIN_REPORT_YEAR_MENTIONS and all(count > n for y, n in years.items() if y != last):
        return str(last)
    return None


def _nation_mentions(text: str) -> list[EntityMention]:
    """我国, 全国 written where a place could stand: the country as a topic (我国…实现…)."""
    return [
        EntityMention(m.group(), m.group(), "region", m.start(), m.end(), "nation")
        for m in NATION_RE.finditer(text)
    ]


def _unmarked_area_names(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Areas written where the entity stage did not mark them: their full name again,
    or the tail a text shortens a zone to (直管园 for 某某高新区直管园, 高新区 for
    某某高新区), each standing for the last area before it that it names."""
    covered = bytearray(len(text) + 1)  # 1 where a name is already marked
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    forms: dict[str, list[EntityMention]] = {}
    anaphors: set[str] = set()
    for m in mentions:
        if m.type in CARRIED_TYPES:
            forms.setdefault(m.norm_name, []).append(m)
        if m.type == "zone":
            for k in range(1, len(m.norm_name) - MIN_ZONE_TAIL + 1):
                forms.setdefault(m.norm_name[k:], []).append(m)
        head = next((h for h in HEAD_NOUNS if m.norm_name.endswith(h) and len(m.norm_name) > len(h)), None)
        if head is not None:
            forms.setdefault(head, []).append(m)
            anaphors.add(head)
    found: list[EntityMention] = []
    for form in sorted(forms, key=len, reverse=True):
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            if form in anaphors:  # a head noun names a body of its own paragraph
                para_start = text.rfind("\n", 0, pos) + 1
                before = [m for m in forms[form] if para_start <= m.start < pos]
            else:
                before = [m for m in forms[form] if m.start < pos] or forms[form]
            if before and not any(covered[pos:end]):
                full = before[-1]
                found.append(EntityMention(full.name, full.norm_name, full.type, pos, end, extractor="tail"))
                covered[pos:end] = b"\x01" * (end - pos)
            pos = text.find(form, end)
    return found


def _section_headings(ctx: _Context) -> list[tuple[int, str | None]]:
    """Short lines without sentence punctuation are section headings; one that
    opens with a zone or region names what its section is about."""
    out, pos = [], 0
    for line in ctx.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped or len(stripped) > MAX_HEADING or HEADING_BREAKS.search(stripped):
            continue
        if stripped.startswith(("▲", "图", "(", "（")) or re.search(r"\.(?:jpe?g|png|gif|webp)", stripped):
            continue  # captions and image names
        if CAPTION_RE.search(stripped):
            continue  # a photo credit (某某 摄) names the picture's place, not the section's subject
        lead = start + len(line) - len(line.lstrip())
        named = next((m for m in ctx.mentions if m.start == lead and m.type in CARRIED_TYPES), None)
        out.append((start, named.name if named else None))
    return out


def _main_city(mentions: list[EntityMention]) -> str | None:
    """The region the article names most often: what 全市 means when no city is named."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.type == "region":
            counts[m.name] = counts.get(m.name, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _clause_start(text: str, pos: int) -> int:
    i = pos - 1
    while i >= 0 and text[i] not in CLAUSE_BREAKS:
        i -= 1
    return i + 1


def _sentence_start(text: str, pos: int) -> int:
    i = pos - 1
    while i >= 0 and text[i] not in SENTENCE_BREAKS:
        i -= 1
    return i + 1


def _visit_or_modifier_head(head: str, after: str) -> bool:
    """走进某公司,…; 某地所在的某产业园集聚…: a place visited or a noun's modifier
    before the mention still leaves it the head of its clause."""
    rest = FILLER_RE.sub("", head, count=1)
    if VISIT_RE.fullmatch(rest):
        return True
    return after != "的" and MODIFIER_HEAD_RE.fullmatch(rest) is not None


def _is_topic(text: str, m: EntityMention, periods: list[PeriodMention]) -> bool:
    """A mention at the head of its clause (after time words and fillers) is what the clause is about."""
    cs = _clause_start(text, m.start)
    head = text[cs : m.start]
    for p in periods:
        if cs <= p.start and p.end <= m.start:
            head = head.replace(p.text, "")
    if (
        FILLER_RE.fullmatch(head) is None
        and not _visit_or_modifier_head(head, text[m.end : m.end + 1])
        or text[m.end : m.end + 1] in "、和及与"
        or text[m.end : m.end + 1].isdigit()
    ):
        return False
    clause_end = m.end
    while clause_end < len(text) and text[clause_end] not in CLAUSE_BREAKS:
        clause_end += 1
    return "分别" not in text[m.end : clause_end]  # items of a list, not the topic


def _is_furniture(ctx: _Context, q: Quantity) -> bool:
    if any(a <= q.start < b for a, b in ctx.book_spans):
        return True
    line_start = ctx.text.rfind("\n", 0, q.start) + 1
    line_end = ctx.text.find("\n", q.end)
    line = ctx.text[line_start : line_end if line_end >= 0 else len(ctx.text)]
    return FURNITURE_RE.search(line) is not None or _is_no_figure(ctx.text, q)


def _is_no_figure(text: str, q: Quantity) -> bool:
    """Numbers that count the field of a comparison (位居全市4个区县第一, 对全省99个开发区),
    policy documents (印发100多个政策文件) or a reporter's visits (记者探访5家高新区)."""
    if q.form != "count":
        return False
    before = text[max(0, q.start - 10) : q.start]
    after = text[q.end : q.end + 14]
    if RANK_SCOPE_BEFORE_RE.search(before) and RANK_AFTER_RE.match(after):
        return True
    if COMPARE_FIELD_BEFORE_RE.search(before) or VISIT_BEFORE_RE.search(before):
        return True
    return POLICY_AFTER_RE.match(after) is not None or _counts_its_list(text, q)


def _counts_its_list(text: str, q: Quantity) -> bool:
    """围绕A、B、C三条产业链 / 形成了A和B两个优势产业: a count of the items just
    listed after a framing verb names a grouping, not a figure."""
    lead = text[_clause_start(text, q.start) : q.start]
    frame = FRAMING_RE.search(lead)
    if frame is None or lead.endswith("等"):
        return False
    items = lead[frame.end() :]
    n = items.count("、") + 1 if "、" in items else 1 + len(re.findall(r"和|及|与", items))
    return n >= 2 and n == q.value


def _heads_other_figures(text: str, q: Quantity, following: list[Quantity]) -> bool:
    """四个平台…分别为28.6%、…; 五条主导产业链同比增长16.3%: a count at the head of a
    clause that then gives the figures of what it counts is a grouping, not a figure."""
    if q.form != "count" or unit_groups().get(_bare_unit(q.unit)) != "count":
        return False
    end = q.end
    while end < len(text) and text[end] not in CLAUSE_BREAKS:
        end += 1
    if "分别" in text[q.end : end]:
        return True
    cs = _clause_start(text, q.start)
    head_empty = FILLER_RE.fullmatch(text[cs : q.start]) is not None
    return head_empty and bool(following) and following[0].start < end and following[0].form == "percent"


def _make_record(ctx: _Context, q: Quantity, prev, list_state: dict) -> IndicatorRecord:
    text = ctx.text
    cs = _clause_start(text, q.start)
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
    period = _period_of(ctx, q, cs)
    metric, tail_end = _metric_of(ctx, q, seg_start, lead, kind)
    metric = _share_of_previous(text, metric, prev, q)
    subject = _subject_of(ctx, q, cs)
    quote_start = _quote_start(text, seg_start, q.start)
    quote_end = max(q.end, tail_end)
    share = APPROX_SHARE_RE.search(lead)
    approx = APPROX_SHARE[share["w"]] if q.approx == "exact" and share else q.approx
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
    _bind_list_item(ctx, q, cs, rec, prev, continues, list_state)
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
    if q.form == "rank":
        return ("change", 1) if RANK_MOVE_RE.search(lead) else ("rank", 1)
    if q.unit in ("位", "名") and RANK_MOVE_RE.search(lead):
        return "change", 1  # 排名前进40位: a move in the ranking
    if q.form == "doubling":
        return "change", 1
    m = CHANGE_RE.search(lead)
    if m and m["to"] not in ("至", "到"):
        return "change", -1 if m[1] in DECREASE else 1
    if m and m["to"] in ("至", "到"):
        return "level", 1
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


def _period_of(ctx: _Context, q: Quantity, cs: int) -> str | None:
    """The period stated for q: right after it in brackets, else the last one
    before it in the sentence, paragraph or the lines just before."""
    text = ctx.text
    pub = ctx.doc.published
    if text[q.end : q.end + 1] in "(（":
        i = bisect_right(ctx.period_starts, q.end + 1) - 1
        if i >= 0 and ctx.periods[i].start == q.end + 1:
            return resolve_period(ctx.periods[i], pub, _context_year(ctx, q.start))
    ss = _period_scope_start(text, q.start)
    para_start = text.rfind("\n", 0, q.start) + 1
    i = bisect_right(ctx.period_starts, q.start) - 1
    while i >= 0:
        p = ctx.periods[i]
        i -= 1
        if p.end > q.start or _is_aside(text, p) or _in_quoted_name(text, p) or _dates_base_only(text, p, q):
            continue
        if p.kind in ("plan", "span"):
            if p.start >= ss:
                return None
            continue
        if p.start < ss and _is_list_label(text, p):
            continue
        if p.start < ss and p.start >= para_start:
            p = _paragraph_opening_period(ctx, p, para_start)
        if (
            p.start >= ss
            or p.start >= para_start
            or _lead_line(text, p)
            and q.start - p.end <= PERIOD_CARRY_CHARS
            or p.kind in ("current", "event")
            and _carries_over_section(ctx, p, q.start)
        ):
            if p.kind == "event":
                return pub.as_text()
            if (
                p.start < ss
                and p.kind != "current"
                and not _lead_line(text, p)
                and STATE_RE.search(text, cs, q.start)
            ):
                return pub.as_text()  # 2024年…。园区已集聚企业300家: the state now, not the year before
            return resolve_period(p, pub, _context_year(ctx, p.start))
        break
    if CURRENT_WEAK_RE.search(text, cs, q.start):
        return pub.as_text()
    return ctx.report_year


def _lead_line(text: str, p: PeriodMention) -> bool:
    """A period standing on a line of its own (a dateline or 前三季度 as a lead) heads what follows."""
    line_start = text.rfind("\n", 0, p.start) + 1
    line_end = text.find("\n", p.end)
    line_end = len(text) if line_end < 0 else line_end
    return line_end - line_start - (p.end - p.start) <= 6


def _dates_base_only(text: str, p: PeriodMention, q: Quantity) -> bool:
    """较2021年的2824亿元增长77%: 2021 dates the base figure, not the growth after it."""
    before = text[p.start - 1 : p.start] if p.start else ""
    return before in ("较", "比", "由", "从") and text[p.end : p.end + 1] == "的" and q.start > p.end + 4


def _is_list_label(text: str, p: PeriodMention) -> bool:
    """入选2021年度某某名单: the year of a list or award dates that statement only."""
    return (
        text[max(0, p.start - 2) : p.start] in SELECTION_VERBS
        and text[p.end : p.end + 1] not in CLAUSE_BREAKS
    )


def _in_quoted_name(text: str, p: PeriodMention) -> bool:
    """“2025年度某某园区”: a year inside a quoted title names the title, not a figure's time."""
    open_at = text.rfind("“", max(0, p.start - 4), p.start + 1)
    if open_at < 0 or text.find("”", open_at, p.start) >= 0:
        return False
    close_at = text.find("”", p.end, p.end + 40)
    return close_at - p.end >= 4 and not re.search(r"[,，。;；:：!！?？]", text[p.end : close_at])


def _paragraph_opening_period(ctx: _Context, p: PeriodMention, para_start: int) -> PeriodMention:
    """A period opening a paragraph (今年上半年,…) holds for all of it; one stated in
    a later sentence of it (…今年以来,…) dates that sentence only."""
    for other in ctx.periods[bisect_right(ctx.period_starts, para_start - 1) :]:
        if other.start > para_start + OPENING_SLACK or other.start >= p.start:
            break
        if other.kind not in ("plan", "event") and not _is_aside(ctx.text, other):
            return other
    return p


def _carries_over_section(ctx: _Context, p: PeriodMention, pos: int) -> bool:
    """截至目前/…以来/6月28日 in a sentence about an area (…以来,某区…) dates the
    figures of the paragraphs after it, up to the next section heading; one in a
    sentence naming no area (当前,全球…) is scene-setting."""
    if not _same_section(ctx, p.start, pos):
        return False
    end = p.end
    while end < len(ctx.text) and ctx.text[end] not in SENTENCE_BREAKS:
        end += 1
    start = _sentence_start(ctx.text, p.start)
    return any(start <= m.start < end and m.type in CARRIED_TYPES for m in ctx.mentions)


def _same_section(ctx: _Context, a: int, b: int) -> bool:
    """No section heading between offsets a and b."""
    k = bisect_right(ctx.heading_starts, b) - 1
    return k < 0 or ctx.heading_starts[k] <= a


def _period_scope_start(text: str, pos: int) -> int:
    """Start of the stretch a period carries over: the sentence, cut at semicolons."""
    i = pos - 1
    while i >= 0 and text[i] not in SENTENCE_BREAKS and text[i] not in ";；":
        i -= 1
    return i + 1


def _is_aside(text: str, p: PeriodMention) -> bool:
    """(1-5月) after a figure dates that figure only; 较2021年 is a base of comparison."""
    before = text[p.start - 1 : p.start] if p.start else ""
    if text[p.end : p.end + 1] in ("讯", "电"):
        return True  # 1月27日讯: the dateline of the report
    if before in ("与", "同") and COMPARED_AFTER_RE.match(text, p.end):
        return True  # 与2019年相比: the base of a comparison
    if before in ("为", "是", "较", "比") and MULTIPLE_AFTER_RE.match(text, p.end):
        return True  # 为2019年的3.6倍: the base year of a multiple
    if before in ("较", "比", "由", "从") and text[p.end : p.end + 1] == "的":
        return False  # 较2021年的2824亿元: the year of that figure
    return before in "(（" and before != "" or before in ("较", "比") and before != ""


def _context_year(ctx: _Context, pos: int) -> int | None:
    """The last explicit year stated before `pos` in its paragraph, for a bare 上半年 or 全年."""
    para_start = ctx.text.rfind("\n", 0, pos) + 1
    i = bisect_right(ctx.period_starts, pos) - 1
    while i >= 0 and ctx.periods[i].start >= para_start:
        p = ctx.periods[i]
        if p.year is not None and not p.relative:
            return p.year
        i -= 1
    return None


def _subject_of(ctx: _Context, q: Quantity, cs: int) -> str | None:
    """The topic of q's clause or sentence; else the last zone or region its
    paragraph was about; else the article's main area."""
    text = ctx.text
    head = text[cs : q.start].lstrip("其中同时此外并且还")
    if head.startswith(CITY_WIDE) and ctx.city and not head[2:].startswith(("占", "的")) and len(head) > 2:
        return ctx.city  # 全市实现…; but 全市占比三分之一 compares with the city
    modified = _mention_at(ctx, q.end + 1) if text[q.end : q.end + 1] == "的" else None
    if modified is not None:
        return _subject_name(ctx, modified)  # 总投资150亿元的某产业园: the figure of what it modifies
    ss = _sentence_start(text, q.start)
    i = bisect_right(ctx.topic_starts, q.start) - 1
    j = i
    while (
        j >= 0 and ctx.topics[j][0] >= ss and _item_of_other_list_entry(text, ss, ctx.topics[j][0], q.start)
    ):
        j -= 1  # 某区主要指标:A;B;C: an entry's own topic does not pass to the next entry
    if j >= 0 and ctx.topics[j][0] >= ss:
        return _subject_name(ctx, ctx.topics[j][1])
    para_start = text.rfind("\n", 0, q.start) + 1
    opener = None
    while i >= 0 and ctx.topics[i][0] >= para_start:
        m = ctx.topics[i][1]
        if m.type in CARRIED_TYPES:
            return _subject_name(ctx, m)
        opener = m if _clause_start(text, m.start) == para_start else None
        i -= 1
    if opener is not None:
        return _subject_name(ctx, opener)  # 走进某公司,… / 某公司是…: what the paragraph opens on
    k = bisect_right(ctx.heading_starts, q.start) - 1
    if k >= 0 and ctx.headings[k][1] is not None and not _names_main_subject(ctx, para_start, q.start):
        return ctx.headings[k][1]
    return ctx.main_subject


def _names_main_subject(ctx: _Context, start: int, end: int) -> bool:
    """A paragraph that names the article's own area is about it, whatever line
    (heading or bare photo caption) stood above it."""
    return ctx.main_subject is not None and any(
        start <= m.start < end and m.name == ctx.main_subject for m in ctx.mentions
    )


def _item_of_other_list_entry(text: str, ss: int, topic: int, pos: int) -> bool:
    """After a colon, entries split by semicolons each have their own topic."""
    colon = max(text.rfind(":", ss, topic), text.rfind("：", ss, topic))
    return colon >= 0 and any(c in ";；" for c in text[topic:pos])


def _mention_at(ctx: _Context, pos: int) -> EntityMention | None:
    return next((m for m in ctx.mentions if m.start == pos), None)


# A ministry or other central body (工业和信息化部, 国家统计局, 国务院) reports the figures
# of the whole country; ANNOTATION.md scores every name of the country as one subject.
COUNTRY = "全国"
# The whole country as written in running text (not 中国 inside names: 中国科学院;
# not 全国首个, 全国第一: a description of a first).
NATION_RE = re.compile(r"我国|全国(?![人政首第])")


def _subject_name(ctx: _Context, m: EntityMention) -> str:
    """A bureau stands for its area: 某某区经济信息委 -> 某某区 when that area is named;
    a central body stands for the country."""
    if m.type == "government" and m.norm_name in central_bodies():
        return COUNTRY
    if m.type == "government":
        for other in ctx.mentions:
            if other.type in CARRIED_TYPES and m.norm_name.startswith(other.norm_name) and other is not m:
                return other.name
    return m.name


def _main_subject(ctx: _Context) -> str | None:
    """What the article is about: the zone or region of the headline, else the one
    named most often, counting every time its name is written (also inside longer
    names) and, more, the times it opens a clause."""
    title = ctx.doc.title or ""
    areas = {m.norm_name: m.name for m in ctx.mentions if m.type in CARRIED_TYPES}
    nation = len(NATION_RE.findall(ctx.text)) + TITLE_WEIGHT * bool(NATION_RE.search(title))
    if not areas:
        if nation:
            return COUNTRY
        return _subject_name(ctx, ctx.mentions[0]) if ctx.mentions else None
    zones = {m.norm_name for m in ctx.mentions if m.type == "zone"}
    topic_counts: dict[str, int] = {}
    for _, m in ctx.topics:
        topic_counts[m.norm_name] = topic_counts.get(m.norm_name, 0) + 1

    def weight(norm: str) -> float:
        in_title = TITLE_WEIGHT if norm in title else TITLE_WEIGHT / 2 if _suffix_in(norm, title) else 0
        return (
            _times_named(ctx, norm)
            + TOPIC_WEIGHT * topic_counts.get(norm, 0)
            + in_title
            + ZONE_WEIGHT * (norm in zones)
        )

    best = max(areas, key=weight)
    # A text that speaks of the country (我国, 全国) more than of any one place is about the country.
    return COUNTRY if nation > weight(best) else areas[best]


def _times_named(ctx: _Context, norm: str) -> int:
    """Occurrences of an area's name on its own or opening the name of one of its
    units (郑州高新区 in 郑州高新区某某中心), not inside a longer area name (重庆 in
    西部(重庆)科学城) or in the middle of another name."""
    count, pos = 0, ctx.text.find(norm)
    while pos >= 0:
        inside = [
            m for m in ctx.mentions if m.start <= pos and pos + len(norm) <= m.end and m.norm_name != norm
        ]
        if all(m.start == pos and m.type not in CARRIED_TYPES for m in inside):
            count += 1
        pos = ctx.text.find(norm, pos + len(norm))
    return count


def _suffix_in(name: str, title: str) -> bool:
    """A headline often shortens a zone's name to its tail (郑州高新区 -> 高新区)."""
    return any(name[k:] in title for k in range(1, len(name) - 2))


def _metric_of(ctx: _Context, q: Quantity, seg_start: int, lead: str, kind: str) -> tuple[str, int]:
    """(metric phrase, end of the noun phrase after the number when the metric is there)."""
    text = ctx.text
    phrase = lead
    for p in ctx.periods:
        if seg_start <= p.start < q.start:
            phrase = phrase.replace(p.text, "")
    for m in ctx.mentions:
        if seg_start <= m.start < q.start and phrase.startswith(m.norm_name):
            phrase = phrase[len(m.norm_name) :]
    phrase = phrase.strip('、和及与,，:： “”"')
    phrase = LEAD_VERBS_RE.sub("", SCOPE_HEAD_RE.sub("", phrase))
    phrase = LEAD_TAIL_RE.sub("", phrase)
    phrase = phrase[-MAX_LEAD:]
    tail_end = q.end
    if q.form == "count" and unit_groups().get(_bare_unit(q.unit)) == "count":
        tail = _tail_phrase(text, q.end)
        # 50多家高端研发机构: the noun after a count is what it counts, whatever came before
        if tail and (len(phrase) <= 2 or _is_cjk(tail[0]) and not VERB_START_RE.match(tail)):
            phrase, tail_end = tail, q.end + len(tail)
    return _finish_metric(phrase, q, kind), tail_end


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _bare_unit(unit: str) -> str:
    return fold_unit(1.0, unit)[1]


def _tail_phrase(text: str, end: int) -> str:
    """The noun phrase after a count (56个…项目落户, 17所高校), up to the clause end."""
    stop = end
    while (
        stop < len(text)
        and stop - end < MAX_TAIL
        and text[stop] not in CLAUSE_BREAKS
        and text[stop] not in "、 \t\u3000"
    ):
        stop += 1
    tail = text[end:stop].strip()
    cut = TAIL_VERB_RE.search(tail, 2)
    return tail[: cut.start()] if cut else tail


def _finish_metric(phrase: str, q: Quantity, kind: str) -> str:
    if kind == "change" and q.form == "percent":
        phrase = re.sub(r"(增长|提高|提升|上升|增加)$", "增速", phrase)
        if not re.search(r"增速|增幅|降幅|涨幅|增长|下降|提升|提高", phrase):
            phrase += "增速"
    elif kind == "rank" and "排名" not in phrase:
        phrase = re.sub(r"(居|列|位居|位列|排|排名|名列)$", "", phrase) + "排名"
    elif (
        q.form == "count"
        and unit_groups().get(_bare_unit(q.unit)) == "count"
        and not re.search(r"[数量]$", phrase)
    ):
        phrase += "数量"
    return phrase


def _bind_list_item(
    ctx: _Context, q: Quantity, cs: int, rec: IndicatorRecord, prev, continues: bool, state: dict
) -> None:
    """ "A、B、C分别…1%、2%、3%": the n-th value belongs to the n-th item."""
    text = ctx.text
    if not continues:
        last_items = state.get("items") or state.get("last_items")
        state.clear()
        state["last_items"] = last_items
        k = text.rfind("分别", cs, q.start)
        if k < 0:
            return
        parts = text[cs:k].split("、")
        if len(parts) < 2:
            state.update(parts=None, index=0, start=None, items=None)
            _apply_list_item(ctx, rec, state)
            return
        state.update(parts=parts, index=0, start=cs, items=_item_subjects(ctx, cs, parts))
    else:
        if "index" not in state:
            return
        state["index"] += 1
    _apply_list_item(ctx, rec, state)


def _apply_list_item(ctx: _Context, rec: IndicatorRecord, state: dict) -> None:
    parts, i = state.get("parts"), state.get("index", 0)
    if state.get("start") is not None:
        rec.start = state["start"]
        rec.quote = ctx.doc.original_text(rec.start, rec.end)
    subjects = state.get("items") or (state.get("last_items") if not state.get("parts") else None)
    if subjects and i < len(subjects) and subjects[i]:
        rec.subject = subjects[i]
    if parts and i < len(parts):
        item = parts[i] if i < len(parts) - 1 else parts[i]
        rec.metric = item.strip()[:MAX_LEAD] + (
            "" if i == len(parts) - 1 else _common_tail(parts, rec.metric)
        )


def _item_subjects(ctx: _Context, cs: int, parts: list[str]) -> list[str | None] | None:
    subjects, pos = [], cs
    for part in parts:
        found = None
        for m in ctx.mentions:
            if pos <= m.start < pos + len(part):
                found = m.name
                break
        subjects.append(found)
        pos += len(part) + 1
    if sum(s is not None for s in subjects) < 2:
        return None
    return subjects


def _common_tail(parts: list[str], metric: str) -> str:
    last = parts[-1]
    return "" if not metric or metric in last else ""


@functools.lru_cache(maxsize=1)
def _metric_vocabulary() -> list[tuple[str, re.Pattern, tuple, tuple]]:
    text = resources.files("innoatlas.data").joinpath("metrics.yaml").read_text(encoding="utf-8")
    return [
        (e["key"], re.compile("|".join(e["patterns"])), tuple(e.get("kinds", ())), tuple(e.get("units", ())))
        for e in yaml.safe_load(text)
    ]


def metric_key(metric: str, kind: str, base_unit: str) -> str | None:
    """The canonical key of a metric phrase from data/metrics.yaml, or None."""
    for key, pattern, kinds, units in _metric_vocabulary():
        if kinds and kind not in kinds:
            continue
        if units and base_unit not in units:
            continue
        if pattern.search(metric):
            return key
    return None


__all__ = ["extract_indicators", "metric_key"]
