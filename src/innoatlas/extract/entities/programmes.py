"""Names of programmes, strategies, policies and events that carry no proper name.

Policy language names a programme by its content (中小企业梯度培育提升工程),
by a slogan in quotes and the kind of thing it is (“双核联动”战略), or by a
field and a plus sign (“人工智能+”, the family of "X plus" policies). News
names a meeting, ceremony, evaluation or award in full inside a frame (在…
大会上, 某某仪式在某地举行, 公布…评价结果) and a title conferred after a verb
of designation (获评…示范园区). The suffix grammar (suffix_names.py) asks a
programme name for a proper-name word, which these have not; here the reason
comes from the grammar around them (patterns.yaml and programme_patterns.yaml).
"""

from __future__ import annotations

import re

from innoatlas.extract.entities.grammar import (
    DESCRIPTION_MARKS,
    GENERIC_WORDS,
    Candidate,
    TokenIndex,
    is_description,
    starts_with_place,
)
from innoatlas.extract.entities.honours import honour_candidates
from innoatlas.extract.entities.patterns import pattern, programme_pattern
from innoatlas.lexicon.match import CENTRAL_BODY, find_lexicon
from innoatlas.lexicon.suffixes import suffix_type

# “人工智能+”, ‘5G+’: a field and a plus sign in quotes name a policy of the
# "Internet Plus" family (互联网+ since 2015, 人工智能+ since 2024).
_PLUS = re.compile(r"[“‘]([0-9A-Za-z\u4e00-\u9fff]{2,8}[+＋])[”’]")

# A slogan in quotes followed by the kind of thing it names is one name,
# quotes included (ANNOTATION.md writes names as in the article): “强省会”战略,
# “某某”计划. Before 行动计划 the quote alone is the programme's short name.
# A slogan of four-character phrases runs longer (“产业立县、工业强县、教育兴县”发展战略).
_QUOTED_KIND = re.compile(r"“[^“”\n,。;:!?]{2,24}”((?:发展)?战略|规划建议|计划|平台)")
_KIND_TYPES = {"战略": "program", "规划建议": "program", "计划": "program", "平台": "platform"}

# Verbs whose object is a programme, plan or list: what is carried out,
# issued or launched (实施…工程, 出台…措施), and what one is entered in (入选…名单).
_CARRY_OUT = frozenset({"实施", "出台", "印发", "发布", "启动", "开展", "推出", "制定", "落实"})
_ENTER = frozenset({"入选", "纳入", "列入", "入围", "荣获", "获评", "获得", "上榜", "蝉联", "跻身"})
# 在…名单中, 在…榜单上: a list one is found in.
_IN = frozenset({"在"})
_IN_HEADS = ("名单", "榜单")
_IN_AFTER = ("中", "上")
# The kinds of programme each verb takes as object.
_CARRY_OUT_HEADS = (
    "行动计划",
    "专项行动",
    "工程",
    "计划",
    "行动",
    "措施",
    "规划",
    "战略",
    "方案",
    "指引",
    "政策",
)
_ENTER_HEADS = ("名单", "清单", "榜单", "榜", "案例")
# Longest object taken as a name: longer runs are clauses (press names of plans stay under ~20 chars).
MAX_OBJECT_CHARS = 22
MIN_OBJECT_CHARS = 5
# The shortest item of an enumeration of plans taken as a plan's name (科技强农, 科技惠民).
MIN_ITEM_CHARS = 4
# Tokens that end a noun phrase: punctuation, conjunctions, prepositions, particles, pronouns.
_BREAK_TAGS = frozenset({"w", "c", "p", "u", "r", "xc"})
_QUOTES = frozenset("“”")


def programme_candidates(norm: str, ix: TokenIndex) -> list[Candidate]:
    return [_event_of_press_conference(norm, c) for c in _programme_candidates(norm, ix)]


