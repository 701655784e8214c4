"""The number grammar: numerals, multipliers, units and qualifiers.

`parse_number` (numerals.py) reads one numeral (Arabic with separators and
decimals, Chinese, or mixed like 1.6万 and 1.35万亿). `find_quantities` scans a
normalised text (simplified, NFKC) for quantities: a numeral with its
approximation words, multiplier and unit, plus the special forms
(百分之…, 三分之一, 三成, 一半, 翻一番, 第N位, 前三, 十强, TOP30), and leaves
out what is not a quantity (dates, durations, ordinals of names, N大
groupings, size labels like 千亿级, numbers inside names like M7 or 5G).

cn2an reads plain Chinese numerals well but fails on 一千二百余, 1.6万亿 and
shares, so the numeral reader here is our own (the tests check it against
cn2an.an2cn round trips).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

import yaml

from innoatlas.extract.indicators.cues import cue
from innoatlas.extract.indicators.numerals import (  # noqa: F401  (parse_number is read here by tests)
    APPROX_TAIL,
    ARABIC,
    CN_NUM,
    MULTIPLIERS,
    NumberFormatError,
    as_float,
    parse_chinese,
    parse_number,
)


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text; spans are offsets into that text."""

    start: int  # first character, approximation words included
    end: int
    num_start: int  # the numeral itself
    num_end: int
    value: float  # the number as written, multipliers left in the unit
    unit: str  # as written: 亿元, 万家, %, 个百分点, 位, 倍, 番, ''
    approx: str  # exact, over, about, under
    form: str  # count, percent, points, fraction, multiple, rank, doubling
    high: float | None = None  # upper end of a range (10—20家)

    @property
    def value_base(self) -> float:
        return fold_unit(self.value, self.unit)[0]

    @property
    def base_unit(self) -> str:
        return fold_unit(self.value, self.unit)[1]


def fold_unit(value: float, unit: str) -> tuple[float, str]:
    """(value with the 千/万/亿 of the unit folded in, unit without them)."""
    if unit in ("个百分点", "百分点"):
        return value, unit
    if unit.startswith(TRILLION) and unit_groups().get(unit) == "currency":
        return as_float(Decimal(str(value)) * 10**12), unit[len(TRILLION) :]  # 0.82兆元 (Taiwan)
    for mult in MULTIPLIERS:
        if unit.startswith(mult) and len(unit) > len(mult) or unit == mult:
            rest = unit[len(mult) :]
            inner, rest = fold_unit(value, rest) if rest[:1] in "万亿千" and rest else (value, rest)
            return as_float(Decimal(str(inner)) * MULTIPLIERS[mult]), rest
    return value, unit


# 兆 before a currency: 10^12 as Taiwan and Hong Kong write it (units.yaml lists 兆元 and its like).
TRILLION = "兆"


