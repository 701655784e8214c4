"""Entity candidates: the tagger's names, lexicon hits, industry phrases,
numbered sessions and Latin names after a kind of firm (their repairs:
name_repairs.py).
"""

from __future__ import annotations

import re

from innoatlas.extract.entities.grammar import (
    GENERIC_WORDS,
    Candidate,
    TokenIndex,
    all_generic,
    place_prefixes,
)
from innoatlas.extract.entities.industry_compounds import compound_start
from innoatlas.extract.entities.patterns import pattern
from innoatlas.extract.tokens import Token
from innoatlas.lexicon.divisions import WHOLE_AREA_WORDS, division_chain, division_names, load_divisions
from innoatlas.lexicon.industries import compound_stop_words, load_industries, product_heads
from innoatlas.lexicon.match import (
    CENTRAL_BODY,
    CENTRAL_FIRM,
    FACILITY,
    INDUSTRY,
    LISTED_FIRM,
    PROGRAMME,
    REGION_FULL,
    REGION_SHORT,
    ZONE,
    find_lexicon,
)
from innoatlas.lexicon.suffixes import cuts_word, load_suffixes, suffix_type
from innoatlas.lexicon.zones import country_names

# 讯 closes a dateline after its outlet (本报讯, 某某网讯), not a firm's name (腾讯, 某某通讯).
# The news agencies (通讯社) by their names, and their branches (分社), are outlets too.
_OUTLET = re.compile(
    r"((?:报|网|社|台|端)讯|日报|晚报|早报|时报|商报|晨报|新闻|新闻网|网|电视台|广播电台|融媒体中心|客户端|杂志|报社|频道|发布"
    r"|新华社|中新社|中通社|中评社|美通社|路透社|法新社|美联社|共同社|塔斯社|韩联社|分社)$"
)
# 由3家增至360家/ORG: a number and its measure word, which the tagger may read as a name.
_COUNTED = re.compile(r"\d+(?:\.\d+)?[多余]?[万亿]?[家个项所户名位座]")
_SOURCE_NEXT = re.compile(r"\s*(记者|讯|报道|消息|客户端|微信公众号|官微)")
_JOB_TITLE = re.compile(
    r"(书记|副书记|主任|副主任|局长|副局长|区长|市长|县长|省长|主席|董事长|总经理|负责人|院长|校长|所长)$"
)
# A place the tagger found but the gazetteer does not know must look like a place name.
_PLACE_END = re.compile(r"(国|洲|州|省|市|区|县|镇|乡|村|地区|高原|盆地|新城|半岛|群岛|流域)$")
# 眼科器械产业集群: the industry is 眼科器械; 产业 belongs to the cluster.
_CLUSTER_NEXT = re.compile(r"(集群|链|园|基地|生态|体系|联盟|基金|项目)")
_INDUSTRY_TAILS = ("产业", "行业", "业")  # 业: 软件与信息服务业, 互联网软体业
# Tails an industry's name takes along: 行业 ("the trade of") is left out, the
# trade is named by the words before it (汽车|行业, 家电|行业, 钢铁|行业).
_NAME_TAILS = ("产业", "业")
_REGION_SHORT_TAGS = frozenset({"LOC", "ns"})
_ORG_TAGS = frozenset({"ORG", "nt"})
# Heads that make a noun name people, not a body: 生 of students (大学生, 毕业生),
# 人员 and 人才 (科研人员, 青年人才), 青年.
_PEOPLE_HEAD = re.compile(
    r"(?:学生|研究生|毕业生|留学生|博士生|硕士生|本科生|人员|人才|青年|(?<!党政)代表团)$"
)
# Spans shorter than this are never names (一字 tokens such as 渝, 川 are abbreviations of context, not mentions).
MIN_NAME_CHARS = 2


# Longest unknown item taken as an industry between two known ones (消费品、装备、汽摩).
MAX_SIBLING_CHARS = 4


_SIBLING = re.compile(rf"(?<=、)[\u4e00-\u9fff]{{2,{MAX_SIBLING_CHARS}}}(?=、)")


