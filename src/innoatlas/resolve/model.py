"""Plain data objects of the resolve stage."""

from __future__ import annotations

from dataclasses import dataclass, field

# Origins of the relations the resolver adds (text relations carry "text").
GAZETTEER = "gazetteer"  # from divisions.csv or zones.yaml
NAME = "name"  # read off a name: 南方理工大学杭州研究院 is part of 南方理工大学


@dataclass
class CanonicalEntity:
    """One thing in the world, shared by every document that mentions it (by key)."""

    key: str
    name: str  # canonical display name (simplified script)
    type: str  # one of extract.model.ENTITY_TYPES
    aliases: list[str] = field(default_factory=list)  # every written form seen in the document
    parent_key: str | None = None  # part of
    region_key: str | None = None  # located in
    code: str | None = None  # administrative division code

    def add_alias(self, written: str) -> None:
        if written and written not in self.aliases:
            self.aliases.append(written)


@dataclass
class Resolution:
    """Canonical entities of one document and how its mentions and relations map to them.

    `mention_keys[i]` is the key of `extraction.entities[i]`; `relation_keys[i]`
    the (subject, object) keys of `extraction.relations[i]`, None for an end
    that names no entity (a date). `relations` are the facts the resolver
    took from gazetteers and names: (subject_key, predicate, object_key, origin).
    """

    entities: dict[str, CanonicalEntity] = field(default_factory=dict)
    mention_keys: list[str] = field(default_factory=list)
    relation_keys: list[tuple[str | None, str | None]] = field(default_factory=list)
    relations: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add_relation(self, subject_key: str, predicate: str, object_key: str, origin: str) -> None:
        fact = (subject_key, predicate, object_key, origin)
        if subject_key != object_key and fact not in self.relations:
            self.relations.append(fact)
