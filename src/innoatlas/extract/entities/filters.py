"""Which entity candidates are kept and how they are typed: longest
non-overlapping spans, regions merged with their zones, generic heads,
categories and slogans dropped.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from innoatlas.extract.entities.candidates import COMMON_JU_WORDS, MIN_NAME_CHARS, all_generic, division_names
from innoatlas.extract.entities.funds import is_kind_only
from innoatlas.extract.entities.grammar import (
    EFFORT_ADVERBS,
    GENERIC_WORDS,
    Candidate,
    TokenIndex,
    place_prefixes,
    plan_aim,
    starts_with_place,
)
from innoatlas.extract.entities.patterns import pattern
from innoatlas.lexicon.bodies import central_bodies
from innoatlas.lexicon.divisions import is_lab_tier, load_divisions
from innoatlas.lexicon.industries import load_industries, national_accounts_sectors
from innoatlas.lexicon.prefixes import leading_name
from innoatlas.lexicon.programmes import unlisted_programmes
from innoatlas.lexicon.suffixes import load_suffixes, suffix_type, trade_words
from innoatlas.lexicon.zones import economic_region_names, load_zones, zone_names

# 四大基地, 三个基地: a count before a kind (N大, N个) names a set of bodies; 一座科学城, 两座
# 数据中心: a count and the measure word of buildings and towns, a description.
_COUNTED_SET = re.compile(r"[一二三四五六七八九十两\d]+(?:大|个|個|座)")
# 建成省级农业科技园区8个: a kind of zone or body followed by its count is a category.
_COUNTED_KIND = pattern("counted_kind").trigger
_COUNTABLE_TYPES = frozenset({"zone", "platform", "institute", "enterprise", "investor", "university"})


def counted_kind(norm: str, c: Candidate) -> bool:
    if c.type == "zone" and _placed_zone(norm[c.start : c.end]):
        return False  # 颍上县1个、某市经开区2个: each place's count, the zone named by its place
    return c.type in _COUNTABLE_TYPES and _COUNTED_KIND.match(norm, c.end) is not None


# The kinds of a development zone a place names one of (某市经开区, 某县高新区): a place has one.
_ONE_PER_PLACE = ("经开区", "高新区", "经济技术开发区", "高新技术产业开发区", "综保区", "综合保税区")


def _placed_zone(name: str) -> bool:
    kind = next((k for k in _ONE_PER_PLACE if name.endswith(k)), None)
    return kind is not None and name[: -len(kind)] in place_prefixes()


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first (titles before all), without overlaps; returned in text order."""
    order = sorted(candidates, key=lambda c: (c.priority < 100, -(c.end - c.start), -c.priority, c.start))
    taken = bytearray(max((c.end for c in candidates), default=0) + 1)
    chosen = []
    for c in order:
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


_LEVEL_PREFIX = re.compile(
    r"^([一二三四五六七八九十\d]星级|[A-Z]{1,5}级|国家级|国家|省部级|省级|市级|区级|县级|省|市|区|县)"
)


_GRADE = re.compile(r"(?:国家|省|市|区|县)级")
_NATION = re.compile(r"^(?:中国|全国|我国)(?=国家级|[省市区县]级)")


def _is_category(name: str) -> bool:
    """国家重点实验室, 四川省重点实验室, 国家级高新区: a kind of body, not a name."""
    cats = load_suffixes().categories
    if name in cats:
        return True
    if _LEVEL_PREFIX.sub("", name) in load_suffixes().level_categories and _LEVEL_PREFIX.match(name):
        return True  # 省实验室, 市级实验室: a tier of the system; 广州实验室 is one laboratory
    rest = name
    place = leading_name(rest, place_prefixes(), MAX_PLACE_PREFIX_CHARS, keep=0)
    if place is not None:
        rest = rest[len(place) :]
        found = suffix_type(rest)
        if found is not None and found[1] in _NAMED_BY_PLACE and not _GRADE.match(rest):
            return False  # 某县开发区, 某县政府: the one body of that place; 中国|省级经开区 is a grade
    rest = _LEVEL_PREFIX.sub("", _NATION.sub("", rest))  # 中国省级经开区: the grade of zones nationwide
    # 共享|国家重点实验室: generic words before a category still name a category
    return rest in cats or (
        rest.endswith(_long_categories())
        and any(rest.endswith(c) and all_generic(rest[: -len(c)]) for c in _long_categories())
    )