def industry_siblings(norm: str, ix: TokenIndex, candidates: list[Candidate]) -> list[Candidate]:
    """An item listed between two industries is one too: 消费品、装备、汽摩、材料产业."""
    ends = {c.end for c in candidates if c.type == "industry"}
    starts = {c.start for c in candidates if c.type == "industry"}
    out = []
    for m in _SIBLING.finditer(norm):
        a, b = m.span()
        if a - 1 in ends and b + 1 in starts and a in ix.by_start and b in ix.by_end:
            if all(t.tag in ("n", "nz", "vn") for t in ix.tokens[ix.by_start[a] : ix.by_end[b] + 1]):
                out.append(Candidate(a, b, "industry", "vocabulary", 44, 0.6))
    return out


_SESSION = pattern("session").trigger
_TERM_BODIES = ("人民代表大会", "代表大会", "政治协商会议", "委员会")


def session_candidates(norm: str, candidates: list[Candidate]) -> list[Candidate]:
    """A numbered session of a body is a named event: 中央财经委员会第六次会议, 市委六届七次全会."""
    # a congress written with its term (某市第六届人民代表大会) is read as an event of its own,
    # but its numbered session is still that body's session
    bodies = {
        c.end: c for c in candidates if c.type == "government" or norm.endswith(_TERM_BODIES, c.start, c.end)
    }
    out = []
    for m in _SESSION.finditer(norm):
        body = bodies.get(m.start())
        start = body.start if body is not None else _bare_body_start(norm, m.start())
        if body is None and m.group("level"):
            start = m.start()  # 市九届人大四次会议: the level word names the congress's place
        if start is not None:
            out.append(Candidate(start, m.end(), "program", "session", 55, 0.8))
    return out


def _bare_body_start(norm: str, end: int) -> int | None:
    """市委六届七次全会: a party or government body written without its place."""
    m = re.search(r"(市委|省委|区委|县委|党委|国务院)$", norm[max(0, end - 3) : end])
    return end - len(m.group(1)) if m else None


# What ends the name of a trade, never a firm's (the firm is 某某产业集团, 某某产业发展有限公司): also
# the heads of the national industry classification's service and trade sectors (GB/T 4754-2017:
# 批发业, 零售业, 金融业, 商务服务业), which a firm's registered name never ends with (紫金矿业
# and 云南白药 end on their own trade word, not on a sector).
_SECTOR_END = re.compile(r"(?:服务|制造|商贸|物流|批发|零售|旅游|会展|金融|运输|仓储|餐饮|住宿|建筑|外包)业$")
_TRADE_END = re.compile(r"(?:产业|行业|产业链|产业集群)$")


def tagger_candidates(norm: str, ix: TokenIndex) -> list[Candidate]:
    out = []
    for t in ix.tokens:
        if t.tag in _ORG_TAGS:
            if _OUTLET.search(t.text) or _SOURCE_NEXT.match(norm, t.end) or _COUNTED.fullmatch(t.text):
                continue
            end = t.end - len(m.group(0)) if (m := _JOB_TITLE.search(t.text)) else t.end
            end = _trim_tail(norm, t.start, end)
            found = suffix_type(norm[t.start : end])
            if found is None and norm.endswith("企业", t.start, end):
                continue  # 瞪羚企业, 链主企业: a kind of firm
            if found is None and _PEOPLE_HEAD.search(norm, t.start, end):
                continue  # 大学生, 科研人员, 某国代表团 tagged as a firm: a group of people
            if found is None and norm[t.start : end] in load_industries()[0]:
                continue  # 新能源汽车 tagged as a firm: the vocabulary names it an industry
            if (
                found is None
                and _SECTOR_END.search(norm, t.start, end)
                and not _place_and_generic(norm[t.start : end])
            ):
                out.append(Candidate(t.start, end, "industry", "lac_sector", 40, 0.7))
                continue  # 金融服务业 tagged as a firm: a sector of the classification, a trade
            if found is None and _TRADE_END.search(norm, t.start, end):
                continue  # 某高新区光电子信息产业 tagged as a firm: a place's trade, no firm's name
            if found is None and (_cut_short(ix, t, end) or _place_and_generic(norm[t.start : end])):
                continue
            out.append(
                Candidate(t.start, end, found[1] if found else _org_type(norm[t.start : end]), "lac", 40, 0.7)
            )
        elif t.tag == "LOC" and (m := _JOB_TITLE.search(t.text)) and suffix_type(t.text[: -len(m.group(0))]):
            end = t.end - len(m.group(0))  # 新吴区委|书记: a body and its officer in one token
            out.append(Candidate(t.start, end, suffix_type(norm[t.start : end])[1], "lac", 40, 0.7))
        elif t.tag == "LOC":
            found = suffix_type(t.text)
            if found and found[1] == "zone":
                out.append(Candidate(t.start, t.end, "zone", "lac", 30, 0.6))
            elif _FUNCTIONAL_AREA.search(t.text) and t.text not in division_names():
                out.append(Candidate(t.start, t.end, "zone", "lac", 30, 0.6))  # 某市自贸临空区
            elif t.text in load_suffixes().verb_objects:
                continue  # 建区/LOC of 自建区以来: a verb and its object, the founding of the area
            elif (_PLACE_END.search(t.text) or t.text in country_names()) and t.text not in WHOLE_AREA_WORDS:
                out.append(Candidate(t.start, t.end, "region", "lac", 30, 0.6))  # 全州: the whole prefecture
    return out


