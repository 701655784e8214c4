"""Reviewed facts as gold annotations in the shape of the evaluation's ANNOTATION.md.

A document is exported when an analyst reviewed something in it. By
default only its reviewed facts (confirmed, corrected or added) are
written: unreviewed machine output is not gold. With `all_facts` the
document's whole corrected state is written, for documents an analyst
went through from start to end (rejected facts are gone from it).
Entity names and relation ends are written as in the document.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from innoatlas.store.schema import Document, Entity, Indicator, Mention, Relation, ReviewAction

GOLD_SUFFIX = ".gold.json"


def export_gold(session: Session, all_facts: bool = False) -> list[dict]:
    """One ANNOTATION.md object per reviewed document, in document id order."""
    return [gold_of_document(session, doc, all_facts) for doc in reviewed_documents(session)]


def write_gold(session: Session, out_dir: Path, all_facts: bool = False) -> list[Path]:
    """Write `<doc>.gold.json` files into `out_dir` (created if missing); returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for gold in export_gold(session, all_facts):
        path = out_dir / f"{gold['doc']}{GOLD_SUFFIX}"
        path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


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


def gold_of_document(session: Session, doc: Document, all_facts: bool = False) -> dict:
    names = written_names(session, doc.id)
    gold = {
        "doc": doc.name,
        "published": published_text(doc),
        "entities": gold_entities(session, doc.id, all_facts),
        "indicators": gold_indicators(session, doc.id, names, all_facts),
    }
    relations = gold_relations(session, doc.id, names, all_facts)
    if relations or all_facts:
        gold["relations"] = relations
    return gold


def published_text(doc: Document) -> str | None:
    if doc.published is None or doc.published_precision == "unknown":
        return None
    width = {"year": 4, "month": 7}.get(doc.published_precision, 10)
    return doc.published.isoformat()[:width]


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
    return [{"name": name, "type": type} for name, type in seen]


def gold_indicators(session: Session, document_id: int, names: dict[int, str], all_facts: bool) -> list[dict]:
    stmt = (
        select(Indicator).where(Indicator.document_id == document_id).order_by(Indicator.start, Indicator.id)
    )
    if not all_facts:
        stmt = stmt.where(Indicator.review_status.is_not(None))
    return [
        {
            "quote": i.quote,
            "subject": i.subject_text or names.get(i.subject_id or 0),
            "metric": i.metric,
            "value": i.value,
            "unit": i.unit,
            "approx": i.approx,
            "period": i.period,
            "kind": i.kind,
        }
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
        {
            "subject": names.get(s.id, s.name),
            "predicate": r.predicate,
            "object": names.get(o.id, o.name),
            "quote": r.quote,
        }
        for r, s, o in session.execute(stmt)
    ]