def _event_of_press_conference(norm: str, c: Candidate) -> Candidate:
    """某大会新闻发布会: the event the briefing is held for (programme_patterns.yaml, briefed_event)."""
    hit = _BRIEFED_EVENT.fullmatch(norm, c.start, c.end)
    if hit is None:
        return c
    return Candidate(c.start, hit.end("event"), c.type, c.extractor, c.priority, c.confidence)


# An event's name, then the briefing held for it.
_BRIEFED_EVENT = programme_pattern("briefed_event").trigger


def _programme_candidates(norm: str, ix: TokenIndex) -> list[Candidate]:
    return (
        _plus_names(norm)
        + _quoted_kinds(norm)
        + _verb_objects(norm, ix)
        + _quoted_honours(norm)
        + _quoted_lists(norm)
        + _quoted_objects(norm)
        + _topic_campaigns(norm, ix)
        + _joined_events(norm)
        + _theme_years(norm, ix)
        + _top_tens(norm, ix)
        + _framed_events(norm, ix)
        + _designations(norm, ix)
        + _document_titles(norm)
        + _work_reports(norm, ix)
        + _expo_short_names(norm, ix)
        + _party_congresses(norm, ix)
        + honour_candidates(norm, ix)
        + _joined_plans(norm, ix)
        + _place_clusters(norm, ix)
    )


# Clusters named by their place and trade, as the national lists name them (工业和信息化部
# 国家先进制造业集群名单 2022-2024: 某市工程机械集群, 某地区某某先进制造集群).
_CLUSTER = re.compile(r"(?:产业)?集群$")
_CLUSTER_WORD_TAGS = frozenset({"n", "nz", "vn", "j", "a", "b", "LOC", "ns", "ORG", "nt"})
MAX_CLUSTER_CHARS = 20


def _place_clusters(norm: str, ix: TokenIndex) -> list[Candidate]:
    out = []
    for j, tok in enumerate(ix.tokens):
        if not _CLUSTER.search(tok.text):
            continue
        k = j
        while (
            k > 0
            and ix.tokens[k - 1].end == ix.tokens[k].start
            and _cluster_word(ix, k - 1)
            and tok.end - ix.tokens[k - 1].start <= MAX_CLUSTER_CHARS
        ):
            k -= 1
        # the name opens on its place; a trade must stand between the place and 集群
        while k < j and not (ix.tokens[k].tag in ("LOC", "ns") or starts_with_place(ix.tokens[k].text)):
            k += 1
        if k < j and (
            _trade_in(ix.tokens[k]) or not _CLUSTER.fullmatch(norm[ix.tokens[k + 1].start : tok.end])
        ):
            out.append(Candidate(ix.tokens[k].start, tok.end, "program", "programme", 56, 0.7))
    return out


# 先进铜功能材料及高端应用集群, 南康现代家具集群: a join inside the trade and a word the
# tagger reads as a time (现代) still belong to the cluster's name.
_CLUSTER_JOINS = frozenset({"及", "和", "与"})


def _cluster_word(ix: TokenIndex, i: int) -> bool:
    t = ix.tokens[i]
    if t.tag in _CLUSTER_WORD_TAGS:
        return True
    if t.text in _CLUSTER_JOINS:
        return i > 0 and ix.tokens[i - 1].tag in _CLUSTER_WORD_TAGS  # a join between two words of the trade
    return t.tag == "TIME" and not any(ch.isdigit() or ch in "年月日" for ch in t.text)


def _trade_in(tok) -> bool:
    """南昌市航空|集群: the tagger wrote the place and its trade as one name."""
    return tok.tag in ("ORG", "nt") and starts_with_place(tok.text)


_JOINED_EVENT = pattern("joined_event")


def _joined_events(norm: str) -> list[Candidate]:
    """某签约仪式暨某发布会: two events held as one, named by both titles."""
    out = []
    for m in _JOINED_EVENT.trigger.finditer(norm):
        start, end = m.span("name")
        first_half = norm[start : norm.index("暨", start)]
        held = list(_JOINED_EVENT.cue("hold").finditer(first_half))
        if held:
            start += held[-1].end()  # 某区举行|某仪式暨…: the host and the verb are not the name
        out.append(Candidate(start, end, "program", "programme", _JOINED_EVENT.priority, 0.7))
    return out


