"""Relations: lists with facets, an entity's relations, the graph around an entity, and the edges analysis reads."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, func, literal, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from innoatlas import records
from innoatlas.errors import NotFoundError
from innoatlas.store.read.common import (
    DOCUMENT_INFO_COLUMNS,
    ENTITY_COLUMNS,
    PROFILE_LIST_LIMIT,
    STREAM_ROWS,
    DocumentInfo,
    EntityRecord,
    cached_aggregate,
    count_capped,
    document_ref,
    entity_ref,
    facet_counts,
    in_order,
    load_document_refs,
    one_of,
    paginate_ids,
    published_between,
)
from innoatlas.store.schema import Document, Entity, Relation

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
# MAX_GRAPH_NODES nodes; 4,000 rows a level still took 75 ms of CPU at
# depth 2, 2,000 half that, for 324 of the 363 edges.
MAX_GRAPH_ROWS = 2000
GRAPH_ROWS_PER_NODE = 250


def relation_row(rel: Relation, subject: Entity, obj: Entity, doc: Document | None) -> dict:
    return {
        "id": rel.id,
        **records.dump(rel, records.RELATION_API, subject=entity_ref(subject), object=entity_ref(obj)),
        "origin": rel.origin,
        "review_status": rel.review_status,
        "document": document_ref(doc),
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
    return {"predicate": facet_counts(session, by_predicate)}


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
    nodes = session.execute(select(Entity.id, Entity.name, Entity.type).where(Entity.id.in_(levels)))
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
        for other in (subject_id, object_id):
            if other in levels:
                continue
            if len(levels) >= MAX_GRAPH_NODES:
                cut = True
                continue
            levels[other] = level
            found[other] = 0
        if subject_id not in levels or object_id not in levels:
            continue  # an end left out now is never added later: the graph is full
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
    branches = []
    for node in ids:
        sides = (
            (Relation.subject_id == node, Relation.object_id),
            (and_(Relation.object_id == node, Relation.subject_id.not_in(ids)), Relation.subject_id),
        )
        for where, far in sides:
            rows = select(
                literal(len(branches)).label("branch"),
                Relation.subject_id,
                Relation.predicate,
                Relation.object_id,
                Relation.id,
            )
            branches.append(
                select(rows.where(where).order_by(Relation.predicate, far).limit(share + 1).subquery())
            )
    # One statement for the level, each node's side a limited branch of it: a round trip
    # per node and side was 24 of them at depth 2, most of the time on a busy server.
    read: dict[int, list] = defaultdict(list)
    for branch, *row in session.execute(union_all(*branches)):
        read[branch].append(row)
    counts: Counter = Counter()
    latest: dict[tuple, int] = {}
    for rows in read.values():
        for subject_id, predicate, object_id, relation_id in rows[:share]:
            key = (subject_id, predicate, object_id)
            counts[key] += 1
            latest[key] = max(latest.get(key, 0), relation_id)
    cut = any(len(rows) > share for rows in read.values())
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
                    # a tooltip's share of the quote, cut by the database (some quotes are paragraphs)
                    select(
                        Relation.id,
                        func.substr(Relation.quote, 1, GRAPH_QUOTE_CHARS + 1).label("quote"),
                        Relation.document_id,
                    ).where(Relation.id.in_(ids))
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


# -- the edges analysis reads ---------------------------------------------------------


@dataclass(frozen=True)
class RelationEvidence:
    """A relation with both ends and its source, as analysis cites it."""

    id: int
    predicate: str
    quote: str | None
    subject: EntityRecord
    object: EntityRecord
    document: DocumentInfo | None


@dataclass(frozen=True)
class RelationEdge:
    """A relation as a graph sees it: its ends' ids, predicate, quote and source."""

    subject_id: int
    predicate: str
    object_id: int
    quote: str | None
    document: DocumentInfo | None


