"""A composite innovation index of zones and regions, after the OECD/JRC Handbook (2008).

1. framework: the four chains are the pillars (chains.py)
2. selection: candidate canonical metrics (data/analysis/index.yaml), each
   unit's latest actual value of the metric's total (compare.py: like for
   like, never a subset, a target or new additions); an indicator reported
   by fewer than `min_units` units is dropped, and so is a value in another
   unit family (money where the others count); a unit reporting fewer than
   `min_unit_indicators` of the kept indicators is left out, saying so.
   Fewer than MIN_UNITS units or MIN_INDICATORS indicators left: no ranking,
   and the result says what is missing
3. missing data: never imputed silently; `available` aggregates a unit over
   the indicators it has, with weights renormalised; `lowest` gives a
   missing value the lowest normalised score of that indicator
4. normalisation: min-max, z-score or percentile rank, per indicator
5. weighting: equal per indicator, or equal per pillar (chain) then equal
   within it
6. aggregation: weighted arithmetic mean, or weighted geometric mean (on
   each indicator rescaled to [GEOMETRIC_FLOOR, 1], so a zero does not
   wipe out the other pillars)
7. uncertainty: Monte-Carlo over weights (flat Dirichlet), normalisation
   and aggregation; each unit's rank range over the draws. A fixed seed
   gives the same ranges every time.
8. ties share the better rank and say so (并列第1); no order is made up
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from pydantic import BaseModel, Field, ValidationError, field_validator
from sqlalchemy.orm import Session

from innoatlas.analysis.chains import chain_labels, chain_of_metric
from innoatlas.analysis.common import REGION_SUFFIXES, AnalysisError, entity_ref, load_data
from innoatlas.analysis.compare import cell, latest_values, resolve_units
from innoatlas.analysis.metrics import metric_label
from innoatlas.store.read.common import EntityRecord
from innoatlas.store.read.indicators import subject_entities
from innoatlas.text import fold_name

NORMALISATIONS = ("minmax", "zscore", "rank")
WEIGHTINGS = ("equal", "chains")
AGGREGATIONS = ("arithmetic", "geometric")
MISSING = ("available", "lowest")
GEOMETRIC_FLOOR = 0.01
UNIT_TYPES = ("zone", "region")
# An index of two units, or over two indicators, ranks nothing worth reporting:
# with two units min-max puts one at 0 and one at 1 whatever the data.
MIN_UNITS = 3
MIN_INDICATORS = 3
# A constant indicator (every reporter gives the same value) tells units apart
# by nothing: min-max and rank put them all in the middle.
CONSTANT_SCORE = 0.5
# Monte-Carlo draws one request may ask for (each costs a ranking of every unit).
MAX_DRAWS = 20000


class IndexOptions(BaseModel):
    """The index's options: the one definition the CLI flags, the API's query and the page read.

    Names come as a list or as one comma-separated text (两江新区,重庆高新区);
    an empty list means the default. A value out of its range is refused
    when the options are made (the API answers 422); a choice that is not
    one of the methods is refused by `check` with the choices (400).
    """

    units: list[str] | None = None  # names; None: every zone and region with a candidate indicator
    indicators: list[str] | None = None  # metric keys; None: index.yaml's candidates
    normalisation: str = "minmax"
    weighting: str = "equal"
    aggregation: str = "arithmetic"
    missing: str = "available"
    min_units: int = Field(MIN_UNITS, ge=1)  # an indicator reported by fewer units is dropped
    # a unit reporting fewer of the kept indicators is left out, with the reason
    min_unit_indicators: int = Field(MIN_INDICATORS, ge=1)
    draws: int = Field(1000, ge=0, le=MAX_DRAWS)
    seed: int = Field(0, ge=0, le=2**63 - 1)

    @field_validator("units", "indicators", mode="before")
    @classmethod
    def _names(cls, value):
        if value is None:
            return None
        values = [value] if isinstance(value, str) else value
        names = [n.strip() for v in values for n in str(v).replace("，", ",").split(",") if n.strip()]
        return names or None

    @classmethod
    def of(cls, **given) -> IndexOptions:
        """Options from what a command line was given, checked; a bad one is one AnalysisError line."""
        try:
            options = cls(**given)
        except ValidationError as e:
            first = e.errors()[0]
            raise AnalysisError(f"index option {first['loc'][0]}: {first['msg'].lower()}") from None
        options.check()
        return options

    def check(self) -> None:
        for name, value, allowed in (
            ("normalisation", self.normalisation, NORMALISATIONS),
            ("weighting", self.weighting, WEIGHTINGS),
            ("aggregation", self.aggregation, AGGREGATIONS),
            ("missing", self.missing, MISSING),
        ):
            if value not in allowed:
                raise AnalysisError(f"unknown {name} {value!r} (choose one of {', '.join(allowed)})")


def dimension(point: dict) -> str:
    """The unit family of a point: a count in 家 and one in 个 are both counts."""
    return point["canonical"]["family"]


def total_values(unit_values: dict[tuple, dict]) -> dict[str, dict]:
    """metric key -> the unit's latest value of the metric's total (no subset, no new additions)."""
    return {identity[0]: p for identity, p in unit_values.items() if identity[1] == "total"}


def compute_index(session: Session, options: IndexOptions | None = None) -> dict:
    options = options or IndexOptions()
    options.check()
    candidates = options.indicators or load_data("index.yaml")["indicators"]
    units = find_units(session, options.units, candidates)
    values = [total_values(latest_values(session, entities)) for entities in units]
    asked = [entity_ref(u[0]) for u in units]
    units, values, raw, selected, dropped, excluded = select_data(units, values, candidates, options)
    if len(units) < MIN_UNITS or len(selected) < MIN_INDICATORS:
        return not_ranked(asked, units, selected, dropped, excluded, options)
    keys = [key for key, _ in selected]
    weights = base_weights(keys, options.weighting)
    normalised = normalise(raw, options.normalisation)
    scores = aggregate(normalised, weights, options.aggregation, options.missing)
    ranks = rank(scores)
    ranges = monte_carlo(raw, options)
    method = method_record(options, keys, weights, dropped)
    return {
        "units": [
            unit_record(
                units[u][0], u, keys, raw, normalised, weights, scores, ranks, ranges, values[u], options
            )
            for u in np.argsort(ranks, kind="stable")
        ],
        "excluded_units": excluded,
        "ranked": True,
        "ties": ties(scores, ranks, units),
        "method": method,
    }


def not_ranked(asked, units, selected, dropped, excluded, options: IndexOptions) -> dict:
    """The answer when the data cannot carry a ranking: what was there and what is missing."""
    kept = [k for k, _ in selected]
    usable = units if kept else []
    labels = "、".join(metric_label(k) for k in kept) or "无"
    if len(asked) < MIN_UNITS:
        reason = f"只选了 {len(asked)} 个单位，至少需要 {MIN_UNITS} 个"
        reason_en = f"only {len(asked)} units were given, at least {MIN_UNITS} are needed"
    elif len(kept) < MIN_INDICATORS:
        reason = f"被至少 {options.min_units} 个单位同口径报告的指标只有 {len(kept)} 项（{labels}），至少需要 {MIN_INDICATORS} 项"
        reason_en = (
            f"only {len(kept)} indicators are reported like for like by at least {options.min_units} units "
            f"({', '.join(kept) or 'none'}), at least {MIN_INDICATORS} are needed"
        )
    else:
        reason = f"在所用指标中有至少 {options.min_unit_indicators} 项数据的单位只有 {len(usable)} 个，至少需要 {MIN_UNITS} 个"
        reason_en = (
            f"only {len(usable)} units have data for {options.min_unit_indicators} or more of the indicators, "
            f"at least {MIN_UNITS} are needed"
        )
    message = f"无法排名：{reason}。综合指数至少需要 {MIN_UNITS} 个单位、每个单位至少 {MIN_INDICATORS} 项同口径指标有数据。"
    message_en = f"cannot rank: {reason_en}."
    units = usable
    return {
        "units": [],
        "ranked": False,
        "message": message,
        "message_en": message_en,
        "asked_units": asked,
        "usable_units": [entity_ref(u[0]) for u in units],
        "usable_indicators": [{"key": k, "label": metric_label(k)} for k in kept],
        "excluded_units": excluded,
        "ties": [],
        "method": {
            "options": options.model_dump(),
            "indicators": [],
            "dropped_indicators": dropped,
            "summary": message,
        },
    }


def ties(scores: np.ndarray, ranks: np.ndarray, units: list) -> list[dict]:
    """Groups of units that share a rank: the index cannot tell them apart."""
    groups: dict[int, list] = {}
    for u, r in enumerate(ranks):
        groups.setdefault(int(r), []).append(entity_ref(units[u][0]))
    return [
        {"rank": r, "units": members, "score": round(float(scores[ranks == r][0]), 4)}
        for r, members in sorted(groups.items())
        if len(members) > 1
    ]


def select_data(units: list, values: list[dict], candidates: list[str], options: IndexOptions):
    """Indicators and units that have enough data, chosen together (dropping a unit can drop an indicator)."""
    excluded: list[dict] = []
    while True:
        selected, dropped = select_indicators(candidates, values, options.min_units)
        raw = value_matrix(values, selected)
        reported = (~np.isnan(raw)).sum(axis=1)
        keep = reported >= options.min_unit_indicators
        if keep.all() or not selected:
            return units, values, raw, selected, dropped, excluded
        excluded += [
            {
                **entity_ref(units[u][0]),
                "reason": f"reports {reported[u]} of the {len(selected)} kept indicators, "
                f"fewer than {options.min_unit_indicators}",
                "reason_zh": f"只报告了所用 {len(selected)} 项指标中的 {reported[u]} 项，"
                f"少于 {options.min_unit_indicators} 项",
            }
            for u in range(len(units))
            if not keep[u]
        ]
        units = [x for x, k in zip(units, keep, strict=True) if k]
        values = [x for x, k in zip(values, keep, strict=True) if k]


def value_matrix(values: list[dict], selected: list[tuple[str, str]]) -> np.ndarray:
    raw = np.full((len(values), len(selected)), np.nan)
    for u, unit_values in enumerate(values):
        for k, (key, dim) in enumerate(selected):
            point = unit_values.get(key)
            if point is not None and dimension(point) == dim:
                raw[u, k] = point["value_base"]
    return raw


def find_units(session: Session, names: list[str] | None, candidates: list[str]) -> list[list[EntityRecord]]:
    if names:
        return resolve_units(session, names)
    # 沙坪坝 and 沙坪坝区 are one unit when both were stored.
    groups: dict[str, list[EntityRecord]] = {}
    for entity in subject_entities(session, UNIT_TYPES, "level"):
        groups.setdefault(strip_region_suffix(fold_name(entity.name)), []).append(entity)
    return sorted(groups.values(), key=lambda g: g[0].name)


def strip_region_suffix(name: str) -> str:
    for suffix in sorted(REGION_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def select_indicators(candidates: list[str], values: list[dict], min_units: int):
    """(kept [(key, dimension)], dropped [{key, reason}]) by how many units report each in one dimension."""
    selected, dropped = [], []
    for key in candidates:
        dims = Counter(dimension(v[key]) for v in values if key in v)
        if not dims:
            dropped.append(
                {
                    "key": key,
                    "label": metric_label(key),
                    "reason": "no unit reports it",
                    "reason_zh": "没有单位报告",
                }
            )
            continue
        dim, reporters = dims.most_common(1)[0]
        if reporters < min_units:
            dropped.append(
                {
                    "key": key,
                    "label": metric_label(key),
                    "reason": f"reported by {reporters} unit(s), fewer than {min_units}",
                    "reason_zh": f"只有 {reporters} 个单位报告，少于 {min_units} 个",
                }
            )
            continue
        selected.append((key, dim))
    return selected, dropped


def base_weights(keys: list[str], weighting: str) -> np.ndarray:
    if weighting == "equal":
        return np.full(len(keys), 1.0 / len(keys))
    pillars = [chain_of_metric(k) or "other" for k in keys]
    per_pillar = Counter(pillars)
    return np.array([1.0 / len(per_pillar) / per_pillar[p] for p in pillars])


def normalise(raw: np.ndarray, method: str) -> np.ndarray:
    """Column by column over the reported values; missing stays NaN."""
    out = np.full(raw.shape, np.nan)
    for k in range(raw.shape[1]):
        column = raw[:, k]
        seen = ~np.isnan(column)
        x = column[seen]
        if method == "minmax":
            spread = x.max() - x.min()
            out[seen, k] = (x - x.min()) / spread if spread > 0 else CONSTANT_SCORE
        elif method == "zscore":
            sd = x.std()
            out[seen, k] = (x - x.mean()) / sd if sd > 0 else 0.0
        else:  # percentile rank, ties averaged
            order = x.argsort().argsort().astype(float)
            for value in np.unique(x):
                order[x == value] = order[x == value].mean()
            out[seen, k] = order / (len(x) - 1) if len(x) > 1 else CONSTANT_SCORE
    return out


def aggregate(normalised: np.ndarray, weights: np.ndarray, method: str, missing: str) -> np.ndarray:
    x = normalised.copy()
    if method == "geometric":
        x = rescale(x, GEOMETRIC_FLOOR)
    if missing == "lowest":
        column_min = np.nanmin(x, axis=0)
        x = np.where(np.isnan(x), column_min, x)
    w = np.where(np.isnan(x), 0.0, weights)  # renormalised over what a unit reports
    w = w / w.sum(axis=1, keepdims=True)
    if method == "geometric":
        return np.exp(np.nansum(w * np.log(np.where(np.isnan(x), 1.0, x)), axis=1))
    return np.nansum(w * np.where(np.isnan(x), 0.0, x), axis=1)


def rescale(x: np.ndarray, floor: float) -> np.ndarray:
    low, high = np.nanmin(x, axis=0), np.nanmax(x, axis=0)
    spread = np.where(high - low > 0, high - low, 1.0)
    scaled = floor + (1 - floor) * (x - low) / spread
    return np.where(high - low > 0, scaled, np.where(np.isnan(x), np.nan, 1.0))


def rank(scores: np.ndarray) -> np.ndarray:
    """1 for the highest score; ties share the better rank."""
    return np.array([1 + int(np.sum(scores > s + 1e-12)) for s in scores])


def monte_carlo(raw: np.ndarray, options: IndexOptions) -> np.ndarray:
    """Ranks of every unit over `draws` random methods: an array draws x units."""
    rng = np.random.default_rng(options.seed)
    ranks = np.empty((options.draws, raw.shape[0]), dtype=int)
    normalised = {m: normalise(raw, m) for m in NORMALISATIONS}
    for d in range(options.draws):
        weights = rng.dirichlet(np.ones(raw.shape[1]))
        method = NORMALISATIONS[rng.integers(len(NORMALISATIONS))]
        aggregation = AGGREGATIONS[rng.integers(len(AGGREGATIONS))]
        ranks[d] = rank(aggregate(normalised[method], weights, aggregation, options.missing))
    return ranks


def unit_record(
    entity, u, keys, raw, normalised, weights, scores, ranks, ranges, unit_values, options
) -> dict:
    present = [k for k in range(len(keys)) if not np.isnan(raw[u, k])]
    summary = (
        f"{options.normalisation} · {options.weighting} weights · {options.aggregation} · "
        f"missing: {options.missing} · {len(present)}/{len(keys)} indicators"
    )
    zh = method_zh(options)
    summary_zh = f"{zh['normalisation']} · {zh['weighting']} · {zh['aggregation']} · 指标覆盖 {len(present)}/{len(keys)}"
    tied = int(np.sum(ranks == ranks[u])) > 1
    record = {
        "unit": entity_ref(entity),
        "score": round(float(scores[u]), 4),
        "rank": int(ranks[u]),
        "tied": tied,
        "rank_label": f"并列第{int(ranks[u])}" if tied else f"第{int(ranks[u])}",
        "coverage": f"{len(present)}/{len(keys)}",
        "missing": [keys[k] for k in range(len(keys)) if k not in present],
        "method": summary,
        "method_zh": summary_zh,
        "indicators": [
            {
                "key": keys[k],
                "label": metric_label(keys[k]),
                "chain": chain_of_metric(keys[k]),
                "weight": round(float(weights[k]), 4),
                "normalised": round(float(normalised[u, k]), 4),
                **cell(unit_values[keys[k]]),
            }
            for k in present
        ],
    }
    if len(ranges):
        column = ranges[:, u]
        record["rank_range"] = {
            "min": int(column.min()),
            "p5": int(np.percentile(column, 5)),
            "median": float(np.median(column)),
            "p95": int(np.percentile(column, 95)),
            "max": int(column.max()),
            "share_at_rank": round(float(np.mean(column == ranks[u])), 3),
        }
    return record


def method_record(options: IndexOptions, keys: list[str], weights: np.ndarray, dropped: list[dict]) -> dict:
    labels = chain_labels()
    names = "、".join(metric_label(k) for k in keys)
    return {
        "options": options.model_dump(),
        "summary": f"采用 {len(keys)} 项指标：{names}；并列者共享较高名次，标注“并列”。",
        "summary_en": f"{len(keys)} indicators used: {', '.join(keys)}; ties share the better rank.",
        "framework": "four chains as pillars: " + ", ".join(f"{v['zh']} ({k})" for k, v in labels.items()),
        "indicators": [
            {
                "key": k,
                "label": metric_label(k),
                "chain": chain_of_metric(k),
                "chain_zh": labels[chain_of_metric(k)]["zh"] if chain_of_metric(k) else "其他",
                "weight": round(float(w), 4),
            }
            for k, w in zip(keys, weights, strict=True)
        ],
        "dropped_indicators": dropped,
        "normalisation": {
            "minmax": "(x - min) / (max - min)",
            "zscore": "(x - mean) / sd",
            "rank": "percentile rank, ties averaged",
        }[options.normalisation],
        "weighting": {"equal": "equal per indicator", "chains": "equal per chain, then equal within it"}[
            options.weighting
        ],
        "aggregation": {
            "arithmetic": "weighted arithmetic mean",
            "geometric": f"weighted geometric mean on [{GEOMETRIC_FLOOR}, 1]",
        }[options.aggregation],
        "missing": {
            "available": "no imputation: weights renormalised over the indicators a unit reports",
            "lowest": "a missing value gets the lowest normalised value of that indicator",
        }[options.missing],
        "uncertainty": f"{options.draws} Monte-Carlo draws, seed {options.seed}: weights ~ flat Dirichlet, "
        f"normalisation from {', '.join(NORMALISATIONS)}, aggregation from {', '.join(AGGREGATIONS)}",
        "zh": method_zh(options),
    }


def method_zh(options: IndexOptions) -> dict:
    """The method notes in Chinese, for the page (English above, behind the language switch)."""
    return {
        "framework": "以四链（创新链、产业链、资金链、人才链）为支柱",
        "normalisation": {
            "minmax": "最小—最大值标准化：(x − 最小值) / (最大值 − 最小值)",
            "zscore": "Z 分数标准化：(x − 均值) / 标准差",
            "rank": "百分位排名，并列取平均",
        }[options.normalisation],
        "weighting": {"equal": "各指标等权", "chains": "各链等权，链内各指标等权"}[options.weighting],
        "aggregation": {
            "arithmetic": "加权算术平均",
            "geometric": f"加权几何平均（先将各指标缩放到 [{GEOMETRIC_FLOOR}, 1]）",
        }[options.aggregation],
        "missing": {
            "available": "不插补：权重在单位实际报告的指标间重新归一",
            "lowest": "缺失值按该指标的最低标准化值计",
        }[options.missing],
        "uncertainty": f"蒙特卡洛模拟 {options.draws} 次（随机种子 {options.seed}）：权重取平坦狄利克雷分布，"
        "标准化与加总方法随机选取",
    }
