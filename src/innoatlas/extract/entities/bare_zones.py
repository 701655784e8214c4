"""A zone the text names only by its kind (高新区, 经开区): the bare kind word is its name.

A zone's own pages and a city's reports call it 高新区 or 经开区 throughout, and a
city's overview lists its districts and zones side by side (以空港新城、经开区、高新区为主要承载地):
the text has no other name for that zone. A kind word that also ends a named zone of
the text (某市高新区 … 高新区) refers back to that one instead, and is left to the relation
and figure stages.
"""

from __future__ import annotations

import re

from innoatlas.extract.entities.grammar import Candidate

# The kinds of national and provincial zones (the zone lists of lexicon/data) by their
# short form, which a text uses on its own.
BARE_KINDS = ("高新区", "经开区", "开发区", "自贸区", "综保区", "保税区")
# What may stand right before a bare kind word: the edge of a clause or list, a
# function word (在, 和, 与 …), or an event's kind (某市主题发布会经开区专场: the zone's
# session of a series); a name character there makes it the end of a longer name.
_OPEN_BEFORE = re.compile(
    r"[\s、，,。；;：:！!？?“”\"(（)）《》—\-]|在|和|与|及|由|将|对|据|今年|上半年|以来|发布会|大会|论坛|峰会|推进会"
)


def bare_zone_candidates(norm: str) -> list[Candidate]:
    out: list[Candidate] = []
    for kind in BARE_KINDS:
        hits = [m.start() for m in re.finditer(kind, norm)]
        free = [s for s in hits if _opens_free(norm, s)]
        graded = [s for s in hits if _LEVEL_BEFORE.search(norm, max(0, s - 3), s)]
        if not free or len(free) + len(graded) < len(hits):
            continue  # 某市高新区 … 高新区: the kind word refers back to the named zone
        out += [Candidate(s, s + len(kind), "zone", "bare_zone", 40, 0.6) for s in free]
    return out


# A level before the kind word (晋升为国家级高新区) names the grade of zone, not another zone.
_LEVEL_BEFORE = re.compile(r"(?:国家级|省级|国家)$")


def _opens_free(norm: str, start: int) -> bool:
    if start == 0:
        return True
    before = norm[max(0, start - 3) : start]
    return any(m.end() == len(before) for m in _OPEN_BEFORE.finditer(before))