_CAMPAIGN = pattern("topic_campaign")
MAX_TOPIC_CHARS = _CAMPAIGN.params["max_topic_chars"]
# Tags of the words a campaign's topic is made of (项目|建设, 优化|营商|环境).
_TOPIC_TAGS = frozenset({"n", "vn", "v", "nz", "a", "an", "b", "j"})


def _topic_campaigns(norm: str, ix: TokenIndex) -> list[Candidate]:
    """人才引进“百日会战”: the quoted campaign with the work it is about before it."""
    out = []
    for m in _CAMPAIGN.trigger.finditer(norm):
        start = _topic_start(ix, m.start(), MAX_TOPIC_CHARS)
        # a lone verb before the quote (展开“百日攻坚”) is no topic
        if start is not None and m.start() - start >= 4:
            out.append(Candidate(start, m.end(), "program", "programme", _CAMPAIGN.priority, 0.7))
    return out


# Verbs that frame a task rather than name it (今年被定为|某某建设年, 作为|某某攻坚).
_FRAME_VERBS = frozenset({"定为", "确定为", "列为", "作为", "当作", "成为", "是"})


def _topic_start(ix: TokenIndex, end: int, max_chars: int) -> int | None:
    """Start of the run of nouns and verbs ending at `end` (招商|引资, 项目|建设)."""
    k = ix.by_end.get(end)
    start = None
    while k is not None and k >= 0:
        t = ix.tokens[k]
        if (
            t.tag not in _TOPIC_TAGS
            or t.text in _CARRY_OUT
            or t.text in _FRAME_VERBS
            or end - t.start > max_chars
        ):
            break
        start = t.start
        k -= 1
    return start


_THEME_YEAR = pattern("theme_year")
# A task of fewer characters than this names no year (the kind word alone, 建设年).
MIN_TASK_CHARS = 2


def _theme_years(norm: str, ix: TokenIndex) -> list[Candidate]:
    """园区建设年, 营商环境提升年: a year set aside for a task, named by the task."""
    out = []
    for m in _THEME_YEAR.trigger.finditer(norm):
        if m.end() not in ix.by_end or norm.startswith("年", m.end()):
            continue
        start = _topic_start(ix, m.start(), _THEME_YEAR.params["max_topic_chars"])
        if start is not None and m.start() - start >= MIN_TASK_CHARS and not _quantified(ix, start):
            out.append(Candidate(start, m.end(), "program", "programme", _THEME_YEAR.priority, 0.7))
    return out


def _quantified(ix: TokenIndex, start: int) -> bool:
    """各项|建设年: a quantifier or pronoun opens a description, not a task."""
    t = ix.tokens[ix.by_start[start]]
    return t.tag in ("r", "m", "q") or t.text.startswith(("各", "每"))


_QUOTED_OBJECT = pattern("quoted_object")


def _quoted_objects(norm: str) -> list[Candidate]:
    """推进“某某”建设, 以“某某”的方式: the quoted object of a verb of carrying out."""
    out = []
    for m in _QUOTED_OBJECT.trigger.finditer(norm):
        name = m.group("name")
        if _QUOTED_OBJECT.cue("clause").search(name) or norm.startswith("模式", m.end()):
            continue  # 以“一区多园”模式: a way of working, not a programme
        found = suffix_type(name)
        etype = found[1] if found and len(name) > len(found[0]) else "program"
        out.append(Candidate(m.start("name"), m.end("name"), etype, "quoted", _QUOTED_OBJECT.priority, 0.7))
    return out


_QUOTED_LIST = pattern("quoted_list")
_QUOTED_ITEM = re.compile(r"“([^“”]+)”")