# Heads of organisation names that no suffix of the lists covers but that name
# a centre or platform rather than a firm (某某供应链中心, 某某服务平台).
_PLATFORM_HEADS = ("中心", "平台")


def _org_type(name: str) -> str:
    """深圳市光明区 tagged as an organisation: divisions written in full, one inside the other, are
    a place (a short name alone, 江川, may open a firm's name the tagger split off)."""
    chain = division_chain(name)
    if chain and chain[-1][0] == chain[-1][1].name:
        return "region"
    return "platform" if name.endswith(_PLATFORM_HEADS) else "enterprise"


# An area named after what it does, not after a place, is a zone (临空区, 会展区, 保税港区):
# districts of the administrative lists are named after places.
_FUNCTIONAL_AREA = re.compile(
    r"(自贸|临空|会展|保税|港|高新|经开|开发|科技|产业|创新|示范|物流|商务)[^区]{0,3}区$"
)


_FIRM_KIND = re.compile(r"(企业|公司|厂商|巨头|车企|药企)$")


def latin_appositions(norm: str, ix: TokenIndex) -> list[Candidate]:
    """A Latin name right after a kind of firm is that firm: 芯片公司ARM, 软件企业Synopsys."""
    out = []
    for i, t in enumerate(ix.tokens[1:], start=1):
        prev = ix.tokens[i - 1]
        if (
            prev.end == t.start
            and _FIRM_KIND.search(prev.text)
            and re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\-]+", t.text)
        ):
            out.append(Candidate(t.start, t.end, "enterprise", "apposition", 45, 0.7))
    return out


# 字号(行政区划)行业+组织形式: the registration form of a firm that puts its place in brackets
# after the trade name (博世(苏州)汽车部件有限公司, 维贝德(内蒙古)科技有限公司).
_BRACKETED_SEAT = re.compile(
    r"[(（](?P<place>[\u4e00-\u9fff]{2,8})[)）][\u4e00-\u9fff]{2,16}?(?:股份有限公司|有限责任公司|有限公司)"
)
# The tags of a trade name before a bracketed seat: a name, a noun, a place word or, for a
# transliterated 字号, what the tagger reads as a person's name.
TRADE_NAME_TAGS = frozenset({"ORG", "nt", "nz", "n", "LOC", "ns", "PER", "nr", "j"})


