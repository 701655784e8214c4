"""The one meaning of a conflict, used by the timelines, the API, the pages, the entity profile and the CLI.

Two reports conflict when all of these hold:
1. they are about one subject, for one period (an undated figure conflicts with nothing)
2. they measure the same thing the same way: equal canonical identity
   (metrics.py: metric, scope, subset, kind, unit family) -- so 新型研发机构
   27家 is a subset of 研发机构 65家, never a conflict with it
3. both are actual values: a target (力争, 计划, 将) or an estimate (预计) is
   a statement of intent, never a report to check against
4. their value ranges do not overlap, given the approximation words (an
   exact 62 and an exact 65 conflict; 80余 and 85 do not)
Of conflicting reports, those from documents older than the newest report
of that period are marked superseded by it. Reposts are left out before
(figures.py): they repeat a source.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy.orm import Session

from innoatlas.analysis.common import entity_ref
from innoatlas.analysis.figures import add_context, load_figures
from innoatlas.store.read.entities import entities_by_id

# How far a value may lie from the written number, by approximation word.
# exact: rounding of a reported decimal (1048.63 vs 1048.6); about (近, 约,
# 左右): Chinese news round to the nearest leading digit, within a tenth;
# over (余, 超过): "80余" stops short of the next round figure, so a fifth
# above covers it; under mirrors over.
EXACT_TOLERANCE = 0.005
ABOUT_TOLERANCE = 0.10
OVER_SLACK = 0.20

DEFINITION = {
    "zh": (
        "同一主体、同一期间、同一指标口径（指标、范围、类型、单位）的实际值，数值区间不重叠即为冲突；"
        "子集（如新型研发机构）不与总数冲突，目标值和预计值不参与比较。"
        f"容差：精确 ±{EXACT_TOLERANCE:.1%}，约数 ±{ABOUT_TOLERANCE:.0%}，“余/超过” +{OVER_SLACK:.0%}，“不到” −{OVER_SLACK:.0%}"
    ),
    "en": (
        "actual values of one subject, period and canonical metric (metric, scope, kind, unit family) "
        "whose value ranges do not overlap; a subset never conflicts with its total; targets and estimates "
        f"are not compared. Tolerance: exact ±{EXACT_TOLERANCE:.1%}, about ±{ABOUT_TOLERANCE:.0%}, "
        f"over +{OVER_SLACK:.0%}, under −{OVER_SLACK:.0%}"
    ),
}


def value_range(value: float, approx: str) -> tuple[float, float]:
    """The values a written number with its approximation word allows."""
    size = abs(value)
    if approx == "about":
        low, high = value - size * ABOUT_TOLERANCE, value + size * ABOUT_TOLERANCE
    elif approx == "over":
        low, high = value, value + size * OVER_SLACK
    elif approx == "under":
        low, high = value - size * OVER_SLACK, value
    else:
        low, high = value - size * EXACT_TOLERANCE, value + size * EXACT_TOLERANCE
    return min(low, high), max(low, high)


def ranges_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def merge_points(figures: list[dict]) -> list[dict]:
    """One point per fact: the same canonical figure, period, value and approximation from several outlets."""
    points: dict[tuple, dict] = {}
    for f in figures:
        c = f["canonical"]
        fact = (c.identity, f["period"], round(f["value_base"], 6), f["approx"])
        point = points.get(fact)
        if point is None:
            point = points[fact] = {
                "id": f["id"],
                "subject_id": f["subject_id"],
                "period": f["period"],
                "measure": c.label,
                "measure_en": c.label_en,
                "metric": f["metric"],
                "canonical": c.as_dict(),
                "status": c.status,
                "value": f["value"],
                "unit": f["unit"],
                "value_base": f["value_base"],
                "base_unit": f["base_unit"],
                "approx": f["approx"],
                "kind": f["kind"],
                "sources": [],
                "conflict": False,
                "conflicts_with": [],
                "superseded_by": None,
            }
        point["sources"].append({"indicator_id": f["id"], "quote": f["quote"], "document": f["document"]})
    return list(points.values())


def flag_conflicts(points: list[dict]) -> list[dict]:
    """Mark the points that conflict (see the module notes); return one record per disagreement."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for p in points:
        if p["period"] and p["status"] == "actual":
            identity = tuple(p["canonical"][k] for k in ("key", "zh", "scope", "subset", "kind", "family"))
            groups[(p["subject_id"], identity, p["period"])].append(p)
    found = []
    for (_subject, _identity, period), group in groups.items():
        disagreeing = [
            (a, b)
            for i, a in enumerate(group)
            for b in group[i + 1 :]
            if not ranges_overlap(
                value_range(a["value_base"], a["approx"]), value_range(b["value_base"], b["approx"])
            )
        ]
        if not disagreeing:
            continue
        for a, b in disagreeing:
            a["conflict"] = b["conflict"] = True
            a["conflicts_with"].append(b["id"])
            b["conflicts_with"].append(a["id"])
        involved = [p for p in group if p["conflict"]]
        mark_superseded(involved)
        found.append(conflict_record(involved, period))
    return found


