"""Stable identities of facts, and their snapshots as plain JSON.

Re-ingesting a document deletes its facts and inserts new rows with new
ids, so a review cannot point at a row id. It points at what stays the
same when the same text is extracted again:

- a mention, indicator or text relation: its document's source, its span
  (`start`, `end` into the normalised text) and its place among the facts
  of that kind with the same span (almost always 0);
- an entity: its resolve key;
- a relation taken from a gazetteer (no document): its two ends and predicate.

A snapshot names entities by key and documents by source for the same reason.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoatlas.errors import InnoatlasError
from innoatlas.review.log import make_key, merged_into
from innoatlas.store.schema import Alias, Document, Entity, Indicator, Mention, Relation

TARGETS = ("entity", "mention", "indicator", "relation")
FACT_MODELS: dict[str, type] = {"mention": Mention, "indicator": Indicator, "relation": Relation}
MODELS: dict[str, type] = {"entity": Entity, **FACT_MODELS}
# A merge chain longer than this is a cycle someone made by hand: stop following it.
MAX_MERGE_HOPS = 20


class ReviewError(InnoatlasError):
    """A review action that cannot be done (bad field, unknown entity, nothing to undo)."""


# -- identities ------------------------------------------------------------------


def fact_key(session: Session, target: str, row) -> tuple[str, str | None]:
    """(stable key, document source or None) of a row of `target`."""
    if target == "entity":
        return make_key("entity", row.key), None
    if target == "relation" and row.document_id is None:
        ends = [
            session.get(Entity, row.subject_id).key,
            row.predicate,
            session.get(Entity, row.object_id).key,
        ]
        return make_key("relation", None, *ends), None
    model = FACT_MODELS[target]
    source = session.scalar(select(Document.source).where(Document.id == row.document_id))
    same_span = session.scalars(
        select(model.id)
        .where(model.document_id == row.document_id, model.start == row.start, model.end == row.end)
        .order_by(model.id)
    ).all()
    return make_key(target, source, row.start, row.end, same_span.index(row.id)), source


def find_fact(session: Session, key: str):
    """The current row a stable key names, or None (rejected, merged, or not extracted again)."""
    parts = json.loads(key)
    target = parts[0]
    if target == "entity":
        return session.scalar(select(Entity).where(Entity.key == parts[1]))
    if target == "relation" and parts[1] is None:
        return find_gazetteer_relation(session, *parts[2:])
    _target, source, start, end, place = parts
    model = FACT_MODELS[target]
    rows = session.scalars(
        select(model)
        .join(Document, Document.id == model.document_id)
        .where(Document.source == source, model.start == start, model.end == end)
        .order_by(model.id)
    ).all()
    return rows[place] if place < len(rows) else None


def find_gazetteer_relation(session: Session, subject_key: str, predicate: str, object_key: str):
    subject, obj = entity_by_key(session, subject_key), entity_by_key(session, object_key)
    if subject is None or obj is None:
        return None
    return session.scalar(
        select(Relation).where(
            Relation.document_id.is_(None),
            Relation.subject_id == subject.id,
            Relation.predicate == predicate,
            Relation.object_id == obj.id,
        )
    )


def entity_by_key(session: Session, key: str | None) -> Entity | None:
    """The entity of `key`, following merges: a merged-away key names the entity it went into."""
    for _ in range(MAX_MERGE_HOPS):
        if key is None:
            return None
        entity = session.scalar(select(Entity).where(Entity.key == key))
        if entity is not None:
            return entity
        key = merged_into(session, key)
    return None


def entity_id_of_key(session: Session, key: str | None) -> int | None:
    if key is None:
        return None
    entity = entity_by_key(session, key)
    if entity is None:
        raise ReviewError(f"no entity with key {key!r}")
    return entity.id


def key_of_entity_id(session: Session, entity_id: int | None) -> str | None:
    if entity_id is None:
        return None
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise ReviewError(f"no entity with id {entity_id}")
    return entity.key


def document_source(session: Session, document_id: int | None) -> str | None:
    if document_id is None:
        return None
    return session.scalar(select(Document.source).where(Document.id == document_id))


def document_id_of_source(session: Session, source: str | None) -> int | None:
    if source is None:
        return None
    return session.scalar(select(Document.id).where(Document.source == source))


# -- snapshots ---------------------------------------------------------------------

ENTITY_REFS = {  # snapshot field -> column holding an entity id
    "mention": {"entity": "entity_id"},
    "indicator": {"subject": "subject_id"},
    "relation": {"subject": "subject_id", "object": "object_id"},
    "entity": {"parent": "parent_id", "region": "region_id"},
}
PLAIN_FIELDS = {
    "mention": ("text", "start", "end", "extractor", "confidence", "review_status"),
    "indicator": (
        "subject_text",
        "metric",
        "metric_key",
        "value",
        "unit",
        "value_base",
        "base_unit",
        "approx",
        "kind",
        "period",
        "start",
        "end",
        "quote",
        "review_status",
    ),
    "relation": ("predicate", "start", "end", "quote", "origin", "review_status"),
    "entity": ("key", "name", "type", "code", "review_status"),
}


def snapshot(session: Session, target: str, row) -> dict:
    """The row as JSON: plain fields, entities by key, the document by source."""
    data = {field: getattr(row, field) for field in PLAIN_FIELDS[target]}
    for field, column in ENTITY_REFS[target].items():
        data[field] = key_of_entity_id(session, getattr(row, column))
    if target == "entity":
        data["aliases"] = sorted(session.scalars(select(Alias.alias).where(Alias.entity_id == row.id)))
    else:
        data["document"] = document_source(session, row.document_id)
    return data


def restore(session: Session, target: str, data: dict):
    """Insert a row from its snapshot (undoing a reject); None when its document is gone."""
    values = {field: data[field] for field in PLAIN_FIELDS[target]}
    for field, column in ENTITY_REFS[target].items():
        values[column] = entity_id_of_key(session, data.get(field)) if data.get(field) else None
    if target != "entity":
        values["document_id"] = document_id_of_source(session, data["document"])
        if values["document_id"] is None and data["document"] is not None:
            return None
    row = MODELS[target](**values)
    session.add(row)
    session.flush()
    if target == "entity":
        add_aliases(session, row.id, data.get("aliases", []))
    return row


def add_aliases(session: Session, entity_id: int, aliases: list[str]) -> None:
    from innoatlas.text import fold_name

    have = set(session.scalars(select(Alias.alias).where(Alias.entity_id == entity_id)))
    for alias in aliases:
        if alias and alias not in have:
            session.add(Alias(entity_id=entity_id, alias=alias, norm=fold_name(alias)))
            have.add(alias)
    session.flush()
