"""Timelines: a subject's indicators as series over periods, with conflicts and supersessions.

A series is one canonical metric of a subject (metrics.py), in one kind and
unit family; its lines are the scopes it is reported in (the total, a
subset such as 新型研发机构, new additions). Targets and estimates are listed
beside the series, never drawn among the achieved values.

1. facts of duplicate documents (reposts) are left out: they repeat a source
2. the same fact from several outlets is one point with several sources
3. conflicts and supersessions: conflicts.py, the one definition
"""

from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy.orm import Session

from innoatlas.analysis.common import AnalysisError, entity_ref, find_entities
from innoatlas.analysis.conflicts import (
    DEFINITION,
    find_conflicts,
    flag_conflicts,
    merge_points,
    newest_published,
)
from innoatlas.analysis.figures import load_figures
from innoatlas.analysis.metrics import metric_label
from innoatlas.store.read.entities import entity_record
from innoatlas.store.read.indicators import disagreeing_subjects

# Subjects whose conflicts a page of the whole base's list reads at a time:
# FIRST_READ at first (a subject of a large base holds about ten conflicts,
# a page fifty), twice as many each further read, up to SUBJECTS_PER_READ.
FIRST_READ = 8
SUBJECTS_PER_READ = 200

__all__ = ["build_timeline", "conflicts_page", "find_all_conflicts", "newest_published", "period_end"]

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:-(H[12]|Q[1-4]))?(?:\.\.(?:Q)?(\d{1,2}))?$")


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


def resolve_subjects(session: Session, subject: str | int) -> list:
    """The entities a subject names: an id, or a name with its region-suffix variants."""
    # Only ASCII digits are an id: ¹ and ٣ pass str.isdigit() but name no row (as the lists' filters read them).
    if isinstance(subject, int) or (isinstance(subject, str) and subject.isascii() and subject.isdigit()):
        entity = entity_record(session, int(subject))
        if entity is None:
            raise AnalysisError(f"no entity with id {subject}")
        return [entity]
    return find_entities(session, subject)


def build_timeline(session: Session, subject: str | int, metric_key: str | None = None) -> dict:
    """Every series of a subject (or only the canonical `metric_key`), with points, sources and conflicts."""
    entities = resolve_subjects(session, subject)
    figures = load_figures(session, [e.id for e in entities])
    if metric_key:
        figures = [
            f for f in figures if metric_key in (f["canonical"].key, f["stored_metric_key"], f["metric"])
        ]
        if not figures:
            raise AnalysisError(f"{entities[0].name} has no indicator with metric key {metric_key!r}")
    points = merge_points(figures)
    conflicts = flag_conflicts(points)
    for c in conflicts:
        c["subject"] = entity_ref(entities[0])
    by_series: dict[tuple, list] = defaultdict(list)
    for p in points:
        c = p["canonical"]
        by_series[(c["key"] or c["zh"], c["kind"], c["family"])].append(p)
    series = [build_series(key, items, conflicts) for key, items in sorted(by_series.items())]
    return {
        "subject": entity_ref(entities[0]),
        "subjects": [entity_ref(e) for e in entities],
        "metric_key": metric_key,
        "series": series,
        "conflicts": conflicts,
        "method": {
            "series": "one canonical metric, kind and unit family; lines by scope (total, subset, new additions)",
            "duplicates": "reposts left out; one fact from several outlets is one point with several sources",
            "conflict": DEFINITION["en"],
            "conflict_zh": DEFINITION["zh"],
            "targets": "targets (力争, 计划, 将) and estimates (预计) are listed apart and never compared",
        },
    }


def build_series(identity: tuple, points: list[dict], conflicts: list[dict]) -> dict:
    key, kind, family = identity
    for p in points:
        p["period_end"] = period_end(p["period"])
    actual = [p for p in points if p["status"] == "actual"]
    dated = sorted((p for p in actual if p["period_end"]), key=lambda p: (p["period_end"], p["measure"]))
    first = points[0]["canonical"]
    label = first["label"] if not first["key"] else series_label(first)
    ids = {p["id"] for p in points}
    return {
        "metric_key": first["key"],
        "key": key,
        "label": label,
        "label_en": series_label(first, "en") if first["key"] else first["label_en"],
        "kind": kind,
        "family": family,
        "metrics": sorted({p["metric"] for p in points}),
        "points": dated,
        "undated": [p for p in actual if not p["period_end"]],
        "targets": sorted(
            (p for p in points if p["status"] != "actual"), key=lambda p: (p["period_end"] or "", p["id"])
        ),
        "conflicts": [c for c in conflicts if c["values"][0]["id"] in ids],
    }


def series_label(canonical: dict, lang: str = "zh") -> str:
    """A series' title: the metric, and 增速 or 排名 for rates and ranks (scopes are its lines)."""
    name = metric_label(canonical["key"], lang)
    if canonical["kind"] == "change" and canonical["family"] in ("percent", "points", "multiple"):
        return f"{name}增速" if lang == "zh" else f"growth of {name}"
    if canonical["kind"] == "rank":
        return f"{name}排名" if lang == "zh" else f"rank of {name}"
    return name


def find_all_conflicts(session: Session, subject: str | int | None = None) -> list[dict]:
    """Every conflict in the knowledge base, or of one subject (an unknown name is an error)."""
    if subject is None or subject == "":
        return find_conflicts(session)
    return find_conflicts(session, [e.id for e in resolve_subjects(session, subject)])


def conflicts_page(session: Session, subject: str | None, limit: int, offset: int = 0) -> dict:
    """One page of find_all_conflicts' list: {"items", "total", "total_exact"}.

    Of the whole base, only the subjects that could hold a conflict are
    read, a few at a time in the list's order, until the page is full: the
    first page of 100,000 documents reads eight subjects' figures, not
    every indicator. The total is then "at least" unless the list ended.
    """
    if subject:
        found = find_all_conflicts(session, subject)
        return {"items": found[offset : offset + limit], "total": len(found), "total_exact": True}
    subjects = disagreeing_subjects(session)
    found: list[dict] = []
    read, size = 0, min(FIRST_READ, SUBJECTS_PER_READ)
    while read < len(subjects) and len(found) <= offset + limit:
        end = min(read + size, len(subjects))
        while end < len(subjects) and subjects[end][1] == subjects[end - 1][1]:
            end += 1  # namesakes in one read: the list sorts them together
        found += find_conflicts(session, [i for i, _ in subjects[read:end]])
        read, size = end, min(size * 2, SUBJECTS_PER_READ)
    exact = read >= len(subjects)
    return {"items": found[offset : offset + limit], "total": len(found), "total_exact": exact}
