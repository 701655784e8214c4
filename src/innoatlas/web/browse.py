"""The lists as a user browses them: one function per list for the page and its JSON and CSV twins.

Each `*_view` takes the filters as a URL carries them (entities by name or
id, years and outlets as written), returns the list in the one shape of
the API (items, total, limit, offset) with its facets and the filters it
applied, and `csv_response` writes every row of a filtered list (not only
the page) as CSV, the same rows the page lists.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from fastapi.responses import Response
from sqlalchemy.orm import Session

from innoatlas.store.read.common import MAX_LIMIT
from innoatlas.store.read.documents import document_facets, list_documents
from innoatlas.store.read.entities import entity_facets, entity_id_of, list_entities
from innoatlas.store.read.indicators import list_indicators
from innoatlas.store.read.relations import list_relations, relation_facets

# Rows a CSV export holds at most: a district's whole entity list, in a
# few pages of MAX_LIMIT rows.
EXPORT_CAP = 10_000

COLUMNS: dict[str, list[tuple[str, Callable[[dict], object]]]] = {
    "entities": [
        ("id", lambda r: r["id"]),
        ("name", lambda r: r["name"]),
        ("type", lambda r: r["type"]),
        ("review_status", lambda r: r.get("review_status")),
    ],
    "documents": [
        ("id", lambda r: r["id"]),
        ("title", lambda r: r.get("title")),
        ("outlet", lambda r: r.get("outlet")),
        ("published", lambda r: r.get("published")),
        ("source", lambda r: r.get("source")),
        ("duplicate_of", lambda r: r.get("duplicate_of")),
    ],
    "indicators": [
        ("id", lambda r: r["id"]),
        ("subject", lambda r: (r.get("subject") or {}).get("name") or r.get("subject_text")),
        ("metric", lambda r: r["metric"]),
        ("metric_key", lambda r: r.get("metric_key")),
        ("value", lambda r: r["value"]),
        ("unit", lambda r: r["unit"]),
        ("approx", lambda r: r.get("approx")),
        ("period", lambda r: r.get("period")),
        ("quote", lambda r: r.get("quote")),
        ("document", lambda r: (r.get("document") or {}).get("title")),
        ("outlet", lambda r: (r.get("document") or {}).get("outlet")),
    ],
    "relations": [
        ("id", lambda r: r["id"]),
        ("subject", lambda r: r["subject"]["name"]),
        ("predicate", lambda r: r["predicate"]),
        ("object", lambda r: r["object"]["name"]),
        ("quote", lambda r: r.get("quote")),
        ("document", lambda r: (r.get("document") or {}).get("title")),
        ("outlet", lambda r: (r.get("document") or {}).get("outlet")),
    ],
}


def entities_view(session: Session, type=None, region=None, industry=None, sort=None, limit=None, offset=0):
    region_id = entity_id_of(session, region)
    industry_id = entity_id_of(session, industry)
    page = list_entities(
        session,
        type=type or None,
        region=region_id,
        industry=industry_id,
        limit=limit,
        offset=offset,
        sort=sort,
    )
    page["facets"] = entity_facets(session, type or None, region_id, industry_id)
    return page


def documents_view(
    session: Session,
    outlet=None,
    year=None,
    entity=None,
    duplicates=True,
    since=None,
    until=None,
    limit=None,
    offset=0,
):
    page = list_documents(
        session,
        outlet=outlet or None,
        year=year,
        since=since,
        until=until,
        entity=entity_id_of(session, entity),
        duplicates=duplicates,
        limit=limit,
        offset=offset,
    )
    page["facets"] = document_facets(session, outlet or None, year)
    return page


def indicators_view(
    session: Session,
    subject=None,
    metric_key=None,
    period=None,
    document=None,
    since=None,
    until=None,
    limit=None,
    offset=0,
):
    return list_indicators(
        session,
        since=since,
        until=until,
        subject=entity_id_of(session, subject),
        metric_key=metric_key or None,
        period=period or None,
        document=document,
        limit=limit,
        offset=offset,
    )


def relations_view(
    session: Session,
    predicate=None,
    subject=None,
    object=None,
    entity=None,
    document=None,
    since=None,
    until=None,
    limit=None,
    offset=0,
):
    filters = {
        "predicate": predicate or None,
        "subject": entity_id_of(session, subject),
        "object": entity_id_of(session, object),
        "entity": entity_id_of(session, entity),
        "document": document,
        "since": since,
        "until": until,
    }
    page = list_relations(session, limit=limit, offset=offset, **filters)
    page["facets"] = relation_facets(session, **filters)
    return page


def all_rows(view: Callable[..., dict], session: Session, **filters) -> list[dict]:
    """Every row of a filtered list, page by page, up to EXPORT_CAP."""
    rows: list[dict] = []
    while len(rows) < EXPORT_CAP:
        page = view(session, limit=MAX_LIMIT, offset=len(rows), **filters)
        rows += page["items"]
        if not page["items"] or len(rows) >= page["total"]:
            break
    return rows[:EXPORT_CAP]


def csv_response(kind: str, rows: list[dict]) -> Response:
    """The rows as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese)."""
    out = io.StringIO()
    writer = csv.writer(out)
    columns = COLUMNS[kind]
    writer.writerow([name for name, _ in columns])
    for row in rows:
        writer.writerow([_cell(get(row)) for _, get in columns])
    return Response(
        "\ufeff" + out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{kind}.csv"'},
    )


def _cell(value: object) -> object:
    # A cell a spreadsheet would run as a formula (=, +, -, @ first) is written as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return "" if value is None else value