@functools.lru_cache(maxsize=1)
def load_units() -> dict[str, list[str]]:
    text = resources.files("innoatlas.data").joinpath("units.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@functools.lru_cache(maxsize=1)
def unit_groups() -> dict[str, str]:
    return {u: group for group, units in load_units().items() if group not in _NOT_UNIT_GROUPS for u in units}


# Entries of units.yaml that are no groups of units.
_NOT_UNIT_GROUPS = frozenset({"idioms", "nouns_after_unit"})


def _opens_noun(text: str, end: int, unit_word: str) -> bool:
    """千亿台阶, 千人计划, 20个足球场: the unit's character opens a noun (units.yaml nouns_after_unit)."""
    return text.startswith(tuple(load_units()["nouns_after_unit"].get(unit_word, ())), end)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# 十六届人大, 十四届全国人大常委会: the body whose term a number of 届 counts.
_TERM_BODY = re.compile(
    r"(?:全国|省|市|县|区)?(?:人大|政协|党代会|人民代表大会|代表大会|委员会|中央|全会|会议|常委会)"
)
# 高达 and 多达 (as high as, as many as) stress the size of a value they state exactly.
APPROX_BEFORE = {
    # a verb of passing a threshold (迈上2000亿台阶, 跨越5000亿) says more than it, as 突破 does
    "over": (
        "不少于",
        "不低于",
        "至少",
        "超过",
        "超出",
        "逾",
        "突破",
        "超",
        "破",
        "迈上",
        "迈入",
        "迈过",
        "跨入",
        "跨越",
        "跨上",
        "站上",
        "登上",
        "跃上",
    ),
    "about": ("将近", "接近", "大约", "约合", "近乎", "约", "近"),
    "under": ("不到", "不足", "不超过", "少于", "未满"),
}
# Approximation words that also end a common word: 签约 (signing), 节约, 合约, 预约, 制约,
# 公约, 条约, 契约, 邀约, 履约, 特约 and 最近, 附近, 临近, 就近, 靠近 are no approximation.
WORD_ENDS = {"约": "签节合预制公条契邀履特", "近": "最附临就靠"}
# 上百, 过千, 过半: only before a round Chinese numeral.
APPROX_BEFORE_ROUND = ("上", "过")
APPROX_AFTER = {
    "over": ("以上", "之上"),
    "about": ("左右", "上下", "前后"),
    "under": ("以内", "以下", "之内"),
}
RANK_VERBS = (
    "位居",
    "位列",
    "名列",
    "排名",
    "排在",
    "稳居",
    "跃居",
    "跻身",
    "进入",
    "蝉联",
    "保持",
    "居",
    "列",
    "排",
    "入选",
)
SIZE_LABEL_HEADS = "级"
# Threshold classes like 超10亿元企业 and 20~50亿元项目 describe a group, not a figure.
THRESHOLD_HEADS = re.compile(r"的?(?:企业|项目|公司|工程|园区|产业|集群|规模以上)")
# 5亿元以上签约项目, 超10亿元的重大项目: a word or two may qualify the class after a threshold.
THRESHOLD_CLASS = re.compile(r"的?[\u4e00-\u9fff]{0,3}?(?:企业|项目|公司|工程|园区|产业|集群|规模以上)")
# 超七成项目, 、两成电池, ；七成企业实施…: a share in 成 before a noun, after an approximation, a
# list mark or at the head of a clause (the noun is what it is a share of).
SHARE_BEFORE_RE = re.compile(r"(?:超|近|约|逾|过|超过|将近|、|[，,；;。：:]|^)$")
# Words that begin with 成 (成立, 成果, 成都...): after a number they are no share.
CHENG_WORD_RE = re.compile(r"[立为果本员效功交长熟都品型就绩分渝套批片色像器材群形活全败不]")
# 分列第三和第六: ranks joined in a list are ranks each.
RANK_LIST_JOINS = ("和", "及", "与")
PUNCT = set(",.;:!?，。；：！？、\n\r\t ）)”\"'》」】")


# Announcements and typeset pages put a space between a number and its unit (总投资 5 亿元,
# 企业3200 余家): one space may stand there. Speech puts 个 before a multiplier (450个亿).
GAP = "[ ]?"


@functools.lru_cache(maxsize=1)
def _patterns() -> re.Pattern:
    units = _alternation(unit_groups())
    # 每5台空调有1台 is a share of items; 每50秒就有一台 a rate in time, read as its figures
    items = _alternation(u for u, group in unit_groups().items() if group != "time")
    mult = _alternation(MULTIPLIERS)
    num = rf"(?:{ARABIC}|{CN_NUM})"
    return re.compile(
        rf"(?P<pct>百分之(?P<pct_n>{num}))"
        rf"|(?P<permil>千分之(?P<permil_n>{num}))"
        rf"|(?P<frac>(?P<frac_d>{num})分之(?P<frac_n>{num}))"
        rf"|(?P<per>每(?P<per_d>\d+|[二两三四五六七八九十]+)(?:{items})[^,，。;；]{{0,14}}?有(?P<per_n>\d+|[一二两三四五六七八九十]+)(?:{units}))"
        rf"|(?P<slash>(?<![\d/.])(?P<slash_a>\d+)/(?P<slash_b>\d+)(?![\d/]))"
        rf"|(?P<double>翻(?:了)?(?P<double_n>[一两二三四五六七八九\d]?)(?:番|倍))"
        rf"|(?P<rank>第(?P<rank_n>{num})(?P<rank_u>位|名)?)"
        rf"|(?P<first>居首|首位|榜首|之首|鳌头|拔得头筹|头把交椅)"
        rf"|(?P<top>前(?P<top_n>[一二三四五六七八九十百\d]+)(?P<top_u>位|名|强|甲)?)"
        rf"|(?P<strong>(?P<strong_n>[一二三四五六七八九十百千\d]+)强)"
        rf"|(?P<topx>TOP ?(?P<topx_n>\d+))"
        rf"|(?P<half>一半|过半|半数|近半(?![年月天日个小周])|超半(?![年月天日个小周]))"
        rf"|(?P<tenth>(?P<tenth_n>[一二两三四五六七八九\d])成(?P<tenth_m>[一二三四五六七八九](?![\u4e00-\u9fff\d]|[的以左多])|[一二三四五六七八九](?=[的以左多]))?)"
        rf"|(?P<compound>(?P<cp_a>\d+)亿(?P<cp_b>\d+)(?P<cp_k>千)?万(?P<cp_u>{units})?)"
        rf"|(?P<range>(?P<range_a>{ARABIC})(?P<range_am>{mult})?(?P<range_t>[余多]?)(?:—|－|-|–|~|～|至|到)(?P<range_b>{ARABIC})"
        rf"(?P<range_m>{mult})?(?P<range_u>{units})?)"
        rf"|(?P<plain>(?P<plain_n>{ARABIC}|{CN_NUM})(?:{GAP}(?P<tail1>[余多来]))?(?:{GAP}(?:个(?=亿(?![元级以美])))?(?P<mult>{mult}))?(?P<tail2>[余多])?"
        rf"(?:{GAP}(?P<unit>{units}))?(?P<alt_unit>[（(](?:{units})[）)])?)"
    )


@functools.lru_cache(maxsize=1)
def _idioms() -> re.Pattern:
    # 十分之一 is a share, not the adverb 十分: no idiom ends where 之 follows
    return re.compile(rf"(?:{_alternation(load_units().get('idioms', []))})(?!之)")


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, left to right, without overlaps."""
    text = _LOST_POINT.sub(r"\1.\2", text)  # same length: the offsets stay those of the text
    found = _join_unit_ranges(text, _scan_quantities(text))
    shared = [s for q in found for s in _shared_unit_values(text, q)]
    # a value of a shared-unit run that another reading already holds (第3、5万: the rank's 3) is that reading's
    shared = [s for s in shared if not any(q.start < s.end and s.start < q.end for q in found)]
    return sorted(found + shared, key=lambda q: q.start) if shared else found


# 指数为69 63%, 提高2 06个百分点: a page that lost its decimal points to spaces. Two digits
# after one space, right before a percent or points, are the decimals of the number written
# right after a word (a table's columns stand after spaces, not after words).
_LOST_POINT = re.compile(r"(?<=[\u4e00-\u9fff])(\d{1,3}) (\d{2})(?=%|个百分点|百分点)")


# What joins the two ends of a range (10—20家, 20万元至60万元).
RANGE_JOINS = frozenset(("—", "－", "-", "–", "~", "～", "至"))


def _join_unit_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """20万元至60万元: a range whose unit is written at both ends is one figure, its lower
    bound and more (ANNOTATION.md), as 20至60万元 is; a band of a size class (注册资金500万元
    至1000万元的企业) is none."""
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        low, high = found[i], found[i + 1] if i + 1 < len(found) else None
        if high is None or not _same_unit_range(text, low, high):
            out.append(low)
            i += 1
            continue
        if not _qualifies_noun(text, high.end) and not _next_in(text, high.end, SIZE_LABEL_HEADS):
            out.append(
                Quantity(
                    low.start,
                    high.end,
                    low.num_start,
                    high.num_end,
                    low.value,
                    low.unit,
                    "over",
                    low.form,
                    high.value,
                )
            )
        i += 2
    return out


def _same_unit_range(text: str, low: Quantity, high: Quantity) -> bool:
    return (
        bool(low.unit)
        and low.unit == high.unit
        and low.form == high.form == "count"
        and low.approx == high.approx == "exact"
        and low.high is None
        and high.high is None
        and low.value < high.value
        and text[low.end : high.start] in RANGE_JOINS
        and unit_groups().get(fold_unit(1, low.unit)[1], "") != "time"
    )


# 分别增长9.1、0.3和1.1个百分点, 分别为30、50家: Arabic numbers joined by 、 or 和 before the
# last one share its unit (Chinese writes the unit once for a list of values).
_SHARED_RUN = re.compile(r"(?:(?<![\d.])\d+(?:\.\d+)?(?:[、和及与]|以及))+$")
_SHARED_VALUE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")
_SHARED_FORMS = frozenset({"count", "percent", "points"})


def _shared_unit_values(text: str, q: Quantity) -> list[Quantity]:
    if q.form not in _SHARED_FORMS or not q.unit or q.high is not None or not text[q.num_start].isdigit():
        return []
    run = _SHARED_RUN.search(text, max(0, q.num_start - 40), q.num_start)
    if run is None or run.start() == 0 or not _is_cjk(text[run.start() - 1]):
        return []  # the values follow their verb (增长9.1、0.3…); a line's 5、 numbers a point
    return [
        Quantity(v.start(), v.end(), v.start(), v.end(), float(v.group()), q.unit, "exact", q.form)
        for v in _SHARED_VALUE.finditer(text, run.start(), run.end())
    ]


def _scan_quantities(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    idiom_spans = [(m.start(), m.end()) for m in _idioms().finditer(text)]
    pos = 0
    pattern = _patterns()
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return out
        pos = m.end() if m.end() > m.start() else m.start() + 1
        if any(a <= m.start() < b for a, b in idiom_spans):
            continue
        try:
            q = _read_match(text, m)
        except NumberFormatError:
            q = None
        if q is not None:
            out.append(q)


def _read_match(text: str, m: re.Match) -> Quantity | None:
    for form in (
        "pct",
        "permil",
        "frac",
        "per",
        "slash",
        "double",
        "rank",
        "first",
        "top",
        "strong",
        "topx",
        "half",
        "tenth",
        "compound",
        "range",
    ):
        if m.group(form) is not None:
            return globals()[f"_read_{form}"](text, m)
    return _read_plain(text, m)


def _make(text, start, end, num_start, num_end, value, unit, form, approx=None, high=None) -> Quantity:
    if approx is None:
        approx, start, end = _approx_around(text, start, end)
    return Quantity(start, end, num_start, num_end, value, unit, approx, form, high)


def _approx_around(text: str, start: int, end: int, round_cn: bool = False) -> tuple[str, int, int]:
    """Approximation words right before or after a quantity, and the widened span."""
    if text[start - 1 : start] == " " and start >= 2 and "\u4e00" <= text[start - 2] <= "\u9fff":
        approx, s, e = _approx_around(text, start - 1, end, round_cn)  # 约 5亿元: a typeset space
        if approx != "exact":
            return approx, s, e
    before = text[max(0, start - 3) : start]
    for approx, words in APPROX_BEFORE.items():
        for w in words:
            if before.endswith(w) and not _ends_a_word(before, w):
                return approx, start - len(w), end
    if round_cn and before.endswith(APPROX_BEFORE_ROUND):
        return "over", start - 1, end
    note = _NOTE_AFTER.match(text, end)  # 3亿元(人民币,下同)以上: a note on the unit comes first
    at = note.end() if note else end
    after = text[at : at + 2]
    for approx, words in APPROX_AFTER.items():
        for w in words:
            if after.startswith(w):
                return approx, start, at + len(w)
    return "exact", start, end


_NOTE_AFTER = re.compile(r"[(（][^()（）]{1,10}[)）]")


def _ends_a_word(before: str, w: str) -> bool:
    head = before[-len(w) - 1 : -len(w)]
    return bool(head) and head in WORD_ENDS.get(w, "")


def _read_pct(text, m):
    return _make(
        text, m.start(), m.end(), m.start("pct_n"), m.end("pct_n"), parse_number(m["pct_n"]), "%", "percent"
    )


def _read_permil(text, m):
    return _make(
        text,
        m.start(),
        m.end(),
        m.start("permil_n"),
        m.end("permil_n"),
        parse_number(m["permil_n"]),
        "‰",
        "percent",
    )


def _read_frac(text, m):
    d, n = parse_number(m["frac_d"]), parse_number(m["frac_n"])
    if not d or n > d:
        return None
    return _make(text, m.start(), m.end(), m.start(), m.end(), n / d, "", "fraction")


def _read_per(text, m):
    """每3名…中就有1名 = 1/3."""
    d, n = parse_number(m["per_d"]), parse_number(m["per_n"])
    if not d or n > d:
        return None
    return _make(text, m.start(), m.end(), m.start(), m.end(), n / d, "", "fraction", "exact")


def _read_slash(text, m):
    """1/3 after a word (占全市1/3); not 10/17 on its own (a date) nor a path."""
    a, b = int(m["slash_a"]), int(m["slash_b"])
    prev = text[m.start() - 1 : m.start()]
    if not b or a >= b or not prev or not _is_cjk(prev):
        return None
    return _make(text, m.start(), m.end(), m.start(), m.end(), a / b, "", "fraction")


def _read_double(text, m):
    n = m["double_n"]
    value = parse_number(n) if n else 1.0
    return _make(text, m.start(), m.end(), m.start(), m.end(), value, "番", "doubling", approx="exact")


def _read_rank(text, m):
    """第N位 / 全市第一 is a rank; 第三届, 第二批, 第一方阵 are ordinals; 第三和第六
    lists two ranks."""
    after = text[m.end() : m.end() + 1]
    listed = after in RANK_LIST_JOINS and text[m.end() + 1 : m.end() + 2] == "第"
    if not m["rank_u"] and after and after not in PUNCT and after != "大" and not listed:
        return None
    if not m["rank_u"] and _numbers_a_point(text, m.start()):
        return None
    value = parse_number(m["rank_n"])
    return _make(text, m.start(), m.end(), m.start("rank_n"), m.end("rank_n"), value, "位", "rank", "exact")


def _numbers_a_point(text: str, start: int) -> bool:
    """第三，由某公司牵头…: an ordinal that opens its clause numbers a point of the text;
    a rank follows the verb or the scope it is held in (位居第三, 全省第一)."""
    before = text[start - 1 : start] if start else ""
    return not before or before.isspace() or before in CLAUSE_OPENERS


# What may stand right before an ordinal that numbers a point: nothing, a line break or
# the end of the clause before it.
CLAUSE_OPENERS = frozenset("。；;！!？?：:")


# The scope a rank is held in (排在全县首位); 安全 or 全面 are no scope (把安全放在首位).
_RANK_SCOPE = re.compile(r"全(?:国|球|省|市|区|县|州|盟|镇|行业|世界)")


# 首位 qualifying a noun (首位产业, 做强首位产业链, 城市首位度) names a policy's leading industry or
# a city's primacy, no rank the text reports.
_FIRST_AS_MODIFIER = re.compile(r"(?:产业|度|城市)")


def _read_first(text, m):
    """首位 and 榜首 are ranks after a rank verb or a scope (排在全县首位), not in 放在首位."""
    head = _rank_clause(text, m.start())
    # 百强县之首, 独占鳌头, 拔得头筹, 坐稳头把交椅: first by their own words
    named_first = m["first"] in ("居首", "之首", "鳌头", "拔得头筹", "头把交椅")
    if m["first"] == "首位" and _FIRST_AS_MODIFIER.match(text, m.end()):
        return None  # 本区首位产业, 首位度: the policy terms of a leading industry and a city's primacy
    if (
        not named_first
        and not any(v in head for v in RANK_VERBS + ("荣登", "登上"))
        and not _RANK_SCOPE.search(head)
    ):
        return None
    return _make(text, m.start(), m.end(), m.start(), m.end(), 1.0, "位", "rank", "exact")


# How far back in its clause the verb of a rank may stand (跻身全球市场占有率前三, 位列全国26个
# 光电产业园区“前三甲”, 位居全省县域工业园区榜首): the scope a rank is held in is a noun
# phrase of up to a score of characters.
RANK_VERB_REACH = 20


def _rank_clause(text: str, start: int) -> str:
    """The words of the rank's clause before it, up to RANK_VERB_REACH characters; an aside in
    brackets (居全省县(市、区)首位) does not end the clause."""
    head = _ASIDE.sub("", text[max(0, start - RANK_VERB_REACH) : start])
    return re.split(r"[,，。;；:：!！?？、\n]", head)[-1]


_ASIDE = re.compile(r"[(（][^()（）]*[)）]")


def _read_top(text, m):
    """前三 and 前10位 after a rank verb (跻身全国前三); not 前三季度 or 前十的企业."""
    after = text[m.end() : m.end() + 2]
    if after[:1] in ("季", "个", "月", "年", "的", "批", "天", "周") or (after and after[0] not in PUNCT):
        return None
    head = _rank_clause(text, m.start())
    if not any(v in head for v in RANK_VERBS):
        return None
    return _make(
        text,
        m.start(),
        m.end(),
        m.start("top_n"),
        m.end("top_n"),
        parse_number(m["top_n"]),
        "位",
        "rank",
        "under",
    )


# 跻身全国百强县, 入选全省十强区: a place entered into a top-N list of places holds that rank.
_RANKED_PLACE_AFTER = re.compile(r"(?:县市|县|市|区|镇|城市)(?=[,，。;；、”\"]|$)")
_ENTERED_BEFORE = re.compile(r"(?:跻身|入选|入围|进入|位列|荣登|蝉联|稳居|挺进)[^,，。;；]{0,12}$")


# 2025某省民营企业100强: a year opening the words before the size names a ranking's edition.
_EDITION_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d年?度?[^\s\d,，。;；:：、“”\"()（）]{1,16}$")


# 到某年…保持全省前五, 于某年跻身…百强, 入围某年…百强: a year that dates a place's or a
# firm's entering, not the name of an edition.
_YEAR_ADVERBIAL = re.compile(
    r"(?:跻身|入选|入围|进入|位列|荣登|蝉联|稳居|挺进|稳定在|保持|到|至|于)[^,，。;；]*(?:19|20)\d\d|"
    r"(?:19|20)\d\d年?度?[^,，。;；]*(?:跻身|入选|入围|进入|位列|荣登|蝉联|稳居|挺进|稳定在|保持)"
)


# A place held in a top-N list, right after its name (某某园区30强”榜首, 百强县第5位).
_PLACE_IN_RANKING = re.compile(r"[”\"」》]?\s*(?:榜单)?(?:第|榜首|首位|之首|居首|排名|排行)")


def _read_strong(text, m):
    """十强 closing a clause is a rank, and so is 百强县 after a verb of entering; 500强企业,
    百强榜 and an edition's name (2025某省民营企业100强) are labels."""
    after = text[m.end() : m.end() + 1]
    before = text[max(0, m.start() - 16) : m.start()]
    entered = _RANKED_PLACE_AFTER.match(text, m.end()) and _ENTERED_BEFORE.search(before)
    if after and after not in PUNCT and not entered:
        return None
    if _PLACE_IN_RANKING.match(text, m.end()):
        return None  # “某某30强”第一, 30强榜首: the list's size names it; the place in it is the rank
    edition = _EDITION_BEFORE.search(text[max(0, m.start() - 24) : m.start()])
    if edition and not _YEAR_ADVERBIAL.search(text[max(0, m.start() - 28) : m.start()]):
        return None
    if text[m.start() - 1 : m.start()] == "第":
        return None
    return _make(
        text,
        m.start(),
        m.end(),
        m.start("strong_n"),
        m.end("strong_n"),
        parse_number(m["strong_n"]),
        "位",
        "rank",
        "under",
    )


def _read_topx(text, m):
    return _make(
        text,
        m.start(),
        m.end(),
        m.start("topx_n"),
        m.end("topx_n"),
        float(m["topx_n"]),
        "位",
        "rank",
        "under",
    )


def _read_half(text, m):
    if text[m.end() : m.end() + 1] in ("导", "壁", "径", "岛"):  # 一半导体, 半壁江山
        return None
    approx = {"过半": "over", "超半": "over", "近半": "about"}.get(m["half"])
    q = _make(text, m.start(), m.end(), m.start(), m.end(), 0.5, "", "fraction", approx)
    if m["half"] == "半数" and text[m.end() : m.end() + 2] == "以上":
        q = Quantity(q.start, q.end + 2, q.num_start, q.num_end, 0.5, "", "over", "fraction")
    return q


def _read_tenth(text, m):
    """三成 = 30%: where the share closes the phrase (近四成, 超三成的), or, after an
    approximation or a list mark, before what it is a share of (超七成项目, 、两成电池);
    一成不变 and 成立, 成果 after a number are not."""
    after = text[m.end() : m.end() + 1]
    if after and after not in PUNCT and after not in "以左多的":
        before = text[max(0, m.start() - 2) : m.start()]
        if not SHARE_BEFORE_RE.search(before) or CHENG_WORD_RE.match(text, m.end()):
            return None
    n = m["tenth_n"]
    tenths = parse_number(n) * 10 + (parse_number(m["tenth_m"]) if m["tenth_m"] else 0)  # 三成五 = 35%
    return _make(text, m.start(), m.end(), m.start("tenth_n"), m.end(), tenths, "%", "percent")


def _read_compound(text, m):
    """6亿5千万元, 3亿5000万元: an amount written in two scales is one amount in the larger."""
    low = Decimal(m["cp_b"]) * (1000 if m["cp_k"] else 1) / 10**4
    if low >= 1:
        return None  # 3亿12000万: no way of writing one amount
    value = as_float(Decimal(m["cp_a"]) + low)
    unit = "亿" + (m["cp_u"] or "")
    group = unit_groups().get(m["cp_u"] or "", "")
    return _make(text, m.start(), m.end(), m.start("cp_a"), m.end(), value, unit, _form_of(group))


def _read_range(text, m):
    if m["range_am"] and m["range_am"] != m["range_m"]:
        return None  # 5万—20亿: two scales are no one range
    unit = (m["range_m"] or "") + (m["range_u"] or "")
    group = unit_groups().get(m["range_u"] or "", "")
    if group == "time" or not unit or _inside_name(text, m.start(), m.end()):
        return None
    if _qualifies_noun(text, m.end()) or _project_noun(text, m, m["range_u"] or ""):
        return None
    if _next_in(text, m.end(), SIZE_LABEL_HEADS):
        return None  # 1至10亿级项目: a band of size classes (ANNOTATION.md), no amount
    low, high = parse_number(m["range_a"]), parse_number(m["range_b"])
    return _make(
        text,
        m.start(),
        m.end(),
        m.start("range_a"),
        m.end("range_b"),
        low,
        unit,
        _form_of(group),
        "over",  # a range is given by its lower bound, and more (ANNOTATION.md)
        high,
    )


def _read_plain(text, m):
    raw = m["plain_n"]
    unit_word, mult = m["unit"] or "", m["mult"] or ""
    is_cn = not raw[0].isdigit()
    if is_cn:
        if (
            raw == "万"
            and not mult
            and unit_word
            and _ROUGH_BEFORE.search(text, max(0, m.start() - 2), m.start())
        ):
            raw = "一万"  # 近万名, 超万家: about or over one 万 of the unit, as 近千名 is one 千
        elif all(c in "万亿" for c in raw):
            if raw + mult != "万亿" or not _THRESHOLD_BEFORE.search(text, max(0, m.start() - 3), m.start()):
                return None  # 亿元以上: a bare multiplier counts nothing
            raw = "一万亿"  # 突破万亿元: one 万亿, as 突破千亿元 is one 千亿
        raw, mult = _split_cn_multiplier(raw, mult)
    group = unit_groups().get(unit_word, "")
    if group == "time" and not _is_duration_figure(text, m.start(), unit_word):
        return None
    if _inside_name(text, m.start(), m.end(), bool(unit_word)):
        return None
    stop = m.end()
    if unit_word and _opens_noun(text, m.end(), unit_word):
        if not (mult and _THRESHOLD_BEFORE.search(text, max(0, m.start() - 3), m.start())):
            return None  # 千亿台阶, 千人计划, 约15个足球场大小: no count of the unit
        # 迈上3000亿台阶: the amount a total passes, whose measure word opens the noun after it
        unit_word, stop = "", m.end() - len(unit_word)
        group = ""
    if unit_word == "个" and _MONTHS_AFTER.match(text, m.end()):
        return None  # 两个多月: a stretch of time, not a count
    if unit_word == "分" and _CLOCK_HOUR_BEFORE.search(text, max(0, m.start() - 4), m.start()):
        return None  # 上午9时20分: the minutes of a time of day
    if mult and _project_noun(text, m, unit_word):
        return None  # 10亿项目: a size class of projects, not 10亿 of the measure word 项
    if not unit_word:
        # a bare multiplier is a figure only after Arabic digits (人口9600万), never 千 alone (1000千伏),
        # or as the round amount a total passes (产值突破千亿, GDP破万亿: one 千亿, one 万亿)
        passed = (
            is_cn
            and mult in ("亿", "万亿")
            and _THRESHOLD_BEFORE.search(text, max(0, m.start() - 3), m.start())
        )
        if is_cn and not passed or mult not in ("万", "亿", "万亿") or _next_in(text, m.end(), "级元"):
            return None
    if _next_in(text, m.end(), SIZE_LABEL_HEADS):
        return None
    if is_cn and (
        raw in ("一", "零", "〇")
        and not mult
        and unit_word != "倍"  # 增长近一倍: a multiple, never an article
        and m["tail1"] is None
        and not _rank_move(text, m, unit_word)
        or _vague_or_named(text, m.start())
    ):
        return None  # 一个, 一家: an article; 几十种, 数百家: vague; “六本台账”: a name
    if _SCOPE_BEFORE.search(text, max(0, m.start() - 6), m.start()) and _SCOPE_AFTER.match(text, m.end()):
        return None  # 在全省40余个园区中: the field compared in, not a figure
    if (
        unit_word == "届"
        and (
            re.match(r"[一二三四五六七八九十\d]+(?:次|中全会)", text[m.end() : m.end() + 5])
            or _TERM_BODY.match(text, m.end())
        )
        or unit_word == "次"
        and (
            text[m.start() - 1 : m.start()] == "届"
            or _TERM_BODY.search(text, max(0, m.start() - 8), m.start())
            and re.match(r"(?:全体)?(?:会议|全会)", text[m.end() : m.end() + 4])
        )
    ):
        return None  # 六届七次全会, 二十届三中全会, 十六届人大: a meeting's or a body's term, an ordinal
    if unit_word == "条" and _POLICY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # 出台…十条: a policy's name
    value = parse_number(raw)
    round_cn = is_cn and (raw[0] in "十百千万" or m["plain_n"] == "万")
    approx, start, end = _approx_around(text, m.start(), stop, round_cn=round_cn)
    if (
        approx == "exact"
        and group == "currency"
        and _PASSED_AMOUNT_BEFORE.search(text, max(0, start - 2), start)
    ):
        approx, start = "over", start - 1  # 过50亿元: an amount passed, as 超50亿元 is
    if m["tail1"] in ("余", "多") or m["tail2"]:
        approx = "over"
    elif m["tail1"] == "来":
        approx = "about"
    if (
        approx == "over"
        and (group == "currency" or mult and not unit_word)
        and THRESHOLD_CLASS.match(text, end)
    ):
        return None  # 超10亿元企业, 5000万元以上项目, 10亿以上企业: a threshold class, not an amount
    unit = mult + unit_word
    if unit_word and m["alt_unit"]:
        unit += m["alt_unit"]  # 2300台（套）: the unit written with its alternative
        end = max(end, m.end("alt_unit"))
    return Quantity(start, end, m.start(), stop, value, unit, approx, _form_of(group))


# 排名上升一位: after a verb of moving in a ranking, 一 counts the places moved.
_RANK_MOVE_BEFORE = re.compile(r"(?:上升|提升|前进|跃升|上移|下降|后退|下滑|下移)了?$")


def _rank_move(text: str, m: re.Match, unit_word: str) -> bool:
    return (
        unit_word in ("位", "名")
        and _RANK_MOVE_BEFORE.search(text, max(0, m.start() - 3), m.start()) is not None
    )


# 过 before an amount of money is "more than" (过50亿元项目); 通过, 经过, 度过 are other words.
_PASSED_AMOUNT_BEFORE = re.compile(r"(?<![通经度越路错不])过$")
# The approximation words written before a bare 万 (近万名, 超万家, 破万人).
_ROUGH_BEFORE = re.compile(r"(?:近|超|过|逾|上|破|约)$")
_MONTHS_AFTER = re.compile(r"多?(?:月|小时|星期|钟头)")
_CLOCK_HOUR_BEFORE = re.compile(r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})[时点]$")
DURATION = cue("duration")
DURATION_UNITS = DURATION.cue("units")
DURATION_BEFORE_RE = DURATION.trigger


