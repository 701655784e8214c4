"""An industry term as the head of a longer noun compound: 探测器|芯片, 汽车|智能传感器.

Chinese noun compounds are head-final: the nouns written right before a term
of the vocabulary, with no separator, verb or particle between, narrow it to
a more specific industry (锂离子|动力电池, 民用|无人机, 新一代|半导体), and the
industry is named by the whole compound as written. The compound stops at
anything that is not part of a name: a place or a firm (where, who), a
generic qualifier (重点, 传统, 高性能: a description), a count, a verb or a
particle, and at the length of a name.
"""

from __future__ import annotations

import functools
import re

from innoatlas.extract.entities.grammar import GENERIC_WORDS, Candidate, TokenIndex, starts_with_place
from innoatlas.extract.tokens import Token
from innoatlas.lexicon.industries import (
    closed_heads,
    compound_stop_words,
    grade_qualifiers,
    load_industries,
    product_classes,
)
from innoatlas.lexicon.suffixes import load_suffixes, suffix_type

# Tags of the words a compound's modifiers are made of: nouns, technical
# names and abbreviations. Verbal nouns are left out: an action before a
# product is its object (装载|汽车, 研发|芯片).
_NOUN_TAGS = frozenset({"n", "nz", "j"})
# Qualifiers of other tags (adjectives, distinguishing words, 新一代 read as a
# numeral, 现代 read as a time) are taken only when the classifications name
# industries with them (先进制造, 民用航空, 新一代信息技术, 现代物流), unlike words
# of praise or size (优秀, 最大, 大型).
_QUALIFIER_TAGS = frozenset({"a", "b", "m", "TIME"})
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
# A cluster, base, centre or park named after the industry: the words before the
# term belong to that name (某某先进制造业|集群), which the suffix grammars find.
_NAMED_AFTER = re.compile(r"(?:产业|行业)?(?:集群|基地|中心|园区|园|联盟|示范区|生态圈)")
# The tagger's tags of organisations: a word that opens one names a firm of the article.
_ORG_TAGS = frozenset({"ORG", "nt"})
# Longest compound taken (characters) and most modifier words before the term.
MAX_COMPOUND_CHARS = 10
MAX_MODIFIERS = 2
# Words for a trade or field itself (行业, 企业, 领域, 银行业): an industry written
# after one is its setting (行业|人工智能) or a sibling, not a narrower kind of it.
_FIELD_WORD_TAILS = ("业", "域")
# A one-character word (新, 大, 国) is a description or a clipped word, not part of a name.
MIN_MODIFIER_CHARS = 2
# 高|水平, 新|赛道, 高|灵敏度: a one-character adjective before a noun makes the pair a
# description of quality, so the noun is no modifier of the industry either.
_DESCRIPTION_TAGS = frozenset({"a", "d"})


@functools.lru_cache(maxsize=1)
def _industry_qualifiers() -> frozenset[str]:
    """Generic, scope and quality words of industries: they describe one, they do not narrow it."""
    return load_industries()[2] | compound_stop_words()


@functools.lru_cache(maxsize=1)
def _qualifier_words() -> frozenset[str]:
    # with the generic words of names of bodies (科技, 企业, 新一代)
    return _industry_qualifiers() | GENERIC_WORDS


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    # with the verbs and function words the tagger may read as nouns (布局, 我市)
    return _qualifier_words() | load_suffixes().left_stop


