"""What every router shares: the read session, the template renderer and the package's paths.

The routers import from here, never from app.py, so that app.py only
assembles them (no import circle between the app and its routers).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from sqlalchemy.orm import Session

from innoatlas import __version__
from innoatlas.extract.model import ENTITY_TYPES, PREDICATES
from innoatlas.store.window import set_window
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
    """One short read session per request, on the app's store, in the request's date window.

    `since` and `until` (YYYY-MM-DD) in any page's or endpoint's URL limit
    what the whole request reads to the documents published between them
    (store/window.py), so every list, profile and analysis honours them.
    """
    since, until = date_window(request)
    with request.app.state.store.session() as session:
        set_window(session, since, until)
        yield session


WINDOW_PARAMS = ("since", "until")


def date_window(request: Request) -> tuple[date | None, date | None]:
    """(since, until) of the request's URL; a value that is no date is a 422 naming the parameter."""
    found = []
    for name in WINDOW_PARAMS:
        value = request.query_params.get(name) or None
        try:
            found.append(date.fromisoformat(value) if value else None)
        except ValueError:
            raise HTTPException(422, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None
    return found[0], found[1]


def keep_window(request: Request, url: str) -> str:
    """`url` with the request's since/until added (the JSON and CSV twins of a page in a date window)."""
    window = {k: request.query_params[k] for k in WINDOW_PARAMS if request.query_params.get(k)}
    if not window or any(f"{k}=" in url for k in window):
        return url
    joint = "" if url.endswith(("?", "&")) else "&" if "?" in url else "?"
    return url + joint + urlencode(window)


def render(request: Request, template: str, **context) -> HTMLResponse:
    return HTMLResponse(render_text(request, template, **context))


def render_text(request: Request, template: str, **context) -> str:
    lang = pick_language(request.query_params.get("lang"))

    def link(path: str, **params) -> str:
        """A URL that keeps the interface language and date window; None parameters are left out."""
        query = {k: v for k, v in params.items() if v is not None and v != ""}
        if lang != "zh":
            query["lang"] = lang
        for name in WINDOW_PARAMS:
            if name not in params and request.query_params.get(name):
                query[name] = request.query_params[name]
        return path + ("?" + urlencode(query) if query else "")

    if "api" in context:
        context["api"] = keep_window(request, context["api"])

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
        window=[request.query_params.get(k) or "" for k in WINDOW_PARAMS],
        kept_params=[
            (k, v) for k, v in request.query_params.multi_items() if k not in (*WINDOW_PARAMS, "offset")
        ],
        keep_window=lambda url: keep_window(request, url),
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