def _is_duration_figure(text: str, start: int, unit_word: str) -> bool:
    """时间缩短4天, 每20分钟发出一班, 最快90分钟到达: a time saved or a service's
    interval is a figure; other spans of days and hours date or tell a story."""
    return (
        bool(DURATION_UNITS.fullmatch(unit_word))
        and DURATION_BEFORE_RE.search(text, max(0, start - 4), start) is not None
    )


_SCOPE_BEFORE = re.compile(r"在|从")
_SCOPE_AFTER = re.compile(r"[^,，。;；、\d\s]{0,10}?中(?![\s心国间央部小期学])")
_POLICY_BEFORE = re.compile(r"出台|印发|发布|制定|推出")


def _next_in(text: str, end: int, chars: str) -> bool:
    """The character after `end` is one of `chars` (False at the end of the text)."""
    return end < len(text) and text[end] in chars


# 突破万亿元, 超万亿: a level reached, written without its leading 一.
# Verbs of passing a round amount (突破千亿, 迈上3000亿台阶, 跨入千亿大关).
_THRESHOLD_BEFORE = re.compile(r"(?:突破|超过|超|逾|达到|达|过|近|破|迈入|迈上|跨入|跨上|站上|跃上|登上)$")


def _vague_or_named(text: str, start: int) -> bool:
    return text[start - 1 : start] in ("几", "数", "“", '"', "「")


