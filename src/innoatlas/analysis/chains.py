"""The four chains (创新链, 产业链, 资金链, 人才链): where each entity, indicator and relation sits.

The mapping is data (data/analysis/four_chains.yaml): name patterns first
(a 人才 programme is on the talent chain whatever its type), then the
entity type; indicators by canonical metric key; relations by predicate.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from sqlalchemy.orm import Session

from innoatlas.analysis.common import (
    compile_patterns,
    entities_within,
    entity_ref,
    find_entities,
    load_data,
)
from innoatlas.analysis.figures import load_figures
from innoatlas.analysis.timeline import period_end
from innoatlas.store.read.entities import entities_in
from innoatlas.store.read.relations import predicates_touching
from innoatlas.text import fold_name

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
    for entity in entities_in(session, inside):
        chain = chain_of_entity(entity.name, entity.type)
        if entity.id in {r.id for r in roots}:
            continue
        if chain is None:
            unplaced.append(entity_ref(entity))
            continue
        profile[chain]["entities"].append(entity_ref(entity))
        profile[chain]["types"][entity.type] += 1
    add_indicators(session, profile, [r.id for r in roots])
    for predicate in predicates_touching(session, inside):
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
    """The zone's latest actual total of each canonical metric (metrics.py), on the chain of that metric."""
    latest: dict[str, tuple] = {}
    for f in load_figures(session, subject_ids):
        c = f["canonical"]
        chain = chain_of_metric(c.key)
        if chain is None or c.kind != "level" or c.status != "actual" or c.scope != "total":
            continue
        order = (period_end(f["period"]) or "", f["document"]["published"] or "")
        if c.key not in latest or order > latest[c.key][0]:
            latest[c.key] = (order, chain, f)
    for _key, (_order, chain, f) in sorted(latest.items()):
        profile[chain]["indicators"].append(indicator_item(f))


def indicator_item(f: dict) -> dict:
    c = f["canonical"]
    return {
        "id": f["id"],
        "metric_key": c.key,
        "label": c.label,
        "label_en": c.label_en,
        "metric": f["metric"],
        "value": f["value"],
        "unit": f["unit"],
        "approx": f["approx"],
        "period": f["period"],
        "quote": f["quote"],
        "document": f["document"],
    }
