"""Links between entities, kept up to date by the writers: what the collaboration network reads.

Each stored relation between two entities is one link of its pair, and so
is each sentence of an original document that names both (a co-mention).
`entity_links` holds one row per link (pair a < b, kind, weight, where its
evidence is); `entity_link_totals` holds each pair's sums. The network
then ranks nodes and edges from the totals and reads evidence for the
edges it shows, instead of reading every relation, mention and text of
the base on each first call (32 s on 100,000 documents).

Every writer keeps them current in its own transaction: `write_document`
refreshes the links of the document it writes (store/write.py), a bulk
load those of each batch once its fact rows are in (store/bulk.py), a
review action those of the documents it touches (review/apply.py). A
refresh rewrites the documents' link rows and recounts the totals of every
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

from sqlalchemy import case, delete, func, insert, or_, select, tuple_
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


def sentences_with_entities(
    text: str, mentions: list[tuple[int, int]]
) -> Iterator[tuple[int, int, set[int]]]:
    """(start, end, entity ids) of each sentence naming two or more entities; mentions are (start, id) in order."""
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


# -- writing -----------------------------------------------------------------------


def refresh_links(session: Session, document_ids: Iterable[int], relation_ids: Iterable[int] = ()) -> None:
    """Rewrite the links of these documents (and of these relations no document gives), then their pairs' totals."""
    document_ids, relation_ids = sorted(set(document_ids)), sorted(set(relation_ids))
    if not document_ids and not relation_ids:
        return
    pairs: set[tuple[int, int]] = set()
    for docs, rels in _in_chunks(document_ids, relation_ids):
        pairs.update(_delete_links(session, _links_of(docs, rels)))
        rows = relation_links(session, docs, rels) + co_mention_links(session, docs)
        _insert(session, rows)
        pairs.update((r["a_id"], r["b_id"]) for r in rows)
    recount(session, pairs)


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
    ids = session.scalars(select(Document.id).order_by(Document.id)).all()
    count = 0
    for start in range(0, len(ids), DOCUMENTS_PER_READ):
        chunk = ids[start : start + DOCUMENTS_PER_READ]
        rows = relation_links(session, chunk, []) + co_mention_links(session, chunk)
        count += _insert(session, rows)
    gazetteer = session.scalars(select(Relation.id).where(Relation.document_id.is_(None))).all()
    for start in range(0, len(gazetteer), DOCUMENTS_PER_READ * 10):
        count += _insert(
            session, relation_links(session, [], gazetteer[start : start + DOCUMENTS_PER_READ * 10])
        )
    session.execute(insert(EntityLinkTotal).from_select(TOTAL_COLUMNS, _totals()))
    return count


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
    rows = []
    for relation_id, document_id, subject_id, predicate, object_id, quote in session.execute(query):
        if subject_id == object_id:
            continue
        a, b = sorted((subject_id, object_id))
        weight = RELATION_WEIGHTS.get(predicate, OTHER_RELATION_WEIGHT)
        rows.append(_row(document_id, a, b, predicate, 0, weight, relation_id, 1 if quote else 0))
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
            for a, b in combinations(sorted(ids), 2):
                row = _row(document_id, a, b, CO_MENTION, 1, CO_MENTION_WEIGHT, None, 1)
                rows.append({**row, "start": start, "end": end})
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
