"""Static files, the favicon and the API docs, all served from the installed package.

Nothing here loads from the internet: the API docs use the Swagger UI and
ReDoc files that the fastapi-offline package ships, so /docs works on an
intranet machine with no internet access.

Static files are gzipped for browsers that accept it (echarts is 1.1 MB,
about 360 kB gzipped). Third-party bundles (vendor/, the API docs files)
change only with a new release of the package, so browsers keep them for
30 days; our own scripts and styles change with every edit, so browsers
revalidate them (a cheap 304 with the ETag StaticFiles sends).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import Scope

from innoatlas.web.deps import WEB_DIR
from innoatlas.web.security import REDOC_POLICY

DOCS_FILES = Path(fastapi_offline.__file__).parent / "static"
LONG_CACHE = "public, max-age=2592000"  # 30 days: vendor files change only with a release
REVALIDATE = "no-cache"
FAVICON = WEB_DIR / "static" / "favicon.svg"
# Swagger UI started by a file of ours (static/docs.js), not by FastAPI's inline script:
# the Content-Security-Policy runs no inline script.
SWAGGER_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<link rel="stylesheet" href="/static-docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{openapi}"></div>
<script src="/static-docs/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body>
</html>
"""


class CachedStatic(StaticFiles):
    """StaticFiles with a Cache-Control header: long for `long_prefixes`, revalidate for the rest."""

    def __init__(self, *, directory: Path, long_prefixes: tuple[str, ...] = ("",)) -> None:
        super().__init__(directory=directory)
        self.long_prefixes = long_prefixes

    async def get_response(self, path: str, scope: Scope):
        response = await super().get_response(path, scope)
        long = any(path.startswith(prefix) for prefix in self.long_prefixes)
        response.headers["Cache-Control"] = LONG_CACHE if long else REVALIDATE
        return response


def add_assets(app: FastAPI) -> None:
    """Mount /static and /static-docs (gzipped, cached), and add /favicon.ico, /docs and /redoc."""
    static = CachedStatic(directory=WEB_DIR / "static", long_prefixes=("vendor/",))
    app.mount("/static", GZipMiddleware(static, minimum_size=1024), name="static")
    docs = CachedStatic(directory=DOCS_FILES)
    app.mount("/static-docs", GZipMiddleware(docs, minimum_size=1024), name="static-docs")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": LONG_CACHE})

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        return HTMLResponse(
            SWAGGER_PAGE.format(title=escape(f"{app.title} API"), openapi=escape(app.openapi_url))
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        page = get_redoc_html(
            openapi_url=app.openapi_url,
            title=f"{app.title} API",
            redoc_js_url="/static-docs/redoc.standalone.js",
            redoc_favicon_url="/favicon.ico",
            with_google_fonts=False,
        )
        page.headers["Content-Security-Policy"] = REDOC_POLICY
        return page
