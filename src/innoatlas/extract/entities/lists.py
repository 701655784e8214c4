"""Names listed in enumerations: the items of a list closed by 等 and their kind
(长安、赛力斯等龙头企业), by their firms' trade (等3家汽车零部件企业), or held in
brackets after a count of firms (企业有2家(甲乙、丙丁)).
"""

from __future__ import annotations

import re
from dataclasses import replace

from innoatlas.extract.entities.grammar import (
    GENERIC_WORDS,
    PROPER_TAGS,
    Candidate,
    TokenIndex,
    extend_left,
    frame_opening,
    name_like,
    plan_aim,
)
from innoatlas.extract.entities.patterns import pattern
from innoatlas.extract.entities.projects import is_business_word, owner_span
from innoatlas.lexicon.divisions import division_names
from innoatlas.lexicon.industries import load_industries
from innoatlas.lexicon.suffixes import load_suffixes, suffix_type

LIST_TAIL = pattern("list_tail")
_LIST_TAIL = LIST_TAIL.trigger
_LIST_KINDS = ("enterprise", "university", "institute", "platform", "zone", "investor")


# A kind word followed by another (某钢等园区重点企业): the head of the phrase is the last.
_LATER_KIND = re.compile(
    r"(?:龙头|重点|头部|领军|骨干|规上|规模以上|高新技术|科技型)?(?P<kind>企业|公司|高校|院校|科研院所|研究机构|平台|基金|机构)"
)


def _list_type(kind: str) -> str:
    """The type of the items of a list closed by this kind word (企业 -> enterprise)."""
    return next(t for t in _LIST_KINDS if LIST_TAIL.cue(t).fullmatch(kind))


# A bracketed list after a count of firms: 营收过亿元的企业有2家(甲乙、丙丁).
_BRACKET_LIST = pattern("bracket_list").trigger


def list_candidates(norm: str, ix: TokenIndex) -> list[Candidate]:
    """Items of enumerations closed by 等+kind (长安、赛力斯等龙头企业) or held in
    brackets after a count of firms (企业有2家(甲乙、丙丁))."""
    out: list[Candidate] = []
    for m in _LIST_TAIL.finditer(norm):
        kind = m.group("kind")
        later = _LATER_KIND.match(norm, m.end())
        if later is not None:
            kind = later.group("kind")  # 甲、乙等园区|重点企业: the last noun is the head
        items = _list_items(norm, ix, m.start(), _list_type(kind))
        if _list_type(kind) == "enterprise" and any(_is_trade(norm[c.start : c.end]) for c in items):
            continue  # 新能源、新材料等一批项目: the firms and projects of trades, none named
        if kind == "项目":
            items = [_project_owner(norm, ix, c) for c in items]
        out.extend(items)
    for m in _TRADE_LIST_TAIL.finditer(norm):
        if _trade(m.group("trade")):
            out.extend(_list_items(norm, ix, m.start(), "enterprise"))
    for m in _COUNTED_LIST.finditer(norm):
        items = _firm_list(norm, ix, m.start(), need_pair=not m.group().startswith("等"))
        if m.group("pkind"):  # 甲、乙等5个百亿级项目: the projects are named by their firms
            items = [_project_owner(norm, ix, c) for c in items]
            items = [c for c in items if not _PROJECT_WORK.search(norm, c.start, c.end)]
        out.extend(items)
    for m in _EXEMPLAR_LIST.finditer(norm):
        out.extend(_firm_list(norm, ix, m.start(), need_pair=not m.group().startswith("等")))
    for m in _ACTOR_LIST.finditer(norm):
        out.extend(c for c in _list_items(norm, ix, m.start(), "enterprise") if not _industry(norm, c))
    for m in _ROUTE_LIST.finditer(norm):
        out.extend(c for c in _list_items(norm, ix, m.start(), "program") if _named(ix, c))
    for m in _BRACKET_LIST.finditer(norm):
        out.extend(_list_items(norm, ix, m.end("items"), "enterprise", bracketed=m.start("items")))
    for m in _LEADING_FIRMS.finditer(norm):
        out.extend(_leading_firms(norm, ix, m.start()))
    for m in _LEAD_LIST.finditer(norm):
        etype = _list_type(m.group("kind"))
        out.extend(_list_items(norm, ix, m.end("items"), etype, bracketed=m.start("items")))
    return out


