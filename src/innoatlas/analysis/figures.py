"""Indicators read for analysis: stored columns, their source, and their canonical description.

Only the columns analysis needs are read, never a document's body: the
sentence before a quote (where 计划 or 将 may stand) comes as a short
substring cut by the database.
"""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from innoatlas.analysis.metrics import Canonical, describe, is_growth_without_object
from innoatlas.store.schema import Document, Indicator

# Characters read before a quote to find its sentence: long enough for a
# "XX负责人表示，今年将…" lead-in, short enough to stay out of the previous sentence's claims.
CONTEXT_CHARS = 60
# A growth rate without an object belongs to the figure that ends at most
# this many characters before it (the comma of 2800余人，较上年同期增长约15%).
GROWTH_GAP_CHARS = 2

_COLUMNS = (
    Indicator.id,
    Indicator.subject_id,
    Indicator.document_id,
    Indicator.metric,
    Indicator.metric_key,
    Indicator.value,
    Indicator.unit,
    Indicator.value_base,
    Indicator.base_unit,
    Indicator.approx,
    Indicator.kind,
    Indicator.period,
    Indicator.start,
    Indicator.end,
    Indicator.quote,
    Document.name.label("doc_name"),
    Document.outlet.label("doc_outlet"),
    Document.published.label("doc_published"),
)


def context_column():
    """The CONTEXT_CHARS characters of the normalised text before the quote (fewer at the start)."""
    first = case((Indicator.start > CONTEXT_CHARS, Indicator.start - CONTEXT_CHARS + 1), else_=1)
    length = case((Indicator.start > CONTEXT_CHARS, CONTEXT_CHARS), else_=Indicator.start)
    return func.substr(Document.norm, first, length).label("context")


def load_figures(session: Session, subject_ids: list[int] | None = None) -> list[dict]:
    """Indicators of `subject_ids` (all with a subject when None), reposts left out, in stored order."""
    stmt = (
        select(*_COLUMNS, context_column())
        .join(Document, Document.id == Indicator.document_id)
        .where(Document.duplicate_of_id.is_(None))
        .order_by(Indicator.id)
    )
    if subject_ids is not None:
        stmt = stmt.where(Indicator.subject_id.in_(subject_ids))
    else:
        stmt = stmt.where(Indicator.subject_id.is_not(None))
    return describe_rows([row._asdict() for row in session.execute(stmt)])


def describe_rows(rows: list[dict]) -> list[dict]:
    """Each row as a figure: its fields, a document reference and `canonical` (metrics.Canonical)."""
    figures = [figure(row) for row in rows]
    by_document: dict[int, list[dict]] = {}
    for f in figures:
        by_document.setdefault(f["document_id"], []).append(f)
    for f, row in zip(figures, rows, strict=True):
        grew = None
        if is_growth_without_object(row["metric"], row["kind"], row["base_unit"]):
            grew = what_grew(f, by_document[f["document_id"]])
        f["canonical"] = describe(
            row["metric"], row["quote"], row["base_unit"], row["kind"], row.get("context") or "", grew
        )
    return figures


def what_grew(growth: dict, same_document: list[dict]) -> Canonical | None:
    """The metric of the figure of the same subject that ends just before a bare growth rate."""
    for other in same_document:
        gap = growth["start"] - other["end"]
        if (
            other is not growth
            and other["subject_id"] == growth["subject_id"]
            and 0 <= gap <= GROWTH_GAP_CHARS
        ):
            return describe(other["metric"], other["quote"], other["base_unit"], other["kind"])
    return None


def figure(row: dict) -> dict:
    published = row["doc_published"]
    value = row["value_base"] if row["value_base"] is not None else row["value"]
    return {
        "id": row["id"],
        "subject_id": row["subject_id"],
        "document_id": row["document_id"],
        "metric": row["metric"],
        "stored_metric_key": row["metric_key"],
        "value": row["value"],
        "unit": row["unit"],
        "value_base": value,
        "base_unit": row["base_unit"],
        "approx": row["approx"],
        "kind": row["kind"],
        "period": row["period"],
        "start": row["start"],
        "end": row["end"],
        "quote": row["quote"],
        "document": {
            "id": row["document_id"],
            "name": row["doc_name"],
            "outlet": row["doc_outlet"],
            "published": published.isoformat() if published else None,
        },
    }
