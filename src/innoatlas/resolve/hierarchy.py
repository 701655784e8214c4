"""Part-of and located-in read off a name.

- a branch names its parent and often its place: 南方理工大学杭州研究院 is
  part of 南方理工大学 and located in 杭州; 某某大学材料中心 is part of 某某大学;
- a government body or a park named after a place belongs to it or lies in it:
  滨江新区经济发展局 is part of 滨江新区, 杭州智能家居产业园 lies in 杭州.
"""

from __future__ import annotations

from dataclasses import dataclass

from innoatlas.lexicon.prefixes import leading_name
from innoatlas.lexicon.suffixes import suffix_type
from innoatlas.resolve.gazetteer import division_candidates, zone_index
from innoatlas.resolve.names import is_legal_form

# Heads of a body that has branches: 大学, 科学院, 集团 ... A branch of any of
# these is what follows them (杭州研究院, 材料中心, 宁波分公司).
PARENT_HEADS = ("大学", "学院", "科学院", "研究院", "研究所", "集团", "公司")
# Heads whose branches say so with 分 (X工程研究中心宁波分中心): 中心 and 实验室
# are also the heads of a single body's compound name.
SPLIT_HEADS = ("中心", "实验室")
MIN_PARENT_CHARS = 4  # 北京大学; shorter heads (中科院) are contractions, resolved in context
MAX_PLACE_CHARS = 15  # the longest division name (积石山保安族东乡族撒拉族自治县); 西部(重庆)科学城 is 9
NAMED_PLACE_TYPES = frozenset({"government", "zone"})


@dataclass(frozen=True)
class Branch:
    parent: str  # folded name of the parent body
    parent_type: str
    place: str | None  # folded place name written between parent and unit
    unit: str


def split_branch(folded: str) -> Branch | None:
    """The first parent body a name starts with, and its place and unit, if the rest is a unit."""
    for end in range(MIN_PARENT_CHARS, len(folded) - 1):
        parent = folded[:end]
        heads_all = parent.endswith(PARENT_HEADS)
        if not (heads_all or parent.endswith(SPLIT_HEADS)):
            continue
        rest = folded[end:]
        if is_legal_form(rest):  # 拓普集团有限公司 is one firm
            continue
        place = leading_place(rest)
        unit = rest[len(place) :] if place else rest
        if len(unit) < 2 or suffix_type(unit) is None:
            continue
        if not heads_all and not unit.startswith("分"):
            continue
        found = suffix_type(parent)
        return Branch(parent, found[1] if found else "institute", place, unit)
    return None


def leading_place(folded: str) -> str | None:
    """The longest division or zone name `folded` starts with, leaving at least two characters.

    Economic regions (成渝, 川渝) are no places a body belongs to: a court of
    成渝 (成渝某法院) serves the region but is not part of it.
    """
    return leading_name(folded, _is_place, MAX_PLACE_CHARS, keep=2)


def _is_place(head: str) -> bool:
    zone = zone_index().get(head)
    if zone is not None:
        return zone.kind != "economic_region"
    return bool(division_candidates(head, short_ok=True))


def leading_places(folded: str) -> list[str]:
    """The places a name starts with, outermost first: 重庆市江津区某某局 -> [重庆市, 江津区]."""
    places = []
    rest = folded
    while (place := leading_place(rest)) is not None:
        places.append(place)
        rest = rest[len(place) :]
    return places
