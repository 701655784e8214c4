"""innoatlas docs [ID|NAME]: list the stored documents, or show one cleaned with its metadata."""

from __future__ import annotations

import typer
from rich.table import Table

from innoatlas.cli.common import DbOption, cell, library_errors, out


@library_errors
def docs(
    ref: str | None = typer.Argument(
        None, metavar="[ID|NAME]", help="Show this document (id, file name or source)."
    ),
    db: DbOption = None,
) -> None:
    """List the documents, or show one: metadata and cleaned body."""
    from innoatlas.store import open_store

    with open_store(db, create=False) as store:
        if ref is None:
            render_list(store.list_documents())
        else:
            render_document(store.get_document(ref))


def render_list(rows) -> None:
    # Documents by title, as a reader knows them (the file name where there is none);
    # `docs ID` shows one with its file name and source.
    table = Table("id", "title", "outlet", "published", "script", "duplicate of")
    for r in rows:
        duplicate = f"#{r.duplicate_of_id} ({r.duplicate_kind})" if r.duplicate_of_id else ""
        table.add_row(
            str(r.id), cell(r.title or r.name), cell(r.outlet or ""), r.published or "", r.script, duplicate
        )
    out.print(table)
    out.print(f"{len(rows)} documents")


def render_document(d) -> None:
    fields = [
        ("id", str(d.id)),
        ("name", d.name),
        ("source", d.source),
        ("title", d.title),
        ("outlet", d.outlet),
        ("published", d.published),
        ("script", d.script),
        ("format", d.format),
        ("encoding", d.encoding),
        ("url", d.url),
        (
            "duplicate of",
            f"#{d.duplicate_of_id} {d.duplicate_of_title} ({d.duplicate_kind})"
            if d.duplicate_of_id
            else None,
        ),
        ("facts", f"{d.mentions} mentions, {d.indicators} indicators, {d.relations} relations"),
    ]
    for label, value in fields:
        if value:
            out.print(f"[bold]{label}:[/bold] {cell(value)}")
    out.print()
    out.print(d.body, markup=False)
