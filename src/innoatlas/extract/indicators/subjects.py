"""The subject of a figure: the entity its clause is about, else the topic
of the text before it, else the document's main subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from innoatlas.extract.indicators.context import (
    ACT_HEAD_RE,
    FILLER_RE,
    Context,
    clause_start,
    is_ranking,
    sentence_start,
    subject_name,
)
from innoatlas.extract.indicators.cues import cue
from innoatlas.extract.indicators.metrics import bare_unit
from innoatlas.extract.indicators.numbers import Quantity, unit_groups
from innoatlas.extract.indicators.places import CARRIED_TYPES
from innoatlas.extract.model import EntityMention

CITY_WIDE = cue("city_wide").trigger
CITY_COMPARED = cue("city_wide").cue("compared")
# 全国每5台空调有1台产自某省: the place a share of the whole is made in.
MADE_IN_RE = cue("made_in").trigger
# 80家企业落户某县: the place a count of firms or projects settles in.
SETTLED_IN_RE = cue("settled_in").trigger
SPEAKER = cue("quote_speaker")
# “…”某公司负责人某某说: the body whose speaker closes a quotation.
SPEAKER_RE = SPEAKER.trigger
SPEAKER_TYPES = frozenset(SPEAKER.cue("body_types").pattern.split("|"))
MAX_QUOTE = SPEAKER.params["max_quote"]
ESTABLISHED = cue("established_object")
# 某市搭建某平台，累计发布…: what the clause before set up or held is the topic of the next.
ESTABLISHED_RE = ESTABLISHED.trigger
ESTABLISHED_TYPES = frozenset(ESTABLISHED.cue("object_types").pattern.split("|"))


def subject_of(ctx: Context, q: Quantity, cs: int) -> str | None:
    """The topic of q's clause or sentence; else the last zone or region its
    paragraph was about; else the article's main area."""
    text = ctx.text
    head = text[cs : q.start].lstrip("其中同时此外并且还")
    city_wide = CITY_WIDE.match(head)
    whole = ctx.wholes.get(city_wide.group()) if city_wide else None
    if city_wide and not CITY_COMPARED.match(head[city_wide.end() :]) and len(head) > city_wide.end():
        return whole  # 全市实现…, None when the text names no city; but 全市占比近四成 compares with it
    opened = None if CITY_WIDE.search(head) else _city_wide_sentence(ctx, cs, q.start)
    if opened and ctx.wholes.get(opened):
        return ctx.wholes[opened]  # 全市新增A，新增B: the clauses after 全市 with no subject go on about it
    if ctx.issuer and ACT_HEAD_RE.match(head):
        return ctx.issuer  # 累计发布35个…: a release's clause without a subject is its issuer's act
    respective = _respective_subject(ctx, q)
    if respective is not None:
        return subject_name(ctx, respective)  # A和B的投资分别增长30%和20%: each value its own body's
    owner = _place_before(ctx, q)
    if owner is not None:
        return subject_name(ctx, owner)  # 新签约项目某市5个、某县3个: each count its place's
    firm = _firm_before(ctx, q)
    if firm is not None:
        return subject_name(ctx, firm)  # 某光伏(某县)200MW电站项目: the size of the firm's project
    project = _project_named(ctx, q)
    if project is not None:
        return subject_name(ctx, project)  # 某算力中心项目开工。项目总投资38亿元: the project's figure
    builder = _builder(ctx, q, cs)
    if builder is not None:
        return subject_name(ctx, builder)  # 项目计划投资6亿元，由某公司负责建设: the builder's project
    modified = _modified_name(ctx, q)
    if modified is not None:
        return subject_name(ctx, modified)  # 总投资150亿元的某产业园: the figure of what it modifies
    place = _place_after(ctx, q)
    if place is not None:
        return subject_name(ctx, place)  # 全国四分之一的空调产自某省, 80家企业落户某县: that place's figure
    ss = sentence_start(text, q.start)
    event = _event_of(ctx, q, cs) or _signed_at_event(ctx, q, cs, ss)
    if event is not None:
        return subject_name(ctx, event)  # 200余家企业参会, 会上签约项目12个: the event's figure
    pivot = _established_object(ctx, ss, cs, q.start)
    if pivot is not None:
        return subject_name(ctx, pivot)
    i = bisect_right(ctx.topic_starts, q.start) - 1
    j = i
    while (
        j >= 0
        and ctx.topics[j][0] >= ss
        and (
            _item_of_other_list_entry(text, ss, ctx.topics[j][0], q.start)
            or _qualifier_of_its_entry(text, ctx.topics[j][1], q.start)
        )
    ):
        j -= 1  # 某区主要指标:A;B;C: an entry's own topic does not pass to the next entry
    if j >= 0 and ctx.topics[j][0] >= ss and not _own_subject_stops(ctx, ctx.topics[j][1], cs, q.start):
        return subject_name(ctx, ctx.topics[j][1])
    speaker = _quote_speaker(ctx, q.start)
    if speaker is not None:
        return subject_name(ctx, speaker)
    para_start = text.rfind("\n", 0, q.start) + 1
    opener = None
    while i >= 0 and ctx.topics[i][0] >= para_start:
        m = ctx.topics[i][1]
        if m.type in CARRIED_TYPES or is_ranking(m):
            return subject_name(ctx, m)  # a place, or a ranking its report goes on about
        opener = m if clause_start(text, m.start) == para_start else None
        i -= 1
    if opener is not None:
        return subject_name(ctx, opener)  # 走进某公司,… / 某公司是…: what the paragraph opens on
    k = bisect_right(ctx.heading_starts, q.start) - 1
    if k >= 0 and ctx.headings[k][1] is not None and not _names_main_subject(ctx, para_start, q.start):
        return ctx.headings[k][1]
    return ctx.main_subject


