"""The collaboration network's reads: linked pairs, their weights and evidence (kept by store/links.py).

Pairs are read from each pair's totals, or, in a session with a date
window, summed from the links of the window's documents (and of the
relations no document gives), as the window reads every fact.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from innoatlas.store.links import CO_MENTION
from innoatlas.store.read.common import DOCUMENT_INFO_COLUMNS, DocumentInfo, one_of
from innoatlas.store.schema import Document, Entity, EntityLink, EntityLinkTotal, Relation
from innoatlas.store.window import published_in, window_of


@dataclass
class PairFilter:
    """Which pairs are edges: both ends of a kept type, heavy enough, optionally among or touching ids."""

    exclude_types: tuple[str, ...] = ()
    co_mentions: bool = True
    min_weight: float = 0.0
    among: set[int] | None = None  # both ends in this set
    touching: set[int] | None = None  # one end or both in this set


@dataclass
class Evidence:
    kind: str
    quote: str
    document: DocumentInfo | None


def _window_documents(session: Session):
    window = window_of(session)
    return None if window is None else select(Document.id).where(*published_in(*window))


def _links_in_window(session: Session, co_mentions: bool) -> list:
    conditions = [] if co_mentions else [EntityLink.is_sentence == 0]
    documents = _window_documents(session)
    if documents is not None:
        conditions.append(or_(EntityLink.document_id.is_(None), EntityLink.document_id.in_(documents)))
    return conditions


def _pairs(session: Session, co_mentions: bool):
    """(a_id, b_id, weight) of every linked pair, as a subquery."""
    if window_of(session) is None:
        total = EntityLinkTotal
        query = select(
            total.a_id, total.b_id, (total.weight if co_mentions else total.relation_weight).label("weight")
        )
        return (query if co_mentions else query.where(total.relations > 0)).subquery()
    link = EntityLink
    return (
        select(link.a_id, link.b_id, func.sum(link.weight).label("weight"))
        .where(*_links_in_window(session, co_mentions))
        .group_by(link.a_id, link.b_id)
        .subquery()
    )


def edges(session: Session, kept: PairFilter) -> Select:
    """(a_id, b_id, weight) of the pairs `kept` keeps."""
    pairs = _pairs(session, kept.co_mentions)
    a, b = aliased(Entity), aliased(Entity)
    query = select(pairs.c.a_id, pairs.c.b_id, pairs.c.weight)
    if kept.exclude_types:
        query = query.join(a, a.id == pairs.c.a_id).join(b, b.id == pairs.c.b_id)
        query = query.where(a.type.not_in(kept.exclude_types), b.type.not_in(kept.exclude_types))
    if kept.min_weight > 0:
        query = query.where(pairs.c.weight >= kept.min_weight)
    if kept.among is not None:
        query = query.where(
            one_of(session, pairs.c.a_id, kept.among, "among_a"),
            one_of(session, pairs.c.b_id, kept.among, "among_b"),
        )
    if kept.touching is not None:
        query = query.where(
            or_(
                one_of(session, pairs.c.a_id, kept.touching, "touching_a"),
                one_of(session, pairs.c.b_id, kept.touching, "touching_b"),
            )
        )
    return query


def node_weights(session: Session, kept: PairFilter) -> tuple[dict[int, float], int]:
    """(entity id -> weighted degree over the kept edges, number of kept edges)."""
    if window_of(session) is None and kept.min_weight <= 0 and kept.among is None and kept.touching is None:
        return _all_node_weights(session, kept)
    found = edges(session, kept).subquery()
    ends = union_all(
        select(found.c.a_id.label("node"), found.c.weight), select(found.c.b_id.label("node"), found.c.weight)
    ).subquery()
    weights = {
        node: float(weight)
        for node, weight in session.execute(
            select(ends.c.node, func.sum(ends.c.weight)).group_by(ends.c.node)
        )
    }
    count = session.scalar(select(func.count()).select_from(found)) or 0
    return weights, count


def _all_node_weights(session: Session, kept: PairFilter) -> tuple[dict[int, float], int]:
    """node_weights over every pair: all totals summed per end, less the pairs with an end of an
    excluded type (a few fields of industry): joining every pair's ends to their types took 1 s."""
    total = EntityLinkTotal
    weight = total.weight if kept.co_mentions else total.relation_weight
    linked = [] if kept.co_mentions else [total.relations > 0]
    excluded = set(session.scalars(select(Entity.id).where(Entity.type.in_(kept.exclude_types))))
    ends = union_all(
        select(total.a_id.label("node"), weight.label("weight")).where(*linked),
        select(total.b_id.label("node"), weight.label("weight")).where(*linked),
    ).subquery()
    weights = {
        node: float(w)
        for node, w in session.execute(select(ends.c.node, func.sum(ends.c.weight)).group_by(ends.c.node))
    }
    count = session.scalar(select(func.count()).select_from(total).where(*linked)) or 0
    if excluded:
        touching = or_(
            one_of(session, total.a_id, excluded, "xa"), one_of(session, total.b_id, excluded, "xb")
        )
        for a, b, w in session.execute(select(total.a_id, total.b_id, weight).where(touching, *linked)):
            count -= 1
            for node in (a, b):
                if node in weights:
                    weights[node] -= float(w)
        for node in excluded:
            weights.pop(node, None)
        # an entity whose every link was to an excluded one is no node (each link weighs 1 or more)
        for node in [n for n, w in weights.items() if w < 0.5]:
            weights.pop(node)
    return weights, count


