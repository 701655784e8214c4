"""innoatlas ingest PATH...: documents into the knowledge base, with a progress bar and a summary."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from innoatlas.cli.common import DbOption, cell, err, library_errors, out, printable


@library_errors
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH", help="Files or directories (walked) to read.")
    ],
    db: DbOption = None,
    silent: Annotated[
        bool, typer.Option("--silent", help="No progress bar and no summary; errors only.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Extraction processes (default: the workers setting, else one per core, fewer for a handful of files).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read, clean, extract and store documents; re-ingesting an unchanged file changes nothing."""
    from innoatlas.pipeline import IngestOptions, count_inputs, ingest_paths
    from innoatlas.settings import settings
    from innoatlas.store import open_store
    from innoatlas.workers import auto_workers

    total = count_inputs(paths)
    options = IngestOptions(workers=workers or settings().workers or auto_workers(total))

    with open_store(db) as store:
        with outcome_progress("ingesting", total, silent) as show:
            report = ingest_paths(paths, store, options, on_outcome=show)
        if not silent:
            render_report(report, store.url)
    raise typer.Exit(1 if report.failures else 0)


@contextmanager
def outcome_progress(label: str, total: int, silent: bool) -> Iterator[Callable]:
    """A progress bar on stderr and the callback that advances it; a failed document's
    line is printed above the bar, its control characters escaped."""
    columns = (BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}"))
    with Progress(TextColumn(label), *columns, console=err, transient=True, disable=silent) as progress:
        task = progress.add_task("", total=total)

        def show(outcome) -> None:
            if outcome.status == "failed":
                line = f"error: {printable(outcome.source)}: {printable(outcome.reason or '')}"
                progress.console.print(line, markup=False)
            progress.update(task, advance=1, description=printable(outcome.name or ""))

        yield show


def render_report(report, url: str) -> None:
    counts = report.counts
    table = Table(title=f"ingested into {url}", title_justify="left")
    for column in counts:
        table.add_column(column, justify="right")
    table.add_row(*(str(n) for n in counts.values()))
    out.print(table)
    duplicates = [o for o in report.outcomes if o.status == "duplicate"]
    if duplicates:
        listing = Table(
            "duplicate",
            "of document",
            "kind",
            title="duplicates (stored, facts not counted)",
            title_justify="left",
        )
        for o in duplicates:
            listing.add_row(cell(o.name), f"#{o.duplicate_of_id}", o.duplicate_kind or "")
        out.print(listing)
    if report.failures:
        failed = Table("failed file", "reason", title="failed (not stored)", title_justify="left")
        for o in report.failures:
            failed.add_row(cell(o.source), cell(o.reason or ""))
        out.print(failed)
