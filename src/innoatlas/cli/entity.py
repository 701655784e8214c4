"""innoatlas entity NAME: one entity's profile with its evidence."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from innoatlas.cli.common import DbOption, library_errors, out

# Quotes longer than this are cut on screen (the full sentence is in the document).
QUOTE_CHARS = 80


@library_errors
def entity(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Canonical name or any alias (either script).")],
    db: DbOption = None,
) -> None:
    """Profile of an entity: aliases, parent, region, relations with quotes, indicators, documents."""
    from innoatlas.analysis.conflicts import conflicting_indicator_ids
    from innoatlas.store import open_store

    with open_store(db, create=False) as store:
        profile = store.entity_profile(name)
        with store.session() as session:
            conflicting = conflicting_indicator_ids(session, [profile.id])
        for indicator in profile.indicators:
            indicator.conflict = indicator.id in conflicting
        render_profile(profile)


def short_quote(quote: str | None) -> str:
    """One line of a quote: white space collapsed, cut to QUOTE_CHARS."""
    text = " ".join((quote or "").split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


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
    render_relations(p.relations)
    render_indicators(p.indicators)
    if p.documents:
        out.print(f"[bold]documents ({len(p.documents)}):[/bold]")
        for name, n in p.documents:
            out.print(f"  {escape(name)} ({n} mention{'s' if n != 1 else ''})")


def render_relations(relations) -> None:
    """One line per relation, its quote and source on the next: readable in any terminal width."""
    if not relations:
        return
    out.print(f"[bold]relations ({len(relations)}):[/bold]")
    for r in relations:
        out.print(f"  {escape(r.subject)} [cyan]{r.predicate}[/cyan] {escape(r.object)}")
        source = r.document or r.origin
        evidence = f"“{short_quote(r.quote)}” " if r.quote else ""
        out.print(f"    {escape(evidence)}[dim]({escape(source)})[/dim]")


def render_indicators(indicators) -> None:
    if not indicators:
        return
    table = Table("metric", title="indicators", title_justify="left")
    table.add_column("value", no_wrap=True)  # a value and its conflict flag stay whole
    for column in ("unit", "period", "quote"):
        table.add_column(column)
    # The document by its title and outlet, on one line (cut with … in a narrow terminal).
    table.add_column("document", no_wrap=True, overflow="ellipsis", max_width=18)
    for i in indicators:
        value = f"{i.value:g}" if i.approx == "exact" else f"{i.value:g} ({i.approx})"
        if i.conflict:  # the analysis stage's one definition (see docs/analysis.md)
            value += " ⚠数值冲突"
        table.add_row(i.metric, value, i.unit, i.period or "", short_quote(i.quote), i.document)
    out.print(table)
