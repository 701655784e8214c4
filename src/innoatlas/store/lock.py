"""One ingest at a time per knowledge base.

Two ingests into one database each plan duplicates against what they see
stored: both take the same article for an original and store its facts
twice, and both insert the same new entities (unique-key errors). An
ingest therefore holds a database-wide lock while it writes; a second one
is refused with a clear message (it can be run again once the first ends).

The lock dies with its holder, so a killed ingest never leaves it behind:
PostgreSQL's session advisory lock is released when the connection drops,
and an open file description's flock() when the process exits. A SQLite
database is locked through a hidden file next to it: a second descriptor on the
database file itself must not be opened and closed, as that would drop
SQLite's own POSIX locks of this process.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text

from innoatlas.errors import StoreError

# A constant key of pg_advisory_lock(bigint) for "an ingest writes here".
PG_INGEST_LOCK_KEY = 0x1A_A7_1A5_16E57
LOCK_FILE_SUFFIX = ".ingest-lock"


class IngestBusyError(StoreError):
    """Another ingest is writing to the same knowledge base."""


@contextmanager
def ingest_lock(engine: Engine, url: str) -> Iterator[None]:
    """Hold the knowledge base's ingest lock, or raise IngestBusyError at once."""
    if engine.dialect.name == "postgresql":
        with _advisory_lock(engine, url):
            yield
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield  # an in-memory database belongs to one process
        return
    path = Path(database)
    with _file_lock(path.with_name(f".{path.name}{LOCK_FILE_SUFFIX}"), url):  # hidden: not a document
        yield


def busy(url: str, holder: str = "") -> IngestBusyError:
    since = f" ({holder})" if holder else ""
    return IngestBusyError(
        f"another ingest is writing to {url}{since}; run this one again when it has finished"
    )


@contextmanager
def _advisory_lock(engine: Engine, url: str) -> Iterator[None]:
    # Autocommit: the lock belongs to the session, and no transaction stays open.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        taken = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": PG_INGEST_LOCK_KEY})
        if not taken.scalar():
            raise busy(url)
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_INGEST_LOCK_KEY})


@contextmanager
def _file_lock(path: Path, url: str) -> Iterator[None]:
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise busy(url, handle.read(200).strip()) from None
        try:
            handle.truncate(0)  # who holds it, for the message a second ingest prints
            handle.write(f"process {os.getpid()} since {time.strftime('%H:%M:%S')}")
            handle.flush()
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
