"""Branches and regional units written right after their parent's name.

A branch is named by its place after its parent (建设银行|两江分行, 某集团|
重庆分公司), a group's office for a great region by the region and 总部 or
分公司 (某集团|西南区域总部): either way the parent and the unit are one name.
"""

from __future__ import annotations

from innoatlas.extract.entities.grammar import Candidate
from innoatlas.extract.entities.patterns import pattern

# A branch named by its place after its parent's name: 建设银行|两江分行, 某集团|重庆分公司.
BRANCH_TAIL = pattern("branch").trigger
_BRANCH_PARENTS = frozenset({"investor", "enterprise", "university", "institute", "platform"})


def branch_candidates(candidates: list[Candidate], norm: str) -> list[Candidate]:
    """The parent and its branch written one after the other are one name."""
    parents = {c.end: c for c in candidates if c.type in _BRANCH_PARENTS}
    out = []
    for c in candidates:
        parent = parents.get(c.start)
        if parent is not None and parent is not c and BRANCH_TAIL.search(norm, c.start, c.end):
            out.append(Candidate(parent.start, c.end, c.type, "suffix", 52, 0.8))
    return out


_REGIONAL_UNIT = pattern("regional_unit")
# Parents a regional office is written after: firms, and the engineering
# bureaus of state groups (中建八局), whose 局 reads as a government suffix.
_UNIT_PARENTS = frozenset({"enterprise", "investor", "government"})


def regional_units(candidates: list[Candidate], norm: str) -> list[Candidate]:
    """某集团西南区域总部: a firm's office for a great region is one name with the firm's."""
    out = []
    for c in candidates:
        if c.type in _UNIT_PARENTS and (m := _REGIONAL_UNIT.trigger.match(norm, c.end)):
            etype = "investor" if c.type == "investor" else "enterprise"  # 总部 and 分公司 are a firm's
            out.append(Candidate(c.start, m.end(), etype, "suffix", _REGIONAL_UNIT.priority, 0.8))
    return out
