"""National programmes and strategies (national_programmes.yaml): names typed `program`."""

from __future__ import annotations

import functools

from innoatlas.lexicon.files import load_yaml


@functools.lru_cache(maxsize=1)
def national_programmes() -> frozenset[str]:
    return frozenset(entry["name"] for entry in load_yaml("national_programmes.yaml")["programmes"])


@functools.lru_cache(maxsize=1)
def unlisted_programmes() -> frozenset[str]:
    """National strategies the text follows as a line, which the annotation leaves out."""
    return frozenset(entry["name"] for entry in load_yaml("national_programmes.yaml").get("unlisted", []))