# 分别, 分列, 依次 (respectively): the values after the word go one by one with the bodies of the
# list before it, in order (A、B、C分列第11、14、16位; A和B的投资分别增长30%和20%).
RESPECTIVELY_RE = re.compile(r"分别|分列|依次")
# A value of the respective list; a year (2023年) is a time, not one of them.
_RESPECTIVE_VALUE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]|年)")
_LIST_JOIN = re.compile(r"[、和与及]|以及")
# How far the respective word may stand from the list (A和B的投资增长较快，分别…).
MAX_RESPECTIVE_GAP = 20


def _respective_subject(ctx: Context, q: Quantity) -> EntityMention | None:
    """The body of a list before 分别 whose place in the list is q's among the values after it."""
    text = ctx.text
    ss = sentence_start(text, q.start)
    word = max(RESPECTIVELY_RE.finditer(text, ss, q.num_start), key=lambda m: m.start(), default=None)
    if word is None:
        return None
    run = _list_before(ctx, ss, word.start())
    if len(run) < 2:
        return None
    end = min((i for i in (text.find(c, q.num_end) for c in "。；;\n") if i >= 0), default=len(text))
    values = [m.start() for m in _RESPECTIVE_VALUE.finditer(text, word.end(), end)]
    if q.num_start not in values or len(values) % len(run):
        return None
    return run[values.index(q.num_start) % len(run)]


def _list_before(ctx: Context, start: int, pos: int) -> list[EntityMention]:
    """The bodies of one type joined by 、/和 that end shortly before pos, with no other name after them."""
    named = [m for m in ctx.mentions if start <= m.start and m.end <= pos]
    if not named or pos - named[-1].end > MAX_RESPECTIVE_GAP:
        return []
    run = [named[-1]]
    for m in reversed(named[:-1]):
        if m.type != run[0].type or not _LIST_JOIN.fullmatch(ctx.text[m.end : run[0].start]):
            break
        run.insert(0, m)
    return run


def _city_wide_sentence(ctx: Context, cs: int, pos: int) -> str | None:
    """The 全市 (全省 …) a clause before q's, in its sentence, opens on, when nothing is named since."""
    ss = sentence_start(ctx.text, pos)
    while cs > ss:
        cs = clause_start(ctx.text, cs - 1)
        opened = CITY_WIDE.match(ctx.text, cs)
        if opened is not None:
            after = ctx.text[opened.end() : opened.end() + 2]
            if CITY_COMPARED.match(after) or after[:1].isdigit():
                return None  # 占全市的62%，全省12%: a comparison, not what the sentence is about
            named = any(opened.end() <= m.start < pos for m in ctx.mentions)
            return None if named else opened.group()
    return None


