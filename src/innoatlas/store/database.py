"""One Store over SQLite (default) or PostgreSQL, migrated to head on open.

`open_store(url)` is the only way in: it builds the engine (SQLite with WAL,
foreign keys and a busy timeout), runs the Alembic migrations that ship in
the package, and returns a Store with the write path (write.py) and
the reads the CLI prints (read/).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from innoatlas.errors import StoreError
from innoatlas.settings import DEFAULT_DB, load_settings
from innoatlas.store import write
from innoatlas.store.read import documents, overview, profile
from innoatlas.store.schema import Document

log = logging.getLogger(__name__)

DEFAULT_URL = DEFAULT_DB
ENV_URL = "INNOATLAS_DB"  # settings.py: the environment's name of the `db` setting
# Long enough for a second process (a CLI read while an ingest commits) to
# wait out one document's transaction, short enough to report a real lock.
SQLITE_BUSY_TIMEOUT_MS = 10_000
URL_HINT = "give --db sqlite:///path.db, a .db file path, or postgresql+psycopg://user@host/dbname"


def resolve_url(url: str | None = None) -> str:
    """The database URL to use: the argument, else the `db` setting ($INNOATLAS_DB, innoatlas.toml),
    else ./innoatlas.db.

    A bare file path (no '://') means a SQLite file.
    """
    url = load_settings(db=url).db
    if "://" not in url:
        url = f"sqlite:///{Path(url)}"
    return url


def open_store(url: str | None = None, create: bool = True) -> Store:
    """Open the knowledge base at `url` and migrate it to head.

    With `create` False (the read-only commands) a SQLite file that does not
    exist is an error rather than a new empty base: a mistyped path would
    otherwise answer every question with nothing.
    """
    from innoatlas.store.migrate import upgrade_to_head

    url = resolve_url(url)
    if not create:
        check_exists(url)
    engine = create_store_engine(url)
    try:
        upgrade_to_head(engine)
    except SQLAlchemyError as e:
        engine.dispose()
        raise StoreError(f"cannot open the database {engine.url!r}: {_first_line(e)} ({URL_HINT})") from e
    return Store(engine)


def check_exists(url: str) -> None:
    """StoreError unless `url` is a SQLite file that exists, or a server database (the server says)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # create_store_engine says what is wrong with the URL
    if parsed.get_backend_name() != "sqlite":
        return
    database = parsed.database
    if database and database != ":memory:" and not Path(database).expanduser().is_file():
        raise StoreError(
            f"no knowledge base at {database}: the file does not exist "
            f"(build one with `innoatlas ingest PATH... --db {database}` or `innoatlas demo`, or give --db)"
        )


def create_store_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as e:
        raise StoreError(f"not a database URL: {url!r} ({URL_HINT})") from e
    if parsed.get_backend_name() == "sqlite":
        return _create_sqlite_engine(url, parsed.database)
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    raise StoreError(f"unsupported database {parsed.get_backend_name()!r} in {url!r} ({URL_HINT})")


def _create_sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        folder = Path(database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(f"cannot create the database {database}: folder {folder} does not exist")
    engine = create_engine(url)
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL only syncs at checkpoints: a crash cannot corrupt the
    # file, a power cut may lose the last commits; one fsync per document
    # would otherwise dominate an ingest.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _first_line(error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__


class Store:
    """The knowledge base: one engine, short sessions, one transaction per document."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session (nothing is committed)."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error."""
        with self._sessions() as session:
            try:
                with session.begin():
                    yield session
            except SQLAlchemyError as e:
                raise StoreError(f"cannot write to {self.url}: {_first_line(e)}") from e

    # -- write path --------------------------------------------------------

    @contextmanager
    def ingest_lock(self) -> Iterator[None]:
        """Hold this knowledge base's ingest lock (IngestBusyError if another ingest has it).

        The search index is caught up first: a writer that crashed, or an
        older version, may have left documents out of it.
        """
        from innoatlas.store.lock import ingest_lock
        from innoatlas.store.search_index import catch_up_search_index

        with ingest_lock(self.engine, self.url):
            with self.transaction() as session:
                catch_up_search_index(session, all_entities=True)
            yield

    def find_source(self, source: str) -> tuple[int, str] | None:
        """(id, content_hash) of the document stored for `source`, if any."""
        with self.session() as session:
            row = session.execute(
                select(Document.id, Document.content_hash).where(Document.source == source)
            ).first()
        return (row[0], row[1]) if row else None

    def find_exact_duplicate(self, content_hash: str, source: str) -> int | None:
        """Id of an original document of another source with the same normalised content."""
        with self.session() as session:
            return write.find_exact_duplicate(session, content_hash, source)

    def load_signatures(self) -> Iterator[tuple[int, str, bytes]]:
        """(id, content_hash, minhash) of every original (non-duplicate) document, by id."""
        with self.session() as session:
            yield from write.load_signatures(session)

    def write_document(self, item: write.DocumentWrite, after_facts: write.AfterFacts | None = None) -> int:
        """Write one document with its facts in one transaction; returns its id."""
        with self.transaction() as session:
            return write.write_document(session, item, after_facts)

    # -- reads ---------------------------------------------------------------

    def list_documents(self, limit: int | None = None) -> list[documents.DocumentRow]:
        with self.session() as session:
            return documents.document_table(session, limit)

    def get_document(self, ref: str | int) -> documents.DocumentView:
        with self.session() as session:
            return documents.document_summary(session, ref)

    def stats(self) -> overview.Stats:
        with self.session() as session:
            return overview.stats(session)

    def entity_profile(self, name: str) -> profile.EntityProfile:
        with self.session() as session:
            return profile.entity_profile(session, name)

    def dump_tables(self) -> dict[str, list[tuple]]:
        """Every row of every table, ordered by primary key (for tests and checks)."""
        with self.session() as session:
            return overview.dump_tables(session)


def open_fresh_sqlite(path: str | Path) -> Store:
    """A new, empty SQLite knowledge base at `path` (an old one there is removed first)."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return open_store(f"sqlite:///{path}")
