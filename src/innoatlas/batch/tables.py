"""The Parquet tables spark-ingest writes and load reads: their schemas and the row <-> object mapping.

Every table has the document's `source`, the `run` that wrote it (a sortable
UTC time stamp: the newest run's version of a source wins) and the
partition column `month` (publication month YYYY-MM, YYYY for a date known
to the year, `unknown`). Fact tables keep the order the extractor gave
(`ordinal`), which the resolver's mention_keys rely on.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pyarrow as pa

from innoatlas.documents.model import Document, PublishedDate
from innoatlas.extract.model import EntityMention, Extraction, IndicatorRecord, RelationRecord
from innoatlas.records import field_types
from innoatlas.store.write import document_columns

PARTITION = "month"
UNKNOWN_MONTH = "unknown"
FACT_TABLES = {"mentions": EntityMention, "indicators": IndicatorRecord, "relations": RelationRecord}
TABLES = ("documents", *FACT_TABLES)

_ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}

KEY_FIELDS = [
    pa.field("source", pa.string(), nullable=False),
    pa.field("run", pa.string(), nullable=False),
    pa.field(PARTITION, pa.string(), nullable=False),
]
DOCUMENT_FIELDS = [
    pa.field("name", pa.string()),
    pa.field("format", pa.string()),
    pa.field("encoding", pa.string()),
    pa.field("url", pa.string()),
    pa.field("title", pa.string()),
    pa.field("outlet", pa.string()),
    pa.field("published", pa.date32()),
    pa.field("published_precision", pa.string()),
    pa.field("script", pa.string()),
    pa.field("original", pa.large_string()),
    pa.field("body", pa.large_string()),
    pa.field("norm", pa.large_string()),
    pa.field("norm_to_original", pa.list_(pa.int32())),
    pa.field("content_hash", pa.string()),
    pa.field("minhash", pa.binary()),
]


def record_fields(record_type: type) -> list[pa.Field]:
    """Arrow fields of a record (records.py)."""
    return [pa.field(name, _ARROW_TYPES[base]) for name, base in field_types(record_type).items()]


def fact_schema(record_type: type) -> pa.Schema:
    return pa.schema([*KEY_FIELDS, pa.field("ordinal", pa.int32()), *record_fields(record_type)])


DOCUMENT_SCHEMA = pa.schema([*KEY_FIELDS, *DOCUMENT_FIELDS])
SCHEMAS = {"documents": DOCUMENT_SCHEMA, **{t: fact_schema(r) for t, r in FACT_TABLES.items()}}


def month_of(published: PublishedDate) -> str:
    if published.value is None or published.precision == "unknown":
        return UNKNOWN_MONTH
    if published.precision == "year":
        return f"{published.value.year:04d}"
    return f"{published.value.year:04d}-{published.value.month:02d}"


# -- objects -> rows ---------------------------------------------------------------


def document_row(doc: Document, run: str, minhash: bytes) -> dict:
    return {
        "source": doc.source,
        "run": run,
        PARTITION: month_of(doc.published),
        **document_columns(doc),
        "minhash": minhash,
    }


def fact_rows(doc_row: dict, extraction: Extraction) -> dict[str, list[dict]]:
    """Rows of each fact table for one document, keyed like its document row."""
    key = {k: doc_row[k] for k in ("source", "run", PARTITION)}
    records = {
        "mentions": extraction.entities,
        "indicators": extraction.indicators,
        "relations": extraction.relations,
    }
    return {
        table: [{**key, "ordinal": i, **vars(record)} for i, record in enumerate(items)]
        for table, items in records.items()
    }


# -- rows -> objects ---------------------------------------------------------------


def document_from_row(row: dict) -> Document:
    published = row["published"]
    if published is not None and not isinstance(published, date):
        published = date.fromisoformat(str(published))
    return Document(
        source=row["source"],
        name=row["name"],
        format=row["format"],
        original=row["original"],
        body=row["body"],
        norm=row["norm"],
        norm_to_original=list(row["norm_to_original"]),
        title=row["title"],
        outlet=row["outlet"],
        published=PublishedDate(published, row["published_precision"]),
        script=row["script"],
        content_hash=row["content_hash"],
        encoding=row["encoding"],
        url=row["url"],
    )


def extraction_from_rows(rows: dict[str, list[dict]]) -> Extraction:
    """The Extraction of one document from its fact rows (any order; `ordinal` restores it)."""
    built = {}
    for table, record_type in FACT_TABLES.items():
        names = [f.name for f in fields(record_type)]
        ordered = sorted(rows.get(table, []), key=lambda r: r["ordinal"])
        built[table] = [record_type(**{n: r[n] for n in names}) for r in ordered]
    return Extraction(
        entities=built["mentions"], indicators=built["indicators"], relations=built["relations"]
    )
