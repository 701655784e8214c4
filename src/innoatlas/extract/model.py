"""Plain data objects of the extract stage: its mentions, indicators and relations (records.py).

Spans (`start`, `end`) are offsets into Document.norm; `quote` and `name`
are the matching text of Document.original (see Document.original_text),
so a user is always shown what the source said.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The records are the one schema of records.py; the extract stage knows them by these names.
from innoatlas.records import Indicator as IndicatorRecord
from innoatlas.records import Mention as EntityMention
from innoatlas.records import Relation as RelationRecord

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
# The predicates of ANNOTATION.md, which the annotation-shaped export holds: the date a
# body was established is a fact of the knowledge base (profiles show it), not one of them.
ANNOTATION_PREDICATES = frozenset(PREDICATES) - {"established"}


@dataclass
class Extraction:
    entities: list[EntityMention] = field(default_factory=list)
    indicators: list[IndicatorRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)


# Types whose bodies carry a second name in brackets: 某经济技术开发区(某国家高新技术产业
# 开发区), 某科技局(某知识产权局) are one body under two plates.
PLATE_TYPES = frozenset({"zone", "government"})


def as_first_plates(norm: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """A name written in brackets right after a name of the same kind is the second plate of
    the same body: it is read as that body's first name (the one the text goes on with).
    The entity list keeps both names; figures and relations have one subject."""
    ends = {m.end: m for m in mentions if m.type in PLATE_TYPES}
    out = []
    for m in mentions:
        first = ends.get(m.start - 1)
        if (
            first is not None
            and first.type == m.type
            and norm[m.start - 1 : m.start] in "(（"
            and norm[m.end : m.end + 1] in ")）"
            and first.norm_name != m.norm_name
        ):
            m = EntityMention(first.name, first.norm_name, m.type, m.start, m.end, m.extractor, m.confidence)
        out.append(m)
    return out
