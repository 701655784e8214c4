"""The FastAPI application: JSON API under /api, server-rendered pages, one error shape.

`create_app(store_or_url)` takes an open Store (store/database.py) or a
database URL. Every route opens one short read session; the pages and the
JSON API call the same functions of the store's read side (store/read/).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from innoatlas import __version__
from innoatlas.auth.throttle import LoginThrottle
from innoatlas.errors import NotFoundError
from innoatlas.web.assets import add_assets
from innoatlas.web.deps import render_error
from innoatlas.web.security import BodyLimit, SecurityHeaders

log = logging.getLogger(__name__)

ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
}


def error_body(status: int, message: str, detail: list | None = None) -> dict:
    """The one JSON shape of every API error (404, 422, 500, ...)."""
    return {
        "error": {
            "status": status,
            "code": ERROR_CODES.get(status, "error"),
            "message": message,
            "detail": detail or [],
        }
    }


def create_app(store_or_url) -> FastAPI:
    """The web UI and JSON API over a Store or a database URL."""
    from innoatlas.store.search_index import ensure_search_index
    from innoatlas.web import analysis_api, analysis_pages, api, pages, review_api, review_pages

    store = _open(store_or_url)
    with store.session() as session:
        ensure_search_index(session)
    app = FastAPI(
        title="innoatlas",
        version=__version__,
        description="A sourced knowledge base of regional S&T innovation: every figure links to its source.",
        docs_url=None,  # served from the package by web/assets.py, not from a CDN
        redoc_url=None,
    )
    app.state.store = store
    app.state.login_throttle = LoginThrottle()
    add_assets(app)
    app.include_router(api.router)
    app.include_router(review_api.router)
    app.include_router(review_pages.router)
    app.include_router(analysis_api.router)
    app.include_router(analysis_pages.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)  # outermost: on every answer, errors included
    return app


def _open(store_or_url):
    if hasattr(store_or_url, "session") and hasattr(store_or_url, "engine"):
        return store_or_url
    from innoatlas.store.database import open_store

    return open_store(store_or_url)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError):
        return respond_error(request, 404, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return respond_error(request, exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        detail = [
            {"loc": [str(p) for p in e.get("loc", ())], "message": e.get("msg", "")} for e in exc.errors()
        ]
        return respond_error(request, 422, "invalid request parameters", detail)

    @app.exception_handler(OverflowError)
    @app.exception_handler(DataError)
    async def out_of_range(request: Request, exc: Exception):
        # A number past the database's 64-bit integers (?industry=9223372036854775808):
        # SQLite's driver raises OverflowError, PostgreSQL a DataError.
        return respond_error(request, 422, "a number in the request is out of range")

    @app.exception_handler(UnicodeEncodeError)
    async def not_text(request: Request, exc: UnicodeEncodeError):
        # A JSON escape like \ud800 without its pair decodes to a lone surrogate,
        # which neither the database nor a hash can take: the request is wrong.
        if exc.reason == "surrogates not allowed":
            found = exc.object[exc.start : exc.end]
            return respond_error(
                request, 400, f"the request holds a lone surrogate ({found!r}), which is not text"
            )
        return await crashed(request, exc)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)
        return respond_error(request, 500, "internal server error")


def respond_error(request: Request, status: int, message: str, detail: list | None = None, headers=None):
    body = error_body(status, message, detail)
    if request.url.path.startswith("/api"):
        return JSONResponse(body, status_code=status, headers=headers)
    return HTMLResponse(render_error(request, body["error"]), status_code=status, headers=headers)