def _project_owner(norm: str, ix: TokenIndex, item: Candidate) -> Candidate:
    """甲酱油生产线、乙钢板等项目: a project is named by its firm and what it makes (企业简称 +
    产品), as projects.py reads 某某电池项目; the firm is the name."""
    if not _PRODUCTION.search(norm, item.start, item.end):
        return item  # 某某精细化工, 某某邦普: a firm's own second word, no product
    span = owner_span(norm, ix, item.start, item.end)
    if span is None or span[1] >= item.end:
        span = _name_before_product(ix, item)
    if span is None or span[1] >= item.end:
        return item
    return replace(item, start=span[0], end=span[1])


# A project named by the work it does or the site it builds (研发某发动机, 某材料产业化, 某总部,
# 某基地): no firm's name stands alone in it.
_PROJECT_WORK = re.compile(r"研发|研究|产业化|总部|基地|中心")


# A project that builds or refits a plant or line (某某酱油生产线, 某某装载机数字工厂): a firm's
# short name and what it makes come before these words, no firm is named by them.
_PRODUCTION = re.compile(r"(?:生产线|产线|工厂|车间|技改|技术改造|智能化改造|扩建|扩产)$")
# What the tagger reads a firm's short name as: a person's or place's name, an organisation.
_SHORT_NAME_TAGS = frozenset({"PER", "LOC", "ORG", "nz", "nw", "nr", "ns"})
_PRODUCT_TAGS = frozenset({"n", "vn", "nz"})


def _name_before_product(ix: TokenIndex, item: Candidate) -> tuple[int, int] | None:
    """巨杰|混凝土|风机|塔筒, 源瀚|蓝|宝石: a name the tagger knows, then common nouns for
    what the project makes."""
    k = ix.by_start.get(item.start)
    if k is None or ix.tokens[k].tag not in _SHORT_NAME_TAGS:
        return None
    end = ix.tokens[k].end
    k += 1
    if (
        k < len(ix.tokens)
        and len(ix.tokens[k].text) == 1
        and ix.tokens[k].tag != "n"
        and ix.tokens[k].end < item.end
    ):
        end = ix.tokens[k].end  # 姚锦|坊: a one-character word that is no noun closes the name
        k += 1
    rest = []
    while k < len(ix.tokens) and ix.tokens[k].end <= item.end:
        rest.append(ix.tokens[k])
        k += 1
    if not rest or rest[-1].end != item.end or any(t.tag not in _PRODUCT_TAGS for t in rest):
        return None
    if is_business_word(rest[0].text) or rest[0].text in load_industries()[0]:
        return None  # 某某|新材料, 某某|电梯: the line of business firms write into their short names
    return (item.start, end) if end - item.start >= 2 else None


# 企业有甲、乙、丙等: the kind word and a verb of listing lead the items.
_LEAD_LIST = pattern("lead_list").trigger


# 甲、乙5家企业, 甲、乙等20家骨干企业: a list closed by a count of firms.
_COUNTED_LIST = pattern("counted_list").trigger
# 甲、乙、丙为代表的新材料产业链: the firms that stand for a cluster.
_EXEMPLAR_LIST = pattern("exemplar_list").trigger


# 以甲、乙为龙头: the objects of 以 are the leading firms.
_LEADING_FIRMS = pattern("leading_firms").trigger
MAX_LEADING_LIST = pattern("leading_firms").params["max_object_list"]
_NAME_TAGS = frozenset({"ORG", "nz", "nt"})


def _leading_firms(norm: str, ix: TokenIndex, frame: int) -> list[Candidate]:
    """以甲、乙为龙头: the items between 以 and the frame's 为, when the list opens right after 以;
    one item alone only when it opens with a name the tagger knows (以项目建设为龙头 names no firm)."""
    opening = frame_opening(norm, frame, MAX_LEADING_LIST)
    if opening is None:
        return []
    items = _firm_list(norm, ix, frame, need_pair=False)
    if not items or items[-1].start != opening + 1:
        return []
    if len(items) == 1:
        k = ix.by_start.get(items[0].start)
        if k is None or ix.tokens[k].tag not in _NAME_TAGS:
            return []  # 以希捷|环保为龙头: the item opens with a name the tagger knows
    return items


