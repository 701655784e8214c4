"""The period of a figure: the period marked in its clause, else one carried
from earlier in the sentence, paragraph, section or lead line, within limits.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from innoatlas.extract.indicators.context import (
    CLAUSE_BREAKS,
    SENTENCE_BREAKS,
    Context,
    sentence_start,
)
from innoatlas.extract.indicators.cues import cue
from innoatlas.extract.indicators.numbers import NumberFormatError, Quantity, parse_chinese
from innoatlas.extract.indicators.periods import (
    LAST_YEAR_SEASON,
    RELATIVE_DAYS,
    YEARS_BEFORE_PUBLICATION,
    PeriodMention,
    event_day,
    is_past_target,
    resolve_period,
)
from innoatlas.extract.indicators.places import CARRIED_TYPES
from innoatlas.settings import settings

# How far (characters) a period stated in an earlier paragraph still holds (settings.py).
PERIOD_CARRY_CHARS = settings().extraction.period_carry_chars
# How far into a paragraph a period may start and still open it (数据显示,今年上半年,…).
OPENING_SLACK = 8
MULTIPLE_AFTER_RE = re.compile(
    r"(?:[\u4e00-\u9fff]{0,4}?的)?(?:近|约|超过|逾)?[\d.一二两三四五六七八九十]+倍"
)
COMPARED_AFTER_RE = re.compile(r"(?:同期)?(?:相比|比较|对比)")
FRAME = cue("section_frame")
# A sentence end: text before the lead has none (headline, dateline, credits).
SENTENCE_END_RE = FRAME.trigger
FRAME_PARAGRAPHS = FRAME.params["frame_paragraphs"]
SELECTION_VERBS = ("入选", "获评", "评为", "荣获", "列入", "入围", "获得")
CURRENT_WEAK_RE = cue("current_weak").trigger
# 已有数字车间30个,人均效率提高两成: what exists now, and the clauses after it in its sentence.
EXISTING_RE = cue("current_weak").cue("existing")
RISEN_TO_RE = cue("current_weak").cue("risen_to")
# A clause that states what exists now (已…, 累计…) is not dated by a year carried from an earlier sentence.
STATE_RE = cue("state_now").trigger
AVERAGE_RE = cue("annual_average").trigger


def period_of(ctx: Context, q: Quantity, cs: int) -> str | None:
    """The period stated for q: right after it in brackets, else the last one
    before it in the sentence, paragraph or the lines just before.

    A page that gives only a month and day is read in a guessed year (extract_dates); the
    present it speaks of (截至目前, 已集聚…) is that guessed day, which the text does not give:
    ANNOTATION.md's publication date is then unknown, and so is the period."""
    if PLANNED_OUTLAY_RE.search(ctx.text[cs : q.start]):
        return None  # 年度计划投资16.8亿元: a planned outlay, no figure of any period
    period = _stated_period(ctx, q, cs)
    guessed = ctx.doc.published.value is None and ctx.doc.speaks_from is not None
    if guessed and period is not None and period == ctx.doc.reference_date.as_text():
        return None
    if period is not None and _forecast(ctx, q, cs, period):
        return None
    return period


FORECAST_RE = cue("forecast").trigger
PLANNED_OUTLAY_RE = cue("planned_outlay").trigger


def _forecast(ctx: Context, q: Quantity, cs: int, period: str) -> bool:
    """预计今年营收将突破5亿元: a forecast for a year not over at publication is a plan;
    an annual review's estimates (预计全年…) hold for the year it reports on."""
    published = ctx.doc.published.value
    if published is None or ctx.report_year or not FORECAST_RE.search(ctx.text, cs, q.start):
        return False
    return int(period[:4]) >= published.year


