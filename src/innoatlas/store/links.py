"""Links between entities, kept up to date by the writers: what the collaboration network reads.

Each stored relation between two entities is one link of its pair, and so
is each sentence of an original document that names both (a co-mention).
`entity_links` holds one row per link (pair a < b, kind, weight, where its
evidence is); `entity_link_totals` holds each pair's sums. The network
then ranks nodes and edges from the totals and reads evidence for the
edges it shows, instead of reading every relation, mention and text of
the base on each first call (32 s on 100,000 documents).

Every writer keeps them current in its own transaction. `write_document`
(store/write.py) writes the links of the document it writes from what it
has in memory: the sentences naming two entities were found by the
extraction worker, keyed by entity key (`document_sentences`), the
relations are the rows it has just inserted; the links of a new document
are added to their pairs' totals. A bulk load refreshes those of each
batch once its fact rows are in (store/bulk.py), a review action those of
the documents it touches (review/apply.py), and so does `write_document`
when a replayed correction changed the facts: a refresh reads the facts
back, rewrites the documents' link rows and recounts the totals of every
pair they had or have, so a total is always the sum of its rows.
`rebuild_links` recomputes everything (migration 0011, `innoatlas
rebuild-links`).
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import Any

from sqlalchemy import case, delete, func, insert, or_, select, tuple_
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from innoatlas.store.schema import Document, EntityLink, EntityLinkTotal, Mention, Relation

# An agreement or an investment says more about collaboration than a shared location.
RELATION_WEIGHTS = {
    "cooperates_with": 3.0,
    "invests_in": 3.0,
    "supplies": 3.0,
    "member_of": 2.0,
    "chain_leader_of": 1.0,
    "focuses_on": 1.0,
    "part_of": 1.0,
    "located_in": 1.0,
}
OTHER_RELATION_WEIGHT = 1.0
CO_MENTION = "co_mention"
CO_MENTION_WEIGHT = 1.0
SENTENCE_END = re.compile(r"[。！？!?；;\n]+")
# Documents whose texts are read at a time, pairs recounted per statement.
DOCUMENTS_PER_READ = 200
PAIRS_PER_STATEMENT = 200
# Key in Session.info under which a bulk load collects the documents whose links wait for their facts.
PENDING_LINKS = "innoatlas.pending_links"

LINK_COLUMNS = ("document_id", "a_id", "b_id", "kind", "is_sentence", "weight", "relation_id", "quoted")


def sentences_with_entities(text: str, mentions: list[tuple[int, Any]]) -> Iterator[tuple[int, int, set]]:
    """(start, end, entities) of each sentence naming two or more entities; mentions are (start, entity id
    or key) in order of start."""
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    index = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        ids = set()
        while index < len(mentions) and mentions[index][0] < end:
            if mentions[index][0] >= start:
                ids.add(mentions[index][1])
            index += 1
        if len(ids) >= 2:
            yield start, end, ids


def document_sentences(norm: str, mentions: Iterable[tuple[int, str]]) -> list[tuple[int, int, list[str]]]:
    """(start, end, entity keys) of each sentence of a text naming two or more entities.

    Computed in the extraction worker from the mentions' (start, key), so
    that the single writer only maps keys to ids (`written_links`).
    """
    ordered = sorted(mentions, key=lambda m: m[0])
    return [(start, end, sorted(keys)) for start, end, keys in sentences_with_entities(norm or "", ordered)]


# -- writing -----------------------------------------------------------------------


def written_links(
    document_id: int,
    relations: Iterable[tuple],
    sentences: Iterable[tuple[int, int, list[str]]],
    ids: dict[str, int],
) -> list[dict]:
    """A document's link rows from what its writer holds: the (id, document id, subject id, predicate,
    object id, quote) of the relations it inserted, and its sentences keyed by entity key.

    The same rows as `relation_links` + `co_mention_links` read back from the tables.
    """
    rows = [r for r in (relation_row(*relation) for relation in relations) if r is not None]
    for start, end, keys in sentences:
        rows.extend(co_mention_rows(document_id, start, end, {ids[k] for k in keys if k in ids}))
    return rows


def write_links(session: Session, document_id: int, rows: list[dict], replaced: bool) -> None:
    """Store a written document's link rows (and those of the gazetteer relations it added).

    A new document's links are added to their pairs' totals; a replaced
    one's old links are deleted and the pairs they had or have recounted.
    """
    if not replaced:
        _insert(session, rows)
        add_to_totals(session, rows)
        return
    pairs = set(_delete_links(session, _links_of([document_id], [])))
    _insert(session, rows)
    recount(session, pairs | {(r["a_id"], r["b_id"]) for r in rows})


def add_to_totals(session: Session, rows: list[dict]) -> None:
    """Add new link rows to their pairs' totals (a pair without one gets it): one upsert per pair."""
    sums: dict[tuple[int, int], list] = {}
    for r in rows:
        total = sums.setdefault((r["a_id"], r["b_id"]), [0.0, 0.0, 0, 0])
        total[0] += r["weight"]
        if r["is_sentence"]:
            total[3] += 1
        else:
            total[1] += r["weight"]
            total[2] += 1
    if not sums:
        return
    values = [dict(zip(TOTAL_COLUMNS, (*pair, *total), strict=True)) for pair, total in sorted(sums.items())]
    dialect = session.get_bind().dialect.name
    upsert = (postgresql_insert if dialect == "postgresql" else sqlite_insert)(EntityLinkTotal)
    added = {c: getattr(EntityLinkTotal, c) + getattr(upsert.excluded, c) for c in TOTAL_COLUMNS[2:]}
    session.execute(upsert.on_conflict_do_update(index_elements=["a_id", "b_id"], set_=added), values)


