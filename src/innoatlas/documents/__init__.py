"""The documents stage: read, clean, normalise, date and de-duplicate.

1. read (read.py): files and JSONL records to RawDocuments; formats and
   encodings; unreadable inputs become DocumentErrors, yielded, not raised;
2. clean (clean.py): the article body as kept pieces of the original text;
3. normalise (normalize.py): simplified script, half width, radical
   look-alikes folded, with a map from every normalised offset back;
4. metadata (metadata.py): title, outlet, publication date with precision;
5. duplicates (dedup.py): exact and near-duplicate reposts.
"""

from __future__ import annotations

import hashlib
import logging

from innoatlas.documents.clean import clean_text
from innoatlas.documents.dedup import DuplicateIndex, DuplicateMatch, minhash_bytes
from innoatlas.documents.metadata import extract_dates, extract_outlet, extract_title
from innoatlas.documents.model import Document, PublishedDate, RawDocument
from innoatlas.documents.normalize import detect_script, normalize_pieces
from innoatlas.documents.read import read_paths

__all__ = [
    "Document",
    "DuplicateIndex",
    "DuplicateMatch",
    "PublishedDate",
    "RawDocument",
    "document_from_text",
    "minhash_bytes",
    "prepare_document",
    "read_paths",
]

log = logging.getLogger(__name__)


def prepare_document(raw: RawDocument) -> Document:
    """Clean, normalise and date one RawDocument."""
    cleaned = clean_text(raw.text)
    body, norm, mapping = normalize_pieces(raw.text, cleaned.pieces)
    warnings = []
    if not norm.strip():
        warnings.append("no article body found: every line looked like page furniture")
        log.warning("%s: %s", raw.source, warnings[-1])
    published, speaks_from = extract_dates(raw, cleaned)
    return Document(
        source=raw.source,
        name=raw.name,
        format=raw.format,
        original=raw.text,
        body=body,
        norm=norm,
        norm_to_original=mapping,
        title=extract_title(raw, cleaned),
        outlet=extract_outlet(raw, cleaned),
        published=published,
        script=detect_script(body),
        content_hash=hashlib.sha256(norm.encode("utf-8")).hexdigest(),
        encoding=raw.encoding,
        url=raw.url,
        warnings=warnings,
        speaks_from=speaks_from,
    )


def document_from_text(text: str, name: str = "text.txt", published: str | None = None) -> Document:
    """Run the whole stage on a string (for tests and the Python API)."""
    return prepare_document(RawDocument(source=name, name=name, text=text, format="txt", published=published))