def bracketed_seat_firms(norm: str, ix: TokenIndex) -> list[Candidate]:
    """A firm registered with its seat in brackets: the trade name is the word before the bracket,
    whatever the tagger made of the bracket and what follows it."""
    out = []
    for m in _BRACKETED_SEAT.finditer(norm):
        if m["place"] not in division_names() and m["place"] != "中国":
            continue
        k = ix.by_end.get(m.start())
        if k is None or ix.tokens[k].tag not in TRADE_NAME_TAGS or len(ix.tokens[k].text) < 2:
            continue
        # proposed as the suffix grammar proposes a firm, so its trade name is found again later
        out.append(Candidate(ix.tokens[k].start, m.end(), "enterprise", "suffix", 60, 0.8))
    return out


# One-character verbs that follow a name as its predicate (某公司称, 某集团说).
_SAYS = frozenset("说称讲指谈看想做干建办投造产有是")
# Characters that open a phrase (prepositions, 将, 被) and never a name: 从一|个系统.
_PHRASE_OPENERS = frozenset("从在向对把被让给将于自")


def _cut_short(ix: TokenIndex, t: Token, end: int) -> bool:
    """中科|摇橹船, 移动|工业互联网: a two-char name the tagger cut off the nouns that
    finish it; 某某风|电项目: a name whose last word the tagger split in two."""
    i = ix.by_start.get(end)
    if t.text[0] in _PHRASE_OPENERS:
        return True
    if i is None:
        return False
    nxt = ix.tokens[i]
    if (
        end == t.end
        and len(nxt.text) == 1
        and "\u4e00" <= nxt.text <= "\u9fff"
        and nxt.tag in ("n", "v", "vn")
    ):
        return nxt.text not in load_suffixes().left_stop and nxt.text not in _SAYS
    if end - t.start != MIN_NAME_CHARS:
        return False
    latin = re.match(r"[A-Za-z0-9]", nxt.text) is not None  # 福特EVOS: a firm and its model
    return nxt.tag in ("n", "nz", "vn", "a") and not latin and nxt.text not in load_suffixes().left_stop


def _place_and_generic(text: str) -> bool:
    """绵阳科技, 两地农科: a place with generic words is no organisation's name."""
    for k in range(min(len(text) - 1, 8), 1, -1):
        if text[:k] in place_prefixes():
            return all_generic(text[k:])
    return False


# Longest tail the tagger may glue after a complete name (某大学某城研究院|汽车).
MAX_GLUED_TAIL = 3
# A preposition after a name, alone or with the count it opens (从一家, 在), and what follows it
# in the token: the start of the clause the name is the subject of, never part of a name.
_PREPOSITION_TAIL = re.compile(r"(?:[从在向对把被给于](?:[一二三四五六七八九十两\d][个家名所项]?)?|以)$")
_PREPOSITION_HEAD = re.compile(r"^[从在向对把被给于][一二三四五六七八九十两\d]")


# A kind of firm in apposition before the firm's name, run into one token by the tagger
# (某某园区企业某某医药, 领军企业某某科技): the kind word ends the description.
_KIND_BEFORE_NAME = re.compile(r"(?<=.)企业(?=..)")
# What 企业 goes on with inside one name (某某企业管理有限公司, 某某企业集团, 企业家).
_KIND_GOES_ON = re.compile(
    r"^(?:管理|集团|发展|服务|家|孵化|咨询|技术|信用|联合|协会|研究|总部|园|有限|股份)"
)


def _names_after_kind(rest: str) -> bool:
    return len(rest) >= MIN_NAME_CHARS and not _KIND_GOES_ON.match(rest) and not all_generic(rest)


def split_clause_openings(tokens: list[Token]) -> list[Token]:
    """某某光芯从一家/ORG, 某某所在/ORG, 从一家初创/ORG: the tagger ran a name into the preposition
    that opens its clause, or (某某以/ORG) into 以 of 以某某为龙头. The name keeps its tag; the
    preposition's run is a preposition's. A kind of firm run into the name it describes
    (某园区企业某某医药/ORG) is split off the name the same way."""
    out: list[Token] = []
    for t in tokens:
        if t.tag not in _ORG_TAGS:
            out.append(t)
        elif _PREPOSITION_HEAD.match(t.text):
            out.append(Token(t.text, "p", t.start, t.end))  # 从一家初创/ORG: no name opens so
        elif (m := _KIND_BEFORE_NAME.search(t.text)) is not None and _names_after_kind(t.text[m.end() :]):
            cut = t.start + m.end()  # 某园区企业|某某医药/ORG: the kind the name stands beside
            out.append(Token(t.text[: m.end()], "n", t.start, cut))
            out.append(Token(t.text[m.end() :], t.tag, cut, t.end))
        elif (m := _PREPOSITION_TAIL.search(t.text)) is not None and m.start() >= MIN_NAME_CHARS:
            cut = t.start + m.start()
            out.append(Token(t.text[: m.start()], t.tag, t.start, cut))
            out.append(Token(t.text[m.start() :], "p", cut, t.end))
        else:
            out.append(t)
    return out


