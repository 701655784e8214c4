"""What review actions do to the knowledge base, forward (apply) and backward (revert).

`apply_action` is the one place an action changes rows: the live action
calls it once, and `replay_corrections` calls it again for every action
in force after a document's facts were written anew (store/write.py), so
a correction survives re-ingesting and re-extracting its document.
Every step is idempotent: a fact that is not there (not extracted again,
already rejected) is skipped.
"""

from __future__ import annotations

import logging

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from innoatlas.review.facts import (
    ENTITY_REFS,
    ReviewError,
    add_aliases,
    entity_by_key,
    entity_id_of_key,
    fact_key,
    find_fact,
    restore,
    snapshot,
)
from innoatlas.review.log import actions_to_replay
from innoatlas.store.schema import Alias, Entity, Indicator, Mention, Relation, ReviewAction

log = logging.getLogger(__name__)


def replay_corrections(session: Session, document_id: int) -> int:
    """Re-apply every review action in force to a freshly written document; returns how many."""
    actions = actions_to_replay(session, document_id)
    for action in actions:
        try:
            apply_action(session, action)
        except ReviewError as e:  # e.g. the entity a correction names is gone: the write still goes on
            log.warning("document %d: review action %d not replayed: %s", document_id, action.id, e)
    return len(actions)


def apply_action(session: Session, action: ReviewAction) -> None:
    APPLY[action.action](session, action)
    session.flush()


def revert_action(session: Session, action: ReviewAction) -> None:
    REVERT[action.action](session, action)
    session.flush()


# -- forward ---------------------------------------------------------------------


def _apply_status(session: Session, action: ReviewAction) -> None:
    row = find_fact(session, action.fact_key)
    if row is not None:
        row.review_status = action.after["review_status"]


def _apply_correct(session: Session, action: ReviewAction) -> None:
    row = find_fact(session, action.fact_key)
    if row is None:
        return
    set_fields(session, action.target, row, action.after["fields"])
    row.review_status = action.after["review_status"]


def _apply_reject(session: Session, action: ReviewAction) -> None:
    row = find_fact(session, action.fact_key)
    if row is not None:
        delete_row(session, action.target, row)


def _apply_add(session: Session, action: ReviewAction) -> None:
    new_entity = action.after.get("entity")
    if new_entity and entity_by_key(session, new_entity["key"]) is None:
        restore(session, "entity", new_entity)
    if action.target != "entity" and action.fact_key and find_fact(session, action.fact_key) is not None:
        return  # already there (a replay onto rows that kept it)
    if action.target != "entity":
        restore(session, action.target, action.after["fact"])


def _apply_merge(session: Session, action: ReviewAction) -> None:
    merged = find_fact(session, action.fact_key)
    into = entity_by_key(session, action.after["into"])
    if merged is None or into is None or merged.id == into.id:
        return
    aliases = list(session.scalars(select(Alias.alias).where(Alias.entity_id == merged.id)))
    move_entity_references(session, merged.id, into.id)
    add_aliases(session, into.id, aliases)
    into.review_status = into.review_status or "corrected"
    delete_row(session, "entity", merged)


def _apply_split(session: Session, action: ReviewAction) -> None:
    source = find_fact(session, action.fact_key)
    if source is None:
        return
    new = action.after["entity"]
    target = entity_by_key(session, new["key"]) or restore(session, "entity", {**new, "aliases": []})
    for _target, column, row in rows_to_split(session, source, action.after["aliases"]):
        setattr(row, column, target.id)
    session.execute(
        delete(Alias).where(Alias.entity_id == source.id, Alias.alias.in_(action.after["aliases"]))
    )
    add_aliases(session, target.id, action.after["aliases"])


APPLY = {
    "confirm": _apply_status,
    "correct": _apply_correct,
    "reject": _apply_reject,
    "add": _apply_add,
    "merge": _apply_merge,
    "split": _apply_split,
}


# -- backward ----------------------------------------------------------------------


def _revert_status(session: Session, action: ReviewAction) -> None:
    row = find_fact(session, action.fact_key)
    if row is not None:
        row.review_status = action.before["fact"]["review_status"]


def _revert_correct(session: Session, action: ReviewAction) -> None:
    row = find_fact(session, action.fact_key)
    if row is None:
        return
    fields = action.before["fact"]
    set_fields(session, action.target, row, {f: fields[f] for f in action.after["fields"]})
    row.review_status = fields["review_status"]


def _revert_reject(session: Session, action: ReviewAction) -> None:
    if find_fact(session, action.fact_key) is None:
        restore(session, action.target, action.before["fact"])
    if action.target == "entity":
        restore_entity_facts(session, action.before)


def _revert_add(session: Session, action: ReviewAction) -> None:
    if action.target != "entity":
        row = find_fact(session, action.fact_key)
        if row is not None:
            delete_row(session, action.target, row)
    new_entity = action.after.get("entity")
    if new_entity:
        row = entity_by_key(session, new_entity["key"])
        if row is not None and row.key == new_entity["key"]:
            delete_row(session, "entity", row)


def _revert_merge(session: Session, action: ReviewAction) -> None:
    before = action.before
    merged = find_fact(session, action.fact_key) or restore(session, "entity", before["fact"])
    into = entity_by_key(session, action.after["into"])
    point_facts_at(session, before["moved"], merged.id)
    for data in before.get("dropped", []):
        if into is not None:
            restore(session, "relation", data)
    if into is not None:
        new_aliases = set(before["fact"]["aliases"]) - set(before["into_aliases"])
        session.execute(delete(Alias).where(Alias.entity_id == into.id, Alias.alias.in_(new_aliases)))
        into.review_status = before["into_status"]


def _revert_split(session: Session, action: ReviewAction) -> None:
    source = find_fact(session, action.fact_key)
    if source is None:
        return
    point_facts_at(session, action.before["moved"], source.id)
    new_key = action.after["entity"]["key"]
    new = session.scalar(select(Entity).where(Entity.key == new_key))
    if new is not None:
        session.execute(
            delete(Alias).where(Alias.entity_id == new.id, Alias.alias.in_(action.after["aliases"]))
        )
    add_aliases(session, source.id, action.before["aliases"])
    if new is not None and action.before["created"]:
        delete_row(session, "entity", new)


REVERT = {
    "confirm": _revert_status,
    "correct": _revert_correct,
    "reject": _revert_reject,
    "add": _revert_add,
    "merge": _revert_merge,
    "split": _revert_split,
}


# -- shared steps --------------------------------------------------------------------


def set_fields(session: Session, target: str, row, fields: dict) -> None:
    """Set snapshot fields on a row: entity fields hold keys, the row holds ids."""
    refs = ENTITY_REFS[target]
    # Entities first: an unknown one raises before any field has changed.
    values = {refs[f]: entity_id_of_key(session, v) for f, v in fields.items() if f in refs}
    values.update({f: v for f, v in fields.items() if f not in refs})
    for column, value in values.items():
        setattr(row, column, value)


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
    from innoatlas.text import fold_name

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
    from innoatlas.text import fold_name

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
