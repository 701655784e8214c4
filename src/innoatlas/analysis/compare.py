"""Region comparison: like-for-like metrics of chosen regions or zones, each unit's latest value.

1. each unit's figures (figures.py: reposts left out) that are actual values
   of the asked kind; targets and estimates are never compared
2. a row is one canonical identity (metrics.py: metric, scope, subset, kind,
   unit family): 研发机构 and 研发机构（新型） are two rows, a count of
   projects never stands in a row of money
3. a unit's value of a row is its latest point (timeline merging): the
   latest period, dated before undated, then the newest document
4. a row reported by two or more units is compared (and charted); a row
   reported by one unit only is listed apart, not charted: there is nothing
   to set it beside
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy.orm import Session

from innoatlas.analysis.common import AnalysisError, entity_ref, find_entities
from innoatlas.analysis.conflicts import flag_conflicts, merge_points, newest_published
from innoatlas.analysis.figures import load_figures
from innoatlas.analysis.timeline import period_end

DEFAULT_KIND = "level"
METHOD = {
    "zh": "同口径比较：同一指标、范围（总数/子集/新增）、类型与单位类别的实际值；各单位取最新期间的值，"
    "同期取最新发布的来源；目标值与预计值不比较；仅一个单位报告的指标单列，不作图。转载文章不计。",
    "en": "like for like: actual values of one canonical metric, scope (total/subset/new), kind and unit "
    "family; each unit's latest period, then its newest source; targets and estimates are not compared; "
    "a metric only one unit reports is listed apart, not charted; reposts left out.",
}


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


def latest_point(points: list[dict]) -> dict | None:
    """The point of the latest period (dated before undated), then of the newest document."""
    if not points:
        return None
    return max(points, key=lambda p: (period_end(p["period"]) or "", newest_published(p), -p["id"]))


def latest_values(session: Session, entities: list, kind: str = DEFAULT_KIND) -> dict[tuple, dict]:
    """Row identity -> the latest actual point of these entities (one unit), with its canonical metric."""
    figures = [
        f
        for f in load_figures(session, [e.id for e in entities])
        if f["canonical"].key and f["canonical"].status == "actual" and f["kind"] == kind
    ]
    points = merge_points(figures)
    flag_conflicts(points)
    by_row: dict[tuple, list] = defaultdict(list)
    for p in points:
        by_row[row_identity(p["canonical"])].append(p)
    return {identity: latest_point(items) for identity, items in by_row.items()}


def row_identity(canonical: dict) -> tuple:
    return tuple(canonical[k] for k in ("key", "scope", "subset", "kind", "family"))


def compare_units(
    session: Session, names: list[str], metric_keys: list[str] | None = None, kind: str = DEFAULT_KIND
) -> dict:
    """A table: one row per like-for-like metric, one cell per unit with value, period, quote and source."""
    units = resolve_units(session, names)
    values = [latest_values(session, entities, kind) for entities in units]
    identities = {i for v in values for i in v}
    if metric_keys:
        identities = {i for i in identities if i[0] in metric_keys}
    rows = []
    for identity in identities:
        cells = [cell(v[identity]) if identity in v else None for v in values]
        canonical = next(c["canonical"] for c in cells if c)
        rows.append(
            {
                "metric_key": identity[0],
                "label": canonical["label"],
                "label_en": canonical["label_en"],
                "scope": identity[1],
                "subset": identity[2],
                "family": identity[4],
                "cells": cells,
                "reported_by": sum(c is not None for c in cells),
            }
        )
    rows.sort(key=lambda r: (-r["reported_by"], r["metric_key"], r["scope"], r["subset"]))
    compared = [r for r in rows if r["reported_by"] >= 2]
    single = [r for r in rows if r["reported_by"] < 2]
    result = {
        "units": [entity_ref(entities[0]) for entities in units],
        "kind": kind,
        "rows": compared,
        "single": single,
        "method": METHOD["zh"],
        "method_en": METHOD["en"],
    }
    if not compared:
        result["message"] = (
            "没有两个以上单位共同报告的同口径指标，无法比较；各单位的指标单列如下。"
            if len(units) > 1
            else "只选了一个单位：至少需要两个单位才能比较。"
        )
    return result


def cell(point: dict) -> dict:
    source = max(point["sources"], key=lambda s: (s["document"] or {}).get("published") or "")
    return {
        "value": point["value"],
        "unit": point["unit"],
        "value_base": point["value_base"],
        "base_unit": point["base_unit"],
        "approx": point["approx"],
        "period": point["period"],
        "measure": point["measure"],
        "metric": point["metric"],
        "canonical": point["canonical"],
        "quote": source["quote"],
        "document": source["document"],
        "sources": len(point["sources"]),
        "conflict": point["conflict"],
        "indicator_id": point["id"],
    }