def _trim_tail(norm: str, start: int, end: int) -> int:
    if suffix_type(norm[start:end]) is not None:
        return end
    for p in range(end - 1, max(start + MIN_NAME_CHARS, end - MAX_GLUED_TAIL) - 1, -1):
        found = suffix_type(norm[start:p])
        glued_verb = norm[p:end] in load_suffixes().left_stop  # 科学技术局|资助
        if (
            found is not None
            and (glued_verb or found[1] not in ("program", "government"))
            and p - start > len(found[0])
            and not cuts_word(norm[start:end], p - start)
        ):
            return p
    return end


# Tags of a token the tagger reads as an ordinary word (机器人/n, 太阳能/n): a listed firm's
# name that is one such token is the word, not the firm, unless the tagger calls it a name.
_COMMON_WORD_TAGS = frozenset({"n", "vn", "v", "a", "an", "ad", "d", "s", "f", "ns", "LOC"})


_PLACE_WORD_TAGS = frozenset({"s", "f"})


def _listed_firm_mention(norm: str, ix: TokenIndex, start: int, end: int) -> bool:
    """长安汽车, 亿纬锂能: a listed firm's trading name where it stands as a name of its own; not
    an ordinary word or an industry of the same letters (机器人, 新产业, 中国软件)."""
    if end not in ix.by_end and _cjk(norm[end : end + 1]):
        return False
    k = ix.by_start[start]
    if ix.tokens[k].end == end and ix.tokens[k].tag in _COMMON_WORD_TAGS:
        return False
    if ix.tokens[k].tag in _PLACE_WORD_TAGS:
        return False  # 线上|线下: a phrase of places and directions
    name = norm[start:end]
    terms = load_industries()[0]
    if name.endswith(("产业", "行业")):
        return False  # 新产业: a kind of trade (a place's name is the place's: match.py keeps it so)
    return not any(name[i:] in terms for i in range(len(name) - 1))


def _cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


_COUNTY_STORY = re.compile(r"[全我该本]县|县委|县政府")
# How often the tagger must read a county's short name as a place for it to name the county.
MIN_PLACE_READINGS = 2


