"""Names that end in a known suffix (…有限公司, …研究院, …高新区, …行动计划), grown
leftwards over the tokens, and task forces (…领导小组) named after their place.

The suffixes and their entity types are lexicon data (org_suffixes.yaml); where
a name starts is the grammar of grammar.py.
"""

from __future__ import annotations

import re

from innoatlas.extract.entities.grammar import (
    EVENT_SUFFIXES,
    PROPER_TAGS,
    YEAR_WORD,
    Candidate,
    TokenIndex,
    extend_left,
    is_description,
    is_specific,
    starts_with_place,
)
from innoatlas.lexicon.divisions import full_division_names, names_a_seat
from innoatlas.lexicon.industries import load_industries
from innoatlas.lexicon.suffixes import load_suffixes, suffix_type
from innoatlas.lexicon.zones import zone_names

# Suffix types that need a proper-name token in front (the suffix words are common nouns too).
WEAK_TYPES = frozenset({"program", "government"})
WEAK_ZONE_SUFFIXES = frozenset(
    {"基地", "示范区", "试验区", "片区", "谷", "生态圈", "园区", "先导区", "产业基地", "园"}
)
# The tags of a place a name opens with (the kinds of area org_suffixes.yaml calls place_led).
_PLACE_TAGS = frozenset({"LOC", "ns"})


def _field_and_kind(head: str, etype: str) -> bool:
    """芯片封装测试公司, 船舶涂层材料公司: a field and a kind of firm describe, not name."""
    return etype == "enterprise" and head in load_industries()[0]


def _noun_and_kind(ix: TokenIndex, lo: int, s_start: int, suffix: str) -> bool:
    """船|公司, 金融|集团: one common noun of the trade before 公司 or 集团 names a kind of
    firm (the ordinary words of a trade are no firm's name; a firm's short name is read as
    a name, 某某/nz|集团; a trade's own suffix, 某某|制药, 某某|股份, keeps the name)."""
    if suffix not in _BARE_KINDS:
        return False
    tok = ix.tokens[lo]
    return tok.end == s_start and tok.tag in ("n", "vn") and len(tok.text) <= MAX_KIND_NOUN


# Longest common noun read as a trade before a firm's kind (金融, 物流: two characters).
MAX_KIND_NOUN = 2
_BARE_KINDS = frozenset({"公司", "集团"})


# 我市企业|某某有限公司, 本地企业|某某公司: the tagger glues the role noun (and the place
# pronoun before it) to the firm it introduces; no firm's name opens on 企业.
_ROLE_OPENING = re.compile(
    r"(?:[我本全该]?[省市区县]|本地|当地|(?:园区|[区县市镇园])内|园区|辖区)?(?:企业|公司|厂商)"
)
# A trade role that ends in 商 (汽车电池制造商某某集团): the firm starts after it.
_TRADE_ROLE = re.compile(r"(?:制造|供应|提供|服务|运营|生产|经销|代理|零售|批发|集成)商")
# A workshop or line of a firm after its name (某某电子|无尘车间): a place in the plant, no firm.
_FACILITY_TAIL = re.compile(r"(?:无尘|生产|智能|数字化|总装|装配)?(?:车间|生产线|产线|厂房|厂区)$")
MIN_FIRM_HEAD = 2
# 市场 after an investor's suffix makes one noun of both (资本市场, 证券市场, 基金市场).
_MARKET = "市场"


def drop_role_opening(norm: str, c: Candidate) -> Candidate:
    """市企业|远航科技有限公司 -> 远航科技有限公司: the firm starts after the role word (or after a
    trade role, 电池制造商|某某集团) and ends before a workshop of its plant (某某电子|无尘车间)."""
    if c.type != "enterprise":
        return c
    start, end = c.start, c.end
    m = _ROLE_OPENING.match(norm, start, end)
    if m is not None and end - m.end() >= MIN_FIRM_HEAD + 2:
        start = m.end()
    roles = list(_TRADE_ROLE.finditer(norm, start, end))
    if roles and end - roles[-1].end() >= MIN_FIRM_HEAD + 2:
        start = roles[-1].end()
    tail = _FACILITY_TAIL.search(norm, start, end)
    if tail is not None and tail.start() - start >= MIN_FIRM_HEAD + 2:
        end = tail.start()
    if (start, end) == (c.start, c.end):
        return c
    return Candidate(start, end, c.type, c.extractor, c.priority, c.confidence)


