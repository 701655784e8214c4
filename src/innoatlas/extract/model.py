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


@dataclass
class Extraction:
    entities: list[EntityMention] = field(default_factory=list)
    indicators: list[IndicatorRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
