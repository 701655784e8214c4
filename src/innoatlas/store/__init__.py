"""The store: the knowledge base in SQLite (default) or PostgreSQL.

store = open_store()            # ./innoatlas.db, or $INNOATLAS_DB, migrated to head
store.write_document(item)      # one document and its facts, one transaction
store.stats(); store.entity_profile("两江新区")
"""

from innoatlas.errors import NotFoundError
from innoatlas.store.database import DEFAULT_URL, Store, open_store, resolve_url
from innoatlas.store.write import DocumentWrite, Facts

__all__ = ["DEFAULT_URL", "DocumentWrite", "Facts", "NotFoundError", "Store", "open_store", "resolve_url"]