def _firm_list(norm: str, ix: TokenIndex, end: int, need_pair: bool) -> list[Candidate]:
    """The firms of a list; none when an item is an industry or a place (the list is of those),
    and none without 等 unless two items are joined by 、 (新增|6家企业 is no list)."""
    items = _list_items(norm, ix, end, "enterprise")
    if need_pair and not any(norm[c.start - 1 : c.start] == "、" for c in items):
        return []
    if any(_industry_or_place(norm[c.start : c.end]) for c in items):
        return []
    return items


def _industry_or_place(text: str) -> bool:
    """新材料, 风电配套 (a trade and its role), 装备产业, 重庆: no firm's name."""
    return _is_trade(text) or text in division_names()


def _is_trade(text: str) -> bool:
    """新材料, 风电配套 (a trade and its role), 装备产业: an industry, no firm's name (a firm
    may be named by a place: 北辰)."""
    terms, heads, _generic = load_industries()
    return _TRADE_ROLE.sub("", text) in terms or text.endswith(heads)


# 甲乙、丙丁等高铁: lines named by their end cities.
_ROUTE_LIST = pattern("route_list").trigger
# 甲、乙等携手研发: the actors of a verb of acting together.
_ACTOR_LIST = pattern("actor_list").trigger


def _named(ix: TokenIndex, c: Candidate) -> bool:
    """郑万, 沪渝蓉: a line is named by places, not by common nouns (城市、乡镇等铁路站点)."""
    first, last = ix.pos_token[c.start], ix.pos_token[c.end - 1]
    return any(t.tag not in ("n", "vn", "a", "an") for t in ix.tokens[first : last + 1])


def _industry(norm: str, c: Candidate) -> bool:
    """新能源、新材料等纷纷…: items the vocabulary names as industries are no actors."""
    return norm[c.start : c.end] in load_industries()[0]


# 等“一连串”汽车零部件企业, 等3家新能源汽车配套企业: a list closed by its firms' trade.
TRADE_LIST_TAIL = pattern("trade_list_tail")
_TRADE_LIST_TAIL = TRADE_LIST_TAIL.trigger
_TRADE_ROLE = TRADE_LIST_TAIL.cue("role")


def _trade(text: str) -> bool:
    """An industry of the vocabulary, maybe followed by a role (汽车零部件|配套) or
    by the stage of the trade the firms work in (汽车|整车, 光伏|组件)."""
    core = _TRADE_ROLE.sub("", text)
    known = load_industries()[0]
    return core in known or any(
        core[:k] in known and len(core) - k <= MAX_TRADE_STAGE for k in range(MIN_TRADE_CHARS, len(core))
    )


# Longest stage of a trade written after the industry (整车, 零部件, 组件).
MAX_TRADE_STAGE = 3
MIN_TRADE_CHARS = 2


def _list_items(
    norm: str, ix: TokenIndex, end: int, etype: str, bracketed: int | None = None
) -> list[Candidate]:
    out: list[Candidate] = []
    while True:
        item = _list_item(norm, ix, end, bracketed)
        if item is None:
            break
        start, stop = item
        if _QUANTITY_OPENING.match(norm, start, stop):
            break  # 年产70万吨EVA、5万吨…: a capacity's quantity and product, no name
        found = suffix_type(norm[start:stop])
        type_ = found[1] if found else etype
        kind = type_ == "enterprise" and norm.endswith(_KIND_OF_FIRM, start, stop)
        if not kind:
            out.append(Candidate(start, stop, type_, "list", 45, 0.7))
        elif norm.endswith(_KIND_OF_FIRM[2:], start, stop) and norm[start - 1 : start] == "等":
            end = start - 1  # 甲、乙等全球装备巨头和丙、丁等企业: the kind closes a list of its own
            continue
        sep = start - 1
        if sep < 0 or norm[sep] not in "、和及与" or (bracketed is not None and sep < bracketed):
            break
        if norm[sep] in "和及与" and _PEOPLE_BEFORE.search(norm, max(0, sep - MAX_LIST_ITEM), sep):
            break  # 十多名院士和甲、乙等企业: the people joined to the list are none of its firms
        end = sep
    if len(out) > 1 and all(_person(ix, c) for c in out):
        return []  # 甲某、乙某、丙某等共同推杆: a list of people (the guests, the officials), no firms
    return out


