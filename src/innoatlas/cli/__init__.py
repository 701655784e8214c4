"""The innoatlas command line: one module per command, each a thin layer over the library.

A command parses its arguments, calls one library function and renders
the result with rich. Errors the library raises on purpose (InnoatlasError)
become one line on stderr and exit status 1.
"""

from __future__ import annotations

import typer

from innoatlas import __version__
from innoatlas.cli import analysis, batch, demo, docs, entity, extract, ingest, serve, stats, train
from innoatlas.cli import review as review_cli
from innoatlas.cli import user as user_cli
from innoatlas.cli.common import fail
from innoatlas.errors import InnoatlasError
from innoatlas.settings import settings

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"innoatlas {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_show_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """innoatlas: a sourced knowledge base of regional S&T innovation from Chinese text."""
    # Read the settings before any work: a bad innoatlas.toml or INNOATLAS_* value is one error line.
    settings.cache_clear()
    try:
        settings()
    except InnoatlasError as e:
        raise fail(str(e)) from None


app.command("ingest")(ingest.ingest)
app.command("extract")(extract.extract)
app.command("train")(train.train)
app.command("spark-ingest")(batch.spark_ingest)
app.command("load")(batch.load)
app.command("docs")(docs.docs)
app.command("stats")(stats.stats)
app.command("rebuild-links")(stats.rebuild_links)
app.command("entity")(entity.entity)
app.command("demo")(demo.demo)
for _command in ("timeline", "chain", "network", "compare", "index", "export"):
    app.command(_command)(getattr(analysis, _command))
app.command("serve")(serve.serve)
app.add_typer(user_cli.app, name="user")
app.add_typer(review_cli.app, name="review")


def main() -> None:
    app()
