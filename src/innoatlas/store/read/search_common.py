"""A search for a common term: its page read off the order indexes, its totals and facets estimated.

科 is in every document and in 14,000 entity names of a 100,000-document
base. Finding every match, sorting it and counting it for the facets took
0.2-0.4 s; a page of 50 needs only the first matches in the list's order.
So when the matches of one side (entities, documents) are estimated past
COMMON_MATCHES, that side is read in the list's order, each row tested,
until the page is full: entities shortest name first off their
name-length index (migration 0010), documents newest first off the
published index. Its total and facets are then estimates (the response
says `total_is_estimate`, the page "约"), scaled from the share of the
newest SAMPLE_ENTITIES entities and SAMPLE_DOCUMENTS documents that hold
the terms. A side that is not common is listed whole, as the exact path
does; a list that ends on the page has its exact total.

Pages tile the list exactly as the exact path does (entities first, then
documents): a page past the entities counts them (up to its offset) to
know where the documents start.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, and_, extract, func, or_, select, text
from sqlalchemy.orm import Session

from innoatlas.store.read.common import COUNT_CAP, cached_aggregate, count_rows, newest_first
from innoatlas.store.schema import Alias, Document, Entity
from innoatlas.store.search_index import VOCAB_TABLE, estimated_rows, index_exists, text_contains
from innoatlas.store.window import window_of

# Estimated matching documents (or entities) past which that side of a search is read page by
# page: up to here the exact path lists them (a few ms off the search indexes), and a page read
# newest first tests at most about limit * stored / COMMON_MATCHES texts.
COMMON_MATCHES = 5 * COUNT_CAP
# The newest rows tested to estimate how common a term is: enough to tell 1% from 10%.
SAMPLE_DOCUMENTS = 300
SAMPLE_ENTITIES = 500
# Terms this long are trigrams: SQLite's FTS5 index holds them.
TRIGRAM_CHARS = 3


@dataclass
class CommonPage:
    """One page of a common term's hits and the list's (estimated) totals and facets."""

    entities: list[tuple] = field(default_factory=list)  # (id, type, region_id) of the page
    documents: list[tuple] = field(default_factory=list)  # (id, year) of the page
    entity_total: int = 0
    document_total: int = 0
    entities_exact: bool = True
    documents_exact: bool = True
    facets: dict = field(default_factory=dict)

    @property
    def estimated(self) -> bool:
        return not (self.entities_exact and self.documents_exact)


def common_page(
    session: Session, terms: list[str], type, region, year, limit: int, offset: int, find_matches
) -> CommonPage | None:
    """The page of a search for common `terms`, or None when they are not common (or a date window
    applies: the exact path honours it).

    Entities and documents are each common or not: `find_matches(entities, documents)` lists
    the side that is not, as the exact path does.
    """
    if window_of(session) is not None or _trigram_terms(session, terms) or _surely_rare(session, terms):
        return None
    scope = search_scope(session)
    per_year = scope["documents_per_year"]
    stored = sum(per_year.values())
    sample = _entity_sample(session, terms, scope["entities"])
    share = _document_share(session, terms, stored)
    common_entities, common_documents = sample.estimate > COMMON_MATCHES, share * stored > COMMON_MATCHES
    if not (common_entities or common_documents):
        return None
    entities, documents, complete = find_matches(not common_entities, not common_documents)
    page = CommonPage()
    if common_entities:
        _entity_part(session, terms, type, region, limit, offset, page, sample)
        page.facets = sample.facets()
    else:
        _listed_entities(entities, type, region, limit, offset, page)
        page.facets = {
            "type": Counter(e[1] for e in entities),
            "region": Counter(e[2] for e in entities if e[2]),
        }
    if common_documents:
        in_scope = per_year.get(year, 0) if year is not None else stored
        _document_part(session, terms, year, limit, offset, page, round(share * in_scope))
        years = {y: round(n * share) for y, n in per_year.items() if y is not None and round(n * share)}
        page.facets["year"] = Counter(years)
    else:
        _listed_documents(documents, year, limit, offset, page, complete)
        page.facets["year"] = Counter(d[1] for d in documents if d[1])
    return page


def _trigram_terms(session: Session, terms: list[str]) -> bool:
    """Whether SQLite's trigram index finds every match of `terms` (three characters or more each)
    cheaply enough: 科学城 in 1,700 of 10,000 documents in 10 ms, where the samples cost 8 ms."""
    return all(len(t) >= TRIGRAM_CHARS for t in terms) and index_exists(session)


def _surely_rare(session: Session, terms: list[str]) -> bool:
    """Whether the indexes say, without reading a row, that no side can be common: the samples
    cost more than a rare term's whole search (两江 in no document: 4 ms of CPU).

    PostgreSQL: the planner's estimates of the matching documents and entity names (its
    trigram estimate runs high, never far low). SQLite: the documents and names holding the
    trigrams a short term starts, summed (each match counted once at least).
    """
    if session.get_bind().dialect.name == "postgresql":
        estimates = [estimated_rows(session, stmt) for stmt in _holding(session, terms)]
        return max(estimates) <= COMMON_MATCHES / 2
    if not index_exists(session):
        return False
    short = [t for t in terms if len(t) < TRIGRAM_CHARS]
    holding = text(f"SELECT coalesce(sum(doc), 0) FROM {VOCAB_TABLE} WHERE term >= :low AND term < :high")
    rows = [session.scalar(holding, {"low": t, "high": t + "\U0010ffff"}) for t in short]
    return min(rows) <= COMMON_MATCHES


def _holding(session: Session, terms: list[str]) -> list[Select]:
    """The documents and the entity names that hold every term, as the search indexes find them."""
    dialect = session.get_bind().dialect.name
    documents = select(Document.id).where(
        *[
            or_(text_contains(dialect, Document.norm, t), text_contains(dialect, Document.title, t))
            for t in terms
        ]
    )
    names = select(Entity.id).where(*[text_contains(dialect, Entity.name, t) for t in terms])
    return [documents, names]


# -- the page ------------------------------------------------------------------------


def _entity_part(session, terms, type, region, limit, offset, page: CommonPage, sample) -> None:
    """The page's entities; their total is exact when the list ends on (or before) this page."""
    ordered = _entities_matching(session, terms, type, region)
    found = [tuple(r) for r in session.execute(ordered.offset(offset).limit(limit + 1))]
    if len(found) > limit:
        page.entities = found[:limit]
        estimate = round(sample.share(type, region) * sample.total)
        page.entity_total, page.entities_exact = max(estimate, offset + limit + 1), False
        return
    page.entities = found
    if found or offset == 0:
        page.entity_total = offset + len(found)
    else:  # a page past the entities: count them, up to the offset, to know where documents start
        page.entity_total = session.scalar(select(func.count()).select_from(ordered.limit(offset).subquery()))


