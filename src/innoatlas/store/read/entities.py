"""Entities: finding one by name, lists with facets, a profile, and the sets analysis reads.

Every function returns records (common.EntityRecord) or JSON-ready dicts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from innoatlas.errors import NotFoundError
from innoatlas.store.read.common import (
    ENTITY_COLUMNS,
    FACET_SIZE,
    PROFILE_LIST_LIMIT,
    STREAM_ROWS,
    EntityRecord,
    cached_aggregate,
    clamp_page,
    entity_records,
    entity_ref,
    facet_counts,
    paginate,
)
from innoatlas.store.read.documents import gathered, list_documents
from innoatlas.store.read.indicators import list_indicators, list_metrics
from innoatlas.store.read.relations import list_entity_relations
from innoatlas.store.schema import Alias, Entity, Mention, Relation
from innoatlas.store.window import listed_in_window
from innoatlas.text import fold_name

ASCII_DIGITS = re.compile(r"[0-9]+")

ENTITY_SORTS = {"name": (Entity.name, Entity.id), "-name": (Entity.name.desc(), Entity.id.desc())}


def find_entity(session: Session, name: str) -> Entity:
    """An entity by canonical name, key, any alias (folded: script, width, spaces) or resolved name."""
    text = name.strip()
    folded = fold_name(text)
    from innoatlas.resolve import lookup_keys

    for query in (
        select(Entity).where(Entity.name == text),
        select(Entity).where(Entity.key.in_([text, folded])),
        select(Entity).join(Alias).where(Alias.alias == text),
        select(Entity).join(Alias).where(Alias.norm == folded),
        # a name no document wrote, read as the resolver would: 重庆两江新区, 拓普集团有限公司
        *(select(Entity).where(Entity.key == key) for key in lookup_keys(text)),
    ):
        entity = session.scalars(query.order_by(Entity.id)).first()
        if entity is not None:
            return entity
    raise NotFoundError(
        "entity", name, f"no entity {name!r} in the knowledge base (ingest documents that mention it first)"
    )


def entity_id_of(session: Session, ref: str | int | None) -> int | None:
    """The id of the entity `ref` names: an id (digits) or a name or alias; None for no filter."""
    if ref is None or ref == "":
        return None
    text = str(ref).strip()
    if ASCII_DIGITS.fullmatch(text):  # not str.isdigit: ² and ٣ are digits too, but no id
        return int(text)
    try:
        return find_entity(session, text).id
    except NotFoundError:
        raise NotFoundError("entity", text, f"no entity named {text!r}") from None


def required_entity_id(session: Session, ref: str) -> int:
    """The id of the entity `ref` names (name, alias or id); NotFoundError when there is none."""
    found = entity_id_of(session, ref)
    if found is None or session.get(Entity, found) is None:
        raise NotFoundError("entity", ref, f"no entity named {ref!r}")
    return found


def list_entities(
    session: Session,
    type: str | None = None,
    region: int | None = None,
    industry: int | None = None,
    limit: int | None = None,
    offset: int | None = None,
    sort: str | None = None,
) -> dict:
    """Entities filtered by type, region (located in or part of) and industry (related to it).

    `sort`: "name" or "-name"; by type, then name, without one.
    """
    stmt = select(Entity)
    if (in_window := listed_in_window(session, Entity.id)) is not None:
        stmt = stmt.where(in_window)
    if type:
        stmt = stmt.where(Entity.type == type)
    if region is not None:
        stmt = stmt.where(or_(Entity.region_id == region, Entity.parent_id == region))
    order = ENTITY_SORTS.get(sort or "", (Entity.type, Entity.name, Entity.id))
    if industry is not None:
        key = f"industry_entities:{industry}:{type}:{region}:{sort}"
        members = cached_aggregate(session, key, lambda s: _industry_members(s, stmt, industry, order))
        if members is not None:
            return _page_of(session, members, limit, offset)
        related = select(Relation.subject_id).where(Relation.object_id == industry).distinct()
        stmt = stmt.where(Entity.id.in_(related))
    return paginate(session, stmt.order_by(*order), limit, offset, _entity_item)


def _entity_item(row) -> dict:
    return {**entity_ref(row[0]), "review_status": row[0].review_status}


def _industry_members(session: Session, stmt, industry: int, order) -> list[int] | None:
    """The ids of the industry's entities that `stmt` keeps, in the list's order (None: too many to gather).

    Kept per data version: a page asked PostgreSQL to find and sort the
    4,236 zones of an industry among 63,000 entities each time (50-80 ms),
    or to walk the (type, name) index asking each entity whether it is one
    of them (2 s); a page of the kept ids reads 50 entities by id.
    """
    related = select(Relation.subject_id).where(Relation.object_id == industry).distinct()
    few = gathered(session, Entity.id, related)
    if few is None:
        return None
    return list(session.scalars(stmt.with_only_columns(Entity.id).where(few).order_by(*order)))


def _page_of(session: Session, ids: list[int], limit: int | None, offset: int | None) -> dict:
    limit, offset = clamp_page(limit, offset)
    page = ids[offset : offset + limit]
    rows = {e.id: e for e in session.scalars(select(Entity).where(Entity.id.in_(page)))} if page else {}
    return {
        "items": [_entity_item((rows[i],)) for i in page if i in rows],
        "total": len(ids),
        "total_exact": True,
        "limit": limit,
        "offset": offset,
    }


def get_entity(session: Session, entity_id: int) -> dict:
    """One entity's profile: aliases, parent, children, region, relations, indicators, documents."""
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise NotFoundError("entity", entity_id)
    aliases = session.scalars(
        select(Alias.alias).where(Alias.entity_id == entity_id).order_by(Alias.alias)
    ).all()
    children = session.scalars(
        select(Entity).where(Entity.parent_id == entity_id).order_by(Entity.name).limit(PROFILE_LIST_LIMIT)
    ).all()
    located = session.scalars(
        select(Entity)
        .where(Entity.region_id == entity_id, or_(Entity.parent_id.is_(None), Entity.parent_id != entity_id))
        .order_by(Entity.type, Entity.name)
        .limit(PROFILE_LIST_LIMIT)
    ).all()
    return {
        **entity_ref(entity),
        "key": entity.key,
        "code": entity.code,
        "review_status": entity.review_status,
        "aliases": [a for a in aliases if a != entity.name],
        "parent": entity_ref(session.get(Entity, entity.parent_id)) if entity.parent_id else None,
        "region": entity_ref(session.get(Entity, entity.region_id)) if entity.region_id else None,
        "children": [entity_ref(c) for c in children],
        "located_here": [entity_ref(c) for c in located],
        "relations": list_entity_relations(session, entity_id),
        "indicators": list_indicators(session, subject=entity_id, limit=PROFILE_LIST_LIMIT),
        "metrics": list_metrics(session, entity_id),
        "documents": list_documents(session, entity=entity_id, limit=PROFILE_LIST_LIMIT),
    }


