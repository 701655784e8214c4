"""The JSON API (/api/...): each route parses its parameters and calls one query function."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from innoatlas.store import queries
from innoatlas.web import search as search_module
from innoatlas.web.app import get_session

router = APIRouter(prefix="/api", tags=["api"])

DB = Annotated[Session, Depends(get_session)]
Limit = Annotated[int, Query(ge=0, le=queries.MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]


@router.get("/summary", summary="Counts by type, latest documents, top zones and industries")
def summary(session: DB) -> dict:
    return queries.summarize_store(session)


@router.get("/search", summary="Full-text search over documents, entity names and aliases, with facets")
def search(
    session: DB, q: Annotated[str, Query(max_length=search_module.MAX_QUERY_CHARS)] = "",
    type: str | None = None, region: int | None = None, year: int | None = None,
    limit: Limit = queries.DEFAULT_LIMIT, offset: Offset = 0,
) -> dict:
    return search_module.search(session, q, type=type, region=region, year=year, limit=limit, offset=offset)


@router.get("/entities", summary="Entities, filtered by type, region and industry")
def entities(
    session: DB, type: str | None = None, region: int | None = None, industry: int | None = None,
    limit: Limit = queries.DEFAULT_LIMIT, offset: Offset = 0,
) -> dict:
    return queries.list_entities(session, type=type, region=region, industry=industry, limit=limit, offset=offset)


@router.get("/entities/{entity_id}", summary="One entity's profile")
def entity(session: DB, entity_id: int) -> dict:
    return queries.get_entity(session, entity_id)


@router.get("/indicators", summary="Indicators, filtered by subject, metric key, period and document")
def indicators(
    session: DB, subject: int | None = None, metric_key: str | None = None, period: str | None = None,
    document: int | None = None, limit: Limit = queries.DEFAULT_LIMIT, offset: Offset = 0,
) -> dict:
    return queries.list_indicators(session, subject=subject, metric_key=metric_key, period=period,
                                   document=document, limit=limit, offset=offset)


@router.get("/indicators/{indicator_id}", summary="One indicator with its quote and document")
def indicator(session: DB, indicator_id: int) -> dict:
    return queries.get_indicator(session, indicator_id)


@router.get("/series", summary="Values of one subject and metric over periods, across sources")
def series(
    session: DB, subject: int, metric_key: str, include_duplicates: bool = False,
    limit: Limit = queries.MAX_LIMIT, offset: Offset = 0,
) -> dict:
    return queries.get_series(session, subject, metric_key, include_duplicates=include_duplicates,
                              limit=limit, offset=offset)


@router.get("/metrics", summary="Metrics that have indicators (optionally of one subject)")
def metrics(session: DB, subject: int | None = None) -> dict:
    items = queries.list_metrics(session, subject)
    return {"items": items, "total": len(items), "limit": queries.MAX_LIMIT, "offset": 0}


@router.get("/documents", summary="Documents, newest first")
def documents(
    session: DB, outlet: str | None = None, year: int | None = None, entity: int | None = None,
    duplicates: bool = True, limit: Limit = queries.DEFAULT_LIMIT, offset: Offset = 0,
) -> dict:
    return queries.list_documents(session, outlet=outlet, year=year, entity=entity, duplicates=duplicates,
                                  limit=limit, offset=offset)


@router.get("/documents/{document_id}", summary="One document with its extractions and their spans")
def document(session: DB, document_id: int) -> dict:
    return queries.get_document(session, document_id)


@router.get("/graph/{entity_id}", summary="An entity's neighbourhood to depth N, with relation types and evidence")
def graph(session: DB, entity_id: int, depth: Annotated[int, Query(ge=1, le=queries.MAX_GRAPH_DEPTH)] = 1) -> dict:
    return queries.get_graph(session, entity_id, depth)


@router.get("/regions", summary="Regions -> zones -> sub-zones, with counts")
def regions(session: DB) -> dict:
    return queries.get_region_tree(session)
