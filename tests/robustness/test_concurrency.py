"""The web server keeps answering reads while an ingest of 1,000 documents writes (SQLite WAL).

A real uvicorn server and a real ingest run in two processes on one SQLite
file; the test reads pages and API routes without pause all the while. Every
read must answer 200 (no "database is locked" reaches a user) and the reads
must see the documents arrive. The ingest stores documents without
extraction (IngestOptions(extract=False)), so that 1,000 of them take
seconds: the write path, transactions and locking are those of a full ingest.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import httpx
import pytest

from innoatlas.pipeline import ingest_paths
from innoatlas.store import open_store
from tests.conftest import EXAMPLES
from tests.robustness.kb import cli_env
from tests.robustness.live import live_server

DOCUMENTS = 1000
READERS = 2
INGEST_TIMEOUT_S = 300
READ_PATHS = [
    "/api/summary",
    "/api/documents?limit=20",
    "/api/search?q=园区",
    "/api/entities",
    "/",
    "/documents",
]
INGEST = """
import sys
from innoatlas.pipeline import IngestOptions, ingest_paths
from innoatlas.store import open_store
with open_store(sys.argv[1]) as store:
    report = ingest_paths([sys.argv[2]], store, IngestOptions(extract=False))
sys.exit(1 if report.failures else 0)
"""


def write_short_documents(folder, count: int) -> None:
    """`count` different short articles (different enough not to be near duplicates)."""
    folder.mkdir()
    for n in range(count):
        text = (
            f"第{n}号科创园区简报\n"
            f"园区编号{n * 7919 % 100003}，今年引进研发机构{n % 97 + 3}家，"
            f"带动就业{n * 31 % 9000 + 100}人，累计投入{n % 53 + 1}.{n % 10}亿元，"
            f"入驻企业{n * 13 % 777 + 20}家，孵化项目{n * 17 % 311 + 5}个。\n"
        )
        (folder / f"brief_{n:04d}.txt").write_text(text, encoding="utf-8")


def read_without_pause(base: str, stop: threading.Event, answers: list) -> None:
    with httpx.Client(base_url=base, timeout=30) as client:
        while not stop.is_set():
            for path in READ_PATHS:
                response = client.get(path)
                stored = (
                    response.json()["counts"]["documents"]
                    if path == "/api/summary" and response.status_code == 200
                    else None
                )
                answers.append((path, response.status_code, "locked" in response.text, stored))


@pytest.mark.slow
def test_reads_answer_while_an_ingest_writes(tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    with open_store(url) as store:
        ingest_paths([EXAMPLES], store)  # something to read from the start
    write_short_documents(tmp_path / "briefs", DOCUMENTS)
    answers: list[tuple] = []
    stop = threading.Event()
    with live_server(url, tmp_path / "server.log") as base:
        readers = [
            threading.Thread(target=read_without_pause, args=(base, stop, answers)) for _ in range(READERS)
        ]
        for reader in readers:
            reader.start()
        try:
            ingest = subprocess.run(
                [sys.executable, "-c", INGEST, url, str(tmp_path / "briefs")],
                env=cli_env(),
                capture_output=True,
                text=True,
                timeout=INGEST_TIMEOUT_S,
            )
            time.sleep(0.5)  # reads after the last commit
        finally:
            stop.set()
            for reader in readers:
                reader.join()
    assert ingest.returncode == 0, ingest.stderr[-2000:]
    assert "locked" not in ingest.stderr
    failed = [a for a in answers if a[1] != 200 or a[2]]
    assert failed == [], failed[:10]
    seen = [a[3] for a in answers if a[3] is not None]
    print(f"{len(answers)} reads, documents seen growing from {seen[0]} to {seen[-1]}")
    assert len(answers) >= 100
    assert len(set(seen)) > 3  # reads saw the ingest's commits as they came
    assert max(seen) >= DOCUMENTS