def lexicon_candidates(norm: str, ix: TokenIndex) -> list[Candidate]:
    out = []
    hits = find_lexicon(norm)
    named = {e.key for _s, _e, entries in hits for e in entries if e.kind in (REGION_FULL, REGION_SHORT)}
    named_full = {e.key for _s, _e, entries in hits for e in entries if e.kind == REGION_FULL}
    # a text that speaks of its area as a county (全县, 我县, 县委) names the county it is about by
    # its short name, when the tagger reads that as a place (枞阳 of 枞阳县)
    county_story = _COUNTY_STORY.search(norm) is not None
    # a listed zone named after its county (荣昌高新区) names the county too
    zones = {norm[s:e] for s, e, entries in hits if any(x.kind == ZONE for x in entries)}
    # a county-level city's short name the tagger reads as a place again and again (江阴 … 江阴) is the
    # city: news names these cities by their short names alone, as their own papers do
    read_as_place: dict[str, int] = {}
    for start, end, entries in hits:
        if start in ix.by_start and _single_place_token(ix, start, end) and _county_level_city(entries):
            read_as_place[norm[start:end]] = read_as_place.get(norm[start:end], 0) + 1
    for start, end, entries in hits:
        if (
            _unanchored_county(entries, named, named_full)
            and not any(z.startswith(norm[start:end]) for z in zones)
            and not (county_story and start in ix.by_start and _single_place_token(ix, start, end))
            and read_as_place.get(norm[start:end], 0) < MIN_PLACE_READINGS
        ):
            continue
        if all(e.kind == INDUSTRY for e in entries):
            # 锂离子|动力电池, 工业|视觉传感器: the term heads a longer compound, which names the industry
            start = compound_start(norm, ix, start, end)
            if start is None:
                continue
        if start not in ix.by_start:
            continue
        kinds = {e.kind for e in entries}
        if CENTRAL_BODY in kinds and end in ix.by_end:
            out.append(Candidate(start, end, "government", "gazetteer", 60, 0.95))
        elif FACILITY in kinds and (end in ix.by_end or not _cjk(norm[end : end + 1])):
            out.append(Candidate(start, end, "platform", "gazetteer", 60, 0.95))
        elif kinds == {LISTED_FIRM} and _listed_firm_mention(norm, ix, start, end):
            found = suffix_type(norm[start:end])
            out.append(Candidate(start, end, found[1] if found else "enterprise", "listed", 44, 0.8))
        elif PROGRAMME in kinds and end in ix.by_end:
            out.append(Candidate(start, end, "program", "gazetteer", 58, 0.9))
        elif CENTRAL_FIRM in kinds and (end in ix.by_end or _glued_by_tagger(ix, start, end)):
            firm = next(e for e in entries if e.kind == CENTRAL_FIRM)
            out.append(Candidate(start, end, firm.key, "gazetteer", 60, 0.95))
        elif ZONE in kinds and (end in ix.by_end or _place_run_on(ix, start, end)):
            out.append(Candidate(start, end, "zone", "gazetteer", 60, 0.95))
        elif kinds & {REGION_FULL, REGION_SHORT} and norm[start - 1 : start] == "全":
            continue  # 全亚洲, 全重庆: a scope, not a mention of the place
        elif REGION_FULL in kinds and (end in ix.by_end or _direction_follows(norm, ix, end)):
            out.append(Candidate(start, end, "region", "gazetteer", 55, 0.95))
        elif REGION_SHORT in kinds and _single_place_token(ix, start, end):
            out.append(Candidate(start, end, "region", "gazetteer", 35, 0.8))
        elif INDUSTRY in kinds:
            end = _industry_end(norm, ix, end)
            if end is not None and not _qualifies_next(norm, ix, end) and not _counted(ix, start):
                out.append(Candidate(start, end, "industry", "vocabulary", 45, 0.85))
    return out


# A count with a measure word for things (300余台, 多类, 3 before 家具有) makes
# the term after it a product counted, not an industry; 7类新兴产业 counts
# industries, so 个 is not among them.
_THING_COUNT = re.compile(
    r"(?:[\d.]+|[一二三四五六七八九十百千万两几多]+)[余多]?(?:台|套|辆|件|款|类|颗|架|块|片|根|艘|座)?$"
)


def _counted(ix: TokenIndex, start: int) -> bool:
    """300余台|机器人, 300余台|工业|机器人: a count before the term or before its one modifier."""
    i = ix.by_start[start]
    for k in (i - 1, i - 2):
        if k < 0 or ix.tokens[k].end != ix.tokens[k + 1].start:
            return False
        tok = ix.tokens[k]
        if tok.tag == "m":
            return _THING_COUNT.search(tok.text) is not None
        if tok.tag not in ("n", "a", "b", "vn"):
            return False
    return False


def _glued_by_tagger(ix: TokenIndex, start: int, end: int) -> bool:
    """国家电投某某岛风/ORG: the tagger ran a listed name into the name after it."""
    tok = ix.tokens[ix.pos_token[end - 1]]
    return tok.start == start and tok.tag in _ORG_TAGS and suffix_type(tok.text) is None


