"""An entity's profile as a firm's page shows it: its ties grouped by kind, its figures as small trends.

`group_ties` reads the entity's relations from its side: the industries it
focuses on, its chain roles, partners, investors and investees, where it
is located, each with the quote that says so. `trend_lines` draws each
metric reported for two or more periods as a small SVG line (drawn here,
from escaped numbers only: no script, nothing a document's text reaches).
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict

# (kind, predicate, the entity's side): the entity at `side` of a `predicate` relation has the
# other end as one of its `kind`.
TIE_KINDS = [
    ("located_in", "located_in", "subject"),
    ("industries", "focuses_on", "subject"),
    ("chain_roles", "chain_leader_of", "subject"),
    ("chain_roles", "supplies", "subject"),
    ("partners", "cooperates_with", "subject"),
    ("partners", "cooperates_with", "object"),
    ("investors", "invests_in", "object"),
    ("investees", "invests_in", "subject"),
    ("programmes", "member_of", "subject"),
    ("established_by", "established", "object"),
    ("established", "established", "subject"),
]
TREND_WIDTH, TREND_HEIGHT, TREND_PAD = 160, 40, 4
PERIOD = re.compile(r"\d{4}(-\d{2})?")


def group_ties(entity_id: int, relations: list[dict]) -> list[dict]:
    """[{kind, ties: [{entity, predicate, quote, document, id}]}] in TIE_KINDS order, other end once per kind."""
    grouped: dict[str, dict[int, dict]] = defaultdict(dict)
    for rel in relations:
        for kind, predicate, side in TIE_KINDS:
            if rel["predicate"] != predicate or rel[side]["id"] != entity_id:
                continue
            other = rel["object" if side == "subject" else "subject"]
            if other["id"] != entity_id:
                grouped[kind].setdefault(other["id"], {**rel, "entity": other})
    order = list(dict.fromkeys(kind for kind, _, _ in TIE_KINDS))
    return [{"kind": kind, "ties": list(grouped[kind].values())} for kind in order if grouped.get(kind)]


def trend_lines(indicators: list[dict]) -> list[dict]:
    """One small line per metric reported for 2+ periods: {metric, unit, points: [{period, value, x, y}]}."""
    by_metric: dict[tuple, dict[str, dict]] = defaultdict(dict)
    for i in indicators:
        period = i.get("period") or ""
        # Years or months, one granularity per line: 2023 and 2024-03 are not two steps of one series.
        if PERIOD.fullmatch(period) and i.get("kind", "level") == "level" and i.get("approx") != "target":
            key = (i.get("metric_key") or i["metric"], i["unit"], len(period))
            by_metric[key].setdefault(period, i)
    lines = []
    for (_metric, unit, _granularity), by_period in by_metric.items():
        if len(by_period) < 2:
            continue
        points = [by_period[p] for p in sorted(by_period)]
        lines.append({"metric": points[-1]["metric"], "unit": unit, "points": _place(points)})
    return lines


def _place(points: list[dict]) -> list[dict]:
    values = [p["value"] for p in points]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = (TREND_WIDTH - 2 * TREND_PAD) / (len(points) - 1)
    return [
        {
            "period": p["period"],
            "value": p["value"],
            "id": p["id"],
            "x": round(TREND_PAD + n * step, 1),
            "y": round(
                TREND_HEIGHT - TREND_PAD - (p["value"] - low) / span * (TREND_HEIGHT - 2 * TREND_PAD), 1
            ),
        }
        for n, p in enumerate(points)
    ]


def coverage_bars(months: list[dict], width: int = 320, height: int = 60) -> list[dict]:
    """One bar per month with documents: {month, documents, mentions, x, y, w, h} in a width x height box."""
    if not months:
        return []
    top = max(m["documents"] for m in months) or 1
    step = width / len(months)
    return [
        {
            **m,
            "first": f"{m['month']}-01",
            "last": f"{m['month']}-{calendar.monthrange(*map(int, m['month'].split('-')))[1]:02d}",
            "x": round(n * step + 1, 1),
            "w": round(max(step - 2, 1), 1),
            "h": round(m["documents"] / top * (height - 14), 1),
            "y": round(height - 12 - m["documents"] / top * (height - 14), 1),
        }
        for n, m in enumerate(months)
    ]
