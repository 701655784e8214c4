"""The JSON API (/api/...): each route parses its parameters and calls one query function.

The query functions return JSON-ready data, so routes answer with
DataResponse, which serialises it once with json.dumps: FastAPI's default
path (jsonable_encoder walking every value) took longer than the queries
on a 500-point series.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session

from innoatlas.store.read import search as search_module
from innoatlas.store.read.common import DEFAULT_LIMIT, MAX_LIMIT, cached_aggregate, list_page
from innoatlas.store.read.documents import get_document
from innoatlas.store.read.entities import entity_id_of, get_entity, required_entity_id
from innoatlas.store.read.indicators import SERIES_LIMIT, get_indicator, get_series, list_metrics
from innoatlas.store.read.overview import summarize_store
from innoatlas.store.read.profile import coverage_over_time
from innoatlas.store.read.regions import get_region_tree
from innoatlas.store.read.relations import MAX_GRAPH_DEPTH, get_graph
from innoatlas.store.search_index import MAX_QUERY_CHARS
from innoatlas.web import browse
from innoatlas.web.deps import get_session


class DataResponse(JSONResponse):
    """JSON of plain data (dicts, lists, str, numbers; dates as ISO strings), UTF-8, not ASCII-escaped."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=_plain).encode("utf-8")


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON data")


def _data(content: dict) -> DataResponse:
    return DataResponse(content)


def _listing(
    kind: str,
    view: Callable[..., dict],
    session: Session,
    format: str,
    limit: int,
    offset: int,
    filters: dict,
) -> Response:
    """A filtered list: one page as JSON, or every row as CSV."""
    if format == "csv":
        return browse.csv_response(kind, browse.all_rows(view, session, **filters))
    return _data(view(session, limit=limit, offset=offset, **filters))


router = APIRouter(prefix="/api", tags=["api"], default_response_class=DataResponse)

DB = Annotated[Session, Depends(get_session)]
Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
NameOrId = Annotated[str | None, Query(max_length=200, description="an entity's name (or alias), or its id")]
Since = Annotated[date | None, Query(description="documents published on or after (YYYY-MM-DD)")]
Until = Annotated[date | None, Query(description="documents published on or before (YYYY-MM-DD)")]
Format = Annotated[Literal["json", "csv"], Query(description="json (a page) or csv (every row)")]


@router.get("/summary", summary="Counts by type, latest documents, top zones and industries")
def summary(session: DB) -> DataResponse:
    return _data(summarize_store(session))


