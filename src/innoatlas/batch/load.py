"""load: spark-ingest's Parquet tables into the knowledge base.

1. read the newest version of every source (the latest `run` that wrote it)
2. take the months in order, oldest first, and in a month the sources in
   path order; a document stored with the same content hash is unchanged
3. decide duplicates as `innoatlas ingest` does, against the stored
   originals and every original of this load before it: one MinHash LSH
   index over all partitions, so a repost filed under another month is
   still counted once
4. resolve each document's mentions (resolve stage) and write documents in
   batches, one transaction each; their fact rows go in with COPY on
   PostgreSQL, one executemany per table on SQLite (store/bulk.py)

Entities are upserted by their resolve key, so a firm named in documents
of many partitions is one entity. Planning and writing are the pipeline's
own (pipeline.plan_document, finish_plan), so load and ingest build the
same knowledge base from the same files.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from pathlib import Path, PurePosixPath

from innoatlas.batch.tables import FACT_TABLES, PARTITION, SCHEMAS, document_from_row, extraction_from_rows
from innoatlas.errors import InnoatlasError
from innoatlas.pipeline import (
    DocumentOutcome,
    DuplicateFinder,
    IngestOptions,
    IngestReport,
    Plan,
    failed_outcome,
    finish_plan,
    plan_document,
    resolve_facts,
)
from innoatlas.review.apply import replay_corrections
from innoatlas.store import Facts, Store
from innoatlas.store import write as store_write
from innoatlas.store.bulk import can_defer_facts, collecting_facts
from innoatlas.workers import Deferred

log = logging.getLogger(__name__)

# Documents per transaction: large enough that COPY and executemany pay
# off, small enough that a failed batch loses little work.
BATCH_DOCUMENTS = 500
# Documents whose texts and facts are read from the tables at a time.
DOCUMENTS_PER_READ = 200


def load_directory(
    directory: str | Path,
    store: Store,
    on_outcome: Callable[[DocumentOutcome], None] | None = None,
    batch_documents: int = BATCH_DOCUMENTS,
) -> IngestReport:
    """Load the tables under `directory` into `store`; the report counts like an ingest's."""
    tables = open_tables(Path(directory))
    newest = newest_runs(tables["documents"])
    report = IngestReport()
    with store.ingest_lock():  # one writer at a time, as for an ingest
        duplicates = DuplicateFinder(store)
        plans: list[Plan] = []
        for plan in plan_documents(tables, newest, store, duplicates):
            plans.append(plan)
            if len(plans) >= batch_documents:
                write_batch(plans, store, duplicates, report, on_outcome)
                plans = []
        write_batch(plans, store, duplicates, report, on_outcome)
    return report


def count_documents(directory: str | Path) -> int:
    """How many documents a load of `directory` reads (its progress bar's length)."""
    return len(newest_runs(open_tables(Path(directory))["documents"]))


# -- reading the tables --------------------------------------------------------------


def open_tables(directory: Path) -> dict:
    import pyarrow as pa
    import pyarrow.dataset as ds

    if not (directory / "documents").is_dir():
        raise InnoatlasError(
            f"{directory}: no documents table here (write one with: innoatlas spark-ingest INPUT --out {directory})"
        )
    # The partition column is text even where every month looks like a number (2024).
    partitioning = ds.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")
    tables = {}
    for table, schema in SCHEMAS.items():
        path = directory / table
        if path.is_dir():
            tables[table] = ds.dataset(str(path), format="parquet", partitioning=partitioning, schema=schema)
    return tables


def _pool():
    """The C library's allocator for the tables read: each month's tables are turned into Python
    rows and dropped, and Arrow's own pool (mimalloc) kept their memory for the rest of a load
    (3,000 documents: 441 MB peak instead of 457 MB)."""
    import pyarrow as pa

    return pa.system_memory_pool()


def newest_runs(documents) -> dict[str, str]:
    """source -> the newest run that wrote it."""
    newest: dict[str, str] = {}
    columns = documents.to_table(columns=["source", "run"], memory_pool=_pool()).to_pydict()
    for source, run in zip(columns["source"], columns["run"], strict=True):
        if run > newest.get(source, ""):
            newest[source] = run
    return newest


def months(documents) -> list[str]:
    return sorted(
        set(documents.to_table(columns=[PARTITION], memory_pool=_pool()).column(PARTITION).to_pylist())
    )


def source_order(source: str) -> tuple:
    """Path order, as `innoatlas ingest` walks a folder; a JSONL record by its line number."""
    path, _, line = source.rpartition("#") if "#" in source else (source, "", "")
    return PurePosixPath(path).parts, int(line) if line.isascii() and line.isdigit() else 0


