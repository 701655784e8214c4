"""What the documents report about an entity over time: its dated events (签约, 落户, 揭牌, ...).

An event is a sentence that mentions the entity and says one of the
EVENT_WORDS, dated by its document's publication date: the profile's
timeline, newest first, each linked to the sentence (by the mention's
anchor, /documents/N#m-ID).
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoatlas.store.queries import newest_first
from innoatlas.store.schema import Document, Mention

# The kinds of news a firm or a body makes, as the articles say them (folded text).
EVENT_WORDS = ("签约", "落户", "揭牌", "投资", "入选", "成立", "投产", "开工", "获批", "认定", "融资")
SENTENCE_END = re.compile(r"[。！？；!?;\n]")
# Documents read for one profile's events: the newest ones, enough for a timeline a page shows.
EVENT_DOCUMENTS = 40
EVENTS_SHOWN = 30


def entity_events(session: Session, entity_id: int) -> list[dict]:
    """Dated event sentences about the entity, newest document first, one per sentence."""
    newest = (
        select(Document.id)
        .where(Document.id.in_(select(Mention.document_id).where(Mention.entity_id == entity_id)))
        .order_by(*newest_first(session))
        .limit(EVENT_DOCUMENTS)
    )
    ids = session.scalars(newest).all()
    if not ids:
        return []
    docs = {
        d.id: d
        for d in session.execute(
            select(Document.id, Document.title, Document.name, Document.outlet, Document.published, Document.norm)
            .where(Document.id.in_(ids))
        )
    }
    mentions = session.execute(
        select(Mention.id, Mention.document_id, Mention.start)
        .where(Mention.entity_id == entity_id, Mention.document_id.in_(ids))
        .order_by(Mention.document_id, Mention.start)
    ).all()
    events, seen = [], set()
    by_doc = {i: n for n, i in enumerate(ids)}
    for mention in sorted(mentions, key=lambda m: (by_doc[m.document_id], m.start)):
        doc = docs[mention.document_id]
        start, end = sentence_bounds(doc.norm or "", mention.start)
        sentence = (doc.norm or "")[start:end].strip()
        kind = next((w for w in EVENT_WORDS if w in sentence), None)
        if kind is None or (doc.id, start) in seen:
            continue
        seen.add((doc.id, start))
        events.append(
            {
                "date": doc.published.isoformat() if doc.published else None,
                "kind": kind,
                "sentence": sentence,
                "mention": mention.id,
                "document": {"id": doc.id, "title": doc.title or doc.name, "outlet": doc.outlet},
            }
        )
        if len(events) == EVENTS_SHOWN:
            break
    return events


def sentence_bounds(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the sentence of `text` holding offset `at`."""
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, at)), default=0)
    stop = SENTENCE_END.search(text, at)
    return start, stop.end() if stop else len(text)
