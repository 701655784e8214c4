"""Time expressions that say when a figure holds, in ANNOTATION.md formats.

Formats: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1, YYYY-Q3, YYYY-Q1..Q3 and
YYYY-01..05. `find_periods` lists the time expressions of a text;
`resolve_period` turns one into a period string given the publication date
and the year the context is talking about (for a bare 上半年 or 全年).

Statements of the current state (截至目前, 目前, 近年来, …以来) hold at the
publication date; plans and targets (力争, 到2025年, 达产后) hold for no
known period; a day date (10月23日) dates an event, not a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from innoatlas.documents.model import PublishedDate
from innoatlas.extract.indicators.cues import cue
from innoatlas.extract.indicators.numerals import NumberFormatError, parse_chinese

_CN = "一二三四五六七八九十两"
# Months into a year in which 过去一年 still means the year just ended (results come out by April).
LAST_YEAR_SEASON = cue("results_release").params["season_months"]
_MONTH = rf"(?:1[0-2]|0?[1-9]|十[一二]?|[{_CN}])"
_YEAR = r"(?:(?P<y>(?:19|20)\d{2})[ ]?年|(?P<rel>今年|去年|前年|上年|本年|当年|明年|过去(?:的)?一年|(?<![近最])一年来))"
_SUB = (
    r"(?P<sub>全年|上半年|下半年|前三季度|前(?P<qn>[一二两三1-3])(?:个)?季度"
    r"|(?:1|一)(?:-|—|–|~|至|到)(?P<qe>[二两三2-3])季度|第?(?P<q>[一二三四1-4])季度"
    rf"|(?:1|一)月?(?:-|—|–|~|至|到)(?P<m2>{_MONTH})月(?:份)?|前(?P<mn>{_MONTH})(?:个)?月"
    rf"|(?P<m>{_MONTH})月(?:份)?(?P<mend>末|底|初)?(?:(?P<d>[0-3]?\d)日)?"
    r"|年?底|年?末|年初|年度|度)"
)
# 确定的目标任务, 完成年度目标, 占年度目标的116%: 目标 as the noun of targets met or set is no marker
# of a target; nor is 争取 with the funds a body won (争取上级资金3亿元), a result of a year under review.
_PLAN = r"(?P<plan>力争|争取(?![\u4e00-\u9fff]{0,10}?(?:资金|债券|补助))|(?<!的)目标(?!任务|的\d)|计划到|规划到|达产后|建成后|投产后|届时|(?<!截)[至到](?P<plan_y>20\d{2})年)"
_CURRENT = r"(?P<current>截至目前|截止目前|截至当前|目前|当前|至今|迄今|如今|近年来|近年(?=[,，])|近几年|现已|(?:\d+|[两二三四五六七八九十几]|十[一二三四五六七八九])年来(?![,，、]?\d*年?来?(?:首次|最高|最低|最好|最快|新高|新低))|多年来|(?:过去|近)(?:[两二三四五六七八九十几]|[2-9]|\d\d)年(?![前底末初中内])|以来)"
_FIVE_YEAR = r"(?P<fyp>[“\"]?(?P<fyp_n>十[一二三四五六七八九]|[一二三四五六七八九])五[”\"]?(?P<fyp_t>末|期间|时期|以来))"
# 2022某某城市创新百强榜: a bare year naming the edition of a ranking or list; 2025某某车展,
# 2024某某大会: of a yearly fair, conference, forum or contest, whose deals and visitors are
# that year's.
_LIST_YEAR = (
    r"(?P<list_y>(?<!\d)(?:19|20)\d{2})"
    r"(?=[^\d\s,，。;；:：、]{2,24}?(?:榜|名单|排行|排名|报告|指数|白皮书|蓝皮书)"
    r"|[^\d\s,，。;；:：、和与及]{2,16}?(?:车展|博览会|展览会|交易会|展会|大会|论坛|峰会|大赛|年会))"
)
# 近日, 日前: an event of the last days, reported on the publication date (as a dated event is).
_RECENT = rf"(?P<recent>{cue('recent_event').trigger.pattern})"
# 2011-2022年, 2016年至2020年: several years, which no period format holds (a multi-year
# average or total has no period; the value reached at the end is of the last year).
_YEAR_SPAN = (
    r"(?P<yspan>(?P<yspan_a>(?:19|20)\d{2})年?[ ]?(?:-|—|–|－|~|～|至|到)[ ]?(?P<yspan_b>(?:19|20)\d{2})年)"
)
# 23日闭幕, 9日上午: a day of the month alone, as news writes the day of an event of the month
# it appears in (or of the month before, for a day later than the publication's).
_BARE_DAY = r"(?P<bday>(?<![月\d.\-/])(?:[1-2]\d|3[01]|0?[1-9])日(?=上午|下午|晚|凌晨|举行|召开|开幕|闭幕|发布|在|[,，]))"
# 昨天的某大会上, 今日开幕: a day named from the one the report was written on, as news writes
# the day of its event (本报讯…昨天); the day before the publication's, or that day itself.
RELATIVE_DAYS = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}
_RELATIVE_DAY = r"(?P<relday>(?:今天|今日|昨天|昨日|前天)(?!头条|中国|之|的我))"
PERIOD_RE = re.compile(
    rf"{_FIVE_YEAR}|{_YEAR_SPAN}|{_PLAN}|{_CURRENT}|{_RECENT}|{_RELATIVE_DAY}|{_LIST_YEAR}|{_BARE_DAY}"
    rf"|(?P<cut>截至|截止到|截止)?(?=[\d今去前上本当明全下第一二三四五六七八九十年过])(?:{_YEAR})?(?:{_SUB})?(?P<since>以来|(?<=今年)来(?=[,，]))?"
)
# A bare 年底/年度/全年 without a year is too vague to be a period on its own.
_BARE_NEEDS_YEAR = {"年底", "底", "年末", "末", "年初", "年度"}


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    kind: str  # explicit, bare (needs the context year), current, plan, event, span (several years)
    text: str
    year: int | None = None  # explicit year (or year offset resolved later for relative years)
    relative: str | None = None  # 今年, 去年...
    sub: str | None = None  # the part after the year: 上半年, 1-8月, ...
    first_year: int | None = None  # the first year of a span of years written out (2016至2020年)
    reached: bool = False  # 增长到2020年的3200家: the year of a value a change reached


def find_periods(text: str) -> list[PeriodMention]:
    out = []
    dated_months: dict[str, int] = {}  # 11月 -> 2023 once the text has said 2023年11月
    for m in PERIOD_RE.finditer(text):
        mention = _mention(m) or _repeated_month(m, dated_months)
        if mention is None:
            continue
        out.append(mention)
        if mention.kind == "explicit" and mention.year and mention.sub and _MONTH_ONLY.fullmatch(mention.sub):
            dated_months[mention.sub.rstrip("份")] = mention.year
    return out


_MONTH_ONLY = re.compile(rf"{_MONTH}月份?")


def _repeated_month(m: re.Match, dated_months: dict[str, int]) -> PeriodMention | None:
    """A month said alone (11月完成备案的项目…) that repeats the month the text dated before
    (2023年11月…): the same month, as a later mention of a dated thing drops what is known."""
    sub = m["sub"]
    if m["y"] or m["rel"] or m["d"] or m["cut"] or not sub or not _MONTH_ONLY.fullmatch(sub):
        return None
    year = dated_months.get(sub.rstrip("份"))
    return PeriodMention(m.start(), m.end(), "explicit", m.group(0), year, sub=sub) if year else None


def _mention(m: re.Match) -> PeriodMention | None:
    s, e, t = m.start(), m.end(), m.group(0)
    if m["fyp"]:
        return _five_year_plan(m)
    if m["yspan"]:
        return PeriodMention(s, e, "span", t, int(m["yspan_b"]), first_year=int(m["yspan_a"]))
    if m["plan"]:
        year = int(m["plan_y"]) if m["plan_y"] else None
        return PeriodMention(s, e, "plan", t, year, reached=year is not None and _reached_value_year(m))
    if m["current"]:
        return PeriodMention(s, e, "current", t)
    if m["recent"]:
        return PeriodMention(s, e, "event", t)
    if m["relday"]:
        return PeriodMention(s, e, "event", t, sub=t)
    if m["list_y"]:
        return PeriodMention(s, e, "explicit", t, int(m["list_y"]))
    if m["bday"]:
        return PeriodMention(s, e, "event", t, sub=t)
    sub = m["sub"]
    if not sub and not m["y"] and not m["rel"]:
        return None
    if m["since"]:
        if m["rel"] == "今年" and not sub:  # 今年以来: the year so far
            return PeriodMention(s, e, "explicit", t, None, "今年")
        return PeriodMention(s, e, "current", t)
    if not m["y"] and not m["rel"]:
        if sub in _BARE_NEEDS_YEAR or sub == "度":
            return None
        if m["d"]:
            return PeriodMention(s, e, "event", t, sub=sub)
        if m["m"] and not m["mend"] and not m["cut"] and not t.endswith("份"):
            return None  # 5月 alone is usually an event month; a figure's period names the year or 截至
        return PeriodMention(s, e, "bare", t, sub=sub)
    year = int(m["y"]) if m["y"] else None
    if m["rel"] == "明年":
        return PeriodMention(s, e, "plan", t)
    if m["d"] and not m["cut"]:
        return PeriodMention(s, e, "event", t, year, m["rel"], sub)
    return PeriodMention(s, e, "explicit", t, year, m["rel"], sub)


# 增长到2020年的3200家: 到 ends the verb of change (增长到, 增至), and the year with 的 dates the
# value reached: a result, unless the text was written before that year.
_CHANGE_VERB_BEFORE = re.compile(r"(?:增长|增加|提高|提升|上升|扩大|跃升|下降|减少|降低|增|升|降)$")


def _reached_value_year(m: re.Match) -> bool:
    before = m.string[max(0, m.start() - 2) : m.start()]
    return m.string[m.end() : m.end() + 1] == "的" and _CHANGE_VERB_BEFORE.search(before) is not None


def _five_year_plan(m: re.Match) -> PeriodMention | None:
    """“十三五”末 -> 2020; “十四五”以来 is the current state; 期间 spans five years,
    which no period format holds: a figure of that span has no period."""
    try:
        n = parse_chinese(m["fyp_n"])
    except NumberFormatError:
        return None
    last_year = 1953 + 5 * n + 2  # 一五 = 1953-1957, 十三五 = 2016-2020
    if m["fyp_t"] == "末":
        return PeriodMention(m.start(), m.end(), "explicit", m.group(0), last_year)
    if m["fyp_t"] == "以来":
        return PeriodMention(m.start(), m.end(), "current", m.group(0))
    return PeriodMention(m.start(), m.end(), "span", m.group(0), last_year)


def resolve_period(p: PeriodMention, published: PublishedDate, context_year: int | None) -> str | None:
    """The ANNOTATION.md period of a mention, or None when it cannot be told."""
    if is_past_target(p, published):
        return f"{p.year}"  # 到2025年末 written in 2026: the figure of that year, not a target
    if p.kind in ("plan", "event", "span"):
        return None
    if p.kind == "current":
        return published.as_text()
    if _after_publication(p, published):
        return None  # 2025年…超30% in a plan of 2021: a target, which has no period yet
    year = p.year
    if p.relative:
        year = _relative_year(p.relative, published, context_year)
    elif p.kind == "bare":
        year = context_year
        if year is None and p.sub != "全年":
            # a bare 上半年 or 1-8月 in news is the latest such stretch: of the publication
            # year, unless it had not begun by then (第四季度 in April: last year's); a bare
            # 全年 may be last year's, a target's or this one's
            year = _pub_year(published)
            if year is not None and _begins_after(p.sub, published):
                year -= 1
    if year is None:
        return None
    return _format(year, p.sub, p.text)


def event_day(p: PeriodMention, published: PublishedDate) -> str | None:
    """The day an event dated 今年3月16日 or 1月7日 took place: its year as written, else
    the publication year (the year before for a month later than publication's)."""
    if p.kind == "event" and p.sub in RELATIVE_DAYS:
        if published.precision != "day" or published.value is None:
            return None  # only a text dated to the day tells which day its 昨天 was
        return (published.value - timedelta(days=RELATIVE_DAYS[p.sub])).isoformat()
    if p.kind != "event" or not p.sub or "日" not in p.sub:
        return None
    if "月" not in p.sub:
        return _day_of_month(int(p.sub.rstrip("日")), published)
    pub = _pub_year(published)
    year = p.year
    if p.relative:
        year = _relative_year(p.relative, published, None)
    elif year is None and pub is not None and published.precision in ("day", "month"):
        month = re.match(rf"({_MONTH})月", p.sub)
        year = pub - 1 if month and _int(month[1]) > published.value.month else pub
    if year is None or _after_publication(PeriodMention(0, 0, "explicit", "", year), published):
        return None
    try:
        return _format(year, p.sub, p.text)
    except ValueError:
        return None  # 2月30日: no such day


def _day_of_month(day: int, published: PublishedDate) -> str | None:
    """23日 in a text of 2019-09-24: 2019-09-23; a day later than the publication's is of the
    month before. Only a text dated to the day tells the month."""
    if published.precision != "day" or published.value is None:
        return None
    year, month = published.value.year, published.value.month
    if day > published.value.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None  # 31日 of a month of 30 days


def is_past_target(p: PeriodMention, published: PublishedDate) -> bool:
    """到2025年 in a text published after 2025 reports a result up to then, not a target; so
    does the year of a value a change reached (增长到2020年的3200家) when no date says otherwise."""
    pub = _pub_year(published)
    if p.kind != "plan" or p.year is None:
        return False
    return p.year < pub if pub is not None else p.reached


def _after_publication(p: PeriodMention, published: PublishedDate) -> bool:
    """A year written out that is later than the publication year can only be a target or a forecast."""
    pub = _pub_year(published)
    return p.year is not None and not p.relative and pub is not None and p.year > pub


def _pub_year(published: PublishedDate) -> int | None:
    return published.value.year if published.value and published.precision != "unknown" else None


# The years named from the publication's: how many years before it each one is.
YEARS_BEFORE_PUBLICATION = {"去年": 1, "上年": 1, "前年": 2}


def _relative_year(rel: str, published: PublishedDate, context_year: int | None) -> int | None:
    if rel == "当年":
        return context_year
    base = _pub_year(published)
    if base is None:
        # a work report cut from its page: 过去一年 is the year it reviews, when the text says which
        return context_year if _past_year(rel) else None
    if _past_year(rel):
        # 过去一年 said early in a year is the year just ended; later it spans two years
        early = published.precision in ("day", "month") and published.value.month <= LAST_YEAR_SEASON
        return base - 1 if early else None
    return base - YEARS_BEFORE_PUBLICATION.get(rel, 0)


def _past_year(rel: str) -> bool:
    """过去一年 and 一年来 (opening a work report's review): the year behind the speaker."""
    return rel.startswith("过去") or rel == "一年来"


def _format(year: int, sub: str | None, text: str) -> str:
    if not sub or sub in ("全年", "年度", "度"):
        return f"{year}"
    if sub == "上半年":
        return f"{year}-H1"
    if sub == "下半年":
        return f"{year}-H2"
    if sub in ("年底", "底", "年末", "末"):
        return f"{year}"
    if sub == "年初":
        return f"{year}-01"
    # 前三季度 and 1-3季度 (一至三季度): the quarters from the first to that one
    m = re.fullmatch(r"前(.)(?:个)?季度", sub) or re.fullmatch(r"(?:1|一)(?:-|—|–|~|至|到)(.)季度", sub)
    if m:
        return f"{year}-Q1..Q{_int(m[1])}" if _int(m[1]) > 1 else f"{year}-Q1"
    m = re.fullmatch(r"第?(.)季度", sub)
    if m:
        return f"{year}-Q{_int(m[1])}"
    m = re.search(rf"(?:-|—|–|~|至|到)({_MONTH})月", sub)
    if m:
        return f"{year}-01..{_int(m[1]):02d}"
    m = re.fullmatch(rf"前({_MONTH})(?:个)?月", sub)
    if m:
        return f"{year}-01..{_int(m[1]):02d}"
    m = re.match(rf"({_MONTH})月(?:份)?(?:末|底|初)?(?:([0-3]?\d)日)?", sub)
    if m:
        month = _int(m[1])
        if m[2]:
            return date(year, month, int(m[2])).isoformat()
        return f"{year}-{month:02d}"
    return f"{year}"


def _begins_after(sub: str | None, published: PublishedDate) -> bool:
    """A quarter or half of the year that begins after the month a text was published in."""
    if not sub or published.value is None or published.precision not in ("day", "month"):
        return False
    m = re.fullmatch(r"第?(.)季度", sub)
    first = 3 * _int(m[1]) - 2 if m else (7 if sub == "下半年" else None)
    return first is not None and first > published.value.month


def _int(s: str) -> int:
    return int(s) if s.isdigit() else parse_chinese(s)


__all__ = ["PeriodMention", "event_day", "find_periods", "is_past_target", "resolve_period"]