@functools.cache
def _long_categories() -> tuple[str, ...]:
    return tuple(c for c in load_suffixes().categories if len(c) >= 3)


# Kinds of which a place has just one, so place + kind names it (某县开发区, 某县政府),
# unlike 四川省重点实验室 (one of many).
_NAMED_BY_PLACE = frozenset({"zone", "government"})
# The longest place a category is read to open with (四川省重点实验室).
MAX_PLACE_PREFIX_CHARS = 9


def merge_regions(norm: str, chosen: list[Candidate]) -> list[Candidate]:
    """Join a province or city written right before a place in it (四川宜宾, 重庆潼南区)."""
    out: list[Candidate] = []
    last_piece: dict[int, int] = {}  # start of a merged name -> start of its last place (湖北武汉|江夏区)
    for c in chosen:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == c.start
            and prev.type == "region"
            and c.type in ("region", "zone")
            and _is_upper_division(norm[last_piece.get(prev.start, prev.start) : prev.end])
        ):
            last_piece[prev.start] = c.start
            # 某市|滨湖会展区, 北京|中关村: a zone takes its city along, as a county does
            out[-1] = Candidate(
                prev.start,
                c.end,
                c.type,
                c.extractor if c.type == "zone" else "gazetteer",
                prev.priority,
                prev.confidence,
            )
            continue
        out.append(c)
    return out


@functools.lru_cache(maxsize=1)
def _upper_divisions() -> frozenset[str]:
    names = set()
    for d in load_divisions().values():
        if d.level in ("province", "city"):
            names.add(d.name)
            if d.short:
                names.add(d.short)
    return frozenset(names)


def _is_upper_division(text: str) -> bool:
    return text in _upper_divisions()


# 环大学 (around the universities) is a place word, not a university.
_AROUND_UNIVERSITY = re.compile(r"^.?环(大学|高校)$")
# Suffix words of these kinds name nothing on their own (综合保税区, 科技园).
_BARE_SUFFIX_TYPES = frozenset({"zone", "platform", "institute", "university", "enterprise", "investor"})


# Words that point back to or quantify a set (以上, 上述, 各类, 各, 多数): with a generic head
# they refer to things named elsewhere, not to one named thing.
_DETERMINER = re.compile(
    r"^(以上|上述|前述|相关|有关|各类|各种|各个|各|其他|其它|这些|那些|此类|该类|所属|下属|众多|诸多"
    r"|大多数|多数|少数|部分|全部|所有|一些|若干|其余)"
)
# A slogan or model joins words with plus signs (高校+企业+基金, 链主+配套).
_PLUS = re.compile(r"[+＋]")
# A plus-joined part this short or generic is a role word, not a name.
MAX_ROLE_PART_CHARS = 2


def _generic_head(text: str) -> bool:
    """创新平台, 研发机构, 龙头企业: words that name a kind, not a thing."""
    if not text or text in GENERIC_WORDS or text in load_suffixes().generic or _is_category(text):
        return True
    return all_generic(text)


def quantified_kind(norm: str, c: Candidate) -> bool:
    """各|大园区, 各|新区: 各 ("each") quantifies a kind of thing, never a name."""
    return c.start > 0 and norm[c.start - 1] == "各"


# Words of grade before a kind of body (高水平中试平台, 多层次创新平台, 高标准实验室), a count
# of such bodies (5家中试平台), or 在 and a province's one-character name (在豫国家重点实验室:
# the national key laboratories in Henan): a description of a kind, no body's name.
_GRADE = re.compile(r"(?:高水平|高质量|高标准|高水准|高级别|高能级|多层次|\d+[家个所座])")
_IN_PROVINCE = re.compile(r"在[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵滇云藏陕秦甘陇青宁新]")