def neighbours(session: Session, kept: PairFilter, ids: set[int]) -> set[int]:
    """`ids` among the kept edges' ends, with every entity they share a kept edge with."""
    near = PairFilter(kept.exclude_types, kept.co_mentions, kept.min_weight, touching=ids)
    found = set()
    for a, b, _weight in session.execute(edges(session, near)):
        found.update((a, b))
    return found


def edge_details(session: Session, pairs: list[tuple[int, int]], co_mentions: bool) -> dict:
    """(a, b) -> {"predicates": {predicate: count}, "co_mentions": n} for these pairs."""
    details: dict = {p: {"predicates": {}, "co_mentions": 0} for p in pairs}
    ids = {i for p in pairs for i in p}
    if not ids:
        return details
    link = EntityLink
    query = (
        select(link.a_id, link.b_id, link.kind, func.count())
        .where(one_of(session, link.a_id, ids, "a_ids"), one_of(session, link.b_id, ids, "b_ids"))
        .where(*_links_in_window(session, co_mentions))
        .group_by(link.a_id, link.b_id, link.kind)
    )
    for a, b, kind, count in session.execute(query):
        if (a, b) not in details:
            continue
        if kind == CO_MENTION:
            details[(a, b)]["co_mentions"] = count
        else:
            details[(a, b)]["predicates"][kind] = count
    return details


def in_link_order(session: Session, pairs: list[tuple[int, int]], co_mentions: bool) -> list[tuple[int, int]]:
    """`pairs` in the order of their first link: relations in stored order, then sentences in text order.

    The order a graph is built in decides Louvain's communities among equals:
    this is the order the links were found in before they were kept.
    """
    wanted = set(pairs)
    ids = {i for p in pairs for i in p}
    if not ids:
        return []
    link = EntityLink
    key = (link.is_sentence, link.relation_id, link.document_id, link.start)
    order = func.row_number().over(partition_by=(link.a_id, link.b_id), order_by=key)
    ranked = (
        select(link.a_id, link.b_id, *key, order.label("place"))
        .where(one_of(session, link.a_id, ids, "a_ids"), one_of(session, link.b_id, ids, "b_ids"))
        .where(*_links_in_window(session, co_mentions))
        .subquery()
    )
    rows = [r for r in session.execute(select(ranked).where(ranked.c.place == 1)) if (r[0], r[1]) in wanted]
    rows.sort(key=lambda r: (r[2], r[3] or 0, r[4] or 0, r[5] or 0, r[0], r[1]))
    return [(r[0], r[1]) for r in rows]


