"""The entities the extractor finds in a body written for a test (a headline is put first)."""

from __future__ import annotations

from innoatlas.documents import document_from_text
from innoatlas.extract.entities import extract_entities
from innoatlas.extract.tokens import tag_text


def typed(body: str) -> list[tuple[str, str]]:
    """(name, type) of the mentions of `body`, in text order."""
    doc = document_from_text("测试新闻标题\n" + body + "\n")
    return [(m.name, m.type) for m in extract_entities(doc, tag_text(doc.norm))]
