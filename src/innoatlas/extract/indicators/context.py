"""What a document tells about all its figures: its main subject, the topics
of its clauses, its section headings, the year an annual release reports on,
and the places it names without a suffix (which places it is about: places.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from innoatlas.documents.model import Document, PublishedDate
from innoatlas.extract.indicators.cues import cue, joined
from innoatlas.extract.indicators.names import lead_aliases, recover_names
from innoatlas.extract.indicators.names import lead_end as names_lead_end
from innoatlas.extract.indicators.periods import PeriodMention, find_periods
from innoatlas.extract.indicators.places import (
    CARRIED_TYPES,
    NATION_RE,
    class_mentions,
    governed_region,
    main_city,
    nation_as_frame,
    nation_mentions,
    whole_areas,
)
from innoatlas.extract.model import SUBJECT_TYPES, EntityMention
from innoatlas.extract.rankings import RANKING_SIZE_RE
from innoatlas.lexicon.bodies import central_bodies
from innoatlas.lexicon.divisions import division_chain, division_names
from innoatlas.lexicon.prefixes import leading_name
from innoatlas.settings import settings

CLAUSE_BREAKS = frozenset(",;:!?，；：。！？\n")
SENTENCE_BREAKS = frozenset("。!?！？\n")
# Longest stretch of text before a number kept in a quote or metric (settings.py says why 26).
MAX_LEAD = settings().extraction.max_lead
VISIT_RE = re.compile(r"(?:走进|走入|步入|来到|探访|位于)")
MODIFIER_HEAD_RE = re.compile(r"(?:走进|走入|步入|来到)?[^\d,，。;；:：“”、]{1,10}?的")
# Head nouns a text uses alone for a body it has just named (该联盟, 工程每年…).
HEAD_NOUNS = ("联盟", "工程", "公司", "集团", "基地", "基金", "实验室", "研究院")
# Shortest tail of a zone's name that still names it (高新区, 科学城, 直管园).
MIN_ZONE_TAIL = 3
BOOK_RE = re.compile(r"《[^《》\n]{1,80}》")
FILLER_RE = re.compile(
    r"(?:其中|同时|此外|另外|为此|对此|因此|目前|当前|已经|已|并|还|也|而|在|据|据统计|据悉|据了解|数据显示|统计显示|近日|日前|"
    r"我们|该|其|全年|今年|去年|上半年|下半年|前三季度|全区|全市|全省|辖区|共|共计|累计|实现|完成|\s|“|”|\"|\(|"
    # 宣布某基金以26亿元完成首轮募集: what is announced is a clause with a subject of its own
    r"宣布|宣告|"
    # ——某公司年产…项目, ●某公司…: a dash or bullet opening a line marks an item of a list, no word
    r"[—\-–·•●○■□◆◇▲△►▶★☆※]|"
    # 本届某博览会, 此次某大会: a determiner of an edition or an occasion points at the name after it
    r"本届|该届|此次|本次|这次|首届|第[一二三四五六七八九十\d]{1,3}届)*"
)
# Headings are short: longer lines without punctuation are usually lead sentences.
MAX_HEADING = 20
HEADING_BREAKS = re.compile(r"[。,，;；!！?？:：]")
CAPTION_RE = re.compile(r"(?:\s|^)(?:记者|摄影|通讯员)|\s\S{1,4}\s*摄$|摄$|图片来源|供图$")
# How much a name in the headline, and a zone (what innovation articles are
# mostly about), count against plain mention counts when picking the article's subject.
TITLE_WEIGHT = 3
ZONE_WEIGHT = 2
TOPIC_WEIGHT = 1
# Clauses an abbreviation defined in the lead must head for the article to be about what it names.
MIN_LEAD_TOPICS = cue("alias_definition").params["min_lead_topics"]


@dataclass
class Context:
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
    wholes: dict[str, str | None] = field(default_factory=dict)  # 全市, 全省 …: the place each names
    main_subject: str | None = None
    headings: list[tuple[int, str | None]] = field(default_factory=list)  # (start, zone it names)
    heading_starts: list[int] = field(default_factory=list)
    report_year: str | None = None  # the year a results release or bulletin reports on
    issuer: str | None = None  # the central body whose release the document is
    named: list[EntityMention] = field(default_factory=list)  # mentions, unmarked names and anaphors
    mention_starts: list[int] = field(default_factory=list)


def build_context(doc: Document, entities: list[EntityMention]) -> Context:
    text = doc.norm
    mentions = sorted((m for m in entities if m.type in SUBJECT_TYPES), key=lambda m: m.start)
    mentions = recover_names(doc, text, mentions)
    periods = [p for p in find_periods(text) if not _in_meeting_name(p, entities)]
    city = main_city(mentions)
    wholes = whole_areas(mentions, city)
    named = sorted(
        mentions
        + _city_wide_mentions(text, wholes)
        + _unmarked_names(text, mentions)
        + nation_mentions(text, mentions)
        + class_mentions(text, mentions)
        + _anaphor_mentions(text, mentions)
        + _ranking_mentions(text, mentions),
        key=lambda m: m.start,
    )
    owners = _owners(text, named)
    topics = [
        (m.start, m) for m in named if m.start not in owners.values() and _is_topic(text, m, periods, owners)
    ]
    ctx = Context(
        doc,
        text,
        mentions,
        topics,
        [p for p, _ in topics],
        periods,
        [p.start for p in periods],
        [(m.start(), m.end()) for m in BOOK_RE.finditer(text)],
        city,
        wholes,
    )
    ctx.named = named
    ctx.mention_starts = [m.start for m in mentions]
    ctx.main_subject = _main_subject(ctx)
    ctx.report_year = _report_year(doc, periods)
    ctx.issuer = _issuer(ctx)
    ctx.headings = _section_headings(ctx)
    ctx.heading_starts = [h for h, _ in ctx.headings]
    return ctx


# Results releases, bulletins and work reports come out in the first months of
# the year after the one they report on (ANNOTATION.md: their unmarked
# figures hold for that year).
RESULTS = cue("results_release")
RESULTS_SEASON_MONTHS = RESULTS.params["season_months"]
# A results release says what it is in its title or lead: a bulletin, a work
# report, the results (成绩单) presented at a press conference.
RESULTS_RELEASE_RE = RESULTS.trigger
RESULTS_LEAD_CHARS = RESULTS.params["lead_chars"]
ANNUAL_CONFERENCE_RE = RESULTS.cue("annual_conference")
# A release in the last month of a year on that year's results (年度工作会, 全年…将超…) reports on it.
DECEMBER = 12
_YEAR_END = RESULTS.cue("year_end")


def _names_year_end(lead: str, year: int) -> bool:
    """全年 or 年度工作会 in a lead that names no year but its own (a December text on an
    earlier year's statistics names that year)."""
    named = {int(y) for y in _YEAR_NAMED.findall(lead)}
    return _YEAR_END.search(lead) is not None and named <= {year}


# A heading line is short; a longer line with a year and 报告 is a sentence of the text.
HEADING_CHARS = 40
# How often the reported year must be named, alone, for a text to read as a review of it.
MIN_REPORT_YEAR_MENTIONS = RESULTS.params["min_year_mentions"]


# 2024年工作回顾: the heading of the part of a work report that looks back on a year.
REVIEW_HEADING_RE = cue("review_heading").trigger
REVIEW_INLINE_RE = cue("review_heading").cue("inline")

# 某区2022年工作总结和2023年工作计划: the title of an annual summary names its year first.
REVIEW_TITLE_RE = cue("review_title").trigger

# 2023年是…开局之年: the opening of a year's review in an annual document's lead.
YEAR_OPENER_RE = cue("year_opener").trigger

# 2023年度国家级经开区考核结果揭晓: a headline announcing the results of a year's evaluation.
EVALUATION_HEADLINE_RE = cue("evaluation_headline").trigger
# 某市统计局发布2023年全市经济运行情况: a lead on the release of a year's statistics.
STATISTICS_RELEASE = cue("statistics_release")
STATISTICS_RELEASE_RE = STATISTICS_RELEASE.trigger
RELEASE_YEAR_MENTIONS = STATISTICS_RELEASE.params["min_year_mentions"]


# A government's work report is given to its congress early in the year its title names, on
# the year before (宪法 and 地方组织法: the people's congress meets once a year).
_WORK_REPORT = "政府工作报告"
# A heading line that is the annual document's own name (政府工作报告, 某市2023年统计公报).
_ANNUAL_HEADING = re.compile(r"[\u4e00-\u9fff\d年]{0,12}(?:政府工作报告|统计公报)")
# 政 府 工 作 报 告: a heading set with a space between its characters.
_LETTER_SPACING = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def _report_year(doc: Document, periods: list[PeriodMention]) -> str | None:
    """The year an annual text reports on: the year of the evaluation its headline
    announces; or, published early in a year, the year before when the text names it
    more often than any other (2025年, 2025年末, 全年)."""
    pub = doc.reference_date.value
    evaluated = _evaluation_headline(doc)
    if evaluated is not None and evaluated.group().endswith(_WORK_REPORT):
        return str(int(_named_year(evaluated)) - 1)  # 2018年某区政府工作报告 is given in 2018, on 2017
    if evaluated is not None and (pub is None or int(_named_year(evaluated)) <= pub.year):
        return _named_year(evaluated)
    titled = REVIEW_TITLE_RE.search(doc.norm_title)
    if titled is not None and (pub is None or int(titled["year"]) <= pub.year):
        return titled["year"]
    for line in doc.norm.split("\n"):
        review = REVIEW_HEADING_RE.match(line.strip())
        if review is not None and (pub is None or int(review["year"]) <= pub.year):
            return review["year"]  # 2024年工作回顾: the part of a work report on that year
    review = REVIEW_INLINE_RE.search(doc.norm)
    if review is not None and (pub is None or int(review["year"]) <= pub.year):
        return review["year"]  # …报告工作。一、2024年工作回顾…: the heading run into its text
    lead = _LETTER_SPACING.sub("", doc.norm[:RESULTS_LEAD_CHARS])
    reported = _work_report_year(lead, doc.reference_date)
    if reported is not None:
        return reported
    released = STATISTICS_RELEASE_RE.search(lead)
    if released is not None and (pub is None or int(released["year"]) <= pub.year):
        if _named_most(periods, int(released["year"]), RELEASE_YEAR_MENTIONS):
            return released["year"]  # 发布2023年全市经济运行情况: the year of the statistics released
    for line in lead.split("\n"):
        opener = YEAR_OPENER_RE.match(line.strip())
        if opener is not None and (pub is None or int(opener["year"]) <= pub.year):
            return opener["year"]  # 2024年是…关键一年: the lead opens the review of that year
    if pub is None and (headlined := _headline_year(doc, periods)) is not None:
        return headlined
    if (headlined := _last_year_headline(doc, periods)) is not None:
        return headlined
    conference = ANNUAL_CONFERENCE_RE.search(lead) is not None
    if not RESULTS_RELEASE_RE.search(lead) and not conference:
        return None
    before = _conference_year_before(lead, periods) if conference else None
    if before is not None or (pub is None and conference):
        return before  # 2025年度工作会议 reviews 2024, whatever year an undated dateline was read in
    if pub is None or doc.reference_date.precision not in ("day", "month"):
        return None
    if (
        pub.month == DECEMBER
        and doc.published.value is not None
        and (conference or _names_year_end(lead, pub.year))
    ):
        return str(pub.year)  # 年度工作会, 全年 in a December results release: the year about to close
    if pub.month > RESULTS_SEASON_MONTHS:
        return None
    # a date whose year the text does not give was read in the latest year it names (extract_dates):
    # early in a year, a results release names the year just ended, so that is the year it reports on
    last = pub.year if doc.published.value is None else pub.year - 1
    if any(_ANNUAL_HEADING.fullmatch(line.strip()) for line in lead.split("\n")):
        return str(last)  # the 政府工作报告 itself, given early in the year: on the year before
    if conference and _named_most(periods, last, at_least=0) or _named_most(periods, last):
        return str(last)
    return None


# 2024年全省科技工作会议: an annual conference named with its year.
_CONFERENCE_YEAR = re.compile(rf"(?P<year>(?:19|20)\d{{2}})年(?:{ANNUAL_CONFERENCE_RE.pattern})")


def _conference_year_before(lead: str, periods: list[PeriodMention]) -> str | None:
    """An undated report from a year's annual conference (2024年全省科技工作会议) reviews the
    year before, when the text names that year more than any other."""
    named = _CONFERENCE_YEAR.search(lead)
    if named is None:
        return None
    year = int(named["year"]) - 1
    return str(year) if _named_most(periods, year, RELEASE_YEAR_MENTIONS) else None


# 2024年某市工业投资增长9.6%: a headline that opens on the year it sums up.
_YEAR_HEADLINE = re.compile(r"(?P<year>(?:19|20)\d{2})年(?![前上下一二三四第\d]|1[-—至])")


def _headline_year(doc: Document, periods: list[PeriodMention]) -> str | None:
    """An undated results release whose headline opens on a year it names more than any other,
    at least three times, reports on that year."""
    found = _YEAR_HEADLINE.match(doc.norm_title)
    if found is None or not _named_most(periods, int(found["year"])):
        return None
    return found["year"]


# A source tag in square brackets before a headline (【某省科技厅】2019年…).
_SOURCE_TAG = re.compile(r"^【[^】]{1,20}】")
# A result the headline states: a figure or a change (增长7成多, 突破500亿元).
_HEADLINE_RESULT = re.compile(r"\d|增长|下降|突破|翻番|同比|[一二两三四五六七八九十]成")


def _last_year_headline(doc: Document, periods: list[PeriodMention]) -> str | None:
    """A headline opening on the year before the one it is dated in and stating a result of it,
    published in the season of results (2019年全省规上工业增加值增长一成多, dated January 2020): a
    release of that year's results, when the text names no other year more often."""
    pub = doc.published.value
    if pub is None or doc.published.precision not in ("day", "month") or pub.month > RESULTS_SEASON_MONTHS:
        return None
    headline = _SOURCE_TAG.sub("", doc.norm_title)
    found = _YEAR_HEADLINE.match(headline)
    if (
        found is None
        or int(found["year"]) != pub.year - 1
        or not _HEADLINE_RESULT.search(headline, found.end())
    ):
        return None  # 2025年工业经济发展走笔: a feature on the year, not its results
    return found["year"] if _named_most(periods, pub.year - 1, at_least=1) else None


def _named_most(periods: list[PeriodMention], year: int, at_least: int = MIN_REPORT_YEAR_MENTIONS) -> bool:
    """The text names `year` (written out) more often than any other year, and at least so often:
    a review of that year, not a story that mentions it in passing."""
    years: dict[int, int] = {}
    for p in periods:
        if p.kind == "explicit" and p.year is not None and not p.relative:
            years[p.year] = years.get(p.year, 0) + 1
    count = years.get(year, 0)
    return count >= at_least and all(count > n for y, n in years.items() if y != year)


def _evaluation_headline(doc: Document) -> re.Match[str] | None:
    """The headline announcing a year's report or ranking: the title, or a heading line of
    the lead when page furniture stands first (the title of a scraped page is often its
    site's banner)."""
    found = EVALUATION_HEADLINE_RE.search(doc.norm_title)
    if found is not None:
        return found
    for line in doc.norm[:RESULTS_LEAD_CHARS].split("\n"):
        line = line.strip()
        if len(line) <= HEADING_CHARS and (found := EVALUATION_HEADLINE_RE.match(line)) is not None:
            return found
    return None


def _named_year(found: re.Match[str]) -> str:
    """2023年…报告, 《2023…报告》 and 《…报告2023》 name the year in different places."""
    return found["year"] or found["year2"] or found["year3"]


# 现在，我代表市人民政府向大会报告工作: the words every government work report opens with.
WORK_REPORT_RE = cue("work_report_formula").trigger
_YEAR_NAMED = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


def _work_report_year(lead: str, published: PublishedDate) -> str | None:
    """The year a work report reviews: the year before the one it is given in, early in the
    year; with no date, the first year its review names after the opening formula."""
    opening = WORK_REPORT_RE.search(lead)
    if opening is None:
        return None
    pub = published.value
    if pub is not None and published.precision in ("day", "month"):
        return str(pub.year - 1) if pub.month <= RESULTS_SEASON_MONTHS else None
    named = _YEAR_NAMED.search(lead, opening.end())
    if named is None or (pub is not None and int(named[1]) > pub.year):
        return None
    return named[1]


# A definite noun phrase at the head of a clause (该公司, 学校, 园区…) points back to
# the last entity of its kind: 学校每年新增授权专利两千余项 counts the university's
# patents.
DEFINITE = cue("definite_noun")
ANAPHOR_RE = DEFINITE.trigger
ANAPHOR_KINDS = ("enterprise", "university", "zone", "platform", "institute", "investor", "program")
# Nouns that point back on their own at the head of a clause; the others need 该, 这家….
BARE_ANAPHORS = DEFINITE.cue("bare")
# A noun followed by a measure word is a count of all such bodies (企业数量, 企业家数).
COLLECTIVE_AFTER_RE = DEFINITE.cue("collective_after")
# How far back (characters) the antecedent of 该公司 may stand.
ANAPHOR_REACH = DEFINITE.params["reach"]


CITY_WIDE = cue("city_wide")


def _city_wide_mentions(text: str, wholes: dict[str, str | None]) -> list[EntityMention]:
    """全市 opening a clause (全市新增…) names the city of the text: a topic its paragraph
    goes on about, like the city's own name; 全市占比, 全省12% compare instead."""
    out = []
    for w in CITY_WIDE.trigger.finditer(text):
        city = wholes.get(w.group())
        if city is None:
            continue
        after = text[w.end() : w.end() + 2]
        if (
            clause_start(text, w.start()) != w.start()
            or CITY_WIDE.cue("compared").match(after)
            or after[:1].isdigit()
        ):
            continue
        out.append(EntityMention(city, city, "region", w.start(), w.end(), "anaphor"))
    return out


RANKING_REF = cue("ranking_reference").trigger
# The size of a ranking in digits, whichever way the text writes it (百强 = 100强).
_RANKING_SIZES = {
    "十": "10",
    "百": "100",
    "千": "1000",
    "五百": "500",
    "五十": "50",
    "二十": "20",
    "三十": "30",
}


def is_ranking(m: EntityMention) -> bool:
    """2025某省民营企业100强, 某省民企百强榜: a programme named as a ranking by its size."""
    return m.type == "program" and RANKING_SIZE_RE.search(m.norm_name) is not None


def _ranking_size(size: str) -> str:
    return _RANKING_SIZES.get(size[:-1], size[:-1])


def _ranking_mentions(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """今年百强入围门槛…, 民营企业500强中…, 榜单中…: a ranking named by its size and kind (or
    only as 榜单) at the head of a clause is the edition named last before it."""
    rankings = [m for m in mentions if is_ranking(m)]
    out = []
    for r in RANKING_REF.finditer(text):
        if FILLER_RE.fullmatch(text[clause_start(text, r.start()) : r.start()]) is None:
            continue
        if any(m.start <= r.start("ref") < m.end for m in mentions):
            continue  # the edition's own name, or a name holding the words
        before = [m for m in rankings if m.end <= r.start() and _same_ranking(r, m.norm_name)]
        if before:
            m = before[-1]
            out.append(EntityMention(m.name, m.norm_name, m.type, r.start("ref"), r.end("ref"), "anaphor"))
    return out


def _same_ranking(ref: re.Match, name: str) -> bool:
    """民营企业500强 and 某年中国民营企业500强: the reference's kind and size are the name's."""
    if ref.group("size") is None:
        return True  # 榜单, 上榜企业: the list of the story
    size = RANKING_SIZE_RE.search(name)
    return _ranking_size(size.group()) == _ranking_size(ref.group("size")) and ref.group("kind") in name


def _anaphor_mentions(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    out = []
    for a in ANAPHOR_RE.finditer(text):
        if a.group("this") is None and not BARE_ANAPHORS.fullmatch(a.group("noun")):
            continue  # 企业, 高校, 平台 alone are mostly all such bodies (企业研发投入占比…)
        cs = clause_start(text, a.start())
        if FILLER_RE.fullmatch(text[cs : a.start()]) is None:
            continue  # 超10亿元企业, 某某供应链平台: a modifier makes it a class or a name
        if COLLECTIVE_AFTER_RE.match(text[a.end() : a.end() + 2]):
            continue
        if any(m.start <= a.start() < m.end for m in mentions):
            continue  # inside a name (某某公司)
        floor = max(0, a.start() - ANAPHOR_REACH)
        types = [k for k in ANAPHOR_KINDS if DEFINITE.cue(k).fullmatch(a.group("noun"))]
        before = [m for m in mentions if floor <= m.start and m.end <= a.start() and m.type in types]
        if a.group("this") is None and a.group("noun") == "园区":
            # bare 园区 goes back to a park a clause opened on (某产业园位于…。园区新增…), not to a
            # title a park was given (省级绿色园区) or a park named in passing
            before = [m for m in before if clause_start(text, m.start) == m.start]
        if before:
            # a name with the same head noun (某某母基金 for 该基金) before a body of the kind only
            m = ([b for b in before if b.norm_name.endswith(a.group("noun"))] or before)[-1]
            out.append(EntityMention(m.name, m.norm_name, m.type, a.start(), a.end(), "anaphor"))
    return out


# Shortest name of a body (not an area) looked for again where the entity stage left it unmarked.
MIN_RENAMED = 2


def _unmarked_names(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Areas and bodies written where the entity stage did not mark them: their full name again,
    or the tail a text shortens a zone to (直管园 for 某某高新区直管园, 高新区 for
    某某高新区), each standing for the last area before it that it names."""
    covered = bytearray(len(text) + 1)  # 1 where a name is already marked
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    forms: dict[str, list[EntityMention]] = {}
    anaphors: set[str] = set()
    for m in mentions:
        if m.type in CARRIED_TYPES or len(m.norm_name) >= MIN_RENAMED:
            forms.setdefault(m.norm_name, []).append(m)  # 湘钢 named again where the tagger missed it
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


def _section_headings(ctx: Context) -> list[tuple[int, str | None]]:
    """Short lines without sentence punctuation are section headings; one that
    opens with a zone or region names what its section is about."""
    out, pos = [], 0
    for line in ctx.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        lead = start + len(line) - len(line.lstrip())
        named = next((m for m in ctx.mentions if m.start == lead and m.type in CARRIED_TYPES), None)
        if named is not None and _SCOPE_OF_FIRST.match(ctx.text, named.end):
            named = None  # 江苏首个…揭牌: the place counts the first, the section is not about it
        if not stripped or len(stripped) > MAX_HEADING:
            continue
        if HEADING_BREAKS.search(stripped) and not _topic_line(ctx.text, named):
            continue
        if stripped.startswith(("▲", "图", "(", "（")) or re.search(r"\.(?:jpe?g|png|gif|webp)", stripped):
            continue  # captions and image names
        if CAPTION_RE.search(stripped):
            continue  # a photo credit (某某 摄) names the picture's place, not the section's subject
        out.append((start, named.name if named else None))
    return out


def _topic_line(text: str, named: EntityMention | None) -> bool:
    """某市，掌控着规则与源头。: a short line of its own that opens with a place and a comma
    sets the place of the paragraphs under it, as a heading does (features comparing cities)."""
    return named is not None and text[named.end : named.end + 1] in ",，:："


# A meeting's name (2024年工作会议, 2025年全省科技大会): the year it is held, which dates none of
# the figures it reviews (last year's) or sets (targets).
MEETING_NAME_RE = re.compile(r"(?:会议|大会|年会|推进会|座谈会|工作会)$")


def _in_meeting_name(p: PeriodMention, entities: list[EntityMention]) -> bool:
    return any(
        m.start <= p.start
        and p.end <= m.end
        and m.end - m.start > p.end - p.start
        and MEETING_NAME_RE.search(m.name)
        for m in entities
    )


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding pos begins: after the last break, and after the spaces a
    typeset or scraped page puts after its punctuation (据统计, 全区完成…)."""
    i = pos - 1
    while i >= 0 and text[i] not in CLAUSE_BREAKS:
        i -= 1
    start = i + 1
    while start < pos and text[start] in " \t\u3000":
        start += 1
    return start


def sentence_start(text: str, pos: int) -> int:
    i = pos - 1
    while i >= 0 and text[i] not in SENTENCE_BREAKS:
        i -= 1
    return i + 1


def _visit_or_modifier_head(head: str, after: str) -> bool:
    """走进某公司,…; 某地所在的某产业园集聚…: a place visited or a noun's modifier
    before the mention still leaves it the head of its clause."""
    rest = FILLER_RE.sub("", head, count=1)
    if VISIT_RE.fullmatch(rest) or BUILDER_MODIFIER_RE.fullmatch(rest):
        return True
    if APPOSITIVE_RE.fullmatch(rest) and after not in LIST_JOINS:
        return True  # but 全球最大某企业A、某公司B等相继入驻: items described, the list is no topic
    return after != "的" and MODIFIER_HEAD_RE.fullmatch(rest) is not None


# 由某大学牵头建设的某研究院已建成…: who built it modifies the name, which heads its clause.
BUILDER_MODIFIER_RE = cue("builder_modifier").trigger
# 湖南知名民企三一重工…: a descriptor in apposition before a name leaves the name the head.
APPOSITIVE_RE = cue("appositive_descriptor").trigger
LIST_JOINS = frozenset("、和及与")
# 某县2024年地区生产总值…: a year after a name dates the clause it heads.
YEAR_AFTER_RE = re.compile(r"\d{4}年")
# 在某论坛上, 在某大会期间: the occasion of what is said, not what the clause is about.
OCCASION_AFTER_RE = re.compile(r"上|期间|现场|中[,，]")


# 某大学“某计划”, 某市某汽车: a name written right before another names its owner or place.
OWNED_RE = cue("owned_name").trigger


def _owners(text: str, named: list[EntityMention]) -> dict[int, int]:
    """For each mention written right after another one (only a quotation mark
    between), the start of that other one: the owner or place that qualifies it."""
    ends = {m.end: m for m in named}
    out = {}
    for m in named:
        for gap in (0, 1):
            owner = ends.get(m.start - gap)
            if owner is not None and owner is not m and OWNED_RE.fullmatch(text[owner.end : m.start]):
                out[m.start] = owner.start
                break
    return out


# 天津市级孵化器, 四川省级: a place whose level word runs into 级 names the level of a title, not
# what the clause is about; 苏州市|省级以上孵化器 is the city's count of titles of another level.
_LEVEL_CHARS = "省市区县州"
# The dashes that join the two ends of a line, a route or a corridor (哈密—重庆, 成都-重庆).
_ROUTE_DASHES = "—–-"


def _names_a_level(text: str, m: EntityMention) -> bool:
    if text.startswith("级", m.end):
        return m.norm_name.endswith(tuple(_LEVEL_CHARS))
    return (
        text[m.end : m.end + 1] in tuple(_LEVEL_CHARS)
        and text.startswith("级", m.end + 1)
        and not m.norm_name.endswith(tuple(_LEVEL_CHARS))
    )


def _is_topic(text: str, m: EntityMention, periods: list[PeriodMention], owners: dict[int, int]) -> bool:
    """A mention at the head of its clause (after time words and fillers) is what the clause is about."""
    if m.type == "program" and m.norm_name.endswith(REPORT_HEADS):
        return False  # 政府工作报告提出…: the report carries its issuer's figures, it has none of its own
    cs = clause_start(text, owners.get(m.start, m.start))
    head = text[cs : owners.get(m.start, m.start)]
    for p in periods:
        if cs <= p.start and p.end <= m.start:
            head = head.replace(p.text, "")
    if _is_member_or_speaker(text, m) or _rank_scope(text, m.start, m.end):
        return False  # (位列|东北三省|第一: the set a rank is taken in)
    if m.type in CITED_TYPES and _cited_as_source(text, m):
        return False  # 据某研究院统计,…: the body the figures come from, not what they are of
    if _names_a_level(text, m):
        return False  # 某市级孵化器8家, 某省级专精特新企业: the level a title is conferred at
    if m.type == "region" and text[m.end : m.end + 1] in _ROUTE_DASHES:
        return False  # 甲—乙特高压线路, 甲—乙铁路: a place at one end of a line the text names
    if (
        FILLER_RE.fullmatch(head) is None
        and not _visit_or_modifier_head(head, text[m.end : m.end + 1])
        or text[m.end : m.end + 1] in "、和及与"
        and not LIST_AGENTS_RE.match(text[m.end : m.end + 120])
        or text[m.end : m.end + 1].isdigit()
        and not YEAR_AFTER_RE.match(text, m.end)
        and not any(p.start == m.end for p in periods)  # 某综保区1—8月完成…: a time, then the verb
        or head.lstrip("(（").startswith("在")  # (2018年1月22日在某某会议上): a work report's occasion
        and OCCASION_AFTER_RE.match(text[m.end : m.end + 3])
    ):
        return False
    clause_end = m.end
    while clause_end < len(text) and text[clause_end] not in CLAUSE_BREAKS:
        clause_end += 1
    if head.lstrip("(（").startswith("在") and text[clause_end - 1 : clause_end] == "下":
        return False  # 在某战略牵引下,某区实现…: the frame of circumstances, not the one acting
    return "分别" not in text[m.end : clause_end]  # items of a list, not the topic


# The report every government gives its congress each year (政府工作报告, 地方各级人民代表大会和
# 地方各级人民政府组织法), which speaks for its issuer.
REPORT_HEADS = ("工作报告",)


# 甲大学、乙大学等培养…: the first of a list of names closed by 等 and an act heads its clause.
LIST_AGENTS_RE = cue("list_agents").trigger
# 甲公司等12家企业: one member of a group that a count follows is not what the clause is about.
LISTED_MEMBERS_RE = cue("listed_members").trigger
JOINT_ACT_RE = cue("listed_members").cue("joint")
# 某部有关负责人某某介绍,…: the central body of a speaker at a release is who speaks.
SPEAKING_OFFICIAL_RE = cue("speaking_official").trigger


def _is_member_or_speaker(text: str, m: EntityMention) -> bool:
    after = text[m.end : m.end + 60]
    listed = LISTED_MEMBERS_RE.match(after)
    if listed and not JOINT_ACT_RE.search(listed.group()):
        return True
    return (
        m.type == "government" and m.norm_name in central_bodies() and bool(SPEAKING_OFFICIAL_RE.match(after))
    )


# A ministry or other central body (工业和信息化部, 国家统计局, 国务院) reports the figures
# of the whole country; ANNOTATION.md scores every name of the country as one subject.
COUNTRY = "全国"


# A body followed by an act of its own (发布, 认定, 安排…) is the agent of what the
# figure counts: 某部累计发布35个标志性产品 counts the ministry's acts, not the country's.
AGENT = cue("agent_act")
AGENT_ACT_RE = joined(
    AGENT.cue("joint"), AGENT.cue("adverbs"), AGENT.trigger, AGENT.cue("object"), AGENT.cue("count")
)
# A clause that opens on an act (累计发布…, 遴选出…) has dropped its agent; one
# opening on a joint act (联合发布) is about the partners named before.
ACT_HEAD_RE = cue("issuer_act").trigger


def subject_name(ctx: Context, m: EntityMention) -> str:
    """A bureau stands for its area: 某某区经济信息委 -> 某某区 when that area is named;
    a central body stands for the country."""
    if m.type == "government" and m.norm_name in central_bodies():
        return m.name if AGENT_ACT_RE.match(ctx.text, m.end) else COUNTRY
    if m.type == "government":
        for other in ctx.mentions:
            if other.type in CARRIED_TYPES and m.norm_name.startswith(other.norm_name) and other is not m:
                return other.name
    return m.name


# How often a central body must be named for a text to be its release.
MIN_ISSUER_MENTIONS = cue("issuer_act").params["min_mentions"]


def _issuer(ctx: Context) -> str | None:
    """The central body a release speaks for: named in its headline or lead, or
    more often than any other; its clauses without a subject are its acts."""
    bodies = [m for m in ctx.mentions if m.type == "government" and m.norm_name in central_bodies()]
    if not bodies:
        return None
    counts: dict[str, int] = {}
    for m in bodies:
        counts[m.name] = counts.get(m.name, 0) + 1
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= MIN_ISSUER_MENTIONS or best in (ctx.doc.title or "") else None


HEADLINE_ACTOR_TYPES = frozenset(("platform", "institute", "enterprise", "investor"))


def _main_subject(ctx: Context) -> str | None:
    """What the article is about: the zone or region of the headline, else the one
    named most often, counting every time its name is written (also inside longer
    names) and, more, the times it opens a clause. A platform, institute, firm or fund
    the headline names and the text names again competes with them (a story centred on
    one actor); a university is mostly a partner of the place, and an event or programme
    is the occasion of the place's figures."""
    title = ctx.doc.norm_title
    issuer = _report_issuer(ctx, title) or _reporting_government(ctx)
    if issuer is not None:
        return issuer
    areas = {m.norm_name: m.name for m in ctx.mentions if m.type in CARRIED_TYPES}
    # a class of zones (国家高新区) competes as one area: a release may be about it throughout
    classes = [m.norm_name for m in ctx.named if m.extractor == "class"]
    areas.update({n: n for n in classes if classes.count(n) > 1})  # named once: passed by
    # so does what the lead defines an abbreviation for (某某奖(简称…)揭晓): the story reports on it
    defined = lead_aliases(ctx.text, ctx.mentions)
    areas.update({m.norm_name: m.name for m in ctx.mentions if m.norm_name in defined})
    # so does a body the headline names (探访某实验室): an actor-centred story reports on it
    areas.update(
        {
            m.norm_name: m.name
            for m in ctx.mentions
            if m.type in HEADLINE_ACTOR_TYPES and m.norm_name in title and _times_named(ctx, m.norm_name) > 1
        }
    )
    nation = sum(not nation_as_frame(ctx.text, m.start(), m.end()) for m in NATION_RE.finditer(ctx.text))
    nation += TITLE_WEIGHT * bool(NATION_RE.search(title))
    if not nation:
        areas.update(_speaker_regions(ctx, areas))  # a body speaking of the country speaks for no place
    if not areas:
        if nation:
            return COUNTRY
        return _first_actor(ctx, title)
    zones = {m.norm_name for m in ctx.mentions if m.type == "zone"}
    topic_counts: dict[str, int] = {}
    for _, m in ctx.topics:
        topic_counts[m.norm_name] = topic_counts.get(m.norm_name, 0) + 1

    # names the headline holds: a place that only opens one of them (东莞|松山湖材料实验室) is
    # where the headline's subject is, not what it is about
    title_names = {m.norm_name for m in ctx.mentions if m.norm_name in title and m.type != "government"}

    def weight(norm: str) -> float:
        in_title = TITLE_WEIGHT if _headline_names(norm, title, title_names) else 0
        in_title = in_title or (TITLE_WEIGHT / 2 if _suffix_in(norm, title) else 0)
        return (
            _times_named(ctx, norm)
            + TOPIC_WEIGHT * topic_counts.get(norm, 0)
            + in_title
            # a zone the text names once is a place it passes by, not one it reports on
            + ZONE_WEIGHT * (norm in zones and _times_named(ctx, norm) > 1)
        )

    best = max(areas, key=weight)
    lead_topics = [
        n
        for n, same in defined.items()
        if n in areas and sum(topic_counts.get(k, 0) for k in same) >= MIN_LEAD_TOPICS
    ]
    if lead_topics:
        return areas[
            max(lead_topics, key=weight)
        ]  # the lead names what it reports on, and clauses go on about it
    # A text that speaks of the country (我国, 全国) more than of any one place is about the country.
    if nation > weight(best):
        return COUNTRY
    # A bulletin that calls its place only 全区 (the district named nowhere, 江苏 passed by in a
    # frame) is about that unnamed place: no named area is its subject.
    return None if _unnamed_whole(ctx) > weight(best) else areas[best]


def _unnamed_whole(ctx: Context) -> int:
    """How many clauses open with 全区, 全县 … where the text names no place of that level."""
    return sum(
        1
        for w in CITY_WIDE.trigger.finditer(ctx.text)
        if ctx.wholes.get(w.group()) is None and clause_start(ctx.text, w.start()) == w.start()
    )


def _speaker_regions(ctx: Context, areas: dict[str, str]) -> dict[str, str]:
    """固镇县人民政府 in a work report's byline, 记者从某省科技厅获悉 opening a release: the
    region of the body the text speaks for is an area it is about where the text names
    it only so (全县, 全省 in the body) and names no area of its own more than once; a body
    named after the lead is one the text passes by."""
    if any(_times_named(ctx, norm) > 1 for norm in areas):
        return {}
    lead_end = names_lead_end(ctx.text, paragraphs=1)  # the byline and the first paragraph
    out = {}
    for m in ctx.mentions:
        if m.type == "government" and m.start < lead_end and (region := governed_region(m.norm_name)):
            out.setdefault(region, region)
    return out


def _report_issuer(ctx: Context, title: str) -> str | None:
    """2022年某市政府工作报告, 某县2023年统计公报: the place whose government gives the report
    its headline names, which the report is about throughout: the area named in the text that
    the headline's place ends with (某市|某区政府工作报告: the district), else that place when it
    is a division's name."""
    m = _ISSUED_REPORT.match(title)
    if m is None:
        return None
    place = m.group("place")
    named = [x for x in ctx.mentions if x.type in CARRIED_TYPES and place.endswith(x.norm_name)]
    if named:
        return max(named, key=lambda x: len(x.norm_name)).name
    return governed_region(place + "政府")  # the division the place is, written in full or short


def _reporting_government(ctx: Context) -> str | None:
    """A work report (我代表某区人民政府向大会报告工作) is about the place of the government that
    gives it: the first people's government the lead names (in the formula, or 某区人民政府区长
    above or below it), when its name opens with a division; the report's own headline may name
    only the occasion."""
    lead = ctx.text[:RESULTS_LEAD_CHARS]
    opening = WORK_REPORT_RE.search(lead)
    if opening is None:
        return None
    for m in ctx.mentions:
        found = _GOVERNMENT_RE.search(m.norm_name) if m.type == "government" else None
        if found is not None and m.start < len(lead):
            chain = division_chain(m.norm_name[: found.start()])
            # 杭州市滨江区人民政府 governs the district, the last of the divisions its name chains
            return chain[-1][0] if chain else governed_region(m.norm_name)
    return None


# The reporting body is a people's government (某区人民政府), not a department or a congress.
_GOVERNMENT_RE = re.compile(r"(人民政府|政府)$")


# A government's own annual report or bulletin (某市政府工作报告, 某县2023年统计公报) as a headline.
# A statistics site heads a bulletin with its province in brackets ((某省)2023年某县…统计公报).
_ISSUED_REPORT = re.compile(
    r"^(?:[(（][\u4e00-\u9fff]{2,8}[^\u4e00-\u9fff\d]{0,4})?(?:\d{2,4}年度?)?(?P<place>[\u4e00-\u9fff]{2,12}?)(?:(?:19|20)\d{2}年度?)?"
    r"(?:人民政府工作报告|政府工作报告|国民经济和社会发展统计公报|统计公报)$"
)


# The kinds of a document (a report, bulletin, plan or policy) and of a meeting or congress
# (党的二十大, 某届全会): the text or the occasion, not what it is about.
_DOCUMENT_KIND = re.compile(
    r"(报告|公报|规划|纲要|方案|意见|通知|办法|要点|会议|全会|[一二三四五六七八九十]大)$"
)


def _first_actor(ctx: Context, title: str) -> str | None:
    """A text that names no place is about its first actor (a firm's own release), when the
    headline names it or the text names it again; one named once in passing is no topic."""
    if not ctx.mentions:
        return None
    first = ctx.mentions[0]
    if first.type == "government":
        return None  # 记者从省科技厅获悉: the body the news comes from is its source, not its topic
    if first.type == "program" and _DOCUMENT_KIND.search(first.norm_name):
        return None  # 政府工作报告, 党的二十大: the document or the occasion, whose figures are its place's
    if _cited_as_source(ctx.text, first):
        return None  # 据某研究院统计, 来自某机构的报告: where the figures come from, not what they are of
    if first.norm_name in title or _times_named(ctx, first.norm_name) > 1:
        return subject_name(ctx, first)
    return None


def _cited_as_source(text: str, m: EntityMention) -> bool:
    before = _SOURCE_BEFORE.search(text, max(0, m.start - MAX_SOURCE_WORD), m.start)
    return before is not None or _SOURCE_AFTER.match(text, m.end) is not None


# Bodies that publish figures on others (research institutes, firms, data platforms, the
# associations the annotation types as programmes: 据某某工业联合会统计, and the departments
# that release news: 据省经信厅消息).
CITED_TYPES = frozenset(
    {"institute", "enterprise", "platform", "investor", "university", "program", "government"}
)
# A body cited for the figures: 据/来自 before it, or its data, survey or report after it.
_SOURCE_AFTER = cue("cited_source").trigger
_SOURCE_BEFORE = cue("cited_source").cue("before")
MAX_SOURCE_WORD = 4  # 根据, 来自: the longest of the words before


def _times_named(ctx: Context, norm: str) -> int:
    """Occurrences of an area's name on its own or opening the name of one of its
    units (郑州高新区 in 郑州高新区某某中心), not inside a longer area name (重庆 in
    西部(重庆)科学城) or in the middle of another name."""
    count, pos = 0, ctx.text.find(norm)
    while pos >= 0:
        inside = [
            m for m in ctx.mentions if m.start <= pos and pos + len(norm) <= m.end and m.norm_name != norm
        ]
        end = pos + len(norm)
        if _rank_scope(ctx.text, pos, end):
            pass  # 位列东北三省第一: the set a rank is taken in, not a place the text is about
        elif inside and all(m.start < pos and _place_chain(ctx.text[m.start : pos]) for m in inside):
            count += 1  # 杭州市|滨江区人民政府: the place a chain of divisions narrows to opens the name
        elif all(m.start == pos and m.type not in CARRIED_TYPES for m in inside) and not (
            inside
            and leading_name(
                ctx.text[end : end + MAX_DIVISION_CHARS], division_names(), MAX_DIVISION_CHARS, 0
            )
        ):
            count += 1  # but a city written before its district only says where the district is
        pos = ctx.text.find(norm, end)
    return count


MAX_DIVISION_CHARS = 8

# 位列|东北三省|第一, 居|西部地区|前列: a place between a verb of ranking and the rank.
_RANK_VERB_BEFORE = re.compile(r"(?:位居|位列|居于|居|列|排名|排在|排|领跑|跻身)$")
_RANK_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:第[一二三四五六七八九十\d]|首位|之首|前[一二三四五六七八九十\d]|前列)"
)


def _rank_scope(text: str, start: int, end: int) -> bool:
    return bool(_RANK_VERB_BEFORE.search(text, max(0, start - 2), start)) and bool(
        _RANK_AFTER.match(text, end)
    )


def _place_chain(text: str) -> bool:
    """某省某市: the text is one or more division names written one after another."""
    while text:
        head = leading_name(text, division_names(), MAX_DIVISION_CHARS, 0)
        if head is None:
            return False
        text = text[len(head) :]
    return True


def _headline_names(norm: str, title: str, title_names: set[str]) -> bool:
    """The headline names the area itself, not only as the opening of a longer name of it."""
    longer = [n for n in title_names if n != norm and n.startswith(norm)]
    pos = title.find(norm)
    while pos >= 0:
        if not any(title.startswith(n, pos) for n in longer) and not _SCOPE_OF_FIRST.match(
            title, pos + len(norm)
        ):
            return True
        pos = title.find(norm, pos + 1)
    return False


# 江苏首个人工智能发展局揭牌: a place before 首个 (首家, 第一, 唯一) is where the first is counted,
# not what the headline reports on.
_SCOPE_OF_FIRST = re.compile(r"(?:省|市|区|县)?(?:首个|首家|首批|首条|首座|首台|第一个|唯一)")


def _suffix_in(name: str, title: str) -> bool:
    """A headline often shortens a zone's name to its tail (郑州高新区 -> 高新区)."""
    return any(name[k:] in title for k in range(1, len(name) - 2))
