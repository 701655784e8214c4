"""Two ingests into one knowledge base at once: the second is refused, the result is one ingest's.

Two real `innoatlas ingest` processes write to one SQLite file or one
PostgreSQL database. Without a lock both planned duplicates against what
they had seen stored, so articles were stored twice as originals with their
facts, and new entities collided on their unique keys. The second process
is started once the first has stored a document (so it is surely running)
and must be refused with one clear line; the knowledge base must then hold
exactly what one uninterrupted ingest stores.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.robustness.kb import content, start_ingest
from tests.robustness.test_concurrency import write_short_documents
from tests.robustness.test_faults import RUN_TIMEOUT_S, Watcher

# Distinct short articles added to the corpus, so the first ingest is still
# extracting when the second one starts (the second takes a second or two to
# start; 40 were too few once the writer got faster, and the first had ended).
EXTRA_ARTICLES = 160


@pytest.fixture(scope="module")
def corpus(copied_corpus, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lock_corpus")
    shutil.copytree(copied_corpus, root, dirs_exist_ok=True)
    write_short_documents(root / "briefs", EXTRA_ARTICLES)
    return root


@pytest.fixture(scope="module")
def one_ingest(corpus, frozen_src, tmp_path_factory) -> dict:
    url = f"sqlite:///{tmp_path_factory.mktemp('one') / 'kb.db'}"
    run = start_ingest(corpus, url, frozen_src)
    _, errors = run.communicate(timeout=RUN_TIMEOUT_S)
    assert run.returncode == 0, errors
    return content(url, corpus)


def wait_for_first_document(url: str, process) -> None:
    watcher = Watcher(url)
    deadline = time.monotonic() + RUN_TIMEOUT_S
    try:
        while process.poll() is None and watcher.stored() < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        watcher.close()


@pytest.mark.slow
def test_a_second_concurrent_ingest_is_refused_and_the_base_is_one_ingest(
    kb_url, corpus, frozen_src, one_ingest
):
    first = start_ingest(corpus, kb_url, frozen_src)
    wait_for_first_document(kb_url, first)
    assert first.poll() is None, "the first ingest ended before the second could start"
    second = start_ingest(corpus, kb_url, frozen_src)
    _, second_errors = second.communicate(timeout=RUN_TIMEOUT_S)
    _, first_errors = first.communicate(timeout=RUN_TIMEOUT_S)
    assert first.returncode == 0, first_errors
    assert second.returncode == 1
    [line] = second_errors.splitlines()  # one line, no traceback
    assert line.startswith("error: another ingest is writing to "), line
    assert line.endswith("run this one again when it has finished"), line
    assert content(kb_url, corpus) == one_ingest
