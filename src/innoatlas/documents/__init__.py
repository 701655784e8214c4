"""The documents stage: read, clean, normalise, date and de-duplicate.

TEMPORARY minimal version so that the other stages can be developed; the
full stage replaces the internals and keeps these two functions.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from innoatlas.documents.model import Document, PublishedDate, RawDocument


def prepare_document(raw: RawDocument) -> Document:
    from opencc import OpenCC

    text = raw.text
    norm = OpenCC("t2s.json").convert(unicodedata.normalize("NFKC", text))
    if len(norm) != len(text):  # the real stage keeps an exact offset map
        norm = "".join(OpenCC("t2s.json").convert(unicodedata.normalize("NFKC", c))[:1] or c for c in text)
    return Document(
        source=raw.source, name=raw.name, format=raw.format, original=text, body=text, norm=norm,
        norm_to_original=list(range(len(text) + 1)), title=raw.title, outlet=raw.outlet,
        published=PublishedDate(None, "unknown"), script="Hans",
        content_hash=hashlib.sha256(norm.encode()).hexdigest(), encoding=raw.encoding, url=raw.url,
    )


def document_from_text(text: str, name: str = "text.txt", published: str | None = None) -> Document:
    """Run the whole stage on a string (for tests and the Python API)."""
    return prepare_document(RawDocument(source=name, name=name, text=text, format="txt", published=published))


def read_paths(paths):
    for p in paths:
        p = Path(p)
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            yield RawDocument(source=str(f), name=f.name, text=f.read_text(encoding="utf-8"), format="txt")