def entity_facets(
    session: Session, type: str | None, region: int | None, industry: int | None = None
) -> dict:
    """Counts by type, region and industry of the entities the filters keep.

    An entity counts toward an industry when a relation ties it to the
    industry (the industry filter of list_entities). Facets group
    whole tables (0.5 s for the industries of 60,000 entities over 400,000
    relations): they are kept per data version, as the home page's counts.
    """
    key = f"entity_facets:{type}:{region}:{industry}"
    return cached_aggregate(session, key, lambda s: _entity_facets(s, type, region, industry))


def _entity_facets(session: Session, type: str | None, region: int | None, industry: int | None) -> dict:
    kept = select(Entity.id)
    if (in_window := listed_in_window(session, Entity.id)) is not None:
        kept = kept.where(in_window)
    if type:
        kept = kept.where(Entity.type == type)
    if region is not None:
        kept = kept.where(or_(Entity.region_id == region, Entity.parent_id == region))
    if industry is not None:
        kept = kept.where(Entity.id.in_(select(Relation.subject_id).where(Relation.object_id == industry)))
    kept = kept.subquery()
    by_type = (
        select(Entity.type, func.count())
        .where(Entity.id.in_(select(kept.c.id)))
        .group_by(Entity.type)
        .order_by(func.count().desc(), Entity.type)
    )
    place = aliased(Entity)
    by_region = (
        select(place.name, func.count())
        .select_from(Entity)
        .join(place, place.id == func.coalesce(Entity.region_id, Entity.parent_id))
        .where(Entity.id.in_(select(kept.c.id)), place.type.in_(("region", "zone")))
        .group_by(place.name)
        .order_by(func.count().desc(), place.name)
        .limit(FACET_SIZE)
    )
    trade = aliased(Entity)
    by_industry = (
        select(trade.name, func.count(func.distinct(Relation.subject_id)))
        .join(trade, trade.id == Relation.object_id)
        .where(Relation.subject_id.in_(select(kept.c.id)), trade.type == "industry")
        .group_by(trade.name)
        .order_by(func.count(func.distinct(Relation.subject_id)).desc(), trade.name)
        .limit(FACET_SIZE)
    )
    return {
        "type": facet_counts(session, by_type),
        "region": facet_counts(session, by_region),
        "industry": facet_counts(session, by_industry),
    }


