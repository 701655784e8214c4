"""The audit log as stored: review actions (who, when, what, before, after, why, undone).

The review stage decides what an action means (review/actions.py,
review/apply.py); this module keeps and finds its records.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import and_, or_, select, union
from sqlalchemy.orm import Session

from innoatlas.store.schema import Document, Entity, Indicator, Mention, Relation, ReviewAction

# Keys per IN (...): under SQLite's limit on bound parameters (as store/write.py).
IN_CHUNK = 500


def add_action(session: Session, **values: Any) -> ReviewAction:
    """Record a new action (not yet applied); its id is set."""
    action = ReviewAction(**values)
    session.add(action)
    session.flush()
    return action


def action_by_id(session: Session, action_id: int) -> ReviewAction | None:
    return session.get(ReviewAction, action_id)


def active() -> object:
    """The condition of an action still in force (not undone)."""
    return ReviewAction.undone_at.is_(None)


def make_key(*parts: Any) -> str:
    """The stable key of a fact in the review log (JSON of its parts)."""
    return json.dumps(list(parts), ensure_ascii=False)


def merged_into(session: Session, entity_key: str) -> str | None:
    """The key an entity was merged into by an action still in force, if any."""
    after = session.scalar(
        select(ReviewAction.after)
        .where(
            active(),
            ReviewAction.action == "merge",
            ReviewAction.fact_key == make_key("entity", entity_key),
        )
        .order_by(ReviewAction.id.desc())
        .limit(1)
    )
    return after["into"] if after else None


def latest_active(session: Session, fact_key: str) -> ReviewAction | None:
    return session.scalar(
        select(ReviewAction)
        .where(active(), ReviewAction.fact_key == fact_key)
        .order_by(ReviewAction.id.desc())
        .limit(1)
    )


def any_review_actions(session: Session) -> bool:
    """Whether an analyst has ever acted (one index read): an ingest replays nothing otherwise."""
    return session.scalar(select(ReviewAction.id).limit(1)) is not None


def actions_to_replay(session: Session, document_id: int) -> list[ReviewAction]:
    """Actions in force on one document's facts, on the entities it names, and on gazetteer relations.

    Entity actions are replayed after a write that touches the entity
    because the write can bring back what they changed: a merged or
    rejected entity, an alias moved away by a split, a parent the resolver
    sets again. Only those entities are looked at, so an ingest stays fast
    however many entities analysts have corrected.
    """
    source = session.scalar(select(Document.source).where(Document.id == document_id))
    entity_keys = [make_key("entity", key) for key in entities_of_document(session, document_id)]
    conditions = [
        ReviewAction.document_source == source,
        and_(ReviewAction.document_source.is_(None), ReviewAction.target == "relation"),
    ]
    for i in range(0, len(entity_keys), IN_CHUNK):
        conditions.append(
            and_(ReviewAction.target == "entity", ReviewAction.fact_key.in_(entity_keys[i : i + IN_CHUNK]))
        )
    return list(
        session.scalars(select(ReviewAction).where(active(), or_(*conditions)).order_by(ReviewAction.id))
    )


def entities_of_document(session: Session, document_id: int) -> set[str]:
    """Keys of the entities a document's mentions, indicators and relations point at."""
    ids = union(
        select(Mention.entity_id).where(Mention.document_id == document_id),
        select(Indicator.subject_id).where(Indicator.document_id == document_id),
        select(Relation.subject_id).where(Relation.document_id == document_id),
        select(Relation.object_id).where(Relation.document_id == document_id),
    ).subquery()
    return set(session.scalars(select(Entity.key).where(Entity.id.in_(select(ids.c[0])))))


def action_row(action: ReviewAction) -> dict:
    """An action as the API, the CLI and the audit page show it."""
    return {
        "id": action.id,
        "action": action.action,
        "target": action.target,
        "fact_key": action.fact_key,
        "document_source": action.document_source,
        "before": action.before,
        "after": action.after,
        "reason": action.reason,
        "user": action.user_name,
        "at": action.created_at.isoformat(timespec="seconds"),
        "undone": action.undone_at is not None,
        "undone_at": action.undone_at.isoformat(timespec="seconds") if action.undone_at else None,
        "undone_by": action.undone_by,
        "undo_reason": action.undo_reason,
    }


def list_actions(
    session: Session,
    target: str | None = None,
    user: str | None = None,
    document_source: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> dict:
    """The audit log, newest first, as a page {"items", "total", "limit", "offset"}."""
    from sqlalchemy import func

    stmt = select(ReviewAction)
    if target:
        stmt = stmt.where(ReviewAction.target == target)
    if user:
        stmt = stmt.where(ReviewAction.user_name == user)
    if document_source:
        stmt = stmt.where(ReviewAction.document_source == document_source)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(ReviewAction.id.desc()).limit(limit).offset(offset)).all()
    return {"items": [action_row(a) for a in rows], "total": total, "limit": limit, "offset": offset}
