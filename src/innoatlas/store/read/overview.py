"""The whole base at a glance: the CLI's counts, the home page's summary, a dump of every table."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from innoatlas.store.read.common import (
    cached_aggregate,
    count_rows,
    entity_ref,
    load_document_refs,
    newest_first,
)
from innoatlas.store.schema import Alias, Base, Document, Entity, Indicator, Mention, Relation

HOME_TOP = 10


@dataclass
class Stats:
    documents: int
    originals: int
    duplicates: dict[str, int]  # kind -> count
    scripts: dict[str, int]
    formats: dict[str, int]
    characters: int  # of cleaned bodies, originals only
    entities: dict[str, int]  # type -> count
    aliases: int
    mentions: int
    indicators: int
    relations: dict[str, int]  # origin -> count


def stats(session: Session) -> Stats:
    def count(model, *where) -> int:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0

    def group(column, *where) -> dict[str, int]:
        query = select(column, func.count()).where(*where).group_by(column).order_by(column)
        return {str(k): n for k, n in session.execute(query)}

    originals = Document.duplicate_of_id.is_(None)
    characters = session.scalar(
        select(func.coalesce(func.sum(func.length(Document.body)), 0)).where(originals)
    )
    return Stats(
        documents=count(Document),
        originals=count(Document, originals),
        duplicates=group(Document.duplicate_kind, Document.duplicate_of_id.is_not(None)),
        scripts=group(Document.script),
        formats=group(Document.format),
        characters=int(characters or 0),
        entities=group(Entity.type),
        aliases=count(Alias),
        mentions=count(Mention),
        indicators=count(Indicator),
        relations=group(Relation.origin),
    )


def dump_tables(session: Session) -> dict[str, list[tuple]]:
    dump = {}
    for table in Base.metadata.sorted_tables:
        query = select(table).order_by(*table.primary_key.columns)
        dump[table.name] = [tuple(row) for row in session.execute(query)]
    return dump


def summarize_store(session: Session) -> dict:
    """Counts by entity type, latest documents, top zones and industries (the home page)."""
    return cached_aggregate(session, "summary", _summarize_store)


def _summarize_store(session: Session) -> dict:
    by_type = dict(session.execute(select(Entity.type, func.count()).group_by(Entity.type)).all())
    latest = session.scalars(
        select(Document.id)
        .where(Document.duplicate_of_id.is_(None))
        .order_by(*newest_first(session))
        .limit(HOME_TOP)
    ).all()
    refs = load_document_refs(session, latest)
    return {
        "counts": {
            "documents": count_rows(session, Document),
            "entities": sum(by_type.values()),
            "indicators": count_rows(session, Indicator),
            "relations": count_rows(session, Relation),
        },
        "entity_types": by_type,
        "latest_documents": [refs[i] for i in latest],
        "top_zones": rank_entities_by_mentions(session, "zone", HOME_TOP),
        "top_industries": rank_entities_by_mentions(session, "industry", HOME_TOP),
    }


def rank_entities_by_mentions(session: Session, entity_type: str, limit: int) -> list[dict]:
    # Filtering mentions by an id list (not a join) lets SQLite count each
    # entity's range of the (entity_id, document_id) index without the table.
    of_type = select(Entity.id).where(Entity.type == entity_type)
    counts = session.execute(
        select(Mention.entity_id, func.count().label("n"))
        .where(Mention.entity_id.in_(of_type))
        .group_by(Mention.entity_id)
        .order_by(func.count().desc(), Mention.entity_id)
        .limit(limit)
    ).all()
    entities = {e.id: e for e in session.scalars(select(Entity).where(Entity.id.in_([c[0] for c in counts])))}
    return [{**entity_ref(entities[i]), "mentions": n} for i, n in counts]