def _established_object(ctx: Context, ss: int, cs: int, pos: int) -> EntityMention | None:
    """The platform, event or firm that the clause right before q's set up or held, when q's
    own clause names nothing before the figure (某市搭建某平台，累计上线服务事项600项)."""
    if cs <= ss or any(cs <= m.start < pos for m in ctx.mentions):
        return None
    prev_cs = clause_start(ctx.text, cs - 1)
    last = max(
        (m for m in ctx.mentions if prev_cs <= m.start and m.end <= cs), key=lambda m: m.end, default=None
    )
    if last is None or last.type not in ESTABLISHED_TYPES:
        return None
    verb_part = ctx.text[prev_cs : last.start].rstrip('“"「《')
    if ctx.text[last.end : cs].strip('”"」）)，,、 ') or not ESTABLISHED_RE.search(verb_part):
        return None  # the object must end its clause, right after the verb
    return last


def _names_main_subject(ctx: Context, start: int, end: int) -> bool:
    """A paragraph that names the article's own area is about it, whatever line
    (heading or bare photo caption) stood above it."""
    return ctx.main_subject is not None and any(
        start <= m.start < end and m.name == ctx.main_subject for m in ctx.mentions
    )


def _item_of_other_list_entry(text: str, ss: int, topic: int, pos: int) -> bool:
    """After a colon, entries split by semicolons each have their own topic."""
    colon = max(text.rfind(":", ss, topic), text.rfind("：", ss, topic))
    return colon >= 0 and any(c in ";；" for c in text[topic:pos])


def _qualifier_of_its_entry(text: str, topic: EntityMention, pos: int) -> bool:
    """科创板上市企业55家;…, 某产业集群产值…;…: a programme heading an entry of a list qualifies that
    entry's figures (the firms of a board, the output of a cluster); the next entry is the place's."""
    return topic.type == "program" and any(c in ";；" for c in text[topic.end : pos])


# 总投资150亿元的某产业园, 12万亩的“某生产带”, 120亿某母基金: a figure written before a
# name (after 的 and a quotation mark, or right against a fund's or zone's name) sizes it.
MODIFIER_JOIN_RE = re.compile(r"的?[“\"]?")
SIZED_TYPES = frozenset(("investor", "zone", "platform", "program"))


def _modified_name(ctx: Context, q: Quantity) -> EntityMention | None:
    join = MODIFIER_JOIN_RE.match(ctx.text, q.end)
    m = _mention_at(ctx, join.end())
    if m is None or not join.group() and (m.type not in SIZED_TYPES or not _is_amount(q)):
        return None  # 4个某生态圈, 5届某大会: a count of such things, not the size of one
    return m


def _is_amount(q: Quantity) -> bool:
    """120亿, 50亿元, 12万亩: an amount of money or a measure, not a count of items."""
    return not bare_unit(q.unit) or unit_groups().get(bare_unit(q.unit)) in ("currency", "measure")


def _mention_at(ctx: Context, pos: int) -> EntityMention | None:
    """The longest name written at pos; a place right before a park or body (某区|某产业园)
    only says where it is, so the name after it is the one meant."""
    found = max((m for m in ctx.mentions if m.start == pos), key=lambda m: m.end - m.start, default=None)
    if found is not None and found.type == "region":
        after = max(
            (m for m in ctx.mentions if m.start == found.end), key=lambda m: m.end - m.start, default=None
        )
        if after is not None and after.type in SIZED_TYPES:
            return after
    return found


PLACE_BEFORE = cue("place_before_count")
COMPARED_TO_RE = PLACE_BEFORE.trigger
JOINED_RE = PLACE_BEFORE.cue("joined")
OWNER_TYPES = frozenset(("region", "zone"))


def _place_before(ctx: Context, q: Quantity) -> EntityMention | None:
    """The place or zone written right before the figure, unless it is a standard of
    comparison (占某市80%, 居全省第二: a rank's place is where it ranks) or the last
    of a list of places counted together."""
    if q.form == "rank":
        return None
    m = next((m for m in ctx.mentions if m.end == q.start and m.type in OWNER_TYPES), None)
    if m is None or COMPARED_TO_RE.search(ctx.text, max(0, m.start - 4), m.start):
        return None
    if JOINED_RE.search(ctx.text, max(0, m.start - 1), m.start) and any(
        other.end == m.start - 1 for other in ctx.mentions
    ):
        return None
    return m


PLACE_ASIDE_RE = cue("firm_before_figure").trigger


def _firm_before(ctx: Context, q: Quantity) -> EntityMention | None:
    """The firm written right before the figure, maybe with the place it builds in brackets
    (某光伏(某县)200MW电站项目); a rank or share is taken among others, not owned."""
    if q.form == "rank" or not _is_amount(q):
        return None  # 落地A、B 2家企业: a count after firms counts them
    for m in ctx.mentions:
        if m.type == "enterprise" and (
            m.end == q.start
            or PLACE_ASIDE_RE.fullmatch(ctx.text, m.end, q.start)
            or _ANNUAL_OUTPUT.fullmatch(ctx.text, m.end, q.start)
            or _FIRM_OUTLAY.fullmatch(ctx.text, m.end, q.start)
        ):
            return m
    return None