def described_kind(norm: str, c: Candidate) -> bool:
    """高|水平中试平台, 5家中试平台, 在|豫国家重点实验室: a grade, count or province and a kind."""
    if c.type not in ("platform", "institute", "zone"):
        return False
    for back in (0, 1):  # the grade word may start inside the name or a character before it
        start = c.start - back
        grade = _GRADE.match(norm, max(start, 0), c.end)
        if start >= 0 and grade is not None and _generic_head(norm[grade.end() : c.end]):
            return True
    place = _IN_PROVINCE.match(norm, max(c.start - 1, 0), c.end)
    return c.start > 0 and place is not None and _generic_head(norm[place.end() : c.end])


def _determiner_generic(name: str) -> bool:
    """以上创新平台, 上述企业, 各类研发机构: a determiner before a generic head."""
    hit = _DETERMINER.match(name)
    return hit is not None and _generic_head(name[hit.end() :])


# 一区多园, 一区三园, 一区两中心: how a zone is laid out (one zone, several parks), no programme.
_LAYOUT = re.compile(r"[一两二三四五六七八九十]区[一两二三四五六七八九十多]+(?:园|中心|片区?|基地|组团)")


def _model_slogan(name: str) -> bool:
    """高校+企业+基金, 链主+优质配套: every plus-joined part is a role word."""
    parts = [p for p in _PLUS.split(name) if p]  # a trailing plus joins nothing (人工智能+)
    if len(parts) < 2:
        return False
    return all(len(p) <= MAX_ROLE_PART_CHARS or _generic_head(p) for p in parts)


# Types of names read the same way wherever they are written in one text: a
# firm's short name listed in one sentence is that firm in the next one too.
_ONE_SENSE_TYPES = frozenset(
    {"enterprise", "university", "institute", "zone", "platform", "investor", "government"}
)
# Shorter names are often words too (中科, 长安): they are not carried over.
MIN_ONE_SENSE_CHARS = 3


def seat_in_name(norm: str, c: Candidate) -> bool:
    """某某(上海)科技: a city in brackets between name characters is the seat a firm writes
    into its registered name, no place the text speaks of."""
    if c.type != "region" or c.start < 2 or c.end + 1 >= len(norm):
        return False
    before = suffix_type(norm[max(0, c.start - 1 - MAX_ZONE_SUFFIX) : c.start - 1])
    return (
        norm[c.start - 1] == "("
        and norm[c.end] == ")"
        and "\u4e00" <= norm[c.start - 2] <= "\u9fff"
        and "\u4e00" <= norm[c.end + 1] <= "\u9fff"
        and (before is None or before[1] != "zone")  # 某高新区(某某区)绿电园: where the zone lies
    )


MAX_ZONE_SUFFIX = 6

# Organisations whose names a person's may open (李宁体育), but never a person acting.
_ORG_TYPES = frozenset({"government", "enterprise", "institute", "platform", "investor", "zone"})


# Titles of office before a person's name (县长某某, 党委书记某某).
_OFFICE_TITLE = re.compile(r"(?:长|书记|主任|主席)$")


# 副厅长某某出席会议: the clause of an official at a meeting is read as the meeting's name too.
_ACTING_TYPES = _ORG_TYPES | {"program"}


def person_acting(ix: TokenIndex, c: Candidate) -> bool:
    """县长某某作政府(工作报告): an official, a name and a verb inside a span make a clause,
    not a body's or a meeting's name."""
    if c.type not in _ACTING_TYPES or c.start >= len(ix.pos_token):
        return False
    k = max(ix.pos_token[c.start], 0)
    while k < len(ix.tokens) - 2 and ix.tokens[k + 2].end <= c.end:
        title, person, verb = ix.tokens[k : k + 3]
        if (
            _OFFICE_TITLE.search(title.text)
            and person.tag == "PER"
            and verb.tag == "v"
            and title.start >= c.start
        ):
            return True
        k += 1
    return False


