"""The read side of the knowledge base, shared by the web pages and the JSON API.

Every function takes a Session and returns plain JSON-ready data (dicts,
lists, str, numbers), so a page and its JSON twin render the same answer.
Lists are pages: {"items", "total", "limit", "offset"}. Offsets of spans
are into Document.norm (`start`, `end`) and, where shown to a reader, also
into Document.original (`original_start`, `original_end`).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from innoatlas.errors import InnoatlasError
from innoatlas.store.schema import Alias, Document, Entity, Indicator, Mention, Relation

DEFAULT_LIMIT = 50
# Large enough for a full table on one page, small enough that one request
# stays well under the 100 ms latency target on 10,000 documents.
MAX_LIMIT = 500
# A profile shows the most recent facts; the full lists are paginated endpoints.
PROFILE_LIST_LIMIT = 100
MAX_GRAPH_DEPTH = 3
# An ECharts force layout stays readable (and fast) up to about this many nodes.
MAX_GRAPH_NODES = 150
EVIDENCE_PER_EDGE = 3
HOME_TOP = 10
# Only regions and zones form the region tree (DESIGN.md's hierarchy).
TREE_TYPES = ("region", "zone")


class NotFoundError(InnoatlasError):
    """A requested row (entity, document, indicator) does not exist."""

    def __init__(self, what: str, ref: object):
        self.what = what
        self.ref = ref
        super().__init__(f"no {what} with id {ref}")


def clamp_page(limit: int | None, offset: int | None) -> tuple[int, int]:
    limit = DEFAULT_LIMIT if limit is None else max(0, min(int(limit), MAX_LIMIT))
    return limit, max(0, int(offset or 0))


def paginate(session: Session, stmt: Select, limit: int | None, offset: int | None, row_to_item) -> dict:
    limit, offset = clamp_page(limit, offset)
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    rows = session.execute(stmt.limit(limit).offset(offset)).all()
    return {"items": [row_to_item(r) for r in rows], "total": total or 0, "limit": limit, "offset": offset}


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
        "metric": ind.metric,
        "metric_key": ind.metric_key,
        "value": ind.value,
        "unit": ind.unit,
        "value_base": ind.value_base,
        "base_unit": ind.base_unit,
        "approx": ind.approx,
        "kind": ind.kind,
        "period": ind.period,
        "quote": ind.quote,
        "start": ind.start,
        "end": ind.end,
        "review_status": ind.review_status,  # null until an analyst reviews it
        "document": document_ref(doc),
    }


def relation_row(rel: Relation, subject: Entity, obj: Entity, doc: Document | None) -> dict:
    return {
        "id": rel.id,
        "subject": entity_ref(subject),
        "predicate": rel.predicate,
        "object": entity_ref(obj),
        "quote": rel.quote,
        "start": rel.start,
        "end": rel.end,
        "origin": rel.origin,
        "review_status": rel.review_status,
        "document": document_ref(doc),
    }


# -- home ---------------------------------------------------------------------


def summarize_store(session: Session) -> dict:
    """Counts by entity type, latest documents, top zones and industries (the home page)."""
    by_type = dict(session.execute(select(Entity.type, func.count()).group_by(Entity.type)).all())
    latest = session.scalars(
        select(Document)
        .where(Document.duplicate_of_id.is_(None))
        .order_by(Document.published.desc().nulls_last(), Document.id.desc())
        .limit(HOME_TOP)
    ).all()
    return {
        "counts": {
            "documents": session.scalar(select(func.count(Document.id))) or 0,
            "entities": sum(by_type.values()),
            "indicators": session.scalar(select(func.count(Indicator.id))) or 0,
            "relations": session.scalar(select(func.count(Relation.id))) or 0,
        },
        "entity_types": by_type,
        "latest_documents": [document_ref(d) for d in latest],
        "top_zones": rank_entities_by_mentions(session, "zone", HOME_TOP),
        "top_industries": rank_entities_by_mentions(session, "industry", HOME_TOP),
    }


def rank_entities_by_mentions(session: Session, entity_type: str, limit: int) -> list[dict]:
    counts = (
        select(Mention.entity_id, func.count().label("n"))
        .join(Entity, Entity.id == Mention.entity_id)
        .where(Entity.type == entity_type)
        .group_by(Mention.entity_id)
        .order_by(func.count().desc())
        .limit(limit)
        .subquery()
    )
    rows = session.execute(
        select(Entity, counts.c.n).join(counts, counts.c.entity_id == Entity.id).order_by(counts.c.n.desc())
    ).all()
    return [{**entity_ref(e), "mentions": n} for e, n in rows]


# -- entities -------------------------------------------------------------------


def list_entities(
    session: Session,
    type: str | None = None,
    region: int | None = None,
    industry: int | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> dict:
    """Entities filtered by type, region (located in or part of) and industry (related to it)."""
    stmt = select(Entity)
    if type:
        stmt = stmt.where(Entity.type == type)
    if region is not None:
        stmt = stmt.where(or_(Entity.region_id == region, Entity.parent_id == region))
    if industry is not None:
        related = select(Relation.subject_id).where(Relation.object_id == industry)
        stmt = stmt.where(Entity.id.in_(related))
    stmt = stmt.order_by(Entity.type, Entity.name, Entity.id)
    return paginate(session, stmt, limit, offset, lambda r: entity_ref(r[0]))


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
    subject, obj = aliased(Entity), aliased(Entity)
    stmt = (
        select(Relation, subject, obj, Document)
        .join(subject, subject.id == Relation.subject_id)
        .join(obj, obj.id == Relation.object_id)
        .outerjoin(Document, Document.id == Relation.document_id)
        .where(or_(Relation.subject_id == entity_id, Relation.object_id == entity_id))
        .order_by(Relation.predicate, Relation.id)
    )
    return paginate(session, stmt, limit, 0, lambda r: relation_row(*r))


def list_metrics(session: Session, subject: int | None = None) -> list[dict]:
    """The (metric_key, metric) pairs with indicators, most frequent first: the explorer's choices."""
    key = func.coalesce(Indicator.metric_key, Indicator.metric)
    stmt = (
        select(key, func.min(Indicator.metric), func.count()).group_by(key).order_by(func.count().desc(), key)
    )
    if subject is not None:
        stmt = stmt.where(Indicator.subject_id == subject)
    rows = session.execute(stmt.limit(MAX_LIMIT)).all()
    return [{"metric_key": k, "metric": m, "count": n} for k, m, n in rows]


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


