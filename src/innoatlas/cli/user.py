"""innoatlas user add/list/remove/token/revoke: who may write to the knowledge base."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from innoatlas.cli.common import DbOption, err, fail, library_errors, out

app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Manage users and API tokens.")


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return typer.get_text_stream("stdin").readline().rstrip("\r\n")
    return typer.prompt("password", hide_input=True, confirmation_prompt=True, err=True)


@app.command("add")
@library_errors
def add(
    name: Annotated[str, typer.Argument(help="User name.")],
    role: Annotated[str, typer.Option("--role", help="editor (may write) or viewer.")] = "editor",
    password: Annotated[
        bool, typer.Option("--password/--no-password", help="Ask for a password (for the web login).")
    ] = True,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin.")
    ] = False,
    token: Annotated[bool, typer.Option("--token", help="Also make an API token and print it.")] = False,
    db: DbOption = None,
) -> None:
    """Add a user. There is no default password: give one, or use --no-password --token."""
    from innoatlas.auth import add_user, create_token
    from innoatlas.store import open_store

    if not password and not token:
        raise fail("a user without a password needs --token, or it could never log in")
    secret = read_password(password_stdin) if password or password_stdin else None
    with open_store(db) as store, store.transaction() as session:
        add_user(session, name, role, secret)
        made = create_token(session, name, "cli") if token else None
    err.print(f"added user {escape(name)} ({role})")
    if made:
        err.print("API token (shown once; send it as Authorization: Bearer <token>):")
        out.print(made, markup=False)


@app.command("list")
@library_errors
def list_(db: DbOption = None) -> None:
    """List users, their roles and how many API tokens each has."""
    from innoatlas.auth import list_users
    from innoatlas.store import open_store

    with open_store(db, create=False) as store, store.session() as session:
        users = list_users(session)
    table = Table("user", "role", "password", "tokens", "created")
    for u in users:
        table.add_row(
            u["name"], u["role"], "yes" if u["password"] else "no", str(u["tokens"]), u["created_at"]
        )
    out.print(table)


@app.command("remove")
@library_errors
def remove(name: Annotated[str, typer.Argument(help="User name.")], db: DbOption = None) -> None:
    """Remove a user and its tokens (its review actions keep its name)."""
    from innoatlas.auth import remove_user
    from innoatlas.store import open_store

    with open_store(db) as store, store.transaction() as session:
        remove_user(session, name)
    err.print(f"removed user {escape(name)}")


@app.command("token")
@library_errors
def token(
    name: Annotated[str, typer.Argument(help="User name.")],
    label: Annotated[str, typer.Option("--label", help="What the token is for.")] = "cli",
    db: DbOption = None,
) -> None:
    """Make a new API token for a user and print it (it is stored hashed and cannot be shown again)."""
    from innoatlas.auth import create_token
    from innoatlas.store import open_store

    with open_store(db) as store, store.transaction() as session:
        made = create_token(session, name, label)
    out.print(made, markup=False)


@app.command("revoke")
@library_errors
def revoke(
    token_id: Annotated[int, typer.Argument(help="Token id: the number after ia_.")], db: DbOption = None
) -> None:
    """Revoke an API token."""
    from innoatlas.auth import revoke_token
    from innoatlas.store import open_store

    with open_store(db) as store, store.transaction() as session:
        revoke_token(session, token_id)
    err.print(f"revoked token {token_id}")