# People counted by 名 or 位, or named by their standing, right before the 和 that joins
# them to a list of firms (院士和甲、乙等企业, 20位专家及甲、乙等).
_PEOPLE_BEFORE = re.compile(
    r"(?:[\d一二三四五六七八九十百千两多余]+[名位][^、,，。]*|院士|专家|学者|嘉宾|代表|高管|负责人|企业家|教授|博士)$"
)


# An item that opens with a quantity of output or capacity (70万吨EVA, 2GW组件).
_QUANTITY_OPENING = re.compile(
    r"\d+(?:\.\d+)?[万亿千]?(?:吨|千瓦|兆瓦|吉瓦|瓦|GW|MW|台|套|辆|件|片|只|颗|块|平方米|立方米|米|千升|升)"
)


def _person(ix: TokenIndex, c: Candidate) -> bool:
    """The item is one token the tagger reads as a person's name."""
    k = ix.by_start.get(c.start)
    return k is not None and ix.tokens[k].end == c.end and ix.tokens[k].tag == "PER"


# 世界500强企业、上市企业等: an item that ends in 企业 (or 巨头, 龙头, 厂商) without a
# legal form is a kind of firm (no registered name ends so), and its list a list of kinds; the
# lists of titled firms (某市瞪羚企业) are the programme patterns'.
_KIND_OF_FIRM = ("企业", "企業", "巨头", "巨頭", "龙头", "龍頭", "厂商", "廠商", "大厂", "大廠")

# A division in brackets inside a firm's name, right before the rest of it.
_SEAT = re.compile(r"(?<=[\u4e00-\u9fff])\(([\u4e00-\u9fff]{2,4})\)$")
MAX_SEAT_CHARS = 6
# What ends a list's item: a separator, 等, a bracket, or the count that closes the
# list (甲、乙、丙|3家企业) or names what they stand for (甲、乙、丙|为代表的).
_ITEM_CLOSE = re.compile(r"[、等)）]|(?:\d+|[一二三四五六七八九十两]+)[多余]?家|为(?:代表|龙头|引领|骨干)的")
_PHASE = re.compile(r"^([一二三四五六七八九十\d]+期|项目|[\u4e00-\u9fff]{1,3}类)$")
_ITEM_BREAK = re.compile(r"[、,，;；:：。!?！？\s()（）“”\"《》]")
# Longest item taken whole between two separators (瀚天天成、玉晶光电): firm names
# the tagger splits into ordinary words are rarely longer in press lists.
MAX_LIST_ITEM = 8


def _list_item(norm: str, ix: TokenIndex, end: int, bracketed: int | None) -> tuple[int, int] | None:
    hi = ix.by_end.get(end)
    if hi is None:
        return _glued_last_item(norm, ix, end)
    while hi > 0 and _PHASE.match(ix.tokens[hi].text) and ix.tokens[hi - 1].end == ix.tokens[hi].start:
        hi -= 1  # 某某能源二期: the firm, not its phase
    if ix.tokens[hi].tag == "f" and len(ix.tokens[hi].text) == 1:
        return None  # 在推介会上|与甲、乙: a place word (上, 中, 内) ends a where-phrase, no name
    stop = ix.tokens[hi].end
    start = _whole_item_start(norm, ix, stop, bracketed)
    if start is None:
        if not name_like(ix.tokens[hi], False):
            return None
        start = ix.tokens[extend_left(ix, hi)].start
    k = ix.by_start.get(start)
    if k is not None and ix.tokens[k].tag == "p" and ix.tokens[k].end < stop:
        start = ix.tokens[k].end  # 、以|甲、乙等为骨干: the preposition of a second frame opens no name
    text = norm[start:stop]
    if len(text) < 2 or text in GENERIC_WORDS or text in load_suffixes().generic or "等" in text:
        return None  # 等 closes another enumeration (货拉拉等11个…和…基金)
    return start, stop


def _glued_last_item(norm: str, ix: TokenIndex, end: int) -> tuple[int, int] | None:
    """、郑万等/LOC: the tagger glued 等 to the last item; the item is what the separator bounds."""
    k = ix.pos_token[end]
    if k < 0 or ix.tokens[k].start >= end or norm[end] != "等":
        return None
    lo = ix.tokens[k].start
    if lo == 0 or norm[lo - 1] != "、" or not 2 <= end - lo <= MAX_LIST_ITEM:
        return None
    return lo, end


