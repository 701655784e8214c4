"""Timelines: a subject's indicators as series over periods, with conflicts and supersessions.

A series is one canonical subject and one metric key (the metric as written
when it has no key). Within a series, a *measure* is the metric phrase
without filler words (data/analysis/metric_words.yaml), so that 研发机构 and
新型研发机构 under one key are not taken for two reports of one number.

1. facts of duplicate documents (reposts) are left out: they repeat a source
2. the same fact (measure, period, value, approximation) from several
   outlets is one point with several sources
3. points of one measure and period whose value ranges do not overlap (an
   exact 62 and an exact 65; 80余 and 85 do overlap) are flagged as a conflict
4. of conflicting points, those from documents older than the newest report
   are marked superseded by it
"""

from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoatlas.analysis.common import AnalysisError, document_ref, entity_ref, find_entities, load_data
from innoatlas.store.schema import Document, Entity, Indicator

# How far a value may lie from the written number, by approximation word.
# exact: rounding of a reported decimal (1048.63 vs 1048.6); about (近, 约, 左右):
# Chinese news round to the nearest leading digit, within a tenth; over (余, 超过):
# "80余" stops short of the next round figure, so a fifth above covers it; under mirrors over.
EXACT_TOLERANCE = 0.005
ABOUT_TOLERANCE = 0.10
OVER_SLACK = 0.20

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:-(H[12]|Q[1-4]))?(?:\.\.(?:Q)?(\d{1,2}))?$")


def metric_measure(metric: str) -> str:
    """The metric phrase without filler words: what is actually counted."""
    measure = metric
    for word in load_data("metric_words.yaml")["filler"]:
        measure = measure.replace(word, "")
    return measure or metric


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


def period_end(period: str | None) -> str | None:
    """The last day a period covers, as YYYY-MM-DD (for ordering and charts); None if unreadable."""
    if not period:
        return None
    m = _PERIOD.match(period)
    if not m:
        return None
    year, month, day, part, until = m.groups()
    if part:
        last_month = {"H1": 6, "H2": 12}.get(part) or int(part[1]) * 3
        if until:
            last_month = int(until) * 3
        return f"{year}-{last_month:02d}-28"
    if until:
        return f"{year}-{int(until):02d}-28"
    if day:
        return f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}-28"
    return f"{year}-12-31"


def resolve_subjects(session: Session, subject: str | int) -> list[Entity]:
    """The entities a subject names: an id, or a name with its region-suffix variants."""
    if isinstance(subject, int) or (isinstance(subject, str) and subject.isdigit()):
        entity = session.get(Entity, int(subject))
        if entity is None:
            raise AnalysisError(f"no entity with id {subject}")
        return [entity]
    return find_entities(session, subject)


def build_timeline(session: Session, subject: str | int, metric_key: str | None = None) -> dict:
    """Every series of a subject (or only `metric_key`), with points, sources, conflicts and supersessions."""
    entities = resolve_subjects(session, subject)
    rows = load_indicator_rows(session, [e.id for e in entities], metric_key)
    if metric_key and not rows:
        raise AnalysisError(f"{entities[0].name} has no indicator with metric key {metric_key!r}")
    by_series: dict[str, list] = defaultdict(list)
    for ind, doc in rows:
        by_series[ind.metric_key or ind.metric].append((ind, doc))
    series = [build_series(key, items) for key, items in sorted(by_series.items())]
    return {
        "subject": entity_ref(entities[0]),
        "subjects": [entity_ref(e) for e in entities],
        "metric_key": metric_key,
        "series": series,
        "conflicts": [c for s in series for c in s["conflicts"]],
        "method": {
            "series": "subject and metric key; points of one measure (metric without filler words) and period",
            "duplicates": "reposts left out; one fact from several outlets is one point with several sources",
            "conflict": (
                f"value ranges do not overlap: exact ±{EXACT_TOLERANCE:.1%}, about ±{ABOUT_TOLERANCE:.0%}, "
                f"over +{OVER_SLACK:.0%}, under −{OVER_SLACK:.0%}"
            ),
            "superseded": "a conflicting point from a document older than the newest report of that period",
        },
    }


