"""Normalise the body for extraction and keep a map back to the original.

The foldings of `innoatlas.text` (width, radical look-alikes, zero-width
characters, traditional -> simplified script), applied line by line so that
a length change stays local; white space and line breaks are kept, so lines
survive.

Every character of the result remembers the position in the original text it
came from (`Document.norm_to_original`).
"""

from __future__ import annotations

import difflib
import re

from innoatlas.text import char_table, fold_chars, length_changing, to_simplified

# The share of CJK characters that OpenCC changes above which a text counts
# as traditional script. Measured on the seed, dev and example articles:
# simplified bodies 0.0%, traditional bodies 29-41%. 10% keeps a simplified
# text that quotes a few traditional words (軟體, 臺灣) simplified.
HANT_CHANGED_SHARE = 0.10

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Pinyin written in brackets after a character (科技创(chuàng)新), as mirror and
# repost sites insert it through a text: one syllable of latin letters with a tone mark
# (ā á ǎ à … ǘ ǚ ǜ), right after a Han character. The reading is no part of the words,
# so the extractor reads the text without it; names and quotes still come from the
# original, glosses and all, as a reader copying the page writes them. An English
# abbreviation in brackets (GDP) carries no tone mark and stays.
_TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS = re.compile(
    rf"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（][a-zü{_TONE_MARKS}]*[{_TONE_MARKS}][a-zü{_TONE_MARKS}]*[)）]"
)


# A paragraph's indentation of two full-width spaces (U+3000) that a wrong charset turned into
# question marks (or U+FFFD) when the page was saved: "??某省新能源汽车产业…". The marks
# are white space of the layout, no part of the text; read as words they hide the place or
# name the paragraph opens on. Only a run of two or more at the start of a line, before a Han
# character, is such an indent; a question mark of the text ends a sentence.
_LOST_INDENT = re.compile(r"^[?？\ufffd]{2,}(?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")


def blank_lost_indent(line: str) -> str:
    """The line with a lost indentation at its start written as spaces (same length)."""
    m = _LOST_INDENT.match(line)
    return line if m is None else " " * m.end() + line[m.end() :]


def strip_pinyin_glosses(text: str) -> str:
    return _PINYIN_GLOSS.sub("", text)


def gloss_end(original: str, end: int) -> int:
    """`end`, moved past the pinyin gloss that follows it in `original`, if one does:
    a name ending on a glossed character is copied with its gloss."""
    m = _PINYIN_GLOSS.match(original, end)
    return m.end() if m else end


def _fold_line(line: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Fold one line's characters; `offsets[i]` is where line[i] came from."""
    folded = fold_chars(line)
    if not length_changing().search(line):
        return folded, offsets
    out: list[str] = []
    out_offsets: list[int] = []
    table = char_table()
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


def drop_pinyin_glosses(line: str, offsets: list[int]) -> tuple[str, list[int]]:
    """The line without bracketed pinyin after its characters, with the offsets of what stays."""
    if "(" not in line:
        return line, offsets
    kept: list[str] = []
    kept_offsets: list[int] = []
    last = 0
    for m in _PINYIN_GLOSS.finditer(line):
        kept.append(line[last : m.start()])
        kept_offsets.extend(offsets[last : m.start()])
        last = m.end()
    if not last:
        return line, offsets
    kept.append(line[last:])
    kept_offsets.extend(offsets[last:])
    return "".join(kept), kept_offsets


def normalize_line(line: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Fold one line (no line break inside) and carry its offsets along."""
    folded, folded_offsets = drop_pinyin_glosses(*_fold_line(blank_lost_indent(line), offsets))
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