# 产业立县, 工业强县, 文旅富县: a four-character slogan of a field and a verb of making
# a place prosper (立, 强, 兴, 富) ends in the level of that place, which is no county
# of its own (兴县 of Shanxi is one only after a place: 山西兴县).
_SLOGAN_PLACE = re.compile(r"[\u4e00-\u9fff]{2}[立强兴富][县市省区]")
_SLOGAN_END = frozenset("、”，,。;；")


def slogan_place(norm: str, c: Candidate) -> bool:
    """教育兴县、文旅富县: the verb and level word of a slogan read as a county's name."""
    if c.type != "region" or c.end - c.start > 3 or c.end < 4:
        return False
    window = norm[c.end - 4 : c.end]
    return (
        c.start > c.end - 4
        and _SLOGAN_PLACE.fullmatch(window) is not None
        and not starts_with_place(window)
        and norm[c.end : c.end + 1] in _SLOGAN_END
    )


def other_occurrences(norm: str, chosen: list[Candidate]) -> list[Candidate]:
    """Every other place the text writes a kept organisation or zone name.

    A text means one thing by one name: 某某新材料 read as a firm in a list
    is that firm where another sentence writes it again, not the industry
    新材料 inside it; a short name declared for a university (以下简称“某某”)
    is that university before any word glued to it.
    """
    names: dict[str, Candidate] = {}
    for c in chosen:
        name = norm[c.start : c.end]
        if c.type in _ONE_SENSE_TYPES and len(name) >= MIN_ONE_SENSE_CHARS and keep_name(name, c):
            names.setdefault(name, c)
    return [
        Candidate(m.start(), m.end(), c.type, c.extractor, c.priority, c.confidence)
        for name, c in names.items()
        for m in re.finditer(re.escape(name), norm)
    ]


def honorific(norm: str, c: Candidate) -> bool:
    """中国科学院院士某某: an academy before 院士 is a person's title, not an actor of the story."""
    return norm.startswith(HONORIFIC_AFTER, c.end)


HONORIFIC_AFTER = ("院士", "外籍院士")


# The words that make a 公园 a place of firms or research (某某科技公园, 某某产业公园).
_WORK_PARK = re.compile(
    r"智慧|创新|科技|科学|科创|产业|医药|生物|数字|软件|智能|信息|文创|创意|工业|经济|总部|研发"
)


