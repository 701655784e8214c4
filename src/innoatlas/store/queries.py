"""The read side of the knowledge base, shared by the web pages and the JSON API.

Every function takes a Session and returns plain JSON-ready data (dicts,
lists, str, numbers), so a page and its JSON twin render the same answer.
Lists are pages: {"items", "total", "limit", "offset"}. Offsets of spans
are into Document.norm (`start`, `end`) and, where shown to a reader, also
into Document.original (`original_start`, `original_end`).
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import Select, and_, false, func, or_, select
from sqlalchemy.orm import Session, aliased, undefer

from innoatlas import records
from innoatlas.errors import NotFoundError
from innoatlas.resolve.economic import load_economic_regions
from innoatlas.store.schema import Alias, Document, Entity, Indicator, Mention, Relation, ReviewAction
from innoatlas.store.window import WINDOW_KEY, listed_in_window

__all__ = ["NotFoundError"]  # raised here; also imported from here by older callers

DEFAULT_LIMIT = 50
# Large enough for a full table on one page, small enough that one request
# stays well under the 100 ms latency target on 10,000 documents.
MAX_LIMIT = 500
# Points a series chart shows at once: more distinct sources than this for
# one subject and metric are not readable as dots; the rest are further pages.
SERIES_LIMIT = 200
# A profile shows the most recent facts; the full lists are paginated endpoints.
# 50 relation quotes of a paragraph each are already ~100 kB of JSON.
PROFILE_LIST_LIMIT = 50
# Totals are exact up to this many rows, "at least" beyond (count_capped):
# counting 1,000 index entries takes a few ms on a slow laptop.
COUNT_CAP = 1000
MAX_GRAPH_DEPTH = 3
# An ECharts force layout stays readable (and fast) up to about this many nodes.
MAX_GRAPH_NODES = 150
# Edges among those nodes: beyond this the picture is a hairball anyway, and
# the JSON of 10,000 documents' graph stays under ~100 kB.
MAX_GRAPH_EDGES = 400
# A graph's evidence is a tooltip: quotes are cut to this many characters
# (some relation quotes are whole paragraphs); the document has the rest.
GRAPH_QUOTE_CHARS = 160
# Beyond the first hop only the most strongly linked nodes of a level are
# expanded further: a hub's neighbours are often hubs too, and walking all
# of them reads most of the relations table.
MAX_GRAPH_EXPAND = 12
# Relation rows a level of the walk reads at most, shared among the nodes it
# expands (GRAPH_ROWS_PER_NODE each at least), in the edge indexes' order:
# around the industries of 100,000 documents (10,000 relations each)
# aggregating every row took 200-500 ms on PostgreSQL, for a picture of
# MAX_GRAPH_NODES nodes.
MAX_GRAPH_ROWS = 4000
GRAPH_ROWS_PER_NODE = 300
HOME_TOP = 10
# Only regions and zones form the region tree (DESIGN.md's hierarchy).
TREE_TYPES = ("region", "zone")


ENTITY_SORTS = {"name": (Entity.name, Entity.id), "-name": (Entity.name.desc(), Entity.id.desc())}


def clamp_page(limit: int | None, offset: int | None) -> tuple[int, int]:
    limit = DEFAULT_LIMIT if limit is None else max(0, min(int(limit), MAX_LIMIT))
    return limit, max(0, int(offset or 0))


def paginate(session: Session, stmt: Select, limit: int | None, offset: int | None, row_to_item) -> dict:
    limit, offset = clamp_page(limit, offset)
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    rows = session.execute(stmt.limit(limit).offset(offset)).all()
    return {
        "items": [row_to_item(r) for r in rows],
        "total": total or 0,
        "total_exact": True,
        "limit": limit,
        "offset": offset,
    }


def paginate_ids(
    session: Session, ids: Select, count: Select, limit: int | None, offset: int | None, load
) -> dict:
    """A page found on one table's indexes, then loaded with its joins (a "deferred join").

    `ids` selects the ordered ids of the page's rows from one table with
    its filters, `count` the rows to count (count_capped); `load(ids)` returns
    the items of those ids in that order. On 10,000 documents this keeps
    a page of a hub entity's facts to a few index walks instead of
    joining and sorting every fact before LIMIT.
    """
    limit, offset = clamp_page(limit, offset)
    page = session.scalars(ids.limit(limit).offset(offset)).all() if limit else []
    total, exact = count_capped(session, count)
    return {
        "items": load(page) if page else [],
        "total": total,
        "total_exact": exact,
        "limit": limit,
        "offset": offset,
    }


def count_capped(session: Session, ids: Select) -> tuple[int, bool]:
    """(count, exact) of the rows `ids` selects, counting at most COUNT_CAP of them.

    Exact totals of a hub's facts on 10,000 documents (tens of thousands of
    index entries) cost more than the page itself; past the cap the page
    says "at least" (`total_exact` false) and paging still works.
    """
    n = (
        session.scalar(select(func.count()).select_from(ids.order_by(None).limit(COUNT_CAP + 1).subquery()))
        or 0
    )
    return min(n, COUNT_CAP), n <= COUNT_CAP


def in_order(ids: list[int], rows, key) -> list:
    by_id = {key(r): r for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def newest_first(session: Session) -> list:
    """Documents newest first, undated last, in an order an index on `published` serves.

    SQLite sorts NULL lowest, so a plain DESC already puts undated last;
    spelling NULLS LAST there would stop it using the index.
    """
    if session.get_bind().dialect.name == "sqlite":
        return [Document.published.desc(), Document.id.desc()]
    return [Document.published.desc().nulls_last(), Document.id.desc()]


# -- small row shapes ---------------------------------------------------------


def entity_ref(entity: Entity | None) -> dict | None:
    if entity is None:
        return None
    return {"id": entity.id, "name": entity.name, "type": entity.type}


def document_ref(doc: Document | None) -> dict | None:
    if doc is None:
        return None
    return {
        "id": doc.id,
        "title": doc.title or doc.name,
        "outlet": doc.outlet,
        "published": doc.published.isoformat() if doc.published else None,
    }


# The columns a document row shows: loading a whole Document also reads its
# text and offset map (tens of kB each), which dominates a page of 100.
DOCUMENT_ROW_COLUMNS = (
    Document.id,
    Document.title,
    Document.name,
    Document.outlet,
    Document.published,
    Document.source,
    Document.url,
    Document.published_precision,
    Document.script,
    Document.duplicate_of_id,
    Document.duplicate_kind,
)


def load_document_rows(session: Session, ids: list[int]) -> list[dict]:
    rows = session.execute(select(*DOCUMENT_ROW_COLUMNS).where(Document.id.in_(ids))).all()
    return [document_row(r) for r in in_order(ids, rows, lambda r: r.id)]


def load_document_refs(session: Session, ids) -> dict[int, dict]:
    columns = (Document.id, Document.title, Document.name, Document.outlet, Document.published)
    ids = list(set(ids))
    if not ids:
        return {}
    return {r.id: document_ref(r) for r in session.execute(select(*columns).where(Document.id.in_(ids)))}


def document_row(doc: Document) -> dict:
    return {
        **document_ref(doc),
        "name": doc.name,
        "source": doc.source,
        "url": doc.url,
        "published_precision": doc.published_precision,
        "script": doc.script,
        "duplicate_of": doc.duplicate_of_id,
        "duplicate_kind": doc.duplicate_kind,
    }


def indicator_row(ind: Indicator, subject: Entity | None, doc: Document | None) -> dict:
    return {
        "id": ind.id,
        "subject": entity_ref(subject),
        "subject_text": ind.subject_text,
        **records.dump(ind, records.INDICATOR_STORED),
        "review_status": ind.review_status,  # null until an analyst reviews it
        "document": document_ref(doc),
    }


def relation_row(rel: Relation, subject: Entity, obj: Entity, doc: Document | None) -> dict:
    return {
        "id": rel.id,
        **records.dump(rel, records.RELATION_API, subject=entity_ref(subject), object=entity_ref(obj)),
        "origin": rel.origin,
        "review_status": rel.review_status,
        "document": document_ref(doc),
    }


# -- home ---------------------------------------------------------------------


# Whole-base aggregates (the home page's counts and top lists, the region
# tree's counts, the lists' facets) read every mention or document: ~100 ms
# on 10,000 documents, more than 500 ms on 100,000. They change only when
# rows are written, so they are kept per database and data fingerprint;
# AGGREGATE_TTL_S bounds how long an edit that adds no row (an undone
# review) can go unseen.
AGGREGATE_TTL_S = 30.0
MAX_AGGREGATES = 256
_aggregates: dict[tuple, tuple[float, object]] = {}
_aggregates_lock = threading.Lock()


def data_fingerprint(session: Session) -> tuple:
    """The newest id of every fact table and of the review log: moves with every ingest and review.

    Each is one step down an index; a count of the documents (a deletion
    moves no newest id, but nothing deletes documents) read 100,000 index
    entries on every call: 50 ms on PostgreSQL.
    """
    models = (Document, Entity, Mention, Indicator, Relation, ReviewAction)
    return tuple(session.scalar(select(func.max(m.id))) for m in models)


def cached_aggregate(session: Session, name: str, compute):
    # a date window (store/window.py) reads other rows: its answer is kept apart
    key = (name, str(session.get_bind().url), session.info.get(WINDOW_KEY), data_fingerprint(session))
    now = time.monotonic()
    with _aggregates_lock:
        hit = _aggregates.get(key)
    if hit is not None and now - hit[0] < AGGREGATE_TTL_S:
        return hit[1]
    value = compute(session)
    with _aggregates_lock:
        for old in [k for k in _aggregates if k[:3] == key[:3]]:
            del _aggregates[old]
        while len(_aggregates) >= MAX_AGGREGATES:  # one per window and filters asked for: the oldest go
            del _aggregates[next(iter(_aggregates))]
        _aggregates[key] = (now, value)
    return value


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


def count_rows(session: Session, model) -> int:
    # count(*), not count(id): SQLite then counts the smallest index, not the table's pages.
    return session.scalar(select(func.count()).select_from(model)) or 0


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


# -- entities -------------------------------------------------------------------


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
    if industry is not None:
        related = select(Relation.subject_id).where(Relation.object_id == industry).distinct()
        stmt = stmt.where(Entity.id.in_(gathered(session, related)))
    stmt = stmt.order_by(*ENTITY_SORTS.get(sort or "", (Entity.type, Entity.name, Entity.id)))
    return paginate(
        session, stmt, limit, offset, lambda r: {**entity_ref(r[0]), "review_status": r[0].review_status}
    )


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


def list_entity_relations(session: Session, entity_id: int, limit: int = PROFILE_LIST_LIMIT) -> dict:
    """The entity's most recently stored relations (either end), with their evidence."""
    # One index walk per end (newest first), merged: an OR of both ends
    # would make SQLite collect and sort every relation of a hub.
    as_subject = select(Relation.id).where(Relation.subject_id == entity_id).order_by(Relation.id.desc())
    as_object = select(Relation.id).where(Relation.object_id == entity_id, Relation.subject_id != entity_id)
    as_object = as_object.order_by(Relation.id.desc())
    ids = sorted(
        {*session.scalars(as_subject.limit(limit)), *session.scalars(as_object.limit(limit))}, reverse=True
    )
    ids = ids[:limit]
    n_subject, exact_subject = count_capped(session, as_subject)
    n_object, exact_object = count_capped(session, as_object)
    return {
        "items": load_relations(session, ids),
        "total": n_subject + n_object,
        "total_exact": exact_subject and exact_object,
        "limit": limit,
        "offset": 0,
    }


