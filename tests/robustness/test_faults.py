"""Killing `innoatlas ingest` with SIGKILL at random points never corrupts the knowledge base.

Each loop kills a real CLI subprocess at several points (while the schema is
created, after a few documents, in the middle of the duplicates), checks the
database after every kill, then lets a last run finish. After every kill:
the database passes its integrity check, and every stored document carries
exactly the facts a clean run gives it (no half-written document). After the
last run the content equals a clean run's.
"""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from tests.robustness.kb import content, start_ingest

# The random kill jitter is seeded so a failure can be replayed; the seed is in the test's output.
SEED = random.randrange(1_000_000)
POLL_S = 0.01
RUN_TIMEOUT_S = 60
# Kill points: after this many stored documents (then a random pause of up to
# JITTER_S, so the kill lands anywhere inside the next document's work); None
# means right after the process opened the database, while it creates the schema.
KILL_AFTER_DOCUMENTS = [None, 3, 30]
JITTER_S = 0.15


@pytest.fixture(scope="module")
def clean_content(copied_corpus, frozen_src, tmp_path_factory) -> dict:
    """What an uninterrupted ingest of the corpus stores."""
    url = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'kb.db'}"
    run = start_ingest(copied_corpus, url, frozen_src)
    _, errors = run.communicate(timeout=RUN_TIMEOUT_S)
    assert run.returncode == 0, errors
    return content(url, copied_corpus)


class Watcher:
    """Polls the database the ingest writes to, over one connection pool."""

    def __init__(self, url: str):
        self.url = url
        self.engine = None

    def ready(self) -> bool:
        """Whether the database is there to be looked at (a SQLite file is created by the ingest)."""
        if self.url.startswith("sqlite:///") and not Path(self.url.removeprefix("sqlite:///")).exists():
            return False
        if self.engine is None:
            self.engine = create_engine(self.url)
        return True

    def connected(self) -> bool:
        """The ingest has opened the database (and is creating or checking the schema)."""
        if not self.ready():
            return False
        if self.engine.dialect.name == "sqlite":
            return True
        with self.engine.connect() as connection:
            others = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            return connection.execute(text(others)).scalar_one() > 0

    def stored(self) -> int:
        """How many documents are committed (-1 while there is no schema yet)."""
        if not self.ready():
            return -1
        try:
            with self.engine.connect() as connection:
                return connection.execute(text("SELECT count(*) FROM documents")).scalar_one()
        except SQLAlchemyError:
            return -1

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()


def stored_documents(url: str) -> int:
    watcher = Watcher(url)
    try:
        return watcher.stored()
    finally:
        watcher.close()


def kill_at(process: subprocess.Popen, url: str, after: int | None, rng: random.Random) -> str:
    """SIGKILL `process` at the kill point; what happened, for the failure message."""
    watcher = Watcher(url)
    started = time.monotonic()
    try:
        while process.poll() is None and time.monotonic() < started + RUN_TIMEOUT_S:
            if watcher.connected() if after is None else watcher.stored() >= after:
                break
            time.sleep(POLL_S)
    finally:
        watcher.close()
    pause = rng.uniform(0, JITTER_S)
    time.sleep(pause)
    if process.poll() is not None:
        return f"finished before the kill (status {process.returncode})"
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=RUN_TIMEOUT_S)
    point = "it opened the database" if after is None else f"{after} documents"
    return f"killed {pause:.3f} s after {point} ({time.monotonic() - started:.1f} s into the run)"


def check_integrity(url: str) -> None:
    if not url.startswith("sqlite"):
        return  # PostgreSQL: constraints are checked on every commit; facts are checked below
    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
    engine.dispose()


def check_no_half_document(url: str, root: Path, clean: dict, when: str) -> int:
    """Every stored document is the clean run's document with all of its facts."""
    if stored_documents(url) < 0:
        return 0  # killed before the schema was committed
    now = content(url, root)
    for source, document in now["documents"].items():
        assert document == clean["documents"][source], f"{when}: {source} differs"
        assert now["facts"][source] == clean["facts"][source], f"{when}: {source} has incomplete facts"
    return len(now["documents"])


def kill_and_resume(url: str, corpus: Path, src: Path, clean: dict) -> list[str]:
    rng = random.Random(SEED)
    log = []
    for after in KILL_AFTER_DOCUMENTS:
        what = kill_at(start_ingest(corpus, url, src), url, after, rng)
        check_integrity(url)
        stored = check_no_half_document(url, corpus, clean, what)
        log.append(f"{what}: {stored} documents stored, all complete")
    final = start_ingest(corpus, url, src)
    _, errors = final.communicate(timeout=RUN_TIMEOUT_S)
    assert final.returncode == 0, errors
    check_integrity(url)
    return log


@pytest.mark.slow
def test_sigkill_never_leaves_half_a_document(kb_url, copied_corpus, frozen_src, clean_content):
    print(f"kill jitter seed {SEED}")
    log = kill_and_resume(kb_url, copied_corpus, frozen_src, clean_content)
    print("\n".join(log))
    assert content(kb_url, copied_corpus) == clean_content
    assert any(line.startswith("killed") for line in log[1:]), log
