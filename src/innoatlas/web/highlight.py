"""Cut a document's text into pieces for the reader, each marked with its entity and figure.

Spans are offsets into Document.norm, but the reader shows the original
text: each piece of norm is shown as the original characters it came from
(Document.norm_to_original). Text the documents stage dropped (navigation,
footers) is skipped; a line break inside it is kept so paragraphs stay
apart. The pieces are plain strings: the template escapes every one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Piece:
    text: str
    entity: dict | None = None  # {"id", "name", "type"} of the innermost mention
    indicator: int | None = None  # id of the innermost figure


def cut_pieces(doc: dict) -> list[Piece]:
    """Pieces of the document view from queries.get_document, in reading order."""
    norm = doc["norm"] or ""
    to_original = doc.get("norm_to_original") or []
    if len(to_original) != len(norm) + 1:
        to_original, original = list(range(len(norm) + 1)), norm  # no usable map: show the norm text
    else:
        original = doc["original"]
    mentions = [(m["start"], m["end"], m["entity"]) for m in doc["mentions"] if _valid(m, norm)]
    figures = [(i["start"], i["end"], i["id"]) for i in doc["indicators"] if _valid(i, norm)]
    bounds = _boundaries(len(norm), mentions, figures, to_original)
    pieces: list[Piece] = []
    cursor = to_original[0] if norm else 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        start = max(cursor, to_original[a])
        if a > 0 and start > cursor and "\n" in original[cursor:start]:
            _append(pieces, Piece("\n"))
        end = max(start, to_original[b - 1] + 1)
        cursor = end
        _append(pieces, Piece(original[start:end], _innermost(mentions, a, b), _innermost(figures, a, b)))
    return pieces


def _valid(span: dict, norm: str) -> bool:
    return span.get("start") is not None and 0 <= span["start"] < span["end"] <= len(norm)


def _boundaries(n: int, mentions: list, figures: list, to_original: list[int]) -> list[int]:
    bounds = {0, n}
    for start, end, _ in mentions + figures:
        bounds.update((start, end))
    # a jump in the map is dropped original text: cut there so it is not shown
    bounds.update(i for i in range(1, n) if to_original[i] > to_original[i - 1] + 1)
    return sorted(bounds)


def _innermost(spans: list, a: int, b: int):
    covering = [(end - start, ref) for start, end, ref in spans if start <= a and b <= end]
    if not covering:
        return None
    return min(covering, key=lambda c: c[0])[1]


def _append(pieces: list[Piece], piece: Piece) -> None:
    if not piece.text:
        return
    last = pieces[-1] if pieces else None
    if last is not None and last.entity == piece.entity and last.indicator == piece.indicator:
        last.text += piece.text
    else:
        pieces.append(piece)