def load_relations(session: Session, ids: list[int]) -> list[dict]:
    """Relation rows of `ids`, in that order, with both ends and the document (plain rows, as indicators)."""
    subject, obj = aliased(Entity), aliased(Entity)
    ends = (
        subject.name.label("subject_name"),
        subject.type.label("subject_type"),
        obj.name.label("object_name"),
        obj.type.label("object_type"),
    )
    rows = session.execute(
        select(*Relation.__table__.columns, *ends)
        .join(subject, subject.id == Relation.subject_id)
        .join(obj, obj.id == Relation.object_id)
        .where(Relation.id.in_(ids))
    ).all()
    docs = load_document_refs(session, [r.document_id for r in rows if r.document_id])
    items = []
    for r in in_order(ids, rows, lambda r: r.id):
        ends_refs = {
            "subject": {"id": r.subject_id, "name": r.subject_name, "type": r.subject_type},
            "object": {"id": r.object_id, "name": r.object_name, "type": r.object_type},
            "document": docs.get(r.document_id),
        }
        items.append(relation_row(r, None, None, None) | ends_refs)
    return items


def list_metrics(session: Session, subject: int | None = None) -> list[dict]:
    """The (metric_key, metric) pairs with indicators, most frequent first: the explorer's choices."""
    keyed = select(Indicator.metric_key, func.count(), func.min(Indicator.id)).where(
        Indicator.metric_key.is_not(None)
    )
    unkeyed = select(Indicator.metric, func.count(), func.min(Indicator.id)).where(
        Indicator.metric_key.is_(None)
    )
    if subject is not None:
        keyed, unkeyed = (
            keyed.where(Indicator.subject_id == subject),
            unkeyed.where(Indicator.subject_id == subject),
        )
    counts = [
        *session.execute(keyed.group_by(Indicator.metric_key)).all(),
        *session.execute(unkeyed.group_by(Indicator.metric)).all(),
    ]
    counts.sort(key=lambda c: (-c[1], c[0]))
    counts = counts[:MAX_LIMIT]
    # The label of a key: the metric as written in its first indicator.
    labels = (
        dict(
            session.execute(
                select(Indicator.id, Indicator.metric).where(Indicator.id.in_([c[2] for c in counts]))
            ).all()
        )
        if counts
        else {}
    )
    return [{"metric_key": k, "metric": labels.get(first, k), "count": n} for k, n, first in counts]


