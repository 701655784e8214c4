"""The learned choice of an indicator's subject among the entities around it.

The rules (indicators.py) give each figure a subject: the topic of its
clause, else what its paragraph or the article is about. Figures about a
firm, fund or platform named in the clause often get the region of the
article instead. A linear model, trained on the gold, scores every entity
of the figure's paragraph (and the rules' choice) by where it stands
relative to the figure and what it is; the best one is the subject.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from innoatlas.extract.learn.linear import Features, LinearModel
from innoatlas.extract.learn.store import load_model
from innoatlas.extract.model import SUBJECT_TYPES, EntityMention, IndicatorRecord

MODEL_NAME = "subjects"
YES = "yes"
NO = "no"
_CLAUSE = re.compile(r"[,，;；:：。!！?？\n]")
_SENTENCE = re.compile(r"[。!！?？\n]")
# The whole country as a subject is written with these words, not as an entity.
_NATION = re.compile(r"我国|全国|中国")


@dataclass
class _Doc:
    text: str
    title: str
    mentions: list[EntityMention]
    counts: Counter
    area_rank: dict[str, int]


def _prepare(text: str, title: str, entities: list[EntityMention]) -> _Doc:
    mentions = sorted((m for m in entities if m.type in SUBJECT_TYPES), key=lambda m: m.start)
    counts = Counter(m.norm_name for m in mentions)
    areas = [
        n
        for n, _ in counts.most_common()
        if any(m.norm_name == n and m.type in ("region", "zone") for m in mentions)
    ]
    return _Doc(text, title, mentions, counts, {n: i for i, n in enumerate(areas)})


def candidate_features(d: _Doc, rec: IndicatorRecord) -> dict[str, Features]:
    """One feature dict per candidate subject name of one figure."""
    text, pos = d.text, rec.start
    para = text.rfind("\n", 0, pos) + 1
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end < 0 else para_end
    sent = max((m.end() for m in _SENTENCE.finditer(text, para, pos)), default=para)
    clause = max((m.end() for m in _CLAUSE.finditer(text, para, pos)), default=para)
    sent_end_m = _SENTENCE.search(text, rec.end)
    sent_end = sent_end_m.start() if sent_end_m else len(text)
    nearest: dict[str, EntityMention] = {}
    for m in d.mentions:
        if para <= m.start < min(sent_end, para_end) and not (m.start <= pos < m.end):
            if m.start < pos or m.norm_name not in nearest:
                nearest[m.norm_name] = m
    out: dict[str, Features] = {}
    for m in nearest.values():
        out[m.name] = _mention_features(d, rec, m, para, sent, clause)
    if rec.subject and rec.subject not in out:
        f = {"bias": 1.0, "where=outside": 1.0}
        _name_features(d, rec.subject, f)
        out[rec.subject] = f
    if rec.subject:
        out[rec.subject]["rule"] = 1.0  # the rules' choice is evidence the model weighs
    nation = _NATION.search(text, sent, pos)
    if nation is not None and nation.group() not in out:
        out[nation.group()] = {
            "bias": 1.0,
            "nation": 1.0,
            "where=" + ("clause" if nation.start() >= clause else "sentence"): 1.0,
        }
    return out


def _mention_features(
    d: _Doc, rec: IndicatorRecord, m: EntityMention, para: int, sent: int, clause: int
) -> Features:
    text = d.text
    f: Features = {"bias": 1.0, "type=" + m.type: 1.0}
    if m.start >= rec.end:
        where = "after"
    elif m.start >= clause:
        where = "clause"
    elif m.start >= sent:
        where = "sentence"
    else:
        where = "paragraph"
    f["where=" + where] = 1.0
    f[f"where_type={where}:{m.type}"] = 1.0
    gap = rec.start - m.end if m.end <= rec.start else m.start - rec.end
    f["gap=" + _bucket(gap, (0, 2, 5, 10, 20, 40, 80))] = 1.0
    between = sum(1 for o in d.mentions if m.end <= o.start and o.end <= rec.start)
    f["between=" + _bucket(between, (0, 1, 2, 4))] = 1.0
    before = text[m.start - 1] if m.start > 0 else "\n"
    f["opens_clause"] = 1.0 if before in "，,;；:：。!！?？\n" or m.start == para else 0.0
    f["after2=" + text[m.end : m.end + 2]] = 1.0
    f["after1=" + text[m.end : m.end + 1]] = 1.0
    f["before1=" + before] = 1.0
    if "、" in (before, text[m.end : m.end + 1]):
        f["in_list"] = 1.0
    _name_features(d, m.norm_name, f)
    return f


def _name_features(d: _Doc, name: str, f: Features) -> None:
    f["count=" + _bucket(d.counts.get(name, 0), (0, 1, 2, 4, 8))] = 1.0
    rank = d.area_rank.get(name)
    f["area_rank=" + ("none" if rank is None else _bucket(rank, (0, 1, 2)))] = 1.0
    if name and name in d.title:
        f["in_title"] = 1.0


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


@functools.lru_cache(maxsize=1)
def _model() -> LinearModel | None:
    return load_model(MODEL_NAME)


def choose_subjects(
    text: str,
    title: str,
    entities: list[EntityMention],
    records: list[IndicatorRecord],
    model: LinearModel | None = None,
) -> None:
    """Set each record's subject to the best-scored candidate (in place); the rules' choice without a model."""
    model = model if model is not None else _model()
    if model is None:
        return
    d = _prepare(text, title, entities)
    for rec in records:
        scored = {name: model.proba(f)[YES] for name, f in candidate_features(d, rec).items()}
        if scored:
            rec.subject = max(scored, key=scored.__getitem__)


def subject_rows(
    text: str,
    title: str,
    entities: list[EntityMention],
    records: list[IndicatorRecord],
    gold_subjects: list[str | None],
    same,
) -> list[tuple[Features, str]]:
    """Training rows: each candidate of each figure whose gold subject is known."""
    d = _prepare(text, title, entities)
    rows = []
    for rec, gold in zip(records, gold_subjects, strict=True):
        if not gold:
            continue
        for name, f in candidate_features(d, rec).items():
            rows.append((f, YES if same(gold, name) else NO))
    return rows
