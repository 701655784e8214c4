"""Faults and hostile load, measured in one run; prints one table of figures.

    python benchmarks/faults.py [--kills 100] [--pg URL] [--documents 2000] [--seconds 30] [--skip NAME ...]

1. kills: `innoatlas ingest` SIGKILLed at --kills random points on SQLite
   (and on PostgreSQL with --pg, a database of its own: it is emptied).
   Each kill lands while documents are being written: once the run has
   stored a random number of documents, at least one of them new (one kill
   in ten right after the process opened the database), plus a random
   pause of up to 0.15 s; once the base holds (nearly) the whole corpus,
   the next kills start again from an empty base. After each
   kill the database must pass its integrity check and hold only complete
   documents (each exactly as a clean run stores it); a last run must then
   give the clean run's content.
2. hostile: the hostile corpus of the tests (tests/robustness/hostile.py)
   ingested; each refused file must be named on one error line.
3. memory: peak resident memory of every analysis command on a base of
   one 200,000-character document with 400 relations and indicators
   (target: <= 500 MB each).
4. load: a base of --documents documents (the seeds and examples ingested,
   then copied as benchmarks/api.py does) served by `innoatlas serve`;
   four clients read public pages and API routes for --seconds while an
   ingest of 300 new articles writes; requests/s, p95 and errors
   (target: 0 errors, p95 <= 500 ms).
5. parity: two ingests of one corpus started together into one database;
   the second must be refused and the content must equal one ingest's.

Every subprocess runs a copy of the package taken at the start, so an edit
of the working tree during the run cannot make two runs differ.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from tests.robustness.bigdoc import build_long_document_base, peak_rss_mb  # noqa: E402
from tests.robustness.hostile import HOSTILE, write_hostile_corpus  # noqa: E402
from tests.robustness.kb import CLI, cli_env, content, freeze_package  # noqa: E402
from tests.robustness.kb import start_ingest as start_ingest_of  # noqa: E402
from tests.robustness.test_concurrency import write_short_documents  # noqa: E402
from tests.robustness.test_faults import (  # noqa: E402
    Watcher,
    check_integrity,
    check_no_half_document,
    kill_at,
    stored_documents,
)

from innoatlas.documents.read import is_utf8  # noqa: E402

EXAMPLES = REPO / "examples" / "corpus"
RUN_TIMEOUT_S = 300
KILL_AT_OPEN = 0.1  # the share of kills right after the ingest opened the database
FROZEN: list[Path] = []  # the package copy the subprocesses run (set by main)
MEMORY_TARGET_MB = 500
P95_TARGET_MS = 500
LOAD_CLIENTS = 4
LOAD_PATHS = [
    "/api/summary",
    "/api/documents?limit=20",
    "/api/search?q=园区",
    "/api/entities",
    "/api/analysis/network",
    "/api/analysis/conflicts",
    "/",
    "/documents",
]
ANALYSIS_COMMANDS = [
    ["network", "--json"],
    ["timeline", "--conflicts", "--json"],
    ["timeline", "甲1科技公司", "--json"],
    ["chain", "新能源汽车", "--json"],
    ["export", "indicators", "--out", "{tmp}/indicators.csv"],
    ["export", "network", "--out", "{tmp}/network.json"],
]


def corpus_of(folder: Path, copies: int) -> Path:
    for n in range(copies):
        shutil.copytree(EXAMPLES, folder / f"copy_{n:02d}")
    return folder


def fresh_url(url: str, folder: Path, name: str) -> str:
    if url == "sqlite":
        return f"sqlite:///{folder / name}"
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as c:
        c.execute(text("DROP SCHEMA public CASCADE"))
        c.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def start_ingest(corpus: Path, url: str):
    return start_ingest_of(corpus, url, FROZEN[0] if FROZEN else None)


def run_ingest(corpus: Path, url: str) -> tuple[int, str, float]:
    started = time.monotonic()
    run = start_ingest(corpus, url)
    _, errors = run.communicate(timeout=RUN_TIMEOUT_S)
    return run.returncode, errors, time.monotonic() - started


# -- 1. kills --------------------------------------------------------------------------


def kills(backend: str, count: int, folder: Path, rng: random.Random) -> dict:
    corpus = corpus_of(folder / f"kill_corpus_{backend.split(':')[0]}", 3)
    clean_url = f"sqlite:///{folder / f'clean_{rng.random():.6f}.db'}"
    status, errors, clean_s = run_ingest(corpus, clean_url)
    assert status == 0, errors
    clean = content(clean_url, corpus)
    total = stored_documents(clean_url)
    bases = 1
    url = fresh_url(backend, folder, f"killed_{bases}.db")
    tally = {"killed while writing": 0, "killed at open": 0, "finished first": 0}
    survived = 0
    for n in range(count):
        stored = max(stored_documents(url), 0)
        if stored >= total - 1:  # (nearly) everything is stored: kills must land in writes, so start empty
            bases += 1
            url, stored = fresh_url(backend, folder, f"killed_{bases}.db"), 0
        # After at least one document this run stores, so the kill lands in its writes.
        after = None if rng.random() < KILL_AT_OPEN else rng.randrange(stored + 1, total)
        what = kill_at(start_ingest(corpus, url), url, after, rng)
        if what.startswith("finished"):
            tally["finished first"] += 1
        else:
            tally["killed at open" if after is None else "killed while writing"] += 1
        check_integrity(url)
        check_no_half_document(url, corpus, clean, f"kill {n + 1}: {what}")
        survived += 1
    status, errors, _ = run_ingest(corpus, url)
    assert status == 0, errors
    assert content(url, corpus) == clean, "the last run did not give the clean run's content"
    return {
        "kill points": count,
        **tally,
        "survived": survived,
        "empty bases": bases,
        "documents": total,
        "clean run s": round(clean_s, 1),
    }


# -- 2. hostile files ------------------------------------------------------------------


def hostile(folder: Path) -> dict:
    corpus = write_hostile_corpus(folder / "hostile")
    url = f"sqlite:///{folder / 'hostile.db'}"
    _, errors, seconds = run_ingest(corpus, url)
    lines = [line for line in errors.splitlines() if line.strip()]
    refused = [name for name, problem in HOSTILE.items() if problem]
    one_line = sum(1 for name in refused if sum(named(line, name) for line in lines) == 1)
    stray = [line for line in lines if not line.startswith("error: ")]
    return {
        "files tried": len(HOSTILE),
        "refused": len(refused),
        "each on one clear line": one_line,
        "other stderr lines": len(stray),
        "seconds": round(seconds, 1),
    }


def named(line: str, name: str) -> bool:
    """Whether an error line names the file `name` with its expected problem."""
    shown = name if name.isprintable() and is_utf8(name) else name[-4:]  # undecodable bytes show escaped
    return f"{shown}: {HOSTILE[name]}" in line


# -- 3. memory of the analysis commands ------------------------------------------------


def memory(folder: Path) -> dict:
    url = f"sqlite:///{folder / 'long.db'}"
    build_long_document_base(url, 200_000, 400)
    figures = {}
    for command in ANALYSIS_COMMANDS:
        args = [a.replace("{tmp}", str(folder)) for a in command]
        peak, done = peak_rss_mb([*args, "--db", url])
        assert done.stdout.split()[1] == "0", done.stderr
        figures[" ".join(command[:2])] = round(peak)
    return figures


# -- 4. read load during an ingest -----------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load(folder: Path, documents: int, seconds: float) -> dict:
    import httpx
    from api import build_store

    url = f"sqlite:///{folder / 'load.db'}"
    build_store(url, "ingest", documents).close()
    port = free_port()
    server = subprocess.Popen(
        [*CLI, "serve", "--db", url, "--port", str(port)],
        env=cli_env(FROZEN[0] if FROZEN else None),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base)
        for path in LOAD_PATHS:  # warm-up: the first analysis of a base is computed once
            httpx.get(base + path, timeout=600)
        write_short_documents(folder / "new_articles", 300)
        latencies: list[float] = []
        by_path: dict[str, list[float]] = {}
        failures: list[str] = []
        stop = threading.Event()

        def read() -> None:
            with httpx.Client(base_url=base, timeout=60) as client:
                while not stop.is_set():
                    for path in LOAD_PATHS:
                        started = time.perf_counter()
                        response = client.get(path)
                        latencies.append(time.perf_counter() - started)
                        by_path.setdefault(path, []).append(latencies[-1])
                        if response.status_code != 200:
                            failures.append(f"{path}: {response.status_code}")

        clients = [threading.Thread(target=read) for _ in range(LOAD_CLIENTS)]
        ingest = start_ingest(folder / "new_articles", url)
        started = time.monotonic()
        for client in clients:
            client.start()
        time.sleep(seconds)
        stop.set()
        for client in clients:
            client.join()
        elapsed = time.monotonic() - started
        ingest_status = ingest.wait(timeout=RUN_TIMEOUT_S)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    p95 = percentile_95(latencies) * 1000
    return {
        "documents": documents,
        "requests": len(latencies),
        "requests/s": round(len(latencies) / elapsed, 1),
        "p50 ms": round(statistics.median(latencies) * 1000),
        "p95 ms": round(p95),
        "errors": len(failures),
        "ingest status": ingest_status,
        "slowest p95 ms": {p: round(percentile_95(v) * 1000) for p, v in slowest(by_path)},
    }


def percentile_95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else (values[0] if values else 0.0)


def slowest(by_path: dict[str, list[float]]) -> list:
    return sorted(by_path.items(), key=lambda item: -percentile_95(item[1]))[:3]


def wait_for(base: str) -> None:
    import httpx

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/summary", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError("the server did not start")


# -- 5. two ingests at once -----------------------------------------------------------


def parity(folder: Path) -> dict:
    corpus = corpus_of(folder / "parity_corpus", 3)
    write_short_documents(corpus / "briefs", 40)
    one_url = f"sqlite:///{folder / 'one.db'}"
    status, errors, _ = run_ingest(corpus, one_url)
    assert status == 0, errors
    both_url = f"sqlite:///{folder / 'both.db'}"
    first = start_ingest(corpus, both_url)
    watcher = Watcher(both_url)
    while first.poll() is None and watcher.stored() < 1:
        time.sleep(0.02)
    watcher.close()
    second = start_ingest(corpus, both_url)
    _, second_errors = second.communicate(timeout=RUN_TIMEOUT_S)
    first.communicate(timeout=RUN_TIMEOUT_S)
    one, both = content(one_url, corpus), content(both_url, corpus)
    facts = sum(len(f) for f in both["facts"].values())
    return {
        "second refused": "another ingest is writing" in second_errors,
        "facts (one ingest)": sum(len(f) for f in one["facts"].values()),
        "facts (two at once)": facts,
        "equal": one == both,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--pg", help="a PostgreSQL URL of a database of its own, for the kills")
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--seed", type=int, default=random.randrange(1_000_000))
    parser.add_argument("--skip", nargs="*", default=[], help="kills hostile memory load parity")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"seed {args.seed}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        FROZEN.append(freeze_package(folder / "src"))
        steps = {
            "kills": lambda: {
                "sqlite": kills("sqlite", args.kills, folder, rng),
                **({"postgresql": kills(args.pg, args.kills, folder, rng)} if args.pg else {}),
            },
            "hostile": lambda: hostile(folder),
            "memory": lambda: memory(folder),
            "load": lambda: load(folder, args.documents, args.seconds),
            "parity": lambda: parity(folder),
        }
        for name, step in steps.items():
            if name in args.skip:
                continue
            started = time.monotonic()
            result = step()
            print(f"{name} ({time.monotonic() - started:.0f} s): {result}", flush=True)
    print(f"targets: memory <= {MEMORY_TARGET_MB} MB per command; load 0 errors, p95 <= {P95_TARGET_MS} ms")


if __name__ == "__main__":
    main()
