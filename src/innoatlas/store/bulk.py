"""Bulk writes: many documents in one transaction, their fact rows copied in at the end.

Inside `collecting_facts(session)`, write.write_document keeps its logic
(entities upserted by key, aliases merged, duplicates linked) but hands the
mention, indicator and relation rows to the collector instead of inserting
them one statement per document. At the end they go in with PostgreSQL's
COPY, or on SQLite as one executemany per table, and the links of the
block's documents (store/links.py) are refreshed from them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import JSON, insert
from sqlalchemy.orm import Session

from innoatlas.errors import StoreError
from innoatlas.store.links import PENDING_LINKS, refresh_links
from innoatlas.store.review_log import any_review_actions
from innoatlas.store.write import BULK_ROWS


@contextmanager
def collecting_facts(session: Session) -> Iterator[None]:
    """Collect fact rows written in the block; copy them in when it ends without error."""
    session.info[BULK_ROWS] = {}
    session.info[PENDING_LINKS] = (set(), set())
    try:
        yield
        collected = session.info[BULK_ROWS]
        documents, gazetteer = session.info[PENDING_LINKS]
    finally:
        session.info.pop(BULK_ROWS, None)
        session.info.pop(PENDING_LINKS, None)
    session.flush()  # the documents and entities the rows point to
    for model, rows in collected.items():
        if rows:
            copy_rows(session, model, rows)
    refresh_links(session, documents, gazetteer)  # the batch's links, once its facts are in


def can_defer_facts(session: Session) -> bool:
    """False when analysts' corrections exist: replaying them needs each document's facts in place."""
    return not any_review_actions(session)


def copy_rows(session: Session, model: type, rows: list[dict]) -> None:
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(model), rows)
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    as_json = {c for c in columns if isinstance(model.__table__.columns[c].type, JSON)}
    connection = session.connection().connection.driver_connection  # psycopg's, in this transaction
    try:
        with connection.cursor() as cursor:
            with cursor.copy(f"COPY {model.__tablename__} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([json.dumps(row[c]) if c in as_json else row[c] for c in columns])
    except Exception as e:  # psycopg's errors are not SQLAlchemy's
        raise StoreError(f"cannot copy {len(rows)} rows into {model.__tablename__}: {e}") from e