def keep_name(name: str, c: Candidate) -> bool:
    if c.extractor in ("acting_body", "bare_zone"):
        return True  # 省政府印发, 经开区 on its own: the level or the kind alone names the body
    if len(name) < MIN_NAME_CHARS or name in load_suffixes().generic or name in unlisted_programmes():
        return False
    if _is_category(name) and c.extractor != "designation":
        return False  # 获评|国家级绿色工厂: a category conferred as a title is the title's name
    if c.type in _COUNTABLE_TYPES and _COUNTED_SET.match(name):
        return False  # 四大基地, “三谷”园区, 五大创新中心: a count of a kind names a set, no one body
    if _AROUND_UNIVERSITY.match(name) or load_suffixes().suffixes.get(name) in _BARE_SUFFIX_TYPES:
        return False
    if c.extractor != "suffix" and plan_aim(name):
        return False  # 打造金融科技集聚区: what an area is to become (the suffix rule reads the tags)
    if name.endswith(("公园", "公園")) and not _WORK_PARK.search(name[:-2]):
        return False  # 某某公园, 江滨公园: a public park; 某某智慧公园, 某某科技公园 are places of work
    if name.endswith(load_suffixes().status_heads):
        return False  # 某市A股上市公司: a set of firms by their status, no firm's name
    if name.endswith(COMMON_JU_WORDS):
        return False  # 战略布局, 发展格局: 局 ends an ordinary word here, not a bureau
    if c.extractor != "vocabulary" and name in GENERIC_WORDS or _effort_adverb(name):
        return False
    if c.extractor == "lac" and _QUALITY.search(name):
        return False  # 企业|核心竞争力: the tagger's ORG ending in a capacity names no body
    if _determiner_generic(name) or _model_slogan(name) or is_kind_only(name) or _LAYOUT.fullmatch(name):
        return False  # 各新区, 高校+企业+基金, 并购母基金: a kind, not a name
    if c.type == "industry" and _SCOPE_WORD.sub("", name) in national_accounts_sectors():
        return False  # 第三产业, 全县服务业: a sector of the national accounts, no industry of anyone's
    if _LEVEL_ONLY_BODY.fullmatch(name):
        return False  # 在县委的坚强领导下, 县人大、县政协, 市委市政府: bodies by their level alone
    if _OUTLET.search(name):
        return False  # 某某日报报业集团主办, 来源:某某科技报: outlets are not actors (ANNOTATION.md)
    if name.startswith("的") or "的" in name and c.type not in _DE_NAME_TYPES:
        return False  # 中国唯一的科技城, 柳州的高端装备制造: a description, no name
    if c.type == "enterprise" and suffix_type(name) is None and _opens_with_industry(name):
        return False  # 新能源汽车配件, 新能源充电桩: a trade and its product, no firm's trade name
    if _KIND_OWNER.match(name) and name[_KIND_OWNER.match(name).end() :] in load_suffixes().suffixes:
        return False  # 公司研发中心, 集团研究院: the unit of a body the text names by its kind only
    if name.endswith(_DEVICE) and not _RESEARCH_DEVICE.search(name) and c.extractor != "gazetteer":
        return False  # 某某弹性体装置, 船舶动力装置: a plant's unit or a product, no research facility
    return not re.fullmatch(r"[\d\W_]+", name)


# A plan named only by whose or when it is, and how it is drawn up.
_BARE_PLAN = re.compile(r"(?P<owner>.+?)(?:总体|总|整体|高标准|高起点|产业|空间|建设|工作)?(?:规划|计划)")
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d年(?:度)?")
_AREA_END = re.compile(r"(?:省|市|县|区|新区|园|园区|工业园|产业园|开发区|高新区|经开区|基地)$")


def hides_a_place(norm: str, c: Candidate) -> bool:
    """A programme candidate that is a place's or a year's plan (某市规划, 2016年规划), or a body
    read from an ordinary word in 局 (某市布局): dropped before the choice, so the place itself
    stays a name."""
    name = norm[c.start : c.end]
    return c.type == "program" and _plan_of_place(name) or name.endswith(COMMON_JU_WORDS)


def _plan_of_place(name: str) -> bool:
    """长春市规划, 某工业园计划, 某新区高标准规划, 2016年规划: the plan of a place or a year, a
    common noun after the owner's name; a plan named by its field (某市海洋经济发展规划) or a
    title of its own (某某行动计划) is a programme."""
    found = _BARE_PLAN.fullmatch(name)
    if found is None:
        return False
    owner = found["owner"]
    return bool(_YEAR_ONLY.fullmatch(owner) or owner in division_names() or _AREA_END.search(owner))


def drop_won_award(norm: str, c: Candidate) -> Candidate:
    """某市获奖(项目), 某领域获奖: 获奖 (winning an award) is a verb and its object after the
    subject that won, no part of a name; a place before it stays the place, anything else goes."""
    if not norm.endswith(_WON_AWARD, c.start, c.end):
        return c
    end = c.end - len(_WON_AWARD)
    if norm[c.start : end] not in division_names():
        return dataclasses.replace(c, end=c.start)  # 某领域获奖, 2008年度获奖: no name at all
    return dataclasses.replace(c, end=end, type="region")


_WON_AWARD = "获奖"
# An industry term this long opening a name (新能源|汽车配件) is the trade itself; a firm opens with
# its trade name (企业名称登记管理规定, 2020: 字号 + 行业 + 组织形式), which a suffix would then close.
MIN_OPENING_TERM_CHARS = 3


