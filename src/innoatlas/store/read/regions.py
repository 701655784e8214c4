"""The region tree: regions and zones by their hierarchy, economic regions and layout formulas."""

from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from innoatlas.resolve.economic import load_economic_regions
from innoatlas.store.read.common import cached_aggregate, entity_ref
from innoatlas.store.schema import Entity, Mention, Relation

# Only regions and zones form the region tree (DESIGN.md's hierarchy).
TREE_TYPES = ("region", "zone")


def get_region_tree(session: Session) -> dict:
    """Regions -> zones -> sub-zones via parent_id (part of) and region_id (located in), with counts.

    Two rules on top of the administrative tree:
    - a province-level division (a root) that an economic region's plan
      takes in, whole or in part, hangs under that region (重庆市 under
      成渝地区双城经济圈); under several, the first of economic_regions.yaml.
      A member below province level (成都市) stays under its province, which
      keeps every division in one place, and is listed in the region's
      `members`, as every member is, with `partial` and `placed` (a child here);
    - a layout formula (一核五区, 一城多园) names how a zone is organised,
      not a place: it is listed in its zone's `layouts`, and what hangs
      under it hangs under the zone.
    """
    return cached_aggregate(session, "regions", _build_region_tree)


# 一核五区, 一城多园, 一心两翼: counted parts, no place of their own
LAYOUT_NAME = re.compile(r"(?:[一二三四五六七八九十两多][\u4e00-\u9fff]){2,}")


def _build_region_tree(session: Session) -> dict:
    nodes = session.scalars(select(Entity).where(Entity.type.in_(TREE_TYPES))).all()
    docs = dict(
        session.execute(
            select(Mention.entity_id, func.count(func.distinct(Mention.document_id)))
            .where(Mention.entity_id.in_(select(Entity.id).where(Entity.type.in_(TREE_TYPES))))
            .group_by(Mention.entity_id)
        ).all()
    )
    located = dict(
        session.execute(
            select(Entity.region_id, func.count())
            .where(Entity.region_id.is_not(None))
            .group_by(Entity.region_id)
        ).all()
    )
    by_id = {n.id: n for n in nodes}
    up = {n.id: _tree_parent(n, by_id) for n in nodes}
    layouts = _lift_layouts(by_id, up)
    members = _economic_members(session, by_id)
    plans = load_economic_regions()
    for region_id, listed in members.items():
        for m in listed:
            if up[m["id"]] is None and m["home"] == region_id:
                up[m["id"]] = region_id
    children: dict[int | None, list[Entity]] = defaultdict(list)
    for n in nodes:
        if n.id not in layouts["lifted"]:
            children[up[n.id]].append(n)

    def count(node_id: int) -> dict:
        return {"documents": docs.get(node_id, 0), "entities": located.get(node_id, 0)}

    def build(node: Entity, seen: frozenset) -> dict:
        kids = [build(c, seen | {c.id}) for c in children[node.id] if c.id not in seen]
        kids.sort(key=lambda k: (-k["size"], k["name"]))
        listed = members.get(node.id, [])
        partial = {m["id"]: m["partial"] for m in listed}
        for k in kids:  # a province the plan takes in part (重庆市) is marked where it hangs
            k["partial_member"] = partial.get(k["id"])
        return {
            **entity_ref(node),
            **count(node.id),
            "size": 1 + sum(k["size"] for k in kids),
            "partial_member": None,  # set by the parent: True / False under an economic region
            "plan": plans[_plan_name(node)].basis if _plan_name(node) in plans else None,
            "layouts": [{**entity_ref(by_id[i]), **count(i)} for i in layouts["of"].get(node.id, [])],
            "members": [
                {
                    **entity_ref(by_id[m["id"]]),
                    **count(m["id"]),
                    "partial": m["partial"],
                    "placed": up[m["id"]] == node.id,
                }
                for m in listed
            ],
            "children": kids,
        }

    roots = [build(n, frozenset({n.id})) for n in children[None]]
    roots.sort(key=lambda r: (-r["size"], -r["documents"], r["name"]))
    return {"roots": roots, "total": len(nodes)}


def _tree_parent(node: Entity, by_id: dict[int, Entity]) -> int | None:
    if node.parent_id in by_id:
        return node.parent_id
    return node.region_id if node.region_id in by_id else None


def _lift_layouts(by_id: dict[int, Entity], up: dict[int, int | None]) -> dict:
    """Take layout formulas out of the tree: {"of": zone id -> layout ids, "lifted": layout ids}.

    What hangs under a layout is moved to the layout's own zone (`up` is changed in place).
    """
    lifted = {i for i, n in by_id.items() if LAYOUT_NAME.fullmatch(n.name) and up[i] is not None}
    of: dict[int, list[int]] = defaultdict(list)
    for i in sorted(lifted, key=lambda i: by_id[i].name):
        home = up[i]
        while home in lifted:  # a layout under a layout: up to the first place
            home = up[home]
        if home is None:
            lifted.discard(i)
            continue
        of[home].append(i)
    for i, parent in list(up.items()):
        while parent in lifted:
            parent = up[parent]
        up[i] = parent
    return {"of": dict(of), "lifted": lifted}


def _economic_members(session: Session, by_id: dict[int, Entity]) -> dict[int, list[dict]]:
    """Economic region id -> its member divisions in the store (gazetteer member_of), plan order.

    Each member: {"id", "partial", "home"}, home being the region a root
    division hangs under: the first of economic_regions.yaml it is a member of.
    """
    rows = session.execute(
        select(Relation.subject_id, Relation.object_id).where(
            Relation.predicate == "member_of", Relation.document_id.is_(None)
        )
    ).all()
    regions = load_economic_regions()
    by_region: dict[int, list[int]] = defaultdict(list)
    for subject_id, object_id in rows:
        subject, region = by_id.get(subject_id), by_id.get(object_id)
        if subject is None or region is None or not subject.code or _plan_name(region) not in regions:
            continue
        if subject_id not in by_region[object_id]:
            by_region[object_id].append(subject_id)
    rank = {region_id: regions[_plan_name(by_id[region_id])].rank for region_id in by_region}
    homes: dict[int, int] = {}
    for region_id in sorted(by_region, key=rank.get):
        for subject_id in by_region[region_id]:
            homes.setdefault(subject_id, region_id)
    out = {}
    for region_id, subject_ids in by_region.items():
        plan = {m.code: (i, m.partial) for i, m in enumerate(regions[_plan_name(by_id[region_id])].members)}
        listed = [
            {"id": i, "partial": plan.get(by_id[i].code, (0, False))[1], "home": homes[i]}
            for i in subject_ids
        ]
        listed.sort(key=lambda m: plan.get(by_id[m["id"]].code, (len(plan), False))[0])
        out[region_id] = listed
    return out


def _plan_name(region: Entity) -> str | None:
    """The folded name economic_regions.yaml is keyed by, read off the resolve key (area:成渝地区双城经济圈)."""
    prefix, _, name = region.key.partition(":")
    return name if prefix == "area" else None
