"""Departments named by their officer: 某省科技厅成果转化处|处长, 某某发展司|司长.

Chinese writes an officer's title as the head character of the unit and 长
(处长, 司长, 局长). Written right after a name ending in that character, the
title closes the unit's name: the words before it up to a clause boundary
are the department, its parent body included when the text writes both as
one (江西省科技厅成果转化处). A department of a firm is typed as its firm
(国网某电力公司建设部某建设处); any other is a government body.
"""

from __future__ import annotations

import functools
import re

from innoatlas.extract.entities.grammar import NAME_TAGS, NAME_VERBS, Candidate, TokenIndex
from innoatlas.extract.entities.patterns import pattern
from innoatlas.lexicon.bodies import local_departments
from innoatlas.lexicon.suffixes import load_suffixes, suffix_type

UNIT_OFFICER = pattern("unit_officer")
MIN_UNIT_CHARS = UNIT_OFFICER.params["min_unit_chars"]
MAX_UNIT_CHARS = UNIT_OFFICER.params["max_unit_chars"]
# Parents whose departments take their type (a firm's department acts as the firm).
_PARENT_TYPES = frozenset({"enterprise", "investor"})


def officer_units(norm: str, ix: TokenIndex) -> list[Candidate]:
    out = []
    for m in UNIT_OFFICER.trigger.finditer(norm):
        end = m.start("head") + 1
        start = _unit_start(norm, ix, end)
        if start is not None:
            out.append(
                Candidate(start, end, _unit_type(norm[start:end]), "suffix", UNIT_OFFICER.priority, 0.8)
            )
    return out


def _unit_start(norm: str, ix: TokenIndex, end: int) -> int | None:
    """Leftmost start of the name-like tokens that end with the unit's head character."""
    k = ix.pos_token[end - 1]
    if k < 0:
        return None
    # the head may stand alone (转化/vn 处/n) or end a token (能源发展司/vn)
    start = ix.tokens[k].start if ix.tokens[k].end == end else None
    if start is None:
        return None
    while k > 0:
        prev = ix.tokens[k - 1]
        if prev.end != ix.tokens[k].start or end - prev.start > MAX_UNIT_CHARS or not _name_part(prev):
            break
        start = prev.start
        k -= 1
    return start if end - 1 - start >= MIN_UNIT_CHARS else None


def _name_part(tok) -> bool:
    if tok.tag in ("n", "vn"):
        return True  # 建设/vn|处: a verb of the stop list used as the department's field
    if tok.text in load_suffixes().left_stop:
        return False
    return tok.tag in NAME_TAGS or tok.text in NAME_VERBS or tok.tag == "v" and tok.text.endswith("部")


def _unit_type(name: str) -> str:
    for p in range(len(name) - 1, 1, -1):
        found = suffix_type(name[:p])
        if found is not None and p > len(found[0]) and found[1] in _PARENT_TYPES:
            return found[1]
    return "government"


PARTY_COMMITTEE = pattern("party_committee")
_PLACE_TAGS = frozenset({"LOC", "ns"})


def party_committees(norm: str, ix: TokenIndex) -> list[Candidate]:
    """湖南|省委书记: the place and its committee, where the tagger ran the title into the committee."""
    out = []
    for m in PARTY_COMMITTEE.trigger.finditer(norm):
        k = ix.by_end.get(m.start("body"))
        if k is not None and ix.tokens[k].tag in _PLACE_TAGS:
            out.append(
                Candidate(
                    ix.tokens[k].start, m.end("body"), "government", "suffix", PARTY_COMMITTEE.priority, 0.8
                )
            )
    return out


ACTING_GOVERNMENT = pattern("acting_government")


def acting_governments(norm: str) -> list[Candidate]:
    """省政府印发, 由市政府批复: a government named by its level alone, acting."""
    return [
        Candidate(
            m.start("body"), m.end("body"), "government", "acting_body", ACTING_GOVERNMENT.priority, 0.8
        )
        for m in ACTING_GOVERNMENT.trigger.finditer(norm)
    ]


LEVEL_DEPARTMENT = pattern("level_department")


@functools.lru_cache(maxsize=1)
def _department_names() -> re.Pattern:
    names = sorted(local_departments(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def level_departments(norm: str) -> list[Candidate]:
    """市科技局, 省商务厅: a local department written with its level alone."""
    out = []
    for m in LEVEL_DEPARTMENT.trigger.finditer(norm):
        dept = _department_names().match(norm, m.end())
        if dept is not None:
            out.append(
                Candidate(m.start(), dept.end(), "government", "suffix", LEVEL_DEPARTMENT.priority, 0.8)
            )
    return out