def compound_start(norm: str, ix: TokenIndex, start: int, end: int) -> int | None:
    """Where the compound headed by the term [start, end) begins: start when nothing
    qualifies it, None when a noun the compound cannot take is glued to it (its
    bounds are unknown: 某某|影视|大模型)."""
    i = ix.pos_token[start]
    if i < 0:
        return start
    # 先进制造业|集群: the words before belong to the cluster's or base's name; 气象|大模型: one product
    closed = _NAMED_AFTER.match(norm, end) is not None or norm[start:end] in closed_heads()
    if ix.tokens[i].start < start and (closed or not _modifier(ix.tokens[i], inside=True)):
        return start
    if _names_a_firm(ix, norm[ix.tokens[i].start : start]):
        return None  # 某某集团 … 某某氢/nz|能: the tagger cut the group's unit inside its business
    lo = ix.tokens[i].start
    k = i - 1
    taken = 0
    if k >= 0 and not closed and _graded(norm, ix.tokens[k], lo, start, end):
        return ix.tokens[k].start  # 高端|化工, 高性能|医疗器械: the grade opens the name
    while not closed and k >= 0 and taken < MAX_MODIFIERS:
        tok = ix.tokens[k]
        if tok.end != lo or end - tok.start > MAX_COMPOUND_CHARS or not _modifier(tok):
            break
        if _names_a_firm(ix, tok.text):
            return None  # 某某集团 … 某某|氢能: the group's unit, named by its short name and business
        if k > 0 and _describes(ix.tokens[k - 1], tok):
            break
        lo = tok.start
        taken += 1
        k -= 1
    if k >= 0 and _unknown_noun(ix.tokens[k], lo, closed) and not _ends_pronoun_word(ix, k):
        return None
    return lo


def _graded(norm: str, tok: Token, lo: int, start: int, end: int) -> bool:
    """A grade the classifications name industries with, right before the term (and only the
    term), which does not open with a qualifier of its own."""
    words, not_before = grade_qualifiers()
    return tok.end == lo == start and tok.text in words and not norm.startswith(not_before, start, end)


def _names_a_firm(ix: TokenIndex, word: str) -> bool:
    """The word opens a name the tagger reads as a firm's elsewhere in the text (某某集团)."""
    return bool(word) and word in _firm_openers(ix)


_last_openers: list = [None, frozenset()]  # the token index of the last text, and its firms' openers


def _firm_openers(ix: TokenIndex) -> frozenset[str]:
    """The first two to four characters of every organisation the tagger names (one pass per text)."""
    if _last_openers[0] is not ix:
        openers = {
            t.text[:k] for t in ix.tokens if t.tag in _ORG_TAGS for k in range(2, min(4, len(t.text) - 1) + 1)
        }
        _last_openers[:] = [ix, frozenset(openers)]
    return _last_openers[1]


def _ends_pronoun_word(ix: TokenIndex, k: int) -> bool:
    """我|国, 本|市: the tagger cut a pronoun's word (我国) before the compound, which says whose."""
    tok = ix.tokens[k]
    return len(tok.text) == 1 and k > 0 and ix.tokens[k - 1].end == tok.start and ix.tokens[k - 1].tag == "r"


def _unknown_noun(tok: Token, lo: int, closed: bool) -> bool:
    """A noun glued before the compound that is none of its modifiers, nor a place,
    zone or generic word (which say where or how much, not what), nor a verb the
    tagger read as a noun (布局|固态锂电池). Before a closed term, a word of quality
    is part of the longer name too (高性能|某某材料|产业生态圈)."""
    stop = _stop_words() - compound_stop_words() if closed else _stop_words()
    if tok.end != lo or tok.tag not in ("n", "nz") or tok.text in stop or starts_with_place(tok.text):
        return False
    found = suffix_type(tok.text)
    return found is None or found[1] != "zone"


def _modifier(tok: Token, inside: bool = False) -> bool:
    """A word that may narrow an industry term written right after it."""
    text = tok.text
    if inside:  # 锂离子动力电池/nz: the term is the tail of one token
        return tok.tag in ("n", "nz") and not starts_with_place(text)
    if len(text) < MIN_MODIFIER_CHARS or text.endswith(_FIELD_WORD_TAILS) or _LATIN_OR_DIGIT.search(text):
        return False  # 乐聚X1|机器人: a brand or a model, not a kind of industry
    if tok.tag in _QUALIFIER_TAGS:
        return _naming_qualifier(text) and text not in _industry_qualifiers()
    if tok.tag not in _NOUN_TAGS:
        return False
    return text not in _stop_words() and suffix_type(text) is None and not starts_with_place(text)


@functools.lru_cache(maxsize=256)
def _naming_qualifier(text: str) -> bool:
    """先进, 民用, 新一代: a qualifier the classifications themselves name industries with."""
    return any(t.startswith(text) and len(t) > len(text) for t in load_industries()[0])


