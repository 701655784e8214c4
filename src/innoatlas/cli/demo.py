"""innoatlas demo: the bundled example corpus into a fresh SQLite database, with a summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from innoatlas.cli.common import library_errors, out
from innoatlas.cli.ingest import render_report
from innoatlas.cli.stats import render_stats

DEMO_DB = Path("innoatlas-demo.db")


@library_errors
def demo(
    db: Annotated[
        Path, typer.Option("--db", metavar="FILE", help="SQLite file to (re)create for the demo.")
    ] = DEMO_DB,
) -> None:
    """Ingest the example corpus into a fresh SQLite file and print what went in."""
    from innoatlas.pipeline import example_corpus, ingest_paths
    from innoatlas.store.database import open_fresh_sqlite

    corpus = example_corpus()
    with open_fresh_sqlite(db) as store:
        with out.status(f"ingesting the example corpus {corpus} ..."):
            report = ingest_paths([corpus], store)
        render_report(report, store.url)
        render_stats(store.stats(), store.url)
    out.print(
        f"explore it: innoatlas docs --db {db}   innoatlas stats --db {db}   innoatlas entity NAME --db {db}"
    )