# 某公司年产5GW电池片项目: a firm, then the yearly output its project is named by.
_ANNUAL_OUTPUT = re.compile(r"(?:新建|建设|投资建设)?年产(?:能)?")
# 某集团总投资30亿元的…项目, 某公司投资6亿元建设…: the firm, subject of 投资, lays out the sum.
_FIRM_OUTLAY = re.compile(r"(?:计划|拟|将|预计|已)?(?:总投资|投资)(?:额)?(?:约|近|超过?|达到?|逾|高达)?")


PROJECT = cue("project_anaphor")
PROJECT_HEAD_RE = PROJECT.trigger
PROJECT_NAMED_RE = PROJECT.cue("named")
PROJECT_TYPES = frozenset(PROJECT.cue("antecedent_types").pattern.split("|"))
PROJECT_REACH = PROJECT.params["reach"]


def _project_named(ctx: Context, q: Quantity) -> EntityMention | None:
    """The park, centre or firm named last with 项目 after it, when q's sentence opens on
    项目 (该项目总投资…, 占地…) and names nothing of its own before q."""
    ss = sentence_start(ctx.text, q.start)
    head = ctx.text[ss : q.start].lstrip("其中同时此外并且还")
    lo = bisect_left(ctx.mention_starts, ss)
    hi = bisect_left(ctx.mention_starts, q.start)
    if PROJECT_HEAD_RE.match(head) is None or lo < hi:
        return None
    lo = bisect_left(ctx.mention_starts, ss - PROJECT_REACH)
    for m in reversed(ctx.mentions[lo:hi]):
        if m.type in PROJECT_TYPES and PROJECT_NAMED_RE.match(ctx.text, m.end):
            return m
    return None


# 该项目由某公司投资建设: the project the clause opens on is the topic 由 otherwise leaves out.
_PROJECT_TOPIC = re.compile(r"(?:该|此|这一|这个|整个)?项目")

BUILT_BY = cue("built_by")
BUILT_BY_RE = BUILT_BY.trigger
BUILDER_TYPES = frozenset(BUILT_BY.cue("builder_types").pattern.split("|"))


def _builder(ctx: Context, q: Quantity, cs: int) -> EntityMention | None:
    """The body after 由 that builds the project a sentence is about: 由 opens its clause (the
    project is the omitted topic), and no actor but places is named before it or in q's clause."""
    text = ctx.text
    ss = sentence_start(text, q.start)
    se = min((i for i in (text.find(c, q.end) for c in "。！？\n") if i >= 0), default=len(text))
    named = [m for m in ctx.mentions if ss <= m.start < se]
    for m in named:
        if text[m.start - 1 : m.start] != "由" or m.type not in BUILDER_TYPES:
            continue
        if not BUILT_BY_RE.match(text[m.end : m.end + 40]):
            continue
        if cs < m.start < q.start:
            return m  # 完成备案1个由某公司投资800万元的项目: the builder's outlay in its own clause
        opening = text[clause_start(text, m.start) : m.start - 1]
        if opening and not _PROJECT_TOPIC.fullmatch(opening):
            continue  # 其中某电站由某公司建设: that clause names its own topic, a part of the sentence's
        actors = [o for o in named if o.start < m.start or cs <= o.start < q.start]
        return None if any(o is not m and o.type not in CARRIED_TYPES for o in actors) else m
    return None


def _place_after(ctx: Context, q: Quantity) -> EntityMention | None:
    """The place right after 产自 or 落户 that follows the figure in its clause."""
    after = ctx.text[q.end : q.end + 40]
    for cue_re in (MADE_IN_RE, SETTLED_IN_RE):
        found = cue_re.match(after)
        place = _mention_at(ctx, q.end + found.end()) if found else None
        if place is not None and (cue_re is MADE_IN_RE or place.type in CARRIED_TYPES):
            return place
    return None


EVENT = cue("event_attendance")
ATTENDING_RE = EVENT.trigger
EVENT_HEAD_RE = EVENT.cue("event_head")
MEETING_RE = EVENT.cue("meeting")
ASSOCIATION_RE = EVENT.cue("association")
ATTENDING_BEFORE_RE = EVENT.cue("before")


