"""innoatlas extract PATH... --jsonl OUT: facts as JSONL, no database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from innoatlas.cli.common import err, library_errors


@library_errors
def extract(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="Files or directories to read.")],
    jsonl: Annotated[
        Path, typer.Option("--jsonl", metavar="OUT", help="Write one JSON object per document here.")
    ],
) -> None:
    """Extract entities, indicators and relations (no database) as JSONL."""
    from innoatlas.errors import DocumentError
    from innoatlas.pipeline import extract_paths

    failed = 0
    with jsonl.open("w", encoding="utf-8") as out:
        for item in extract_paths([str(p) for p in paths]):
            if isinstance(item, DocumentError):
                err.print(f"error: {item}", markup=False)
                failed += 1
                continue
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    raise typer.Exit(1 if failed else 0)
