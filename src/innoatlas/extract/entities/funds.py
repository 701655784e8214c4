"""Fund names: whose fund it is, for what field, and what kind of fund.

A fund is named as one noun compound headed by 基金: the place or body that
sets it up, the field it invests in and words of its kind, written together
(a province's 战略性新兴产业母基金, a city's 高端装备产业专项母基金, 国家集成电路产业投资
基金). The tagger cuts such a name into a place, an industry and a bare
母基金; here the whole compound is one investor. Words of kind alone
(并购母基金, 天使子基金, 私募基金, 一支S母基金) say what sort of fund is meant,
not which one: they are no name.
"""

from __future__ import annotations

import re

from innoatlas.extract.entities.grammar import Candidate, TokenIndex
from innoatlas.lexicon.match import INDUSTRY, find_lexicon

# Words of a fund's kind: its layer (母, 子), its stage or strategy (天使, 种子,
# 并购, 创投, 风险投资, S for secondaries, 耐心 for long horizons), how it is raised
# or run (私募, 公募, 引导, 市场化, 参股, 政府, 央企), its currency (人民币, 美元)
# and the plain words of the trade (科创, 科技创新).
KIND_WORDS = (
    "科技创新",
    "科创",
    "科技",
    "创新",
    "人民币",
    "美元",
    "耐心",
    "央企",
    "风险投资",
    "股权投资",
    "创业投资",
    "产业投资",
    "市场化",
    "政府",
    "引导",
    "参股",
    "产业",
    "专项",
    "天使",
    "种子",
    "并购",
    "私募",
    "公募",
    "创投",
    "投资",
    "股权",
    "园区",
    "发展",
    "基金",
    "母",
    "子",
    "S",
    "资本",
)
_KIND_RUN = re.compile("(?:" + "|".join(map(re.escape, KIND_WORDS)) + ")+")
# 一支, 两只, 3支: a count before a fund is an article, not part of the name;
# nor is a level (县级并购母基金: some county's buyout fund) or 新 (a new fund), nor a word
# pointing to funds already spoken of (相关子基金, 上述基金).
_COUNT = re.compile(
    r"^(?:相关|有关|上述|该|此|本|各类|一系列|首[支只个批]?|第[一二两三四五六七八九十\d]+批的?)?"
    r"(?:[一二两三四五六七八九十几数\d]*批|[一二两三四五六七八九十几数\d]+[支只个])?"
    r"(?:国家级|省级|市级|区级|县级|省市|新)?"
)
# What a fund, or the capital of a kind, is called by: 基金, 资本 (耐心资本), 创投.
_FUND_HEADS = ("基金", "资本", "创投")

# Tokens a fund's name is built from: places, bodies, fields and words of kind.
_NAME_TAGS = frozenset({"LOC", "ORG", "nz", "n", "an", "vn", "a", "nw"})
# Verbs that are words of a fund's kind (引导基金, 投资基金), not the verb of a clause.
_KIND_VERBS = frozenset({"引导", "投资", "创业", "并购"})
# Fields named as a time (未来产业): the one time word that is part of a name.
_NAME_TIMES = frozenset({"未来"})
# Longest fund name taken (registered fund names stay under ~24 characters).
MAX_FUND_CHARS = 24


def is_kind_only(name: str) -> bool:
    """并购母基金, 一支S母基金, 耐心资本, 第三批子基金, 天使+创投+母基金: words of a fund's kind
    and nothing that says whose or for what."""
    if not name.endswith(_FUND_HEADS):
        return False
    return _KIND_RUN.fullmatch(_COUNT.sub("", name).replace("+", "")) is not None


def fund_candidates(norm: str, ix: TokenIndex) -> list[Candidate]:
    """Every compound ending in a 基金 token, extended left over the words that name it."""
    out = []
    terms = None
    for i, tok in enumerate(ix.tokens):
        if not tok.text.endswith("基金"):
            continue
        if terms is None:
            terms = [(a, b) for a, b, entries in find_lexicon(norm) if entries[0].kind == INDUSTRY]
        start = _term_start(terms, _name_start(ix, i))
        if tok.end - start > MAX_FUND_CHARS or is_kind_only(norm[start : tok.end]):
            continue
        if start < tok.start or len(tok.text) > len("基金"):
            out.append(Candidate(start, tok.end, "investor", "suffix", 60, 0.8))
    return out


def _term_start(terms: list[tuple[int, int]], start: int) -> int:
    """战|新产业引导母基金: a name does not start inside an industry term the tagger cut."""
    return next((a for a, b in terms if a < start < b), start)


def _name_start(ix: TokenIndex, i: int) -> int:
    start = ix.tokens[i].start
    for tok in reversed(ix.tokens[:i]):
        if tok.end != start or not _name_word(tok):
            break
        start = tok.start
    return start


def _name_word(tok) -> bool:
    if tok.tag == "TIME":
        return tok.text in _NAME_TIMES
    if tok.tag == "v":
        return tok.text in _KIND_VERBS
    return tok.tag in _NAME_TAGS
