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

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from innoatlas.store.schema import Document, Entity, Indicator, Mention, Relation, ReviewAction

GOLD_SUFFIX = ".gold.json"


def export_gold(session: Session, all_facts: bool = False) -> list[dict]:
    """One ANNOTATION.md object per reviewed document, in document id order."""
    return [gold_of_document(session, doc, all_facts) for doc in reviewed_documents(session)]


def write_gold(session: Session, out_dir: Path, all_facts: bool = False) -> list[Path]:
    """Write `<doc>.gold.json` files into `out_dir` (created if missing), and each document's
    text into `out_dir/docs/` (what `innoatlas train --extra` and the scorer read); returns
    the gold files' paths."""
    (out_dir / "docs").mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in reviewed_documents(session):
        gold = gold_of_document(session, doc, all_facts)
        (out_dir / "docs" / gold["doc"]).write_text(doc.original, encoding="utf-8")
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
            "metric": i.metric,
            "metric_key": i.metric_key,
            "value": i.value,
            "unit": i.unit,
            "value_base": i.value_base,
            "base_unit": i.base_unit,
            "approx": i.approx,
            "kind": i.kind,
            "period": i.period,
            "quote": i.quote,
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


def write_rows(rows: list[dict], path: Path) -> int:
    """JSON Lines for .jsonl, CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese) otherwise."""
    import csv

    if path.suffix.lower() == ".jsonl":
        with path.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        return len(rows)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]) if rows else ["id"])
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
