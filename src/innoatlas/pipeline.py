"""The pipeline of DESIGN.md: documents -> extract -> resolve -> store.

TEMPORARY: only the database-free `extract_paths` for now.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from innoatlas.documents import prepare_document, read_paths
from innoatlas.errors import DocumentError
from innoatlas.extract import extract_document, to_annotation


def extract_paths(paths: Iterable[str]) -> Iterator[dict | DocumentError]:
    """One ANNOTATION.md object per readable document; a DocumentError for the others."""
    for raw in read_paths(paths):
        if isinstance(raw, DocumentError):
            yield raw
            continue
        doc = prepare_document(raw)
        yield to_annotation(doc, extract_document(doc))