def _stated_period(ctx: Context, q: Quantity, cs: int) -> str | None:
    text = ctx.text
    pub = ctx.doc.reference_date
    if text[q.end : q.end + 1] in "(（":
        i = bisect_right(ctx.period_starts, q.end + 1) - 1
        if i >= 0 and ctx.periods[i].start == q.end + 1:
            return resolve_period(ctx.periods[i], pub, _context_year(ctx, q.start))
    if AVERAGE_RE.search(text, cs, q.start):
        return None  # 年均增长12%: an average over years holds for no one period
    ss = _period_scope_start(text, q.start)
    base = _base_of_change(ctx, q, ss)
    if base is not None:
        return base
    para_start = _paragraph_start(text, q.start)
    sent = sentence_start(text, q.start)
    i = bisect_right(ctx.period_starts, q.start) - 1
    named_year = None
    while i >= 0:
        p = ctx.periods[i]
        i -= 1
        if p.end > q.start or _is_aside(text, p) or _in_quoted_name(text, p) or _dates_base_only(text, p, q):
            continue
        if p.start < cs and _dates_founding(text, p):
            continue  # 2012年晋升为国家级高新区，面积120平方公里: the event's year, not the area's
        if i >= 0 and _names_event_after_day(ctx, p, ctx.periods[i]):
            named_year = p.year  # the event's own year completes its day when the page gives none
            continue
        if p.kind == "plan" and (
            _PLAN_NAME_AFTER.match(text, p.end) or p.start < sent and _aim_named(text, p)
        ):
            # 实施“十四五”规划的关键之年: the plan's name, no target the figures are set for; 锚定…目标。
            # names an aim without saying it, and frames no later sentence (目标:A达到… still does)
            continue
        if p.kind in ("plan", "span") and not is_past_target(p, pub):
            if p.start >= ss or p.kind == "span" and p.start >= sent:
                # 2018-2022年,A由…增至…;B由…增至…: a span reaches the clauses its sentence lists
                return _span_endpoint(ctx, p, q)
            if p.kind == "plan" and p.start >= para_start and not _goal_phrase(text, p):
                return None  # 到2027年,A达到…;B达到…。C突破…: a target reaches the rest of its paragraph
            continue
        if p.start < ss and _is_list_label(text, p):
            continue
        if p.start < sent and p.start >= para_start:
            # a period of q's own sentence, before a semicolon, holds over the paragraph's opener
            p = _paragraph_opening_period(ctx, p, para_start)
        if (
            p.start >= ss
            or p.start >= para_start
            or _lead_line(text, p)
            and q.start - p.end <= PERIOD_CARRY_CHARS
            or p.kind in ("current", "event")
            and p.sub not in RELATIVE_DAYS  # 昨天的大会上…: that day's paragraph, no more
            and _carries_over_section(ctx, p, q.start)
        ):
            if p.kind == "event":
                # the day of an event dates its own sentence; carried further it stands for the present
                if named_year and p.year is None and not p.relative:
                    p = replace(p, year=named_year)
                return (event_day(p, pub) if p.start >= para_start else None) or pub.as_text()
            if (
                p.start < ss
                and p.kind != "current"
                and not _lead_line(text, p)
                and STATE_RE.search(text, cs, q.start)
                and not (p.sub and CUMULATIVE_RE.match(p.sub))  # 1-5月,…累计640个: over that stretch
            ):
                return pub.as_text()  # 2024年…。园区已集聚企业300家: the state now, not the year before
            return resolve_period(p, pub, _year_of_bare(ctx, p))
        break
    if CURRENT_WEAK_RE.search(text, cs, q.start) or EXISTING_RE.search(text, ss, q.start):
        return pub.as_text()
    if RISEN_TO_RE.search(text, cs, q.start) and not _in_headline(ctx, q.start):
        return pub.as_text()  # 增至260家 in the body; the headline's copy has no time of its own
    return ctx.report_year


SPAN = cue("span_endpoints")
SPAN_FROM_RE = SPAN.cue("from_value")
SPAN_TO_RE = SPAN.cue("to_value")
SPAN_YEARS = SPAN.params["plan_years"]


SPAN_BASE_YEAR_RE = SPAN.cue("base_year")
SPAN_YEARS_SINCE_RE = SPAN.cue("years_since")
SPAN_CUMULATIVE_RE = SPAN.cue("cumulative")


FOUNDING = cue("founding_year")
FOUNDING_RE = FOUNDING.trigger
FOUNDED_IN_RE = FOUNDING.cue("founded_in")


def _dates_founding(text: str, p: PeriodMention) -> bool:
    """2012年晋升为…, 成立于2012年: the year of a body's founding, approval or upgrade."""
    if p.year is None or p.sub:
        return False
    return bool(FOUNDING_RE.match(text, p.end) or FOUNDED_IN_RE.search(text, max(0, p.start - 4), p.start))


