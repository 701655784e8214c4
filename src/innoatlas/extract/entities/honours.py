"""Rankings entered and national party meetings: programmes named by an ordinal or a size.

A ranking is a title named by its scope, field and size (全国先进制造业百强城市);
it is a name after a verb of entering it, where a year names its edition (2025某省
民营企业100强) or where a list word names the published list (某省民企百强榜); the
same words alone describe a firm elsewhere (世界500强企业). The national congress and the central
committee's plenary sessions are named by their ordinals (党的二十大).
"""

from __future__ import annotations

import re

from innoatlas.extract.entities.grammar import Candidate, TokenIndex
from innoatlas.extract.entities.patterns import programme_pattern


def honour_candidates(norm: str, ix: TokenIndex) -> list[Candidate]:
    return _rankings(norm, ix) + _central_congresses(norm) + slogan_strategies(norm, ix)


def _rankings(norm: str, ix: TokenIndex) -> list[Candidate]:
    p = programme_pattern("ranking_title")
    out = []
    for m in p.trigger.finditer(norm):
        start, end = m.span("name")
        if p.cue("bare").match(m.group("name")):
            continue  # 入选百强县: the kind of list, not which one
        out.append(Candidate(start, end, "program", "designation", p.priority, 0.7))
    return out + _ranking_editions(norm) + _ranking_lists(norm, ix)


def _ranking_editions(norm: str) -> list[Candidate]:
    """2025某省民营企业100强: a year opens one edition of a published ranking."""
    p = programme_pattern("ranking_edition")
    inside, bare = p.cue("verb_inside"), programme_pattern("ranking_list").cue("bare")
    return [
        Candidate(m.start("name"), m.end("name"), "program", "designation", p.priority, 0.7)
        for m in p.trigger.finditer(norm)
        if not norm[m.start() - 1 : m.start()].isdigit()
        and not inside.search(m.group("name"))
        and not bare.match(_EDITION_YEAR.sub("", m.group("name")))  # 2024年百强集群: a kind, no list
    ]


_EDITION_YEAR = re.compile(r"^(?:19|20)\d\d年?度?")


def _ranking_lists(norm: str, ix: TokenIndex) -> list[Candidate]:
    """某省民企百强榜, 全市工业50强榜单: a ranking named with its list word."""
    p = programme_pattern("ranking_list")
    boundary, bare = p.cue("boundary"), p.cue("bare")
    out = []
    for m in p.trigger.finditer(norm):
        start, end = m.span("name")
        cut = boundary.match(m.group("name"))
        if cut is not None:
            start += cut.end()  # 某企业入围|全市工业50强榜单: the name begins after the verb
        if bare.match(norm[start:end]) or start not in ix.by_start:
            continue
        out.append(Candidate(start, end, "program", "designation", p.priority, 0.7))
    return out


def _central_congresses(norm: str) -> list[Candidate]:
    p = programme_pattern("central_congress")
    formula, anchor_after, anchor_before = p.cue("guiding_formula"), p.cue("time_after"), p.cue("time_before")
    return [
        Candidate(m.start(), m.end(), "program", "programme", p.priority, 0.8)
        for m in p.trigger.finditer(norm)
        if not _in_formula(norm, m.start(), m.end(), formula)
        and not anchor_after.match(norm, m.end())
        and not anchor_before.search(norm, max(0, m.start() - ANCHOR_REACH), m.start())
    ]


# How far before a meeting's name a verb of awaiting it is looked for (迎接|党的二十大).
ANCHOR_REACH = 4


# How far around a meeting's name the words of the guiding formula are looked for.
FORMULA_REACH = 12


def _in_formula(norm: str, start: int, end: int, formula) -> bool:
    """学习贯彻|党的二十大|和…全会精神: the name stands inside the formula of a report's guiding words."""
    lo = max(0, start - FORMULA_REACH)
    return any(f.start() < start and f.end() > end for f in formula.finditer(norm, lo, end + 30))


def slogan_strategies(norm: str, ix: TokenIndex) -> list[Candidate]:
    """海洋强国战略, 人才强省战略: a strategy named by its four-character slogan."""
    p = programme_pattern("slogan_strategy")
    return [
        Candidate(m.start(), m.end(), "program", "programme", p.priority, 0.8)
        for m in p.trigger.finditer(norm)
        if m.start() in ix.by_start  # the slogan opens on a word of its own (贯彻|海洋强国战略)
    ]
