"""Documents: lists, one document with its facts and spans, facets, and texts read by analysis.

The text columns (original, body, norm, offset map) are deferred in the
schema: only a function that shows or reads a text loads one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, extract, false, func, or_, select
from sqlalchemy.orm import Session, aliased, undefer

from innoatlas.errors import NotFoundError
from innoatlas.store.read.common import (
    DOCUMENT_INFO_COLUMNS,
    FACET_SIZE,
    DocumentText,
    cached_aggregate,
    document_ref,
    entity_ref,
    facet_counts,
    in_order,
    load_document_refs,
    newest_first,
    one_of,
    paginate_ids,
    published_text,
)
from innoatlas.store.read.indicators import indicator_row
from innoatlas.store.read.relations import relation_row
from innoatlas.store.schema import Document, Entity, Indicator, Mention, Relation

# Documents read per round trip when texts are streamed.
TEXTS_PER_FETCH = 20


@dataclass
class DocumentRow:
    id: int
    name: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None  # YYYY-MM-DD, YYYY-MM or YYYY, by precision
    script: str
    duplicate_of_id: int | None
    duplicate_kind: str | None


@dataclass
class DocumentView(DocumentRow):
    format: str = ""
    encoding: str | None = None
    url: str | None = None
    content_hash: str = ""
    body: str = ""
    duplicate_of_title: str | None = None  # the original's title (its name when it has none)
    mentions: int = 0
    indicators: int = 0
    relations: int = 0


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


def gathered(session: Session, column, ids: Select):
    """The condition "`column` is one of the ids `ids` selects", given as the ids themselves, or
    None when there are more than GATHER_MENTIONS.

    Given as the ids, the database fetches and sorts just those rows; given
    as a subquery, PostgreSQL turns it back into a walk of the whole table
    in the list's order asking each row (0.5 s for the 4,000 zones of an
    industry among 63,000 entities). PostgreSQL gets them as one array
    parameter: thousands of bound values cost more to send and plan.
    """
    found = session.scalars(ids.limit(GATHER_MENTIONS + 1)).all()
    if len(found) > GATHER_MENTIONS:
        return None
    return one_of(session, column, found, "gathered_ids")


def mentioning(session: Session, entity: int):
    """The condition "the document mentions `entity`", in the form that finds a page fastest.

    Newest first, each document asked "does it mention the entity?" on the
    (document_id, entity_id) index, the page needs only as many documents
    as it shows when the entity is common; for one in 1% of 100,000
    documents it asks about 100 documents for each one it finds, where
    gathering its documents reads only its own index entries.
    """
    found = gathered(session, Document.id, select(Mention.document_id).where(Mention.entity_id == entity))
    if found is not None:
        return found
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
        "outlet": facet_counts(session, by_outlet),
        "year": [{"value": int(v), "count": n} for v, n in session.execute(by_year)],
    }


# -- the CLI's document table ---------------------------------------------------


def document_table(session: Session, limit: int | None = None) -> list[DocumentRow]:
    """Every document in stored order (the CLI's `docs`)."""
    query = select(Document).order_by(Document.id)
    if limit is not None:
        query = query.limit(limit)
    return [document_record(d) for d in session.scalars(query)]


def document_record(d: Document) -> DocumentRow:
    return DocumentRow(
        id=d.id,
        name=d.name,
        source=d.source,
        title=d.title,
        outlet=d.outlet,
        published=published_text(d.published, d.published_precision),
        script=d.script,
        duplicate_of_id=d.duplicate_of_id,
        duplicate_kind=d.duplicate_kind,
    )


def document_summary(session: Session, ref: str | int) -> DocumentView:
    """One document by id, file name or source."""
    d = find_document(session, ref)
    counts = {
        model: session.scalar(select(func.count()).select_from(model).where(model.document_id == d.id))
        for model in (Mention, Indicator, Relation)
    }
    original = session.get(Document, d.duplicate_of_id) if d.duplicate_of_id else None
    row = document_record(d)
    return DocumentView(
        **vars(row),
        format=d.format,
        encoding=d.encoding,
        url=d.url,
        content_hash=d.content_hash,
        body=d.body,
        duplicate_of_title=(original.title or original.name) if original else None,
        mentions=counts[Mention],
        indicators=counts[Indicator],
        relations=counts[Relation],
    )


def find_document(session: Session, ref: str | int) -> Document:
    text = str(ref).strip()
    if text.isascii() and text.isdigit() and (d := session.get(Document, int(text))) is not None:
        return d
    query = select(Document).where(or_(Document.name == text, Document.source == text)).order_by(Document.id)
    d = session.scalars(query).first()
    if d is None:
        raise NotFoundError(
            "document", text, f"no document {text!r} in the knowledge base (list them with: innoatlas docs)"
        )
    return d


# -- texts analysis reads -------------------------------------------------------------


def texts_naming(session: Session, terms: list[str]) -> list[DocumentText]:
    """Originals (not reposts) whose normalised text contains one of `terms`, with norm and body."""
    stmt = (
        select(*DOCUMENT_INFO_COLUMNS, Document.norm, Document.body)
        .where(
            Document.duplicate_of_id.is_(None),
            or_(*[Document.norm.contains(t, autoescape=True) for t in terms]),
        )
        .order_by(Document.id)
    )
    return [DocumentText(*row) for row in session.execute(stmt)]


def original_norms(session: Session, ids) -> Iterator[DocumentText]:
    """The originals among `ids` with their normalised text (no body), streamed a few at a time.

    One document's text at a time: memory stays that of the longest
    document, not of the whole base.
    """
    rows = session.execute(
        select(*DOCUMENT_INFO_COLUMNS, Document.norm)
        .where(one_of(session, Document.id, ids), Document.duplicate_of_id.is_(None))
        .execution_options(yield_per=TEXTS_PER_FETCH)
    )
    for row in rows:
        yield DocumentText(*row)
