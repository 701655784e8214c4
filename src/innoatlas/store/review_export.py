"""Reviewed facts as the store holds them: what the gold export and the facts export read.

review/export.py shapes them as gold annotations (ANNOTATION.md); the API
and the CLI list them with their review status.
"""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from innoatlas import records
from innoatlas.store.schema import Document, Entity, Indicator, Mention, Relation, ReviewAction


def reviewed_documents(session: Session) -> list[Document]:
    sources = select(ReviewAction.document_source).where(
        ReviewAction.undone_at.is_(None), ReviewAction.document_source.is_not(None)
    )
    reviewed = [
        select(model.document_id).where(model.review_status.is_not(None))
        for model in (Mention, Indicator, Relation)
    ]
    condition = or_(Document.source.in_(sources), *(Document.id.in_(r) for r in reviewed))
    return list(session.scalars(select(Document).where(condition).order_by(Document.id)))


def written_names(session: Session, document_id: int) -> dict[int, str]:
    """Entity id -> the first name it is written with in the document."""
    names: dict[int, str] = {}
    rows = session.execute(
        select(Mention.entity_id, Mention.text)
        .where(Mention.document_id == document_id)
        .order_by(Mention.start)
    )
    for entity_id, text in rows:
        names.setdefault(entity_id, text)
    return names


def gold_entities(session: Session, document_id: int, all_facts: bool) -> list[dict]:
    stmt = (
        select(Mention.text, Entity.type)
        .join(Entity, Entity.id == Mention.entity_id)
        .where(Mention.document_id == document_id)
        .order_by(Mention.start, Mention.id)
    )
    if not all_facts:
        stmt = stmt.where(or_(Mention.review_status.is_not(None), Entity.review_status.is_not(None)))
    seen: dict[tuple[str, str], None] = {}
    for text, type in session.execute(stmt):
        seen.setdefault((text, type), None)
    return [records.dump(records.Entity(name, type), records.ENTITY_GOLD) for name, type in seen]


def gold_indicators(session: Session, document_id: int, names: dict[int, str], all_facts: bool) -> list[dict]:
    stmt = (
        select(Indicator).where(Indicator.document_id == document_id).order_by(Indicator.start, Indicator.id)
    )
    if not all_facts:
        stmt = stmt.where(Indicator.review_status.is_not(None))
    return [
        records.dump(i, records.INDICATOR_GOLD, subject=i.subject_text or names.get(i.subject_id or 0))
        for i in session.scalars(stmt)
    ]


def gold_relations(session: Session, document_id: int, names: dict[int, str], all_facts: bool) -> list[dict]:
    subject, obj = aliased(Entity), aliased(Entity)
    stmt = (
        select(Relation, subject, obj)
        .join(subject, subject.id == Relation.subject_id)
        .join(obj, obj.id == Relation.object_id)
        .where(Relation.document_id == document_id)
        .order_by(Relation.start, Relation.id)
    )
    if not all_facts:
        stmt = stmt.where(Relation.review_status.is_not(None))
    return [
        records.dump(
            r, records.RELATION_GOLD, subject=names.get(s.id, s.name), object=names.get(o.id, o.name)
        )
        for r, s, o in session.execute(stmt)
    ]


# -- facts with their review status ------------------------------------------------------

FACT_TARGETS = ("indicators", "relations", "entities")


def export_facts(
    session: Session, target: str, reviewed_only: bool = False, limit: int | None = None, offset: int = 0
) -> list[dict]:
    """Indicators, relations or entities as flat rows with their review status; optionally reviewed ones only."""
    stmt, to_row = fact_query(target, reviewed_only)
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return [to_row(*r) for r in session.execute(stmt)]


def count_facts(session: Session, target: str, reviewed_only: bool = False) -> int:
    stmt, _ = fact_query(target, reviewed_only)
    return session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0


def fact_query(target: str, reviewed_only: bool):
    """(select statement, row -> dict) of one kind of fact."""
    stmt, to_row, model = {
        "indicators": indicator_query,
        "relations": relation_query,
        "entities": entity_query,
    }[target]()
    if reviewed_only:
        stmt = stmt.where(model.review_status.is_not(None))
    return stmt, to_row


def indicator_query():
    subject = aliased(Entity)
    stmt = (
        select(Indicator, subject.name, Document.name)
        .outerjoin(subject, subject.id == Indicator.subject_id)
        .join(Document, Document.id == Indicator.document_id)
        .order_by(Indicator.document_id, Indicator.start, Indicator.id)
    )

    def to_row(i: Indicator, name: str | None, doc: str) -> dict:
        return {
            "id": i.id,
            "document": doc,
            "subject": name or i.subject_text,
            **records.dump(i, records.INDICATOR_FACTS),
            "review_status": i.review_status,
        }

    return stmt, to_row, Indicator


def relation_query():
    subject, obj = aliased(Entity), aliased(Entity)
    stmt = (
        select(Relation, subject.name, obj.name, Document.name)
        .join(subject, subject.id == Relation.subject_id)
        .join(obj, obj.id == Relation.object_id)
        .outerjoin(Document, Document.id == Relation.document_id)
        .order_by(Relation.id)
    )

    def to_row(r: Relation, s: str, o: str, doc: str | None) -> dict:
        return {
            "id": r.id,
            "subject": s,
            "predicate": r.predicate,
            "object": o,
            "quote": r.quote,
            "document": doc,
            "origin": r.origin,
            "review_status": r.review_status,
        }

    return stmt, to_row, Relation


def entity_query():
    def to_row(e: Entity) -> dict:
        return {"id": e.id, "name": e.name, "type": e.type, "key": e.key, "review_status": e.review_status}

    return select(Entity).order_by(Entity.type, Entity.name, Entity.id), to_row, Entity
