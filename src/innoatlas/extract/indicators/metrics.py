"""The metric of a figure: the phrase naming what is counted, its canonical
key (data/metrics.yaml), and list items bound to their own values.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import yaml

from innoatlas.extract.indicators.context import CLAUSE_BREAKS, MAX_LEAD, Context
from innoatlas.extract.indicators.numbers import Quantity, fold_unit, unit_groups
from innoatlas.extract.model import IndicatorRecord

# Longest noun phrase taken after a count when the text before it names nothing.
MAX_TAIL = 16
# A count followed by these is the object of the clause's verb, not a noun's modifier.
VERB_START_RE = re.compile(r"(?:以上|左右|之多|次|被|已|将|正在|入驻|落户|落地|获|实现|达到|达|占|位居|居)")
# Where the noun phrase after a count ends and its verb begins (…机构在此聚集).
TAIL_VERB_RE = re.compile(r"在|已|正|将|被|聚集|集聚|入驻|落户|上榜|入选|成功|相聚|参与|参加|获得|实现|完成")
# Scope words that open a metric phrase but are not what is measured (园区企业数量).
SCOPE_HEAD_RE = re.compile(r"^(?:全区|全市|全省|全县|园区|辖区|该区|全域|区内|市内)")
LEAD_VERBS_RE = re.compile(r"^(?:已经|已|共|共计|实现了?|完成了?|达到|拥有|有|并|还|也|其中)+")
LEAD_TAIL_RE = re.compile(r"(?:分别)?(?:为|达到|达|是|了|约|占)$")


def metric_of(ctx: Context, q: Quantity, seg_start: int, lead: str, kind: str) -> tuple[str, int]:
    """(metric phrase, end of the noun phrase after the number when the metric is there)."""
    text = ctx.text
    phrase = lead
    for p in ctx.periods:
        if seg_start <= p.start < q.start:
            phrase = phrase.replace(p.text, "")
    for m in ctx.mentions:
        if seg_start <= m.start < q.start and phrase.startswith(m.norm_name):
            phrase = phrase[len(m.norm_name) :]
    phrase = phrase.strip('、和及与,，:： “”"')
    phrase = LEAD_VERBS_RE.sub("", SCOPE_HEAD_RE.sub("", phrase))
    phrase = LEAD_TAIL_RE.sub("", phrase)
    phrase = phrase[-MAX_LEAD:]
    tail_end = q.end
    if q.form == "count" and unit_groups().get(bare_unit(q.unit)) == "count":
        tail = _tail_phrase(text, q.end)
        # 50多家高端研发机构: the noun after a count is what it counts, whatever came before
        if tail and (len(phrase) <= 2 or _is_cjk(tail[0]) and not VERB_START_RE.match(tail)):
            phrase, tail_end = tail, q.end + len(tail)
    return _finish_metric(phrase, q, kind), tail_end


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def bare_unit(unit: str) -> str:
    return fold_unit(1.0, unit)[1]


def _tail_phrase(text: str, end: int) -> str:
    """The noun phrase after a count (56个…项目落户, 17所高校), up to the clause end."""
    stop = end
    while (
        stop < len(text)
        and stop - end < MAX_TAIL
        and text[stop] not in CLAUSE_BREAKS
        and text[stop] not in "、 \t\u3000"
    ):
        stop += 1
    tail = text[end:stop].strip()
    cut = TAIL_VERB_RE.search(tail, 2)
    return tail[: cut.start()] if cut else tail


def _finish_metric(phrase: str, q: Quantity, kind: str) -> str:
    if kind == "change" and q.form == "percent":
        phrase = re.sub(r"(增长|提高|提升|上升|增加)$", "增速", phrase)
        if not re.search(r"增速|增幅|降幅|涨幅|增长|下降|提升|提高", phrase):
            phrase += "增速"
    elif kind == "rank" and "排名" not in phrase:
        phrase = re.sub(r"(居|列|位居|位列|排|排名|名列)$", "", phrase) + "排名"
    elif (
        q.form == "count"
        and unit_groups().get(bare_unit(q.unit)) == "count"
        and not re.search(r"[数量]$", phrase)
    ):
        phrase += "数量"
    return phrase


def bind_list_item(
    ctx: Context, q: Quantity, cs: int, rec: IndicatorRecord, prev, continues: bool, state: dict
) -> None:
    """ "A、B、C分别…1%、2%、3%": the n-th value belongs to the n-th item."""
    text = ctx.text
    if not continues:
        last_items = state.get("items") or state.get("last_items")
        state.clear()
        state["last_items"] = last_items
        k = text.rfind("分别", cs, q.start)
        if k < 0:
            return
        parts = text[cs:k].split("、")
        if len(parts) < 2:
            state.update(parts=None, index=0, start=None, items=None)
            _apply_list_item(ctx, rec, state)
            return
        state.update(parts=parts, index=0, start=cs, items=_item_subjects(ctx, cs, parts))
    else:
        if "index" not in state:
            return
        state["index"] += 1
    _apply_list_item(ctx, rec, state)


def _apply_list_item(ctx: Context, rec: IndicatorRecord, state: dict) -> None:
    parts, i = state.get("parts"), state.get("index", 0)
    if state.get("start") is not None:
        rec.start = state["start"]
        rec.quote = ctx.doc.original_text(rec.start, rec.end)
    subjects = state.get("items") or (state.get("last_items") if not state.get("parts") else None)
    if subjects and i < len(subjects) and subjects[i]:
        rec.subject = subjects[i]
    if parts and i < len(parts):
        item = parts[i] if i < len(parts) - 1 else parts[i]
        rec.metric = item.strip()[:MAX_LEAD] + (
            "" if i == len(parts) - 1 else _common_tail(parts, rec.metric)
        )


def _item_subjects(ctx: Context, cs: int, parts: list[str]) -> list[str | None] | None:
    subjects, pos = [], cs
    for part in parts:
        found = None
        for m in ctx.mentions:
            if pos <= m.start < pos + len(part):
                found = m.name
                break
        subjects.append(found)
        pos += len(part) + 1
    if sum(s is not None for s in subjects) < 2:
        return None
    return subjects


def _common_tail(parts: list[str], metric: str) -> str:
    last = parts[-1]
    return "" if not metric or metric in last else ""


@functools.lru_cache(maxsize=1)
def _metric_vocabulary() -> list[tuple[str, re.Pattern, tuple, tuple]]:
    text = resources.files("innoatlas.data").joinpath("metrics.yaml").read_text(encoding="utf-8")
    return [
        (e["key"], re.compile("|".join(e["patterns"])), tuple(e.get("kinds", ())), tuple(e.get("units", ())))
        for e in yaml.safe_load(text)
    ]


def metric_key(metric: str, kind: str, base_unit: str) -> str | None:
    """The canonical key of a metric phrase from data/metrics.yaml, or None."""
    for key, pattern, kinds, units in _metric_vocabulary():
        if kinds and kind not in kinds:
            continue
        if units and base_unit not in units:
            continue
        if pattern.search(metric):
            return key
    return None