def _indicator_select() -> Select:
    return (
        select(Indicator, Entity, Document)
        .outerjoin(Entity, Entity.id == Indicator.subject_id)
        .join(Document, Document.id == Indicator.document_id)
    )


def list_indicators(
    session: Session,
    subject: int | None = None,
    metric_key: str | None = None,
    period: str | None = None,
    document: int | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> dict:
    """Indicators filtered by subject, metric key (or metric as written), period and document."""
    stmt = _indicator_select()
    if subject is not None:
        stmt = stmt.where(Indicator.subject_id == subject)
    if metric_key:
        stmt = stmt.where(_metric_matches(metric_key))
    if period:
        stmt = stmt.where(Indicator.period.startswith(period, autoescape=True))
    if document is not None:
        stmt = stmt.where(Indicator.document_id == document)
    stmt = stmt.order_by(Indicator.document_id.desc(), Indicator.start, Indicator.id)
    return paginate(session, stmt, limit, offset, lambda r: indicator_row(*r))


def _metric_matches(metric_key: str):
    # Indicators without a canonical key are found by their metric as written.
    return or_(
        Indicator.metric_key == metric_key,
        and_(Indicator.metric_key.is_(None), Indicator.metric == metric_key),
    )


def get_indicator(session: Session, indicator_id: int) -> dict:
    row = session.execute(_indicator_select().where(Indicator.id == indicator_id)).first()
    if row is None:
        raise NotFoundError("indicator", indicator_id)
    return indicator_row(*row)


def get_series(
    session: Session,
    subject: int,
    metric_key: str,
    include_duplicates: bool = False,
    limit: int | None = None,
    offset: int | None = None,
) -> dict:
    """Values of one subject and metric over periods across sources, each with quote and document.

    Points of one period whose base values differ are flagged `conflict`
    (two outlets gave different numbers). Reposts (documents marked as
    duplicates) are left out unless asked for: they repeat a source.
    """
    entity = session.get(Entity, subject)
    if entity is None:
        raise NotFoundError("entity", subject)
    stmt = _indicator_select().where(Indicator.subject_id == subject, _metric_matches(metric_key))
    if not include_duplicates:
        stmt = stmt.where(Document.duplicate_of_id.is_(None))
    stmt = stmt.order_by(Indicator.period.nulls_last(), Document.published, Indicator.id)
    page = paginate(session, stmt, limit, offset, lambda r: indicator_row(*r))
    _flag_conflicts(page["items"])
    return {"subject": entity_ref(entity), "metric_key": metric_key, **page}


def _flag_conflicts(points: list[dict]) -> None:
    values: dict[tuple, set] = defaultdict(set)
    for p in points:
        base = p["value_base"] if p["value_base"] is not None else p["value"]
        values[(p["period"], p["kind"], p["base_unit"])].add(round(base, 6))
    for p in points:
        p["conflict"] = p["period"] is not None and len(values[(p["period"], p["kind"], p["base_unit"])]) > 1


# -- documents --------------------------------------------------------------------


def list_documents(
    session: Session,
    outlet: str | None = None,
    year: int | None = None,
    entity: int | None = None,
    duplicates: bool = True,
    limit: int | None = None,
    offset: int | None = None,
) -> dict:
    """Documents, newest first, filtered by outlet, year, mentioned entity; duplicates kept or left out."""
    stmt = select(Document)
    if outlet:
        stmt = stmt.where(Document.outlet == outlet)
    if year is not None:
        stmt = stmt.where(
            Document.published >= date(year, 1, 1), Document.published <= date(year, 12, 31)
        )
    if entity is not None:
        stmt = stmt.where(Document.id.in_(select(Mention.document_id).where(Mention.entity_id == entity)))
    if not duplicates:
        stmt = stmt.where(Document.duplicate_of_id.is_(None))
    stmt = stmt.order_by(Document.published.desc().nulls_last(), Document.id.desc())
    return paginate(session, stmt, limit, offset, lambda r: document_row(r[0]))


def get_document(session: Session, document_id: int) -> dict:
    """One document with its text, extractions and their spans (norm and original offsets)."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFoundError("document", document_id)
    mentions = session.execute(
        select(Mention, Entity)
        .join(Entity, Entity.id == Mention.entity_id)
        .where(Mention.document_id == document_id)
        .order_by(Mention.start, Mention.id)
    ).all()
    indicators = session.execute(
        _indicator_select()
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
        "duplicate_of_document": document_ref(session.get(Document, doc.duplicate_of_id))
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
            {**indicator_row(i, s, None), **original_span(to_original, i.start, i.end)}
            for i, s, _d in indicators
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
    """The neighbourhood of an entity to `depth` hops over relations, with types and evidence."""
    center = session.get(Entity, entity_id)
    if center is None:
        raise NotFoundError("entity", entity_id)
    depth = max(1, min(int(depth), MAX_GRAPH_DEPTH))
    levels = {entity_id: 0}
    frontier = {entity_id}
    edges: dict[tuple, dict] = {}
    for level in range(1, depth + 1):
        if not frontier or len(levels) >= MAX_GRAPH_NODES:
            break
        frontier = _expand_frontier(session, frontier, levels, edges, level)
    nodes = session.scalars(select(Entity).where(Entity.id.in_(levels))).all()
    kept = {n.id for n in nodes}
    return {
        "center": entity_ref(center),
        "depth": depth,
        "nodes": sorted(
            ({**entity_ref(n), "depth": levels[n.id]} for n in nodes), key=lambda n: (n["depth"], n["id"])
        ),
        "edges": [e for e in edges.values() if e["source"] in kept and e["target"] in kept],
        "truncated": len(levels) >= MAX_GRAPH_NODES,
    }


def _expand_frontier(session: Session, frontier: set[int], levels: dict, edges: dict, level: int) -> set[int]:
    rows = session.execute(
        select(Relation, Document)
        .outerjoin(Document, Document.id == Relation.document_id)
        .where(or_(Relation.subject_id.in_(frontier), Relation.object_id.in_(frontier)))
        .order_by(Relation.id)
    ).all()
    found: set[int] = set()
    for rel, doc in rows:
        for other in (rel.subject_id, rel.object_id):
            if other not in levels and len(levels) < MAX_GRAPH_NODES:
                levels[other] = level
                found.add(other)
        key = (rel.subject_id, rel.predicate, rel.object_id)
        edge = edges.setdefault(
            key,
            {
                "source": rel.subject_id,
                "target": rel.object_id,
                "predicate": rel.predicate,
                "count": 0,
                "evidence": [],
            },
        )
        edge["count"] += 1
        if len(edge["evidence"]) < EVIDENCE_PER_EDGE and rel.quote:
            edge["evidence"].append({"quote": rel.quote, "document": document_ref(doc)})
    return found


def get_region_tree(session: Session) -> dict:
    """Regions -> zones -> sub-zones via parent_id (part of) and region_id (located in), with counts."""
    nodes = session.scalars(select(Entity).where(Entity.type.in_(TREE_TYPES))).all()
    docs = dict(
        session.execute(
            select(Mention.entity_id, func.count(func.distinct(Mention.document_id)))
            .join(Entity, Entity.id == Mention.entity_id)
            .where(Entity.type.in_(TREE_TYPES))
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
    children: dict[int | None, list[Entity]] = defaultdict(list)
    for n in nodes:
        up = n.parent_id if n.parent_id in by_id else n.region_id if n.region_id in by_id else None
        children[up].append(n)

    def build(node: Entity, seen: frozenset) -> dict:
        kids = [build(c, seen | {c.id}) for c in children[node.id] if c.id not in seen]
        kids.sort(key=lambda k: (-k["size"], k["name"]))
        return {
            **entity_ref(node),
            "documents": docs.get(node.id, 0),
            "entities": located.get(node.id, 0),
            "size": 1 + sum(k["size"] for k in kids),
            "children": kids,
        }

    roots = [build(n, frozenset({n.id})) for n in children[None]]
    roots.sort(key=lambda r: (-r["size"], -r["documents"], r["name"]))
    return {"roots": roots, "total": len(nodes)}
