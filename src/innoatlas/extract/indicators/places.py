"""Which places a text is about: its main region, what its whole-area words
(全市, 全省 …) stand for, the region a government body's name governs, the
country written as a topic (我国, 全国) and a class of national zones written
as one actor (国家高新区).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from innoatlas.extract.indicators.cues import cue
from innoatlas.extract.model import EntityMention
from innoatlas.lexicon.divisions import WHOLE_AREA_WORDS, division_names, full_names_of
from innoatlas.lexicon.prefixes import leading_name
from innoatlas.lexicon.suffixes import load_suffixes
from innoatlas.lexicon.zones import load_zones, zone_names

# Types a subject may be carried over from earlier text: the areas an article is about.
CARRIED_TYPES = frozenset(("region", "zone"))
# The whole country as written in running text (not 中国 inside names: 中国科学院;
# not 全国首个, 全国第一: a description of a first).
NATION_RE = cue("nation").trigger


def nation_mentions(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """我国, 全国 written where a place could stand: the country as a topic (我国…实现…)."""
    places = {m.start for m in mentions if m.type in CARRIED_TYPES}
    return [
        EntityMention(m.group(), m.group(), "region", m.start(), m.end(), "nation")
        for m in NATION_RE.finditer(text)
        if not nation_as_frame(text, m.start(), m.end()) and not _whole_of_place(text, m.end(), places)
    ]


# 国家高新区, 178家国家级经开区: a class of zones written as one actor (a ministry's release).
ACTOR_CLASS = cue("actor_class")
CLASS_OPENING_RE = ACTOR_CLASS.cue("opening")
CLASS_EVALUATION_RE = ACTOR_CLASS.cue("evaluation")


@cache
def _class_re() -> re.Pattern:
    """国家 + a naming form of zones (高新区, 经济技术开发区, 新区 … from the lexicon), with its count."""
    forms = sorted(
        (s for s, t in load_suffixes().suffixes.items() if t == "zone" and len(s) > 1), key=len, reverse=True
    )
    name = ACTOR_CLASS.trigger.pattern + ACTOR_CLASS.cue("infix").pattern + "(?:" + "|".join(forms) + ")"
    return re.compile(f"(?P<count>{ACTOR_CLASS.cue('count').pattern})?(?P<name>{name})")


def class_mentions(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """A class of national zones as one subject; a count right before it is part
    of the mention (178家国家高新区 heads its clause and counts the class)."""
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    out = []
    for c in _class_re().finditer(text):
        start, end = c.start(), c.end()
        if any(taken[c.start("name") : end]) or not CLASS_OPENING_RE.search(text, max(0, start - 2), start):
            continue  # 某市国家高新区: one zone of the class, named by the entity stage or not
        if CLASS_EVALUATION_RE.match(text, end):
            continue  # 国家高新区综合评价: the ranking a zone holds a place in
        name = c.group("name")
        out.append(EntityMention(name, name, "zone", start, end, "class"))
    return out


# 全国每5台空调有1台产自某省, 全国游客到某地: the country is the whole a place's share is taken from.
NATION_TO_PLACE_RE = cue("nation").cue("to_place")


def _whole_of_place(text: str, end: int, places: set[int]) -> bool:
    to_place = NATION_TO_PLACE_RE.match(text[end : end + 40])
    return to_place is not None and end + to_place.end() in places


# 全国 after 占/居/列/在 or before 第/首/领先/比重 is the frame a place is compared
# with (占全国的1/10, 居全国第二, 全国领先), not what the figure is about.
NATION_FRAME_BEFORE_RE = cue("nation").cue("frame_before")
NATION_FRAME_AFTER_RE = cue("nation").cue("frame_after")


def nation_as_frame(text: str, start: int, end: int) -> bool:
    return bool(
        NATION_FRAME_BEFORE_RE.search(text, max(0, start - 2), start)
        or NATION_FRAME_AFTER_RE.match(text[end : end + NATION_FRAME_REACH])
    )


# Characters after 全国 its frame words are looked for in (全国重点实验室, 全国规模最大).
NATION_FRAME_REACH = 8


def region_counts(mentions: list[EntityMention]) -> dict[str, int]:
    """How often the text names each region, by its written name, in order of first mention."""
    return dict(Counter(m.name for m in mentions if m.type == "region"))


def whole_areas(mentions: list[EntityMention], city: str | None) -> dict[str, str | None]:
    """What 全省, 全市, 全县 … stand for: the region of that level the article names most
    often (全市 in a report on a district is its city, not the district; ANNOTATION.md: none
    when the text names no such place); the region a body's name opens with counts as named."""
    named = region_counts(mentions)
    if city is not None:
        named.setdefault(city, 0)  # the region a body's name opens with, when none is named alone
    # a name's level is read in its normalised form: 長治市上黨區, 上党区(qū) end in 区
    plain = {m.name: m.norm_name for m in mentions}
    named_in_names: list[str] | None = None  # read once, when a level needs them
    out: dict[str, str | None] = {}
    for word in sorted(WHOLE_AREA_WORDS):
        level = word[-1]
        counts = dict(named)  # each word on its own: what one level falls back to is not another's
        # a name of another level (全市 in a report on a district) is not what 全市 means;
        # names of no known level (a prefecture's short name, 恩施州) may be
        fitting = [
            n for n in counts if _level_fits(plain.get(n, n), level) and not _economic_region(plain.get(n, n))
        ]
        if not fitting:
            # 某市科技局…我市: the place a body's name opens with; 加快某省…行动方案: a plan's or
            # report's own name says whose it is
            if named_in_names is None:
                named_in_names = _places_of_bodies(mentions) + _places_in_titles(mentions)
            fitting = [n for n in named_in_names if _exact_level(n, level)]
            if not fitting and level != "区":
                # 某市工业园区…全市: the city a park's name opens with; 全区 in a zone's story is the zone
                fitting = [n for n in _places_of_zones(mentions) if _exact_level(n, level)]
            counts.update(dict.fromkeys(fitting, 0))
        if not fitting and level == "区":
            # 全区 in a story of a zone no division is named with: the zone (某高新区…。全区规上工业产值…)
            fitting = [n for n in _zones_named(mentions) if n.endswith("区")]
            counts.update({n: _zones_named(mentions)[n] for n in fitting})
        out[word] = (
            max(fitting, key=lambda n: (_exact_level(plain.get(n, n), level), counts[n])) if fitting else None
        )
    return out


