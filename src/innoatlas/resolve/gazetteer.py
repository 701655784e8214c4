"""Look-ups in the bundled gazetteers: administrative divisions and zones.

divisions.csv (China's divisions with codes, see build_divisions) and
zones.yaml (new areas, high-tech zones, science cities, their sub-areas,
economic regions; versioned by date) are loaded by innoatlas.lexicon;
this module indexes them by folded name and answers the resolver's
questions: which division a name is in the context of a document, which
zone a name is, and what a zone was on a given day.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from innoatlas.lexicon.divisions import Division, load_divisions, plain_level_form
from innoatlas.lexicon.zones import Zone, load_zones
from innoatlas.resolve.names import fold

LEVEL_RANK = {"province": 0, "city": 1, "county": 2}
PLACE_TYPES = frozenset({"region", "zone"})


def division_key(code: str) -> str:
    return f"division:{code}"


def zone_key(zone: Zone) -> str:
    if zone.kind == "economic_region":
        return economic_region_key(zone.name)
    return f"zone:{fold(zone.name)}"


ECONOMIC_REGION_PREFIX = "area:"


def economic_region_key(name: str) -> str:
    return f"{ECONOMIC_REGION_PREFIX}{fold(name)}"


@dataclass(frozen=True)
class DivisionIndex:
    by_name: dict[str, tuple[str, ...]]  # folded full name -> codes
    by_short: dict[str, tuple[str, ...]]  # folded short form -> codes


@functools.lru_cache(maxsize=1)
def division_index() -> DivisionIndex:
    by_name: dict[str, list[str]] = defaultdict(list)
    by_short: dict[str, list[str]] = defaultdict(list)
    for d in load_divisions().values():
        by_name[fold(d.name)].append(d.code)
        if d.short:
            by_short[fold(d.short)].append(d.code)
        plain = plain_level_form(d)
        if plain:
            by_short[fold(plain)].append(d.code)
    return DivisionIndex(
        {k: tuple(v) for k, v in by_name.items()}, {k: tuple(v) for k, v in by_short.items()}
    )


@functools.lru_cache(maxsize=1)
def zone_index() -> dict[str, Zone]:
    """Folded canonical names and aliases -> zone (a canonical name wins over another zone's alias)."""
    out: dict[str, Zone] = {}
    zones = load_zones().values()
    for zone in zones:
        out[fold(zone.name)] = zone
    for zone in zones:
        for alias in zone.aliases:
            out.setdefault(fold(alias), zone)
    return out


def division(code: str) -> Division:
    return load_divisions()[code]


def ancestors(code: str) -> list[Division]:
    """The divisions above `code`, nearest first."""
    out = []
    d = load_divisions().get(code)
    while d is not None and d.parent:
        d = load_divisions().get(d.parent)
        if d is not None:
            out.append(d)
    return out


def division_candidates(folded: str, short_ok: bool, context: set[str] | None = None) -> tuple[str, ...]:
    """Codes a written place name may stand for: full names first, short forms when allowed.

    A county's short form is a common word as often as a place (资源, 温泉):
    with a `context`, it counts only inside a province the document names.
    """
    index = division_index()
    found = index.by_name.get(folded, ())
    if found or not short_ok:
        return found
    shorts = index.by_short.get(folded, ())
    if context is None:
        return shorts
    provinces = {c[:2] for c in context}
    return tuple(c for c in shorts if division(c).level != "county" or c[:2] in provinces)


def is_upper_short(folded: str) -> bool:
    """A province's or city's short form (重庆, 成都): a place whatever the tagger called it."""
    codes = division_index().by_short.get(folded, ())
    return any(division(c).level != "county" for c in codes)


def choose_division(codes: tuple[str, ...], context: set[str]) -> str | None:
    """The one of `codes` the document means, given the codes it names unambiguously.

    A candidate under a mentioned division, or in a province the document
    names, wins; else the highest level (吉林 is the province before the
    city); a tie left after that is not guessed.
    """
    if len(codes) == 1:
        return codes[0]
    provinces = {c[:2] for c in context}

    def score(code: str) -> tuple[int, int, int]:
        above = {d.code for d in ancestors(code)}
        return (-len(above & context), -(code[:2] in provinces), LEVEL_RANK[division(code).level])

    ranked = sorted(codes, key=score)
    if score(ranked[0]) == score(ranked[1]):
        return None
    return ranked[0]


def division_named(name: str, province: str | None = None) -> str | None:
    """The code of a division written in zones.yaml (a full name, inside `province` if given)."""
    codes = division_index().by_name.get(fold(name), ())
    if province is not None:
        inside = division_named(province)
        codes = tuple(c for c in codes if inside is not None and c[:2] == inside[:2]) or codes
    return codes[0] if len(codes) == 1 else None


def zone_region(zone: Zone) -> str | None:
    """The division a zone lies in: its city (or district) if given, else its province."""
    if zone.city:
        code = division_named(zone.city, zone.province)
        if code is not None:
            return code
    return division_named(zone.province) if zone.province else None
