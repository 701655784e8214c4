"""Names: their folded form, their key, and the contracted forms of one document.

A key is the identity of an entity across documents, so it only folds what
never changes the thing named: script, width, radical look-alikes, spaces,
the legal form of a company (拓普集团 = 拓普), the 产业 tail of an industry.
Contractions (重大 for 重庆大学) are read only inside one document, where the
full name stands next to them.
"""

from __future__ import annotations

import re

from innoatlas.lexicon.industries import load_industries
from innoatlas.lexicon.suffixes import suffix_type
from innoatlas.text import fold_name as fold  # noqa: F401 (the resolve stage's name for it)

# Company legal forms, longest first: what a registry adds to the trade name.
_LEGAL_FORM = re.compile(r"(?:(?:集团)?(?:股份)?有限(?:责任)?公司|集团(?:公司)?|股份|公司)$")
# Words between the trade name and the legal form that firms drop in running
# text (某某精密科技公司 is written 某某精密).
_TRADE_TAIL = re.compile(r"(?:科技|技术)$")
_INDUSTRY_TAIL = re.compile(r"(?:产业|行业)$")
INDUSTRY_PREFIX = "industry:"
COMPANY_TYPES = frozenset({"enterprise", "investor"})
# A stem shorter than this is too little to identify a firm (X公司 keeps its form).
MIN_STEM = 2
# A contraction keeps the name's last word or drops at most this many
# characters after its last kept one: 重大 (重庆大学, drops 学), 北理工
# (北京理工大学, drops 大学), but not 中科院 for 中国科学院某城研究中心.
MAX_DROPPED_TAIL = 2


def company_stem(folded: str) -> str:
    """The trade name of a company name: 重庆药友制药有限责任公司 -> 重庆药友制药, 拓普集团 -> 拓普."""
    stem = _LEGAL_FORM.sub("", folded)
    stem = _TRADE_TAIL.sub("", stem) if len(_TRADE_TAIL.sub("", stem)) >= MIN_STEM else stem
    return stem if len(stem) >= MIN_STEM else folded


def is_legal_form(text: str) -> bool:
    return _LEGAL_FORM.fullmatch(text) is not None


def name_key(folded: str, type_: str) -> str:
    """Key of an entity that no gazetteer knows: its folded name, legal form or 产业 tail dropped."""
    if type_ != "industry" and (type_ in COMPANY_TYPES or _LEGAL_FORM.search(folded)):
        return company_stem(folded)
    if type_ == "industry":  # 生物医药产业 is 生物医药, but 战略性新兴产业 keeps its tail
        stem = _INDUSTRY_TAIL.sub("", folded)
        # A field of its own namespace: 芯片封装 the field is not 芯片封装公司 the firm.
        return INDUSTRY_PREFIX + (stem if stem in industry_terms() else folded)
    return folded


def industry_terms() -> frozenset[str]:
    return load_industries()[0]


def _common_tail(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _embeds_with_short_tail(short: str, full: str) -> bool:
    """`short` is a subsequence of `full` whose last character leaves at most MAX_DROPPED_TAIL after it."""
    at = -1
    for ch in short[:-1]:
        at = full.find(ch, at + 1)
        if at < 0:
            return False
    last = full.rfind(short[-1])
    return last > at and len(full) - 1 - last <= MAX_DROPPED_TAIL


def contracts(short: str, full: str) -> bool:
    """Whether `short` is a contraction of `full`: 重大 of 重庆大学, 中科院 of 中国科学院.

    Both start alike; a shared tail is set aside (中科院某城研究中心 and
    中国科学院某城研究中心 share 院某城研究中心). What is left of the short
    form must not be a name in its own right (北京大学 is not 北京理工大学) nor a
    plain prefix (中国星网 is not 中国星网应用公司: prefixes are the business of
    company_stem).
    """
    if len(short) < 2 or len(short) >= len(full) or short[0] != full[0]:
        return False
    tail = _common_tail(short, full)
    head_short, head_full = short[: len(short) - tail], full[: len(full) - tail]
    if not head_short or head_full.startswith(head_short):
        return False
    if _kind_suffix(head_short):
        return False
    own = _kind_suffix(short)
    if own and not full.endswith(own) and not _short_kind(own, _kind_suffix(full)):
        return False  # 某区委 is the district's committee, not 某区经开区党工委
    return _embeds_with_short_tail(head_short, head_full)


def _short_kind(own: str, full_kind: str | None) -> bool:
    """科院 is 科学院 written short (中科院, 农科院): the same first and last characters."""
    return (
        bool(full_kind) and len(full_kind) > len(own) and full_kind[0] == own[0] and full_kind[-1] == own[-1]
    )


def _kind_suffix(text: str) -> str | None:
    """The suffix that makes `text` a name of a kind of body (大学, 区委), if two characters or more."""
    found = suffix_type(text)
    return found[0] if found is not None and len(found[0]) >= 2 else None