def _quoted_lists(norm: str) -> list[Candidate]:
    """“甲”“乙”等惠企品牌: every quoted item of the list is a programme's name."""
    out = []
    for m in _QUOTED_LIST.trigger.finditer(norm):
        for item in _QUOTED_ITEM.finditer(norm, m.start(1), m.end(1)):
            out.append(Candidate(item.start(1), item.end(1), "program", "quoted", _QUOTED_LIST.priority, 0.7))
    return out


# A title in quotes after a verb of being listed or honoured is the name of
# that list, award or title (入选“…名单”, 获评“…县(市)”, 稳居“…50强”), and so
# is every quoted title that follows it in a row (先后获批“甲”“乙”和“丙”).
_HONOUR = re.compile(
    r"(?:入选|获评|获批|荣获|入围|上榜|稳居|跻身|蝉联|列入|纳入|认定为|被评为|评为|授予|命名为)(?:了|为)?"
    r"(?:(?:19|20)\d\d年度?)?“([^“”\n,。;!?]{3,30})”"
)
_NEXT_HONOUR = re.compile(r"[、和及]?“([^“”\n,。;!?]{3,30})”")


def _quoted_honours(norm: str) -> list[Candidate]:
    out = []
    for m in _HONOUR.finditer(norm):
        spans = [m.span(1)]
        nxt = _NEXT_HONOUR.match(norm, m.end())
        while nxt is not None:
            spans.append(nxt.span(1))
            nxt = _NEXT_HONOUR.match(norm, nxt.end())
        out += [Candidate(a, b, "program", "designation", 72, 0.7) for a, b in spans]
    return out


def _plus_names(norm: str) -> list[Candidate]:
    return [Candidate(m.start(1), m.end(1), "program", "quoted", 70, 0.7) for m in _PLUS.finditer(norm)]


def _quoted_kinds(norm: str) -> list[Candidate]:
    return [
        Candidate(m.start(), m.end(), _KIND_TYPES[m.group(1).removeprefix("发展")], "quoted", 70, 0.7)
        for m in _QUOTED_KIND.finditer(norm)
    ]


_ASPECT = frozenset({"了", "过"})


def _verb_objects(norm: str, ix: TokenIndex) -> list[Candidate]:
    out = []
    for k, tok in enumerate(ix.tokens):
        if tok.text in _CARRY_OUT:
            heads = _CARRY_OUT_HEADS
        elif tok.text in _ENTER:
            heads = _ENTER_HEADS
        elif tok.text in _IN:
            heads = _IN_HEADS
        else:
            continue
        first = k + 1
        if tok.text not in _IN and first < len(ix.tokens) and ix.tokens[first].text in _ASPECT:
            first += 1  # 印发了|某某方案: the aspect particle stands between the verb and its object
        span = _object_name(norm, ix, first, heads)
        if span is not None and tok.text in _IN and not norm.startswith(_IN_AFTER, span[1]):
            continue
        if span is not None:
            out.append(Candidate(span[0], span[1], "program", "programme", 48, 0.7))
    return out


def _object_name(norm: str, ix: TokenIndex, first: int, heads: tuple[str, ...]) -> tuple[int, int] | None:
    """The noun phrase right after a verb, up to the first token ending in one of `heads`."""
    toks = ix.tokens
    if first >= len(toks) or toks[first].start != toks[first - 1].end or is_description(ix, first):
        return None
    first = _after_issuer(norm, ix, first)
    start = toks[first].start
    i = first
    while i < len(toks) and toks[i].end - start <= MAX_OBJECT_CHARS:
        t = toks[i]
        if (t.tag in _BREAK_TAGS and t.text not in _QUOTES) or t.text in _CARRY_OUT or t.text in _ENTER:
            return None
        if t.text.endswith(heads) and not _noun_follows(ix, i):
            return _named(norm, ix, first, i)
        i += 1
    return None


