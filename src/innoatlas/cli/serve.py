"""innoatlas serve: the web UI and JSON API over a knowledge base."""

from __future__ import annotations

from typing import Annotated

import typer

from innoatlas.cli.common import DbOption, library_errors, out
from innoatlas.web.server import DEFAULT_HOST, DEFAULT_PORT

HostOption = Annotated[str, typer.Option("--host", help="Interface to listen on.")]
PortOption = Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port to listen on.")]
InsecureOption = Annotated[
    bool,
    typer.Option(
        "--allow-insecure",
        help="Serve on a non-loopback address even though no editor account can authenticate.",
    ),
]


@library_errors
def serve(
    db: DbOption = None,
    host: HostOption = DEFAULT_HOST,
    port: PortOption = DEFAULT_PORT,
    allow_insecure: InsecureOption = False,
) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /docs) until interrupted (Ctrl-C)."""
    from innoatlas.store.database import resolve_url

    serve_url(resolve_url(db), host, port, allow_insecure)


def serve_url(url: str, host: str, port: int, allow_insecure: bool = False) -> None:
    """Serve it, and say where the UI is once the port is ours (shared with `innoatlas demo`)."""
    from innoatlas.web.server import serve as run_server

    def announce(_store_url: str) -> None:
        where = browse_url(host, port)
        out.print(f"serving {url} at {where} (API docs at {where}docs; Ctrl-C stops)")

    run_server(url, host, port, allow_insecure, on_ready=announce)


def browse_url(host: str, port: int) -> str:
    # 0.0.0.0 and :: listen everywhere; a browser on this machine reaches them at localhost.
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"
