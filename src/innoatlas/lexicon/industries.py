"""Industries and technology fields: one data file per official classification.

industries.yaml also holds the head words (产业, 行业) and the generic
qualifiers (重点, 传统) the matcher needs.
"""

from __future__ import annotations

import functools

from innoatlas.lexicon.files import load_yaml

INDUSTRY_FILES = (
    "industries_strategic_emerging.yaml",  # 战略性新兴产业分类(2018)
    "industries_national_economy.yaml",  # GB/T 4754-2017
    "industries_high_tech.yaml",  # 高技术产业分类(2017/2018)
    "industries_future.yaml",  # 未来产业 (2024)
    "industries_sectors.yaml",  # MIIT sectors, manufacturing clusters, 数字经济核心产业 (2021)
    "industries.yaml",  # names and synonyms as policy texts write them
)


def _terms_of(file: str) -> list[str]:
    data = load_yaml(file)
    return [str(t) for group in data["groups"].values() for t in group]


@functools.lru_cache(maxsize=1)
def load_industries() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """(industry terms, heads an industry name ends with, generic industry words)."""
    terms = frozenset(t for file in INDUSTRY_FILES for t in _terms_of(file))
    data = load_yaml("industries.yaml")
    return terms, tuple(data["industry_heads"]), frozenset(data["generic_industry_words"])