def list_subjects(session: Session, limit: int = MAX_LIMIT) -> list[dict]:
    """Entities that have indicators, most indicators first (the explorer's subject choices)."""
    counts = (
        select(Indicator.subject_id, func.count().label("n"))
        .where(Indicator.subject_id.is_not(None))
        .group_by(Indicator.subject_id)
        .order_by(func.count().desc())
        .limit(limit)
        .subquery()
    )
    rows = session.execute(
        select(Entity, counts.c.n)
        .join(counts, counts.c.subject_id == Entity.id)
        .order_by(counts.c.n.desc(), Entity.name)
    ).all()
    return [{**entity_ref(e), "indicators": n} for e, n in rows]


# -- indicators -----------------------------------------------------------------


def load_indicators(session: Session, ids: list[int]) -> list[dict]:
    """Indicator rows of `ids`, in that order, with subject and document references.

    Plain rows, not ORM objects: building 500 objects per series page cost
    more than finding them.
    """
    subject = (
        Entity.id.label("subject_id_"),
        Entity.name.label("subject_name"),
        Entity.type.label("subject_type"),
    )
    rows = session.execute(
        select(*Indicator.__table__.columns, *subject)
        .outerjoin(Entity, Entity.id == Indicator.subject_id)
        .where(Indicator.id.in_(ids))
    ).all()
    docs = load_document_refs(session, [r.document_id for r in rows])
    items = []
    for r in in_order(ids, rows, lambda r: r.id):
        ref = {"id": r.subject_id_, "name": r.subject_name, "type": r.subject_type} if r.subject_id_ else None
        items.append(indicator_row(r, None, None) | {"subject": ref, "document": docs.get(r.document_id)})
    return items