def _whole_item_start(norm: str, ix: TokenIndex, stop: int, bracketed: int | None) -> int | None:
    """Start of an item bounded by separators on both sides, whatever its tags (马上消费、)."""
    lo = stop
    while lo > 0 and norm[lo - 1] not in "和及与" and stop - lo <= MAX_LIST_ITEM:
        seat = _SEAT.search(norm, max(0, lo - MAX_SEAT_CHARS), lo)
        if seat is not None and lo - seat.start() >= 1 and seat.group(1) in division_names():
            lo = seat.start()  # 某某(上海)科技: the city a firm writes into its name
        elif _ITEM_BREAK.match(norm, lo - 1):
            break
        else:
            lo -= 1
    if stop - lo > MAX_LIST_ITEM or lo == stop:
        return _object_start(norm, ix, stop) if _ITEM_CLOSE.match(norm, stop) else None
    before = norm[lo - 1] if lo > 0 else ""
    if lo not in ix.by_start or not _ITEM_CLOSE.match(norm, stop):
        return None
    if before == "、" or (bracketed is not None and lo == bracketed):
        return lo
    first = ix.tokens[ix.by_start[lo]]
    opens_name = first.tag in PROPER_TAGS or (
        len(first.text) == 1 and first.tag not in ("p", "c", "u", "d", "r")
    )
    if before in ";；,，。:：" and opens_name and first.text not in load_suffixes().left_stop:
        if not _stop_word_inside(ix, lo, stop):
            return lo  # the first item of a list opening a clause (;瀚天天成、…)
    return _object_start(norm, ix, stop)


def _stop_word_inside(ix: TokenIndex, lo: int, stop: int) -> bool:
    """某市拥有|甲、乙: a verb inside the run before the first separator makes the run a clause,
    whose object the first item is."""
    k = ix.by_start[lo] + 1
    while k < len(ix.tokens) and ix.tokens[k].end < stop:
        if ix.tokens[k].text in load_suffixes().left_stop:
            return True
        k += 1
    return False


# A verb (or the particle 了 after one), a preposition or a conjunction before the first item
# of a list: the list is its object (引进|甲、乙, 以|甲、乙为龙头, 与|甲、乙合作).
_OBJECT_OPENERS = frozenset({"v", "u", "p", "c"})


def _object_start(norm: str, ix: TokenIndex, stop: int) -> int | None:
    """引进|星源电动、蓝鸟车业等…, 聚集了|海太半导体、…: the first item of a list that is the
    object of a verb runs from the verb (or its 了) to the separator, whatever its tags."""
    j = ix.by_end.get(stop)
    if j is None or _ITEM_BREAK.search(ix.tokens[j].text):
        return None
    if j > 0 and ix.tokens[j - 1].tag in PROPER_TAGS:
        j -= 1  # a name's tail the tagger reads as a verb is no opener (星驰/ORG|创芯/v)
    while j >= 0 and ix.tokens[j].tag not in _OBJECT_OPENERS:
        if stop - ix.tokens[j].start > MAX_LIST_ITEM or _ITEM_BREAK.search(ix.tokens[j].text):
            return None
        j -= 1
    if j < 0:
        return None
    lo = ix.tokens[j + 1].start
    return lo if stop - lo >= 2 and not _ITEM_BREAK.search(norm, lo, stop) else None


_SITES = pattern("listed_sites")
MIN_SITE_ITEMS = _SITES.params["min_site_items"]
_SITE_TYPES = frozenset({"zone"})


def listed_sites(norm: str, ix: TokenIndex) -> list[Candidate]:
    """青溪古镇文旅综合体、白沙湾旅游度假区: each site of a list of sites, whole."""
    items = []
    for m in _SITES.trigger.finditer(norm):
        first, last = ix.by_start.get(m.start()), ix.by_end.get(m.end())
        if first is None or last is None or not _site_head(m.group()):
            continue
        words = ix.tokens[first : last + 1]
        if words[0].tag in _OPENING_VERB_TAGS or any(t.tag in ("c", "p") for t in words):
            continue  # 加快建设|某某度假区, A和B: a clause or two items, not one site
        if any(t.tag == "v" for t in words) and not any(t.tag in PROPER_TAGS for t in words):
            continue  # 城乡协同发展示范区: a verb phrase naming a kind of zone, no place
        if plan_aim(m.group()):
            continue  # 数字经济创新集聚区: what an area of the plan is to become
        items.append(Candidate(m.start(), m.end(), "zone", "list", _SITES.priority, 0.7))
    # a site stands in a list of sites: a neighbour across one separator is one too
    ends = {c.end for c in items}
    starts = {c.start for c in items}
    return (
        [c for c in items if c.start - 1 in ends or c.end + 1 in starts]
        if len(items) >= MIN_SITE_ITEMS
        else []
    )