def month_documents(tables: dict, month: str, newest: dict[str, str]) -> Iterator[tuple]:
    """(document row, its fact rows by table) of one month's newest versions, in source order.

    The month's keys are read first (source and run: a few bytes a
    document), then its documents and facts DOCUMENTS_PER_READ at a time in
    that order: a month of a firehose holds millions of documents, and its
    texts never need to be in memory at once.
    """
    import pyarrow.dataset as ds

    in_month = ds.field(PARTITION) == month
    keys = tables["documents"].to_table(columns=["source", "run"], filter=in_month, memory_pool=_pool())
    wanted = [
        (source, run)
        for source, run in zip(keys.column("source").to_pylist(), keys.column("run").to_pylist(), strict=True)
        if newest.get(source) == run
    ]
    del keys
    wanted.sort(key=lambda key: source_order(key[0]))
    for chunk in source_chunks(wanted, DOCUMENTS_PER_READ):
        yield from documents_of(tables, in_month & ds.field("source").isin([s for s, _ in chunk]), chunk)


def source_chunks(keys: list[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    """`keys` in runs of about `size`, a source never split between two (its copies are read together)."""
    start = 0
    while start < len(keys):
        end = min(start + size, len(keys))
        while end < len(keys) and keys[end][0] == keys[end - 1][0]:
            end += 1
        yield keys[start:end]
        start = end


def documents_of(tables: dict, where, keys: list[tuple[str, str]]) -> Iterator[tuple]:
    """(document row, fact rows by table) for each of `keys` (source, run), in their order."""
    rows: dict[tuple, list[dict]] = defaultdict(list)
    for r in tables["documents"].to_table(filter=where, memory_pool=_pool()).to_pylist():
        rows[(r["source"], r["run"])].append(r)
    facts: dict[tuple, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for table in FACT_TABLES:
        if table in tables:
            for fact in tables[table].to_table(filter=where, memory_pool=_pool()).to_pylist():
                if (fact["source"], fact["run"]) in rows:
                    facts[(fact["source"], fact["run"])][table].append(fact)
    for key in keys:
        yield rows[key].pop(0), facts.get(key, {})


# -- planning and writing ------------------------------------------------------------


class StoredExtraction:
    """The planner's runner for a load: the facts were extracted by Spark, only resolution is left."""

    window = 1

    def __init__(self):
        self.extraction = None

    def submit(self, _extract, doc) -> Deferred:
        return Deferred(resolve_stored, (doc, self.extraction))


def resolve_stored(pair) -> Facts:
    doc, extraction = pair
    return Facts(extraction, resolve_facts(doc, extraction))


def plan_documents(tables, newest, store: Store, duplicates: DuplicateFinder) -> Iterator[Plan]:
    options = IngestOptions()
    runner = StoredExtraction()
    seen: dict[str, tuple[str, DocumentOutcome]] = {}  # as the ingest's: content hash and outcome only
    for month in months(tables["documents"]):
        for row, fact_rows in month_documents(tables, month, newest):
            try:
                doc = document_from_row(row)
                runner.extraction = extraction_from_rows(fact_rows)
                yield plan_document(doc, store, options, duplicates, runner, seen)
            except Exception as e:
                yield Plan(failed_outcome(row["source"], row["name"], e))


def write_batch(plans: list[Plan], store: Store, duplicates, report: IngestReport, on_outcome) -> None:
    """Write `plans` in one transaction; a document whose facts fail is reported, the others go in."""
    if not plans:
        return
    options = IngestOptions()
    with store.transaction() as session:
        defer = can_defer_facts(session)
        with collecting_facts(session) if defer else nullcontext():
            for plan in plans:
                if plan.write is None:
                    continue
                try:
                    item = finish_plan(plan, options, duplicates)
                except Exception as e:
                    plan.outcome = failed_outcome(plan.outcome.source, plan.outcome.name, e)
                    plan.write = None
                    if plan.planned_key is not None:
                        duplicates.settle(plan.planned_key, None)
                    continue
                plan.outcome.document_id = store_write.write_document(session, item, replay_corrections)
                if plan.planned_key is not None:
                    duplicates.settle(plan.planned_key, plan.outcome.document_id)
    for plan in plans:
        if plan.same_as is not None:
            plan.outcome.document_id = plan.same_as.document_id
        report.outcomes.append(plan.outcome)
        if on_outcome is not None:
            on_outcome(plan.outcome)
