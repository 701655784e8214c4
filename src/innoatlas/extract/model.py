"""Plain data objects of the extract stage.

Spans (`start`, `end`) are offsets into Document.norm; `quote` and `name`
are the matching text of Document.original (see Document.original_text),
so a user is always shown what the source said.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = (
    "region",
    "zone",
    "university",
    "institute",
    "platform",
    "enterprise",
    "government",
    "investor",
    "program",
    "industry",
)
# Types that can carry a figure: an industry qualifies a figure (its metric), it is not its subject.
SUBJECT_TYPES = frozenset(t for t in ENTITY_TYPES if t != "industry")
PREDICATES = (
    "part_of",
    "located_in",
    "cooperates_with",
    "invests_in",
    "chain_leader_of",
    "supplies",
    "focuses_on",
    "member_of",
    "established",
)


@dataclass
class EntityMention:
    name: str  # as written in the original text
    norm_name: str  # normalised (simplified, NFKC) form used for matching
    type: str  # one of ENTITY_TYPES
    start: int
    end: int
    extractor: str = "rules"  # which rule or model found it
    confidence: float = 1.0


@dataclass
class IndicatorRecord:
    quote: str
    start: int
    end: int
    value: float
    unit: str  # as written, e.g. 亿元, 家, %, 个百分点, 位
    value_base: float | None  # value with 千/万/亿/万亿 folded in
    base_unit: str  # unit without the multiplier, e.g. 元, 家
    approx: str = "exact"  # exact, over, about, under
    kind: str = "level"  # level, change, rank
    metric: str = ""
    metric_key: str | None = None
    subject: str | None = None  # written name of the subject entity
    period: str | None = None  # ANNOTATION.md period format


@dataclass
class RelationRecord:
    subject: str
    predicate: str  # one of PREDICATES
    object: str
    quote: str
    start: int
    end: int
    subject_type: str | None = None
    object_type: str | None = None


@dataclass
class Extraction:
    entities: list[EntityMention] = field(default_factory=list)
    indicators: list[IndicatorRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