def _site_head(text: str) -> bool:
    found = suffix_type(text)
    if found is not None and found[1] in _SITE_TYPES:
        return len(text) - len(found[0]) >= 2
    head = _SITES.cue("site_heads").search(text)
    return head is not None and head.start() >= 2


# Tags of a first word that makes the item a clause (建设|某某园区), not a name.
_OPENING_VERB_TAGS = frozenset({"v", "p", "d", "c", "r", "m"})


# A list closed by a head that says its items are qualities or factors (设备轻、噪音低、能耗低等
# 特点; 资金、人才、数据等要素): the head names what every item is, and none is an actor or an
# industry, whatever words the items share with one.
MAX_QUALITY_CHARS = 6  # a quality is a short phrase (噪音低, 生产设备轻); longer runs are clauses
_QUALITY_ITEM = rf"[^\s、,，;；。:：!！?？“”\"]{{1,{MAX_QUALITY_CHARS}}}"
_QUALITY_LIST = re.compile(
    rf"(?:{_QUALITY_ITEM}、)+{_QUALITY_ITEM}等(?:特点|特征|特性|优点|缺点|要素|因素|问题|难题|短板|瓶颈|痛点)(?![产行企])"
)


def quality_lists(norm: str) -> list[tuple[int, int]]:
    """The spans of lists of qualities or factors, whose items name nothing."""
    return [m.span() for m in _QUALITY_LIST.finditer(norm)]


# 环境优美、生态宜居、智慧高效: items that are each a noun and the adjective said of it are
# clauses describing a place (subject and predicate), not names; a list with two of them is
# a list of qualities whatever its other items share with an industry's name.
MIN_PREDICATE_ITEMS = 2


def predicate_lists(norm: str, ix: TokenIndex) -> list[tuple[int, int]]:
    """The spans of runs of items joined by 、 of which two or more are a noun with its adjective."""
    spans = []
    for run in _enumeration_runs(norm):
        items = [(a, b) for a, b in run if _noun_and_adjective(ix, a, b)]
        if len(items) >= MIN_PREDICATE_ITEMS:
            spans.append((_noun_phrase_start(ix, *run[0]), run[-1][1]))
    return spans


_PHRASE_TAGS = frozenset({"n", "vn", "nz", "an", "a"})
MAX_PHRASE_TOKENS = 3


def _noun_phrase_start(ix: TokenIndex, start: int, end: int) -> int:
    """The first item of a run is matched from wherever the run's characters begin: it starts
    where its last few nouns and adjectives do (江川市|环境优美, 布局|资源优势明显)."""
    k = ix.by_end.get(end)
    if k is None:
        return end
    begin = end
    for j in range(k, max(-1, k - MAX_PHRASE_TOKENS), -1):
        t = ix.tokens[j]
        if t.start < start or t.tag not in _PHRASE_TAGS:
            break
        begin = t.start
    return begin


_RUN = re.compile(r"[^\s、,，;；。:：!！?？“”\"()（）]{2,8}(?:、[^\s、,，;；。:：!！?？“”\"()（）]{2,8})+")


def _enumeration_runs(norm: str) -> list[list[tuple[int, int]]]:
    runs = []
    for m in _RUN.finditer(norm):
        items, start = [], m.start()
        for part in m.group().split("、"):
            items.append((start, start + len(part)))
            start += len(part) + 1
        runs.append(items)
    return runs


def _noun_and_adjective(ix: TokenIndex, start: int, end: int) -> bool:
    """外贸需求量|大, 环境|优美: the item ends in an adjective that follows a noun of its own."""
    last = ix.by_end.get(end)
    if last is None or ix.tokens[last].tag != "a" or ix.tokens[last].start <= start:
        return False
    return ix.tokens[last - 1].tag == "n"