def _split_cn_multiplier(raw: str, mult: str) -> tuple[str, str]:
    """千亿 -> ('千', '亿'): keep the trailing 万/亿 in the unit as news writes them."""
    tail = ""
    while raw and raw[-1] in "万亿" and len(raw) > 1:
        tail = raw[-1] + tail
        raw = raw[:-1]
    return raw, tail + mult


def _form_of(group: str) -> str:
    return {"percent": "percent", "multiple": "multiple"}.get(group, "count")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# A measure of power right before a slash (100MW/, 857万千瓦/): the figure after it is the
# energy of the same plant, as storage is written (功率/容量).
_MEASURE_BEFORE_SLASH = re.compile(r"\d(?:[万亿]?千瓦|[GMk]W|兆瓦|吉瓦)$")


def _inside_name(text: str, start: int, end: int, has_unit: bool = False) -> bool:
    """问界M7, 5G, 3D打印, 640.webp, “1+3”: the number is part of a name or a code
    (but GDP307亿元 is a word before a figure)."""
    prev, nxt = text[start - 1 : start], text[end : end + 1]
    if prev and prev.isascii() and prev.isalpha():
        if not (has_unit and text[start - 2 : start - 1].isascii() and text[start - 2 : start - 1].isalpha()):
            return True
    elif prev == "/" and has_unit and _MEASURE_BEFORE_SLASH.search(text, 0, start - 1):
        pass  # 100MW/200MWh, 300万千瓦/650万千瓦时: a storage plant's power and its energy
    elif prev and prev in "-_./#" or prev == "+" and text[start - 2 : start - 1].isdigit():
        return True
    if nxt and nxt.isascii() and (nxt.isalpha() or nxt in "_#"):
        return True
    if nxt == "+" and text[end + 1 : end + 2].isdigit():
        return True
    if nxt == "." and text[end + 1 : end + 2].isascii() and text[end + 1 : end + 2].isalnum():
        return True
    if nxt == "-" and text[end + 1 : end + 2].isdigit():
        return True
    return False


def _project_noun(text: str, m: re.Match, unit_word: str) -> bool:
    """The unit read is the first character of the noun 项目 (1至10亿项目)."""
    return unit_word == "项" and _next_in(text, m.end(), "目")


def _qualifies_noun(text: str, end: int) -> bool:
    return THRESHOLD_HEADS.match(text, end) is not None


__all__ = ["NumberFormatError", "Quantity", "find_quantities", "fold_unit", "parse_chinese", "parse_number"]
