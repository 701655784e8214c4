"""Rows as the review stage changes them: stable identities, snapshots, and row steps.

The review stage decides what an action means (review/actions.py) and what
it does forward and backward (review/apply.py); the rows it reads and
changes are found and changed here, the one place outside the write path
that changes the tables of facts.

Re-ingesting a document deletes its facts and inserts new rows with new
ids, so a review cannot point at a row id. It points at a stable identity,
what stays the same when the same text is extracted again:

- a mention, indicator or text relation: its document's source, its span
  (`start`, `end` into the normalised text) and its place among the facts
  of that kind with the same span (almost always 0);
- an entity: its resolve key;
- a relation taken from a gazetteer (no document): its two ends and predicate.

A snapshot (a row as plain JSON, kept in the review log) names entities by
key and documents by source for the same reason.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from innoatlas import records
from innoatlas.errors import ReviewError
from innoatlas.store.review_log import make_key, merged_into
from innoatlas.store.schema import Alias, Document, Entity, Indicator, Mention, Relation
from innoatlas.text import fold_name

log = logging.getLogger(__name__)

TARGETS = ("entity", "mention", "indicator", "relation")
FACT_MODELS: dict[str, type] = {"mention": Mention, "indicator": Indicator, "relation": Relation}
MODELS: dict[str, type] = {"entity": Entity, **FACT_MODELS}
# A merge chain longer than this is a cycle someone made by hand: stop following it.
MAX_MERGE_HOPS = 20


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
    "indicator": ("subject_text", *records.INDICATOR_STORED, "review_status"),
    "relation": (*records.RELATION_STORED, "origin", "review_status"),
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
    have = set(session.scalars(select(Alias.alias).where(Alias.entity_id == entity_id)))
    for alias in aliases:
        if alias and alias not in have:
            session.add(Alias(entity_id=entity_id, alias=alias, norm=fold_name(alias)))
            have.add(alias)
    session.flush()


# -- shared steps --------------------------------------------------------------------


def set_fields(session: Session, target: str, row, fields: dict) -> None:
    """Set snapshot fields on a row: entity fields hold keys, the row holds ids."""
    refs = ENTITY_REFS[target]
    # Entities first: an unknown one raises before any field has changed.
    values = {refs[f]: entity_id_of_key(session, v) for f, v in fields.items() if f in refs}
    values.update({f: v for f, v in fields.items() if f not in refs})
    for column, value in values.items():
        setattr(row, column, value)


def set_status(row, status: str | None) -> None:
    """Mark a fact or an entity as a reviewer left it (confirmed, corrected, rejected, added)."""
    row.review_status = status


def delete_row(session: Session, target: str, row) -> None:
    """Delete a fact or an entity; the database cascades an entity's mentions and relations."""
    model = type(row)
    session.execute(delete(model).where(model.id == row.id))
    session.expunge(row)
    if target == "entity":
        session.expire_all()


# Which rows point at an entity, by column: what a merge moves and a reject takes along.
REFERENCES = (
    ("mention", Mention, "entity_id"),
    ("indicator", Indicator, "subject_id"),
    ("relation", Relation, "subject_id"),
    ("relation", Relation, "object_id"),
    ("entity", Entity, "parent_id"),
    ("entity", Entity, "region_id"),
)


def referencing_rows(session: Session, entity_id: int) -> list[tuple[str, str, object]]:
    """(target, column, row) of every row pointing at an entity."""
    found = []
    for target, model, column in REFERENCES:
        for row in session.scalars(
            select(model).where(getattr(model, column) == entity_id).order_by(model.id)
        ):
            found.append((target, column, row))
    return found


def moved_keys(session: Session, rows: list[tuple[str, str, object]]) -> list[list]:
    """[target, column, stable key] of rows, so an undo finds them even after a re-ingest."""
    return [[target, column, fact_key(session, target, row)[0]] for target, column, row in rows]


def point_facts_at(session: Session, moved: list[list], entity_id: int) -> None:
    for _target, column, key in moved:
        row = find_fact(session, key)
        if row is not None:
            setattr(row, column, entity_id)


def move_entity_references(session: Session, from_id: int, to_id: int) -> None:
    for _target, model, column in REFERENCES:
        session.execute(update(model).where(getattr(model, column) == from_id).values({column: to_id}))
    # A relation between the two merged entities would now loop onto one entity: it says nothing.
    session.execute(delete(Relation).where(Relation.subject_id == to_id, Relation.object_id == to_id))
    session.execute(
        update(Entity).where(Entity.id == to_id, Entity.parent_id == to_id).values(parent_id=None)
    )
    session.execute(
        update(Entity).where(Entity.id == to_id, Entity.region_id == to_id).values(region_id=None)
    )
    session.expire_all()


