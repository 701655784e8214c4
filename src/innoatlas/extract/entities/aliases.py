"""Short names a text declares for a long one: 某某研究院(以下简称“某研院”).

A press text names a body in full once and declares the short form it will
use after it, in brackets: (简称“X”), (以下简称“X”), (下称“X”); or another name it
goes by: (又称“X”), (俗称“X”). The full
name ends before the bracket, and the short form is a name of the same
thing: both are entities of one type.
"""

from __future__ import annotations

import re
from dataclasses import replace

from innoatlas.extract.entities.grammar import Candidate

_DECLARATION = re.compile(
    r"[(（](?:以下简称|以下称|下称|下文简称|下文称|后文简称|以下统称|(?:证券|股票|公司)?简称|[又也亦俗别]称)[为:：]?[“\"「]?([^”\"」()（）,，。;；:：\s]{2,12})[”\"」]?"
    r"(?:[,，;；][^()（）]{0,24})?[)）]"
)


def declared_aliases(norm: str, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates cut before an alias declaration, plus one candidate per declared short form."""
    declarations = [(m.start(), m.start(1), m.end(1)) for m in _DECLARATION.finditer(norm)]
    if not declarations:
        return candidates
    out = []
    for c in candidates:
        for bracket, _, _ in declarations:
            if c.start < bracket < c.end:
                c = replace(c, end=bracket)
        out.append(c)
    for bracket, a, b in declarations:
        full = [c for c in out if c.end == bracket]
        if full:
            best = max(full, key=lambda c: (c.priority, c.end - c.start))
            out.append(Candidate(a, b, best.type, "alias", best.priority, best.confidence))
    return out


# -- short names of registered firms ------------------------------------------
#
# A press text gives a firm's registered name once (湖南某某新能源科技有限公司)
# and then calls it by its trade name: the registered name without the place
# of registration in front (湖南, or (黄山) in brackets), the legal form at the
# end (有限公司, 股份有限公司) and the words for its line of business (科技,
# 新能源, 仪表). Where such a short form stands on its own elsewhere in the
# text, it names the same firm.

_LEGAL_FORM = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团|控股|股份|公司)$")
_REGISTERED = re.compile(r"(有限公司|有限责任公司|股份有限公司)$")
_BRACKETED_PLACE = re.compile(r"\([\u4e00-\u9fff]{2,4}\)")
# Words for a firm's line of business that end a registered name before its legal form.
_BUSINESS_WORD = re.compile(
    r"(科技|技术|实业|发展|信息|工业|贸易|电子|装备|仪表|仪器|材料|新材料|能源|新能源|智能|生物|医药|机械|电气|数据)$"
)
# A short form needs this many characters: two-character cores (中科, 海信) are
# common words or other firms' prefixes too often.
MIN_SHORT_CHARS = 3


def registered_short_names(norm: str, ix, candidates: list[Candidate]) -> list[Candidate]:
    full = [c for c in candidates if c.type == "enterprise" and _REGISTERED.search(norm[c.start : c.end])]
    if not full:
        return []
    inside = [(c.start, c.end) for c in full]
    out = []
    for c in full:
        for short in _short_forms(norm[c.start : c.end]):
            spans = [
                (i, i + len(short))
                for i in _find_all(norm, short)
                if not any(a <= i < b for a, b in inside)
                and i in ix.by_start
                and _ends_word(ix, i + len(short))
            ]
            out.extend(Candidate(a, b, "enterprise", "alias", 45, 0.7) for a, b in spans)
            if spans:
                break  # the longest short form the text uses
    return out


def _short_forms(name: str) -> list[str]:
    """Trade names of a registered name, longest first."""
    from innoatlas.extract.entities.grammar import place_prefixes

    core = _BRACKETED_PLACE.sub("", name)
    while _LEGAL_FORM.search(core):
        core = _LEGAL_FORM.sub("", core)
    places = place_prefixes()
    for k in range(min(len(core) - MIN_SHORT_CHARS, 8), 1, -1):
        if core[:k] in places:
            core = core[k:]
            break
    out = []
    while len(core) >= MIN_SHORT_CHARS:
        out.append(core)
        m = _BUSINESS_WORD.search(core)
        if m is None:
            break
        core = core[: m.start()]
    return out


def _ends_word(ix, end: int) -> bool:
    """The short form ends a token, or the tagger ran it into a one-word trade (赣锋星|能源)."""
    return end in ix.by_end or ix.pos_token[end - 1] < 0 or ix.tokens[ix.pos_token[end - 1]].end == end


def _find_all(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


# -- a group's units named by the group's short name and their business --------
#
# A group named in full (某某集团) names its units by the group's short name and
# the unit's business (某某氢能, 某某重卡) as the subject of a clause. The
# business is an industry of the vocabulary or one of the words for a group's
# lines (重工, 重卡, 电子, 智能...).
_GROUP = re.compile(r"(集团|控股集团)(有限公司|股份有限公司)?$")
_UNIT_WORDS = frozenset("重工 重卡 重机 电子 汽车 能源 智能 科技 资本 创投 物流 医药 材料".split())
UNIT_BUSINESS_CHARS = 2
# The tags after a unit's name that show it heads a clause (三一氢能|获, 三一重卡|入围).
_CLAUSE_NEXT = frozenset({"v", "vd", "w", "p", "c", "d"})


def group_units(norm: str, ix, candidates: list[Candidate]) -> list[Candidate]:
    from innoatlas.lexicon.industries import load_industries

    known = load_industries()[0]
    cores = set()
    for c in candidates:
        name = norm[c.start : c.end]
        if c.type == "enterprise" and _GROUP.search(name):
            core = _GROUP.sub("", name)
            if len(core) >= 2:
                cores.add(core)
    out = []
    for core in cores:
        for i in _find_all(norm, core):
            end = i + len(core) + UNIT_BUSINESS_CHARS
            business = norm[i + len(core) : end]
            if business not in known and business not in _UNIT_WORDS:
                continue
            nxt = ix.by_start.get(end)
            if i in ix.by_start and nxt is not None and ix.tokens[nxt].tag in _CLAUSE_NEXT:
                out.append(Candidate(i, end, "enterprise", "alias", 45, 0.7))
    return out
