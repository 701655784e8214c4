"""Cut a document's text into pieces for the reader, each marked with its entity and figure.

Spans are offsets into Document.norm, but the reader shows the original
text: each piece of norm is shown as the original characters it came from
(Document.norm_to_original). Text the documents stage dropped (navigation,
footers) is skipped; a line break inside it is kept so paragraphs stay
apart. The pieces are plain strings: the template escapes every one.

Every fact has an anchor on the piece where it starts, so a quote can link
to /documents/N#i-7 (figure 7), #m-12 (mention 12) or #r-3 (relation 3);
`cut_sentences` groups the pieces by sentence, so the page can highlight
the sentence holding the fact a link points at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Where a sentence ends in the shown (original) text: full- and half-width
# stops, and line breaks (headlines and list items have no stop).
SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』)）]*|\n+")


@dataclass
class Piece:
    text: str
    entity: dict | None = None  # {"id", "name", "type"} of the innermost mention
    indicator: int | None = None  # id of the innermost figure
    anchors: list[str] = field(default_factory=list, compare=False)  # ids of facts starting here


@dataclass
class Sentence:
    number: int
    pieces: list[Piece]


def cut_pieces(doc: dict) -> list[Piece]:
    """Pieces of the document view from the store's documents.get_document, in reading order."""
    norm = doc["norm"] or ""
    to_original = doc.get("norm_to_original") or []
    if len(to_original) != len(norm) + 1:
        to_original, original = list(range(len(norm) + 1)), norm  # no usable map: show the norm text
    else:
        original = doc["original"]
    mentions = [(m["start"], m["end"], m["entity"]) for m in doc["mentions"] if _valid(m, norm)]
    figures = [(i["start"], i["end"], i["id"]) for i in doc["indicators"] if _valid(i, norm)]
    anchors = _anchors(doc, norm)
    bounds = _boundaries(len(norm), mentions, figures, to_original, anchors)
    pieces: list[Piece] = []
    cursor = to_original[0] if norm else 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        start = max(cursor, to_original[a])
        if a > 0 and start > cursor and "\n" in original[cursor:start]:
            _append(pieces, Piece("\n"))
        end = max(start, to_original[b - 1] + 1)
        cursor = end
        piece = Piece(original[start:end], _innermost(mentions, a, b), _innermost(figures, a, b))
        piece.anchors = anchors.get(a, [])
        _append(pieces, piece)
    return pieces


def cut_sentences(pieces: list[Piece]) -> list[Sentence]:
    """The pieces grouped by sentence (a piece across a sentence end is cut there)."""
    sentences = [Sentence(0, [])]
    for piece in pieces:
        rest, first = piece.text, True
        while rest:
            stop = SENTENCE_END.search(rest)
            cut = stop.end() if stop else len(rest)
            part = Piece(rest[:cut], piece.entity, piece.indicator, piece.anchors if first else [])
            sentences[-1].pieces.append(part)
            rest, first = rest[cut:], False
            if stop:
                sentences.append(Sentence(len(sentences), []))
    return [s for s in sentences if s.pieces]


def _anchors(doc: dict, norm: str) -> dict[int, list[str]]:
    """Norm offset -> the anchor ids of the facts that start there."""
    anchors: dict[int, list[str]] = {}
    for prefix, key in (("m", "mentions"), ("i", "indicators"), ("r", "relations")):
        for fact in doc.get(key) or []:
            if fact.get("id") is not None and _valid(fact, norm):
                anchors.setdefault(fact["start"], []).append(f"{prefix}-{fact['id']}")
    return anchors


def _valid(span: dict, norm: str) -> bool:
    return span.get("start") is not None and 0 <= span["start"] < span["end"] <= len(norm)


def _boundaries(n: int, mentions: list, figures: list, to_original: list[int], anchors: dict) -> list[int]:
    bounds = {0, n, *anchors}
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
    same = last is not None and last.entity == piece.entity and last.indicator == piece.indicator
    if same and not piece.anchors:
        last.text += piece.text
    else:
        pieces.append(piece)
