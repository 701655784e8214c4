"""Naming forms of organisations (data/org_suffixes.yaml): suffix -> entity type."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from innoatlas.lexicon.files import load_yaml


@dataclass(frozen=True)
class SuffixData:
    suffixes: dict[str, str]
    max_len: int
    generic: frozenset[str]
    left_stop: frozenset[str]
    categories: frozenset[str]
    word_heads: tuple[str, ...] = ()
    verb_objects: frozenset[str] = frozenset()
    level_categories: frozenset[str] = frozenset()
    short_forms: tuple[str, ...] = ()
    short_form_type: str = ""
    short_form_max_chars: int = 0
    status_heads: tuple[str, ...] = ()
    place_led: tuple[str, ...] = ()


@functools.lru_cache(maxsize=1)
def trade_words() -> frozenset[str]:
    """The trade words of firms' registered names (生物, 医药, 电子)."""
    return frozenset(load_yaml("org_suffixes.yaml")["trade_words"])


@functools.lru_cache(maxsize=1)
def load_suffixes() -> SuffixData:
    data = load_yaml("org_suffixes.yaml")
    suffixes = {str(k): v for k, v in data["suffixes"].items()}
    return SuffixData(
        suffixes,
        max(map(len, suffixes)),
        frozenset(data["generic"]),
        frozenset(data["left_stop"]),
        frozenset(data["categories"]),
        tuple(data.get("word_heads") or ()),
        frozenset(data.get("verb_objects") or ()),
        frozenset(data.get("level_categories") or ()),
        tuple(data.get("short_forms") or ()),
        data.get("short_form_type", ""),
        int(data.get("short_form_max_chars", 0)),
        tuple(data.get("status_heads") or ()),
        tuple(data.get("place_led") or ()),
    )


@functools.lru_cache(maxsize=65536)
def suffix_type(name: str) -> tuple[str, str] | None:
    """(suffix, type) of the longest known suffix `name` ends with (cached: the same
    spans are asked about by every candidate rule)."""
    data = load_suffixes()
    for k in range(min(data.max_len, len(name)), 0, -1):
        t = data.suffixes.get(name[-k:])
        if t is not None:
            return name[-k:], t
    if len(name) <= data.short_form_max_chars:
        short = next((f for f in data.short_forms if name.endswith(f) and len(name) > len(f)), None)
        if short is not None:
            return short, data.short_form_type
    return None


def cuts_word(text: str, p: int) -> bool:
    """True when cutting text at p splits a word that opens with a suffix (大学|生, 大学|城)."""
    for w in load_suffixes().word_heads:
        for k in range(1, len(w)):
            if text.startswith(w, p - k):
                return True
    return False
