"""Places in a ranking given by the order of a list: 排名前十的城市依次为甲、乙、丙.

A ranking's top places are often written as one list in rank order, with no
number per item. 依次 (in that order) or 分别 (respectively) after the ranking's
words says the order is the ranking's: the k-th item holds place k. Each item gets its own rank figure, quoted from the ranking's words to
that item, as the guide quotes a figure shared by several items to each.
"""

from __future__ import annotations

from bisect import bisect_left

from innoatlas.extract.indicators.context import Context, clause_start
from innoatlas.extract.indicators.cues import cue
from innoatlas.extract.indicators.metrics import metric_key
from innoatlas.extract.indicators.numbers import Quantity
from innoatlas.extract.indicators.timing import period_of
from innoatlas.extract.model import EntityMention, IndicatorRecord

RANKED_LIST = cue("ranked_list")
_IN_ORDER = RANKED_LIST.trigger
_RANKING_BEFORE = RANKED_LIST.cue("ranking_before")
# What joins two items of the list.
_JOINS = ("、", "和", "及", "与", "以及")
# A list of one item ranks nothing.
MIN_ITEMS = 2


def ranked_list_records(ctx: Context) -> list[IndicatorRecord]:
    out: list[IndicatorRecord] = []
    text = ctx.text
    starts = [m.start for m in ctx.mentions]
    for m in _IN_ORDER.finditer(text):
        cs = clause_start(text, m.start())
        ranking = _RANKING_BEFORE.search(text, cs, m.end())
        if ranking is None:
            continue
        items = _items(ctx.mentions, starts, text, m.end())
        if len(items) < MIN_ITEMS:
            continue
        for k, item in enumerate(items, 1):
            out.append(_record(ctx, ranking.start(), cs, item, k))
    return out


def _items(mentions: list[EntityMention], starts: list[int], text: str, pos: int) -> list[EntityMention]:
    """The mentions written one after another from pos, joined by 、, 和 or 及."""
    items: list[EntityMention] = []
    while True:
        i = bisect_left(starts, pos)
        if i == len(starts) or mentions[i].start != pos:
            return items
        item = max((m for m in mentions[i:] if m.start == pos), key=lambda m: m.end)
        items.append(item)
        join = next((j for j in _JOINS if text.startswith(j, item.end)), None)
        if join is None:
            return items
        pos = item.end + len(join)


def _record(ctx: Context, start: int, cs: int, item: EntityMention, place: int) -> IndicatorRecord:
    q = Quantity(item.start, item.end, item.start, item.end, float(place), "位", "exact", "rank")
    return IndicatorRecord(
        quote=ctx.doc.original_text(start, item.end),
        start=start,
        end=item.end,
        value=float(place),
        unit="位",
        value_base=float(place),
        base_unit="位",
        approx="exact",
        kind="rank",
        metric="排名",
        metric_key=metric_key("排名", "rank", "位"),
        subject=item.name,
        period=period_of(ctx, q, cs),
    )
