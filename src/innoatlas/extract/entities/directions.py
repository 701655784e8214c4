"""The country's great regions written as bare direction words: 在西部建成…, 带动中西部发展.

A direction word alone is a region only where the grammar makes it a place
of its own: after a preposition, a verb of leading or building, or the whole
country (我国西部). After a place name it is part of that place (城区西部),
and 西部地区 is found whole by the lists.
"""

from __future__ import annotations

from innoatlas.extract.entities.grammar import Candidate, TokenIndex
from innoatlas.extract.entities.patterns import pattern

DIRECTION_REGION = pattern("direction_region")


def direction_regions(norm: str, ix: TokenIndex) -> list[Candidate]:
    out = []
    for m in DIRECTION_REGION.trigger.finditer(norm):
        start, end = m.span("name")
        if start in ix.by_start:
            out.append(Candidate(start, end, "region", "direction", DIRECTION_REGION.priority, 0.7))
    return out