def _after_issuer(norm: str, ix: TokenIndex, first: int) -> int:
    """入选科学技术部…名单: the issuing body is a name of its own, not part of the list's."""
    toks = ix.tokens
    start = toks[first].start
    ends = {
        end
        for a, end, entries in find_lexicon(norm[start : start + MAX_OBJECT_CHARS])
        if a == 0 and any(e.kind == CENTRAL_BODY for e in entries)
    }
    for j in range(min(first + 4, len(toks) - 2), first - 1, -1):  # toks[j + 1] is read
        found = suffix_type(norm[start : toks[j].end])
        body = toks[j].end - start in ends or (found is not None and found[1] == "government")
        if body and toks[j + 1].start == toks[j].end:
            return j + 1
    return first


def _noun_follows(ix: TokenIndex, i: int) -> bool:
    """实施…行动|事项: the head word qualifies a noun after it."""
    nxt = ix.tokens[i + 1] if i + 1 < len(ix.tokens) else None
    return nxt is not None and nxt.start == ix.tokens[i].end and nxt.tag in ("n", "nz", "vn")


# 多个, 若干项: a vague count opens a description (出台多个相关政策), as a number does.
_VAGUE_COUNT = re.compile(r"^(?:多|几|数|若干)[个项条批]")


def _named(norm: str, ix: TokenIndex, lo: int, hi: int) -> tuple[int, int] | None:
    """The span from token lo to hi, if it says more than generic words (开展专项行动 names nothing)."""
    toks = ix.tokens[lo : hi + 1]
    if (
        toks[0].tag == "m"
        or _VAGUE_COUNT.match(norm[toks[0].start : toks[-1].end])
        or any(t.text in DESCRIPTION_MARKS for t in toks)
    ):
        return None  # 120余项改革举措, 全国首个…行动计划: a count or a description
    start, end = toks[0].start, toks[-1].end
    text = norm[start:end]
    if "“" in text or "”" in text:
        return None  # “…计划”, 优势产业“某某”行动: the quoted name is found by the quote grammar
    if end - start < MIN_OBJECT_CHARS:
        return None
    words = [t.text for t in toks]
    head = next(h for h in _CARRY_OUT_HEADS + _ENTER_HEADS if words[-1].endswith(h))
    words[-1] = words[-1][: -len(head)]
    if all(not w or w in GENERIC_WORDS for w in words):
        return None
    years = _YEARS_BRACKET.match(norm, end)
    return start, years.end() if years else end


# 行动方案(2023-2027年): the years a plan runs are written into its name.
_YEARS_BRACKET = re.compile(r"[(（](?:19|20)\d{2}(?:年?[-—–~～至](?:19|20)\d{2})?年?[)）]")


_TOP_TEN = pattern("top_ten")
# Tags of the nouns a selection's name is made of (农业|招商|场景).
_SELECTION_TAGS = frozenset({"n", "vn", "nz", "an", "j"})


def _top_tens(norm: str, ix: TokenIndex) -> list[Candidate]:
    """十大优秀创新案例: a selection of the ten best of a kind, named after 十大."""
    out = []
    limit = _TOP_TEN.params["max_name_chars"]
    for m in _TOP_TEN.trigger.finditer(norm):
        k = ix.by_start.get(m.end())
        end = None
        while k is not None and k < len(ix.tokens):
            t = ix.tokens[k]
            if (
                t.tag not in _SELECTION_TAGS
                or t.end - m.start() > limit
                or (end is not None and t.start != end)
            ):
                break
            end = t.end
            k += 1
        if end is not None and end - m.end() >= 2 and not _TOP_TEN.cue("kinds").search(norm, m.end(), end):
            out.append(Candidate(m.start(), end, "program", "programme", _TOP_TEN.priority, 0.7))
    return out


