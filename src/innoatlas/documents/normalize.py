"""Normalise the body for extraction and keep a map back to the original.

Three foldings, applied line by line so that a length change stays local:
1. width and compatibility forms (NFKC: full-width digits and letters, the
   ideographic space, Kangxi radicals), CJK radical look-alikes (U+2EC4 for
   西) and zero-width characters (dropped);
2. traditional -> simplified script (OpenCC 't2s.json');
3. nothing else: white space and line breaks are kept, so lines survive.

Every character of the result remembers the position in the original text it
came from (`Document.norm_to_original`).
"""

from __future__ import annotations

import difflib
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

# The share of CJK characters that OpenCC changes above which a text counts
# as traditional script. Measured on the seed, dev and example articles:
# simplified bodies 0.0%, traditional bodies 29-41%. 10% keeps a simplified
# text that quotes a few traditional words (軟體, 臺灣) simplified.
HANT_CHANGED_SHARE = 0.10

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


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
    raw = yaml.safe_load(text)["radicals"]
    return {chr(int(k[2:], 16)): chr(int(v[2:], 16)) for k, v in raw.items()}


@lru_cache(maxsize=1)
def _char_table() -> dict[int, str]:
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
    table = _char_table()
    return _char_class(table), {chr(cp): rep for cp, rep in table.items()}


@lru_cache(maxsize=1)
def _length_changing() -> re.Pattern:
    """Characters whose folding is not exactly one character long."""
    return _char_class(cp for cp, rep in _char_table().items() if len(rep) != 1)


def fold_chars(text: str) -> str:
    """NFKC, radical look-alikes and zero-width characters, without the offset map."""
    pattern, table = _foldable()
    return pattern.sub(lambda m: table[m.group()], text)


def _fold_line(line: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Fold one line's characters; `offsets[i]` is where line[i] came from."""
    folded = fold_chars(line)
    if not _length_changing().search(line):
        return folded, offsets
    out: list[str] = []
    out_offsets: list[int] = []
    table = _char_table()
    for ch, off in zip(line, offsets, strict=True):
        rep = table.get(ord(ch), ch)
        out.append(rep)
        out_offsets.extend([off] * len(rep))
    return "".join(out), out_offsets


def align_offsets(before: str, after: str, offsets: list[int]) -> list[int]:
    """Offsets for `after`, a rewrite of `before` whose characters map to `offsets`.

    Equal stretches keep their offsets; a replaced stretch maps each new
    character to the old stretch's characters in order, clamped to its last
    one, so the map stays monotonic.
    """
    if len(before) == len(after):
        return offsets
    out: list[int] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            out.extend(offsets[a0:a1])
        elif op in ("replace", "insert"):
            anchor = offsets[a0:a1] or [offsets[a0] if a0 < len(offsets) else (offsets[-1] if offsets else 0)]
            out.extend(anchor[min(i, len(anchor) - 1)] for i in range(b1 - b0))
    return out


def normalize_line(line: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Fold one line (no line break inside) and carry its offsets along."""
    folded, folded_offsets = _fold_line(line, offsets)
    simplified = to_simplified(folded)
    if len(simplified) == len(folded):
        return simplified, folded_offsets
    return simplified, align_offsets(folded, simplified, folded_offsets)


def normalize_pieces(original: str, pieces: list[tuple[int, int]]) -> tuple[str, str, list[int]]:
    """Body and normalised body of the kept `pieces` of `original`, with the map.

    Pieces are joined by a line break that maps to the end of the piece before
    it. Returns (body, norm, norm_to_original) with len(norm) + 1 map entries.
    """
    body_parts: list[str] = []
    norm_parts: list[str] = []
    mapping: list[int] = []
    last = len(original)
    for i, (start, end) in enumerate(pieces):
        if i:
            prev_end = pieces[i - 1][1]
            body_parts.append("\n")
            norm_parts.append("\n")
            mapping.append(min(prev_end, len(original) - 1))
        piece = original[start:end]
        body_parts.append(piece)
        norm, offsets = normalize_line(piece, list(range(start, end)))
        norm_parts.append(norm)
        mapping.extend(offsets)
        last = end
    if not pieces:
        last = 0
    mapping.append(last)
    return "".join(body_parts), "".join(norm_parts), mapping


def normalize_text(text: str) -> str:
    """The normalised form of any string (no map), as the extractor's inputs are."""
    return to_simplified(fold_chars(text))


def detect_script(text: str) -> str:
    """'Hant' when the text is mostly traditional script, else 'Hans'."""
    cjk = _CJK.findall(text)
    if not cjk:
        return "Hans"
    sample = "".join(cjk)
    simplified = to_simplified(sample)
    if len(simplified) != len(sample):
        changed = sum(1 for a, b in zip(sample, simplified, strict=False) if a != b) + abs(
            len(sample) - len(simplified)
        )
    else:
        changed = sum(1 for a, b in zip(sample, simplified, strict=False) if a != b)
    return "Hant" if changed / len(sample) > HANT_CHANGED_SHARE else "Hans"