def _opens_with_industry(name: str) -> bool:
    terms = load_industries()[0]
    return any(name[:k] in terms for k in range(MIN_OPENING_TERM_CHARS, len(name) + 1))


# A 装置 is a platform when it is a facility of research (超瞬态实验装置, 某某聚变装置, the big
# science facilities of 国家重大科技基础设施建设中长期规划, 2013); a plant's production unit or a
# product is named by what it makes or does (某某装置 of a chemical plant).
# A kind word for the body a text is about, standing for its name (公司研发中心: the company's).
_KIND_OWNER = re.compile(r"(?:该|本|其)?(?:公司|集团|企业|学校|高校|园区|医院)")
_DEVICE = "装置"
_RESEARCH_DEVICE = re.compile(r"实验|试验|科学|研究|观测|测量|模拟|光源|聚变|能源|物理|探测")


# 全县, 全市, 我省: the whole area a figure is counted over, written before a sector.
_SCOPE_WORD = re.compile(r"^[全我本][省市县区州旗]")


# Only the titles of documents and meetings (关于…的意见, 党的二十大) and a few firms' trade
# names (美的) hold the particle 的; a place, zone, body or industry written with it is described.
_DE_NAME_TYPES = frozenset({"program", "enterprise"})


# The kinds of news outlet a page names in its masthead, source line or credits.
# A paper is named by its kind of paper (都市报, 快报, 政协报 …); a news app or portal by 新闻 or
# 财经 at its end (封面新闻, 上游新闻, 新华财经): no actor ends in these words.
_OUTLET = re.compile(
    r"(?:日报|晚报|晨报|早报|都市报|快报|时报|周报|导报|商报|政协报|财经报|科技报|报社|报业集团|报集团"
    r"|电视台|广播电台|新闻网|通讯社|新闻社|杂志社|融媒体中心|新闻|财经)$"
)


# The party committee, government, congress and conference of a county, district, town or
# banner written with the level word alone, as a work report's formulas name them; a province's
# or city's (省政府, 市政府) is read as that body where the text's place is known, but not the
# pair of its committee and government said as one (省委省政府, 市委市政府: two bodies, named
# by neither) nor its congress and conference (市人大常委会, 市政协), which a text names only in
# its formulas; nor a province's party committee by its level alone (省委, 省委、省政府高度重视),
# which the annotators leave out as a formula and list by its place (某省委).
_LEVEL_ONLY_BODY = re.compile(
    r"[县区乡镇旗]?(?:委|人民政府|政府|人大常委会|人大|政协|纪委)"
    r"|[省市县区]委[省市县区](?:人民)?政府|[省市](?:人大常委会|人大|政协)|省委"
)


# 三城两带一区, 一园一策一专班: counted groups of places or tasks name a plan's layout, not a place.
_COUNTED_SLOGAN = re.compile(r"(?:[一二两三四五六七八九十百千万多\d]+[\u4e00-\u9fff]{1,4}?){2,}")
_SLOGAN_COUNT = re.compile(r"[一二两三四五六七八九十百千万多\d]")


def _counted_slogan(name: str) -> bool:
    return (
        _COUNTED_SLOGAN.fullmatch(name) is not None
        and _SLOGAN_COUNT.match(name) is not None
        and len(_SLOGAN_COUNT.findall(name)) >= 2
    )


# The parts a zone is divided into: its compass areas and its planned core or extension.
_SUB_AREAS = ("东区", "西区", "南区", "北区", "核心区", "拓展区", "功能区")


def _zone_sub_area(name: str) -> bool:
    tail = next((t for t in _SUB_AREAS if name.endswith(t)), None)
    if tail is None:
        return False
    inner = suffix_type(name[: -len(tail)])
    return inner is not None and inner[1] == "zone"


