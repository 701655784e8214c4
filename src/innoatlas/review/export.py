"""Reviewed facts as gold annotations in the shape of the evaluation's ANNOTATION.md.

A document is exported when an analyst reviewed something in it. By
default only its reviewed facts (confirmed, corrected or added) are
written: unreviewed machine output is not gold. With `all_facts` the
document's whole corrected state is written, for documents an analyst
went through from start to end (rejected facts are gone from it).
Entity names and relation ends are written as in the document.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.orm import Session

from innoatlas.store.review_export import (
    gold_entities,
    gold_indicators,
    gold_relations,
    reviewed_documents,
    written_names,
)

GOLD_SUFFIX = ".gold.json"


def export_gold(session: Session, all_facts: bool = False) -> list[dict]:
    """One ANNOTATION.md object per reviewed document, in document id order."""
    return [gold_of_document(session, doc, all_facts) for doc in reviewed_documents(session)]


def write_gold(session: Session, out_dir: Path, all_facts: bool = False) -> list[Path]:
    """Write `<doc>.gold.json` files into `out_dir` (created if missing), and each document's
    text into `out_dir/docs/` (what `innoatlas train --extra` and the scorer read); returns
    the gold files' paths."""
    (out_dir / "docs").mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in reviewed_documents(session):
        gold = gold_of_document(session, doc, all_facts)
        (out_dir / "docs" / gold["doc"]).write_text(doc.original, encoding="utf-8")
        path = out_dir / f"{gold['doc']}{GOLD_SUFFIX}"
        path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def gold_of_document(session: Session, doc, all_facts: bool = False) -> dict:
    names = written_names(session, doc.id)
    gold = {
        "doc": doc.name,
        "published": published_text(doc),
        "entities": gold_entities(session, doc.id, all_facts),
        "indicators": gold_indicators(session, doc.id, names, all_facts),
    }
    relations = gold_relations(session, doc.id, names, all_facts)
    if relations or all_facts:
        gold["relations"] = relations
    return gold


def published_text(doc) -> str | None:
    if doc.published is None or doc.published_precision == "unknown":
        return None
    width = {"year": 4, "month": 7}.get(doc.published_precision, 10)
    return doc.published.isoformat()[:width]


def write_rows(rows: list[dict], path: Path) -> int:
    """JSON Lines for .jsonl, CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese) otherwise."""
    import csv

    if path.suffix.lower() == ".jsonl":
        with path.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        return len(rows)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]) if rows else ["id"])
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