def relations_to(
    session: Session, object_ids: set[int], predicates: tuple[str, ...]
) -> list[RelationEvidence]:
    """Relations of `predicates` whose object is one of `object_ids`, in stored order."""
    if not object_ids:
        return []
    return _evidence(
        session, one_of(session, Relation.object_id, object_ids) & Relation.predicate.in_(predicates)
    )


def relations_touching(
    session: Session, entity_ids: set[int], predicates: tuple[str, ...]
) -> list[RelationEvidence]:
    """Relations of `predicates` with either end in `entity_ids`, in stored order."""
    if not entity_ids:
        return []
    # a chain's actors on 100,000 documents are thousands: one array parameter each on PostgreSQL
    either = one_of(session, Relation.object_id, entity_ids, "objects") | one_of(
        session, Relation.subject_id, entity_ids, "subjects"
    )
    return _evidence(session, Relation.predicate.in_(predicates) & either)


def _evidence(session: Session, condition) -> list[RelationEvidence]:
    subject, obj = aliased(Entity), aliased(Entity)
    stmt = (
        select(
            Relation.id,
            Relation.predicate,
            Relation.quote,
            *_columns_of(subject),
            *_columns_of(obj),
            *DOCUMENT_INFO_COLUMNS,
        )
        .join(subject, subject.id == Relation.subject_id)
        .join(obj, obj.id == Relation.object_id)
        .outerjoin(Document, Document.id == Relation.document_id)
        .where(condition)
        .order_by(Relation.id)
    )
    width = len(ENTITY_COLUMNS)
    out = []
    for row in session.execute(stmt):
        ends, doc = row[3 : 3 + 2 * width], row[3 + 2 * width :]
        out.append(
            RelationEvidence(
                row[0],
                row[1],
                row[2],
                EntityRecord(*ends[:width]),
                EntityRecord(*ends[width:]),
                DocumentInfo(*doc) if doc[0] is not None else None,
            )
        )
    return out


def _columns_of(entity) -> list:
    return [getattr(entity, column.key) for column in ENTITY_COLUMNS]


def object_names(session: Session, subject_ids: list[int], object_type: str) -> dict[int, list[str]]:
    """Subject id -> names of the entities of `object_type` its relations point to."""
    names: dict[int, list[str]] = defaultdict(list)
    if not subject_ids:
        return names
    obj = aliased(Entity)
    rows = session.execute(
        select(Relation.subject_id, obj.name)
        .join(obj, obj.id == Relation.object_id)
        .where(one_of(session, Relation.subject_id, subject_ids), obj.type == object_type)
    )
    for subject_id, name in rows:
        names[subject_id].append(name)
    return names


def predicates_touching(session: Session, entity_ids: set[int]) -> list[str]:
    """The predicate of every relation with an end in `entity_ids` (one per relation)."""
    ids = list(entity_ids)
    rows = session.scalars(
        select(Relation.predicate).where(Relation.subject_id.in_(ids) | Relation.object_id.in_(ids))
    )
    return list(rows)


def pairs_of(session: Session, predicates: tuple[str, ...]) -> list[tuple[int, int]]:
    """(subject id, object id) of every relation of `predicates`."""
    rows = session.execute(
        select(Relation.subject_id, Relation.object_id).where(Relation.predicate.in_(predicates))
    )
    return [tuple(row) for row in rows]


def relation_edges(session: Session) -> Iterator[RelationEdge]:
    """Every relation with its source, in stored order, streamed."""
    rows = session.execute(
        select(
            Relation.subject_id,
            Relation.predicate,
            Relation.object_id,
            Relation.quote,
            *DOCUMENT_INFO_COLUMNS,
        )
        .outerjoin(Document, Document.id == Relation.document_id)
        .order_by(Relation.id)
        .execution_options(yield_per=STREAM_ROWS)
    )
    for row in rows:
        doc = DocumentInfo(*row[4:]) if row[4] is not None else None
        yield RelationEdge(row[0], row[1], row[2], row[3], doc)
