"""Development and innovation zones, one data file per official list, versioned by date."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date

from innoatlas.lexicon.files import load_yaml


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
    kind: str  # a value of ZONE_KINDS (new_area, high_tech_zone, ... economic_region)
    aliases: tuple[str, ...]
    province: str | None = None
    city: str | None = None
    parent: str | None = None
    spans: tuple[str, ...] = ()
    versions: list[ZoneVersion] = field(default_factory=list)
    since: date | None = None  # the date the list's issuer approved it, where the file gives it
    until: date | None = None  # the date the list dropped it (a development zone that lost its status)

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


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


# Full forms a short form stands for (成都高新区 = 成都高新技术产业开发区); news
# also writes a development zone as X经济开发区.
_FULL_FORMS = {
    "高新区": ("高新技术产业开发区",),
    "经开区": ("经济技术开发区", "经济开发区"),
}


# A zone of a national list is also written with its level before its kind (济宁国家高新区,
# 芜湖国家级经开区): the name the State Council's approval gives it, in a zone's own pages.
_LEVEL_MARKS = ("国家", "国家级")
NATIONAL_KINDS = frozenset({"high_tech_zone", "economic_development_zone"})


def _derived_aliases(name: str, full: str | None, kind: str = "") -> list[str]:
    out = [full] if full and full != name else []
    for short, fulls in _FULL_FORMS.items():
        if name.endswith(short):
            out.extend(name[: -len(short)] + f for f in fulls)
            if kind in NATIONAL_KINDS:
                stem = name[: -len(short)]
                out.extend(stem + mark + form for mark in _LEVEL_MARKS for form in (short, *fulls))
    return out


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
    name = entry["name"]
    aliases = list(entry.get("aliases") or ())
    kind = entry.get("kind", kind)
    aliases += [a for a in _derived_aliases(name, entry.get("full"), kind) if a not in aliases]
    return Zone(
        name,
        kind,
        tuple(aliases),
        entry.get("province"),
        entry.get("city"),
        entry.get("parent"),
        tuple(entry.get("spans", ())),
        versions,
        _as_date(entry.get("since")),
        _as_date(entry.get("until")),
    )


# Section of a zone file -> kind of its zones.
ZONE_KINDS = {
    "new_areas": "new_area",
    "high_tech_zones": "high_tech_zone",
    "economic_development_zones": "economic_development_zone",
    "free_trade_zones": "free_trade_zone",
    "free_trade_areas": "free_trade_area",
    "demonstration_zones": "demonstration_zone",
    "science_centres": "science_centre",
    "science_cities": "science_city",
    "sub_areas": "sub_area",
    "cooperation_zones": "cooperation_zone",
    "economic_regions": "economic_region",
}
# One file per official list; zones.yaml holds what no national list names.
ZONE_FILES = (
    "new_areas.yaml",
    "high_tech_zones.yaml",
    "economic_development_zones.yaml",
    "free_trade_zones.yaml",
    "science_centres.yaml",
    "zones.yaml",
    "countries.yaml",
)


@functools.lru_cache(maxsize=1)
def load_zones() -> dict[str, Zone]:
    """Zones by canonical name, from every zone file."""
    zones: dict[str, Zone] = {}
    for file in ZONE_FILES:
        data = load_yaml(file)
        for section, kind in ZONE_KINDS.items():
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
def economic_region_names() -> frozenset[str]:
    """Every written name of an economic region (成渝地区双城经济圈, 长三角, …)."""
    return frozenset(n for n, c in zone_names().items() if load_zones()[c].kind == "economic_region")


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The world's countries by their Chinese short names (data/countries.yaml)."""
    return frozenset(name for group in load_yaml("countries.yaml")["countries"] for name in group)


@functools.lru_cache(maxsize=1)
def foreign_names() -> frozenset[str]:
    """Countries, world regions and blocs abroad (日本, 东盟, 中东): places outside China."""
    regions = load_yaml("countries.yaml")["economic_regions"]
    return country_names() | {n for r in regions for n in (r["name"], *r["aliases"])}
