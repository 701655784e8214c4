"""How the relations the rules found settle into one answer for a document.

A relation between two written forms of one name is none (nor one of a name and its tail); of two relations of one pair the
predicate of higher priority stays (patterns.yaml); a title a body holds, or a zone's own part,
hosts nothing; one fact written with two forms of a name is kept once.
"""

from __future__ import annotations

import re
from functools import cache

from innoatlas.extract.model import EntityMention, RelationRecord
from innoatlas.extract.relations.names import written_alike
from innoatlas.extract.relations.sentences import relation_patterns


def settle(records: list[RelationRecord], aliases: set[frozenset[str]]) -> list[RelationRecord]:
    kept = [
        r
        for r in records
        if _without_readings(r.subject) != _without_readings(r.object)
        and frozenset((r.subject, r.object)) not in aliases
        and not (r.predicate in _PLACING and _written_short(r.subject, r.object))
    ]
    return _one_per_written_form(_one_predicate_per_pair(_designations_host_nothing(kept)), aliases)


def _designations_host_nothing(records: list[RelationRecord]) -> list[RelationRecord]:
    """A获批“B示范基地”: B is a title A holds, so B hosts nothing, A least of all; and a zone that
    is part of another (A建设B“核心区”) does not sit in its own part."""
    titles = {(r.object, r.subject) for r in records if r.predicate == "member_of"}
    wholes = {(r.object, r.subject) for r in records if r.predicate == "part_of"}
    return [
        r
        for r in records
        if r.predicate not in _PLACING
        or (r.subject, r.object) not in titles
        and (r.predicate != "located_in" or (r.subject, r.object) not in wholes)
    ]


_PLACING = frozenset({"located_in", "part_of"})


def _written_short(a: str, b: str) -> bool:
    """江川国际生物城 and 星湖江川国际生物城, 激光产业园 and 某省激光产业园: a name and its own tail are
    one thing written in full and short (the place before it dropped), not a part and a whole."""
    a, b = _without_readings(a), _without_readings(b)
    return a.endswith(b) or b.endswith(a)


def bracketed_in_name(norm: str, m: EntityMention) -> bool:
    """星驰(上海)科技: a place in brackets with name characters on both sides is the city a firm
    writes into its registered name, no place the text talks about."""
    if m.type != "region" or m.start < 2 or m.end + 1 >= len(norm):
        return False
    return (
        norm[m.start - 1] in "(（"
        and norm[m.end] in ")）"
        and _NAME_CHAR.match(norm[m.start - 2]) is not None
        and _NAME_CHAR.match(norm[m.end + 1]) is not None
    )


_NAME_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _one_per_written_form(
    records: list[RelationRecord], aliases: set[frozenset[str]]
) -> list[RelationRecord]:
    """青岛 and 青岛市 focusing on one industry is one fact, and so are a name and the short name
    the text declares for it: the first relation is kept."""

    def alike(a: str, b: str) -> bool:
        return written_alike(a, b) or frozenset((a, b)) in aliases

    out: list[RelationRecord] = []
    for r in records:
        if not any(
            o.predicate == r.predicate and alike(o.subject, r.subject) and alike(o.object, r.object)
            for o in out
        ):
            out.append(r)
    return out


@cache
def _predicate_priority() -> dict[str, int]:
    """A predicate's priority: the highest of the patterns that state it (patterns.yaml)."""
    out: dict[str, int] = {}
    for p in relation_patterns().values():
        if p.predicate:
            out[p.predicate] = max(out.get(p.predicate, 0), p.priority)
    return out


def _one_predicate_per_pair(records: list[RelationRecord]) -> list[RelationRecord]:
    """Two relations of one subject and object: the higher priority is kept (a branch is
    part_of its parent, not also located_in it)."""
    rank = _predicate_priority()
    best: dict[tuple[str, str], int] = {}
    for r in records:
        key = (r.subject, r.object)
        best[key] = max(best.get(key, 0), rank.get(r.predicate, 0))
    return [r for r in records if rank.get(r.predicate, 0) >= best[(r.subject, r.object)]]


def _without_readings(name: str) -> str:
    """济南高新区(qū) and 济南高新区 are one name (see documents.normalize: pinyin glosses), and so are
    重庆高新区(直管园) and 重庆高新区: a bracket after a name restates or narrows it."""
    return _TRAILING_BRACKET.sub("", _READING.sub("", name))


_TRAILING_BRACKET = re.compile(r"[(（][^()（）]{1,12}[)）]$")


_READING = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}\)")