def _place_run_on(ix: TokenIndex, start: int, end: int) -> bool:
    """郑州高新区规上/LOC: the tagger ran a listed zone into the word after it (规上工业),
    which is no part of a longer name (no suffix ends the token)."""
    tok = ix.tokens[ix.pos_token[end - 1]]
    return tok.start == start and tok.tag == "LOC" and suffix_type(tok.text) is None


def _county_level_city(entries) -> bool:
    """江阴 of 江阴市: a short name of a city at the level of a county (县级市), not of a district or county."""
    divisions = load_divisions()
    return any(
        e.kind == REGION_SHORT
        and (d := divisions.get(e.key)) is not None
        and d.level == "county"
        and d.name.endswith("市")
        for e in entries
    )


def _unanchored_county(entries, named: set[str], named_full: set[str]) -> bool:
    """龙门, 惠民, 双城: a county's short name is a common word too; it names the county
    only in a text that also names the county in full or a place above it."""
    shorts = [e for e in entries if e.kind == REGION_SHORT]
    if not shorts or len(shorts) != len(entries):
        return False
    divisions = load_divisions()
    for e in shorts:
        d = divisions.get(e.key)
        if d is None or d.level != "county" or any(x.kind == REGION_FULL and x.key == e.key for x in entries):
            return False
        if d.code in named_full or any(k in named for k in _ancestors(d.code)):
            return False
    return True


def _ancestors(code: str) -> list[str]:
    divisions = load_divisions()
    out = []
    d = divisions.get(code)
    while d is not None and d.parent:
        out.append(d.parent)
        d = divisions.get(d.parent)
    return out


# Nouns after an industry term that make it a qualifier of a thing rather
# than the industry itself (5G通信产品, 光伏电能, 氢能储运装置).
_MODIFIED_HEADS = frozenset(
    "产品 系统 设备 组件 箱体 结构件 电能 资源 冠军 试点 之城 之都 集聚区 质量 座谈会".split()
)
# A term before the suffix of a body names that body's field (氢能|质量检测中心), while
# a term before a zone word still names the zone's industry (无人机研发生产基地).
_BODY_TYPES = frozenset({"institute", "platform", "enterprise", "investor", "government"})
# Longest run of nouns looked at after a term for a head (新能源汽车|动力电池|箱体).
MAX_HEAD_RUN = 3


def _qualifies_next(norm: str, ix: TokenIndex, end: int) -> bool:
    """True when the term at [.., end) only qualifies the noun phrase after it."""
    i = ix.by_start.get(end)
    run = 0
    while i is not None and i < len(ix.tokens) and run < MAX_HEAD_RUN:
        tok = ix.tokens[i]
        if tok.tag not in ("n", "nz", "vn") or norm.startswith(_INDUSTRY_TAILS, tok.start):
            return False
        found = suffix_type(tok.text)
        if tok.text in _MODIFIED_HEADS or (
            found is not None
            and found[1] in _BODY_TYPES
            and len(tok.text) <= 4
            and tok.text not in COMMON_JU_WORDS
        ):
            return True
        run += 1
        i += 1 if i + 1 < len(ix.tokens) and ix.tokens[i + 1].start == tok.end else len(ix.tokens)
    return False


def industry_phrases(norm: str, ix: TokenIndex) -> list[Candidate]:
    """Noun phrases written with 产业 (船舶涂层材料产业, 游艇制造产业): an industry
    whether or not the vocabulary knows it."""
    generic = load_industries()[2] | GENERIC_WORDS | compound_stop_words()
    out = []
    for k, tok in enumerate(ix.tokens):
        if tok.text != "产业" or _CLUSTER_NEXT.match(norm, tok.end) or _noun_follows(ix, k):
            continue
        lo = k
        while lo > 0 and k - lo < MAX_PHRASE_TOKENS and _industry_word(ix.tokens[lo - 1], ix.tokens[lo]):
            lo -= 1
        while lo < k and ix.tokens[lo].text in generic:
            lo += 1
        if lo < k and _pronoun_word(ix, lo):
            lo += 1  # 我|国|风电产业: the tagger cut 我国 (本市, 该省) into a pronoun and a noun
        if lo > 0 and ix.tokens[lo - 1].end == ix.tokens[lo].start and ix.tokens[lo - 1].tag in ("a", "d"):
            continue  # 高质量产业: a description
        if lo < k and any(t.text not in generic for t in ix.tokens[lo:k]):
            out.append(Candidate(ix.tokens[lo].start, tok.end, "industry", "vocabulary", 44, 0.7))
    return out


