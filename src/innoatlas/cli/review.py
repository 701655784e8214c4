"""innoatlas review log/undo/export-gold: the audit trail and the corrections as gold data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from innoatlas.cli.common import DbOption, err, fail, library_errors, out

app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Review actions and gold export.")


@app.command("log")
@library_errors
def show_log(
    target: Annotated[
        str | None, typer.Option("--target", help="entity, mention, indicator or relation.")
    ] = None,
    user: Annotated[str | None, typer.Option("--user", help="Only this user's actions.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=500)] = 50,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="A JSON array of the actions, with before and after ([] when there are none)."
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """The audit log: who changed what, when, why; newest first."""
    from innoatlas.store import open_store
    from innoatlas.store.review_log import list_actions

    with open_store(db, create=False) as store, store.session() as session:
        page = list_actions(session, target=target, user=user, limit=limit)
    if as_json:
        out.print(json.dumps(page["items"], ensure_ascii=False, indent=2), markup=False)
        return
    table = Table("id", "at", "user", "action", "target", "fact", "reason", "undone")
    for a in page["items"]:
        fact = a["fact_key"] if len(a["fact_key"]) < 60 else "…" + a["fact_key"][-59:]
        table.add_row(
            str(a["id"]),
            a["at"],
            a["user"],
            a["action"],
            a["target"],
            fact,
            a["reason"],
            f"by {a['undone_by']}" if a["undone"] else "",
        )
    out.print(table)
    err.print(f"{len(page['items'])} of {page['total']} actions")


@app.command("undo")
@library_errors
def undo(
    action_id: Annotated[int, typer.Argument(help="Id of the action (see innoatlas review log).")],
    user: Annotated[str, typer.Option("--as", help="The editor who undoes it (recorded).")],
    reason: Annotated[str, typer.Option("--reason", help="Why (recorded).")] = "",
    db: DbOption = None,
) -> None:
    """Undo a review action; the record stays in the log, marked undone."""
    from innoatlas.auth import AuthError, find_user
    from innoatlas.auth.users import EDITOR
    from innoatlas.review.actions import undo as undo_action
    from innoatlas.store import open_store

    with open_store(db) as store, store.transaction() as session:
        editor = find_user(session, user)
        if editor.role != EDITOR:
            raise AuthError(f"user {user!r} has the role {editor.role!r}; undoing needs {EDITOR!r}")
        undo_action(session, editor, action_id, reason)
    err.print(f"undid review action {action_id}")


@app.command("export-gold")
@library_errors
def export_gold(
    out_dir: Annotated[Path, typer.Argument(help="Folder for the <doc>.gold.json files.")],
    all_facts: Annotated[
        bool, typer.Option("--all-facts", help="Every fact of a reviewed document, not only reviewed ones.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Write reviewed facts as gold annotations (the evaluation's ANNOTATION.md shape), one file per document."""
    from innoatlas.review.export import write_gold
    from innoatlas.store import open_store

    with open_store(db, create=False) as store, store.session() as session:
        paths = write_gold(session, out_dir, all_facts=all_facts)
    err.print(f"wrote {len(paths)} gold files to {out_dir}")


@app.command("export-facts")
@library_errors
def export_facts(
    out_path: Annotated[Path, typer.Argument(help="File to write: .csv or .jsonl.")],
    target: Annotated[
        str, typer.Option("--target", help="indicators, relations or entities.")
    ] = "indicators",
    reviewed_only: Annotated[
        bool, typer.Option("--reviewed-only", help="Only facts an analyst confirmed, corrected or added.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Export indicators, relations or entities with their review status."""
    from innoatlas.review.export import write_rows
    from innoatlas.store import open_store
    from innoatlas.store.review_export import FACT_TARGETS, export_facts

    if target not in FACT_TARGETS:
        raise fail(f"--target must be one of {', '.join(FACT_TARGETS)}, not {target!r}")
    with open_store(db, create=False) as store, store.session() as session:
        count = write_rows(export_facts(session, target, reviewed_only), out_path)
    err.print(f"wrote {count} {target} to {out_path}")
