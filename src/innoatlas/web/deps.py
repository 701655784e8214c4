"""What every router shares: the read session, the template renderer and the package's paths.

The routers import from here, never from app.py, so that app.py only
assembles them (no import circle between the app and its routers).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from sqlalchemy.orm import Session

from innoatlas import __version__
from innoatlas.extract.model import ENTITY_TYPES, PREDICATES
from innoatlas.web.i18n import localize_error, pick_language, translate

WEB_DIR = Path(__file__).parent

_env = Environment(
    loader=FileSystemLoader(WEB_DIR / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def get_session(request: Request) -> Iterator[Session]:
    """One short read session per request, on the app's store."""
    with request.app.state.store.session() as session:
        yield session


def render(request: Request, template: str, **context) -> HTMLResponse:
    return HTMLResponse(render_text(request, template, **context))


def render_text(request: Request, template: str, **context) -> str:
    lang = pick_language(request.query_params.get("lang"))

    def link(path: str, **params) -> str:
        """A URL that keeps the interface language; None parameters are left out."""
        query = {k: v for k, v in params.items() if v is not None and v != ""}
        if lang != "zh":
            query["lang"] = lang
        return path + ("?" + urlencode(query) if query else "")

    other = "en" if lang == "zh" else "zh"
    switch = {k: v for k, v in request.query_params.items() if k != "lang"}
    if other != "zh":
        switch["lang"] = other
    return _env.get_template(template).render(
        request=request,
        lang=lang,
        t=lambda key: translate(key, lang),
        link=link,
        version=__version__,
        chart_labels=chart_labels(lang),
        type_label=lambda value: translate(f"type.{value}", lang),
        predicate_label=lambda value: translate(f"predicate.{value}", lang),
        switch_url=request.url.path + ("?" + urlencode(switch) if switch else ""),
        **context,
    )


def chart_labels(lang: str) -> dict:
    """What the charts show for entity types and predicates (their legends and tooltips)."""
    return {
        "types": {t: translate(f"type.{t}", lang) for t in ENTITY_TYPES},
        "predicates": {p: translate(f"predicate.{p}", lang) for p in PREDICATES},
    }


def render_error(request: Request, error: dict) -> str:
    lang = pick_language(request.query_params.get("lang"))
    message = localize_error(error["status"], error["message"], lang)
    return render_text(request, "error.html", error=error, error_message=message)
