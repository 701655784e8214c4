"""Serve the web UI and JSON API with uvicorn (what `innoatlas serve` calls)."""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve(
    url: str | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    allow_insecure: bool = False,
) -> None:
    """Serve the knowledge base at `url` (None: $INNOATLAS_DB or ./innoatlas.db) until interrupted.

    A non-loopback `host` is refused (InsecureBindError) while no editor can
    authenticate, unless `allow_insecure` says the caller means it.
    """
    import uvicorn

    from innoatlas.auth import check_bind
    from innoatlas.store.database import open_store
    from innoatlas.web.app import create_app

    store = open_store(url)
    try:
        check_bind(host, store, allow_insecure)
    except BaseException:
        store.close()
        raise
    log.info("serving %s on http://%s:%d/", store.url, host, port)
    try:
        app = create_app(store)
        settle_memory()
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        store.close()


def settle_memory() -> None:
    """Take what is alive once the app is built (modules, vocabularies) out of the garbage collector's walks.

    A full collection otherwise visits every one of those objects: measured
    at ~100 ms, landing in the middle of a request every few dozen requests.
    """
    gc.collect()
    gc.freeze()
