"""Server-rendered pages (Jinja2, autoescaped). Each page renders what a JSON route returns.

Document text is never marked safe: the templates escape every piece
(the seeds contain stray markup), and the highlight markup is built from
escaped pieces only.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from innoatlas.store.read import search as search_module
from innoatlas.store.read.common import cached_aggregate
from innoatlas.store.read.documents import get_document
from innoatlas.store.read.entities import entity_id_of
from innoatlas.store.read.indicators import get_indicator, list_metrics, list_subjects
from innoatlas.store.read.overview import summarize_store
from innoatlas.store.read.profile import coverage_over_time, entity_events
from innoatlas.store.read.relations import get_graph
from innoatlas.store.search_index import MAX_QUERY_CHARS
from innoatlas.web import browse, profile
from innoatlas.web.api import flagged_profile, flagged_series, region_list
from innoatlas.web.deps import get_session, render, render_text
from innoatlas.web.highlight import cut_pieces, cut_sentences
from innoatlas.web.i18n import pick_language

router = APIRouter(include_in_schema=False)
DB = Annotated[Session, Depends(get_session)]
Offset = Annotated[int, Query(ge=0)]
NameOrId = Annotated[str | None, Query(max_length=200)]
PAGE_SIZE = 20


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: DB):
    return render(request, "home.html", data=summarize_store(session), api="/api/summary")


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    session: DB,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
    type: str | None = None,
    region: NameOrId = None,
    year: int | None = None,
    offset: Offset = 0,
):
    data = search_module.search(
        session, q, type=type, region=entity_id_of(session, region), year=year, limit=PAGE_SIZE, offset=offset
    )
    filters = {"q": q, "type": type, "region": region, "year": year}
    coverage = search_module.coverage(session, q)
    return render(
        request,
        "search.html",
        data=data,
        filters=filters,
        coverage=coverage,
        bars=profile.coverage_bars(coverage["months"]),
        api="/api/search?" + urlencode({k: v for k, v in filters.items() if v is not None}),
    )


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    session: DB,
    type: str | None = None,
    region: NameOrId = None,
    industry: NameOrId = None,
    sort: Annotated[str | None, Query(pattern="^-?name$")] = None,
    offset: Offset = 0,
):
    filters = {"type": type, "region": region, "industry": industry, "sort": sort}
    data = browse.entities_view(session, limit=PAGE_SIZE, offset=offset, **filters)
    return render(
        request, "entities.html", data=data, filters=filters, api=api_link("/api/entities", filters)
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, session: DB, entity_id: int):
    data = flagged_profile(session, entity_id)
    graph = get_graph(session, entity_id, 1)
    coverage = coverage_over_time(session, entity_id)
    return render(
        request,
        "entity.html",
        data=data,
        graph=graph,
        ties=profile.group_ties(entity_id, data["relations"]["items"]),
        trends=profile.trend_lines(data["indicators"]["items"]),
        # the profile's documents are the newest that mention it: the events read those
        events=entity_events(session, entity_id, [d["id"] for d in data["documents"]["items"]]),
        coverage=coverage,
        bars=profile.coverage_bars(coverage["months"]),
        api=f"/api/entities/{entity_id}",
    )


@router.get("/indicators", response_class=HTMLResponse)
def explorer_page(request: Request, session: DB, subject: int | None = None, metric_key: str | None = None):
    subjects = list_subjects(session)
    if subject is None and subjects:
        subject = subjects[0]["id"]
    metrics = list_metrics(session, subject) if subject is not None else []
    if metric_key is None and metrics:
        metric_key = metrics[0]["metric_key"]
    series = flagged_series(session, subject, metric_key) if subject is not None and metric_key else None
    api = (
        "/api/series?" + urlencode({"subject": subject, "metric_key": metric_key})
        if series
        else "/api/indicators"
    )
    return render(
        request,
        "explorer.html",
        subjects=subjects,
        metrics=metrics,
        subject=subject,
        metric_key=metric_key,
        metric_title=metric_title(metric_key, pick_language(request.query_params.get("lang"))),
        series=series,
        api=api,
    )


def metric_title(metric_key: str | None, lang: str) -> str:
    """A series heading: the metric's label in the page's language, then its key."""
    from innoatlas.analysis.metrics import metric_label

    label = metric_label(metric_key, lang)
    return f"{label} ({metric_key})" if label != metric_key else (metric_key or "")


@router.get("/indicators/{indicator_id}", response_class=HTMLResponse)
def indicator_page(request: Request, session: DB, indicator_id: int):
    data = get_indicator(session, indicator_id)
    return render(request, "indicator.html", data=data, api=f"/api/indicators/{indicator_id}")


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    session: DB,
    outlet: str | None = None,
    year: int | None = None,
    entity: NameOrId = None,
    since: date | None = None,
    until: date | None = None,
    offset: Offset = 0,
):
    filters = {"outlet": outlet, "year": year, "entity": entity, "since": since, "until": until}
    data = browse.documents_view(session, limit=PAGE_SIZE, offset=offset, **filters)
    return render(
        request, "documents.html", data=data, filters=filters, api=api_link("/api/documents", filters)
    )


@router.get("/relations", response_class=HTMLResponse)
def relations_page(
    request: Request,
    session: DB,
    predicate: str | None = None,
    subject: NameOrId = None,
    object: NameOrId = None,
    entity: NameOrId = None,
    offset: Offset = 0,
):
    filters = {"predicate": predicate, "subject": subject, "object": object, "entity": entity}
    data = browse.relations_view(session, limit=PAGE_SIZE, offset=offset, **filters)
    return render(
        request, "relations.html", data=data, filters=filters, api=api_link("/api/relations", filters)
    )


def api_link(path: str, filters: dict) -> str:
    query = {k: v for k, v in filters.items() if v not in (None, "")}
    return path + ("?" + urlencode(query) if query else "")


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, session: DB, document_id: int):
    data = get_document(session, document_id)
    return render(
        request,
        "document.html",
        data=data,
        sentences=cut_sentences(cut_pieces(data)),
        api=f"/api/documents/{document_id}",
    )


@router.get("/regions", response_class=HTMLResponse)
def regions_page(request: Request, session: DB):
    # The whole tree (8,000 nodes for 3,220 divisions and their zones) takes 0.4 s to render: the
    # page is kept per data version for each query string (language, date window), as its data is.
    html = cached_aggregate(
        session,
        "regions.html?" + request.url.query,
        lambda s: render_text(request, "regions.html", data=region_list(s), api="/api/regions"),
    )
    return HTMLResponse(html)