def conflict_record(involved: list[dict], period: str) -> dict:
    first = involved[0]
    return {
        "measure": first["measure"],
        "measure_en": first["measure_en"],
        "metric_key": first["canonical"]["key"],
        "series": first["canonical"]["key"] or first["measure"],
        "period": period,
        "values": [
            {
                "id": p["id"],
                "value": p["value"],
                "unit": p["unit"],
                "approx": p["approx"],
                "superseded_by": p["superseded_by"],
                "sources": p["sources"],
            }
            for p in involved
        ],
    }


def newest_published(point: dict) -> str:
    dates = [s["document"]["published"] or "" for s in point["sources"] if s["document"]]
    return max(dates, default="")


def mark_superseded(points: list[dict]) -> None:
    newest = max(points, key=newest_published)
    newest_date = newest_published(newest)
    for p in points:
        if p is not newest and newest_published(p) < newest_date and newest["id"] in p["conflicts_with"]:
            p["superseded_by"] = newest["id"]


def find_conflicts(
    session: Session, subject_ids: list[int] | None = None, periods: set[str] | None = None
) -> list[dict]:
    """Every conflict among the indicators of `subject_ids` (of the whole knowledge base when None)."""
    figures = load_figures(session, subject_ids, periods, with_context=False)
    # Only figures that could conflict need their sentence read (a plan announced
    # before them makes them targets); the others are settled by their quotes.
    add_context(session, possible_conflicts(figures))
    points = merge_points(figures)
    found = flag_conflicts(points)
    by_indicator = {p["id"]: p["subject_id"] for p in points}
    entities = entities_by_id(session, {by_indicator[c["values"][0]["id"]] for c in found})
    for c in found:
        subject_id = by_indicator[c["values"][0]["id"]]
        entity = entities.get(subject_id)
        c["subject"] = entity_ref(entity) if entity else {"id": subject_id, "name": "", "type": ""}
    return sorted(found, key=lambda c: (c["subject"]["name"], c["series"], c["period"]))


def possible_conflicts(figures: list[dict]) -> list[dict]:
    """Figures in a group that would conflict if every figure the quote leaves actual stayed actual."""
    points = merge_points([f for f in figures if f["canonical"].status == "actual"])
    flag_conflicts(points)
    ids = {s["indicator_id"] for p in points if p["conflict"] for s in p["sources"]}
    return [f for f in figures if f["id"] in ids]


def conflicting_indicator_ids(
    session: Session, subject_ids: list[int], periods: set[str] | None = None
) -> set[int]:
    """Ids of every stored indicator (each source of a merged point) that is part of a conflict."""
    return {
        s["indicator_id"]
        for c in find_conflicts(session, subject_ids, periods)
        for v in c["values"]
        for s in v["sources"]
    }


def flag_rows(session: Session, rows: list[dict], subject_ids: list[int]) -> list[dict]:
    """Set `conflict` on indicator rows of the store's lists (an entity profile, a series) by this definition."""
    # A conflict is within one period: only the periods of these rows need reading.
    periods = {row["period"] for row in rows if row["period"]}
    ids = conflicting_indicator_ids(session, subject_ids, periods) if subject_ids and periods else set()
    for row in rows:
        row["conflict"] = row["id"] in ids
    return rows
