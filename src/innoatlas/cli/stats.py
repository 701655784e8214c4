"""innoatlas stats: what the knowledge base holds."""

from __future__ import annotations

from rich.table import Table

from innoatlas.cli.common import DbOption, library_errors, out


@library_errors
def stats(db: DbOption = None) -> None:
    """Counts of documents, duplicates, entities by type, mentions, indicators and relations."""
    from innoatlas.store import open_store

    with open_store(db, create=False) as store:
        render_stats(store.stats(), store.url)


def render_stats(s, url: str) -> None:
    table = Table("what", "count", title=url, title_justify="left")
    table.add_row("documents", str(s.documents))
    table.add_row("  originals", str(s.originals))
    for kind, n in s.duplicates.items():
        table.add_row(f"  {kind} duplicates", str(n))
    table.add_row("  characters (originals' bodies)", str(s.characters))
    for label, groups in (("script", s.scripts), ("format", s.formats)):
        for key, n in groups.items():
            table.add_row(f"  {label} {key}", str(n))
    table.add_row("entities", str(sum(s.entities.values())))
    for kind, n in s.entities.items():
        table.add_row(f"  {kind}", str(n))
    table.add_row("aliases", str(s.aliases))
    table.add_row("mentions", str(s.mentions))
    table.add_row("indicators", str(s.indicators))
    table.add_row("relations", str(sum(s.relations.values())))
    for origin, n in s.relations.items():
        table.add_row(f"  from {origin}", str(n))
    out.print(table)


@library_errors
def rebuild_links(db: DbOption = None) -> None:
    """Recompute the entity links the network reads (relations and sentence co-mentions) from the facts."""
    from innoatlas.store import open_store
    from innoatlas.store.links import rebuild_links as rebuild

    with open_store(db, create=False) as store, store.ingest_lock(), store.transaction() as session:
        count = rebuild(session)
    out.print(f"{count} entity links recomputed")
