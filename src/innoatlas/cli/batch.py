"""innoatlas spark-ingest INPUT --out DIR and innoatlas load DIR: the pipeline past one machine."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from innoatlas.cli.common import DbOption, err, library_errors, out


@library_errors
def spark_ingest(
    input_uri: Annotated[
        str,
        typer.Argument(
            metavar="INPUT", help="A directory (walked), a glob or any URI your Spark/Hadoop setup reads."
        ),
    ],
    out_dir: Annotated[
        str, typer.Option("--out", metavar="DIR", help="Where the Parquet tables go (appended to).")
    ],
    master: Annotated[
        str | None,
        typer.Option("--master", help="Spark master URL (default: spark-submit's, else local[*])."),
    ] = None,
) -> None:
    """Read and extract documents as a Spark job; write Parquet tables partitioned by publication month."""
    from innoatlas.batch.spark_job import run_spark_ingest, spark_session

    spark = spark_session(master)
    spark.sparkContext.setLogLevel("ERROR")
    try:
        report = run_spark_ingest(spark, input_uri, out_dir)
    finally:
        spark.stop()
    for source, reason in report.failures:
        err.print(f"error: {source}: {reason}", markup=False)
    table = Table(title=f"run {report.run} into {out_dir}", title_justify="left")
    for column in report.counts:
        table.add_column(column, justify="right")
    table.add_row(*(str(n) for n in report.counts.values()))
    out.print(table)
    raise typer.Exit(1 if report.failures else 0)


@library_errors
def load(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="The --out folder of spark-ingest.")],
    db: DbOption = None,
    silent: Annotated[
        bool, typer.Option("--silent", help="No progress bar and no summary; errors only.")
    ] = False,
) -> None:
    """Load spark-ingest's tables: resolve entities and find duplicates across them, bulk-write the base."""
    # Before Arrow starts: its own pool (mimalloc) keeps the pages of every slice of the tables
    # it decoded for the rest of a load, memory Python never sees; the C library's allocator
    # gives them back (10,000 documents: 441 MB peak instead of 562 MB).
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    from innoatlas.batch.load import count_documents, load_directory
    from innoatlas.cli.ingest import outcome_progress, render_report
    from innoatlas.store import open_store

    total = count_documents(directory)
    with open_store(db) as store:
        with outcome_progress("loading", total, silent) as show:
            report = load_directory(directory, store, on_outcome=show)
        if not silent:
            render_report(report, store.url)
    raise typer.Exit(1 if report.failures else 0)