def refresh_links(session: Session, document_ids: Iterable[int], relation_ids: Iterable[int] = ()) -> None:
    """Rewrite the links of these documents (and of these relations no document gives), then their pairs' totals."""
    document_ids, relation_ids = sorted(set(document_ids)), sorted(set(relation_ids))
    if not document_ids and not relation_ids:
        return
    pairs: set[tuple[int, int]] = set()
    for docs, rels in _in_chunks(document_ids, relation_ids):
        pairs.update(_delete_links(session, _links_of(docs, rels)))
    recount(session, pairs | _write_links_of(session, document_ids, relation_ids))


def links_scope(session: Session, entity_ids: Iterable[int]) -> tuple[set[int], set[int]]:
    """(documents, gazetteer relations) whose links may name one of these entities."""
    ids = sorted(set(entity_ids))
    documents: set[int] = set()
    relations: set[int] = set()
    for start in range(0, len(ids), PAIRS_PER_STATEMENT):
        chunk = ids[start : start + PAIRS_PER_STATEMENT]
        documents.update(session.scalars(select(Mention.document_id).where(Mention.entity_id.in_(chunk))))
        touching = or_(Relation.subject_id.in_(chunk), Relation.object_id.in_(chunk))
        for document_id, relation_id in session.execute(
            select(Relation.document_id, Relation.id).where(touching)
        ):
            if document_id is None:
                relations.add(relation_id)
            else:
                documents.add(document_id)
        linked = or_(EntityLink.a_id.in_(chunk), EntityLink.b_id.in_(chunk))
        for document_id, relation_id in session.execute(
            select(EntityLink.document_id, EntityLink.relation_id).where(linked)
        ):
            if document_id is None:
                relations.add(relation_id)
            else:
                documents.add(document_id)
    return documents, relations


def rebuild_links(session: Session) -> int:
    """Recompute every link and total from the facts; returns the number of links. The caller commits."""
    session.execute(delete(EntityLinkTotal))
    session.execute(delete(EntityLink))
    documents = session.scalars(select(Document.id).order_by(Document.id)).all()
    gazetteer = session.scalars(select(Relation.id).where(Relation.document_id.is_(None))).all()
    _write_links_of(session, documents, gazetteer)
    session.execute(insert(EntityLinkTotal).from_select(TOTAL_COLUMNS, _totals()))
    return session.scalar(select(func.count()).select_from(EntityLink))


def _write_links_of(
    session: Session, document_ids: list[int], relation_ids: list[int]
) -> set[tuple[int, int]]:
    """Insert the links of these documents and relations, read from the facts; returns their pairs."""
    pairs: set[tuple[int, int]] = set()
    for docs, rels in _in_chunks(list(document_ids), list(relation_ids)):
        rows = relation_links(session, docs, rels) + co_mention_links(session, docs)
        _insert(session, rows)
        pairs.update((r["a_id"], r["b_id"]) for r in rows)
    return pairs


def relation_links(session: Session, document_ids: list[int], relation_ids: list[int]) -> list[dict]:
    """A link row for each relation of these documents, and for each of `relation_ids`."""
    conditions = []
    if document_ids:
        conditions.append(Relation.document_id.in_(document_ids))
    if relation_ids:
        conditions.append(Relation.id.in_(relation_ids))
    if not conditions:
        return []
    query = select(
        Relation.id,
        Relation.document_id,
        Relation.subject_id,
        Relation.predicate,
        Relation.object_id,
        Relation.quote,
    ).where(or_(*conditions))
    rows = (relation_row(*relation) for relation in session.execute(query))
    return [r for r in rows if r is not None]