MAX_PHRASE_TOKENS = 4


def _pronoun_word(ix: TokenIndex, i: int) -> bool:
    """A one-character noun glued to a pronoun before it completes the pronoun's word (我国)."""
    tok = ix.tokens[i]
    return len(tok.text) == 1 and i > 0 and ix.tokens[i - 1].end == tok.start and ix.tokens[i - 1].tag == "r"


def _noun_follows(ix: TokenIndex, k: int) -> bool:
    """数字化产业样板: 产业 qualifies the noun after it."""
    return (
        k + 1 < len(ix.tokens) and ix.tokens[k + 1].start == ix.tokens[k].end and ix.tokens[k + 1].tag == "n"
    )


def _industry_word(tok: Token, right: Token) -> bool:
    return (
        tok.end == right.start
        and tok.tag in ("n", "nz", "vn")
        and suffix_type(tok.text) is None
        and tok.text not in load_suffixes().left_stop
    )


_DIRECTION = re.compile(r"(东|西|南|北|中|东北|西北|东南|西南)部")


def _direction_follows(norm: str, ix: TokenIndex, end: int) -> bool:
    """重庆市|西部: the tagger glued a direction word to the place."""
    m = _DIRECTION.match(norm, end)
    return m is not None and m.end() in ix.by_end


def _single_place_token(ix: TokenIndex, start: int, end: int) -> bool:
    i = ix.by_start[start]
    return ix.tokens[i].end == end and ix.tokens[i].tag in _REGION_SHORT_TAGS


# The role a firm plays in its field (新能源龙头企业, 行业领军企业): chain_leader_of's words.
_FIELD_ROLE = re.compile(r"(?:行业|产业)?(?:龙头|链主|领军|头部)企业")


def _industry_end(norm: str, ix: TokenIndex, end: int) -> int | None:
    """End of an industry term: a token boundary, taking a following 产业 along."""
    for tail in _NAME_TAILS:
        if tail == "业" and norm[end - 1 : end] in ("业", "产", "行"):
            continue  # 制造业 already ends in it; 产业 and 行业 are tried first
        if (
            norm.startswith(tail, end)
            and end + len(tail) in ix.by_end
            and not _CLUSTER_NEXT.match(norm, end + len(tail))
        ):
            return end + len(tail)
    if end not in ix.by_end:
        # 新能源|龙头企业|某集团 tagged as one name: the field a role noun is of is an industry
        return end if _FIELD_ROLE.match(norm, end) else None
    nxt = ix.by_start.get(end)
    if nxt is not None and ix.tokens[nxt].tag == "n" and ix.tokens[nxt].text in product_heads():
        return ix.tokens[nxt].end  # 光伏|玻璃, 碳纤维|叶片: the field's product names a narrower industry
    return _qualified_industry_end(norm, ix, nxt) or end


def _qualified_industry_end(norm: str, ix: TokenIndex, nxt: int | None) -> int | None:
    """医药|健康|产业: one word between the term and 产业 qualifies it, and the industry is
    the whole phrase as written."""
    if nxt is None or nxt + 1 >= len(ix.tokens):
        return None
    word, tail = ix.tokens[nxt], ix.tokens[nxt + 1]
    if (
        word.tag in ("n", "a", "an", "vn")
        and len(word.text) <= 2
        and word.text not in load_industries()[2] | GENERIC_WORDS
        and tail.text == "产业"
        and tail.start == word.end
    ):
        # 医药健康|产业集群: 产业 belongs to the cluster, as for a term the vocabulary knows
        return word.end if _CLUSTER_NEXT.match(norm, tail.end) else tail.end
    return None


COMMON_JU_WORDS = ("布局", "格局", "大局", "全局", "结局", "开局", "变局", "破局", "当局")
