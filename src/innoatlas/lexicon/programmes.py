"""National programmes and strategies (national_programmes.yaml): names typed `program`."""

from __future__ import annotations

import functools

from innoatlas.lexicon.files import load_yaml


@functools.lru_cache(maxsize=1)
def national_programmes() -> frozenset[str]:
    return frozenset(entry["name"] for entry in load_yaml("national_programmes.yaml")["programmes"])
