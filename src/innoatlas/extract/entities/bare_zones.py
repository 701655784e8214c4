"""A zone the text names only by its kind (高新区, 经开区): the bare kind word is its name.

A zone's own pages and a city's reports call it 高新区 or 经开区 throughout, and a
city's overview lists its districts and zones side by side (以空港新城、经开区、高新区为主要承载地):
the text has no other name for that zone. A kind word that also ends a named zone of
the text (某市高新区 … 高新区) refers back to that one instead, and is left to the relation
and figure stages; a kind word after a verb (制约高新区发展) is neither.
"""

from __future__ import annotations

import re

from innoatlas.extract.entities.grammar import Candidate
from innoatlas.lexicon.match import REGION_FULL, REGION_SHORT, ZONE, find_lexicon

# The kinds of national and provincial zones (the zone lists of lexicon/data) by their
# short form, which a text uses on its own.
BARE_KINDS = ("高新区", "经开区", "开发区", "自贸区", "综保区", "保税区")
# Kinds that are also the common noun of their class (开发区建设, 自贸区扩容): said alone
# they name one zone only where every mention opens free.
GENERIC_KINDS = ("开发区", "保税区", "自贸区", "综保区")
# What may stand right before a bare kind word: the edge of a clause or list, a
# function word (在, 和, 与 …), or an event's kind (某市主题发布会经开区专场: the zone's
# session of a series); a name character there makes it the end of a longer name.
_OPEN_BEFORE = re.compile(
    r"[\s、，,。；;：:！!？?“”\"(（)）《》—\-]|在|和|与|及|由|将|对|据|今年|上半年|以来|发布会|大会|论坛|峰会|推进会"
)


def bare_zone_candidates(norm: str) -> list[Candidate]:
    out: list[Candidate] = []
    named = _named_starts(norm)
    for kind in BARE_KINDS:
        hits = [m.start() for m in re.finditer(kind, norm)]
        free = [s for s in hits if _opens_free(norm, s)]
        if not free or any(s in named for s in hits):
            continue  # 某市高新区 … 高新区: the kind word refers back to the named zone
        if kind in GENERIC_KINDS and len(free) < len(hits):
            continue  # 推动开发区建设: the class of zones, not one
        out += [Candidate(s, s + len(kind), "zone", "bare_zone", 40, 0.6) for s in free]
    return out


def _named_starts(norm: str) -> set[int]:
    """Where a kind word would be the end of a named zone: right after a place of the
    lists (某市|高新区), or inside a listed zone's name (某某|高新区 as the list writes it)."""
    named: set[int] = set()
    for start, end, entries in find_lexicon(norm):
        kinds = {e.kind for e in entries}
        if kinds & {REGION_FULL, REGION_SHORT}:
            named.add(end)
        if ZONE in kinds:
            named.update(range(start + 1, end))
    return named


def _opens_free(norm: str, start: int) -> bool:
    if start == 0:
        return True
    before = norm[max(0, start - 3) : start]
    return any(m.end() == len(before) for m in _OPEN_BEFORE.finditer(before))
