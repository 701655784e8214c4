"""Find every region, zone, industry and central-body name of the lists in a text.

One Aho-Corasick automaton over all names, built once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import ahocorasick

from innoatlas.lexicon.bodies import central_bodies
from innoatlas.lexicon.divisions import load_divisions
from innoatlas.lexicon.enterprises import central_enterprises, listed_companies
from innoatlas.lexicon.facilities import science_facilities
from innoatlas.lexicon.industries import load_industries
from innoatlas.lexicon.programmes import national_programmes
from innoatlas.lexicon.zones import zone_names

# Division names that are ordinary words in running text (城区 of 阳泉, 郊区 of 铜陵).
_COMMON_WORD_PLACES = frozenset({"城区", "郊区", "矿区", "新区", "市中区", "城中区", "开发区"})

# Kinds of lexicon entries; the extractor uses them for typing and priority.
REGION_FULL, REGION_SHORT, ZONE, INDUSTRY = "region", "region_short", "zone", "industry"
CENTRAL_BODY = "central_body"
CENTRAL_FIRM = "central_firm"  # key: the entity type (enterprise, investor)
PROGRAMME = "programme"
FACILITY = "facility"  # key: the facility's full name
LISTED_FIRM = "listed_firm"  # key: the name the firm trades under


@dataclass(frozen=True)
class LexEntry:
    kind: str
    key: str  # division code, canonical zone name or the industry term


@functools.lru_cache(maxsize=1)
def lexicon_automaton() -> ahocorasick.Automaton:
    """One automaton over region, zone and industry names; values are (text, [LexEntry])."""
    table: dict[str, list[LexEntry]] = {}
    for div in load_divisions().values():
        if div.name in _COMMON_WORD_PLACES:
            continue
        table.setdefault(div.name, []).append(LexEntry(REGION_FULL, div.code))
        if div.short:
            table.setdefault(div.short, []).append(LexEntry(REGION_SHORT, div.code))
    for written, canonical in zone_names().items():
        table.setdefault(written, []).insert(0, LexEntry(ZONE, canonical))
    for term in load_industries()[0]:
        table.setdefault(term, []).append(LexEntry(INDUSTRY, term))
    for written, full in central_bodies().items():
        table.setdefault(written, []).insert(0, LexEntry(CENTRAL_BODY, full))
    for name in national_programmes():
        table.setdefault(name, []).insert(0, LexEntry(PROGRAMME, name))
    for written, full in science_facilities().items():
        table.setdefault(written, []).insert(0, LexEntry(FACILITY, full))
    for name in listed_companies():
        if name not in table:  # 机器人, 太阳能: a trading name that is an industry or a place is that
            table[name] = [LexEntry(LISTED_FIRM, name)]
    for written, (_full, type_) in central_enterprises().items():
        table.setdefault(written, []).insert(0, LexEntry(CENTRAL_FIRM, type_))
    automaton = ahocorasick.Automaton()
    for text, entries in table.items():
        automaton.add_word(text, (text, entries))
    automaton.make_automaton()
    return automaton


# Several stages look the same document up: the last few texts' hits are kept.
@functools.lru_cache(maxsize=8)
def find_lexicon(text: str) -> tuple[tuple[int, int, list[LexEntry]], ...]:
    """All (start, end, entries) occurrences of vocabulary names in `text`."""
    return tuple(
        (end + 1 - len(word), end + 1, entries) for end, (word, entries) in lexicon_automaton().iter(text)
    )