def list_indicators(
    session: Session,
    subject: int | None = None,
    metric_key: str | None = None,
    period: str | None = None,
    document: int | None = None,
    limit: int | None = None,
    offset: int | None = None,
    since: date | None = None,
    until: date | None = None,
) -> dict:
    """Indicators filtered by subject, metric key (or metric as written), period, document and the
    document's publication date (since, until: inclusive)."""
    stmt = select(Indicator.id)
    if since is not None or until is not None:
        stmt = stmt.where(Indicator.document_id.in_(published_between(since, until)))
    if subject is not None:
        stmt = stmt.where(Indicator.subject_id == subject)
    if metric_key:
        stmt = stmt.where(metric_matches(session, metric_key))
    if period:
        stmt = stmt.where(Indicator.period.startswith(period, autoescape=True))
    if document is not None:
        stmt = stmt.where(Indicator.document_id == document)
    ordered = stmt.order_by(Indicator.document_id.desc(), Indicator.start, Indicator.id)
    return paginate_ids(session, ordered, stmt, limit, offset, lambda ids: load_indicators(session, ids))


def published_between(since: date | None, until: date | None) -> Select:
    """Ids of the documents published from `since` to `until` (inclusive; None: open)."""
    ids = select(Document.id)
    if since is not None:
        ids = ids.where(Document.published >= since)
    if until is not None:
        ids = ids.where(Document.published <= until)
    return ids


def metric_matches(session: Session, metric_key: str):
    """Indicators of a canonical metric key, or, for a metric without one, of the metric as written.

    Asking which of the two it is first keeps each to one index: an OR of
    both would scan every indicator.
    """
    keyed = session.scalar(select(Indicator.id).where(Indicator.metric_key == metric_key).limit(1))
    if keyed is not None:
        return Indicator.metric_key == metric_key
    return and_(Indicator.metric_key.is_(None), Indicator.metric == metric_key)


def get_indicator(session: Session, indicator_id: int) -> dict:
    found = load_indicators(session, [indicator_id])
    if not found:
        raise NotFoundError("indicator", indicator_id)
    return found[0]


