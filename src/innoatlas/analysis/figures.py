"""Indicators read for analysis: stored columns, their source, and their canonical description.

Only the columns analysis needs are read, never a document's body: the
sentence before a quote (where 计划 or 将 may stand) comes as a short
substring cut by the database.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy.orm import Session

from innoatlas.analysis.metrics import Canonical, describe, is_growth_without_object
from innoatlas.store.read.indicators import FigureRow, figure_rows, quote_contexts

# Characters read before a quote to find its sentence: long enough for a
# "XX负责人表示，今年将…" lead-in, short enough to stay out of the previous sentence's claims.
CONTEXT_CHARS = 60
# Descriptions kept in memory (about 1 KB each).
DESCRIBED_CACHE = 50_000
# A growth rate without an object belongs to the figure that ends at most
# this many characters before it (the comma of 2800余人，较上年同期增长约15%).
GROWTH_GAP_CHARS = 2


def load_figures(
    session: Session,
    subject_ids: list[int] | None = None,
    periods: set[str] | None = None,
    with_context: bool = True,
) -> list[dict]:
    """Indicators of `subject_ids` (all with a subject when None), reposts left out, in stored order.

    `periods` keeps only figures of those periods: what a page of rows needs
    to know whether its figures conflict (a conflict is within one period).
    Without context the status is read from the quote alone (see `add_context`).
    """
    context_chars = CONTEXT_CHARS if with_context else None
    return describe_rows(figure_rows(session, subject_ids, periods, context_chars))


def describe_rows(rows: list[FigureRow]) -> list[dict]:
    """Each row as a figure: its fields, a document reference and `canonical` (metrics.Canonical)."""
    figures = [figure(row) for row in rows]
    by_document: dict[int, list[dict]] = {}
    for f in figures:
        by_document.setdefault(f["document_id"], []).append(f)
    for f, row in zip(figures, rows, strict=True):
        f["grew"] = None
        if is_growth_without_object(row.metric, row.kind, row.base_unit):
            f["grew"] = what_grew(f, by_document[f["document_id"]])
        redescribe(f, row.context or "")
    return figures


def redescribe(f: dict, context: str) -> None:
    if f["grew"] is None:
        f["canonical"] = describe_once(f["metric"], f["quote"], f["base_unit"], f["kind"], context, f["unit"])
    else:
        f["canonical"] = describe(
            f["metric"], f["quote"], f["base_unit"], f["kind"], context, f["grew"], f["unit"]
        )


def add_context(session: Session, figures: list[dict]) -> None:
    """Describe `figures` (loaded without context) again with the sentence before each quote.

    Context can only turn an actual value into a target or an estimate, so
    a caller may read it for just the figures whose status matters.
    """
    by_id = {f["id"]: f for f in figures}
    for indicator_id, context in quote_contexts(session, list(by_id), CONTEXT_CHARS).items():
        redescribe(by_id[indicator_id], context or "")


@lru_cache(maxsize=DESCRIBED_CACHE)
def describe_once(
    metric: str, quote: str, base_unit: str | None, kind: str, context: str, unit: str
) -> Canonical:
    """describe(), remembered: a figure repeated across documents (a headline, a wire copy) is read once."""
    return describe(metric, quote, base_unit, kind, context, unit=unit)


def what_grew(growth: dict, same_document: list[dict]) -> Canonical | None:
    """The metric of the figure of the same subject that ends just before a bare growth rate."""
    for other in same_document:
        gap = growth["start"] - other["end"]
        if (
            other is not growth
            and other["subject_id"] == growth["subject_id"]
            and 0 <= gap <= GROWTH_GAP_CHARS
        ):
            return describe(
                other["metric"], other["quote"], other["base_unit"], other["kind"], unit=other["unit"]
            )
    return None


def figure(row: FigureRow) -> dict:
    published = row.doc_published
    value = row.value_base if row.value_base is not None else row.value
    return {
        "id": row.id,
        "subject_id": row.subject_id,
        "document_id": row.document_id,
        "metric": row.metric,
        "stored_metric_key": row.metric_key,
        "value": row.value,
        "unit": row.unit,
        "value_base": value,
        "base_unit": row.base_unit,
        "approx": row.approx,
        "kind": row.kind,
        "period": row.period,
        "start": row.start,
        "end": row.end,
        "quote": row.quote,
        "document": {
            "id": row.document_id,
            "title": row.doc_title or row.doc_name,
            "name": row.doc_name,
            "outlet": row.doc_outlet,
            "published": published.isoformat() if published else None,
        },
    }
