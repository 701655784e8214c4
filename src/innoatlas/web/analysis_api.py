"""The JSON API of the analysis stage (/api/analysis/...): each route calls one analysis function.

The web pages of analysis_pages.py render what these routes return.
"""

from __future__ import annotations

import logging
import tempfile
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from innoatlas.analysis import AnalysisError
from innoatlas.analysis.index import IndexOptions
from innoatlas.store.read.common import DEFAULT_LIMIT, MAX_LIMIT, data_fingerprint, list_page
from innoatlas.store.window import set_window, window_of
from innoatlas.web.deps import get_session

router = APIRouter(prefix="/api/analysis", tags=["analysis"])
DB = Annotated[Session, Depends(get_session)]
Names = Annotated[list[str], Query(description="region or zone names (repeat the parameter)")]
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "graphml": "application/xml",
    "parquet": "application/vnd.apache.parquet",
}


def answer(compute, *args, **kwargs):
    """Call an analysis; its errors become 404 (nothing by that name) or 400 (a bad choice)."""
    try:
        if compute.__name__ in CACHED and args and isinstance(args[0], Session):
            return cached(compute, *args, **kwargs)
        return compute(*args, **kwargs)
    except AnalysisError as e:
        raise HTTPException(404 if str(e).startswith("no ") else 400, str(e)) from None


# Public reads that walk every relation or indicator (the network took 3.3 s
# and the conflicts 2.6 s on 2,181 documents): their answers are kept per
# database and arguments, at most MAX_RESULTS of them (least recent out
# first). An answer is fresh while the data is unchanged (and for
# RESULT_TTL_S at most: a review edit adds no row). Once the data has
# changed, the kept answer is still given for up to RESULT_TTL_S while one
# thread computes the new one (stale while revalidating): an ingest commits
# document after document, and readers must not all wait for the analysis.
CACHED = {
    "build_timeline",
    "find_all_conflicts",
    "conflicts_page",
    "build_chain_map",
    "four_chain_profile",
    "analyse_network",
    "encoded_network",
    "compare_units",
    "compute_index",
}
RESULT_TTL_S = 30.0
MAX_RESULTS = 64
_results: OrderedDict[tuple, tuple[float, tuple, object]] = OrderedDict()
_computing: set[tuple] = set()
_results_lock = threading.Lock()


def cached(compute, session: Session, *args, **kwargs):
    """The analysis's answer, reused as described above (callers must not change it)."""
    key = (
        compute.__module__,
        compute.__name__,
        repr(args),
        repr(sorted(kwargs.items())),
        str(session.get_bind().url),
        window_of(session),
    )
    fingerprint = data_fingerprint(session)
    with _results_lock:
        hit = _results.get(key)
        young = hit is not None and time.monotonic() - hit[0] < RESULT_TTL_S
        if young and hit[1] == fingerprint:
            _results.move_to_end(key)
            return hit[2]
        if young and key not in _computing:
            _computing.add(key)
            threading.Thread(
                target=refresh, args=(key, compute, session.get_bind(), args, kwargs), daemon=True
            ).start()
        if young:
            return hit[2]
    return remember(key, fingerprint, compute(session, *args, **kwargs))


def refresh(key: tuple, compute, engine, args, kwargs) -> None:
    try:
        with Session(engine) as session:
            set_window(session, *(key[-1] or (None, None)))
            remember(key, data_fingerprint(session), compute(session, *args, **kwargs))
    except Exception:  # the next request computes it and reports the error
        logging.getLogger(__name__).exception("refreshing a kept analysis failed")
    finally:
        with _results_lock:
            _computing.discard(key)


def remember(key: tuple, fingerprint: tuple, value):
    with _results_lock:
        _results[key] = (time.monotonic(), fingerprint, value)
        _results.move_to_end(key)
        while len(_results) > MAX_RESULTS:
            _results.popitem(last=False)
    return value


def split_names(names: list[str] | None) -> list[str]:
    """Names from repeated parameters or one comma-separated value."""
    return [n.strip() for value in names or [] for n in value.replace("，", ",").split(",") if n.strip()]


@router.get("/timeline", summary="A subject's indicators as series over periods, with conflicts")
def timeline(session: DB, subject: str, metric_key: str | None = None) -> dict:
    from innoatlas.analysis.timeline import build_timeline

    return answer(build_timeline, session, subject, metric_key)