def get_series(
    session: Session,
    subject: int,
    metric_key: str,
    include_duplicates: bool = False,
    limit: int | None = SERIES_LIMIT,
    offset: int | None = None,
) -> dict:
    """Values of one subject and metric over periods across sources, each with quote and document.

    Points come in period order (undated last), then in the order their
    documents were stored. Reposts (documents marked as duplicates) are
    left out unless asked for: they repeat a source. Which points conflict
    is the analysis stage's call (analysis/conflicts.py); the web layer adds it.
    """
    entity = session.get(Entity, subject) if subject is not None else None
    if entity is None:
        raise NotFoundError("entity", subject)
    stmt = select(Indicator.id).where(Indicator.subject_id == subject, metric_matches(session, metric_key))
    if not include_duplicates:
        # Reposts are few: excluding their ids keeps the walk on the indicators' index,
        # where joining every point's document would read each document's record.
        reposts = select(Document.id).where(Document.duplicate_of_id.is_not(None))
        stmt = stmt.where(Indicator.document_id.not_in(reposts))
    ordered = stmt.order_by(Indicator.period.is_(None), Indicator.period, Indicator.document_id, Indicator.id)
    page = paginate_ids(session, ordered, stmt, limit, offset, lambda ids: load_indicators(session, ids))
    return {"subject": entity_ref(entity), "metric_key": metric_key, **page}


# -- documents --------------------------------------------------------------------


def list_documents(
    session: Session,
    outlet: str | None = None,
    year: int | None = None,
    entity: int | None = None,
    duplicates: bool = True,
    limit: int | None = None,
    offset: int | None = None,
    since: date | None = None,
    until: date | None = None,
) -> dict:
    """Documents, newest first, filtered by outlet, year, date range (inclusive), mentioned entity;
    duplicates kept or left out."""
    stmt = select(Document.id)
    if outlet:
        stmt = stmt.where(Document.outlet == outlet)
    if since is not None:
        stmt = stmt.where(Document.published >= since)
    if until is not None:
        stmt = stmt.where(Document.published <= until)
    if year is not None and not date.min.year <= year <= date.max.year:
        stmt = stmt.where(false())  # a year no date can have (?year=0): no documents, not an error
    elif year is not None:
        stmt = stmt.where(Document.published >= date(year, 1, 1), Document.published <= date(year, 12, 31))
    if not duplicates:
        stmt = stmt.where(Document.duplicate_of_id.is_(None))
    count = stmt
    if entity is not None:
        stmt = stmt.where(mentioning(session, entity))
        count = (
            stmt
            if outlet or year is not None or not duplicates or since or until
            else (select(Mention.document_id).where(Mention.entity_id == entity).distinct())
        )
    ordered = stmt.order_by(*newest_first(session))
    return paginate_ids(session, ordered, count, limit, offset, lambda ids: load_document_rows(session, ids))


# An entity mentioned this many times or fewer has its documents gathered
# from the mentions index and sorted; a more common one is looked for in
# the documents, newest first.
GATHER_MENTIONS = 5000


def gathered(session: Session, ids: Select) -> list[int] | Select:
    """The ids `ids` selects, when there are GATHER_MENTIONS or fewer; else `ids` itself.

    A filter "id IN (the few ids of an entity's rows)" given as the ids
    themselves lets the database fetch and sort just those rows; given as
    a subquery, PostgreSQL turns it back into a walk of the whole table in
    the list's order asking each row (0.5 s for the 4,000 zones of an
    industry among 63,000 entities).
    """
    found = session.scalars(ids.limit(GATHER_MENTIONS + 1)).all()
    return sorted(set(found)) if len(found) <= GATHER_MENTIONS else ids


def mentioning(session: Session, entity: int):
    """The condition "the document mentions `entity`", in the form that finds a page fastest.

    Newest first, each document asked "does it mention the entity?" on the
    (document_id, entity_id) index, the page needs only as many documents
    as it shows when the entity is common; for one in 1% of 100,000
    documents it asks about 100 documents for each one it finds, where
    gathering its documents reads only its own index entries.
    """
    of_entity = select(Mention.document_id).where(Mention.entity_id == entity)
    ids = gathered(session, of_entity)
    if isinstance(ids, list):
        return Document.id.in_(ids)
    return select(Mention.id).where(Mention.document_id == Document.id, Mention.entity_id == entity).exists()


