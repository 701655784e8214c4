"""Coverage over time of a search, as GDELT shows a query's volume: documents and mentions per month, per outlet.

For a search, `documents` in a month are the matching documents published
in it, and `mentions` the mentions, in that month's documents, of the
entities the search matched (none when it matched no entity). The outlet
breakdown counts the matching documents. Undated documents are counted
apart. The session's date window (store/window.py) applies, as everywhere.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import String, func, select
from sqlalchemy.orm import Session

from innoatlas.store.read.common import chunks
from innoatlas.store.schema import Document, Mention
from innoatlas.store.window import IDS_PER_QUERY


def search_coverage(session: Session, document_ids: list[int], entity_ids: list[int]) -> dict:
    """{months: [{month, documents, mentions}], outlets: [{value, count}], undated} of a search's matches."""
    month = func.substr(func.cast(Document.published, String), 1, 7)
    documents: Counter = Counter()
    outlets: Counter = Counter()
    undated = 0
    for chunk in chunks(document_ids, IDS_PER_QUERY):
        rows = session.execute(select(month, Document.outlet).where(Document.id.in_(chunk))).all()
        documents.update(m for m, _ in rows if m)
        outlets.update(o for _, o in rows if o)
        undated += sum(1 for m, _ in rows if not m)
    mentions: Counter = Counter()
    for chunk in chunks(entity_ids, IDS_PER_QUERY):
        mentions.update(
            dict(
                session.execute(
                    select(month, func.count(Mention.id))
                    .join(Mention, Mention.document_id == Document.id)
                    .where(Mention.entity_id.in_(chunk), Document.published.is_not(None))
                    .group_by(month)
                ).all()
            )
        )
    return {
        "months": [
            {"month": m, "documents": documents[m], "mentions": mentions[m]}
            for m in sorted(set(documents) | set(mentions))
        ],
        "outlets": [{"value": o, "count": n} for o, n in outlets.most_common()],
        "undated": undated,
    }