def load_indicator_rows(session: Session, subject_ids: list[int] | None, metric_key: str | None) -> list:
    stmt = (
        select(Indicator, Document)
        .join(Document, Document.id == Indicator.document_id)
        .where(Document.duplicate_of_id.is_(None))
        .order_by(Indicator.id)
    )
    if subject_ids is not None:
        stmt = stmt.where(Indicator.subject_id.in_(subject_ids))
    if metric_key:
        stmt = stmt.where((Indicator.metric_key == metric_key) | (Indicator.metric == metric_key))
    return list(session.execute(stmt).all())


def build_series(key: str, items: list) -> dict:
    points = merge_same_facts(items)
    conflicts = flag_conflicts(points)
    dated = sorted((p for p in points if p["period_end"]), key=lambda p: (p["period_end"], p["measure"]))
    undated = [p for p in points if not p["period_end"]]
    first = items[0][0]
    return {
        "metric_key": first.metric_key,
        "key": key,
        "metrics": sorted({ind.metric for ind, _ in items}),
        "points": dated,
        "undated": undated,
        "conflicts": [{**c, "series": key} for c in conflicts],
    }


def merge_same_facts(items: list) -> list[dict]:
    points: dict[tuple, dict] = {}
    for ind, doc in items:
        value = ind.value_base if ind.value_base is not None else ind.value
        measure = metric_measure(ind.metric)
        fact = (measure, ind.period, ind.kind, ind.base_unit, round(value, 6), ind.approx)
        point = points.get(fact)
        if point is None:
            point = points[fact] = {
                "id": ind.id,
                "period": ind.period,
                "period_end": period_end(ind.period),
                "measure": measure,
                "metric": ind.metric,
                "value": ind.value,
                "unit": ind.unit,
                "value_base": value,
                "base_unit": ind.base_unit,
                "approx": ind.approx,
                "kind": ind.kind,
                "sources": [],
                "conflict": False,
                "conflicts_with": [],
                "superseded_by": None,
            }
        point["sources"].append({"indicator_id": ind.id, "quote": ind.quote, "document": document_ref(doc)})
    return list(points.values())


def flag_conflicts(points: list[dict]) -> list[dict]:
    """Mark disagreeing points of one measure and period; return one record per disagreement."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for p in points:
        if p["period"]:
            groups[(p["measure"], p["period"], p["kind"], p["base_unit"])].append(p)
    found = []
    for (measure, period, _kind, _unit), group in groups.items():
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
        found.append(
            {
                "measure": measure,
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
        )
    return found


def newest_published(point: dict) -> str:
    dates = [s["document"]["published"] or "" for s in point["sources"] if s["document"]]
    return max(dates, default="")


def mark_superseded(points: list[dict]) -> None:
    newest = max(points, key=newest_published)
    newest_date = newest_published(newest)
    for p in points:
        if p is not newest and newest_published(p) < newest_date and newest["id"] in p["conflicts_with"]:
            p["superseded_by"] = newest["id"]


def find_all_conflicts(session: Session) -> list[dict]:
    """Every conflict in the knowledge base, series by series."""
    by_series: dict[tuple, list] = defaultdict(list)
    subjects: dict[int, Entity] = {}
    for ind, doc in load_indicator_rows(session, None, None):
        if ind.subject_id is None:
            continue
        by_series[(ind.subject_id, ind.metric_key or ind.metric)].append((ind, doc))
    found = []
    for (subject_id, key), items in sorted(by_series.items()):
        conflicts = build_series(key, items)["conflicts"]
        if conflicts:
            subjects.setdefault(subject_id, session.get(Entity, subject_id))
            found.extend({**c, "subject": entity_ref(subjects[subject_id])} for c in conflicts)
    return found
