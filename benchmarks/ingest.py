"""Throughput of reading + cleaning + storing: the example corpus scaled to >= 10 MB of text.

The corpus is copied until the copies hold the target amount of text. In
every copy the digits of text files are changed (a different content hash,
so a repost-like near duplicate); PDF and DOCX copies are exact. Two runs,
each in a fresh process on one core, into a fresh SQLite file:

  dedup off  every copy is a new document: the full read-clean-store path
  dedup on   the first copy is stored, the others are found as duplicates
             (exact by content hash, near by MinHash) and stored linked

Extraction is not part of this benchmark (IngestOptions(extract=False)).

    python benchmarks/ingest.py [--mb 10] [--corpus DIR] [--db URL]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT_FORMATS = {".txt", ".md", ".html", ".htm", ".jsonl"}
DIGITS = re.compile(rb"[0-9]")


def corpus_text_bytes(folder: Path) -> tuple[int, int, int]:
    """(documents, characters, UTF-8 bytes) of the text the reader takes out of `folder`."""
    from innoatlas.documents import read_paths
    from innoatlas.errors import DocumentError

    docs = chars = size = 0
    for raw in read_paths([folder]):
        if not isinstance(raw, DocumentError):
            docs, chars, size = docs + 1, chars + len(raw.text), size + len(raw.text.encode("utf-8"))
    return docs, chars, size


def vary(data: bytes, copy: int) -> bytes:
    """Shift every ASCII digit by the copy number: same layout, another content hash."""
    return DIGITS.sub(lambda m: str((int(m.group()) + copy) % 10).encode(), data)


def build_scaled_corpus(source: Path, target: Path, copies: int) -> None:
    files = sorted(f for f in source.rglob("*") if f.is_file() and not f.name.startswith("."))
    for copy in range(copies):
        folder = target / f"copy{copy:04d}"
        for f in files:
            out = folder / f.relative_to(source)
            out.parent.mkdir(parents=True, exist_ok=True)
            if f.suffix.lower() in TEXT_FORMATS and copy:
                out.write_bytes(vary(f.read_bytes(), copy))
            else:
                shutil.copyfile(f, out)


def run_one(corpus: Path, url: str, dedup: bool) -> dict:
    """One timed ingest in this process; returns the figures as a dict."""
    from innoatlas.pipeline import IngestOptions, ingest_paths
    from innoatlas.store import open_store

    store = open_store(url)
    started = time.perf_counter()
    cpu_started = time.process_time()
    report = ingest_paths([corpus], store, IngestOptions(extract=False, dedup=dedup))
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    store.close()
    counts = report.counts
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "counts": counts,
        "body_chars": sum(o.characters for o in report.outcomes),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_in_child(corpus: Path, url: str, dedup: bool) -> dict:
    """Each run in a fresh process, so its peak memory is its own."""
    args = [sys.executable, __file__, "--child", str(corpus), "--db", url] + (["--dedup"] if dedup else [])
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=10.0, help="megabytes (UTF-8) of text to ingest")
    parser.add_argument("--corpus", type=Path, help="corpus to scale (default: the bundled example corpus)")
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file per run)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--dedup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.db, args.dedup)))
        return

    from innoatlas.pipeline import example_corpus

    source = args.corpus or example_corpus()
    docs, chars, size = corpus_text_bytes(source)
    copies = max(1, -(-int(args.mb * 1024 * 1024) // max(size, 1)))
    with tempfile.TemporaryDirectory(prefix="innoatlas-bench-") as tmp:
        scaled = Path(tmp) / "corpus"
        build_scaled_corpus(source, scaled, copies)
        print(f"corpus: {source} ({docs} documents, {chars:,} characters, {size / 1024:.1f} KB of text)")
        print(
            f"scaled: {copies} copies = {docs * copies:,} documents, {chars * copies:,} characters, "
            f"{size * copies / 1024 / 1024:.1f} MB of text; one process, one core"
        )
        for dedup in (False, True):
            url = args.db or f"sqlite:///{Path(tmp) / ('dedup.db' if dedup else 'plain.db')}"
            if args.db:
                reset_database(args.db)
            figures = run_in_child(scaled, url, dedup)
            print_figures("dedup on " if dedup else "dedup off", figures, chars * copies)


def reset_database(url: str) -> None:
    from sqlalchemy import create_engine

    from innoatlas.store.schema import Base

    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    engine.dispose()


def print_figures(label: str, f: dict, characters: int) -> None:
    c = f["counts"]
    print(
        f"{label}: {c['read']:,} documents in {f['seconds']:.1f} s (cpu {f['cpu_seconds']:.1f} s): "
        f"{c['read'] / f['seconds']:.1f} documents/s, {characters / f['seconds']:,.0f} characters/s per core; "
        f"peak memory {f['peak_rss_mb']:.0f} MB; new {c['new']}, duplicate {c['duplicate']}, failed {c['failed']}"
    )


if __name__ == "__main__":
    main()
