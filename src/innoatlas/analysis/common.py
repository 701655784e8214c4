"""What the analysis modules share: data files, name look-up, places and evidence rows."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from importlib.resources import files

import yaml
from sqlalchemy.orm import Session

from innoatlas.errors import InnoatlasError
from innoatlas.lexicon.divisions import load_divisions
from innoatlas.lexicon.zones import load_zones
from innoatlas.store.read.common import DocumentInfo, EntityRecord, entity_ref
from innoatlas.store.read.entities import entities_named, entity_hierarchy, entity_names, entity_types
from innoatlas.store.read.links import containers_of, names_of
from innoatlas.store.read.relations import pairs_of
from innoatlas.text import fold_name

__all__ = ["entity_ref"]  # the store's one entity reference, used by every analysis

# Relations that put their subject inside their object (a place, a zone or an organisation).
CONTAINMENT_PREDICATES = ("located_in", "part_of")
# Administrative suffixes a user may leave off a region's name (沙坪坝 for 沙坪坝区).
REGION_SUFFIXES = ("区", "县", "市", "省", "新区", "自治区", "特别行政区")


class AnalysisError(InnoatlasError):
    """An analysis asked for something the knowledge base or the data files cannot answer."""


@cache
def load_data(name: str) -> dict:
    """A YAML file of data/analysis/, loaded once."""
    text = files("innoatlas").joinpath("data/analysis", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def find_entities(session: Session, name: str, types: tuple[str, ...] | None = None) -> list[EntityRecord]:
    """Entities called `name` (canonical name, key or alias, either script), with or without a region suffix."""
    folded = fold_name(name.strip())
    if not folded:
        raise AnalysisError("an empty name was given (name a region, zone or entity)")
    names = {folded} | {folded + s for s in REGION_SUFFIXES}
    names |= {folded[: -len(s)] for s in REGION_SUFFIXES if folded.endswith(s) and len(folded) > len(s) + 1}
    found = entities_named(session, names, types)
    if not found:
        what = "/".join(types) if types else "entity"
        raise AnalysisError(
            f"no {what} named {name!r} in the knowledge base (check the name or ingest documents)"
        )
    return found


def containment_edges(session: Session) -> dict[int, set[int]]:
    """container id -> ids directly inside it (located_in, part_of relations and the hierarchy columns)."""
    inside: dict[int, set[int]] = defaultdict(set)
    for subject_id, object_id in pairs_of(session, CONTAINMENT_PREDICATES):
        if subject_id != object_id:
            inside[object_id].add(subject_id)
    for entity_id, parent_id, region_id in entity_hierarchy(session):
        for container in (parent_id, region_id):
            if container is not None and container != entity_id:
                inside[container].add(entity_id)
    return inside


def entities_within(session: Session, roots: list[EntityRecord]) -> set[int]:
    """Ids of `roots` and of everything inside them, transitively.

    Extracted containment has errors that make cycles (a city "located in"
    one of its zones): nothing that contains a root is taken to be inside
    it, and a zone never contains a region.
    """
    inside = containment_edges(session)
    types = entity_types(session)
    excluded = ancestors(inside, {e.id for e in roots})
    seen = {e.id for e in roots}
    frontier = list(seen)
    while frontier:
        current = frontier.pop()
        for child in inside.get(current, ()):
            if child in seen or child in excluded:
                continue
            if types.get(current) == "zone" and types.get(child) == "region":
                continue
            seen.add(child)
            frontier.append(child)
    return seen


def ancestors(inside: dict[int, set[int]], ids: set[int]) -> set[int]:
    """Everything that contains one of `ids`, transitively (not `ids` themselves)."""
    containers: dict[int, set[int]] = defaultdict(set)
    for container, children in inside.items():
        for child in children:
            containers[child].add(container)
    found: set[int] = set()
    frontier = list(ids)
    while frontier:
        for up in containers.get(frontier.pop(), ()):
            if up not in found and up not in ids:
                found.add(up)
                frontier.append(up)
    return found


@cache
def province_names() -> dict[str, str]:
    """Written name or short name of a division or zone -> its province-level name (the lexicon's lists)."""
    divisions = load_divisions().values()
    province_of_code = {d.code[:2]: d.name for d in divisions if d.level == "province"}
    names: dict[str, str] = {}
    for d in divisions:
        province = province_of_code.get(d.code[:2])
        # County names repeat across provinces (朝阳区): only provinces and cities name one province.
        if province and d.level in ("province", "city"):
            for written in (d.name, d.short):
                if written and len(written) >= 2:
                    names.setdefault(written, province)
    for zone in load_zones().values():
        if zone.province:
            for written in (zone.name, *zone.aliases):
                names.setdefault(fold_name(written), zone.province)
    return names


def province_of_name(name: str) -> str | None:
    """The province a name places itself in: the whole name, else its longest leading place name."""
    names = province_names()
    folded = fold_name(name)
    if folded in names:
        return names[folded]
    for length in range(min(len(folded) - 1, 8), 1, -1):
        if folded[:length] in names:
            return names[folded[:length]]
    return None


def provinces_of(session: Session, ids=None) -> dict[int, str]:
    """Entity id -> province-level region, for `ids` (default: every entity).

    A place's own name decides first; then the nearest container that names
    a province (a branch 北京理工大学重庆创新中心 located in a Chongqing zone is
    in Chongqing); the leading place name of the entity's own name last.
    """
    if ids is not None:
        return provinces_near(session, set(ids))
    containers: dict[int, set[int]] = defaultdict(set)
    for container, children in containment_edges(session).items():
        for child in children:
            containers[child].add(container)
    names = entity_names(session)
    own = OwnProvinces(names, province_names())
    result: dict[int, str] = {}
    for entity_id in names:
        province = own[entity_id] or nearest_container_province(entity_id, containers, names, own)
        province = province or province_of_name(names[entity_id])
        if province:
            result[entity_id] = province
    return result


def provinces_near(session: Session, ids: set[int]) -> dict[int, str]:
    """`provinces_of` for a few entities (the network's nodes): containers are read level by level,
    only above those still without a province, instead of walking up from every entity of the
    base (37 s on 100,000 documents, where a busy zone is said to be in thousands of places)."""
    names = names_of(session, ids)
    own = OwnProvinces(names, province_names())
    containers: dict[int, set[int]] = defaultdict(set)
    fetched: set[int] = set()
    result: dict[int, str] = {}
    pending = {i: ([i], {i}) for i in sorted(names) if not own[i]}
    while pending:
        need = {c for frontier, _seen in pending.values() for c in frontier} - fetched
        for child, up in containers_of(session, need, CONTAINMENT_PREDICATES):
            containers[child].add(up)
        fetched |= need
        names.update(names_of(session, {u for c in need for u in containers.get(c, ())} - set(names)))
        for entity_id, (frontier, seen) in list(pending.items()):
            found, above = [], []
            for current in frontier:  # breadth first, as nearest_container_province walks
                for up in sorted(containers.get(current, ())):
                    if up not in seen:
                        seen.add(up)
                        found.append(own.get(up) or province_of_name(names.get(up, "")))
                        above.append(up)
            province = next((p for p in found if p), None)
            if province or not above:
                del pending[entity_id]
                province = province or province_of_name(names[entity_id])
                if province:
                    result[entity_id] = province
            else:
                pending[entity_id] = (above, seen)
    for entity_id in names.keys() & ids:
        if own[entity_id]:
            result[entity_id] = own[entity_id]
    return result


class OwnProvinces(dict):
    """Entity id -> the province its whole name is, folded when first asked (folding is the slow part)."""

    def __init__(self, names: dict[int, str], exact: dict[str, str]):
        super().__init__()
        self.names, self.exact = names, exact

    def __missing__(self, entity_id: int) -> str | None:
        name = self.names.get(entity_id)
        self[entity_id] = self.exact.get(fold_name(name)) if name is not None else None
        return self[entity_id]

    def get(self, entity_id, default=None):
        return self[entity_id] if entity_id in self.names else default


def nearest_container_province(entity_id: int, containers: dict, names: dict, own: dict) -> str | None:
    frontier, seen = [entity_id], {entity_id}
    while frontier:  # breadth first: the nearest container decides
        found = []
        next_frontier = []
        for current in frontier:
            for up in sorted(containers.get(current, ())):
                if up not in seen:
                    seen.add(up)
                    found.append(own.get(up) or province_of_name(names.get(up, "")))
                    next_frontier.append(up)
        for province in found:
            if province:
                return province
        frontier = next_frontier
    return None


def document_ref(doc: DocumentInfo | None) -> dict | None:
    if doc is None:
        return None
    published = doc.published.isoformat() if doc.published else None
    # the title names a document for a reader; the name (its file) where it has none
    return {
        "id": doc.id,
        "title": doc.title or doc.name,
        "name": doc.name,
        "outlet": doc.outlet,
        "published": published,
    }


def simplified(text: str) -> str:
    return fold_name(text)


def any_term_in(text: str, terms: list[str]) -> str | None:
    """The first of `terms` that `text` contains (both folded), if any."""
    folded = fold_name(text)
    for term in terms:
        if fold_name(term) in folded:
            return term
    return None


def compile_patterns(patterns: list[str]) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