def _base_of_change(ctx: Context, q: Quantity, ss: int) -> str | None:
    """与2019年相比,人口从320万…; 5年来,产值从2800亿元…: the value a change starts
    from holds for the base year its sentence names, or for the year before a span
    of years counted back from publication."""
    text = ctx.text
    if not SPAN_FROM_RE.search(text[max(ss, q.start - 6) : q.start]):
        return None
    base = SPAN_BASE_YEAR_RE.search(text, ss, q.start)
    if base is not None:
        return base["year"]
    since = SPAN_YEARS_SINCE_RE.search(text, ss, q.start)
    pub = ctx.doc.reference_date
    if since is None or pub.value is None or pub.precision not in ("day", "month"):
        return None
    try:
        years = int(since["n"]) if since["n"].isdigit() else parse_chinese(since["n"])
    except NumberFormatError:
        return None
    early = pub.value.month <= LAST_YEAR_SEASON  # a count of whole years ends with the last one
    return str(pub.value.year - years - (1 if early else 0))


def _span_endpoint(ctx: Context, p: PeriodMention, q: Quantity) -> str | None:
    """“十四五”时期,产值从600亿元增至1100亿元: over a five-year plan the value it
    started from holds for the year before the plan, the one it reached for its
    last year (once that year is over); any other figure of the span has no period.
    A span whose years are written out (2018-2022年,A由6590家增至2万家) is read as
    it is written: the first value holds for its first year."""
    if p.kind != "span" or p.year is None:
        return None
    text = ctx.text
    if SPAN_FROM_RE.search(text[max(p.end, q.start - 6) : q.start]):
        return str(p.first_year or p.year - SPAN_YEARS)
    pub = ctx.doc.reference_date.value
    reached = pub is not None and ctx.doc.reference_date.precision != "unknown" and p.year < pub.year
    between = text[p.end : q.start]
    if reached and SPAN_TO_RE.search(between) and re.search(r"[从由]", between):
        return str(p.year)
    if reached and SPAN_CUMULATIVE_RE.search(re.split(r"[,，;；]", between)[-1]):  # in q's own clause
        return str(p.year)
    return None


GOAL_RE = cue("target_reach").trigger
# “十四五”规划, 十四五规划纲要: a plan period that names the plan itself.
_PLAN_NAME_AFTER = re.compile(r"[”\"]?(?:规划|时期)")


def _aim_named(text: str, p: PeriodMention) -> bool:
    """锚定“进中游”目标,: the word 目标 as the object of a verb, not opening what the aim is."""
    return p.year is None and p.text.endswith("目标") and not _AIM_OPENS.match(text, p.end)


_AIM_OPENS = re.compile(r"[:：是为]")


def _goal_phrase(text: str, p: PeriodMention) -> bool:
    """以…为目标 names an aim, not a time: the results reported after it keep their own period."""
    return p.start > 0 and GOAL_RE.match(text, p.start - 1, p.end) is not None


def _in_headline(ctx: Context, pos: int) -> bool:
    """On the document's first line, or on a line that repeats its headline."""
    line_start = ctx.text.rfind("\n", 0, pos) + 1
    line_end = ctx.text.find("\n", pos)
    line = ctx.text[line_start : line_end if line_end >= 0 else len(ctx.text)].strip()
    return line_start == 0 or bool(ctx.doc.title) and line == ctx.doc.norm_title


def _lead_line(text: str, p: PeriodMention) -> bool:
    """A period standing on a line of its own (a dateline or 前三季度 as a lead) heads what follows."""
    line_start = text.rfind("\n", 0, p.start) + 1
    line_end = text.find("\n", p.end)
    line_end = len(text) if line_end < 0 else line_end
    return line_end - line_start - (p.end - p.start) <= 6


def _dates_base_only(text: str, p: PeriodMention, q: Quantity) -> bool:
    """较2021年的2824亿元增长77%: 2021 dates the base figure, not the growth after it; 在2022年的
    基础上, 以2022年为100, 与2022年相比 name a base year, which dates no figure after them."""
    before = text[p.start - 1 : p.start] if p.start else ""
    if before in ("较", "比", "由", "从") and text[p.end : p.end + 1] == "的" and q.start > p.end + 4:
        return True
    frame = _BASE_YEAR_OPEN.get(text[p.start - 1]) if p.start else None
    return frame is not None and frame.match(text, p.end, p.end + 8) is not None


