"""Industries and technology fields: one data file per official classification.

industries.yaml also holds the head words (产业, 行业) and the generic
qualifiers (重点, 传统) the matcher needs.
"""

from __future__ import annotations

import functools
import re

from innoatlas.lexicon.files import load_yaml

INDUSTRY_FILES = (
    "industries_strategic_emerging.yaml",  # 战略性新兴产业分类(2018)
    "industries_national_economy.yaml",  # GB/T 4754-2017
    "industries_high_tech.yaml",  # 高技术产业分类(2017/2018)
    "industries_high_tech_fields.yaml",  # 国家重点支持的高新技术领域 (2016)
    "industries_future.yaml",  # 未来产业 (2024)
    "industries_sectors.yaml",  # MIIT sectors, manufacturing clusters, 数字经济核心产业 (2021)
    "industries_satellite_accounts.yaml",  # NBS tourism, health, culture, sports… classifications
    "industries_economic_forms.yaml",  # economies the State Council plans as sectors (银发经济, 服务外包)
    "industries.yaml",  # names and synonyms as policy texts write them
    "industries_cross_strait.yaml",  # the same fields as Taiwan and Hong Kong texts name them
)


def _terms_of(file: str) -> list[str]:
    data = load_yaml(file)
    terms = [str(t) for group in data["groups"].values() for t in group]
    return terms + [s for t in terms for s in short_forms(t)]


# The classifications name a sector formally (汽车制造业, 纺织业, 医药制造业);
# running text names it by its stem (汽车制造, 汽车, 纺织, 医药).
_FORMAL_TAILS = ("制造业", "加工业")
_STEM_TAILS = ("制造", "加工", "冶炼和压延", "开采和洗选", "生产和供应")
# Stems shorter than this are not names of a sector.
MIN_STEM_CHARS = 2
# Grades of technology that open a statistical aggregate (高技术制造业 of 高技术产业分类, 2017;
# 先进制造业, 高端装备制造业): without their head they describe, they name no sector.
_GRADE_STEMS = frozenset({"高技术", "高新技术", "先进", "高端", "现代"})


def short_forms(term: str) -> list[str]:
    """The ways running text writes a formally named sector: 汽车制造业 -> 汽车制造, 汽车;
    软件和信息技术服务业 -> 软件业 (each trade of a joint division with the division's 业)."""
    out = _conjunct_forms(term)
    for tail in _FORMAL_TAILS:
        if term.endswith(tail) and len(term) - len(tail) >= MIN_STEM_CHARS:
            stem = term[: -len(tail)]
            out.append(term[:-1])  # 汽车制造业 -> 汽车制造
            if stem not in _GRADE_STEMS:
                out.append(stem)  # -> 汽车
            for inner in _STEM_TAILS:
                if stem.endswith(inner) and len(stem) - len(inner) >= MIN_STEM_CHARS:
                    out.append(stem[: -len(inner)])
            break
    return [s for s in out if "、" not in s and "和" not in s[-2:]]


# Joint divisions of GB/T 4754 (批发和零售业, 交通运输、仓储和邮政业) name each trade
# with 业 in running text (零售业, 仓储业); a conjunct shorter than this is no trade's name.
MIN_CONJUNCT_CHARS = 2
_CONJUNCTION = re.compile(r"[、和及]")


def _conjunct_forms(term: str) -> list[str]:
    if not term.endswith("业") or term.endswith(_FORMAL_TAILS) or not _CONJUNCTION.search(term):
        return []  # 冶炼和压延加工业: the stems of a manufacturing division are read below
    parts = _CONJUNCTION.split(term[:-1])
    # 其制品 (its products) and 供应 (of 生产和供应) are no trades of their own
    return [
        p + "业"
        for p in parts
        if len(p) >= MIN_CONJUNCT_CHARS and not p.endswith("业") and not p.startswith(("其", "供应"))
    ]


@functools.lru_cache(maxsize=1)
def load_industries() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """(industry terms, heads an industry name ends with, generic industry words)."""
    terms = frozenset(t for file in INDUSTRY_FILES for t in _terms_of(file))
    data = load_yaml("industries.yaml")
    return terms, tuple(data["industry_heads"]), frozenset(data["generic_industry_words"])


@functools.lru_cache(maxsize=1)
def product_heads() -> frozenset[str]:
    """Products that make a field written before them a narrower industry (光伏|玻璃)."""
    return frozenset(load_yaml("industries.yaml")["product_heads"])


@functools.lru_cache(maxsize=1)
def product_classes() -> tuple[frozenset[str], frozenset[str]]:
    """(product classes whose noun compounds name a field, nouns that make 材料 papers)."""
    data = load_yaml("industries.yaml")
    return frozenset(data["product_classes"]), frozenset(data["paper_words"])


@functools.lru_cache(maxsize=1)
def compound_stop_words() -> frozenset[str]:
    """Words of scope and quality that do not narrow an industry written after them (全球, 关键)."""
    return frozenset(load_yaml("industries.yaml")["compound_stop_words"])


@functools.lru_cache(maxsize=1)
def grade_qualifiers() -> tuple[frozenset[str], tuple[str, ...]]:
    """(高端, 高性能: grades the classifications name industries with, and the qualifiers a
    term may open with itself, before which a grade only describes: 高端|智能汽车)."""
    data = load_yaml("industries.yaml")["grade_qualifiers"]
    return frozenset(data["words"]), tuple(data["not_before"])


@functools.lru_cache(maxsize=1)
def closed_heads() -> frozenset[str]:
    """Terms that the nouns written before them do not narrow into a longer industry (气象|大模型)."""
    return frozenset(load_yaml("industries.yaml")["closed_heads"])


@functools.lru_cache(maxsize=1)
def public_services() -> frozenset[str]:
    """Words of the basic public services (教育, 医疗, 养老): a list holding one is not of industries."""
    return frozenset(load_yaml("industries.yaml")["public_services"])


@functools.lru_cache(maxsize=1)
def national_accounts_sectors() -> frozenset[str]:
    """第一产业, 第二产业, 第三产业 (服务业): the statistics bureau's aggregates, no industries."""
    return frozenset(load_yaml("national_accounts_sectors.yaml")["sectors"])