# The head words of a framed name, longest first, whatever frame found it.
_EVENT_HEAD = re.compile(
    r"(?:动员大会|推进大会|促进大会|大会|全会|会议|推进会|推动会|座谈会|交流会|对接会|发布会|洽谈会|研讨会"
    r"|观摩会|现场会|论坛|峰会|博览会|仪式|活动|考核评价|综合评价|绩效评价|评价|考核|考评|评估|评选|评比"
    r"|大赛|竞赛|奖)$"
)
# Fewer characters than this before the head word say only what kind of event
# it is (签约|仪式, 工作|会议), not which one.
MIN_EVENT_TOPIC = 5
# A determiner or a count opens a description of events (本次会议, 各类活动, 多场对接会).
_EVENT_DETERMINER = re.compile(
    r"^(?:[各该本此这那其每上下]|有关|相关|系列|一系列|一批|多场|多个|多次|一场|一次)"
)


def _framed_events(norm: str, ix: TokenIndex) -> list[Candidate]:
    """Meetings, ceremonies, evaluations and awards named in a frame that bounds them."""
    out = []
    frame = programme_pattern("event_frame")
    for m in frame.trigger.finditer(norm):
        start, end = m.span("name")
        if frame.cue("ranked").match(norm, end):
            continue
        opened = list(frame.cue("opener").finditer(norm, start, end))
        if opened:
            start = opened[-1].end()  # 在某区召开的|某某会上
        start = _after_relative_time(norm, start, end, frame.cue("relative_time"))
        # the frame bounds the name: one of common words is still a name (在某某专项考核中)
        out += _event(norm, ix, start, end, frame.priority, framed=True)
    held = programme_pattern("event_held")
    for m in held.trigger.finditer(norm):
        out += _held_events(norm, ix, *m.span("name"), held.priority)
    subject = programme_pattern("event_subject")
    for m in subject.trigger.finditer(norm):
        out += _event(norm, ix, *m.span("name"), subject.priority)
    result = programme_pattern("evaluation_result")
    for m in result.trigger.finditer(norm):
        out += _event(norm, ix, *m.span("name"), result.priority)
    return out


def _held_events(norm: str, ix: TokenIndex, start: int, end: int, priority: int) -> list[Candidate]:
    """举办甲大会和乙论坛: two events held in one clause are two names."""
    name = norm[start:end]
    for k, ch in enumerate(name):
        if ch in "和及" and _EVENT_HEAD.search(name[:k]):
            first = _event(norm, ix, start, start + k, priority)
            return first + _event(norm, ix, start + k + 1, end, priority)
    return _event(norm, ix, start, end, priority)


def _after_relative_time(norm: str, start: int, end: int, cue: re.Pattern) -> int:
    """上半年|某某考核: a relative time before the name is not part of it."""
    m = cue.match(norm, start, end)
    return m.end() if m else start


def _event(
    norm: str, ix: TokenIndex, start: int, end: int, priority: int, framed: bool = False
) -> list[Candidate]:
    edition = programme_pattern("event_held").cue("edition").match(norm, start, end)
    if edition:
        start = edition.end()  # 首届|某某大会, 5届|某某大会: how often, not which
    name = norm[start:end]
    head = _EVENT_HEAD.search(name)
    if head is None or start not in ix.by_start:
        return []
    topic = name[: head.start()]
    if len(topic) < MIN_EVENT_TOPIC or _EVENT_DETERMINER.match(topic) or "的" in topic:
        return []
    if not framed and _all_generic(ix, start, start + len(topic)):
        return []
    if _joined_to_event(topic):
        # 某推介会暨签约仪式: a rite or activity joined to a named event is that occasion
        return [Candidate(start, end, "program", "programme", priority, 0.7)]
    if head.group() == "仪式" and (not _scoped(ix, start, topic) or _one_things_act(topic)):
        return []
    if head.group() == "活动" and "集中" in topic and not _scoped(ix, start, topic):
        return []  # 重点项目集中签约活动: a kind of occasion; its place or year makes it one
    return [Candidate(start, end, "program", "programme", priority, 0.7)]


def _joined_to_event(topic: str) -> bool:
    """暨, the formal "and" of official titles, joins two occasions into one (某推介会暨签约仪式);
    诸暨 is a county."""
    return "暨" in topic.replace("诸暨", "")