@router.get("/conflicts", summary="Every conflict: one subject, measure and period, values that disagree")
def conflicts(
    session: DB,
    subject: str | None = None,
    limit: Annotated[int, Query(ge=0, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict:
    from innoatlas.analysis.conflicts import DEFINITION
    from innoatlas.analysis.timeline import conflicts_page

    page = answer(conflicts_page, session, subject or None, limit, offset)
    return list_page(
        page["items"], page["total"], limit, offset, total_exact=page["total_exact"], definition=DEFINITION
    )


ChainPart = Annotated[str | None, Query(description="the list to page: a role, a segment key or unplaced")]
PageLimit = Annotated[int, Query(ge=0, le=MAX_LIMIT)]
PageOffset = Annotated[int, Query(ge=0)]


def chain(
    session: DB,
    industry: str,
    region: str | None = None,
    part: ChainPart = None,
    limit: PageLimit = DEFAULT_LIMIT,
    offset: PageOffset = 0,
) -> dict:
    """Each role's and segment's actors as a page (items, total, limit, offset); `part` is paged from `offset`."""
    from innoatlas.analysis.chain_map import build_chain_map, chain_map_page

    whole = answer(build_chain_map, session, industry, region)
    return answer(chain_map_page, whole, limit, offset, part or None)


@router.get(
    "/chain",
    summary="An industrial chain's actors (in a region) with evidence, and its gaps",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
def chain_json(
    session: DB,
    industry: str,
    region: str | None = None,
    part: ChainPart = None,
    limit: PageLimit = DEFAULT_LIMIT,
    offset: PageOffset = 0,
) -> Response:
    """Each role's and segment's actors as a page (items, total, limit, offset); `part` is paged from `offset`."""
    from innoatlas.web.api import DataResponse

    # Plain JSON of plain data: FastAPI's encoder walked a page's 300 kB of quotes for 60 ms.
    return DataResponse(chain(session, industry, region, part, limit, offset))


@router.get("/four-chains", summary="A zone's four-chain profile (创新链, 产业链, 资金链, 人才链)")
def four_chains(session: DB, zone: str) -> dict:
    from innoatlas.analysis.chains import four_chain_profile

    return answer(four_chain_profile, session, zone)


@router.get(
    "/network",
    summary="Collaboration network: centralities, communities, cross-region links",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
def network_json(
    session: DB,
    region: str | None = None,
    entity: str | None = None,
    co_mentions: bool = True,
    top: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Response:
    # Kept encoded: the 300 best linked nodes of a large base have 4,000 links
    # with their quotes (4.4 MB), and encoding them took 100 ms a call.
    body = answer(encoded_network, session, network_options(region, entity, co_mentions, top))
    return Response(body, media_type="application/json")


def network(session: Session, region=None, entity=None, co_mentions: bool = True, top: int = 20) -> dict:
    """The network as data, for the pages (kept per data version as the route's answer is)."""
    from innoatlas.analysis.network import analyse_network

    return answer(analyse_network, session, network_options(region, entity, co_mentions, top))


def network_options(region, entity, co_mentions: bool, top: int):
    from innoatlas.analysis.network import NetworkOptions

    return NetworkOptions(region=region or None, entity=entity or None, co_mentions=co_mentions, top=top)


def encoded_network(session: Session, options) -> bytes:
    from innoatlas.analysis.network import analyse_network
    from innoatlas.web.api import DataResponse

    return DataResponse(analyse_network(session, options)).body


@router.get("/compare", summary="Latest value of canonical metrics for regions or zones, with sources")
def compare(session: DB, units: Names, metric_key: Annotated[list[str] | None, Query()] = None) -> dict:
    from innoatlas.analysis.compare import compare_units

    return answer(compare_units, session, split_names(units), metric_key or None)


@router.get(
    "/index", summary="Composite innovation index with method, missing data and Monte-Carlo rank ranges"
)
def index(session: DB, options: Annotated[IndexOptions, Query()]) -> dict:
    from innoatlas.analysis.index import compute_index

    return answer(compute_index, session, options)


@router.get(
    "/export/{what}.{fmt}",
    summary="Download an analysis as CSV/JSON, a network as GraphML, indicators as Parquet",
)
def export(
    session: DB,
    what: str,
    fmt: str,
    subject: str | None = None,
    industry: str | None = None,
    region: str | None = None,
    units: Annotated[list[str] | None, Query()] = None,
) -> Response:
    from innoatlas.analysis.export import check_format, export_to

    answer(check_format, what, fmt)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{what}.{fmt}"
        answer(
            export_to,
            session,
            what,
            fmt,
            path,
            subject=subject,
            industry=industry,
            region=region,
            units=split_names(units) or None,
        )
        body = path.read_bytes()
    return Response(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{what}.{fmt}"'},
    )