def _describes(prev: Token, tok: Token) -> bool:
    return prev.end == tok.start and len(prev.text) == 1 and prev.tag in _DESCRIPTION_TAGS


def product_fields(norm: str, ix: TokenIndex) -> list[Candidate]:
    """正极|材料, 钠离子|电池, 碳化硅|功率|器件: a product class of the classifications headed
    by one or two nouns that narrow it names a product field, an industry."""
    classes, papers = product_classes()
    not_modifiers = papers | classes  # 书面|材料; 电池|正极材料 heads a longer product
    out = []
    for j, tok in enumerate(ix.tokens):
        if tok.text not in classes or tok.tag != "n" or _head_goes_on(ix, j):
            continue
        k, lo = j - 1, None
        while k >= 0 and j - k <= MAX_MODIFIERS:
            mod = ix.tokens[k]
            if mod.end != ix.tokens[k + 1].start or not _modifier(mod) or mod.text in not_modifiers:
                break
            if _names_a_firm(ix, mod.text):
                lo = None
                break
            lo = mod.start
            k -= 1
        if lo is not None and k >= 0 and _unknown_noun(ix.tokens[k], lo, False):
            continue  # 集成光|量子芯片: a noun glued before leaves the compound's start unknown
        if lo is not None and tok.end - lo <= MAX_COMPOUND_CHARS:
            out.append(Candidate(lo, tok.end, "industry", "vocabulary", 42, 0.6))
    return out


# Kind words an industry is written with (正极材料产业, 电池领域): the phrase still names the field.
_KIND_AFTER = frozenset({"产业", "行业", "领域", "产业链", "赛道"})


def _head_goes_on(ix: TokenIndex, j: int) -> bool:
    """电池|箱体, 材料|前驱体, 电池|项目: a noun glued after the class makes it a modifier of a
    longer product or thing, not the head of a field."""
    if j + 1 >= len(ix.tokens):
        return False
    nxt = ix.tokens[j + 1]
    return nxt.start == ix.tokens[j].end and nxt.tag in ("n", "nz", "vn") and nxt.text not in _KIND_AFTER


# 汽车及零部件, 新能源电池及材料, 新材料及其应用, 卷烟及配套: an industry and the parts,
# materials, uses or supplies of its own chain are one industry, as the statistics name
# them (GB/T 4754-2017 汽车零部件及配件制造; 战略性新兴产业分类 2018 新材料及其应用);
# two industries joined by 及 (新能源及新材料) stay two.
_DEPENDENT_TAIL = re.compile(
    r"及(?:其)?(?:零部件|零配件|配件|配套|应用|材料|装备|器件|元器件|制品)(?:产业|行业)?(?=[^\u4e00-\u9fff]|领域|等|$)"
)


def dependent_industries(norm: str, known: list[Candidate]) -> list[Candidate]:
    out = []
    for c in known:
        if c.type != "industry":
            continue
        tail = _DEPENDENT_TAIL.match(norm, c.end)
        if tail is not None:
            out.append(Candidate(c.start, tail.end(), "industry", c.extractor, c.priority + 1, c.confidence))
    return out


# 芯片|设计, 汽车|配件, 集成电路|封测: the statistics name an industry by its product and the
# step or part of the chain (GB/T 4754-2017 集成电路设计, 汽车零部件及配件制造); the
# compound names the industry where it ends the noun phrase (环节, 产业, 企业 or a separator
# after it), not where it goes on into a product (汽车配件|生产线). 研发, 制造 and 装备 after
# a field are written as often for the activity as for an industry, and are left out.
_CHAIN_TAIL = re.compile(
    r"(?:设计|封测|封装测试|配件|零部件)"
    r"(?=[^\u4e00-\u9fff]|产业|行业|领域|环节|企业|项目|基地|集群|等|和|及|与|为|$)"
)


def chain_step_industries(norm: str, known: list[Candidate]) -> list[Candidate]:
    out = []
    for c in known:
        if c.type != "industry":
            continue
        tail = _CHAIN_TAIL.match(norm, c.end)
        if tail is not None and tail.end() - c.start <= MAX_COMPOUND_CHARS:
            out.append(Candidate(c.start, tail.end(), "industry", c.extractor, c.priority + 1, c.confidence))
    return out