def edge_evidence(session: Session, pairs: list[tuple[int, int]], co_mentions: bool, per_edge: int) -> dict:
    """(a, b) -> up to `per_edge` Evidence: quoted relations in stored order, then sentences in text order."""
    wanted = set(pairs)
    ids = {i for p in pairs for i in p}
    found: dict = defaultdict(list)
    if not ids:
        return found
    link = EntityLink
    order = func.row_number().over(
        partition_by=(link.a_id, link.b_id),
        order_by=(link.is_sentence, link.relation_id, link.document_id, link.start),
    )
    ranked = (
        select(link.id, link.a_id, link.b_id, link.is_sentence, link.relation_id, order.label("place"))
        .where(
            link.quoted == 1,
            one_of(session, link.a_id, ids, "a_ids"),
            one_of(session, link.b_id, ids, "b_ids"),
        )
        .where(*_links_in_window(session, co_mentions))
        .subquery()
    )
    rows = [
        r
        for r in session.execute(select(ranked).where(ranked.c.place <= per_edge).order_by(ranked.c.place))
        if (r.a_id, r.b_id) in wanted
    ]
    quotes = _relation_quotes(session, [r.relation_id for r in rows if not r.is_sentence])
    sentences = _sentences(session, [r.id for r in rows if r.is_sentence])
    for r in rows:
        evidence = sentences.get(r.id) if r.is_sentence else quotes.get(r.relation_id)
        if evidence is not None:
            found[(r.a_id, r.b_id)].append(evidence)
    return found


def _relation_quotes(session: Session, relation_ids: list[int]) -> dict[int, Evidence]:
    if not relation_ids:
        return {}
    query = (
        select(Relation.id, Relation.predicate, Relation.quote, *DOCUMENT_INFO_COLUMNS)
        .outerjoin(Document, Document.id == Relation.document_id)
        .where(one_of(session, Relation.id, relation_ids))
    )
    return {
        row[0]: Evidence(row[1], row[2], DocumentInfo(*row[3:]) if row[3] is not None else None)
        for row in session.execute(query)
    }


def _sentences(session: Session, link_ids: list[int]) -> dict[int, Evidence]:
    """The sentence of each co-mention link, cut from its document's normalised text."""
    if not link_ids:
        return {}
    sentence = func.substr(Document.norm, EntityLink.start + 1, EntityLink.end - EntityLink.start)
    query = (
        select(EntityLink.id, sentence, *DOCUMENT_INFO_COLUMNS)
        .join(Document, Document.id == EntityLink.document_id)
        .where(one_of(session, EntityLink.id, link_ids))
    )
    return {
        row[0]: Evidence(CO_MENTION, (row[1] or "").strip(), DocumentInfo(*row[2:]))
        for row in session.execute(query)
    }


def containers_of(session: Session, ids: set[int], predicates: tuple[str, ...]) -> list[tuple[int, int]]:
    """(entity, container) for each of `ids`: relations of `predicates` out of it, its parent and region."""
    if not ids:
        return []
    # distinct: a zone is said to be in its city by thousands of documents
    found = session.execute(
        select(Relation.subject_id, Relation.object_id)
        .where(one_of(session, Relation.subject_id, ids), Relation.predicate.in_(predicates))
        .distinct()
    ).all()
    for entity_id, parent_id, region_id in session.execute(
        select(Entity.id, Entity.parent_id, Entity.region_id).where(one_of(session, Entity.id, ids))
    ):
        found += [(entity_id, c) for c in (parent_id, region_id) if c is not None]
    return [(child, up) for child, up in found if child != up]


def names_of(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Entity.id, Entity.name).where(one_of(session, Entity.id, ids))).all())