def get_document(session: Session, document_id: int) -> dict:
    """One document with its text, extractions and their spans (norm and original offsets)."""
    doc = session.get(Document, document_id, options=[undefer("*")])  # the text is shown here
    if doc is None:
        raise NotFoundError("document", document_id)
    mentions = session.execute(
        select(Mention, Entity)
        .join(Entity, Entity.id == Mention.entity_id)
        .where(Mention.document_id == document_id)
        .order_by(Mention.start, Mention.id)
    ).all()
    indicators = session.execute(
        select(Indicator, Entity)
        .outerjoin(Entity, Entity.id == Indicator.subject_id)
        .where(Indicator.document_id == document_id)
        .order_by(Indicator.start, Indicator.id)
    ).all()
    subject, obj = aliased(Entity), aliased(Entity)
    relations = session.execute(
        select(Relation, subject, obj)
        .join(subject, subject.id == Relation.subject_id)
        .join(obj, obj.id == Relation.object_id)
        .where(Relation.document_id == document_id)
        .order_by(Relation.start, Relation.id)
    ).all()
    to_original = doc.norm_to_original or []
    return {
        **document_row(doc),
        "original": doc.original,
        "norm": doc.norm,
        "norm_to_original": to_original,
        "duplicate_of_document": load_document_refs(session, [doc.duplicate_of_id]).get(doc.duplicate_of_id)
        if doc.duplicate_of_id
        else None,
        "mentions": [
            {
                "id": m.id,
                "entity": entity_ref(e),
                "text": m.text,
                "start": m.start,
                "end": m.end,
                **original_span(to_original, m.start, m.end),
                "extractor": m.extractor,
                "confidence": m.confidence,
                "review_status": m.review_status,
            }
            for m, e in mentions
        ],
        "indicators": [
            {**indicator_row(i, s, None), **original_span(to_original, i.start, i.end)} for i, s in indicators
        ],
        "relations": [relation_row(r, s, o, None) for r, s, o in relations],
    }


def original_span(norm_to_original: list[int], start: int | None, end: int | None) -> dict:
    """The original-text span of a norm span (Document.original_span), or nulls if it does not map."""
    if start is None or end is None or not norm_to_original or not 0 <= start <= end < len(norm_to_original):
        return {"original_start": None, "original_end": None}
    o_start = norm_to_original[start]
    o_end = norm_to_original[end - 1] + 1 if end > start else o_start
    return {"original_start": o_start, "original_end": max(o_end, o_start)}


# -- graph and region tree --------------------------------------------------------------


def get_graph(session: Session, entity_id: int, depth: int = 1) -> dict:
    """The neighbourhood of an entity to `depth` hops over relations, with types and evidence.

    Edges are (subject, predicate, object) with the number of relation rows
    behind them and the latest as evidence, read off the edge indexes. Past
    MAX_GRAPH_NODES nodes (strongest edges kept first), MAX_GRAPH_EDGES
    edges, or a level's MAX_GRAPH_ROWS relation rows (a hub's first rows
    in predicate and id order), `truncated` says the picture is partial.
    """
    center = session.get(Entity, entity_id)
    if center is None:
        raise NotFoundError("entity", entity_id)
    depth = max(1, min(int(depth), MAX_GRAPH_DEPTH))
    levels = {entity_id: 0}
    edges: dict[tuple, dict] = {}
    frontier, truncated = [entity_id], False
    for level in range(1, depth + 1):
        if not frontier:
            break
        if len(frontier) > MAX_GRAPH_EXPAND:
            frontier, truncated = frontier[:MAX_GRAPH_EXPAND], True
        frontier, cut = _expand_frontier(session, set(frontier), levels, edges, level)
        truncated = truncated or cut
    kept = [e for e in edges.values() if e["source"] in levels and e["target"] in levels]
    kept.sort(key=lambda e: -e["count"])
    truncated = truncated or len(kept) > MAX_GRAPH_EDGES
    kept = kept[:MAX_GRAPH_EDGES]
    _add_evidence(session, kept)
    nodes = session.scalars(select(Entity).where(Entity.id.in_(levels))).all()
    return {
        "center": entity_ref(center),
        "depth": depth,
        "nodes": sorted(
            ({**entity_ref(n), "depth": levels[n.id]} for n in nodes), key=lambda n: (n["depth"], n["id"])
        ),
        "edges": kept,
        "truncated": truncated,
        "max_nodes": MAX_GRAPH_NODES,
        "max_edges": MAX_GRAPH_EDGES,
    }


def _expand_frontier(
    session: Session, frontier: set[int], levels: dict, edges: dict, level: int
) -> tuple[list[int], bool]:
    """Add the edges of `frontier` and their new ends at `level`.

    Returns the new nodes, most strongly linked first, and whether some were
    left out (MAX_GRAPH_NODES, or relation rows past a node's share of
    MAX_GRAPH_ROWS).
    """
    rows, cut = _edge_counts(session, sorted(frontier))
    rows.sort(key=lambda r: (-r[3], r[0], r[1], r[2]))
    found: dict[int, int] = {}
    for subject_id, predicate, object_id, n, latest in rows:
        key = (subject_id, predicate, object_id)
        if key not in edges:
            edges[key] = {
                "source": subject_id,
                "target": object_id,
                "predicate": predicate,
                "count": n,
                "evidence_ids": [latest],
            }
        for other in (subject_id, object_id):
            if other in levels:
                continue
            if len(levels) >= MAX_GRAPH_NODES:
                cut = True
                continue
            if other not in found:
                levels[other] = level
                found[other] = 0
        for other in (subject_id, object_id):
            if other in found:
                found[other] += n
    return sorted(found, key=lambda i: -found[i]), cut