def suffix_candidates(norm: str, ix: TokenIndex) -> list[Candidate]:
    """Names ending in a known suffix, grown leftwards over the tokens."""
    out: list[Candidate] = []
    for hi, tok in enumerate(ix.tokens):
        if tok.tag == "w":
            continue
        found = suffix_type(norm[max(0, tok.end - load_suffixes().max_len) : tok.end])
        if found is None:
            continue
        suffix, etype = found
        if etype == "investor" and norm.startswith(_MARKET, tok.end):
            continue  # 某省资本|市场, 证券|市场: the market of capital is no investor
        s_start = tok.end - len(suffix)
        if s_start < tok.start and len(suffix) == 1 and tok.tag not in ("ORG", "LOC", "nt", "nz"):
            continue  # 格局, 布局: a one-char suffix inside an ordinary word
        if any(tok.text.endswith(v) and len(v) > len(suffix) for v in load_suffixes().verb_objects):
            continue  # 基地|开园, 某市|新上榜: a verb and its object that ends in a one-char suffix (not 经开区)
        first = ix.pos_token[s_start]
        if first < 0:
            continue
        lo = _after_partner(ix, extend_left(ix, first, allow_time=etype == "program", etype=etype), hi)
        start = ix.tokens[lo].start
        if start >= s_start or (norm[s_start - 1] in _CONJUNCTIONS and etype != "government"):
            continue  # the suffix alone (高校, 新区), or joined to a noun before it (历程和研究院), names nothing
        weak = etype in WEAK_TYPES or suffix in WEAK_ZONE_SUFFIXES
        if weak and suffix in EVENT_SUFFIXES and _held_event(norm, ix, lo):
            weak = False  # 举办机器人编程大赛: an event that is held is a named one
        if suffix == "奖" and _won_award(norm, ix, lo, tok.end):
            weak = False
            while lo < hi and YEAR_WORD.match(ix.tokens[lo].text):
                lo += 1  # 2023年度|国家自然科学奖: the year is the round, not the award
            start = ix.tokens[lo].start
        if not is_specific(ix, lo, hi, s_start, weak) and not _year_event(ix, lo, etype):
            continue
        if (
            is_description(ix, lo)
            or _field_and_kind(norm[start:s_start], etype)
            or _noun_and_kind(ix, lo, s_start, suffix)
        ):
            continue
        if suffix in load_suffixes().place_led and not (
            ix.tokens[lo].tag in _PLACE_TAGS or starts_with_place(ix.tokens[lo].text)
        ):
            continue
        inner = suffix_type(norm[start:s_start])
        if etype == "zone" and suffix in GENERIC_AREA_WORDS and inner is not None and inner[1] == "zone":
            continue  # 高新区园区营业收入: 园区 after a zone's full name is a common noun
        if suffix in ("之城", "之都") and norm[start:s_start] not in load_industries()[0]:
            continue  # 某某之都 is a slogan of a city, 某某创新之城 a description, unless an industry comes first
        out.append(Candidate(start, _paren_tail(norm, tok.end, etype), etype, "suffix", 50))
        plate = _second_plate(norm, tok.end, etype)
        if plate is not None:
            out.append(Candidate(*plate, etype, "suffix", 50))
    return out


def _after_partner(ix: TokenIndex, lo: int, hi: int) -> int:
    """甲公司与|乙大学共建: where the tagger reads the suffix's token as a whole name after a
    conjunction and a name before it, the name starts after the conjunction: what stands before
    is a partner named on its own (a school's name joins two common nouns: 材料与|化工学院)."""
    if (
        hi - 1 > lo
        and ix.tokens[hi - 1].text in _PARTNER_JOINS
        and ix.tokens[hi].tag in ("ORG", "nt")
        and (
            any(t.tag in PROPER_TAGS for t in ix.tokens[lo : hi - 1])
            or "".join(t.text for t in ix.tokens[lo : hi - 1]) in _PARTY_NOUNS
        )
    ):
        return hi
    return lo


_PARTNER_JOINS = frozenset({"与", "和", "同", "及"})
# A kind of party before 与 is the other party (企业与某大学共建), never the start of a name.
_PARTY_NOUNS = frozenset(
    {"企业", "公司", "集团", "单位", "机构", "高校", "院所", "团队", "双方", "园区", "平台"}
    # and a zone by its kind alone (示范区与某科学院合作)
    | {"示范区", "高新区", "开发区", "经开区", "新区", "基地"}
)

# (又称“某某”), (俗称…): another name the text gives, as a declared short name is.
_DECLARES = re.compile(r"(以下|证券|股票|公司)?简称|以下称|下称|[又也亦俗别]称")
_PAREN_TAIL = re.compile(r"\(([^()、,，;。\s]{1,12})\)")
# A figure with its unit in brackets (6.35亿元, 约120家, 35.2%) or a rank (第12位): what a ranking
# or a count gives each name.
_BRACKETED_FIGURE = re.compile(
    r"[约超近逾]?\d[\d.,]*(?:[万亿千百]*(?:元|美元|人|家|户|项|件|个|吨|辆|台|次)|[万亿]|%)|第\d+[位名]"
)


