"""Development and innovation zones (data/zones.yaml), versioned by date."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date

import yaml

from innoatlas.documents.model import Document
from innoatlas.lexicon.files import data_text


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
    data = yaml.safe_load(data_text("zones.yaml"))
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


def doc_date(doc: Document) -> date | None:
    """The date a zone's version is looked up at: the document's publication date."""
    return doc.published.value if doc.published is not None else None