# The N best of a ranking (百强, 十强, 50强) make a name the ranking's title or list.
_RANKING_TITLE = re.compile(r"(?:[一二三五十百千]|\d+)强")
# Nouns of a capacity or level (核心竞争力, 创新能力, 发展水平) end no organisation's name.
_QUALITY = re.compile(r"(?:竞争力|能力|实力|水平|影响力|创新力|生产力|动力|活力)$")
# A level's people's congress and political consultative conference by the short names
# the press gives them (县人大, 市政协, 全国人大常委会; 地方组织法, 政协章程).
_ASSEMBLY = re.compile(r"(?:人大|政协|人大常委会)$")


# An innovation centre is a platform (国家技术创新中心, 科技部 2020; 国家制造业创新中心,
# 工业和信息化部 2016; 国家产业创新中心, 国家发展改革委 2018), unless a university or an
# academy runs it under its own name: then it is that body's R&D branch (某大学重庆创新中心).
_CENTRE = "创新中心"
_ACADEMIC_PARENT = re.compile(r"大学|学院|交大|科学院|中科|研究院|研发")


# A centre of a State Council department (部属事业单位: 科技部火炬中心, 教育部科技发展中心) acts for
# the ministry; one that researches, evaluates or tests (某部某某检测中心) is an institute's kind.
MAX_BODY_CHARS = 12  # the longest written name of a central body
_RESEARCH_WORDS = re.compile(r"研究|评估|检测|测试|实验|试验|计量|监测")


def _ministry_centre(name: str) -> bool:
    if not name.endswith("中心"):
        return False
    body = leading_name(name, central_bodies(), MAX_BODY_CHARS, keep=3)
    return body is not None and not _RESEARCH_WORDS.search(name[len(body) :])


# A park named by the level that confers it and its class alone (国家级绿色工业园区, 自治区级化工
# 园区, 全国纺织产业转移试点园区) is the title parks are given, not a park of its own name.
_LEVEL_PARK_TITLE = re.compile(
    r"^(?:(?:19|20)\d\d年度?)?(?:国家级|省级|自治区级|市级|县级|全国|国家)[^\s,，。;；、]{0,20}园区$"
)


# The roles the national plans give places (“十四五”规划纲要, 2021: 北京、上海、粤港澳大湾区国际科技
# 创新中心; 成渝 具有全国影响力的科技创新中心; 西部科技创新中心; 区域科技创新中心; and 上海
# 具有全球影响力的科技创新中心 of the State Council's plan for it, 国发〔2016〕23号).
_STRATEGIC_CENTRE = re.compile(r"(?:国际|区域|全国影响力的|全球影响力的|西部|东部|中部)科技创新中心$")
_INNOVATION_CENTRE = "科技创新中心"


def _strategic_centre(name: str) -> bool:
    """A place's role (某省区域科技创新中心, 粤港澳大湾区国际科技创新中心), not a body named so
    (某研究所科技创新中心 is a platform)."""
    if not name.endswith(_INNOVATION_CENTRE):
        return False
    stem = name[: -len(_INNOVATION_CENTRE)]
    return bool(_STRATEGIC_CENTRE.search(name)) or stem in _places()


@functools.cache
def _effort_adverb(name: str) -> bool:
    """聚力, 某县聚力 (某县聚力攻坚…): an adverbial of effort, alone or after the place it follows."""
    return any(name.endswith(w) and (name == w or name[: -len(w)] in _places()) for w in EFFORT_ADVERBS)


def _places() -> frozenset[str]:
    return division_names() | economic_region_names()


def _trade_only(name: str) -> bool:
    """生物|制药, 智能|科技: a firm's registered name puts its own trade name (字号) before its
    trade (企业名称登记管理规定, 2020: 行政区划 + 字号 + 行业 + 组织形式); a name made of two trade
    words and nothing else names the trade, an industry."""
    words = trade_words()
    return any(name[:k] in words and name[k:] in words for k in range(1, len(name)))


# Short names of research institutes: a ministry's or a group's numbered institute (工信部五所,
# 某集团第十研究所 -> 十所, 608所) and an institute of the Chinese Academy of Sciences by the
# academy's short name and its own (中国科学院研究机构: 中科院某某所, 中科院某某院).
_INSTITUTE_SHORT = re.compile(r"(?:[一二三四五六七八九十百\d]+所|^(?:中科院|中国科学院).+[所院])$")


