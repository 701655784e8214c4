"""Serve the web UI and JSON API with uvicorn (what `innoatlas serve` calls)."""

from __future__ import annotations

import errno
import gc
import logging
import socket
from collections.abc import Callable

from innoatlas.errors import InnoatlasError

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


class ServeError(InnoatlasError):
    """The server cannot listen where it was asked to (port in use, no such address)."""


def serve(
    url: str | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    allow_insecure: bool = False,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the knowledge base at `url` (None: $INNOATLAS_DB or ./innoatlas.db) until interrupted.

    Everything that can refuse runs before anything is announced: a
    non-loopback `host` is refused (InsecureBindError) while no editor can
    authenticate, unless `allow_insecure` says the caller means it, and the
    socket is bound here (ServeError when the port is taken), so uvicorn
    never starts on a port it cannot have. `on_ready(store_url)` is called
    once the socket listens.
    """
    import uvicorn

    from innoatlas.auth import check_bind
    from innoatlas.store.database import open_store
    from innoatlas.web.app import create_app

    store = open_store(url)
    try:
        check_bind(host, store, allow_insecure)
        listener = bind_socket(host, port)
    except BaseException:
        store.close()
        raise
    log.info("serving %s on http://%s:%d/", store.url, host, port)
    try:
        app = create_app(store)
        settle_memory()
        if on_ready is not None:
            on_ready(store.url)
        server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="info"))
        server.run(sockets=[listener])
    finally:
        listener.close()
        store.close()


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or a ServeError that says why not in one line."""
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as e:
        raise ServeError(f"cannot serve on {host}: unknown address ({e.strerror})") from None
    family, kind, proto, _name, address = infos[0]
    listener = socket.socket(family, kind, proto)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
        listener.listen(2048)
    except OSError as e:
        listener.close()
        if e.errno == errno.EADDRINUSE:
            raise ServeError(
                f"cannot serve on {host}:{port}: the port is in use (stop the other server or pick --port)"
            ) from None
        raise ServeError(f"cannot serve on {host}:{port}: {e.strerror or e}") from None
    listener.set_inheritable(True)
    return listener


def settle_memory() -> None:
    """Take what is alive once the app is built (modules, vocabularies) out of the garbage collector's walks.

    A full collection otherwise visits every one of those objects: measured
    at ~100 ms, landing in the middle of a request every few dozen requests.
    """
    gc.collect()
    gc.freeze()
