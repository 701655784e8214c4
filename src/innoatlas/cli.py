"""The innoatlas command line (TEMPORARY minimal version: extract only)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from innoatlas import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"innoatlas {__version__}")
        raise typer.Exit()


@app.callback()
def root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True)) -> None:
    """innoatlas: a sourced knowledge base of regional S&T innovation."""


@app.command()
def extract(paths: list[Path], jsonl: Path = typer.Option(..., "--jsonl")) -> None:
    """Extract entities, indicators and relations (no database) as JSONL."""
    from innoatlas.errors import DocumentError
    from innoatlas.pipeline import extract_paths

    failed = 0
    with jsonl.open("w", encoding="utf-8") as out:
        for item in extract_paths([str(p) for p in paths]):
            if isinstance(item, DocumentError):
                typer.echo(f"error: {item}", err=True)
                failed += 1
                continue
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    raise typer.Exit(1 if failed else 0)


def main() -> None:
    app()