# The country by its name: a region (ANNOTATION.md lists the whole country as one place).
NATION_NAMES = frozenset({"中国", "中华人民共和国"})


def final_type(name: str, c: Candidate, when) -> str:
    if name in NATION_NAMES:
        return "region"  # 中国 tagged ORG before a noun (中国光伏组件产量…) is still the country
    if _counted_slogan(name) and name not in zone_names():
        return "program"
    if _RANKING_TITLE.search(name):
        return "program"  # 全国百强县, 中国工业百强区, 百强园区: a ranking's title, whatever its kind word
    if _LEVEL_PARK_TITLE.match(name) and name not in zone_names():
        return "program"  # 国家级化工园区, 省级特色园区: the title of a class of parks, no one park
    if is_lab_tier(name):
        return "program"  # 湖北实验室, 浙江省实验室: a province's tier of laboratories, no one lab
    if _strategic_centre(name):
        return "program"  # 北京国际科技创新中心, 西部科技创新中心: a place's role in the national plans
    if c.type == "enterprise" and c.extractor != "alias" and _trade_only(name):
        return "industry"  # 生物制药, 智能科技: a trade with no trade name of a firm before it
    canonical = zone_names().get(name)
    if canonical is not None:
        return load_zones()[canonical].type_at(when)
    if c.extractor in ("title", "quoted", "quoted_named", "vocabulary", "designation"):
        return c.type
    if c.type == "region" and _zone_sub_area(name):
        return "zone"  # 某高新区东区, 某新区核心区: a part of a zone, not a division
    found = suffix_type(name)
    if _ministry_centre(name):
        return "government"  # 科技部火炬中心: a ministry's centre runs the ministry's programmes
    if found is not None and found[0] == _CENTRE and not _ACADEMIC_PARENT.search(name[: -len(_CENTRE)]):
        return "platform"  # 国家机器人创新中心, 某某技术创新中心: a platform of the national lists
    if found is not None and c.extractor != "gazetteer":
        return found[1]
    if c.extractor == "lac" and name in division_names():
        return "region"  # the tagger's ORG 重庆 is the city
    if c.extractor == "lac" and c.type == "enterprise" and _INSTITUTE_SHORT.search(name):
        return "institute"  # 工信部五所, 中科院某某所: a research institute by its short name
    if c.extractor == "lac" and _ASSEMBLY.search(name):
        return "government"  # the tagger's ORG 县人大, 全国政协: a congress or a consultative conference
    return c.type


# 授予A、B等称号: the titles a list closed by 称号 or 荣誉 names are honours, whatever their suffix.
_HONOUR_AFTER = re.compile(
    r"[”\"」》]?(?:等)?(?:[\d一二两三四五六七八九十多]+[项个块])?(?:国家级|省级)?(?:荣誉)?(?:称号|荣誉|牌子)"
)
_TITLE_SEPARATOR = re.compile(r"[”\"」》]?(?:[、和及]|以及)[“\"「《]?")
# The kinds of body a title of an area or a base is mistaken for.
_TITLE_LIKE_TYPES = frozenset({"zone", "platform"})


def honour_titles(norm: str, chosen: list[Candidate]) -> list[Candidate]:
    """Retype as programmes the areas and bases of a list of titles a body holds (获得国家新型
    火炬特色产业基地、某省数字经济示范园等称号): honours conferred, not places or platforms."""
    out = list(chosen)
    for i in range(len(out) - 1, -1, -1):
        c = out[i]
        if not _HONOUR_AFTER.match(norm, c.end):
            continue
        j = i
        while j >= 0 and (j == i or _TITLE_SEPARATOR.fullmatch(norm, out[j].end, out[j + 1].start)):
            if out[j].type in _TITLE_LIKE_TYPES:
                out[j] = dataclasses.replace(out[j], type="program", extractor="designation")
            j -= 1
    return out
