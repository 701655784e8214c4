"""Browsing the lists like Datasette: names for ids, facets beside each filtered list, a relations list.

- `entity_id_of(session, ref)`: an entity given by id ("12") or by name
  (canonical name or any alias, as `innoatlas entity` finds it), so that
  URLs and API parameters carry 重庆市, never an internal id.
- `entity_facets`, `document_facets`, `relation_facets`: counts of the
  values of a list's columns over the rows its filters keep (the top
  FACET_SIZE values each), for the sidebar links that narrow it further.
- `list_relations`: relations filtered by predicate, subject, object or
  either end, and document, in the one list shape (items, total, limit,
  offset) of every list of the API.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import Select, extract, func, or_, select
from sqlalchemy.orm import Session, aliased

from innoatlas.errors import NotFoundError
from innoatlas.store.queries import cached_aggregate, load_relations, paginate_ids, published_between
from innoatlas.store.read import find_entity
from innoatlas.store.schema import Document, Entity, Relation
from innoatlas.store.window import listed_in_window

# Values shown per facet: enough for the regions and outlets of a city's
# corpus; the rest stays one click away through the filters.
FACET_SIZE = 12
ASCII_DIGITS = re.compile(r"[0-9]+")


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


def entity_facets(
    session: Session, type: str | None, region: int | None, industry: int | None = None
) -> dict:
    """Counts by type, region and industry of the entities the filters keep.

    An entity counts toward an industry when a relation ties it to the
    industry (the industry filter of queries.list_entities). Facets group
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
        "type": _counts(session, by_type),
        "region": _counts(session, by_region),
        "industry": _counts(session, by_industry),
    }


def document_facets(session: Session, outlet: str | None, year: int | None) -> dict:
    """Counts by outlet and by year of the documents the outlet and year filters keep.

    Kept per data version (entity_facets): grouping 100,000 documents by
    year and outlet takes half a second.
    """
    key = f"document_facets:{outlet}:{year}"
    return cached_aggregate(session, key, lambda s: _document_facets(s, outlet, year))


def _document_facets(session: Session, outlet: str | None, year: int | None) -> dict:
    year_of = extract("year", Document.published)
    where = [Document.outlet == outlet] if outlet else []
    if year is not None:
        where.append(year_of == year)
    by_outlet = (
        select(Document.outlet, func.count())
        .where(*where, Document.outlet.is_not(None))
        .group_by(Document.outlet)
        .order_by(func.count().desc(), Document.outlet)
        .limit(FACET_SIZE)
    )
    by_year = (
        select(year_of, func.count())
        .where(*where, Document.published.is_not(None))
        .group_by(year_of)
        .order_by(year_of.desc())
        .limit(FACET_SIZE)
    )
    return {
        "outlet": _counts(session, by_outlet),
        "year": [{"value": int(v), "count": n} for v, n in session.execute(by_year)],
    }


def relations_filter(
    predicate: str | None = None,
    subject: int | None = None,
    object: int | None = None,
    entity: int | None = None,
    document: int | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Select:
    stmt = select(Relation.id)
    if since is not None or until is not None:
        stmt = stmt.where(Relation.document_id.in_(published_between(since, until)))
    if predicate:
        stmt = stmt.where(Relation.predicate == predicate)
    if subject is not None:
        stmt = stmt.where(Relation.subject_id == subject)
    if object is not None:
        stmt = stmt.where(Relation.object_id == object)
    if entity is not None:
        stmt = stmt.where(or_(Relation.subject_id == entity, Relation.object_id == entity))
    if document is not None:
        stmt = stmt.where(Relation.document_id == document)
    return stmt


def list_relations(
    session: Session,
    limit: int | None = None,
    offset: int | None = None,
    **filters,
) -> dict:
    """Relations with both ends, quote and document; filters as `relations_filter`."""
    stmt = relations_filter(**filters)
    ordered = stmt.order_by(Relation.predicate, Relation.subject_id, Relation.id)
    return paginate_ids(session, ordered, stmt, limit, offset, lambda ids: load_relations(session, ids))


def relation_facets(session: Session, **filters) -> dict:
    """Counts by predicate of the relations the filters keep (kept per data version, as entity_facets)."""
    key = "relation_facets:" + repr(sorted(filters.items()))
    return cached_aggregate(session, key, lambda s: _relation_facets(s, **filters))


def _relation_facets(session: Session, **filters) -> dict:
    kept = relations_filter(**filters)
    by_predicate = (
        select(Relation.predicate, func.count())
        .where(Relation.id.in_(kept))
        .group_by(Relation.predicate)
        .order_by(func.count().desc(), Relation.predicate)
    )
    return {"predicate": _counts(session, by_predicate)}


def _counts(session: Session, stmt: Select) -> list[dict]:
    return [{"value": value, "count": count} for value, count in session.execute(stmt)]
