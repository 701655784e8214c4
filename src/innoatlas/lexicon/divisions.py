"""China's administrative divisions (data/divisions.csv, see build_divisions)."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

from innoatlas.lexicon.files import csv_lines
from innoatlas.text import to_simplified


@dataclass
class Division:
    code: str
    name: str
    level: str  # province, city, county
    parent: str | None
    short: str | None


@functools.lru_cache(maxsize=1)
def load_divisions() -> dict[str, Division]:
    rows = csv.DictReader(csv_lines("divisions.csv"))
    return {
        r["code"]: Division(r["code"], r["name"], r["level"], r["parent"] or None, r["short"] or None)
        for r in rows
    }


# 全州 or 全市 written alone is "the whole prefecture/city" of the text, far more often than the
# short name of a county (全州县 is written in full where it is meant); 我市, 本省: a local
# outlet's or government's own place, written in the first person.
WHOLE_AREA_WORDS = frozenset(head + level for head in "全我本" for level in "省市州县区旗盟")


@functools.lru_cache(maxsize=1)
def division_names() -> frozenset[str]:
    """Every division's full and short name (重庆市, 重庆; 涪陵区, 涪陵)."""
    return frozenset(
        n for d in load_divisions().values() for n in (d.name, d.short) if n and n not in WHOLE_AREA_WORDS
    )


@functools.lru_cache(maxsize=1)
def full_division_names() -> frozenset[str]:
    """Divisions by their full names only (浙江省, 金华市, 涪陵区)."""
    return frozenset(d.name for d in load_divisions().values())


@functools.lru_cache(maxsize=4096)
def full_names_of(name: str) -> tuple[str, ...]:
    """The full names of the divisions a written name may stand for, in either script
    (涪陵 -> 涪陵区; 重庆 -> 重庆市; 綿陽 -> 绵阳市); the name itself when it is no division's."""
    return _fulls_by_name().get(to_simplified(name)) or (name,)


@functools.lru_cache(maxsize=1)
def _fulls_by_name() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for d in load_divisions().values():
        for n in {d.name, d.short} - {None}:
            out.setdefault(n, []).append(d.name)
    return {n: tuple(names) for n, names in out.items()}


def is_lab_tier(name: str) -> bool:
    """湖北实验室, 浙江省实验室, 重庆实验室: the provincial laboratories of the 2022 reform of the
    laboratory system are a tier named by the province (full or short) and 实验室; a lab named
    by its city (广州实验室) or its own name (之江实验室) is one body."""
    return name.endswith(_LAB) and name[: -len(_LAB)] in _provinces()


_LAB = "实验室"


@functools.lru_cache(maxsize=1)
def _provinces() -> frozenset[str]:
    return frozenset(
        n for d in load_divisions().values() if d.level == "province" for n in (d.name, d.short) if n
    )


def division_chain(name: str, pos: int = 0, outer=None) -> list[tuple[str, object]]:
    """湖南岳阳 -> [(湖南, 湖南省), (岳阳, 岳阳市)]: known divisions, each inside the one before
    it, the longest first at each step; [] when the name is not such a chain. A name that
    several divisions share (河北: the province, a district of 天津) is read as the one the
    rest of the chain fits in."""
    if pos == len(name):
        return []
    for k in range(min(len(name) - pos, 8), 1, -1):
        for d in divisions_named().get(name[pos : pos + k], ()):
            if outer is not None and not inside(d, outer.code):
                continue
            rest = division_chain(name, pos + k, d)
            if rest or pos + k == len(name):
                return [(name[pos : pos + k], d), *rest]
    return []


def inside(d, code: str) -> bool:
    """The division of this code is one of d's wider divisions (西湖区 inside 杭州市)."""
    divisions = load_divisions()
    parent = d.parent
    while parent:
        if parent == code:
            return True
        parent = divisions[parent].parent if parent in divisions else None
    return False


# An autonomous prefecture or county is written with its short form and the plain level as
# often as with the short form alone: 德宏州 for 德宏傣族景颇族自治州, 石柱县 for 石柱土家族自治县.
AUTONOMOUS_ENDINGS = {"自治州": "州", "自治县": "县"}


def plain_level_form(d) -> str | None:
    """The short form and the plain level of an autonomous division (德宏州), else None."""
    if not d.short:
        return None
    return next(
        (d.short + plain for ending, plain in AUTONOMOUS_ENDINGS.items() if d.name.endswith(ending)), None
    )


@functools.lru_cache(maxsize=1)
def divisions_named() -> dict[str, tuple]:
    """Full and short names -> every division of that name (朝阳 names several)."""
    out: dict[str, list] = {}
    for d in load_divisions().values():
        for n in {d.name, d.short, plain_level_form(d)} - {None}:
            out.setdefault(n, []).append(d)
    return {n: tuple(ds) for n, ds in out.items()}


# The kinds of zone a list writes in brackets after each name to say where it stands.
_ZONE_KINDS = ("高新区", "经开区", "开发区", "新区", "自贸区", "保税区", "综保区", "示范区", "园区")


def names_a_seat(words: str) -> bool:
    """A district or county (某某区, 某县) or a zone (高新区, 某东新区) written in brackets after a
    name says where it stands. A city or province in brackets does not: it names a branch or a
    campus (某大学(武汉), 某汽车(安徽)), as a firm's legal name holds its city."""
    if words.endswith(_ZONE_KINDS):
        return True
    found = divisions_named().get(words, ())
    return bool(found) and all(d.level == "county" for d in found)
