"""Names that decide whom figures are about, recovered where the entity stage
left them unmarked: a zone the headline names in full (of its name only the
region it opens with was marked), and an abbreviation the text defines for
what it goes on to report (…(以下简称某某)).
"""

from __future__ import annotations

import re
from functools import cache

from innoatlas.documents.model import Document
from innoatlas.extract.indicators.cues import cue
from innoatlas.extract.model import EntityMention
from innoatlas.lexicon.suffixes import load_suffixes

HEADLINE_ZONE = cue("headline_zone")
# How many characters may stand between the region a zone's name opens with and its naming form.
MAX_ZONE_INFIX = HEADLINE_ZONE.params["max_infix"]
ALIAS = cue("alias_definition")
LEAD_PARAGRAPHS = ALIAS.params["lead_paragraphs"]


@cache
def _zone_name_re() -> re.Pattern:
    """Up to MAX_ZONE_INFIX characters and a naming form of zones (示范区, 高新区 … from the lexicon)."""
    forms = sorted((s for s, t in load_suffixes().suffixes.items() if t == "zone" and len(s) > 1), key=len)
    return re.compile(rf"[\u4e00-\u9fff]{{0,{MAX_ZONE_INFIX}}}?(?:{'|'.join(map(re.escape, forms))})")


def recover_names(doc: Document, text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """The mentions with the headline's zone and the defined abbreviations added."""
    out = _headline_zones(doc, text, mentions)
    out = out + _alias_mentions(text, out)
    return sorted(out, key=lambda m: m.start)


def lead_end(text: str, paragraphs: int = LEAD_PARAGRAPHS) -> int:
    """End of the lead: the first `paragraphs` lines that hold a full stop (headline and
    dateline come before; a summary line may stand before the first paragraph)."""
    end = 0
    for _ in range(paragraphs):
        stop = text.find("。", end)
        if stop < 0:
            break
        end = text.find("\n", stop)
        if end < 0:
            return len(text)
    return end


# 全省…, 全市…, 各…: a quantified class of bodies before the bracket that abbreviates it.
_CLASS_RUN = re.compile(r"(?:^|[^\u4e00-\u9fff])(?:全省|全市|全区|全县|全国|各)[\u4e00-\u9fff]{2,16}$")
MAX_CLASS_CHARS = 20


def _abbreviates_class(text: str, bracket: int) -> bool:
    """全省高新技术产业开发区(简称高新区): the abbreviation of a class of bodies names none of them."""
    return _CLASS_RUN.search(text, max(0, bracket - MAX_CLASS_CHARS), bracket) is not None


def lead_aliases(text: str, mentions: list[EntityMention]) -> dict[str, set[str]]:
    """Abbreviations the lead defines, each with the names that stand for the same thing
    (the abbreviation and the full name it was defined for)."""
    ends = {m.end: m for m in mentions}
    out: dict[str, set[str]] = {}
    for d in ALIAS.trigger.finditer(text, 0, lead_end(text)):
        if _abbreviates_class(text, d.start()):
            continue
        full = ends.get(d.start())
        out[d.group("alias")] = {d.group("alias")} | ({full.norm_name} if full is not None else set())
    return out


def _headline_zones(doc: Document, text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """某省某某示范区 in the headline, where only 某省 was marked: the zone is what the
    article is about, and the region inside its name is not (wherever the name recurs)."""
    first = text.find("\n")
    head_end = len(text) if first < 0 else first
    title = doc.norm_title
    if title and text.find(title) >= 0:
        head_end = max(head_end, text.find(title) + len(title))
    starts = sorted(m.start for m in mentions)
    names = set()
    for m in mentions:
        if m.type != "region" or m.start >= head_end:
            continue
        run = _zone_name_re().match(text, m.end)
        if run is None or any(m.end <= s < run.end() for s in starts):
            continue  # 重庆两江新区: the zone after the region was marked by its own name
        name = text[m.start : run.end()]
        if text.count(name) >= HEADLINE_ZONE.params["min_times"]:
            names.add(name)
    if not names:
        return list(mentions)
    spans = [(p.start(), p.end(), n) for n in names for p in re.finditer(re.escape(n), text)]
    kept = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b, _ in spans)]
    return kept + [EntityMention(n, n, "zone", a, b, "headline_zone") for a, b, n in spans]


def _alias_mentions(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Each use of an abbreviation defined in brackets stands for what it was defined for;
    the definition itself heads its clause with the thing defined."""
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    ends = {m.end: m for m in mentions}
    out = []
    for d in ALIAS.trigger.finditer(text):
        if _abbreviates_class(text, d.start()):
            continue
        alias = d.group("alias")
        defined = ends.get(d.start())
        kind = defined.type if defined is not None else _suffix_type(alias)
        if kind is None:
            continue
        if defined is None:
            start = max(text.rfind(c, 0, d.start()) for c in ",;:，；：。\n") + 1
            out.append(EntityMention(alias, alias, kind, start, d.end(), "alias"))
        # 某开发区(以下简称:园区): a kind word as short name is no name, each use means the body
        name, norm_name = (
            (defined.name, defined.norm_name) if defined is not None and _kind_word(alias) else (alias, alias)
        )
        for use in re.finditer(re.escape(alias), text[d.end() :]):
            a, b = d.end() + use.start(), d.end() + use.end()
            if not any(covered[a:b]):
                out.append(EntityMention(name, norm_name, kind, a, b, "alias"))
                covered[a:b] = b"\x01" * (b - a)
    return out


def _kind_word(alias: str) -> bool:
    """园区, 公司, 开发区: a naming form standing alone names a kind of body, not one."""
    found = load_suffixes()
    return alias in found.suffixes or alias in found.categories


def _suffix_type(name: str) -> str | None:
    """The entity type of the longest naming form (园区, 研究院, 基金 …) a name ends with."""
    forms = load_suffixes().suffixes
    best = max((s for s in forms if name.endswith(s) and len(s) < len(name)), key=len, default=None)
    return forms[best] if best is not None else None
