"""A knowledge base as sorted rows with ids replaced by natural keys, to compare two bases.

Two ingests of the same inputs may number their rows differently (entity
ids follow the order entities were first met); what a user sees must not
differ. Documents are named by source, entities by resolve key; the
ingest time is left out.
"""

from __future__ import annotations

from sqlalchemy import select

from innoatlas.store.schema import Alias, Document, Entity, EntityLinkTotal, Indicator, Mention, Relation

SKIPPED_DOCUMENT_COLUMNS = {"id", "ingested_at", "duplicate_of_id"}


def comparable_rows(store, sources=lambda s: s) -> dict[str, list[tuple]]:
    """Every table of interest as a sorted list of tuples; `sources` rewrites document sources."""
    with store.session() as session:
        docs = {d.id: sources(d.source) for d in session.scalars(select(Document))}
        keys = dict(session.execute(select(Entity.id, Entity.key)).all())
        return {
            "documents": sorted(document_row(d, docs, sources) for d in session.scalars(select(Document))),
            "entities": sorted(
                (e.key, e.name, e.type, e.code, keys.get(e.parent_id), keys.get(e.region_id), e.review_status)
                for e in session.scalars(select(Entity))
            ),
            "aliases": sorted((keys[a.entity_id], a.alias, a.norm) for a in session.scalars(select(Alias))),
            "mentions": sorted(
                (docs[m.document_id], keys[m.entity_id], m.text, m.start, m.end, m.extractor, m.confidence)
                for m in session.scalars(select(Mention))
            ),
            "indicators": sorted(
                (
                    docs[i.document_id],
                    keys.get(i.subject_id) or "",
                    *fields(i, Indicator, {"document_id", "subject_id"}),
                )
                for i in session.scalars(select(Indicator))
            ),
            "relations": sorted(
                (
                    docs.get(r.document_id) or "",
                    keys[r.subject_id],
                    r.predicate,
                    keys[r.object_id],
                    r.start if r.start is not None else -1,
                    r.end if r.end is not None else -1,
                    r.quote or "",
                    r.origin,
                )
                for r in session.scalars(select(Relation))
            ),
            # the collaboration network's sums, kept by the writers (store/links.py)
            "entity_link_totals": sorted(
                (
                    *sorted((keys[t.a_id], keys[t.b_id])),
                    t.weight,
                    t.relation_weight,
                    t.relations,
                    t.co_mentions,
                )
                for t in session.scalars(select(EntityLinkTotal))
            ),
        }


def document_row(d, docs: dict[int, str], sources) -> tuple:
    values = fields(d, Document, SKIPPED_DOCUMENT_COLUMNS)
    values = tuple(sources(v) if column == "source" else v for column, v in values)
    return (*values, docs.get(d.duplicate_of_id) or "")


def fields(row, model, skipped: set[str]) -> tuple:
    """(column, value) pairs of the other columns, None shown as '' so that rows sort."""
    return tuple(
        (c.name, "" if getattr(row, c.name) is None else getattr(row, c.name))
        for c in model.__table__.columns
        if c.name not in skipped and c.name != "id"
    )
