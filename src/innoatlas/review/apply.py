"""What review actions do to the knowledge base, forward (apply) and backward (revert).

`apply_action` is the one place an action changes rows: the live action
calls it once, and `replay_corrections` calls it again for every action
in force after a document's facts were written anew (the pipeline passes
it to the store's write), so a correction survives re-ingesting and
re-extracting its document. The rows are found and changed through
store/review.py; an action is a record of store/review_log.py.
Every step is idempotent: a fact that is not there (not extracted again,
already rejected) is skipped.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from innoatlas.errors import ReviewError
from innoatlas.store.links import links_scope, refresh_links
from innoatlas.store.review import (
    add_aliases,
    aliases_of,
    delete_row,
    document_id_of_source,
    entity_by_key,
    entity_with_key,
    find_fact,
    move_entity_references,
    point_facts_at,
    remove_aliases,
    restore,
    restore_entity_facts,
    rows_to_split,
    set_fields,
    set_status,
)
from innoatlas.store.review_log import actions_to_replay

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


def apply_live(session: Session, action, forward: bool = True) -> None:
    """Apply (or revert) an analyst's action now, and refresh the entity links it changes.

    Replays go through `apply_action` alone: the write that replays them
    refreshes its document's links afterwards.
    """
    before = links_affected(session, action)
    (apply_action if forward else revert_action)(session, action)
    after = links_affected(session, action)
    refresh_links(session, before[0] | after[0], before[1] | after[1])


def links_affected(session: Session, action) -> tuple[set[int], set[int]]:
    """(documents, gazetteer relations) whose entity links the action may change."""
    if action.action == "confirm" or action.target == "indicator":
        return set(), set()
    if action.target == "entity":
        if action.action == "correct":  # names, types and containers are read at query time
            return set(), set()
        after = action.after or {}
        keys = [after.get("into"), (after.get("entity") or {}).get("key")]
        ids = {e.id for e in map(lambda k: entity_by_key(session, k), keys) if e is not None}
        row = find_fact(session, action.fact_key) if action.fact_key else None
        return links_scope(session, ids | ({row.id} if row is not None else set()))
    document_id = document_id_of_source(session, action.document_source)
    if document_id is not None:
        return {document_id}, set()
    row = find_fact(session, action.fact_key) if action.fact_key else None
    return set(), ({row.id} if row is not None and action.target == "relation" else set())


def apply_action(session: Session, action) -> None:
    APPLY[action.action](session, action)
    session.flush()


def revert_action(session: Session, action) -> None:
    REVERT[action.action](session, action)
    session.flush()


# -- forward ---------------------------------------------------------------------


def _apply_status(session: Session, action) -> None:
    row = find_fact(session, action.fact_key)
    if row is not None:
        set_status(row, action.after["review_status"])


def _apply_correct(session: Session, action) -> None:
    row = find_fact(session, action.fact_key)
    if row is None:
        return
    set_fields(session, action.target, row, action.after["fields"])
    set_status(row, action.after["review_status"])


def _apply_reject(session: Session, action) -> None:
    row = find_fact(session, action.fact_key)
    if row is not None:
        delete_row(session, action.target, row)


def _apply_add(session: Session, action) -> None:
    new_entity = action.after.get("entity")
    if new_entity and entity_by_key(session, new_entity["key"]) is None:
        restore(session, "entity", new_entity)
    if action.target != "entity" and action.fact_key and find_fact(session, action.fact_key) is not None:
        return  # already there (a replay onto rows that kept it)
    if action.target != "entity":
        restore(session, action.target, action.after["fact"])


def _apply_merge(session: Session, action) -> None:
    merged = find_fact(session, action.fact_key)
    into = entity_by_key(session, action.after["into"])
    if merged is None or into is None or merged.id == into.id:
        return
    aliases = aliases_of(session, merged.id)
    move_entity_references(session, merged.id, into.id)
    add_aliases(session, into.id, aliases)
    set_status(into, into.review_status or "corrected")
    delete_row(session, "entity", merged)


def _apply_split(session: Session, action) -> None:
    source = find_fact(session, action.fact_key)
    if source is None:
        return
    new = action.after["entity"]
    target = entity_by_key(session, new["key"]) or restore(session, "entity", {**new, "aliases": []})
    for _target, column, row in rows_to_split(session, source, action.after["aliases"]):
        setattr(row, column, target.id)
    remove_aliases(session, source.id, action.after["aliases"])
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


def _revert_status(session: Session, action) -> None:
    row = find_fact(session, action.fact_key)
    if row is not None:
        set_status(row, action.before["fact"]["review_status"])


def _revert_correct(session: Session, action) -> None:
    row = find_fact(session, action.fact_key)
    if row is None:
        return
    fields = action.before["fact"]
    set_fields(session, action.target, row, {f: fields[f] for f in action.after["fields"]})
    set_status(row, fields["review_status"])


def _revert_reject(session: Session, action) -> None:
    if find_fact(session, action.fact_key) is None:
        restore(session, action.target, action.before["fact"])
    if action.target == "entity":
        restore_entity_facts(session, action.before)


def _revert_add(session: Session, action) -> None:
    if action.target != "entity":
        row = find_fact(session, action.fact_key)
        if row is not None:
            delete_row(session, action.target, row)
    new_entity = action.after.get("entity")
    if new_entity:
        row = entity_by_key(session, new_entity["key"])
        if row is not None and row.key == new_entity["key"]:
            delete_row(session, "entity", row)


def _revert_merge(session: Session, action) -> None:
    before = action.before
    merged = find_fact(session, action.fact_key) or restore(session, "entity", before["fact"])
    into = entity_by_key(session, action.after["into"])
    point_facts_at(session, before["moved"], merged.id)
    for data in before.get("dropped", []):
        if into is not None:
            restore(session, "relation", data)
    if into is not None:
        new_aliases = set(before["fact"]["aliases"]) - set(before["into_aliases"])
        remove_aliases(session, into.id, new_aliases)
        set_status(into, before["into_status"])


def _revert_split(session: Session, action) -> None:
    source = find_fact(session, action.fact_key)
    if source is None:
        return
    point_facts_at(session, action.before["moved"], source.id)
    new_key = action.after["entity"]["key"]
    new = entity_with_key(session, new_key)
    if new is not None:
        remove_aliases(session, new.id, action.after["aliases"])
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
