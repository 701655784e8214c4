"""Where the bundled list files live."""

from __future__ import annotations

from importlib import resources


def data_text(name: str) -> str:
    """The text of one list file of this package's data folder."""
    return (resources.files("innoatlas.lexicon") / "data" / name).read_text(encoding="utf-8")
