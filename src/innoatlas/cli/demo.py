"""innoatlas demo: the bundled example corpus into a fresh SQLite database, summarised and served."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from innoatlas.cli.common import library_errors, out
from innoatlas.cli.ingest import render_report
from innoatlas.cli.serve import HostOption, PortOption, browse_url, serve_url
from innoatlas.cli.stats import render_stats
from innoatlas.web.server import DEFAULT_HOST, DEFAULT_PORT

DEMO_DB = Path("innoatlas-demo.db")


@library_errors
def demo(
    db: Annotated[
        Path, typer.Option("--db", metavar="FILE", help="SQLite file to (re)create for the demo.")
    ] = DEMO_DB,
    host: HostOption = DEFAULT_HOST,
    port: PortOption = DEFAULT_PORT,
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Only build the database and print the summary.")
    ] = False,
) -> None:
    """Ingest the example corpus into a fresh SQLite file, print what went in, and serve it."""
    from innoatlas.pipeline import example_corpus, ingest_paths
    from innoatlas.store.database import open_fresh_sqlite

    corpus = example_corpus()
    with open_fresh_sqlite(db) as store:
        with out.status("ingesting the bundled example corpus ..."):
            report = ingest_paths([corpus], store)
        render_report(report, store.url)
        render_stats(store.stats(), store.url)
        url = store.url
    if no_serve:
        out.print(
            f"built {db}; serve it with: innoatlas serve --db {db}   (then open {browse_url(host, port)})"
        )
        return
    serve_url(url, host, port)
