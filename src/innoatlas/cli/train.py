"""innoatlas train: fit the learned layer's models on gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from innoatlas.cli.common import library_errors, out


@library_errors
def train(
    folder: Annotated[Path, typer.Option("--out", metavar="DIR", help="Write the model files here.")],
    shared: Annotated[
        Path | None,
        typer.Option(
            "--eval-root",
            metavar="DIR",
            help="A folder laid out like the evaluation data: seeds/ and eval/ with gold/, dev2/, dev3/.",
        ),
    ] = None,
    extra: Annotated[
        list[Path] | None,
        typer.Option(
            "--extra",
            metavar="DIR",
            help="More gold: *.gold.json files (as review export-gold writes) with their documents.",
        ),
    ] = None,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only",
            metavar="MODEL",
            help="Train only this model (entities, subjects, relations); repeat for more. Default: all.",
        ),
    ] = None,
) -> None:
    """Train the learned layer's models from gold files; the same gold gives the same files."""
    from innoatlas.extract.learn.train import MODEL_NAMES, development_sets, extra_set, load_set, train_all

    sets = development_sets(shared) if shared is not None else []
    sets += [extra_set(folder) for folder in extra or []]
    docs = [d for s in sets for d in load_set(s)]
    written = train_all(docs, folder, tuple(only) if only else MODEL_NAMES)
    out.print(f"trained on {len(docs)} gold documents from {len(sets)} sets")
    for name, path in written.items():
        out.print(f"  {name}: {path} ({path.stat().st_size:,} bytes)")
    out.print(f"to use them: INNOATLAS_MODELS={folder} innoatlas extract ...")
