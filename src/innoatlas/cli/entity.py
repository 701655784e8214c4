"""innoatlas entity NAME: one entity's profile with its evidence."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from innoatlas.cli.common import DbOption, library_errors, out


@library_errors
def entity(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Canonical name or any alias (either script).")],
    db: DbOption = None,
) -> None:
    """Profile of an entity: aliases, parent, region, relations with quotes, indicators, documents."""
    from innoatlas.store import open_store

    with open_store(db) as store:
        render_profile(store.entity_profile(name))


def render_profile(p) -> None:
    out.print(f"[bold]{escape(p.name)}[/bold] ({p.type})" + (f" code {p.code}" if p.code else ""))
    for label, value in (
        ("aliases", ", ".join(p.aliases)),
        ("parent", p.parent),
        ("region", p.region),
        ("contains", ", ".join(p.children)),
    ):
        if value:
            out.print(f"[bold]{label}:[/bold] {escape(value)}")
    if p.relations:
        table = Table(
            "subject", "predicate", "object", "quote", "source", title="relations", title_justify="left"
        )
        for r in p.relations:
            table.add_row(r.subject, r.predicate, r.object, r.quote or "", r.document or r.origin)
        out.print(table)
    if p.indicators:
        table = Table(
            "metric", "value", "unit", "period", "quote", "document", title="indicators", title_justify="left"
        )
        for i in p.indicators:
            value = f"{i.value:g}" if i.approx == "exact" else f"{i.value:g} ({i.approx})"
            table.add_row(i.metric, value, i.unit, i.period or "", i.quote, i.document)
        out.print(table)
    if p.documents:
        table = Table("document", "mentions", title="documents", title_justify="left")
        for name, n in p.documents:
            table.add_row(name, str(n))
        out.print(table)
