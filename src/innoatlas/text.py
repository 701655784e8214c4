"""Folding of text: what every stage compares strings by.

Three foldings make the normalised form of a string (`normalize_text`):
width and compatibility forms (NFKC: full-width digits and letters, the
ideographic space, Kangxi radicals), CJK radical look-alikes (U+2EC4 for 西),
and ideographs typed for a look-alike that OpenCC does not fold (陜 for 陝)
and zero-width and control characters (dropped); then traditional ->
simplified script (OpenCC 't2s.json'). White space is kept, so a document's
lines survive; `documents.normalize` applies the same folding line by line
and keeps the map back to the original.

`fold_name` is the comparison form of a name, the one definition used by
extraction's training, resolution, the store and the review stage alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

import yaml

# Characters that carry no text: zero-width space and joiners, word joiner,
# byte-order mark, soft hyphen. They split words in scraped pages (两江​新区).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
# Control characters (C0 but tab and line breaks, DEL, C1) carry no text
# either: a terminal colour code or a stray BEL in a scraped page would
# otherwise sit inside a name (两江\x07新区).
CONTROL = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)])


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """Traditional -> simplified with OpenCC (may change the length of a phrase)."""
    return _converter().convert(text)


@lru_cache(maxsize=1)
def _radical_table() -> dict[str, str]:
    text = (resources.files("innoatlas") / "data" / "documents_radicals.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    pairs = {**raw["radicals"], **raw.get("lookalikes", {})}
    return {chr(int(k[2:], 16)): chr(int(v[2:], 16)) for k, v in pairs.items()}


@lru_cache(maxsize=1)
def char_table() -> dict[int, str]:
    """One str.translate table for all per-character foldings (built once).

    NFKC is applied per character over the Basic Multilingual Plane: Chinese
    news text has no combining sequences that whole-string NFKC would compose.
    """
    table: dict[int, str] = {}
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        n = unicodedata.normalize("NFKC", c)
        if n != c:
            table[cp] = n
    for src, dst in _radical_table().items():
        table[ord(src)] = dst
    for c in ZERO_WIDTH + CONTROL:
        table[ord(c)] = ""
    return table


def _char_class(code_points) -> re.Pattern:
    """A regular expression matching any of `code_points` (as ranges, so it stays small)."""
    ranges: list[list[int]] = []
    for cp in sorted(code_points):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    parts = [re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges]
    return re.compile("[" + "".join(parts) + "]")


@lru_cache(maxsize=1)
def _foldable() -> tuple[re.Pattern, dict[str, str]]:
    """Characters that fold, and what they fold to.

    A regular expression substitution touches only those characters, which
    is many times faster than str.translate on short lines.
    """
    table = char_table()
    return _char_class(table), {chr(cp): rep for cp, rep in table.items()}


@lru_cache(maxsize=1)
def length_changing() -> re.Pattern:
    """Characters whose folding is not exactly one character long."""
    return _char_class(cp for cp, rep in char_table().items() if len(rep) != 1)


def fold_chars(text: str) -> str:
    """NFKC, radical look-alikes and zero-width characters, without the offset map."""
    pattern, table = _foldable()
    return pattern.sub(lambda m: table[m.group()], text)


def normalize_text(text: str) -> str:
    """The normalised form of any string (no map), as the extractor's inputs are."""
    return to_simplified(fold_chars(text))


# Middle dots written between the parts of a name (中南·三一科技城): one form.
_DOTS = re.compile(r"[·•・‧∙⋅]")


def fold_name(name: str | None) -> str:
    """The comparison form of a name: normalised, one middle dot, no white space."""
    folded = _DOTS.sub("·", normalize_text(name or ""))
    return "".join(folded.split())
