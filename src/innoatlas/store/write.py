"""The write path: one document and its facts, inside the caller's transaction.

A document is keyed by its source. Writing a source that is already stored
replaces the row and every fact that came from it (mentions, indicators,
text relations), so a changed file never leaves stale facts behind.
Entities are shared between documents: they are upserted by their resolve
key, their aliases merged, their parent and region set. Relations that
come from a gazetteer rather than a text have no document and are stored
once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import String, delete, insert, select
from sqlalchemy.orm import Session

from innoatlas import records
from innoatlas.documents.model import Document as DocumentData
from innoatlas.extract.model import Extraction, RelationRecord
from innoatlas.store.links import PENDING_LINKS, document_sentences, refresh_links, write_links, written_links
from innoatlas.store.schema import Alias, Document, Entity, Indicator, Mention, Relation
from innoatlas.store.search_index import index_written_document
from innoatlas.text import fold_name

log = logging.getLogger(__name__)

# SQLite's default limit on bound parameters is 32766 and older builds 999:
# chunks of this size keep an IN (...) under both.
IN_CHUNK = 500
TEXT_ORIGIN = "text"
# Key in Session.info under which a bulk load collects fact rows (store/bulk.py).
BULK_ROWS = "innoatlas.bulk_rows"
# Stored signatures read per fetch when the duplicate index is rebuilt.
SIGNATURES_PER_FETCH = 2000


class CanonicalEntityLike(Protocol):
    key: str
    name: str
    type: str
    aliases: Any
    parent_key: str | None
    region_key: str | None
    code: str | None


class ResolutionLike(Protocol):
    """What the resolve stage gives (innoatlas.resolve.Resolution).

    It may also carry `relation_keys`, the (subject, object) keys of each
    text relation; without them relation ends are looked up by written name.
    """

    entities: dict[str, CanonicalEntityLike]
    mention_keys: list[str]
    relations: list[tuple]


@dataclass
class Facts:
    """What extraction and resolution found in one document.

    `sentences` are the document's sentences naming two or more entities,
    (start, end, entity keys), found by the extraction worker for the
    entity links (store/links.py); the writer finds them itself when absent.
    """

    extraction: Extraction
    resolution: ResolutionLike
    sentences: list[tuple[int, int, list[str]]] | None = None


def sentences_of(doc: DocumentData, extraction: Extraction, resolution: ResolutionLike) -> list:
    """The sentences of `doc` naming two or more of its resolved entities, keyed by entity key."""
    mentions = zip(extraction.entities, resolution.mention_keys, strict=False)
    return document_sentences(doc.norm, ((m.start, key) for m, key in mentions))


@dataclass
class Written:
    """What `write_facts` stored: for the search index and the entity links."""

    ids: dict[str, int]  # entity key -> id, of every entity the facts name
    changed: set[int]  # entities whose name or aliases are new: their search rows are rewritten
    relations: list[tuple]  # (id, document id, subject id, predicate, object id, quote) of each new relation

    @property
    def entity_ids(self) -> list[int]:
        return sorted(set(self.ids.values()))


@dataclass
class DocumentWrite:
    """One document to store: its facts, or the original it duplicates (then no facts)."""

    doc: DocumentData
    facts: Facts | None = None
    minhash: bytes | None = None
    duplicate_of_id: int | None = None
    duplicate_kind: str | None = None  # exact / near


# Called with the session and the document's id after its facts are written, in the
# same transaction: the pipeline replays analysts' corrections there (the store knows
# nothing of review). It returns how many facts it may have changed (0: none).
AfterFacts = Callable[[Session, int], int | None]


def write_document(session: Session, item: DocumentWrite, after_facts: AfterFacts | None = None) -> int:
    """Insert or replace the document of `item.doc.source` with its facts; returns its id."""
    row = session.scalar(select(Document).where(Document.source == item.doc.source))
    replaced = row is not None
    if row is None:
        row = Document(source=item.doc.source)
        session.add(row)
    else:
        delete_facts(session, row.id)
    fill_document(row, item)
    session.flush()
    written, corrected = None, False
    if item.facts is not None and item.duplicate_of_id is None:
        written = write_facts(session, row.id, item.facts)
        corrected = bool(after_facts(session, row.id)) if after_facts is not None else False
    # same transaction: never behind. A correction may rename or merge entities: all of them then.
    changed = written.entity_ids if written and corrected else sorted(written.changed) if written else []
    index_written_document(session, row.id, changed)
    session.flush()
    write_document_links(session, row.id, item, written, replaced, corrected)
    return row.id


def write_document_links(
    session: Session,
    document_id: int,
    item: DocumentWrite,
    written: Written | None,
    replaced: bool,
    corrected: bool,
) -> None:
    """The entity links of a document just written: from memory, unless a correction changed its facts."""
    relations = written.relations if written else []
    gazetteer_ids = [r[0] for r in relations if r[1] is None]
    pending = session.info.get(PENDING_LINKS)
    if pending is not None:  # a bulk load: the fact rows go in at the end of its batch (store/bulk.py)
        pending[0].add(document_id)
        pending[1].update(gazetteer_ids)
    elif corrected or any(r[0] is None for r in relations):  # read back (ids unknown without RETURNING)
        refresh_links(session, [document_id], gazetteer_ids)
    elif written is not None:
        facts = item.facts
        sentences = facts.sentences
        if sentences is None:
            sentences = sentences_of(item.doc, facts.extraction, facts.resolution)
        rows = written_links(document_id, relations, sentences, written.ids)
        write_links(session, document_id, rows, replaced)
    elif replaced:  # a changed document now a duplicate: its old links go
        write_links(session, document_id, [], replaced)


def delete_facts(session: Session, document_id: int) -> None:
    for model in (Mention, Indicator, Relation):
        session.execute(delete(model).where(model.document_id == document_id))


def document_columns(doc: DocumentData) -> dict[str, Any]:
    """The stored columns of a document, as the documents stage gave it (also the batch tables')."""
    published = doc.published
    known = published.value is not None and published.precision != "unknown"
    return {
        "name": doc.name,
        "format": doc.format,
        "encoding": doc.encoding,
        "url": doc.url,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": published.value if known else None,
        "published_precision": published.precision if known else "unknown",
        "script": doc.script,
        "original": doc.original,
        "body": doc.body,
        "norm": doc.norm,
        "norm_to_original": list(doc.norm_to_original),
        "content_hash": doc.content_hash,
    }


def fill_document(row: Document, item: DocumentWrite) -> None:
    values = {
        **document_columns(item.doc),
        "minhash": item.minhash,
        "duplicate_of_id": item.duplicate_of_id,
        "duplicate_kind": item.duplicate_kind if item.duplicate_of_id is not None else None,
    }
    for field, value in clip_values(Document, values).items():
        setattr(row, field, value)


def write_facts(session: Session, document_id: int, facts: Facts) -> Written:
    """Store the facts of a document; returns what was written (entity ids, the relations added)."""
    resolution = facts.resolution
    changed: set[int] = set()
    ids = upsert_entities(session, resolution.entities.values(), changed)
    name_keys = map_names_to_keys(facts.extraction, resolution)
    insert_mentions(session, document_id, facts.extraction, resolution.mention_keys, ids)
    insert_indicators(session, document_id, facts.extraction, name_keys, ids)
    end_keys = relation_end_keys(facts.extraction, resolution, name_keys)
    relations = insert_text_relations(session, document_id, facts.extraction.relations, end_keys, ids)
    added = insert_gazetteer_relations(session, resolution.relations, ids)
    session.flush()  # the gazetteer relations' ids
    relations += [(r.id, None, r.subject_id, r.predicate, r.object_id, None) for r in added]
    return Written(ids, changed, relations)


# -- entities ----------------------------------------------------------------


def upsert_entities(
    session: Session, entities: Iterable[CanonicalEntityLike], changed: set[int] | None = None
) -> dict[str, int]:
    """Create missing entities, merge aliases, set parents and regions; returns key -> id.

    The ids of the entities created, renamed or given a new alias are added to `changed`.
    """
    entities = list(entities)
    rows = load_entities(session, {e.key for e in entities} | linked_keys(entities))
    renamed: set[str] = set()
    for entity in entities:
        if entity.key not in rows:
            row = Entity(**clip_values(Entity, {"key": entity.key, "name": entity.name, "type": entity.type}))
            session.add(row)
            rows[entity.key] = row
            renamed.add(entity.key)
        if entity.code and not rows[entity.key].code:
            rows[entity.key].code = clip_values(Entity, {"code": entity.code})["code"]
        if len(entity.name) > len(rows[entity.key].name):  # the fullest written name, whatever the order
            rows[entity.key].name = clip_values(Entity, {"name": entity.name})["name"]
            renamed.add(entity.key)
    session.flush()
    for entity in entities:
        row = rows[entity.key]
        if entity.parent_key in rows and entity.parent_key != entity.key:
            row.parent_id = rows[entity.parent_key].id
        if entity.region_key in rows and entity.region_key != entity.key:
            row.region_id = rows[entity.region_key].id
    aliased = merge_aliases(session, entities, rows)
    if changed is not None:
        changed.update(aliased | {rows[key].id for key in renamed})
    return {key: row.id for key, row in rows.items()}


def linked_keys(entities: list[CanonicalEntityLike]) -> set[str]:
    keys = {e.parent_key for e in entities} | {e.region_key for e in entities}
    return {k for k in keys if k}


def load_entities(session: Session, keys: set[str]) -> dict[str, Entity]:
    rows: dict[str, Entity] = {}
    ordered = sorted(keys)
    for i in range(0, len(ordered), IN_CHUNK):
        chunk = ordered[i : i + IN_CHUNK]
        rows.update({e.key: e for e in session.scalars(select(Entity).where(Entity.key.in_(chunk)))})
    return rows


def merge_aliases(session: Session, entities: list[CanonicalEntityLike], rows: dict[str, Entity]) -> set[int]:
    """Every written name of an entity, its canonical name included, is an alias of it.

    Returns the ids of the entities given a new alias.
    """
    wanted: dict[tuple[int, str], str] = {}
    for entity in entities:
        entity_id = rows[entity.key].id
        for alias in [entity.name, *(entity.aliases or ())]:
            alias = clip_values(Alias, {"alias": alias})["alias"]
            if alias:
                wanted[(entity_id, alias)] = fold_name(alias)
    if not wanted:
        return set()
    ids = sorted({entity_id for entity_id, _ in wanted})
    names = sorted({alias for _, alias in wanted})
    have: set[tuple[int, str]] = set()
    for i in range(0, len(ids), IN_CHUNK):
        # only the names wanted: a much-named entity has hundreds of aliases
        for j in range(0, len(names), IN_CHUNK):
            query = select(Alias.entity_id, Alias.alias).where(
                Alias.entity_id.in_(ids[i : i + IN_CHUNK]), Alias.alias.in_(names[j : j + IN_CHUNK])
            )
            have.update((r[0], r[1]) for r in session.execute(query))
    new = [
        clip_values(Alias, {"entity_id": entity_id, "alias": alias, "norm": norm})
        for (entity_id, alias), norm in sorted(wanted.items())
        if (entity_id, alias) not in have
    ]
    if new:
        session.execute(insert(Alias), new)
    return {row["entity_id"] for row in new}


# -- facts ---------------------------------------------------------------------


def map_names_to_keys(extraction: Extraction, resolution: ResolutionLike) -> dict[str, str]:
    """Written (and folded) names of this document -> entity key, for indicators and relations."""
    keys: dict[str, str] = {}
    for entity in resolution.entities.values():
        for name in [entity.name, *(entity.aliases or ())]:
            keys.setdefault(fold_name(name), entity.key)
    for mention, key in zip(extraction.entities, resolution.mention_keys, strict=False):
        keys[mention.name] = key
        keys[fold_name(mention.name)] = key
        keys[fold_name(mention.norm_name)] = key
    return keys


def relation_end_keys(
    extraction: Extraction, resolution: ResolutionLike, name_keys: dict[str, str]
) -> list[tuple[str | None, str | None]]:
    """(subject key, object key) per text relation: the resolver's, else looked up by written name."""
    given = getattr(resolution, "relation_keys", None)
    if given and len(given) == len(extraction.relations):
        return list(given)
    return [(key_of(r.subject, name_keys), key_of(r.object, name_keys)) for r in extraction.relations]


def key_of(name: str | None, name_keys: dict[str, str]) -> str | None:
    if not name:
        return None
    return name_keys.get(name) or name_keys.get(fold_name(name))


def insert_mentions(
    session: Session, document_id: int, extraction: Extraction, mention_keys: list[str], ids: dict[str, int]
) -> None:
    rows = [
        clip_values(
            Mention,
            {
                "document_id": document_id,
                "entity_id": ids[key],
                "text": m.name,
                "start": m.start,
                "end": m.end,
                "extractor": m.extractor,
                "confidence": m.confidence,
            },
        )
        for m, key in zip(extraction.entities, mention_keys, strict=False)
        if key in ids
    ]
    if rows:
        insert_rows(session, Mention, rows)


def insert_indicators(
    session: Session, document_id: int, extraction: Extraction, name_keys: dict[str, str], ids: dict[str, int]
) -> None:
    rows = []
    for i in extraction.indicators:
        subject_key = key_of(i.subject, name_keys)
        values = records.dump(
            i,
            records.INDICATOR_STORED,
            metric=i.metric or "",
            document_id=document_id,
            subject_id=ids.get(subject_key) if subject_key else None,
            subject_text=i.subject,
        )
        rows.append(clip_values(Indicator, values))
    if rows:
        insert_rows(session, Indicator, rows)


def insert_text_relations(
    session: Session,
    document_id: int,
    relations: list[RelationRecord],
    end_keys: list[tuple[str | None, str | None]],
    ids: dict[str, int],
) -> list[tuple]:
    """Insert the relations found in a text; returns (id, document id, subject id, predicate, object id,
    quote) of each, for its entity link (ids unknown, None, when a bulk load copies them later)."""
    rows = []
    for r, (subject_key, object_key) in zip(relations, end_keys, strict=True):
        subject_id = ids.get(subject_key or "")
        object_id = ids.get(object_key or "")
        if subject_id is None or object_id is None:
            log.debug(
                "relation %s %s %s: an end is not a resolved entity; not stored",
                r.subject,
                r.predicate,
                r.object,
            )
            continue
        if subject_id == object_id:  # two names of one entity (重庆两江新区 part_of 两江新区)
            continue
        values = records.dump(
            r,
            records.RELATION_STORED,
            document_id=document_id,
            subject_id=subject_id,
            object_id=object_id,
            origin=TEXT_ORIGIN,
        )
        rows.append(clip_values(Relation, values))
    if not rows:
        return []
    ids_of_rows = insert_rows(session, Relation, rows, returning=Relation.id)
    return [
        (relation_id, document_id, r["subject_id"], r["predicate"], r["object_id"], r.get("quote"))
        for relation_id, r in zip(ids_of_rows, rows, strict=True)
    ]


def insert_gazetteer_relations(
    session: Session, relations: list[tuple], ids: dict[str, int]
) -> list[Relation]:
    """Relations the resolver took from reference data: no document, stored once; returns those added."""
    wanted = set()
    for subject_key, predicate, object_key, origin in relations:
        if origin == TEXT_ORIGIN or subject_key not in ids or object_key not in ids:
            continue
        wanted.add((ids[subject_key], predicate, ids[object_key], origin))
    stored = stored_gazetteer_relations(session, sorted({w[0] for w in wanted}))
    added: list[Relation] = []
    for subject_id, predicate, object_id, origin in sorted(wanted - stored):
        added.append(Relation(subject_id=subject_id, predicate=predicate, object_id=object_id, origin=origin))
        session.add(added[-1])
    return added


def stored_gazetteer_relations(session: Session, subject_ids: list[int]) -> set[tuple]:
    """(subject id, predicate, object id, origin) of the stored gazetteer relations of these subjects."""
    stored: set[tuple] = set()
    for i in range(0, len(subject_ids), IN_CHUNK):
        query = select(Relation.subject_id, Relation.predicate, Relation.object_id, Relation.origin).where(
            Relation.document_id.is_(None), Relation.subject_id.in_(subject_ids[i : i + IN_CHUNK])
        )
        stored.update(tuple(r) for r in session.execute(query))
    return stored


def insert_rows(session: Session, model: type, rows: list[dict], returning=None) -> list:
    """Insert fact rows now, or hand them to a bulk load that copies them at the end of its batch.

    With `returning` (a column), returns its value for each row in order (None each in a bulk load).
    """
    collected = session.info.get(BULK_ROWS)
    if collected is not None:  # store/bulk.py
        collected.setdefault(model, []).extend(rows)
        return [None] * len(rows)
    if returning is None or not session.get_bind().dialect.insert_returning:  # SQLite before 3.35
        session.execute(insert(model), rows)
        return [None] * len(rows)
    statement = insert(model).returning(returning, sort_by_parameter_order=True)
    return list(session.scalars(statement, rows))


# -- duplicates ------------------------------------------------------------------


def find_exact_duplicate(session: Session, content_hash: str, source: str) -> int | None:
    return session.scalar(
        select(Document.id)
        .where(
            Document.content_hash == content_hash,
            Document.source != source,
            Document.duplicate_of_id.is_(None),
        )
        .order_by(Document.id)
        .limit(1)
    )


def load_signatures(session: Session) -> Iterator[tuple[int, str, bytes]]:
    # Fetched by batches: a base of 100,000 documents holds 100 MB of signatures.
    query = (
        select(Document.id, Document.content_hash, Document.minhash)
        .where(Document.duplicate_of_id.is_(None), Document.minhash.is_not(None))
        .order_by(Document.id)
        .execution_options(yield_per=SIGNATURES_PER_FETCH)
    )
    for r in session.execute(query):
        yield r[0], r[1], r[2]


# -- helpers -----------------------------------------------------------------------


def clip_values(model: type, values: dict[str, Any]) -> dict[str, Any]:
    """Cut strings to their column's length: PostgreSQL rejects longer ones, SQLite would not."""
    columns = model.__table__.columns
    clipped = dict(values)
    for field, value in values.items():
        column_type = columns[field].type
        if isinstance(value, str) and isinstance(column_type, String) and column_type.length:
            clipped[field] = value[: column_type.length]
    return clipped