# 在2022年的基础上, 以2022年为100 (为基期, 为基数), 与2022年相比: the frame of a base year,
# by the word before the year and the words after it.
_BASE_YEAR_OPEN = {
    "在": re.compile(r"的?基础上"),
    "以": re.compile(r"为(?:100|基期|基数|基准)"),
    "与": re.compile(r"相比"),
}


CONTINUED_RE = cue("continued_paragraph").trigger


def _paragraph_start(text: str, pos: int) -> int:
    """Start of pos's paragraph; one that opens with 分行业看 or 从…看 goes on with the
    paragraph before it, whose time marker reaches it."""
    start = text.rfind("\n", 0, pos) + 1
    while start > 0 and (CONTINUED_RE.match(text, start) or _ends_in_semicolon(text, start)):
        prev = text.rfind("\n", 0, start - 1) + 1
        while prev > 0 and not text[prev:start].strip():
            prev = text.rfind("\n", 0, prev - 1) + 1  # blank lines between paragraphs
        start = prev
    return start


def _ends_in_semicolon(text: str, start: int) -> bool:
    """The line before ends in a semicolon: one sentence runs on over the lines of a list
    (2022年，A增长31%；⏎B达到3605家；⏎C…)."""
    before = text[:start].rstrip()
    return before.endswith((";", "；"))


def _is_list_label(text: str, p: PeriodMention) -> bool:
    """入选2021年度某某名单: the year of a list or award dates that statement only."""
    return (
        text[max(0, p.start - 2) : p.start] in SELECTION_VERBS
        and text[p.end : p.end + 1] not in CLAUSE_BREAKS
    )


EVENT_NAME_RE = cue("event_name_period").trigger


def _names_event_after_day(ctx: Context, p: PeriodMention, before: PeriodMention) -> bool:
    """7月3日上午,2023年全省某动员会在某地举行: the year is the first word of the event's
    name, and the day the sentence opens with dates the event."""
    return (
        before.kind == "event"
        and before.start >= sentence_start(ctx.text, p.start)
        and EVENT_NAME_RE.match(ctx.text, p.end) is not None
    )


def _in_quoted_name(text: str, p: PeriodMention) -> bool:
    """“2025年度某某园区”: a year inside a quoted title names the title, not a figure's time."""
    open_at = text.rfind("“", max(0, p.start - 4), p.start + 1)
    if open_at < 0 or text.find("”", open_at, p.start) >= 0:
        return False
    close_at = text.find("”", p.end, p.end + 40)
    return close_at - p.end >= 4 and not re.search(r"[,，。;；:：!！?？]", text[p.end : close_at])


def _paragraph_opening_period(ctx: Context, p: PeriodMention, para_start: int) -> PeriodMention:
    """A period opening a paragraph (今年上半年,…) holds for all of it; one stated in
    a later sentence of it (…今年以来,…) dates that sentence only, unless it is a
    stretch from the start of the year that narrows an opener naming the whole
    year (今年以来,… 1—9月,…)."""
    for other in ctx.periods[bisect_right(ctx.period_starts, para_start - 1) :]:
        if other.start > para_start + OPENING_SLACK or other.start >= p.start:
            break
        if other.kind not in ("plan", "event") and not _is_aside(ctx.text, other):
            if _narrows(p, other) or other.kind == "current" and p.kind == "explicit":
                return p  # 近年来,…。2020年,…。A…: the year stated later is the more precise
            return other
    return p


CUMULATIVE_RE = cue("cumulative_stretch").trigger


def _narrows(p: PeriodMention, opener: PeriodMention) -> bool:
    """1—9月 after 今年以来 or 2024年: the same year, told more precisely."""
    if opener.kind != "explicit" or opener.sub or p.kind not in ("bare", "explicit"):
        return False
    same_year = p.kind == "bare" or p.year == opener.year and p.relative == opener.relative
    return same_year and p.sub is not None and CUMULATIVE_RE.match(p.sub) is not None


def _carries_over_section(ctx: Context, p: PeriodMention, pos: int) -> bool:
    """截至目前/…以来/6月28日 in a sentence about an area (…以来,某区…) of the lead
    or a section's opening paragraph dates the figures of the paragraphs after
    it, up to the next section heading; one in a sentence naming no area
    (当前,全球…) is scene-setting."""
    if not _same_section(ctx, p.start, pos) or not _opens_section(ctx, p.start):
        return False
    end = p.end
    while end < len(ctx.text) and ctx.text[end] not in SENTENCE_BREAKS:
        end += 1
    start = sentence_start(ctx.text, p.start)
    return any(start <= m.start < end and m.type in CARRIED_TYPES for m in ctx.mentions)