@router.get("/search", summary="Full-text search over documents, entity names and aliases, with facets")
def search(
    session: DB,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
    type: str | None = None,
    region: NameOrId = None,
    year: int | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> DataResponse:
    return _data(
        search_module.search(
            session, q, type=type, region=entity_id_of(session, region), year=year, limit=limit, offset=offset
        )
    )


@router.get(
    "/search/coverage",
    summary="A search's matches over time: documents and mentions per month, documents per outlet",
)
def search_coverage(session: DB, q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "") -> DataResponse:
    return _data(search_module.coverage(session, q))


@router.get(
    "/entities", summary="Entities, filtered by type, region and industry (names or ids), with facets"
)
def entities(
    session: DB,
    type: str | None = None,
    region: NameOrId = None,
    industry: NameOrId = None,
    sort: Annotated[str | None, Query(pattern="^-?name$", description="name or -name")] = None,
    format: Format = "json",
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Response:
    filters = {"type": type, "region": region, "industry": industry, "sort": sort}
    return _listing("entities", browse.entities_view, session, format, limit, offset, filters)


@router.get("/entities/{ref}", summary="One entity's profile, by id or by name (or alias)")
def entity(session: DB, ref: Annotated[str, Path(max_length=200)]) -> DataResponse:
    return _data(flagged_profile(session, entity_id_of(session, ref)))


def flagged_profile(session: Session, entity_id: int) -> dict:
    """The profile with its indicators' `conflict` flags, by the analysis stage's one definition."""
    from innoatlas.analysis.conflicts import flag_rows

    profile = get_entity(session, entity_id)
    flag_rows(session, profile["indicators"]["items"], [entity_id])
    return profile


def flagged_series(session: Session, subject: int, metric_key: str, **options) -> dict:
    """A series with its points' `conflict` flags, by the analysis stage's one definition."""
    from innoatlas.analysis.conflicts import flag_rows

    series = get_series(session, subject, metric_key, **options)
    flag_rows(session, series["items"], [subject])
    return series


@router.get(
    "/indicators", summary="Indicators, filtered by subject (name or id), metric key, period and document"
)
def indicators(
    session: DB,
    subject: NameOrId = None,
    metric_key: str | None = None,
    period: str | None = None,
    document: int | None = None,
    since: Since = None,
    until: Until = None,
    format: Format = "json",
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Response:
    filters = {
        "subject": subject,
        "metric_key": metric_key,
        "period": period,
        "document": document,
        "since": since,
        "until": until,
    }
    return _listing("indicators", browse.indicators_view, session, format, limit, offset, filters)


@router.get("/indicators/{indicator_id}", summary="One indicator with its quote and document")
def indicator(session: DB, indicator_id: int) -> DataResponse:
    return _data(get_indicator(session, indicator_id))


@router.get("/series", summary="Values of one subject and metric over periods, across sources")
def series(
    session: DB,
    subject: Annotated[str, Query(max_length=200, description="an entity's name (or alias), or its id")],
    metric_key: str,
    include_duplicates: bool = False,
    limit: Limit = SERIES_LIMIT,
    offset: Offset = 0,
) -> DataResponse:
    subject_id = entity_id_of(session, subject)
    return _data(
        flagged_series(
            session, subject_id, metric_key, include_duplicates=include_duplicates, limit=limit, offset=offset
        )
    )


@router.get("/metrics", summary="Metrics that have indicators (optionally of one subject)")
def metrics(session: DB, subject: int | None = None) -> DataResponse:
    return _data(list_page(list_metrics(session, subject), total_exact=True))


@router.get("/documents", summary="Documents, newest first, filtered by outlet, year and entity, with facets")
def documents(
    session: DB,
    outlet: str | None = None,
    year: int | None = None,
    entity: NameOrId = None,
    duplicates: bool = True,
    since: Since = None,
    until: Until = None,
    format: Format = "json",
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Response:
    filters = {
        "outlet": outlet,
        "year": year,
        "entity": entity,
        "duplicates": duplicates,
        "since": since,
        "until": until,
    }
    return _listing("documents", browse.documents_view, session, format, limit, offset, filters)


@router.get(
    "/coverage",
    summary="How the documents covered an entity over time: documents and mentions per month, per outlet",
)
def coverage(
    session: DB,
    entity: Annotated[str, Query(max_length=200, description="an entity's name (or alias), or its id")],
    since: Since = None,
    until: Until = None,
) -> DataResponse:
    entity_id = required_entity_id(session, entity)
    return _data({"entity": entity_id, **coverage_over_time(session, entity_id, since, until)})


@router.get(
    "/relations",
    summary="Relations, filtered by predicate, subject, object or either end (names or ids) and document",
)
def relations(
    session: DB,
    predicate: str | None = None,
    subject: NameOrId = None,
    object: NameOrId = None,
    entity: NameOrId = None,
    document: int | None = None,
    since: Since = None,
    until: Until = None,
    format: Format = "json",
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Response:
    filters = {
        "predicate": predicate,
        "subject": subject,
        "object": object,
        "entity": entity,
        "document": document,
        "since": since,
        "until": until,
    }
    return _listing("relations", browse.relations_view, session, format, limit, offset, filters)


@router.get("/documents/{document_id}", summary="One document with its extractions and their spans")
def document(session: DB, document_id: int) -> DataResponse:
    return _data(get_document(session, document_id))


@router.get(
    "/graph/{ref}",
    summary="An entity's neighbourhood (entity by id or name) to depth N, with relation types and evidence",
)
def graph(
    session: DB,
    ref: Annotated[str, Path(max_length=200)],
    depth: Annotated[int, Query(ge=1, le=MAX_GRAPH_DEPTH)] = 1,
) -> DataResponse:
    return _data(get_graph(session, entity_id_of(session, ref), depth))


@router.get(
    "/regions",
    summary="Economic regions -> divisions -> zones -> sub-areas, with counts, members and layouts",
)
def regions(session: DB) -> Response:
    # The whole tree is one answer (1.3 MB for 3,220 divisions and 5,000
    # zones): it is kept encoded, per data version, as the tree itself is.
    body = cached_aggregate(session, "regions.json", lambda s: DataResponse(region_list(s)).body)
    return Response(body, media_type="application/json")


def region_list(session: Session) -> dict:
    """The tree's roots as a list (`entities`: the nodes of the whole tree)."""
    tree = get_region_tree(session)
    return list_page(tree["roots"], entities=tree["total"])
