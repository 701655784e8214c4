"""The one list shape of the API: `items`, `total`, `limit`, `offset` (and whatever a list adds).

Lists the store pages itself (entities, documents, indicators, relations)
come in this shape already; every handler that builds a list of its own
(a tree's roots, conflicts, metrics, the audit log's exports) builds it
here, so a client pages through all of them the same way.
"""

from __future__ import annotations


def list_page(
    items: list, total: int | None = None, limit: int | None = None, offset: int = 0, **more
) -> dict:
    """`items` as one page of a list of `total` rows (default: the whole list is this one page)."""
    return {
        "items": items,
        "total": len(items) if total is None else total,
        "limit": len(items) if limit is None else limit,
        "offset": offset,
        **more,
    }
