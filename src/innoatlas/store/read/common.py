"""What every read module shares: pages of lists, row references, newest-first order, cached aggregates.

Lists are pages in the one list shape of the API: {"items", "total",
"total_exact", "limit", "offset"} (paginate, paginate_ids), or, for a
list built whole (a tree's roots, conflicts, metrics, search hits),
list_page's {"items", "total", "limit", "offset", ...}.
Entities reach the rest of the code as EntityRecord (a frozen dataclass),
or as a reference {"id", "name", "type"}; documents as a reference
{"id", "title", "outlet", "published"}: never as ORM rows.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Integer, Select, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from innoatlas.documents.model import PublishedDate
from innoatlas.store.schema import Document, Entity, Indicator, Mention, Relation, ReviewAction
from innoatlas.store.window import WINDOW_KEY

DEFAULT_LIMIT = 50
# Large enough for a full table on one page, small enough that one request
# stays well under the 100 ms latency target on 10,000 documents.
MAX_LIMIT = 500
# A profile shows the most recent facts; the full lists are paginated endpoints.
# 50 relation quotes of a paragraph each are already ~100 kB of JSON.
PROFILE_LIST_LIMIT = 50
# Totals are exact up to this many rows, "at least" beyond (count_capped):
# counting 1,000 index entries takes a few ms on a slow laptop.
COUNT_CAP = 1000
# Values shown per facet: enough for the regions and outlets of a city's
# corpus; the rest stays one click away through the filters.
FACET_SIZE = 12
# Rows fetched per round trip where a whole table is streamed (every mention,
# every relation): memory stays that of a batch, not of the table.
STREAM_ROWS = 1000


@dataclass(frozen=True)
class EntityRecord:
    """An entity as the read side hands it out: its columns, no session attached."""

    id: int
    key: str
    name: str
    type: str
    code: str | None = None
    parent_id: int | None = None
    region_id: int | None = None
    review_status: str | None = None


@dataclass(frozen=True)
class DocumentInfo:
    """A document as analysis cites it: no text."""

    id: int
    name: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None


@dataclass(frozen=True)
class DocumentText(DocumentInfo):
    """A document with the texts a reader of sentences needs (norm; body where quotes are cut from it)."""

    norm: str = ""
    body: str | None = None


DOCUMENT_INFO_COLUMNS = (Document.id, Document.name, Document.title, Document.outlet, Document.published)

ENTITY_COLUMNS = (
    Entity.id,
    Entity.key,
    Entity.name,
    Entity.type,
    Entity.code,
    Entity.parent_id,
    Entity.region_id,
    Entity.review_status,
)


def entity_records(session: Session, stmt: Select) -> list[EntityRecord]:
    """The entities `stmt` selects (a select of ENTITY_COLUMNS), as records in its order."""
    return [EntityRecord(*row) for row in session.execute(stmt)]


def list_page(
    items: list, total: int | None = None, limit: int | None = None, offset: int = 0, **more
) -> dict:
    """`items` as one page of a list of `total` rows (default: the whole list is this one page)."""
    return {
        "items": items,
        "total": len(items) if total is None else total,
        "limit": len(items) if limit is None else limit,
        "offset": offset,
        **more,
    }


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


def published_between(since: date | None, until: date | None) -> Select:
    """Ids of the documents published from `since` to `until` (inclusive; None: open)."""
    ids = select(Document.id)
    if since is not None:
        ids = ids.where(Document.published >= since)
    if until is not None:
        ids = ids.where(Document.published <= until)
    return ids


def published_text(value: date | None, precision: str) -> str | None:
    return PublishedDate(value, precision).as_text()


def facet_counts(session: Session, stmt: Select) -> list[dict]:
    return [{"value": value, "count": count} for value, count in session.execute(stmt)]


def one_of(session: Session, column, ids, name: str = "ids"):
    """The condition "`column` is one of `ids`", for any number of ids.

    PostgreSQL gets them as one array parameter: it refuses a statement of
    more than 65,535 bound values (the network's documents on 100,000
    documents), and thousands of them cost more to send and plan.
    """
    ids = sorted(set(ids))
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(name, ids, type_=ARRAY(Integer)))
    return column.in_(ids)


def chunks(items: list, size: int = 500):
    """`items` in slices of `size`: an IN list of bound parameters stays short on every database."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


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


def load_document_refs(session: Session, ids) -> dict[int, dict]:
    columns = (Document.id, Document.title, Document.name, Document.outlet, Document.published)
    ids = list(set(ids))
    if not ids:
        return {}
    return {r.id: document_ref(r) for r in session.execute(select(*columns).where(Document.id.in_(ids)))}


def count_rows(session: Session, model) -> int:
    # count(*), not count(id): SQLite then counts the smallest index, not the table's pages.
    return session.scalar(select(func.count()).select_from(model)) or 0


# -- cached whole-base aggregates -------------------------------------------


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