# -- the sets analysis reads --------------------------------------------------------


def entity_record(session: Session, entity_id: int) -> EntityRecord | None:
    found = entity_records(session, select(*ENTITY_COLUMNS).where(Entity.id == entity_id))
    return found[0] if found else None


def entities_by_id(session: Session, ids) -> dict[int, EntityRecord]:
    """The entities of `ids` that exist, by id."""
    ids = list(set(ids))
    if not ids:
        return {}
    return {e.id: e for e in entity_records(session, select(*ENTITY_COLUMNS).where(Entity.id.in_(ids)))}


def entities_in(session: Session, ids) -> list[EntityRecord]:
    """The entities of `ids`, by name."""
    stmt = select(*ENTITY_COLUMNS).where(Entity.id.in_(list(ids))).order_by(Entity.name)
    return entity_records(session, stmt)


def entities_named(
    session: Session, names: set[str], types: tuple[str, ...] | None = None
) -> list[EntityRecord]:
    """Entities whose key, canonical name or folded alias is one of `names` (of `types`), by id, each once."""
    stmt = (
        select(*ENTITY_COLUMNS)
        .outerjoin(Alias, Alias.entity_id == Entity.id)
        .where(or_(Entity.key.in_(names), Entity.name.in_(names), Alias.norm.in_(names)))
        .order_by(Entity.id)
    )
    if types:
        stmt = stmt.where(Entity.type.in_(types))
    return list(dict.fromkeys(entity_records(session, stmt)))


def entities_of_type(session: Session, entity_type: str) -> list[EntityRecord]:
    return entity_records(
        session, select(*ENTITY_COLUMNS).where(Entity.type == entity_type).order_by(Entity.id)
    )


def all_entities(session: Session) -> list[EntityRecord]:
    return entity_records(session, select(*ENTITY_COLUMNS).order_by(Entity.id))


def entity_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Entity.id, Entity.name)).all())


def entity_types(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Entity.id, Entity.type)).all())


def entity_hierarchy(session: Session) -> list[tuple[int, int | None, int | None]]:
    """(id, parent_id, region_id) of every entity: the hierarchy columns alone."""
    return [tuple(row) for row in session.execute(select(Entity.id, Entity.parent_id, Entity.region_id))]


# -- where entities are mentioned -----------------------------------------------------


def mentions_in_documents(session: Session, doc_ids: list[int]) -> dict[int, list[tuple[int, int, dict]]]:
    """Document id -> its mentions as (start, end, entity reference), in text order."""
    found: dict[int, list] = {i: [] for i in doc_ids}
    if not doc_ids:
        return found
    rows = session.execute(
        select(Mention.document_id, Mention.start, Mention.end, Entity.id, Entity.name, Entity.type)
        .join(Entity, Entity.id == Mention.entity_id)
        .where(Mention.document_id.in_(doc_ids))
        .order_by(Mention.document_id, Mention.start)
    )
    for doc_id, start, end, entity_id, name, etype in rows:
        found[doc_id].append((start, end, {"id": entity_id, "name": name, "type": etype}))
    return found


def mention_starts(session: Session) -> Iterator[tuple[int, int, int]]:
    """(document id, entity id, start) of every mention, in order of start, streamed."""
    rows = session.execute(
        select(Mention.document_id, Mention.entity_id, Mention.start)
        .order_by(Mention.start)
        .execution_options(yield_per=STREAM_ROWS)
    )
    for row in rows:
        yield tuple(row)


def documents_mentioning(session: Session, doc_ids: list[int], entity_ids: set[int]) -> set[int]:
    """The documents among `doc_ids` that mention one of `entity_ids`."""
    if not doc_ids or not entity_ids:
        return set()
    rows = session.scalars(
        select(Mention.document_id)
        .where(Mention.document_id.in_(doc_ids), Mention.entity_id.in_(entity_ids))
        .distinct()
    )
    return set(rows)
