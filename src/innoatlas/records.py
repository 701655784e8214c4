"""One schema per record: the fields of a document, entity, mention, indicator and relation.

The extractor makes these records, the store writes their fields as
columns, and every output is a view of one record: the ordered field names
it writes. A view is named once here, so the JSONL of `innoatlas extract`
(read by the evaluation's scorer), the gold files of `review export-gold`,
the JSON of the API and the CSV/Parquet of `innoatlas export` cannot drift
apart field by field.

Spans (`start`, `end`) are offsets into the document's normalised text;
`quote` and `name` are the matching text of the original (what the source
said). The records are pydantic dataclasses: checked when made, plain
attributes after (the extractor fills some fields in steps).
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any

from pydantic import TypeAdapter
from pydantic.dataclasses import dataclass


@dataclass
class Mention:
    """An entity as written at a span of one document."""

    name: str  # as written in the original text
    norm_name: str  # normalised (simplified, NFKC) form used for matching
    type: str  # one of ENTITY_TYPES
    start: int
    end: int
    extractor: str = "rules"  # which rule or model found it
    confidence: float = 1.0


@dataclass
class Indicator:
    """A figure: what is counted, its value and unit, of which subject, for which period, where it is said."""

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
class Relation:
    """Subject, predicate and object as written, with the sentence that states it and its span."""

    subject: str
    predicate: str  # one of PREDICATES
    object: str
    quote: str
    start: int
    end: int
    subject_type: str | None = None
    object_type: str | None = None


@dataclass
class Entity:
    """An entity as the gold files and the extractor's output list it: its written name and type."""

    name: str
    type: str


@dataclass
class Document:
    """What the extractor's output and the gold files say of a document besides its facts."""

    doc: str  # the file name
    published: str | None  # YYYY-MM-DD, YYYY-MM or YYYY (ANNOTATION.md)
    title: str | None = None
    outlet: str | None = None


# -- views: the fields each output writes, in its order -------------------------------

# The gold annotation (ANNOTATION.md): what the scorer compares.
INDICATOR_GOLD = ("quote", "subject", "metric", "value", "unit", "approx", "period", "kind")
RELATION_GOLD = ("subject", "predicate", "object", "quote")
ENTITY_GOLD = ("name", "type")
# The JSONL of `innoatlas extract`: the gold fields, the canonical metric and base value, the span.
INDICATOR_JSONL = (
    "quote",
    "subject",
    "metric",
    "metric_key",
    "value",
    "unit",
    "value_base",
    "approx",
    "period",
    "kind",
    "start",
    "end",
)
RELATION_JSONL = RELATION_GOLD
DOCUMENT_JSONL = ("doc", "title", "outlet", "published")
# A stored indicator's own columns (the subject is the store's: an entity, and the text as written),
# in the order the API, the export tables and the facts export write them.
INDICATOR_STORED = (
    "metric",
    "metric_key",
    "value",
    "unit",
    "value_base",
    "base_unit",
    "approx",
    "kind",
    "period",
    "quote",
    "start",
    "end",
)
RELATION_STORED = ("predicate", "quote", "start", "end")
# A relation as the API lists it: its ends (the store's entities), the sentence and its span.
RELATION_API = ("subject", "predicate", "object", "quote", "start", "end")
# The facts export lists a stored indicator without its span.
INDICATOR_FACTS = tuple(f for f in INDICATOR_STORED if f not in ("start", "end"))


@cache
def _adapter(record_type: type) -> TypeAdapter:
    return TypeAdapter(record_type)


def dump(record: Any, view: tuple[str, ...], **more: Any) -> dict:
    """The fields `view` of a record, in that order, as plain values; `more` adds or replaces fields.

    `record` is one of the records above, or a stored row with the same
    field names (its other attributes are not read).
    """
    own = [name for name in view if name not in more]
    if type(record) in RECORD_TYPES:
        data = _adapter(type(record)).dump_python(record, include=set(own))
    else:
        data = {name: getattr(record, name) for name in own}
    out = {name: more[name] if name in more else data[name] for name in view}
    out.update((name, value) for name, value in more.items() if name not in out)
    return out


def field_types(record_type: type) -> dict[str, str]:
    """Field name -> its base type's name (str, int, float), optional or not: for table schemas."""
    return {f.name: str(f.type).replace(" | None", "").strip() for f in fields(record_type)}


RECORD_TYPES = frozenset({Mention, Indicator, Relation, Entity, Document})