# 某产业园二期项目|开工仪式, 某科技园|揭牌仪式: the act of one named thing ends the ceremony's
# topic; a batch of projects (集中开工仪式, 重大项目签约仪式) makes an occasion of its own.
_ONE_THINGS_ACT = re.compile(
    r"(?:[一二三四首]期)?(?:工程|项目)?(?:揭牌|开工|奠基|开园|开业|投产|竣工|落成|启用)$"
)


def _one_things_act(topic: str) -> bool:
    """The ceremony is one named thing's act (某科技园揭牌仪式): the thing is the name, not the rite."""
    return bool(_ONE_THINGS_ACT.search(topic)) and not re.search(r"集中|重大|重点|批|暨", topic)


# The scope words that make a ceremony one occasion: 全省|重大项目集中开工仪式.
_SCOPES = ("全省", "全市", "全区", "全县", "全国", "全州")


def _scoped(ix: TokenIndex, start: int, topic: str) -> bool:
    """A ceremony is named by its host or scope (某新区|签约仪式); the act alone (签约仪式) is a kind."""
    if topic.startswith(_SCOPES) or starts_with_place(topic) or _YEAR.match(topic):
        return True
    k = ix.by_start[start]
    return ix.tokens[k].tag in ("ORG", "LOC", "nt", "ns")


_YEAR = re.compile(r"(?:19|20)\d\d年")


def _all_generic(ix: TokenIndex, start: int, end: int) -> bool:
    """Whether the tokens from start to end are all generic words (重点|项目|建设)."""
    k = ix.by_start.get(start)
    words = []
    while k is not None and k < len(ix.tokens) and ix.tokens[k].end <= end:
        words.append(ix.tokens[k].text)
        k += 1
    return all(w in GENERIC_WORDS for w in words)


_CONJOINED = frozenset("和及、")
# 获评|省级绿色工业园区: the level that confers a title makes a name of generic words.
_CONFERRING_LEVELS = ("国家级", "省级", "市级", "县级", "区级")
# 获评省级试点示范: a level and the kind word alone say what sort of title, not which one.
_BARE_TITLE = re.compile(r"(?:国家级|省级|市级|县级|区级)?(?:试点示范|试点|示范)")


def _designations(norm: str, ix: TokenIndex) -> list[Candidate]:
    """获评国家级绿色工厂和某某示范园区: every title conferred after the verb."""
    p = programme_pattern("designation")
    name_only = re.compile(p.trigger.pattern[p.trigger.pattern.index("(?P<name>") :])
    out = []
    for m in p.trigger.finditer(norm):
        start, end = m.span("name")
        while True:
            conferred = norm.startswith(_CONFERRING_LEVELS, start)
            bare = _BARE_TITLE.fullmatch(norm, start, end) is not None
            if start in ix.by_start and not bare and (conferred or not _all_generic(ix, start, end)):
                out.append(Candidate(start, end, "program", "designation", p.priority, 0.7))
            if norm[end : end + 1] not in _CONJOINED:
                break
            nxt = name_only.match(norm, end + 1)
            if nxt is None:
                break
            start, end = nxt.span("name")
    return out


# Level words that stand for the place of a body (自治区第十一次党代会).
_LEVELS = ("自治区", "自治州", "省", "市", "县", "区", "州", "盟", "旗")


def _party_congresses(norm: str, ix: TokenIndex) -> list[Candidate]:
    """自治区第十一次党代会: a numbered party congress with its place or level."""
    p = programme_pattern("party_congress")
    out = []
    for m in p.trigger.finditer(norm):
        k = ix.by_end.get(m.start())
        start = m.start()
        if k is not None:
            t = ix.tokens[k]
            if t.text in _LEVELS or t.text.endswith(_LEVELS) and starts_with_place(t.text) or t.tag == "LOC":
                start = t.start
        if start < m.start():
            out.append(Candidate(start, m.end(), "program", "programme", p.priority, 0.8))
    return out


