"""Indicators: lists, one indicator, a series, the explorer's choices, and the figures analysis reads.

Analysis reads the columns it needs and a short stretch of text before
each quote (cut by the database), never a document's body.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from innoatlas import records
from innoatlas.errors import NotFoundError
from innoatlas.store.read.common import (
    DOCUMENT_INFO_COLUMNS,
    ENTITY_COLUMNS,
    MAX_LIMIT,
    STREAM_ROWS,
    DocumentInfo,
    EntityRecord,
    cached_aggregate,
    chunks,
    document_ref,
    entity_records,
    entity_ref,
    in_order,
    load_document_refs,
    paginate_ids,
    published_between,
)
from innoatlas.store.schema import Document, Entity, Indicator

# Points a series chart shows at once: more distinct sources than this for
# one subject and metric are not readable as dots; the rest are further pages.
SERIES_LIMIT = 200


def indicator_row(ind: Indicator, subject: Entity | None, doc: Document | None) -> dict:
    return {
        "id": ind.id,
        "subject": entity_ref(subject),
        "subject_text": ind.subject_text,
        **records.dump(ind, records.INDICATOR_STORED),
        "review_status": ind.review_status,  # null until an analyst reviews it
        "document": document_ref(doc),
    }


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
    """Entities that have indicators, most indicators first (the explorer's subject choices).

    Counting every indicator by subject (40 ms on 200,000) is a whole-base
    aggregate: kept per data version.
    """
    return cached_aggregate(session, f"list_subjects:{limit}", lambda s: _list_subjects(s, limit))


def _list_subjects(session: Session, limit: int) -> list[dict]:
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


# -- the figures analysis reads ---------------------------------------------------------


@dataclass(frozen=True)
class FigureRow:
    """An indicator as analysis reads it: stored columns, its source, and optionally the text before its quote."""

    id: int
    subject_id: int | None
    document_id: int
    metric: str
    metric_key: str | None
    value: float
    unit: str
    value_base: float | None
    base_unit: str
    approx: str
    kind: str
    period: str | None
    start: int
    end: int
    quote: str
    doc_title: str | None
    doc_name: str
    doc_outlet: str | None
    doc_published: date | None
    context: str | None = None


FIGURE_COLUMNS = (
    Indicator.id,
    Indicator.subject_id,
    Indicator.document_id,
    Indicator.metric,
    Indicator.metric_key,
    Indicator.value,
    Indicator.unit,
    Indicator.value_base,
    Indicator.base_unit,
    Indicator.approx,
    Indicator.kind,
    Indicator.period,
    Indicator.start,
    Indicator.end,
    Indicator.quote,
    Document.title,
    Document.name,
    Document.outlet,
    Document.published,
)


def context_column(chars: int):
    """The `chars` characters of the normalised text before the quote (fewer at the start)."""
    first = case((Indicator.start > chars, Indicator.start - chars + 1), else_=1)
    length = case((Indicator.start > chars, chars), else_=Indicator.start)
    return func.substr(Document.norm, first, length)


def figure_rows(
    session: Session,
    subject_ids: list[int] | None = None,
    periods: set[str] | None = None,
    context_chars: int | None = None,
) -> list[FigureRow]:
    """Indicators of `subject_ids` (all with a subject when None) from originals, in stored order.

    `periods` keeps only those periods; `context_chars` adds that many
    characters of text before each quote, cut by the database.
    """
    columns = FIGURE_COLUMNS if context_chars is None else (*FIGURE_COLUMNS, context_column(context_chars))
    stmt = (
        select(*columns)
        .join(Document, Document.id == Indicator.document_id)
        .where(Document.duplicate_of_id.is_(None))
        .order_by(Indicator.id)
    )
    if subject_ids is not None:
        stmt = stmt.where(Indicator.subject_id.in_(subject_ids))
    else:
        stmt = stmt.where(Indicator.subject_id.is_not(None))
    if periods is not None:
        stmt = stmt.where(Indicator.period.in_(sorted(periods)))
    return [FigureRow(*row) for row in session.execute(stmt)]


def disagreeing_subjects(session: Session) -> list[tuple[int, str]]:
    """(id, name) of the subjects with two different values for one period in originals, by name and id.

    Only they can hold a conflict: a page of conflicts reads their figures
    a few subjects at a time instead of every indicator. Grouping 200,000
    indicators takes a few hundred ms, so the list is kept per data version.
    """
    return cached_aggregate(session, "disagreeing_subjects", _disagreeing_subjects)


def _disagreeing_subjects(session: Session) -> list[tuple[int, str]]:
    value = func.coalesce(Indicator.value_base, Indicator.value)
    subject_ids = (
        select(Indicator.subject_id)
        .join(Document, Document.id == Indicator.document_id)
        .where(
            Document.duplicate_of_id.is_(None),
            Indicator.subject_id.is_not(None),
            Indicator.period.is_not(None),
        )
        .group_by(Indicator.subject_id, Indicator.period)
        .having(func.count(value.distinct()) > 1)
    )
    rows = session.execute(select(Entity.id, Entity.name).where(Entity.id.in_(subject_ids.distinct())))
    return sorted(((i, name) for i, name in rows), key=lambda row: (row[1], row[0]))


def quote_contexts(session: Session, ids: list[int], chars: int) -> dict[int, str | None]:
    """Indicator id -> the `chars` characters of text before its quote."""
    found: dict[int, str | None] = {}
    for part in chunks(ids):
        rows = session.execute(
            select(Indicator.id, context_column(chars))
            .join(Document, Document.id == Indicator.document_id)
            .where(Indicator.id.in_(part))
        )
        found.update((indicator_id, context) for indicator_id, context in rows)
    return found


def subject_entities(session: Session, types: tuple[str, ...], kind: str) -> list[EntityRecord]:
    """Entities of `types` that are the subject of an indicator of `kind`, by id."""
    subject_ids = session.scalars(
        select(Indicator.subject_id)
        .join(Entity, Entity.id == Indicator.subject_id)
        .where(Entity.type.in_(types), Indicator.kind == kind)
        .distinct()
    )
    stmt = select(*ENTITY_COLUMNS).where(Entity.id.in_(list(subject_ids))).order_by(Entity.id)
    return entity_records(session, stmt)


@dataclass(frozen=True)
class IndicatorLine:
    """One line of the indicator table (the export): the indicator, its subject's name and type, its source.

    `indicator` is a plain row of the indicators table's columns (named as
    the record's fields, for records.dump), detached from any session.
    """

    indicator: Any
    subject_name: str | None
    subject_type: str | None
    document: DocumentInfo
    duplicate: bool  # the source is a repost


def indicator_table(session: Session) -> Iterator[IndicatorLine]:
    """Every indicator with its subject and source, in stored order, streamed."""
    stmt = (
        select(
            *Indicator.__table__.columns,
            Entity.name.label("subject_name"),
            Entity.type.label("subject_type"),
            *[c.label(f"doc_{c.key}") for c in DOCUMENT_INFO_COLUMNS],
            Document.duplicate_of_id.label("doc_duplicate_of"),
        )
        .outerjoin(Entity, Entity.id == Indicator.subject_id)
        .join(Document, Document.id == Indicator.document_id)
        .order_by(Indicator.id)
        .execution_options(yield_per=STREAM_ROWS)
    )
    width = len(Indicator.__table__.columns)
    for row in session.execute(stmt):
        yield IndicatorLine(
            row,
            row.subject_name,
            row.subject_type,
            DocumentInfo(*row[width + 2 : width + 2 + len(DOCUMENT_INFO_COLUMNS)]),
            row.doc_duplicate_of is not None,
        )
