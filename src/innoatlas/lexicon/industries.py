"""Industries and technology fields (data/industries.yaml)."""

from __future__ import annotations

import functools

import yaml

from innoatlas.lexicon.files import data_text


@functools.lru_cache(maxsize=1)
def load_industries() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """(industry terms, heads an industry name ends with, generic industry words)."""
    data = yaml.safe_load(data_text("industries.yaml"))
    terms = frozenset(t for group in data["groups"].values() for t in group)
    return terms, tuple(data["industry_heads"]), frozenset(data["generic_industry_words"])
