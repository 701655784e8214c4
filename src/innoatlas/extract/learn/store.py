"""Where the shipped models live: one gzipped JSON file each, in the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from innoatlas.extract.learn.linear import LinearModel

MODEL_DIR = "models"


def model_path(name: str) -> Path:
    return Path(str(resources.files("innoatlas.extract.learn") / MODEL_DIR / f"{name}.json.gz"))


def load_model(name: str) -> LinearModel | None:
    """The shipped model, or None when it has not been trained (the rules decide alone)."""
    path = model_path(name)
    return LinearModel.load(path) if path.exists() else None
