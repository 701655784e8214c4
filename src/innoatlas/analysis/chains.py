"""The four chains (创新链, 产业链, 资金链, 人才链): where each entity, indicator and relation sits.

The mapping is data (data/analysis/four_chains.yaml): name patterns first
(a 人才 programme is on the talent chain whatever its type), then the
entity type; indicators by canonical metric key; relations by predicate.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from innoatlas.analysis.common import (
    compile_patterns,
    document_ref,
    entities_within,
    entity_ref,
    find_entities,
    load_data,
)
from innoatlas.analysis.timeline import load_indicator_rows, period_end
from innoatlas.store.schema import Document, Entity, Relation
from innoatlas.store.write import fold_name

# Name patterns decide before types, in this order: a 人才基金 is about talent first.
PATTERN_ORDER = ("talent", "capital", "innovation", "industry")
CHAINS = ("innovation", "industry", "capital", "talent")


@cache
def chain_rules() -> dict:
    data = load_data("four_chains.yaml")
    rules = {}
    for key, chain in data["chains"].items():
        rules[key] = {
            **chain,
            "pattern": compile_patterns(chain.get("name_patterns", [])),
            "entity_types": set(chain.get("entity_types", [])),
            "metric_keys": set(chain.get("metric_keys", [])),
            "predicates": set(chain.get("predicates", [])),
        }
    return rules


def chain_labels() -> dict[str, dict]:
    return {key: {"zh": rule["zh"], "en": rule["en"]} for key, rule in chain_rules().items()}


def chain_of_entity(name: str, entity_type: str) -> str | None:
    """The chain an entity sits on, or None (places, governments, unmatched programmes)."""
    rules = chain_rules()
    folded = fold_name(name)
    pattern_types = load_data("four_chains.yaml")["pattern_types"]
    for key in PATTERN_ORDER if entity_type in pattern_types else ():
        pattern = rules[key]["pattern"]
        if pattern is not None and pattern.search(folded):
            return key
    for key in CHAINS:
        if entity_type in rules[key]["entity_types"]:
            return key
    return None


def chain_of_metric(metric_key: str | None) -> str | None:
    for key in CHAINS:
        if metric_key in chain_rules()[key]["metric_keys"]:
            return key
    return None


def chain_of_predicate(predicate: str) -> str | None:
    for key in CHAINS:
        if predicate in chain_rules()[key]["predicates"]:
            return key
    return None


def four_chain_profile(session: Session, zone: str) -> dict:
    """A zone's or region's actors, indicators and relations on each of the four chains."""
    roots = find_entities(session, zone, ("zone", "region"))
    inside = entities_within(session, roots)
    profile = {
        key: {**label, "entities": [], "indicators": [], "relations": 0, "types": Counter()}
        for key, label in chain_labels().items()
    }
    unplaced = []
    for entity in session.scalars(select(Entity).where(Entity.id.in_(inside)).order_by(Entity.name)):
        chain = chain_of_entity(entity.name, entity.type)
        if entity.id in {r.id for r in roots}:
            continue
        if chain is None:
            unplaced.append(entity_ref(entity))
            continue
        profile[chain]["entities"].append(entity_ref(entity))
        profile[chain]["types"][entity.type] += 1
    add_indicators(session, profile, [r.id for r in roots])
    rows = session.execute(
        select(Relation.predicate).where(Relation.subject_id.in_(inside) | Relation.object_id.in_(inside))
    )
    for (predicate,) in rows:
        chain = chain_of_predicate(predicate)
        if chain:
            profile[chain]["relations"] += 1
    for chain in profile.values():
        chain["types"] = dict(chain["types"])
    return {
        "zone": entity_ref(roots[0]),
        "units": [entity_ref(r) for r in roots],
        "chains": profile,
        "unplaced": unplaced,
        "method": "entities inside the zone (located_in, part_of, hierarchy) by name pattern then type; "
        "the zone's own indicators by metric key; relations touching its entities by predicate "
        "(data/analysis/four_chains.yaml)",
    }


def add_indicators(session: Session, profile: dict, subject_ids: list[int]) -> None:
    """The zone's latest indicator of each metric key, on the chain of that key."""
    latest: dict[str, tuple] = {}
    for ind, doc in load_indicator_rows(session, subject_ids, None):
        chain = chain_of_metric(ind.metric_key)
        if chain is None or ind.kind != "level":
            continue
        order = (period_end(ind.period) or "", doc.published.isoformat() if doc.published else "")
        if ind.metric_key not in latest or order > latest[ind.metric_key][0]:
            latest[ind.metric_key] = (order, chain, ind, doc)
    for _key, (_order, chain, ind, doc) in sorted(latest.items()):
        profile[chain]["indicators"].append(indicator_item(ind, doc))


def indicator_item(ind, doc: Document | None) -> dict:
    return {
        "id": ind.id,
        "metric_key": ind.metric_key,
        "metric": ind.metric,
        "value": ind.value,
        "unit": ind.unit,
        "approx": ind.approx,
        "period": ind.period,
        "quote": ind.quote,
        "document": document_ref(doc),
    }