def _opens_section(ctx: Context, pos: int) -> bool:
    """The paragraph holding pos is the story's lead or one of the first
    paragraphs after a section heading: it frames what follows; a later
    paragraph's time marker reaches only the end of its own paragraph."""
    start = ctx.text.rfind("\n", 0, pos) + 1
    if SENTENCE_END_RE.search(ctx.text, 0, start) is None:
        return True  # the lead: the first paragraph of sentences
    for _ in range(FRAME_PARAGRAPHS):
        prev_line = ctx.text.rfind("\n", 0, len(ctx.text[:start].rstrip())) + 1
        k = bisect_right(ctx.heading_starts, prev_line) - 1
        if k >= 0 and ctx.heading_starts[k] == prev_line:
            return True
        start = prev_line
    return False


def _same_section(ctx: Context, a: int, b: int) -> bool:
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
    if before in ("自", "从") and _SINCE_LATER.match(text, p.end) and not p.text.endswith("以来"):
        return True  # 自1988年建区以来: where a stretch up to now starts, which dates no figure
    if _in_brackets(text, p.start):
        return True  # 去年,6个园区(某园区2015年3月获批)产值…: a remark in brackets dates itself only
    return before in ("较", "比") and before != ""


# 自1988年建区以来: 以来 closing the same clause after the year.
_SINCE_LATER = re.compile(r"[^,，。;；:：!！?？\n]{1,20}?以来")
# How far back an opening bracket still holds a period inside it.
BRACKET_REACH = 20


def _in_brackets(text: str, pos: int) -> bool:
    """pos stands inside a bracketed remark opened a little before it and not yet closed."""
    window = re.split(r"[\n。;；]", text[max(0, pos - BRACKET_REACH) : pos])[-1]
    opened = max(window.rfind("("), window.rfind("（"))
    return opened >= 0 and not re.search(r"[)）]", window[opened:])


def _year_of_bare(ctx: Context, p: PeriodMention) -> int | None:
    """A bare 全年 in an annual document is the year it reports on, whatever year a figure
    before it in the paragraph was of (2022年研发经费…。全年高新技术产业… in a 2023 report)."""
    if p.sub == "全年" and p.year is None and not p.relative and ctx.report_year:
        return int(ctx.report_year)
    return _context_year(ctx, p.start)


def _context_year(ctx: Context, pos: int) -> int | None:
    """The last explicit year stated before `pos` in its paragraph, for a bare 上半年 or 全年;
    else the year an annual document reports on (a bulletin's 全年)."""
    para_start = ctx.text.rfind("\n", 0, pos) + 1
    i = bisect_right(ctx.period_starts, pos) - 1
    while i >= 0 and ctx.periods[i].start >= para_start:
        p = ctx.periods[i]
        if p.year is not None and not p.relative and p.kind != "span":
            return p.year  # a plan's span (2023—2027年) is no year of the figures after it
        if (
            p.relative == "今年"
            and p.kind == "explicit"
            and not p.sub
            and ctx.doc.published.value is not None
        ):
            return ctx.doc.published.value.year  # 今年以来,…完成全年目标的90%: this year's
        if (
            p.relative in YEARS_BEFORE_PUBLICATION
            and p.kind == "explicit"
            and not p.sub
            and ctx.doc.published.value
        ):
            # 去年,…全年产值…: a year named from the publication's gives a bare 全年 after it its year
            return ctx.doc.published.value.year - YEARS_BEFORE_PUBLICATION[p.relative]
        i -= 1
    if ctx.report_year:
        return int(ctx.report_year)
    if ctx.doc.reference_date.value is None:
        return _last_year_named(ctx, pos)
    return None


def _last_year_named(ctx: Context, pos: int) -> int | None:
    """A text that gives no date of its own (a page cut from its site) speaks of the last
    year it names before pos, its headline's included: 2024年1-4月… then 1-4月 again."""
    i = bisect_right(ctx.period_starts, pos) - 1
    while i >= 0:
        p = ctx.periods[i]
        if p.kind in ("explicit", "bare") and p.year is not None and not p.relative:
            return p.year
        i -= 1
    return None
