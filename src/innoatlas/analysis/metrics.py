"""The canonical metric layer: what an indicator measures, so that only like is set beside like.

Everything is read from the indicator as stored (its metric phrase, quote,
unit and kind) and from data/analysis/canonical_metrics.yaml:

1. family: the unit family of the base unit (count, money, percent, ...)
2. metric: filler and growth words out of the phrase, the metric whose
   pattern match ends last wins (the counted noun closes the phrase)
3. scope: new additions (新增, or a change counted in units), a named subset
   (a qualifier just before the counted noun: 新型研发机构), else the total
4. status: estimate (预计) or target (力争, 计划, 将, 到2027年) from the quote,
   then from its sentence up to the quote; a quote saying 已 is actual
5. a growth rate that names nothing (较上年同期增长约15%) takes the metric
   of the figure just before it in the same sentence (see `what_grew`)

Two figures are like-for-like when `Canonical.identity` is equal.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache

from innoatlas.analysis.common import load_data
from innoatlas.lexicon.industries import load_industries
from innoatlas.text import fold_name

# A qualifier names a subset only when it stands right before the counted
# noun; this many characters (的, 类, 领域) may sit between them.
QUALIFIER_GAP = 2
# What grew closes the phrase before 同比增长; this many characters may follow it (至, 的).
GROWTH_TAIL = 2
# Units of a rate: a change in these is a growth rate, not a number of new things.
RATE_FAMILIES = ("percent", "points", "multiple")


@dataclass(frozen=True)
class Canonical:
    key: str | None  # None: no canonical metric; `zh` is then the phrase as written
    zh: str
    en: str
    scope: str  # total / subset / new
    subset: str  # the qualifier naming the subset ("" for the total)
    status: str  # actual / target / estimate
    family: str
    kind: str

    @property
    def identity(self) -> tuple:
        """Figures with equal identities measure the same thing in the same way."""
        return (self.key or self.zh, self.scope, self.subset, self.status, self.kind, self.family)

    @property
    def label(self) -> str:
        """The Chinese label an analyst reads: 新增研发机构, 研发机构（新型）, 高端人才增速."""
        return compose_label(self, "zh")

    @property
    def label_en(self) -> str:
        return compose_label(self, "en")

    def as_dict(self) -> dict:
        return {**asdict(self), "label": self.label, "label_en": self.label_en}


def compose_label(c: Canonical, lang: str) -> str:
    name = c.zh if lang == "zh" else c.en
    if not name:
        name = "（对象未注明）" if lang == "zh" else "(of what unstated)"
    if c.subset:
        name = f"{name}（{c.subset}）" if lang == "zh" else f"{name} ({c.subset})"
    if c.kind == "change" and c.family in RATE_FAMILIES:
        name = f"{name}增速" if lang == "zh" else f"growth of {name}"
    elif c.kind == "rank" and not name.endswith("排名"):
        name = f"{name}排名" if lang == "zh" else f"rank of {name}"
    elif c.scope == "new":
        name = f"新增{name}" if lang == "zh" else f"new {name}"
    return name


@cache
def layer() -> dict:
    data = load_data("canonical_metrics.yaml")
    family_of = {unit: family for family, units in data["families"].items() for unit in units}
    status = {k: re.compile("|".join(v)) for k, v in data["status"].items()}
    metrics = [
        {**m, "regex": re.compile("|".join(fold_name(p) for p in m["patterns"])), "order": n}
        for n, m in enumerate(data["metrics"])
    ]
    qualifiers = sorted(
        {fold_name(w) for w in data["subset_words"]} | industry_terms(), key=len, reverse=True
    )
    keep = set(data["keep_words"])
    filler = sorted(
        (w for w in load_data("metric_words.yaml")["filler"] if w not in keep), key=len, reverse=True
    )
    return {
        "family_of": family_of,
        "count_units": set(count_units()),
        "status": status,
        "metrics": metrics,
        "by_key": {m["key"]: m for m in metrics},
        "qualifiers": qualifiers,
        "new": [fold_name(w) for w in data["new_words"]],
        "growth": sorted(data["growth_words"], key=len, reverse=True),
        "filler": filler,
    }


def count_units() -> list[str]:
    from importlib.resources import files

    import yaml

    units = yaml.safe_load(files("innoatlas").joinpath("data/units.yaml").read_text(encoding="utf-8"))
    return units["count"]


def industry_terms() -> set[str]:
    """Industry names of the lexicon (three or more characters): 生物医药企业 is a subset of 企业."""
    terms, _heads, generic = load_industries()
    return {fold_name(t) for t in terms if len(t) >= 3 and t not in generic}


def unit_family(base_unit: str | None) -> str:
    unit = (base_unit or "").strip()
    known = layer()["family_of"]
    if unit in known:
        return known[unit]
    if unit in layer()["count_units"]:
        return "count"
    return unit


def strip_words(phrase: str, words: list[str]) -> str:
    for word in words:
        phrase = phrase.replace(word, "")
    return phrase


def measure_of(metric: str) -> str:
    """The metric phrase without filler and growth words: what is counted or grew."""
    folded = fold_name(metric)
    return strip_words(strip_words(folded, layer()["filler"]), layer()["growth"])


def match_metric(
    measure: str, family: str, any_family: bool = False, leftmost: bool = False
) -> tuple[dict | None, int]:
    """(the metric entry, where its match starts) for a measure and unit family, or (None, -1).

    The match ending last wins (the counted noun closes the phrase), or with
    `leftmost` the one starting first (the noun right after a number: 12个项目进入…).
    A rate of change (`any_family`) is a rate of any metric (产值增速 is in %
    where 产值 is money), of the noun that closes the phrase: 项目平均度电成本
    is no rate of 项目.
    """
    best, best_rank, best_start = None, None, -1
    for entry in layer()["metrics"]:
        if not any_family and family not in entry["families"]:
            continue
        for m in entry["regex"].finditer(measure):
            if any_family and len(measure) - m.end() > GROWTH_TAIL:
                continue
            first = (-m.start(),) if leftmost else (m.end(),)
            rank = (*first, m.end() - m.start(), -entry["order"])
            if best_rank is None or rank > best_rank:
                best, best_rank, best_start = entry, rank, m.start()
    return best, best_start


def counted_after_number(quote: str, unit: str) -> str:
    """The words right after the number and its unit (遴选出12个项目进入… -> 项目进入…), to a comma."""
    if not unit:
        return ""
    m = re.search(r"\d[\d.,]*\s*(?:余|多)?" + re.escape(unit) + r"([^，,。；;、（(]{1,16})", fold_name(quote))
    return m.group(1) if m else ""


def find_subset(measure: str, head_start: int) -> str:
    """The qualifier that ends right before the counted noun (新型 in 新型研发机构), if any."""
    before = measure[:head_start]
    for word in layer()["qualifiers"]:
        at = before.rfind(word)
        if at >= 0 and len(before) - (at + len(word)) <= QUALIFIER_GAP:
            return word
    return ""


def find_status(quote: str, context: str = "") -> str:
    """actual, target or estimate: the quote decides first, then its sentence up to the quote."""
    patterns = layer()["status"]
    folded_quote = fold_name(quote)
    for status in ("estimate", "target"):
        if patterns[status].search(folded_quote):
            return status
    if patterns["actual_in_quote"].search(folded_quote):
        return "actual"
    sentence = re.split(r"[。！？；!?;\n]", fold_name(context))[-1]
    for status in ("estimate", "target"):
        if patterns[status].search(sentence):
            return status
    return "actual"


def describe(
    metric: str,
    quote: str,
    base_unit: str | None,
    kind: str,
    context: str = "",
    grew: Canonical | None = None,
    unit: str = "",
) -> Canonical:
    """The canonical description of one indicator (see the module notes); `unit` as written."""
    family = "rank" if kind == "rank" else unit_family(base_unit)
    # The noun right after the number is what it counts (12个项目进入概念验证阶段).
    measure = strip_words(counted_after_number(quote, unit), layer()["filler"])
    entry, head = match_metric(measure, family, leftmost=True) if measure else (None, -1)
    if entry is None:
        measure = measure_of(metric)
        entry, head = match_metric(measure, family, kind == "change" and family in RATE_FAMILIES)
    if entry is None and grew is not None and kind == "change":
        return Canonical(
            grew.key, grew.zh, grew.en, "total", grew.subset, find_status(quote, context), family, kind
        )
    subset = find_subset(measure, head) if entry else ""
    folded = fold_name(quote) + fold_name(metric)
    is_new = any(w in folded for w in layer()["new"]) or (kind == "change" and family not in RATE_FAMILIES)
    scope = "new" if is_new else ("subset" if subset else "total")
    status = find_status(quote, context)
    if entry is None:
        written = measure_of(metric)
        return Canonical(None, written, written, scope, subset, status, family, kind)
    return Canonical(entry["key"], entry["zh"], entry["en"], scope, subset, status, family, kind)


def metric_label(key: str | None, lang: str = "zh") -> str:
    """The label of a canonical or stored key (rd_institutions -> 研发机构); an unknown key as it is."""
    entry = layer()["by_key"].get(key or "")
    if entry is not None:
        return entry["zh"] if lang == "zh" else entry["en"]
    stored = load_data("canonical_metrics.yaml")["stored_keys"].get(key or "")
    if stored is not None:
        return stored[0] if lang == "zh" else stored[1]
    return key or ""


def is_growth_without_object(metric: str, kind: str, base_unit: str | None) -> bool:
    """同比增速, 较同期增速: a rate of change whose phrase names nothing that grew."""
    return kind == "change" and unit_family(base_unit) in RATE_FAMILIES and not measure_of(metric)