def relation_row(relation_id, document_id, subject_id, predicate, object_id, quote) -> dict | None:
    """The link row of one relation (None for a relation of an entity with itself)."""
    if subject_id == object_id:
        return None
    a, b = sorted((subject_id, object_id))
    weight = RELATION_WEIGHTS.get(predicate, OTHER_RELATION_WEIGHT)
    return _row(document_id, a, b, predicate, 0, weight, relation_id, 1 if quote else 0)


def co_mention_rows(document_id: int, start: int, end: int, ids: set[int]) -> list[dict]:
    """The link rows of one sentence naming the entities `ids`: one per pair."""
    rows = []
    for a, b in combinations(sorted(ids), 2):
        row = _row(document_id, a, b, CO_MENTION, 1, CO_MENTION_WEIGHT, None, 1)
        rows.append({**row, "start": start, "end": end})
    return rows


def co_mention_links(session: Session, document_ids: list[int]) -> list[dict]:
    """A link row for each sentence of these originals naming two entities, per pair (offsets into norm)."""
    if not document_ids:
        return []
    mentions: dict[int, list[tuple[int, int]]] = defaultdict(list)
    query = (
        select(Mention.document_id, Mention.start, Mention.entity_id)
        .where(Mention.document_id.in_(document_ids))
        .order_by(Mention.document_id, Mention.start, Mention.entity_id)
    )
    for document_id, start, entity_id in session.execute(query):
        mentions[document_id].append((start, entity_id))
    if not mentions:
        return []
    texts = select(Document.id, Document.norm).where(
        Document.id.in_(list(mentions)), Document.duplicate_of_id.is_(None)
    )
    rows = []
    for document_id, norm in session.execute(texts):
        for start, end, ids in sentences_with_entities(norm or "", mentions[document_id]):
            rows.extend(co_mention_rows(document_id, start, end, ids))
    return rows


def recount(session: Session, pairs: set[tuple[int, int]]) -> None:
    """Each pair's total made again from its link rows (gone when it has none)."""
    ordered = sorted(pairs)
    for start in range(0, len(ordered), PAIRS_PER_STATEMENT):
        chunk = ordered[start : start + PAIRS_PER_STATEMENT]
        total_pair = tuple_(EntityLinkTotal.a_id, EntityLinkTotal.b_id)
        session.execute(delete(EntityLinkTotal).where(total_pair.in_(chunk)))
        link_pair = tuple_(EntityLink.a_id, EntityLink.b_id)
        session.execute(insert(EntityLinkTotal).from_select(TOTAL_COLUMNS, _totals(link_pair.in_(chunk))))


TOTAL_COLUMNS = ["a_id", "b_id", "weight", "relation_weight", "relations", "co_mentions"]


def _totals(where=None):
    is_relation = EntityLink.is_sentence == 0
    query = select(
        EntityLink.a_id,
        EntityLink.b_id,
        func.sum(EntityLink.weight),
        func.sum(case((is_relation, EntityLink.weight), else_=0.0)),
        func.sum(case((is_relation, 1), else_=0)),
        func.sum(EntityLink.is_sentence),
    ).group_by(EntityLink.a_id, EntityLink.b_id)
    return query if where is None else query.where(where)


def _links_of(document_ids: list[int], relation_ids: list[int]):
    conditions = []
    if document_ids:
        conditions.append(EntityLink.document_id.in_(document_ids))
    if relation_ids:
        conditions.append(EntityLink.document_id.is_(None) & EntityLink.relation_id.in_(relation_ids))
    return or_(*conditions)


def _in_chunks(document_ids: list[int], relation_ids: list[int]):
    size = DOCUMENTS_PER_READ
    for start in range(0, len(document_ids), size):
        yield document_ids[start : start + size], []
    for start in range(0, len(relation_ids), size * 10):
        yield [], relation_ids[start : start + size * 10]


def _delete_links(session: Session, where) -> list[tuple[int, int]]:
    """Delete the links `where` selects; returns their pairs (one statement where RETURNING exists)."""
    if session.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info < (3, 35, 0):
        pairs = [tuple(r) for r in session.execute(select(EntityLink.a_id, EntityLink.b_id).where(where))]
        session.execute(delete(EntityLink).where(where))
        return pairs
    gone = delete(EntityLink).where(where).returning(EntityLink.a_id, EntityLink.b_id)
    return [tuple(r) for r in session.execute(gone)]


def _row(document_id, a, b, kind, is_sentence, weight, relation_id, quoted) -> dict:
    values = dict(
        zip(LINK_COLUMNS, (document_id, a, b, kind, is_sentence, weight, relation_id, quoted), strict=True)
    )
    return {**values, "start": None, "end": None}


def _insert(session: Session, rows: list[dict]) -> int:
    if rows:
        session.execute(insert(EntityLink), rows)
    return len(rows)