def _zones_named(mentions: list[EntityMention]) -> dict[str, int]:
    return dict(Counter(m.name for m in mentions if m.type == "zone"))


def _economic_region(name: str) -> bool:
    """长三角, 粤港澳大湾区: a region of several divisions, never what 全省 or 全市 means."""
    canonical = zone_names().get(name)
    return canonical is not None and load_zones()[canonical].kind == "economic_region"


def _places_of_bodies(mentions: list[EntityMention]) -> list[str]:
    """The divisions government bodies' names open with (某市科学技术局 -> 某市), in order of mention."""
    found = (governed_region(m.name) for m in mentions if m.type == "government")
    return list(dict.fromkeys(r for r in found if r))


def _places_of_zones(mentions: list[EntityMention]) -> list[str]:
    """The divisions zones' names open with (某市工业园区 -> 某市): a report on a city's parks
    that names the city only in them."""
    found = (leading_name(m.name, division_names(), MAX_DIVISION_CHARS) for m in mentions if m.type == "zone")
    return list(dict.fromkeys(r for r in found if r))


def _places_in_titles(mentions: list[EntityMention]) -> list[str]:
    """Divisions written inside the names of documents and programmes, in order of mention."""
    out: list[str] = []
    for m in mentions:
        if m.type != "program":
            continue
        for i in range(len(m.name)):
            head = leading_name(m.name[i:], division_names(), MAX_DIVISION_CHARS)
            if head is not None and head not in out:
                out.append(head)
    return out


_LEVELS = "省市州县区旗盟"


def _exact_level(name: str, level: str) -> bool:
    return any(full.endswith(level) for full in full_names_of(name))


def _level_fits(name: str, level: str) -> bool:
    if full_names_of(name) == (name,) and name not in division_names():
        # a name no division list holds fits by its own level word only (某某区), never as a
        # word of a wider area (中西部地区) or of another country (亚洲)
        return name.endswith(level) and not name.endswith(_AREA_WORDS)
    return _exact_level(name, level) or not any(full.endswith(tuple(_LEVELS)) for full in full_names_of(name))


# 中西部地区, 东部地区, 山区: words of an area of no government, though they end in a level's character.
_AREA_WORDS = ("地区", "山区", "城区", "片区", "市区", "园区", "新区", "湾区")


def main_city(mentions: list[EntityMention]) -> str | None:
    """The region the article names most often: what 全市 means when no city is named;
    else the region the first government body's name opens with (青溪市科学技术局)."""
    counts = region_counts(mentions)
    if counts:
        return max(counts, key=counts.get)
    return next((r for m in mentions if m.type == "government" and (r := governed_region(m.name))), None)


# A division's name by its level word (江川市, 青溪州, 某某自治区), for names no list holds; never a
# party committee's or government's own words (市委市政府, 省委省政府: no place is named).
DIVISION_HEAD_RE = re.compile(
    r"(?![省市县区州])(?:(?!委|政府)[\u4e00-\u9fff]){2,8}?(?:自治区|自治州|省|市|州|县|盟)"
)
# Words after which a body's name is a zone's or a park's (某市高新区管委会, 某县工业园区管委会).
ZONE_WORD_RE = re.compile(r"高新|开发区|新区|园区|产业园|科学城|自贸|保税|示范区")
MAX_DIVISION_CHARS = 12


def governed_region(body: str) -> str | None:
    """青溪市科学技术局 -> 青溪市: the division a body's name opens with, when what follows is
    the body itself and not a zone's name (江川高新区管委会 governs the zone, not 江川)."""
    head = leading_name(body, division_names(), MAX_DIVISION_CHARS)
    end = len(head) if head is not None else None
    if end is None:
        found = DIVISION_HEAD_RE.match(body)
        end = found.end() if found else None
    if end is None or end >= len(body) or ZONE_WORD_RE.search(body, end):
        return None
    return body[:end]