def _joined_plans(norm: str, ix: TokenIndex) -> list[Candidate]:
    """实施甲、乙和丙联动计划。: a programme named by several joined words."""
    p = programme_pattern("joined_plan")
    out = []
    for m in p.trigger.finditer(norm):
        start, end = m.span("name")
        if start in ix.by_start and not p.cue("opening").match(norm, start):
            out += [
                Candidate(a, b, "program", "programme", p.priority, 0.7)
                for a, b in _whole_plans(norm, start, end)
            ]
    return out


_PLAN_HEAD = re.compile(r"(?:行动计划|计划|行动|工程)[、和及与]")
# 甲、乙、丙三大工程: a count of the items before the kind word that closes an enumeration.
_COUNTED_HEAD = re.compile(
    r"[一二两三四五六七八九十\d]+(?:大|项|个)[^、和及与]{0,8}?(?:行动计划|计划|行动|工程)$"
)
_JOINS = re.compile(r"[、和及与]")


def _whole_plans(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """实施甲培育行动、乙提升行动: a kind word before the joiner closes a name of its own,
    so the object is several plans, each named in full; 实施甲、乙、丙三大工程: the count
    says the joined words are the plans, each named by itself; otherwise they are one name."""
    counted = _COUNTED_HEAD.search(norm, start, end)
    if counted is not None:
        return _pieces(norm, start, counted.start(), _JOINS)
    if _PLAN_HEAD.search(norm, start, end) is None:
        return [(start, end)]
    return _pieces(norm, start, end, _PLAN_HEAD)


def _pieces(norm: str, start: int, end: int, sep: re.Pattern) -> list[tuple[int, int]]:
    """The spans between the joiners that end each match of `sep`; the whole span when
    one piece is too short to be a name."""
    spans, at = [], start
    for m in sep.finditer(norm, start, end):
        spans.append((at, m.end() - 1))
        at = m.end()
    spans.append((at, end))
    return [(start, end)] if any(b - a < MIN_ITEM_CHARS for a, b in spans) else spans


def _document_titles(norm: str) -> list[Candidate]:
    """《关于某某的函》, 《某某清单(第一批)》: official titles the 《》 rule of quoted_names.py does not end on."""
    return [
        Candidate(m.start(), m.end(), "program", "title", p.priority, 0.8)
        for p in (programme_pattern("document_title"), programme_pattern("document_note"))
        for m in p.trigger.finditer(norm)
    ]


def _expo_short_names(norm: str, ix: TokenIndex) -> list[Candidate]:
    """玉博会, 广交会, 投洽会: an expo or fair by its short name."""
    p = programme_pattern("expo_short_name")
    short = [
        Candidate(*m.span("name"), "program", "programme", p.priority, 0.7)
        for m in p.trigger.finditer(norm)
        if m.start("name") in ix.by_start
    ]
    return short + [
        Candidate(*m.span(), "program", "programme", p.priority + 1, 0.7)
        for m in p.cue("numbered").finditer(norm)
    ]


def _work_reports(norm: str, ix: TokenIndex) -> list[Candidate]:
    """省政府工作报告: the report with the government that gives it, when written."""
    p = programme_pattern("work_report")
    out = []
    for m in p.trigger.finditer(norm):
        start = m.start()
        k = ix.by_end.get(m.start() + 2)  # 自治区政府|工作报告: the issuer's token ends in 政府
        if k is not None and ix.tokens[k].text.endswith("政府") and ix.tokens[k].tag in ("ORG", "nt"):
            start = ix.tokens[k].start
        year = _REPORT_YEAR.search(norm, max(0, start - 6), start)
        if year is not None:
            start = year.start()  # 2024年某市政府工作报告: the year the report is given in is in its title
        out.append(Candidate(start, m.end(), "program", "programme", p.priority, 0.7))
    return out


_REPORT_YEAR = re.compile(r"(?:19|20)\d{2}年度?$")
