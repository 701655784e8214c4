"""What the commands share: the --db option, the error edge, the consoles."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Annotated

import typer
from rich.console import Console

from innoatlas.errors import InnoatlasError

DB_HELP = "Database URL or SQLite file (default: $INNOATLAS_DB, else ./innoatlas.db)."
DbOption = Annotated[str | None, typer.Option("--db", metavar="URL", help=DB_HELP, show_default=False)]

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one error line on stderr; the caller raises the returned Exit."""
    err.print(f"error: {message}", markup=False)
    return typer.Exit(code)


def library_errors(command: Callable) -> Callable:
    """Turn an InnoatlasError from the library into one clear line and exit status 1."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        quiet_library_logs()
        try:
            return command(*args, **kwargs)
        except InnoatlasError as e:
            raise fail(str(e)) from None

    return run


def quiet_library_logs() -> None:
    """The CLI reports problems itself; library warnings would repeat them.

    pypdf logs its own warnings about damaged PDFs (with no handler, Python
    prints them on stderr between our one-line errors): the reader already
    turns a PDF it cannot read into one clear line.
    """
    for name in ("innoatlas", "pypdf"):
        logging.getLogger(name).setLevel(logging.ERROR)
