"""Firms named by their projects: 总投资18亿元的某某车业电动车项目.

Chinese names an investment project by its owner's trade name, then what it
makes, then 项目 (企业简称 + 产品 + 项目). After a figure or a clause that
modifies it (总投资30亿元的, 今年开工的), the project's name opens with the
firm: the words the tagger reads as an organisation or a brand, maybe after
the place the firm comes from (美国某某), and maybe with the word for its line
of business that firms write into their names (某某车业, 某某科技). The words
after the firm say what the project makes; a name the rules took over the
firm and its product together (某某新能源储能电池, read as an industry) is
the product alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from innoatlas.extract.entities.grammar import GENERIC_WORDS, Candidate, TokenIndex
from innoatlas.extract.entities.patterns import pattern
from innoatlas.lexicon.divisions import division_names
from innoatlas.lexicon.industries import load_industries
from innoatlas.lexicon.prefixes import leading_name

PROJECT_OWNER = pattern("project_owner")
_PROJECT = PROJECT_OWNER.trigger
_SITE_PROJECT = PROJECT_OWNER.cue("site")
_BUSINESS_WORDS = PROJECT_OWNER.cue("business")
# The tags of a firm's trade name: the tagger's organisations, brands and abbreviations.
_BRAND_TAGS = frozenset({"ORG", "nz", "nw", "j"})
# A trade name is one word: a second name-like word is already the product (某某|碳化硅芯片).
MAX_BRAND_TOKENS = 1
MIN_OWNER_CHARS = 2


def project_owners(norm: str, ix: TokenIndex) -> list[Candidate]:
    out = []
    for m in _PROJECT.finditer(norm):
        name_start, project = m.start("name"), m.end("name")
        if _SITE_PROJECT.search(norm, name_start, project):
            continue  # 某某产业园项目, 某某基地二期项目: a site, named by the zone rules
        span = owner_span(norm, ix, name_start, project)
        if span is not None:
            out.append(
                Candidate(span[0], span[1], "enterprise", "project_owner", PROJECT_OWNER.priority, 0.7)
            )
    return out


def is_business_word(word: str) -> bool:
    """车业, 科技, 新能源: a word for a line of business that firms write into their names."""
    return bool(_BUSINESS_WORDS.fullmatch(word))


def owner_span(norm: str, ix: TokenIndex, start: int, project: int) -> tuple[int, int] | None:
    k = ix.by_start.get(start)
    if k is None:
        return None
    tokens = ix.tokens
    places = 0
    while k + places < len(tokens) and tokens[k + places].tag == "LOC" and tokens[k + places].end < project:
        places += 1  # 美国|某某, 武汉|某某: where the firm comes from, part of how the text names it
    j = k + places
    known = load_industries()[0]
    while (
        j < len(tokens)
        and j - k - places < MAX_BRAND_TOKENS
        and tokens[j].end <= project
        and tokens[j].tag in _BRAND_TAGS
        and tokens[j].text not in known
        and tokens[j].text not in GENERIC_WORDS
    ):
        j += 1
    if j == k + places:
        return _place_and_brand(tokens[k]) if places == 1 else None
    end = _before_trade(norm, tokens[j - 1].start, tokens[j - 1].end, known)
    if end < tokens[j - 1].end:
        return (tokens[k].start, end) if end - tokens[k].start >= MIN_OWNER_CHARS else None
    if j < len(tokens) and tokens[j].end < project and _BUSINESS_WORDS.fullmatch(tokens[j].text):
        if not _longer_industry(norm, tokens[j].start, tokens[j].end, project, known):
            end = tokens[j].end  # 某某|车业, 某某|新能源|动力电池: the line of business ends the name
    if end - tokens[k].start < MIN_OWNER_CHARS:
        return None
    return tokens[k].start, end


def _place_and_brand(token) -> tuple[int, int] | None:
    """深圳某某 read as one place by the tagger: a city's name, then a brand that is no
    division (深圳|某某), names the firm as 武汉|某某 does."""
    place = leading_name(token.text, division_names(), MAX_PLACE_CHARS, keep=MIN_OWNER_CHARS)
    rest = token.text[len(place) :] if place else ""
    if not place or rest in division_names() or _PLACE_END.search(rest):
        return None
    return token.start, token.end


# The ends of names of places and areas: a division, a zone or a town after the city.
_PLACE_END = re.compile(r"[省市县区镇乡村州旗盟港湾岛山河湖江园城谷]$")
MAX_PLACE_CHARS = 8


def _before_trade(norm: str, start: int, end: int, known) -> int:
    """某某新能源汽车 read as one name by the tagger: the brand ends where a trade of the
    vocabulary closing the word begins (恒力|新能源汽车), if a brand of two characters is left."""
    for cut in range(start + MIN_OWNER_CHARS, end - 1):
        if norm[cut:end] in known:
            return cut
    return end


def _longer_industry(norm: str, start: int, end: int, project: int, known) -> bool:
    """某某|新能源汽车: the business word opens a longer industry, the product, not the name."""
    return any(norm[start:stop] in known for stop in range(end + 1, project + 1))


def products_of_owners(norm: str, candidates: list[Candidate], owners: list[Candidate]) -> list[Candidate]:
    """A name the rules took over a project's firm and its product is the product alone; the
    firm's own name read as another kind of thing is dropped."""
    if not owners:
        return candidates
    starts = {o.start: o.end for o in owners}
    out = []
    for c in candidates:
        owner_end = starts.get(c.start)
        if owner_end is not None and c.type != "enterprise" and c.end >= owner_end:
            if c.end - owner_end < MIN_OWNER_CHARS:
                continue  # the firm's own name read as a trade (某某新能源)
            c = replace(c, start=owner_end)
        out.append(c)
    return out
