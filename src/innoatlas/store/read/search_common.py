"""A search for a common term: its page read off the order indexes, its totals and facets estimated.

科 is in every document and in 14,000 entity names of a 100,000-document
base. Finding every match, sorting it and counting it for the facets took
0.2-0.4 s; a page of 50 needs only the first matches in the list's order.
So when the estimated matches pass COMMON_MATCHES, entities are read
shortest name first off their name-length index (migration 0010) and
documents newest first off the published index, each row tested, until the
page is full. The totals and the facets are then estimates (the response
says `total_is_estimate`, the page "约"): on PostgreSQL the planner's
estimate of the documents holding the terms (the character-pair and
trigram indexes' statistics), on SQLite the share of the newest
SAMPLE_DOCUMENTS documents that hold them; for entities, on both, the
share of the newest SAMPLE_ENTITIES entities. A list that ends on the page
has its exact total.

Pages tile the list exactly as the exact path does (entities first, then
documents): a page past the entities counts them (up to its offset) to
know where the documents start.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, and_, extract, func, or_, select
from sqlalchemy.orm import Session

from innoatlas.store.read.common import COUNT_CAP, cached_aggregate, count_rows, newest_first
from innoatlas.store.schema import Alias, Document, Entity
from innoatlas.store.search_index import estimated_rows, text_contains
from innoatlas.store.window import window_of

# Estimated matching documents (or entities) past which a search is answered page by page.
COMMON_MATCHES = 2 * COUNT_CAP
# The newest rows tested to estimate how common a term is (where no planner estimate serves).
SAMPLE_DOCUMENTS = 500
SAMPLE_ENTITIES = 1000


@dataclass
class CommonPage:
    """One page of a common term's hits and the list's (estimated) totals and facets."""

    entities: list[tuple] = field(default_factory=list)  # (id, type, region_id) of the page
    documents: list[tuple] = field(default_factory=list)  # (id, year) of the page
    entity_total: int = 0
    document_total: int = 0
    estimated: bool = True
    facets: dict = field(default_factory=dict)


def common_page(
    session: Session, terms: list[str], type, region, year, limit: int, offset: int
) -> CommonPage | None:
    """The page of a search for common `terms`, or None when they are not common (or a date window
    applies: the exact path honours it)."""
    if window_of(session) is not None:
        return None
    scope = search_scope(session)
    per_year = scope["documents_per_year"]
    entity_sample = _entity_sample(session, terms, scope["entities"])
    documents = _document_estimate(session, terms, sum(per_year.values()))
    if max(entity_sample.estimate, documents) <= COMMON_MATCHES:
        return None
    share = min(1.0, documents / max(1, sum(per_year.values())))
    page = CommonPage(facets=_facets(entity_sample, per_year, share))
    _entity_part(session, terms, type, region, limit, offset, page, entity_sample)
    in_scope = per_year.get(year, 0) if year is not None else sum(per_year.values())
    _document_part(session, terms, year, limit, offset, page, round(share * in_scope))
    return page


# -- the page ------------------------------------------------------------------------


def _entity_part(session, terms, type, region, limit, offset, page: CommonPage, sample) -> None:
    """The page's entities; their total is exact when the list ends on (or before) this page."""
    ordered = _entities_matching(session, terms, type, region)
    found = [tuple(r) for r in session.execute(ordered.offset(offset).limit(limit + 1))]
    if len(found) > limit:
        page.entities = found[:limit]
        share = sample.share(type, region)
        page.entity_total = max(round(share * sample.total), offset + limit + 1)
        return
    page.entities = found
    if found or offset == 0:
        page.entity_total = offset + len(found)
    else:  # a page past the entities: count them, up to the offset, to know where documents start
        page.entity_total = session.scalar(select(func.count()).select_from(ordered.limit(offset).subquery()))
    page.estimated = False


def _document_part(session, terms, year, limit, offset, page: CommonPage, estimate: int) -> None:
    room = limit - len(page.entities)
    if room <= 0 and page.estimated:
        page.document_total = estimate
        return
    skip = max(0, offset - page.entity_total)
    found = session.execute(_documents_matching(session, terms, year).offset(skip).limit(room + 1)).all()
    page.documents = [(r[0], _year(r[1])) for r in found[:room]]
    if len(found) > room:
        page.document_total = max(estimate, skip + room + 1)
        page.estimated = True
    else:
        page.document_total = skip + len(found)


