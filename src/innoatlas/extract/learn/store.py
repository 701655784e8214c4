"""Where the models of the learned layer are read from: one gzipped JSON file each.

The folder is INNOATLAS_MODELS when set, else the package's models/ folder.
No model is shipped today: on the leave-one-set-out figures of
benchmarks/eval.py no trained model has yet beaten the rules, so the rules
decide alone until one does (a model file found in the folder is used).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from innoatlas.extract.learn.linear import LinearModel

MODELS_ENV = "INNOATLAS_MODELS"


def model_dir() -> Path:
    configured = os.environ.get(MODELS_ENV)
    if configured:
        return Path(configured)
    return Path(str(resources.files("innoatlas.extract.learn") / "models"))


def model_path(name: str, folder: Path | None = None) -> Path:
    return (folder or model_dir()) / f"{name}.json.gz"


def load_model(name: str) -> LinearModel | None:
    """The model in the models folder, or None (the rules decide alone)."""
    path = model_path(name)
    return LinearModel.load(path) if path.exists() else None
