"""Throughput on all cores: ingest --workers 1, --workers 2 and spark-ingest on local[2], in one run.

    python benchmarks/scale.py [--documents 10000] [--keep DIR] [--skip-spark]

Builds a corpus of --documents text files from real articles (the seeds
and the dev articles next to the repository, the example corpus): each
file takes 3-6 paragraphs of different articles and renumbers their
figures, so that no two files are exact or near duplicates (every file is
extracted, none is skipped as a repost). Then it runs, each as the user
would, on a fresh SQLite base:

  innoatlas ingest DIR --workers 1        documents/s
  innoatlas ingest DIR --workers 2        documents/s, efficiency = w2 / (2 x w1)
  innoatlas spark-ingest DIR --master local[2], then innoatlas load
                                          documents/s of the job, of the load,
                                          and efficiency = job / (2 x w1)

the CPU time per document of each run's process tree (as far as its
processes are waited for: Spark's JVM and Python workers are not, so its
figure counts the driver only), which shows the work a run adds whatever
else the machine does, and that of the command's own process alone (the
writer: its work is the part that does not spread over the workers), and the peak resident memory (VmHWM) of each process of the run, sampled
from /proc: the largest worker (an ingest worker, a Spark Python worker)
and the writer (the command's own process: it plans, finds duplicates
and writes) or the JVM. Throughput on a machine shared with other work
is noisy: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SOURCES = [
    SHARED / "seeds",
    SHARED / "eval" / "dev2" / "docs",
    SHARED / "eval" / "dev3" / "docs",
    REPO / "examples" / "corpus",
]
TARGET_WORKERS_EFFICIENCY = 0.8
TARGET_SPARK_EFFICIENCY = 0.7
TARGET_WORKER_MB = 500
INNOATLAS = [sys.executable, "-m", "innoatlas"]


def paragraphs() -> list[str]:
    """Paragraphs of 40+ characters of every plain-text real article found."""
    pool = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            if path.suffix not in (".txt", ".md"):
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            pool.extend(p.strip() for p in re.split(r"\n\s*\n|\n", text) if len(p.strip()) >= 40)
    if len(pool) < 50:
        raise SystemExit(
            f"too few article paragraphs found ({len(pool)}): are the shared articles next to the repository?"
        )
    return pool


def make_corpus(folder: Path, documents: int, seed: int = 13) -> None:
    rng = random.Random(seed)
    pool = paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(documents):
        picked = rng.sample(pool, rng.randint(3, 6))
        body = "\n\n".join(
            re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group()))), p) for p in picked
        )
        day = f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        (folder / f"doc_{n:06d}.txt").write_text(
            f"第{n}号综合稿\n\n发布时间：{day}\n\n{body}\n", encoding="utf-8"
        )


class PeakMemory:
    """Peak resident memory (VmHWM, MB) of every process under a pid, sampled from /proc."""

    def __init__(self, root: int):
        self.root, self.peaks, self.names = root, {}, {}
        self.root_cpu = 0.0  # CPU seconds of the command's own process (the writer), last sampled
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample_root_cpu()
            for pid in self._descendants():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                    cmdline = (
                        Path(f"/proc/{pid}/cmdline")
                        .read_bytes()
                        .replace(b"\0", b" ")
                        .decode(errors="replace")
                    )
                except OSError:
                    continue
                match = re.search(r"VmHWM:\s+(\d+) kB", status)
                if match:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), int(match.group(1)) // 1024)
                    self.names[pid] = cmdline
            time.sleep(0.3)

    def _sample_root_cpu(self) -> None:
        try:
            fields = Path(f"/proc/{self.root}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return
        self.root_cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    def _descendants(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        found, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, []))
        return found

    def stop(self) -> dict[str, int]:
        """Largest peak (MB) by kind of process: writer (the command's own process), worker, jvm."""
        self._stop.set()
        self._thread.join()
        kinds: dict[str, int] = {}
        for pid, mb in self.peaks.items():
            name = self.names.get(pid, "")
            kind = (
                "jvm"
                if "java" in name
                else "worker"
                if ("multiprocessing" in name or "pyspark" in name)
                else "writer"
            )
            kinds[kind] = max(kinds.get(kind, 0), mb)
        return kinds


def timed(command: list[str]) -> tuple[float, dict[str, int], float, float]:
    """(wall seconds, peak MB by kind of process, CPU seconds of the waited-for process tree, CPU
    seconds of the command's own process: the writer, whose work does not spread over the cores)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid)
    out, err = process.communicate()
    elapsed = time.perf_counter() - started
    peaks = memory.stop()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{out}\n{err}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, peaks, cpu, memory.root_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--keep", help="folder for the corpus and the bases (default: a temporary one)")
    parser.add_argument("--skip-spark", action="store_true")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="innoatlas-scale-"))
    corpus = work / "corpus"
    if not corpus.is_dir() or len(list(corpus.glob("*.txt"))) != args.documents:
        make_corpus(corpus, args.documents)
    n = args.documents
    print(
        f"corpus: {n} documents in {corpus}; load average before: {os.getloadavg()}; cores: {os.cpu_count()}"
    )
    results = {}
    for workers in (1, 2):
        db = work / f"workers{workers}.db"
        db.unlink(missing_ok=True)
        results[f"workers {workers}"] = timed(
            [*INNOATLAS, "ingest", str(corpus), "--db", str(db), "--silent", "--workers", str(workers)]
        )
    if not args.skip_spark:
        out = work / "parquet"
        subprocess.run(["rm", "-rf", str(out)], check=True)
        results["spark local[2]"] = timed(
            [*INNOATLAS, "spark-ingest", str(corpus), "--out", str(out), "--master", "local[2]"]
        )
        db = work / "spark.db"
        db.unlink(missing_ok=True)
        results["load (SQLite)"] = timed([*INNOATLAS, "load", str(out), "--db", str(db), "--silent"])
    print(
        f"{'run':16} {'seconds':>8} {'docs/s':>8} {'efficiency':>10} {'cpu ms/doc':>10} {'writer':>7}"
        "   peak MB by process"
    )
    single = n / results["workers 1"][0]
    for name, (seconds, peaks, cpu, writer_cpu) in results.items():
        rate = n / seconds
        efficiency = "" if name.startswith(("workers 1", "load")) else f"{rate / (2 * single):.2f}"
        print(
            f"{name:16} {seconds:8.1f} {rate:8.1f} {efficiency:>10} {1000 * cpu / n:10.0f} "
            f"{1000 * writer_cpu / n:7.1f}   " + ", ".join(f"{k} {v}" for k, v in sorted(peaks.items()))
        )
    print(f"load average after: {os.getloadavg()}")
    print(
        f"targets: efficiency >= {TARGET_WORKERS_EFFICIENCY} (workers 2), >= {TARGET_SPARK_EFFICIENCY} (Spark), "
        f"peak per Python process (writer or worker) <= {TARGET_WORKER_MB} MB"
    )
    over = [
        f"{name}: {kind} {mb} MB"
        for name, (_, peaks, _, _) in results.items()
        for kind, mb in peaks.items()
        if kind != "jvm" and mb > TARGET_WORKER_MB
    ]
    print(
        "memory: "
        + ("; ".join(over) + " over the target" if over else "every Python process within the target")
    )


if __name__ == "__main__":
    main()
