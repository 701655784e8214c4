"""Documents written for these tests, with mentions placed by hand (the resolver's input)."""

from __future__ import annotations

from innoatlas.documents import document_from_text
from innoatlas.extract.model import EntityMention, Extraction, RelationRecord
from innoatlas.resolve import Resolution, resolve_document


def mention(doc, name: str, type_: str, nth: int = 0) -> EntityMention:
    """The `nth` occurrence of `name` in the document's normalised text, as the extractor gives it."""
    start = -1
    for _ in range(nth + 1):
        start = doc.norm.index(doc_norm(name), start + 1)
    end = start + len(doc_norm(name))
    return EntityMention(doc.original_text(start, end), doc.norm[start:end], type_, start, end)


def doc_norm(name: str) -> str:
    from innoatlas.text import normalize_text

    return normalize_text(name)


def resolve(text: str, names: list[tuple[str, str]], published: str | None = None, relations=()):
    """Resolve `text` whose mentions are `names` [(name, type)]; returns (resolution, key per name)."""
    doc = document_from_text(text, published=published)
    mentions = [mention(doc, name, type_) for name, type_ in names]
    records = [
        RelationRecord(subject, predicate, obj, text, 0, len(text), subject_type, object_type)
        for subject, predicate, obj, subject_type, object_type in relations
    ]
    resolution = resolve_document(doc, Extraction(entities=mentions, relations=records))
    return resolution, dict(zip([n for n, _ in names], resolution.mention_keys, strict=True))


def entity_of(resolution: Resolution, key: str):
    return resolution.entities[key]
