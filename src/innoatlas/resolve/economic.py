"""National-strategy economic regions and their member divisions (lexicon/data/economic_regions.yaml).

An economic region (成渝地区双城经济圈, 京津冀) is no administrative parent:
its members keep their province. The resolver links a member to the region
with a gazetteer `member_of` when a document names both; the region tree
reads those links.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml

from innoatlas.errors import DataFileError
from innoatlas.lexicon.divisions import load_divisions
from innoatlas.lexicon.files import data_text
from innoatlas.resolve.names import fold

DATA_FILE = "economic_regions.yaml"


@dataclass(frozen=True)
class Member:
    code: str
    partial: bool  # the plan takes only part of the division


@dataclass(frozen=True)
class EconomicRegion:
    name: str
    aliases: tuple[str, ...]
    basis: str
    members: tuple[Member, ...]
    rank: int  # position in the data file: the tree places a province under the first region


@functools.lru_cache(maxsize=1)
def load_economic_regions() -> dict[str, EconomicRegion]:
    """Folded name -> region, from the bundled data file."""
    text = data_text(DATA_FILE)
    return parse_economic_regions(text, DATA_FILE)


def parse_economic_regions(text: str, source: str) -> dict[str, EconomicRegion]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise DataFileError(source, f"not valid YAML: {e}") from e
    entries = data.get("economic_regions") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DataFileError(source, "expected a list under 'economic_regions'")
    regions = {}
    for rank, entry in enumerate(entries):
        region = _parse_region(entry, rank, source)
        regions[fold(region.name)] = region
    return regions


def _parse_region(entry: object, rank: int, source: str) -> EconomicRegion:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise DataFileError(source, f"region #{rank + 1} has no name")
    name = str(entry["name"])
    members = entry.get("members")
    if not isinstance(members, list) or not members:
        raise DataFileError(source, f"{name}: no members")
    return EconomicRegion(
        name=name,
        aliases=tuple(str(a) for a in entry.get("aliases") or ()),
        basis=str(entry.get("basis") or ""),
        members=tuple(_parse_member(m, name, source) for m in members),
        rank=rank,
    )


def _parse_member(entry: object, region: str, source: str) -> Member:
    if not isinstance(entry, dict) or "code" not in entry:
        raise DataFileError(source, f"{region}: a member without a code: {entry!r}")
    code = str(entry["code"])
    division = load_divisions().get(code)
    if division is None:
        raise DataFileError(source, f"{region}: member {code} is not in divisions.csv")
    if entry.get("name") and entry["name"] != division.name:  # a mistyped code names another division
        raise DataFileError(source, f"{region}: member {code} is {division.name}, not {entry['name']}")
    if not isinstance(entry.get("partial"), bool):
        raise DataFileError(source, f"{region}: member {code} needs partial: true or false")
    return Member(code, entry["partial"])


@functools.lru_cache(maxsize=1)
def economic_region_index() -> dict[str, EconomicRegion]:
    """Folded names and aliases -> region."""
    out = {}
    for folded, region in load_economic_regions().items():
        out[folded] = region
        for alias in region.aliases:
            out.setdefault(fold(alias), region)
    return out


def economic_region(folded: str) -> EconomicRegion | None:
    return economic_region_index().get(folded)


def membership(code: str) -> list[tuple[EconomicRegion, Member]]:
    """The regions division `code` is a member of, in the data file's order."""
    return [(r, m) for r in load_economic_regions().values() for m in r.members if m.code == code]