def _event_of(ctx: Context, q: Quantity, cs: int) -> EntityMention | None:
    """The event a figure counts the attendance of (200余家企业参会, 97所高校参展): the last
    event named before it; a government's meeting is none."""
    if ATTENDING_RE.match(ctx.text, q.end) is None and not ATTENDING_BEFORE_RE.search(ctx.text, cs, q.start):
        return None
    events = [m for m in ctx.mentions if m.end <= q.start and _is_event(m)]
    return events[-1] if events else None


SIGNED = cue("signed_at_event")
SIGNING_RE = SIGNED.trigger
EVENT_ANAPHOR_RE = SIGNED.cue("anaphor")
EVENT_NAMED_BEFORE_RE = SIGNED.cue("named")
EVENT_AT_RE = SIGNED.cue("at")
EVENT_REACH = SIGNED.params["reach"]


def _is_event(m: EntityMention) -> bool:
    """An event the text names (某大会, 某博览会); a government's meeting and a body named
    with 会 (某商会, 某协会) are none."""
    name = m.norm_name
    return (
        m.type == "program"
        and EVENT_HEAD_RE.search(name) is not None
        and not MEETING_RE.search(name)
        and not ASSOCIATION_RE.search(name)
    )


def _signed_at_event(ctx: Context, q: Quantity, cs: int, ss: int) -> EntityMention | None:
    """The event a signing figure's sentence opens on: named at its head (某大会上，现场签约…),
    or pointed back to (会上, 本届大会, 此次推介会上) as the last event named shortly before."""
    text = ctx.text
    if not SIGNING_RE.search(text, ss, min(q.end + 4, len(text))):
        return None
    for m in ctx.mentions[bisect_left(ctx.mention_starts, ss) :]:
        if m.start >= q.start:
            break
        if _is_event(m) and EVENT_NAMED_BEFORE_RE.match(text[ss : m.start]):
            opened = EVENT_AT_RE.match(text, m.end)
            return m if opened and not _signer_named(ctx, opened.end(), q.start) else None
    for start in (ss, cs):
        if start > ss and _signer_named(ctx, ss, start):
            break  # 某区举办了某恳谈会，会上签约项目6个: the host's result
        opened = EVENT_ANAPHOR_RE.match(text, start)
        if opened is not None and not _signer_named(ctx, opened.end(), q.start):
            events = [m for m in ctx.mentions if ss - EVENT_REACH <= m.start and m.end <= ss and _is_event(m)]
            return events[-1] if events else None
    return None


def _signer_named(ctx: Context, start: int, pos: int) -> bool:
    """A body heading a clause between the event's words and the figure signed for itself
    (大会上，某市人民政府与某院签约…)."""
    return any(
        start <= m.start < pos and not _is_event(m) and clause_start(ctx.text, m.start) in (m.start, start)
        for m in ctx.named
    )


def _quote_speaker(ctx: Context, pos: int) -> EntityMention | None:
    """The firm, institute or platform whose speaker is named right after the
    quotation that holds pos (“…增长30%。”某公司负责人某某说)."""
    text = ctx.text
    para_start = text.rfind("\n", 0, pos) + 1
    opened = text.rfind("“", para_start, pos)
    if opened < 0 or text.find("”", opened, pos) >= 0:
        return None
    closed = text.find("”", pos, pos + MAX_QUOTE)
    if closed < 0 or "\n" in text[pos:closed]:
        return None
    said = SPEAKER_RE.match(text[closed + 1 : closed + 80])
    if said is None:
        return None
    end = closed + 1 + said.end()
    bodies = [m for m in ctx.named if closed < m.start and m.end <= end and m.type in SPEAKER_TYPES]
    return bodies[-1] if bodies else None


def _own_subject_stops(ctx: Context, topic: EntityMention, cs: int, pos: int) -> bool:
    """甲公司获…认证,乙公司某产品等9项产品入选: a firm's topic of an earlier clause stops
    where a clause names a body of its own before its figure (ANNOTATION.md: the
    entity the clause is about); the area the sentence is about still holds. A body the
    clause's verb takes as its object (共对接推进了某基金等10只基金) is not its subject."""
    if topic.type in CARRIED_TYPES or topic.start >= cs:
        return False
    return any(
        cs <= m.start < pos and m.type not in CARRIED_TYPES and FILLER_RE.fullmatch(ctx.text[cs : m.start])
        for m in ctx.named
    )