def _listed_entities(entities: list[tuple], type, region, limit, offset, page: CommonPage) -> None:
    kept = [e for e in entities if (not type or e[1] == type) and (region is None or e[2] == region)]
    page.entities, page.entity_total = kept[offset : offset + limit], len(kept)


def _document_part(session, terms, year, limit, offset, page: CommonPage, estimate: int) -> None:
    room = limit - len(page.entities)
    if room <= 0 and not page.entities_exact:  # the entities go on past this page
        page.document_total, page.documents_exact = estimate, False
        return
    skip = max(0, offset - page.entity_total)
    found = session.execute(_documents_matching(session, terms, year).offset(skip).limit(room + 1)).all()
    page.documents = [(r[0], _year(r[1])) for r in found[:room]]
    if len(found) > room:
        page.document_total, page.documents_exact = max(estimate, skip + room + 1), False
    else:
        page.document_total = skip + len(found)


def _listed_documents(documents: list[tuple], year, limit, offset, page: CommonPage, complete: bool) -> None:
    kept = [d for d in documents if year is None or d[1] == year]
    room = limit - len(page.entities)
    skip = max(0, offset - page.entity_total)
    page.documents = kept[skip : skip + room] if room > 0 else []
    page.document_total, page.documents_exact = len(kept), complete


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

    def facets(self) -> dict:
        """Type and region counts of all the matches, scaled from the sample."""
        scale = self.total / max(1, self.size)
        types = Counter(m[1] for m in self.matched)
        regions = Counter(m[2] for m in self.matched if m[2] is not None)
        return {
            "type": Counter({t: round(n * scale) for t, n in types.items()}),
            "region": Counter({r: round(n * scale) for r, n in regions.items()}),
        }

    def share(self, type=None, region=None) -> float:
        kept = [m for m in self.matched if (not type or m[1] == type) and (region is None or m[2] == region)]
        return len(kept) / max(1, self.size)


def _entity_sample(session: Session, terms: list[str], total: int) -> EntitySample:
    newest = select(Entity.id).order_by(Entity.id.desc()).limit(SAMPLE_ENTITIES).subquery()
    ordered = _entities_matching(session, terms, None, None)
    matched = session.execute(ordered.where(Entity.id.in_(select(newest.c.id)))).all()
    return EntitySample([tuple(m) for m in matched], min(total, SAMPLE_ENTITIES), total)


def _document_share(session: Session, terms: list[str], stored: int) -> float:
    """The share of the documents that hold every term, among the newest SAMPLE_DOCUMENTS.

    Read newest first off the published index and tested (a few ms): the
    planner's estimate of a trigram LIKE was off by a factor of three.
    """
    newest = select(Document.id).order_by(*newest_first(session)).limit(SAMPLE_DOCUMENTS).subquery()
    matched = select(func.count()).select_from(
        _documents_matching(session, terms, None).where(Document.id.in_(select(newest.c.id))).subquery()
    )
    return (session.scalar(matched) or 0) / max(1, min(SAMPLE_DOCUMENTS, stored))


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
