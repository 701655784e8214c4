"""A date window over the knowledge base: a session that has one reads only what the documents published in it say.

`set_window(session, since, until)` marks a read session; from then on
every ORM query of that session (lists, profiles, series, the analyses)
sees only the documents published from `since` to `until` (inclusive;
either end may be open) and the mentions, indicators and relations those
documents give. Entities stay visible (a name is no dated fact); a
relation no document gives (a gazetteer's part_of) stays too. Undated
documents fall outside any window, as they fall outside a date filter.

One rule in one place, rather than `since`/`until` parameters threaded
through every query of every view: a view written later honours the
window without knowing about it. Queries written as raw SQL text are not
rewritten: they must apply `window_of` themselves (the search index).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, event, or_, select
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from innoatlas.store.schema import Document, Indicator, Mention, Relation

WINDOW_KEY = "innoatlas.published_window"


def set_window(session: Session, since: date | None, until: date | None) -> None:
    """Limit what `session` reads to documents published from `since` to `until` (None, None: no limit)."""
    if since is None and until is None:
        session.info.pop(WINDOW_KEY, None)
    else:
        session.info[WINDOW_KEY] = (since, until)


def window_of(session: Session) -> tuple[date | None, date | None] | None:
    """The session's window (since, until), or None when it reads everything."""
    return session.info.get(WINDOW_KEY)


def listed_in_window(session: Session, entity_id_column):
    """The condition that keeps an entity in a list read in a window: a document of the window names it.

    An entity itself has no date, so the lists of entities (and their facets)
    narrow to those the window's documents mention; None without a window.
    """
    if window_of(session) is None:
        return None
    return entity_id_column.in_(select(Mention.entity_id))


def published_in(since: date | None, until: date | None):
    """The condition on Document of being published in the window."""
    conditions = [Document.published.is_not(None)]
    if since is not None:
        conditions.append(Document.published >= since)
    if until is not None:
        conditions.append(Document.published <= until)
    return conditions


@event.listens_for(Session, "do_orm_execute")
def _read_in_window(state: ORMExecuteState) -> None:
    window = window_of(state.session)
    if window is None or not state.is_select:
        return
    in_window = and_(*published_in(*window))
    documents = select(Document.id).where(in_window).scalar_subquery()
    state.statement = state.statement.options(
        with_loader_criteria(Document, in_window, include_aliases=True),
        with_loader_criteria(Mention, Mention.document_id.in_(documents), include_aliases=True),
        with_loader_criteria(Indicator, Indicator.document_id.in_(documents), include_aliases=True),
        with_loader_criteria(
            Relation,
            or_(Relation.document_id.is_(None), Relation.document_id.in_(documents)),
            include_aliases=True,
        ),
    )


# Ids asked about per query: well under SQLite's limit of bound parameters.
IDS_PER_QUERY = 5_000


def kept_in_window(session: Session, document_ids: list[int]) -> set[int]:
    """The ids of `document_ids` that the session's window keeps (all of them without a window).

    For ids found by raw SQL (the search index), which the window does not rewrite.
    """
    if window_of(session) is None:
        return set(document_ids)
    kept: set[int] = set()
    for n in range(0, len(document_ids), IDS_PER_QUERY):
        chunk = document_ids[n : n + IDS_PER_QUERY]
        kept.update(session.scalars(select(Document.id).where(Document.id.in_(chunk))))
    return kept