def rows_to_split(session: Session, source: Entity, aliases: list[str]) -> list[tuple[str, str, object]]:
    """The rows of `source` written with one of `aliases`: what a split moves to the new entity."""
    moving = {fold_name(a) for a in aliases}
    staying = [
        a
        for a in session.scalars(select(Alias.alias).where(Alias.entity_id == source.id))
        if fold_name(a) not in moving and not any(fold_name(a) in m for m in moving)
    ]
    picked = []
    for target, column, row in referencing_rows(session, source.id):
        if target == "mention" and fold_name(row.text) in moving:
            picked.append((target, column, row))
        elif target == "indicator" and row.subject_text and fold_name(row.subject_text) in moving:
            picked.append((target, column, row))
        elif target == "relation" and row.quote and _quote_names(row.quote, moving, staying):
            picked.append((target, column, row))
    return picked


def _quote_names(quote: str, moving: set[str], staying: list[str]) -> bool:
    """A relation follows the split when its quote names a moving alias and no staying one."""
    folded = fold_name(quote)
    return any(m in folded for m in moving) and not any(fold_name(s) in folded for s in staying)


def snapshot_entity_facts(session: Session, entity: Entity) -> dict:
    """What a reject of `entity` takes along: its mentions and relations, and who points at it."""
    rows = referencing_rows(session, entity.id)
    return {
        "mentions": [snapshot(session, "mention", r) for t, _c, r in rows if t == "mention"],
        "relations": [snapshot(session, "relation", r) for t, _c, r in rows if t == "relation"],
        "moved": moved_keys(session, [(t, c, r) for t, c, r in rows if t in ("indicator", "entity")]),
    }


def restore_entity_facts(session: Session, before: dict) -> None:
    entity = entity_by_key(session, before["fact"]["key"])
    for data in before["mentions"]:
        restore(session, "mention", data)
    for data in before["relations"]:
        try:
            restore(session, "relation", data)
        except ReviewError as e:  # its other end was rejected since: the relation cannot come back
            log.info("relation %s not restored: %s", data, e)
    point_facts_at(session, before["moved"], entity.id)


# -- look-ups of the actions --------------------------------------------------------


def row_by_id(session: Session, target: str, row_id: int):
    """The row of `target` (entity, mention, indicator, relation) with this id, or None."""
    return session.get(MODELS[target], row_id)


def document_by_id(session: Session, document_id: int):
    return session.get(Document, document_id)


def entity_with_key(session: Session, key: str) -> Entity | None:
    """The entity of exactly this key (merges not followed)."""
    return session.scalar(select(Entity).where(Entity.key == key))


def entity_with_name(session: Session, name: str) -> Entity | None:
    """An entity with this name or alias (folded), whatever its key."""
    stmt = select(Entity).join(Alias, Alias.entity_id == Entity.id).where(Alias.norm == fold_name(name))
    return session.scalar(stmt.order_by(Entity.id).limit(1))


def aliases_of(session: Session, entity_id: int) -> list[str]:
    return list(session.scalars(select(Alias.alias).where(Alias.entity_id == entity_id)))


def remove_aliases(session: Session, entity_id: int, aliases) -> None:
    session.execute(delete(Alias).where(Alias.entity_id == entity_id, Alias.alias.in_(list(aliases))))


def relations_between(session: Session, a: int, b: int) -> list[Relation]:
    pairs = or_(
        and_(Relation.subject_id == a, Relation.object_id == b),
        and_(Relation.subject_id == b, Relation.object_id == a),
    )
    return list(session.scalars(select(Relation).where(pairs).order_by(Relation.id)))


def newest_at_span(session: Session, target: str, source: str, start: int, end: int):
    """The newest fact of `target` at this span of the document `source` (what an add just made)."""
    model = FACT_MODELS[target]
    return session.scalar(
        select(model)
        .join(Document, Document.id == model.document_id)
        .where(Document.source == source, model.start == start, model.end == end)
        .order_by(model.id.desc())
        .limit(1)
    )


def entity_statuses(session: Session, ids: list[int]) -> list[dict]:
    """Name, type and review status of the entities `ids`, in that order (ids not found left out)."""
    found = {e.id: e for e in session.scalars(select(Entity).where(Entity.id.in_(ids)))} if ids else {}
    return [
        {"id": i, "name": found[i].name, "type": found[i].type, "review_status": found[i].review_status}
        for i in ids
        if i in found
    ]