def _paren_tail(norm: str, end: int, etype: str = "") -> int:
    """Take along a short parenthesised part written after a name (重庆高新区(直管园)).

    A body's second name in brackets is the other plate of the same office
    (某科技局(某知识产权局)): a name of its own, not part of the first.
    """
    m = _PAREN_TAIL.match(norm, end)
    if m is None or re.fullmatch(r"[\d.年月日%]+", m.group(1)) or _DECLARES.match(m.group(1)):
        return end  # (证券简称某某): a short name declared for the name, no part of it
    if _BRACKETED_FIGURE.fullmatch(m.group(1)):
        return end  # 某大学(6.35亿元): a figure given for the name in a ranking, no part of it
    if _second_plate(norm, end, etype) is not None:
        return end
    if m.group(1) in zone_names() and not norm.endswith(("班列", "专线", "通道"), 0, end):
        return end  # a zone in brackets is another name, but 中欧班列(成渝) names the route's ends
    if _LATIN_NAME.fullmatch(m.group(1)):
        return end  # 某某股份有限公司(CATL), 某博览会(CITE2025): the name in Latin letters is another name
    if etype == "zone" and m.group(1) in full_division_names():
        return end  # 某高新区(某某区): the district the zone is run together with, a region of its own
    if names_a_seat(m.group(1)) and _listed(norm, end, m.end()):
        return end  # 某众创空间(某某区)、某智谷(某县): the district a list gives each name, no part of it
    return m.end()


def _listed(norm: str, end: int, close: int) -> bool:
    """The bracket closes an item of a list: a 、 follows it or closed the item before."""
    return norm[close : close + 1] == "、" or ")、" in norm[max(0, end - 24) : end]


# A name written in Latin letters and digits (CATL, SISPARK, CITE2025).
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9\-&. ]*")


def _second_plate(norm: str, end: int, etype: str) -> tuple[int, int] | None:
    """某科技局(某知识产权局): the span of a body's second name written in brackets after it."""
    m = _PAREN_TAIL.match(norm, end)
    if m is None or etype != "government":
        return None
    second = suffix_type(m.group(1))
    if second is None or second[1] != "government" or len(m.group(1)) <= len(second[0]):
        return None
    return m.start(1), m.end(1)


# Conjunctions: one right before a suffix joins the suffix, a common noun, to the noun
# before it (某某和研究院); a name has words of its own before its suffix. Departments are
# named by two joined portfolios (工业和信息化厅, 住房和城乡建设局) and keep theirs.
_CONJUNCTIONS = frozenset("和与及或")


# Words for any area that follow a zone's name as common nouns (某高新区园区, 某新区片区).
GENERIC_AREA_WORDS = frozenset(("园区", "片区", "区域", "辖区"))

# Verbs and counters that introduce a held event: 举办…大赛, 召开…大会, 连续举办5届…大会.
_HELD_BEFORE = re.compile(
    r"(举办|召开|举行|承办|主办|创办|开幕|亮相|参加|出席|\d+届|首届|第[一二三四五六七八九十\d]+届)[、和]?$"
)


def _held_event(norm: str, ix: TokenIndex, lo: int) -> bool:
    start = ix.tokens[lo].start
    before = norm[max(0, start - 8) : start]
    if _HELD_BEFORE.search(before):
        return True
    clause = norm[max(0, start - 40) : start]
    return bool(re.search(r"(举办|召开|举行)[^,。;]{0,36}$", clause)) and norm[start - 1 : start] == "、"


# Task forces are named after their place and their task, verbs included:
# 某省推进园区改革和创新发展领导小组.
TASK_FORCE_SUFFIXES = ("领导小组", "工作小组", "指挥部")
MAX_TASK_TOKENS = 12


def task_force_candidates(norm: str, ix: TokenIndex) -> list[Candidate]:
    out = []
    for hi, tok in enumerate(ix.tokens):
        if not tok.text.endswith(TASK_FORCE_SUFFIXES):
            continue
        for lo in range(hi - 1, max(-1, hi - MAX_TASK_TOKENS), -1):
            t = ix.tokens[lo]
            if t.tag == "w" or ix.tokens[lo + 1].start != t.end:
                break
            if t.tag in ("LOC", "ns") or starts_with_place(t.text):
                out.append(Candidate(t.start, tok.end, "government", "suffix", 50))
                break
    return out


def _won_award(norm: str, ix: TokenIndex, lo: int, end: int) -> bool:
    """获得…奖, …奖一等奖: an award that is won or graded is a named one."""
    before = norm[max(0, ix.tokens[lo].start - 3) : ix.tokens[lo].start]
    return bool(re.match(r"[一二三特]等奖", norm[end : end + 3]) or re.search(r"(获|获得|荣获|、)$", before))


def _year_event(ix: TokenIndex, lo: int, etype: str) -> bool:
    return etype == "program" and bool(YEAR_WORD.match(ix.tokens[lo].text))
