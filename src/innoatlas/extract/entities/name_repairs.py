"""Repairs of candidate names the tagger and the suffix grammar got wrong: a
name cut where a vocabulary word runs past its end, a verb or role noun glued
before a firm, a firm listed by its plant, run-together names split at their
inner suffixes.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from innoatlas.extract.entities.branches import BRANCH_TAIL
from innoatlas.extract.entities.candidates import MIN_NAME_CHARS, TRADE_NAME_TAGS, all_generic
from innoatlas.extract.entities.funds import is_kind_only
from innoatlas.extract.entities.grammar import (
    GENERIC_WORDS,
    SUBUNIT_TYPES,
    Candidate,
    TokenIndex,
    is_parent_body,
    place_prefixes,
    starts_with_place,
)
from innoatlas.lexicon.enterprises import listed_companies
from innoatlas.lexicon.industries import load_industries, product_heads
from innoatlas.lexicon.match import INDUSTRY, find_lexicon
from innoatlas.lexicon.prefixes import leading_name
from innoatlas.lexicon.suffixes import cuts_word, load_suffixes, suffix_type
from innoatlas.lexicon.zones import country_names, zone_names


def trim_tagger_names(candidates: list[Candidate], lexicon: list[Candidate]) -> list[Candidate]:
    """Cut a tagger name where a vocabulary word starts inside it and runs past its end.

    (某某高新区光学|制造产业: the tagger's ORG swallowed the head of an industry.) A
    tagger name or project name that opens with a listed group's name is dropped:
    the group is the mention.
    """
    starts = sorted((c.start, c.end) for c in lexicon)
    firms = {c.start: c.end for c in lexicon if c.type in _LISTED_FIRM_TYPES}
    out = []
    for c in candidates:
        if c.extractor == "lac":
            for a, b in starts:
                if c.start < a < c.end < b and a - c.start >= MIN_NAME_CHARS:
                    c = Candidate(c.start, a, c.type, c.extractor, c.priority, c.confidence)
                    break
        end = firms.get(c.start)
        if end is not None and end < c.end and _firm_and_more(c):
            continue  # 国家电网|湘中, 中国华能|某某风储项目: a listed group and its place or project
        out.append(c)
    return out


_LISTED_FIRM_TYPES = frozenset({"enterprise", "investor"})
# A tagger's firm ending in a field this long (某某|新能源汽车, 某某|氢能燃料电池) is the firm
# named with its product or line, which ANNOTATION.md lists as the firm; a shorter field ends
# many firms' own names (长安汽车, 宁德时代新能源).
MIN_PRODUCT_CHARS = 4


def _firm_and_more(c: Candidate) -> bool:
    """A tagger name, or a project named after the group that runs it (ANNOTATION.md lists the firm)."""
    if c.extractor == "lac":
        return c.type in _LISTED_FIRM_TYPES
    return c.extractor == "suffix" and c.type == "program"


# Verbs the tagger glues to the organisation after them (资助|星辰科技有限公司).
_GLUED_VERB = re.compile(r"(资助|扶持|支持|引进|携手|联合|依托|牵手|入驻|联手|投向|对接|招引|服务)")


# 南岸大学|共建|研究院: a body and the unnamed one it builds, glued by the tagger.
_BUILD_VERB = re.compile(r"共建|合建|联建|组建|成立|设立|建设|打造")

# Role nouns the suffix grammar glues to the firm they introduce (的配套企业|某某有限公司).
_GLUED_ROLE = re.compile(r"(配套企业|配套商|供应商|龙头企业|链主企业|领军企业|头部企业)")


# 新能源龙头企业|某某集团, 行业领军企业|某某集团: a role noun with the field it leads in,
# in apposition before the firm's name; a registered name never goes on after such a noun.
_INNER_ROLE = re.compile(r"(?:龙头|链主|领?军|头部|骨干|标杆|独角兽|瞪羚|上市)企业")


def _inner_role(norm: str, c: Candidate) -> re.Match | None:
    if c.type != "enterprise":
        return None
    roles = list(_INNER_ROLE.finditer(norm, c.start, c.end))
    return roles[-1] if roles else None  # the name starts after the last role noun


_PLANT = re.compile(r"((?:研发)?生产基地|制造基地|生产线|工厂)$")


def firm_of_product(norm: str, c: Candidate) -> Candidate:
    """某某|智能网联汽车: the tagger's firm run on into the field of its product or line."""
    if c.extractor != "lac" or c.type != "enterprise":
        return c
    name = norm[c.start : c.end]
    for start, end, entries in find_lexicon(name):
        if (
            end == len(name)
            and end - start >= MIN_PRODUCT_CHARS
            and start >= MIN_NAME_CHARS
            and any(e.kind == INDUSTRY for e in entries)
        ):
            return dataclasses.replace(c, end=c.start + start)
    return c


# 芯睿半导体|氮化镓晶圆厂, 某某汽车|渝北工厂, 某某半导体|刻蚀设备: a firm named by its brand and
# trade, then one of its plants or products; ANNOTATION.md lists the firm (京东方六代线 -> 京东方).
_PLANT_OR_PRODUCT = re.compile(r"(?:晶圆厂|工厂|厂区|设备|产线|生产线|项目)$")
MIN_BRAND_CHARS = 2


def firm_before_plant(norm: str, c: Candidate) -> Candidate:
    """A firm's name (brand + trade) run on into the plant or product it makes."""
    name = norm[c.start : c.end]
    if c.type != "enterprise" or not _PLANT_OR_PRODUCT.search(name):
        return c
    trades = [
        end
        for start, end, entries in find_lexicon(name)
        if start >= MIN_BRAND_CHARS and end < len(name) - 1 and any(e.kind == INDUSTRY for e in entries)
    ]
    return dataclasses.replace(c, end=c.start + min(trades)) if trades else c


def firm_of_plant(norm: str, c: Candidate) -> Candidate | None:
    """某某医疗|医疗器械|生产基地: a firm named with its plant is listed as the firm; a plant
    named by its place or product alone (某地生产基地, PET生产基地) is no zone (ANNOTATION.md's
    zones are development areas and parks, not a firm's works) and none."""
    name = norm[c.start : c.end]
    if c.type != "zone" or not _PLANT.search(name):
        return c
    for start, _end, entries in find_lexicon(name):
        if start >= MIN_NAME_CHARS and any(e.kind == INDUSTRY for e in entries):
            return Candidate(c.start, c.start + start, "enterprise", "plant", c.priority, c.confidence)
    return None


# 园区|服务|某某有限公司, 政府|对接|某某公司: a generic subject and its verb glued before a firm.
MAX_GLUED_SUBJECT = 3


def _subject_and_verb(norm: str, c: Candidate) -> re.Match | None:
    if c.type != "enterprise":
        return None
    m = _GLUED_VERB.search(norm, c.start + 1, min(c.end, c.start + MAX_GLUED_SUBJECT + 2))
    if m is None or m.start() - c.start > MAX_GLUED_SUBJECT:
        return None
    subject = norm[c.start : m.start()]
    found = suffix_type(subject)
    return m if subject in GENERIC_WORDS or (found is not None and found[0] == subject) else None


# 9.8万|光谷企业, 光谷|410家: a count the tagger glued to a name (a decimal or a multiplier
# before it, a measure word after it) is no part of it; names that open on digits (58同城) and
# numbered units (某某23所) stay.
_COUNT_BEFORE = re.compile(r"\d+(?:\.\d+)?[万亿]|\d+\.\d+")
_COUNT_AFTER = re.compile(r"\d+(?:\.\d+)?[万亿]?[家个项]$")


# 1苏州工业园区 2某某经济技术开发区: a ranked list whose table cells ran together glues each
# rank to the name after it; a name that opens with a place (a zone, a body named after its
# city) does not open with digits of its own.
_RANK = re.compile(r"\d{1,3}(?=[\u4e00-\u9fff])")


def _rank_before_place(norm: str, c: Candidate) -> re.Match | None:
    m = _RANK.match(norm, c.start, c.end)
    if m is None:
        return None
    rest = norm[m.end() : c.end]
    return m if starts_with_place(rest) and suffix_type(rest) is not None else None


_LEADING_BRACKET = re.compile(r"[(（][^()（）]{1,8}[)）]")


def close_bracket(norm: str, ix: TokenIndex, c: Candidate) -> Candidate:
    """某某(云南)饮料有限公司 cut by the tagger as 某某 | ( | 云南)饮料有限公司: a name that holds
    a closing bracket without its opening one takes back the bracket and the word before it."""
    name = norm[c.start : c.end]
    lead = _LEADING_BRACKET.match(name)
    if lead is not None and len(name) - lead.end() >= MIN_NAME_CHARS:
        return dataclasses.replace(c, start=c.start + lead.end())  # (云南)|智慧…: no name opens on a bracket
    close = min((name.find(b) for b in ")）" if b in name), default=-1)
    if close < 0 or any(b in name[:close] for b in "(（"):
        return c
    opening = max(
        norm.rfind("(", max(0, c.start - 1), c.start), norm.rfind("（", max(0, c.start - 1), c.start)
    )
    if opening < 0:
        return c
    k = ix.by_end.get(opening)
    if k is None or ix.tokens[k].tag not in TRADE_NAME_TAGS:
        return c
    return dataclasses.replace(c, start=ix.tokens[k].start)


# A bracket closing a firm's name: 某某股份有限公司(北交所), 某某光伏(某县): the listing, the
# place a project is built in or a plant's number. A registered name puts its seat in
# brackets before the trade and legal form (某某(苏州)有限公司), never after them.
_TRAILING_ASIDE = re.compile(r"[(（][^()（）]{1,12}[)）]$")


def drop_firm_aside(norm: str, c: Candidate) -> Candidate:
    if c.type != "enterprise":
        return c
    m = _TRAILING_ASIDE.search(norm, c.start, c.end)
    if m is None or m.start() - c.start < MIN_NAME_CHARS:
        return c
    return dataclasses.replace(c, end=m.start())


def place_of_status_set(norm: str, c: Candidate) -> Candidate:
    """宜宾市上市公司: firms named by their status (org_suffixes.yaml status_heads) are a set,
    no firm; the place before the status is what is named (keep_name drops the rest)."""
    name = norm[c.start : c.end]
    if c.type != "enterprise" or not name.endswith(load_suffixes().status_heads):
        return c
    place = leading_name(name, place_prefixes(), MAX_PLACE_CHARS, keep=2)
    if place is None:
        return c
    return dataclasses.replace(
        c, end=c.start + len(place), type="zone" if place in zone_names() else "region"
    )


# 一是以|某某科技, 其二|某某集团, 首先是|某某公司: the words that number a point of a text
# (and a preposition after them) are glued to the name that opens the point; no name
# opens with them. 第N needs 是 or a stop after it (第三届 is an ordinal of the name).
_POINT_MARKER = re.compile(
    r"(?:[一二三四五六七八九十]是|其[一二三四五六七八九十](?:是|[,，、:：])|第[一二三四五六七八九十]+(?:是|[,，、:：])"
    r"|(?:首先|其次|再次|最后)是?[,，:：]?)(?:以|由|在|与|和|同|对|向|从|把|将|被|为)?"
)


def drop_point_marker(norm: str, c: Candidate) -> Candidate:
    m = _POINT_MARKER.match(norm, c.start, c.end)
    if m is None or c.end - m.end() < MIN_NAME_CHARS:
        return c
    return dataclasses.replace(c, start=m.end())


# 以某某所|为|代表的…: the 为 of the frame 以A为代表 (为龙头, 为引领) after the name's end.
_FRAME_AFTER = re.compile(r"代表|龙头|引领|核心|主导|支撑|首")


# …投产,是某某集团在某地布局的…: a clause whose subject is left out opens on the copula.
_CLAUSE_BREAKS = ",，;；"
MIN_NAME_AFTER_COPULA = 4


def drop_copula(norm: str, c: Candidate) -> Candidate:
    """,是某某集团在…: the copula that opens a clause without a subject is not the name's first
    character (a name after it of four characters or more, ending in a suffix of its kind)."""
    if norm[c.start : c.start + 1] != "是" or norm[c.start - 1 : c.start] not in _CLAUSE_BREAKS:
        return c
    rest = norm[c.start + 1 : c.end]
    if len(rest) < MIN_NAME_AFTER_COPULA or suffix_type(rest) is None:
        return c
    return dataclasses.replace(c, start=c.start + 1)


def drop_frame_verb(norm: str, c: Candidate) -> Candidate:
    """以某某所为代表的…项目: the tagger glued the frame's 为 to the name before it (以 opens the
    frame in the clause); a name of two characters ending in 为 is left whole."""
    if c.type not in ("enterprise", "institute", "platform", "investor"):
        return c
    if norm[c.end - 1 : c.end] != "为" or not _FRAME_AFTER.match(norm, c.end):
        return c
    opening = max(norm.rfind(p, 0, c.start) for p in ",，;；。") + 1
    if c.end - 1 - c.start < MIN_NAME_CHARS or "以" not in norm[opening : c.start]:
        return c
    return dataclasses.replace(c, end=c.end - 1)


# 记者从|某局了解到, 记者(近日)从某某获悉: the formula of news that names its source; the
# tagger may glue the preposition to the body's first character (从新|区经合局).
_SOURCE_FORMULA = re.compile(r"(?:记者|笔者)?(?:今天|今日|近日|日前)?从")
# 4月12|日经|省政府: the day's 日 after a month and a number is the date's, not a name's,
# and so is the preposition that follows a date (日经…批复, 日由…主办).
_DATE_BEFORE = re.compile(r"月[0-9〇零一二三四五六七八九十]{1,3}$")
_DAY_AND_PREPOSITION = re.compile(r"日(?:经|由|在|从|与|和|被|向|于)?")
# 我|市某某开发区, 本|省某某: a pronoun and an administrative unit mean "our city"; the
# unit word alone cannot open a name (a body, 市科技局, is named so: it keeps it).
_PRONOUN_UNIT = re.compile(r"[我本该全][省市区县]$")


# 创业|公司|某某有限公司, 研发|机构|某某研究院, 连接器|企业|某某公司: a kind of body with the
# common words that describe it, in apposition before the body's own name.
_APPOSED_KINDS = frozenset({"企业", "公司", "机构", "厂商", "单位"})
_DESCRIPTION_TAGS = frozenset({"n", "vn", "nz", "a", "b", "an", "v", "d"})
_OWN_NAME_TAGS = frozenset({"ORG", "nt"})
_APPOSED_TYPES = frozenset({"enterprise", "investor", "institute", "platform", "university"})


def drop_apposed_kind(norm: str, ix: TokenIndex, c: Candidate) -> Candidate:
    """The name starts after a described kind of body (创业公司|…有限公司) where the tagger reads
    what follows as a name of its own; the words before hold no proper name."""
    if c.type not in _APPOSED_TYPES or c.start >= len(ix.pos_token):
        return c
    k = ix.pos_token[c.start]
    if k < 0 or ix.tokens[k].start != c.start or starts_with_place(norm[c.start : c.end]):
        return c
    for j in range(k, len(ix.tokens) - 1):
        tok, nxt = ix.tokens[j], ix.tokens[j + 1]
        if nxt.end > c.end or tok.tag not in _DESCRIPTION_TAGS:
            return c
        if j > k and tok.text in _APPOSED_KINDS and nxt.tag in _OWN_NAME_TAGS:
            rest = norm[nxt.start : c.end]
            if len(rest) >= MIN_NAME_CHARS + 2 and suffix_type(rest) is not None:
                return dataclasses.replace(c, start=nxt.start)
            return c
    return c


# 示范企业|某某集团有限公司 glued in one token: a firm described by its standing, then its name.
_STANDING_KIND = re.compile(
    r"(?:示范|龙头|重点|骨干|领军|标杆|链主|明星|上市|独角兽|瞪羚|冠军|"
    # 世界500强企业某某集团: a firm by its place on a ranking list of firms (the list names no firm)
    r"(?:世界|全球|中国|全国|国内)?[\d一二三四五六七八九十百千]+强)企业"
    # 行业龙头某某集团: the firm's standing in its trade, the apposition without 企业
    r"|行业龙头"
)
# 央企|某某集团: the ownership kind of a firm written right before its name.
_OWNERSHIP_KIND = re.compile(r"央企|国企|民企|外企")


def drop_glued_standing(norm: str, c: Candidate) -> Candidate:
    """The firm's name after the kind of firm it is said to be (…示范企业某某集团有限公司, 央企某集团),
    when the tagger glued the two; the name that follows still ends in a firm's suffix."""
    if c.type not in ("enterprise", "investor", "program"):
        return c
    kinds = list(_STANDING_KIND.finditer(norm, c.start, c.end))
    if c.type == "program" and not (kinds and kinds[0].start() == c.start):
        return c  # only a list's standing glued before a firm read the whole as the list
    owned = _OWNERSHIP_KIND.match(norm, c.start, c.end)
    cut = kinds[-1].end() if kinds else owned.end() if owned else None
    if cut is None:
        return c
    rest = norm[cut : c.end]
    kind = suffix_type(rest)
    if len(rest) >= MIN_NAME_CHARS + 2 and kind is not None:
        return dataclasses.replace(c, start=cut, type=kind[1] if c.type == "program" else c.type)
    return c


# 解决方案提供|商某某有限公司: the 商 of a trade role (提供商, 供应商, 服务商) glued to the name after it.
_TRADE_ROLE_BEFORE = re.compile(r"(?:提供|供应|服务|运营|制造|开发|集成|承包|经销|代理|零售|批发)$")


def drop_role_merchant(norm: str, c: Candidate) -> Candidate:
    """A name that opens with the 商 ending a trade role before it starts after that 商."""
    if norm.startswith("商", c.start) and _TRADE_ROLE_BEFORE.search(norm, max(0, c.start - 2), c.start):
        rest = norm[c.start + 1 : c.end]
        if len(rest) >= MIN_NAME_CHARS + 2:
            return dataclasses.replace(c, start=c.start + 1)
    return c


def date_day(norm: str, c: Candidate) -> bool:
    """4月12|日经/ORG: the tagger's name that is only a date's day and a preposition."""
    m = _DAY_AND_PREPOSITION.fullmatch(norm, c.start, c.end)
    return m is not None and _DATE_BEFORE.search(norm, max(0, c.start - 5), c.start) is not None


# The time words that open a clause (日前某省科技厅公布…): no name begins with them.
_TIME_OPENING = re.compile(r"日前|近日|近期|目前|当前|昨日|今日|昨天|今天|前不久|日内")
# 某湖岸边某科技城, 某江之滨某产业园: a locative phrase (a place and a noun of position) says
# where the name stands; it ends before the name. A name after it keeps at least this many characters
# (湖畔大学 is a name of its own, not 湖畔 and 大学).
_LOCATIVE = re.compile(r"岸边|之畔|之滨|旁边|脚下|附近")
MIN_AFTER_LOCATIVE = 4


def drop_glued_context(norm: str, c: Candidate) -> Candidate:
    """Words of the clause the tagger glued before a name: the news source formula, a date's
    day, a pronoun's unit word, a locative phrase."""
    before = norm[max(0, c.start - 2) : c.start]
    m = _SOURCE_FORMULA.match(norm, c.start, c.end)
    if m is not None and (m.group().startswith(("记者", "笔者")) or before.endswith(("记者", "笔者"))):
        start = m.end()
    elif norm.startswith("日", c.start) and _DATE_BEFORE.search(norm, max(0, c.start - 5), c.start):
        start = _DAY_AND_PREPOSITION.match(norm, c.start, c.end).end()
    elif c.type != "government" and _PRONOUN_UNIT.match(norm[max(0, c.start - 1) : c.start + 1]):
        start = c.start + 1
    elif m := _TIME_OPENING.match(norm, c.start, c.end):
        start = m.end()
    elif (
        (m := _LOCATIVE.search(norm, max(0, c.start - 1), c.end))
        and m.end() > c.start  # 之|滨某产业园: the tagger may cut the locative word in two
        and c.end - m.end() >= MIN_AFTER_LOCATIVE
    ):
        start = m.end()
    else:
        return c
    return dataclasses.replace(c, start=start) if c.end - start >= MIN_NAME_CHARS + 1 else c


def take_cut_term(norm: str, ix: TokenIndex, c: Candidate) -> Candidate:
    """某县预制|菜产业园: a name that opens with the end of an industry term whose first word
    the tagger read as a verb before it (预制/v) opens with the whole term."""
    k = ix.by_end.get(c.start)
    if k is None or ix.tokens[k].tag not in ("v", "vn") or c.type == "industry":
        return c
    lo = ix.tokens[k].start
    terms = load_industries()[0]
    longest = min(c.start - lo + MAX_TERM_TAIL, c.end - c.start - MIN_NAME_CHARS + (c.start - lo))
    if any(norm[lo : lo + n] in terms for n in range(c.start - lo + 1, longest + 1)):
        return dataclasses.replace(c, start=lo)
    return c


# Most characters of a cut term inside the name (预制|菜: one).
MAX_TERM_TAIL = 3


def drop_glued_counts(norm: str, c: Candidate) -> Candidate:
    lead = _COUNT_BEFORE.match(norm, c.start, c.end) or _rank_before_place(norm, c)
    if lead is not None and c.end - lead.end() >= MIN_NAME_CHARS:
        c = dataclasses.replace(c, start=lead.end())
    tail = _COUNT_AFTER.search(norm, c.start, c.end)
    if tail is not None and tail.start() - c.start >= MIN_NAME_CHARS:
        c = dataclasses.replace(c, end=tail.start())
    return c


def drop_verb_complement(norm: str, c: Candidate) -> Candidate:
    """做强做优|环大学…: the tagger may glue the complement of 做, or a verb, to the name after it."""
    if c.start > 0 and norm[c.start - 1] == "做" and c.end - c.start > MIN_NAME_CHARS + 1:
        return dataclasses.replace(c, start=c.start + 1)
    role = _GLUED_ROLE.match(norm, c.start, c.end) or _inner_role(norm, c)
    if role is not None and suffix_type(norm[role.end() : c.end]) and c.end - role.end() > MIN_NAME_CHARS + 1:
        return dataclasses.replace(c, start=role.end())  # 配套企业|远航科技股份有限公司
    m = _GLUED_VERB.match(norm, c.start, c.end) or _subject_and_verb(norm, c)
    if m is not None and c.extractor in ("lac", "suffix") and c.end - m.end() > MIN_NAME_CHARS + 1:
        return dataclasses.replace(c, start=m.end())
    inner = _BUILD_VERB.search(norm, c.start + MIN_NAME_CHARS, c.end)
    if inner is not None and c.extractor in ("lac", "suffix"):
        left, right = suffix_type(norm[c.start : inner.start()]), suffix_type(norm[inner.end() : c.end])
        if left is not None and right is not None and right[0] == norm[inner.end() : c.end]:
            return Candidate(c.start, inner.start(), left[1], c.extractor, c.priority, c.confidence)
    return c


def split_compounds(norm: str, candidates: list[Candidate]) -> list[Candidate]:
    """Cut run-together names (滨江科创区南方理工大学杭州研究院) at inner suffixes.

    A university or institute followed by a place and a suffix is a branch and
    stays whole (南方理工大学杭州研究院).
    """
    out = []
    for c in candidates:
        if c.extractor in ("lac", "suffix") and c.end - c.start >= 8:
            out.extend(_split_one(norm, c))
        else:
            out.append(c)
    return out


# A legal form opens no name: 某集团|有限公司… is one firm's registered name going on.
_LEGAL_FORM_OPENING = re.compile(r"(股份有限公司|有限责任公司|有限公司|公司)")
# 第二十三研究所, 第七〇四研究所: the research units of a state group are numbered, and their
# registered names are the group's name with the number (企业名称 of the central state firms).
_NUMBERED_UNIT = re.compile(r"第[〇零一二三四五六七八九十百\d]+(研究所|研究院|所|院|厂)")


def _ends_zone_word(norm: str, p: int) -> bool:
    """The character at p finishes a zone's kind word begun before it (园|区, 新|区, 片|区)."""
    found = suffix_type(norm[p - 1 : p + 1])
    return found is not None and found[1] == "zone"


def _split_one(norm: str, c: Candidate) -> list[Candidate]:
    for p in range(c.start + 3, c.end - 3):
        head = suffix_type(norm[c.start : p])
        tail_text = norm[p : c.end]
        tail = suffix_type(tail_text)
        if head is None or tail is None or p - c.start <= len(head[0]) or cuts_word(norm, p):
            continue
        if _ends_zone_word(norm, p):
            continue  # 某某产业园|区某某公司: the cut goes one character on, after 园区
        if head[0].endswith("大") and (norm.startswith("学", p) or head[1] == "university"):
            continue  # 北京理工大|学…, 上海交大|某某科技园: a university's short form inside its full name, or
            # heading a unit named after it
        if len(tail_text) - len(tail[0]) < 2 or all_generic(tail_text[: -len(tail[0])]):
            continue
        if tail_text[0] in "(（":
            continue  # 中国石油大学(华东)…: no name opens on a bracket, it qualifies the head
        if tail_text[: -len(tail[0])] in load_suffixes().suffixes or _LEGAL_FORM_OPENING.match(tail_text):
            continue  # 某某汽车集团|股份有限公司: the legal form of one firm, not a second name
        if _NUMBERED_UNIT.match(tail_text):
            continue  # 某集团公司|第三十八研究所: a numbered unit is named by its parent's name
        if _same_place(norm[c.start : p], tail_text):
            return [
                Candidate(c.start, p, head[1], c.extractor, c.priority, c.confidence),
                *_split_one(norm, Candidate(p, c.end, tail[1], c.extractor, c.priority, c.confidence)),
            ]
        if (
            head[1] == "zone"
            and not _has_inner_org(tail_text)
            and (tail[1] != "enterprise" or _functional(tail_text))
        ):
            continue  # 某某高新区某企业创新中心, 某某高新区招商公司: a unit named after its zone
        if is_parent_body(norm[c.start : p], head) and tail[1] in SUBUNIT_TYPES:
            continue  # 中国科学院|城市环境研究所: a unit of its parent
        if head[1] == tail[1] == "government" and not starts_with_place(tail_text):
            continue  # 某市人民政府|新闻办公室, 某省委|某领导小组办公室: an office of the body before it
        if (
            head[1] != "zone"
            and (_seated(tail_text) or BRANCH_TAIL.search(tail_text))
            and not _two_registered_names(norm[c.start : p], tail_text)
        ):
            continue  # 某理工大学|杭州研究院, …工程研究中心|宁波分中心, 某银行|滨江分行: a branch
        if head[1] == "program" or tail_text in load_suffixes().generic:
            continue
        if is_kind_only(tail_text):
            continue  # 某省政府|投资引导基金: words of a fund's kind name no fund; the body before owns it
        if tail_text.startswith(_STATIONED):
            continue  # 某市政府|驻某省办事处: the body's office stationed elsewhere is one name
        left = Candidate(c.start, p, head[1], c.extractor, c.priority, c.confidence)
        p = _after_stop_word(norm, p, c.end)  # 某公司|旗下|某某公司: the word between is no part of either
        right = Candidate(p, c.end, tail[1], c.extractor, c.priority, c.confidence)
        # 技术创新平台|和信息服务平台: a part made of generic words alone names nothing once cut off
        return [x for x in (left,) if not _generic_part(norm, x, head[0])] + _split_one(norm, right)
    return [c]


def _generic_part(norm: str, c: Candidate, suffix: str) -> bool:
    return all_generic(norm[c.start : c.end - len(suffix)])


_SEAT_IN_BRACKETS = re.compile(r"[(（]([^()（）]{2,8})[)）]")


def _seated(tail: str) -> bool:
    """杭州研究院, (渭南)技术转移中心: a unit named by the place it sits in, bracketed or not."""
    seat = _SEAT_IN_BRACKETS.match(tail)
    return starts_with_place(seat.group(1) if seat else tail)


def _same_place(head: str, tail: str) -> bool:
    """湖北省某研究院|湖北省某研究院: a tail that opens with the place the head opens with is the
    next name of a list whose separator the page lost, neither a branch nor a sub-unit."""
    opening = leading_name(tail, place_prefixes(), MAX_PLACE_CHARS)
    return opening is not None and head.startswith(opening)


# A registered firm name ends in its legal form; a branch's ends in 分公司 (某公司|苏州分公司).
_REGISTERED = re.compile(r"(?<!分)有限(?:责任)?公司$")


def _two_registered_names(head: str, tail: str) -> bool:
    """某某(盐城)有限公司|苏州某某有限公司: two names that each end in a legal form are two firms
    of a list whose separator the page lost, wherever the second is seated."""
    return bool(_REGISTERED.search(head) and _REGISTERED.search(tail))


# The longest place a name opens with (as starts_with_place reads it).
MAX_PLACE_CHARS = 8


# 驻 ("stationed in") opens the name of a body's office in another place.
_STATIONED = "驻"


def _after_stop_word(norm: str, p: int, end: int) -> int:
    """某公司|旗下|某某公司, 某高新区|与|某某公司: a stop word at the cut opens neither name."""
    for k in (3, 2, 1):
        if norm[p : p + k] in load_suffixes().left_stop and end - p - k > MIN_NAME_CHARS:
            return p + k
    return p


_INNER_ORG = re.compile(r"(大学|学院|研究院|科学院|研究所)")


_FUNCTIONAL_FIRM = re.compile(r"^(招商|投资|开发|建设|发展|产业投资|城市建设|国有资产|资产管理|运营|管理)")


def _functional(text: str) -> bool:
    return bool(_FUNCTIONAL_FIRM.match(text))


def _has_inner_org(text: str) -> bool:
    m = _INNER_ORG.search(text)
    return m is not None and m.end() < len(text)


# 某某产值, 某某科创板: a figure or a market of a listed firm, written right after its trading name.
_FIRM_FIGURE = re.compile(r"(?:产值|营收|营业收入|市值|科创板|创业板|北交所|港股|A股)$")
MAX_TRADING_NAME = 6
MAX_TRADE_WORD = 2


def listed_firm_of_product(norm: str, c: Candidate) -> Candidate:
    """百济神州|生物药, 中联重科|产值: a listed firm's trading name run on into a product, a trade
    or a figure of it is the firm (ANNOTATION.md lists the firm: 京东方六代线 -> 京东方); a legal
    form or a unit after the trading name (某某新能源科技有限公司) keeps the whole."""
    name = norm[c.start : c.end]
    if c.type != "enterprise" or suffix_type(name) is not None:
        return c
    head = leading_name(name, listed_companies(), MAX_TRADING_NAME, keep=2)
    if head is None:
        return c
    rest = name[len(head) :]
    terms = load_industries()[0]
    # a trade of two characters is the firm's own trade word (阿尔特|汽车: 字号 + 行业, 企业名称登记管理规定)
    product = len(rest) > MAX_TRADE_WORD and (rest in terms or rest.endswith(tuple(product_heads())))
    if _FIRM_FIGURE.fullmatch(rest) or product:
        return dataclasses.replace(c, end=c.start + len(head))
    return c


def drop_trailing_country(norm: str, c: Candidate) -> Candidate:
    """某某重科|德国 (工厂): the country a firm's plant stands in, glued after the firm's name by the
    tagger, is no part of it (a firm's own country is written in brackets: 某某(中国))."""
    if c.type != "enterprise" or c.extractor != "lac":
        return c
    name = norm[c.start : c.end]
    names, lengths = _countries_by_length()
    cut = next((k for k in lengths if len(name) - k >= MIN_NAME_CHARS and name[-k:] in names), 0)
    return dataclasses.replace(c, end=c.end - cut) if cut else c


@functools.cache
def _countries_by_length() -> tuple[frozenset[str], tuple[int, ...]]:
    """The country names, and their lengths longest first: a name's tail is looked up once per
    length (巴布亚新几内亚 before 新几内亚)."""
    names = frozenset(country_names())
    return names, tuple(sorted({len(n) for n in names}, reverse=True))
