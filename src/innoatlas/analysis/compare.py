"""Region comparison: canonical metrics of chosen regions or zones, each with its latest value.

A unit's value of a metric key is its latest point (timeline.py: reposts
left out, one fact from several outlets merged): the latest period first;
among points of that period the broadest measure (the shortest phrase:
新型研发机构 is a subset of 研发机构), then the newest document. A value in
conflict with another of its period says so.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy.orm import Session

from innoatlas.analysis.common import AnalysisError, entity_ref, find_entities
from innoatlas.analysis.timeline import build_series, load_indicator_rows, newest_published

DEFAULT_KIND = "level"


def resolve_units(session: Session, names: list[str]) -> list[list]:
    """The entities of each name: regions and zones first, any entity otherwise."""
    if not names:
        raise AnalysisError("name at least one region or zone to compare")
    units = []
    for name in names:
        try:
            units.append(find_entities(session, name, ("region", "zone")))
        except AnalysisError:
            units.append(find_entities(session, name))
    return units


def latest_point(series: dict) -> dict | None:
    points = series["points"]
    if not points:
        return None
    last_period = max(p["period_end"] for p in points)
    candidates = [p for p in points if p["period_end"] == last_period]
    return min(candidates, key=lambda p: (len(p["measure"]), _negated(newest_published(p)), p["id"]))


def _negated(published: str) -> tuple:
    return tuple(-ord(c) for c in published)


def latest_values(session: Session, entities: list, kind: str = DEFAULT_KIND) -> dict[str, dict]:
    """metric key -> the latest point of these entities (one unit) for that key."""
    rows = [
        (i, d)
        for i, d in load_indicator_rows(session, [e.id for e in entities], None)
        if i.metric_key and i.kind == kind
    ]
    by_key: dict[str, list] = {}
    for ind, doc in rows:
        by_key.setdefault(ind.metric_key, []).append((ind, doc))
    values = {}
    for key, items in by_key.items():
        point = latest_point(build_series(key, items))
        if point is not None:
            values[key] = point
    return values


def compare_units(
    session: Session, names: list[str], metric_keys: list[str] | None = None, kind: str = DEFAULT_KIND
) -> dict:
    """A table: one row per metric key, one cell per unit with value, period, quote and source."""
    units = resolve_units(session, names)
    values = [latest_values(session, entities, kind) for entities in units]
    if metric_keys:
        keys = list(metric_keys)
    else:  # metrics most units report first
        counted = Counter(k for v in values for k in v)
        keys = sorted(counted, key=lambda k: (-counted[k], k))
    rows = []
    for key in keys:
        cells = []
        for unit_values in values:
            point = unit_values.get(key)
            cells.append(cell(point) if point else None)
        rows.append({"metric_key": key, "cells": cells, "reported_by": sum(c is not None for c in cells)})
    return {
        "units": [entity_ref(entities[0]) for entities in units],
        "kind": kind,
        "rows": rows,
        "method": "latest period; then the broadest measure; then the newest document; reposts left out",
    }


def cell(point: dict) -> dict:
    source = point["sources"][-1]
    return {
        "value": point["value"],
        "unit": point["unit"],
        "value_base": point["value_base"],
        "base_unit": point["base_unit"],
        "approx": point["approx"],
        "period": point["period"],
        "measure": point["measure"],
        "metric": point["metric"],
        "quote": source["quote"],
        "document": source["document"],
        "sources": len(point["sources"]),
        "conflict": point["conflict"],
        "indicator_id": point["id"],
    }
