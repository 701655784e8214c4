"""What the commands share: the --db option, the error edge, the consoles."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape as rich_escape
from rich.segment import Segment

from innoatlas.errors import InnoatlasError

DB_HELP = (
    "Database URL or SQLite file (default: $INNOATLAS_DB, else innoatlas.toml's db, else ./innoatlas.db)."
)
SinceOption = Annotated[
    datetime | None,
    typer.Option(
        "--since",
        formats=["%Y-%m-%d"],
        help="Only documents published on or after (YYYY-MM-DD).",
        show_default=False,
    ),
]
UntilOption = Annotated[
    datetime | None,
    typer.Option(
        "--until",
        formats=["%Y-%m-%d"],
        help="Only documents published on or before (YYYY-MM-DD).",
        show_default=False,
    ),
]
DbOption = Annotated[str | None, typer.Option("--db", metavar="URL", help=DB_HELP, show_default=False)]

# Characters that move the cursor, set colours or the window title, or
# reorder text on a terminal: file names, titles and bodies can hold them.
_TERMINAL_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
_IN_BLOCK = re.compile(f"[{_TERMINAL_CONTROL}]")
_IN_LINE = re.compile(f"[{_TERMINAL_CONTROL}\t\n]")


def printable(text: str, one_line: bool = True) -> str:
    """`text` with control characters shown as escapes (\\x1b, \\n): a name cannot fake an output line."""
    pattern = _IN_LINE if one_line else _IN_BLOCK
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def cell(text: str) -> str:
    """A table cell of text from a document or a file name: one line, no markup."""
    return rich_escape(printable(text))


class SafeConsole(Console):
    """A console that never sends the control characters of printed text to the terminal.

    Rich's own colours and cursor moves are added after this (styles,
    control segments), so they still work.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            s if s.control else Segment(printable(s.text, one_line=False), s.style, s.control) for s in buffer
        )


out = SafeConsole(highlight=False, soft_wrap=True)
err = SafeConsole(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one error line on stderr; the caller raises the returned Exit."""
    err.print(f"error: {printable(message)}", markup=False)
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