def _entities_matching(session: Session, terms: list[str], type, region) -> Select:
    """Entities whose name, or one of whose aliases, holds every term, shortest name first."""
    dialect = session.get_bind().dialect.name
    named = and_(*[text_contains(dialect, Entity.name, t, grams=False) for t in terms])
    alias = select(Alias.id).where(
        Alias.entity_id == Entity.id, *[text_contains(dialect, Alias.norm, t, grams=False) for t in terms]
    )
    # A subquery asked of each entity walked, not an IN: PostgreSQL would otherwise
    # read every alias first to hash the matching ones.
    stmt = select(Entity.id, Entity.type, Entity.region_id).where(
        or_(named, alias.limit(1).scalar_subquery().is_not(None))
    )
    if type:
        stmt = stmt.where(Entity.type == type)
    if region is not None:
        stmt = stmt.where(Entity.region_id == region)
    return stmt.order_by(func.length(Entity.name), Entity.id)


def _documents_matching(session: Session, terms: list[str], year: int | None) -> Select:
    dialect = session.get_bind().dialect.name
    stmt = select(Document.id, Document.published).where(
        *[
            or_(
                text_contains(dialect, Document.norm, t, grams=False),
                text_contains(dialect, Document.title, t, grams=False),
            )
            for t in terms
        ]
    )
    if year is not None:
        if not date.min.year <= year <= date.max.year:
            return stmt.where(Document.id.is_(None))
        stmt = stmt.where(Document.published >= date(year, 1, 1), Document.published <= date(year, 12, 31))
    return stmt.order_by(*newest_first(session))


def _year(published) -> int | None:
    if published is None:
        return None
    return published.year if isinstance(published, date) else int(str(published)[:4])


# -- estimates --------------------------------------------------------------------------


@dataclass
class EntitySample:
    """The newest entities that match, as a sample of all the matches."""

    matched: list[tuple]  # (id, type, region_id)
    size: int  # entities tested
    total: int  # entities stored

    @property
    def estimate(self) -> float:
        return len(self.matched) / max(1, self.size) * self.total

    def share(self, type=None, region=None) -> float:
        kept = [m for m in self.matched if (not type or m[1] == type) and (region is None or m[2] == region)]
        return len(kept) / max(1, self.size)


def _entity_sample(session: Session, terms: list[str], total: int) -> EntitySample:
    newest = select(Entity.id).order_by(Entity.id.desc()).limit(SAMPLE_ENTITIES).subquery()
    ordered = _entities_matching(session, terms, None, None)
    matched = session.execute(ordered.where(Entity.id.in_(select(newest.c.id)))).all()
    return EntitySample([tuple(m) for m in matched], min(total, SAMPLE_ENTITIES), total)


def _document_estimate(session: Session, terms: list[str], total: int) -> float:
    """How many documents hold every term: the planner's estimate on PostgreSQL, a sample on SQLite."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        holding = [
            or_(text_contains(dialect, Document.norm, t), text_contains(dialect, Document.title, t))
            for t in terms
        ]
        return estimated_rows(session, select(Document.id).where(*holding))
    newest = select(Document.id).order_by(*newest_first(session)).limit(SAMPLE_DOCUMENTS).subquery()
    matched = select(func.count()).select_from(
        _documents_matching(session, terms, None).where(Document.id.in_(select(newest.c.id))).subquery()
    )
    return (session.scalar(matched) or 0) / max(1, min(SAMPLE_DOCUMENTS, total)) * total


def search_scope(session: Session) -> dict:
    """The entities stored and the documents by year published (None: undated), kept per data version."""
    return cached_aggregate(session, "search_scope", _search_scope)


def _search_scope(session: Session) -> dict:
    year = extract("year", Document.published)
    rows = session.execute(select(year, func.count()).group_by(year)).all()
    return {
        "entities": count_rows(session, Entity),
        "documents_per_year": {(int(y) if y is not None else None): n for y, n in rows},
    }


def _facets(sample: EntitySample, per_year: dict, share: float) -> dict:
    """Type and region counts scaled from the entity sample, year counts from the documents' share."""
    scale = sample.total / max(1, sample.size)
    types = Counter(m[1] for m in sample.matched)
    regions = Counter(m[2] for m in sample.matched if m[2] is not None)
    years = Counter({y: round(n * share) for y, n in per_year.items() if y is not None and round(n * share)})
    return {
        "type": Counter({t: round(n * scale) for t, n in types.items()}),
        "region": Counter({r: round(n * scale) for r, n in regions.items()}),
        "year": years,
    }
