"""Bundled vocabularies for entity extraction, loaded once.

- divisions.csv: China's administrative divisions (derived from cpca's
  adcodes table by innoatlas.resolve.build_divisions), with short forms.
- zones.yaml: national-level new areas, high-tech zones, science cities,
  their sub-areas and economic regions, versioned by date.
- industries.yaml: industries and technology fields.
- org_suffixes.yaml: suffix -> entity type, generic phrases, left stop words.

Matching uses one Aho-Corasick automaton per vocabulary.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

import ahocorasick
import yaml

from innoatlas.documents.model import Document


@dataclass
class Division:
    code: str
    name: str
    level: str  # province, city, county
    parent: str | None
    short: str | None


@dataclass
class ZoneVersion:
    start: date | None
    until: date | None
    type: str  # zone or region
    level: str | None = None
    replaces: tuple[str, ...] = ()


@dataclass
class Zone:
    name: str
    kind: str  # new_area, high_tech_zone, science_city, sub_area, economic_region
    aliases: tuple[str, ...]
    province: str | None = None
    city: str | None = None
    parent: str | None = None
    spans: tuple[str, ...] = ()
    versions: list[ZoneVersion] = field(default_factory=list)

    def version_at(self, when: date | None) -> ZoneVersion | None:
        """The version in force on `when` (the latest one if the date is unknown)."""
        if not self.versions:
            return None
        if when is None:
            return self.versions[-1]
        for v in self.versions:
            if (v.start is None or v.start <= when) and (v.until is None or when < v.until):
                return v
        return self.versions[-1]

    def type_at(self, when: date | None) -> str:
        v = self.version_at(when)
        if v is not None:
            return v.type
        return "region" if self.kind == "economic_region" else "zone"


def _data_text(name: str) -> str:
    return (resources.files("innoatlas") / "data" / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def load_divisions() -> dict[str, Division]:
    rows = csv.DictReader(_data_text("divisions.csv").splitlines())
    return {
        r["code"]: Division(r["code"], r["name"], r["level"], r["parent"] or None, r["short"] or None)
        for r in rows
    }


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _zone_from(entry: dict, kind: str) -> Zone:
    versions = [
        ZoneVersion(
            _as_date(v.get("from")),
            _as_date(v.get("until")),
            v["type"],
            v.get("level"),
            tuple(v.get("replaces", ())),
        )
        for v in entry.get("versions", ())
    ]
    aliases = list(entry.get("aliases") or ())
    name = entry["name"]
    if name.endswith("高新区"):
        aliases.append(name[: -len("高新区")] + "高新技术产业开发区")
    return Zone(
        name,
        entry.get("kind", kind),
        tuple(aliases),
        entry.get("province"),
        entry.get("city"),
        entry.get("parent"),
        tuple(entry.get("spans", ())),
        versions,
    )


_ZONE_KINDS = {
    "new_areas": "new_area",
    "high_tech_zones": "high_tech_zone",
    "science_cities": "science_city",
    "sub_areas": "sub_area",
    "economic_regions": "economic_region",
}


@functools.lru_cache(maxsize=1)
def load_zones() -> dict[str, Zone]:
    """Zones by canonical name."""
    data = yaml.safe_load(_data_text("zones.yaml"))
    zones: dict[str, Zone] = {}
    for section, kind in _ZONE_KINDS.items():
        for entry in data.get(section, ()):
            zone = _zone_from(entry, kind)
            zones[zone.name] = zone
    return zones


@functools.lru_cache(maxsize=1)
def zone_names() -> dict[str, str]:
    """Every written name (canonical and aliases) -> canonical zone name."""
    out: dict[str, str] = {}
    for zone in load_zones().values():
        out[zone.name] = zone.name
        for alias in zone.aliases:
            out.setdefault(alias, zone.name)
    return out


@functools.lru_cache(maxsize=1)
def load_industries() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    data = yaml.safe_load(_data_text("industries.yaml"))
    terms = frozenset(t for group in data["groups"].values() for t in group)
    return terms, tuple(data["industry_heads"]), frozenset(data["generic_industry_words"])


@dataclass(frozen=True)
class SuffixData:
    suffixes: dict[str, str]
    max_len: int
    generic: frozenset[str]
    left_stop: frozenset[str]
    categories: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_suffixes() -> SuffixData:
    data = yaml.safe_load(_data_text("org_suffixes.yaml"))
    suffixes = {str(k): v for k, v in data["suffixes"].items()}
    return SuffixData(
        suffixes,
        max(map(len, suffixes)),
        frozenset(data["generic"]),
        frozenset(data["left_stop"]),
        frozenset(data["categories"]),
    )


def suffix_type(name: str) -> tuple[str, str] | None:
    """(suffix, type) of the longest known suffix `name` ends with."""
    data = load_suffixes()
    for k in range(min(data.max_len, len(name)), 0, -1):
        t = data.suffixes.get(name[-k:])
        if t is not None:
            return name[-k:], t
    return None


# Division names that are ordinary words in running text (城区 of 阳泉, 郊区 of 铜陵).
_COMMON_WORD_PLACES = frozenset({"城区", "郊区", "矿区", "新区", "市中区", "城中区", "开发区"})

# Kinds of lexicon entries; the extractor uses them for typing and priority.
REGION_FULL, REGION_SHORT, ZONE, INDUSTRY = "region", "region_short", "zone", "industry"


@dataclass(frozen=True)
class LexEntry:
    kind: str
    key: str  # division code, canonical zone name or the industry term


@functools.lru_cache(maxsize=1)
def lexicon_automaton() -> ahocorasick.Automaton:
    """One automaton over region, zone and industry names; values are (text, [LexEntry])."""
    table: dict[str, list[LexEntry]] = {}
    for div in load_divisions().values():
        if div.name in _COMMON_WORD_PLACES:
            continue
        table.setdefault(div.name, []).append(LexEntry(REGION_FULL, div.code))
        if div.short:
            table.setdefault(div.short, []).append(LexEntry(REGION_SHORT, div.code))
    for written, canonical in zone_names().items():
        table.setdefault(written, []).insert(0, LexEntry(ZONE, canonical))
    for term in load_industries()[0]:
        table.setdefault(term, []).append(LexEntry(INDUSTRY, term))
    automaton = ahocorasick.Automaton()
    for text, entries in table.items():
        automaton.add_word(text, (text, entries))
    automaton.make_automaton()
    return automaton


def find_lexicon(text: str) -> list[tuple[int, int, list[LexEntry]]]:
    """All (start, end, entries) occurrences of vocabulary names in `text`."""
    out = []
    for end, (word, entries) in lexicon_automaton().iter(text):
        out.append((end + 1 - len(word), end + 1, entries))
    return out


def doc_date(doc: Document) -> date | None:
    return doc.published.value if doc.published is not None else None