def _edge_counts(session: Session, ids: list[int]) -> tuple[list[tuple], bool]:
    """(subject, predicate, object, relation rows, latest row id) of the edges of `ids`, and whether
    rows were left out.

    Each node's rows are read in its end's edge index order up to the
    node's share of MAX_GRAPH_ROWS, off the index alone (SQLite's indexes
    hold the row id; PostgreSQL's edge indexes of migration 0009 include
    it); rows with both ends among `ids` count on the subject side.
    """
    share = max(GRAPH_ROWS_PER_NODE, MAX_GRAPH_ROWS // max(1, len(ids)))
    counts: Counter = Counter()
    latest: dict[tuple, int] = {}
    cut = False
    for node in ids:
        sides = (
            (Relation.subject_id == node, Relation.object_id),
            (and_(Relation.object_id == node, Relation.subject_id.not_in(ids)), Relation.subject_id),
        )
        for where, far in sides:
            read = session.execute(
                select(Relation.subject_id, Relation.predicate, Relation.object_id, Relation.id)
                .where(where)
                .order_by(Relation.predicate, far)
                .limit(share + 1)
            ).all()
            cut = cut or len(read) > share
            for subject_id, predicate, object_id, relation_id in read[:share]:
                key = (subject_id, predicate, object_id)
                counts[key] += 1
                latest[key] = max(latest.get(key, 0), relation_id)
    return [(*key, n, latest[key]) for key, n in counts.items()], cut


def _add_evidence(session: Session, edges: list[dict]) -> None:
    """Each edge's latest relation row as {"relation", "quote", "quote_cut", "document"}."""
    wanted = [i for e in edges for i in e["evidence_ids"]]
    rows = {}
    for chunk in range(0, len(wanted), 500):  # SQLite's bound-parameter limit is far above; PostgreSQL's too
        ids = wanted[chunk : chunk + 500]
        rows.update(
            {
                r.id: r
                for r in session.execute(
                    select(Relation.id, Relation.quote, Relation.document_id).where(Relation.id.in_(ids))
                )
            }
        )
    docs = load_document_refs(session, [r.document_id for r in rows.values() if r.document_id])
    for e in edges:
        found = [rows[i] for i in e.pop("evidence_ids") if i in rows]
        e["evidence"] = [
            {
                "relation": r.id,
                "quote": r.quote[:GRAPH_QUOTE_CHARS],
                "quote_cut": len(r.quote) > GRAPH_QUOTE_CHARS,
                "document": docs.get(r.document_id),
            }
            for r in found
            if r.quote
        ]


def get_region_tree(session: Session) -> dict:
    """Regions -> zones -> sub-zones via parent_id (part of) and region_id (located in), with counts.

    Two rules on top of the administrative tree:
    - a province-level division (a root) that an economic region's plan
      takes in, whole or in part, hangs under that region (重庆市 under
      成渝地区双城经济圈); under several, the first of economic_regions.yaml.
      A member below province level (成都市) stays under its province, which
      keeps every division in one place, and is listed in the region's
      `members`, as every member is, with `partial` and `placed` (a child here);
    - a layout formula (一核五区, 一城多园) names how a zone is organised,
      not a place: it is listed in its zone's `layouts`, and what hangs
      under it hangs under the zone.
    """
    return cached_aggregate(session, "regions", _build_region_tree)


# 一核五区, 一城多园, 一心两翼: counted parts, no place of their own
LAYOUT_NAME = re.compile(r"(?:[一二三四五六七八九十两多][\u4e00-\u9fff]){2,}")


def _build_region_tree(session: Session) -> dict:
    nodes = session.scalars(select(Entity).where(Entity.type.in_(TREE_TYPES))).all()
    docs = dict(
        session.execute(
            select(Mention.entity_id, func.count(func.distinct(Mention.document_id)))
            .where(Mention.entity_id.in_(select(Entity.id).where(Entity.type.in_(TREE_TYPES))))
            .group_by(Mention.entity_id)
        ).all()
    )
    located = dict(
        session.execute(
            select(Entity.region_id, func.count())
            .where(Entity.region_id.is_not(None))
            .group_by(Entity.region_id)
        ).all()
    )
    by_id = {n.id: n for n in nodes}
    up = {n.id: _tree_parent(n, by_id) for n in nodes}
    layouts = _lift_layouts(by_id, up)
    members = _economic_members(session, by_id)
    plans = load_economic_regions()
    for region_id, listed in members.items():
        for m in listed:
            if up[m["id"]] is None and m["home"] == region_id:
                up[m["id"]] = region_id
    children: dict[int | None, list[Entity]] = defaultdict(list)
    for n in nodes:
        if n.id not in layouts["lifted"]:
            children[up[n.id]].append(n)

    def count(node_id: int) -> dict:
        return {"documents": docs.get(node_id, 0), "entities": located.get(node_id, 0)}

    def build(node: Entity, seen: frozenset) -> dict:
        kids = [build(c, seen | {c.id}) for c in children[node.id] if c.id not in seen]
        kids.sort(key=lambda k: (-k["size"], k["name"]))
        listed = members.get(node.id, [])
        partial = {m["id"]: m["partial"] for m in listed}
        for k in kids:  # a province the plan takes in part (重庆市) is marked where it hangs
            k["partial_member"] = partial.get(k["id"])
        return {
            **entity_ref(node),
            **count(node.id),
            "size": 1 + sum(k["size"] for k in kids),
            "partial_member": None,  # set by the parent: True / False under an economic region
            "plan": plans[_plan_name(node)].basis if _plan_name(node) in plans else None,
            "layouts": [{**entity_ref(by_id[i]), **count(i)} for i in layouts["of"].get(node.id, [])],
            "members": [
                {
                    **entity_ref(by_id[m["id"]]),
                    **count(m["id"]),
                    "partial": m["partial"],
                    "placed": up[m["id"]] == node.id,
                }
                for m in listed
            ],
            "children": kids,
        }

    roots = [build(n, frozenset({n.id})) for n in children[None]]
    roots.sort(key=lambda r: (-r["size"], -r["documents"], r["name"]))
    return {"roots": roots, "total": len(nodes)}


def _tree_parent(node: Entity, by_id: dict[int, Entity]) -> int | None:
    if node.parent_id in by_id:
        return node.parent_id
    return node.region_id if node.region_id in by_id else None


def _lift_layouts(by_id: dict[int, Entity], up: dict[int, int | None]) -> dict:
    """Take layout formulas out of the tree: {"of": zone id -> layout ids, "lifted": layout ids}.

    What hangs under a layout is moved to the layout's own zone (`up` is changed in place).
    """
    lifted = {i for i, n in by_id.items() if LAYOUT_NAME.fullmatch(n.name) and up[i] is not None}
    of: dict[int, list[int]] = defaultdict(list)
    for i in sorted(lifted, key=lambda i: by_id[i].name):
        home = up[i]
        while home in lifted:  # a layout under a layout: up to the first place
            home = up[home]
        if home is None:
            lifted.discard(i)
            continue
        of[home].append(i)
    for i, parent in list(up.items()):
        while parent in lifted:
            parent = up[parent]
        up[i] = parent
    return {"of": dict(of), "lifted": lifted}


def _economic_members(session: Session, by_id: dict[int, Entity]) -> dict[int, list[dict]]:
    """Economic region id -> its member divisions in the store (gazetteer member_of), plan order.

    Each member: {"id", "partial", "home"}, home being the region a root
    division hangs under: the first of economic_regions.yaml it is a member of.
    """
    rows = session.execute(
        select(Relation.subject_id, Relation.object_id).where(
            Relation.predicate == "member_of", Relation.document_id.is_(None)
        )
    ).all()
    regions = load_economic_regions()
    by_region: dict[int, list[int]] = defaultdict(list)
    for subject_id, object_id in rows:
        subject, region = by_id.get(subject_id), by_id.get(object_id)
        if subject is None or region is None or not subject.code or _plan_name(region) not in regions:
            continue
        if subject_id not in by_region[object_id]:
            by_region[object_id].append(subject_id)
    rank = {region_id: regions[_plan_name(by_id[region_id])].rank for region_id in by_region}
    homes: dict[int, int] = {}
    for region_id in sorted(by_region, key=rank.get):
        for subject_id in by_region[region_id]:
            homes.setdefault(subject_id, region_id)
    out = {}
    for region_id, subject_ids in by_region.items():
        plan = {m.code: (i, m.partial) for i, m in enumerate(regions[_plan_name(by_id[region_id])].members)}
        listed = [
            {"id": i, "partial": plan.get(by_id[i].code, (0, False))[1], "home": homes[i]}
            for i in subject_ids
        ]
        listed.sort(key=lambda m: plan.get(by_id[m["id"]].code, (len(plan), False))[0])
        out[region_id] = listed
    return out


def _plan_name(region: Entity) -> str | None:
    """The folded name economic_regions.yaml is keyed by, read off the resolve key (area:成渝地区双城经济圈)."""
    prefix, _, name = region.key.partition(":")
    return name if prefix == "area" else None
