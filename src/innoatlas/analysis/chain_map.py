"""Industrial chain maps: who leads, supplies, researches, funds and hosts an industry, and its gaps.

1. the chain template (data/analysis/chain_templates.yaml) is chosen by the
   industry's name or one of the template's industries
2. the chain's industries are the stored industry entities whose name
   contains one of the template's industries (新能源汽车产业, 智能网联新能源汽车)
   or one of its longer segment terms (智能终端, 轻量化材料)
3. actors come from relations to those industries: chain_leader_of (链主),
   supplies (配套, to the industry or to one of its leaders), focuses_on
   (enterprises, institutes and platforms working on it, zones focusing on
   it), invests_in (investors in its actors); cooperates_with links an
   institute or university to an actor of the chain
4. with a region, only actors inside it (located_in, part_of, hierarchy) stay
5. statements of the documents that name the chain (chain_evidence.py):
   leaders from 链主/龙头 clauses, suppliers from 配套/供应 clauses, actors
   and host zones in the segments their clause names, each with its quote
6. each actor sits in the template segments its statements, its industries
   or its supply relations name; a segment with no actor in the region is a
   gap (补链 target), and the map says how many documents it rests on
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from innoatlas.analysis.chain_evidence import folded_name, folded_terms, read_statements
from innoatlas.analysis.common import (
    AnalysisError,
    document_ref,
    entities_within,
    entity_ref,
    find_entities,
    load_data,
)
from innoatlas.store.read.common import DocumentInfo, EntityRecord, list_page
from innoatlas.store.read.entities import documents_mentioning, entities_of_type
from innoatlas.store.read.relations import RelationEvidence, object_names, relations_to, relations_touching
from innoatlas.text import fold_name

ROLES = ("leaders", "suppliers", "enterprises", "institutes", "platforms", "investors", "zones")
ROLE_OF_FOCUS_TYPE = {
    "enterprise": "enterprises",
    "university": "institutes",
    "institute": "institutes",
    "platform": "platforms",
    "investor": "investors",
    "zone": "zones",
    "region": "zones",
}
RESEARCH_TYPES = ("university", "institute", "platform")
# Quotes shown per actor and role, and segment placements read per actor: a
# firm named in a thousand articles needs a few quotes, and its count.
EVIDENCE_PER_ROLE = 10
STATED_SEGMENTS_KEPT = 200


def chain_templates() -> list[dict]:
    return load_data("chain_templates.yaml")["chains"]


def find_template(industry: str) -> dict:
    """The chain template named `industry`, or listing it among its industries (folded names)."""
    wanted = fold_name(industry)
    for template in chain_templates():
        names = [template["name"], *template["industries"]]
        if wanted in {fold_name(n) for n in names}:
            return template
    for template in chain_templates():
        if any(fold_name(n) in wanted for n in template["industries"] if len(n) >= 3):
            return template
    known = "、".join(t["name"] for t in chain_templates())
    raise AnalysisError(f"no chain template for {industry!r} (templates: {known})")


# Segment terms this long name an industry by themselves (智能终端, 轻量化材料);
# shorter ones (电池, 封装) only place an actor already on the chain.
SEGMENT_INDUSTRY_MIN_CHARS = 4


def chain_industries(session: Session, template: dict) -> list[EntityRecord]:
    segment_terms = [
        t for s in template["segments"] for t in s["terms"] if len(t) >= SEGMENT_INDUSTRY_MIN_CHARS
    ]
    terms = [fold_name(t) for t in [*template["industries"], *segment_terms]]
    return [e for e in entities_of_type(session, "industry") if any(t in fold_name(e.name) for t in terms)]


def build_chain_map(session: Session, industry: str, region: str | None = None) -> dict:
    """The chain map of an industry, optionally in a region, with evidence and a gap view."""
    template = find_template(industry)
    industries = chain_industries(session, template)
    industry_ids = {e.id for e in industries}
    scope = None
    regions = []
    if region:
        regions = find_entities(session, region, ("region", "zone"))
        scope = entities_within(session, regions)
    actors: dict[int, dict] = {}
    collect_industry_relations(session, industry_ids, actors)
    # Suppliers found in one round can have investors and partners found in the next.
    leaders = {i for i, a in actors.items() if "leaders" in a["roles"]}
    new = set(actors)
    while new:
        new = collect_second_hand(session, actors, new, leaders)
    statements, documents = read_statements(session, template, chain_templates())
    for st in statements:
        add_statement(actors, st)
    if scope is not None:
        # The region itself stays only where the text says it hosts a segment's firms.
        region_ids = {r.id for r in regions}
        actors = {
            i: a
            for i, a in actors.items()
            if i in scope and (i not in region_ids or a.get("stated_segments"))
        }
    industry_names = object_names(session, list(actors), "industry")
    segments = place_in_segments(template, actors, industry_names)
    read = (
        len(documents)
        if scope is None
        else len(documents_mentioning(session, [d.id for d in documents], scope))
    )
    evidence_docs = {d for a in actors.values() for d in a.get("_documents", ())}
    for actor in actors.values():
        actor.pop("_seen", None)
        actor.pop("_documents", None)
        actor.pop("stated_segments", None)
    roles = {role: [] for role in ROLES}
    for actor in sorted(actors.values(), key=lambda a: a["entity"]["name"]):
        for role in actor["roles"]:
            roles[role].append(actor)
    return {
        "chain": {"name": template["name"], "en": template["en"]},
        "industry": industry,
        "region": entity_ref(regions[0]) if regions else None,
        "industries": [entity_ref(e) for e in industries],
        "roles": roles,
        "segments": segments,
        "gaps": [s for s in segments if not s["actors"]],
        # Actors on the chain whose texts name no segment: shown, never guessed into one.
        "unplaced": [
            a["entity"]
            for a in sorted(actors.values(), key=lambda a: a["entity"]["name"])
            if not a["segments"]
        ],
        "documents_read": read,
        "documents_with_evidence": len(evidence_docs),
        "basis": basis_text(read, len(evidence_docs), regions[0].name if regions else None),
        "method": "actors by relation to the chain's industries (chain_leader_of, supplies, focuses_on, "
        "invests_in, cooperates_with) and by the 链主/配套 statements and segment words of the documents "
        "naming the chain; region by containment; a gap is a segment no actor in the region is placed in "
        "(data/analysis/chain_templates.yaml)",
        "method_zh": "依据：链主/龙头、配套/供应等表述及抽取的关系（链主、配套、聚焦、投资、合作）；"
        "按原文所述的产品或业务归入产业链环节；地区范围按隶属关系；"
        "该地区语料中没有任何主体的环节才列为缺失环节（补链目标）。",
    }


def chain_map_page(chain: dict, limit: int, offset: int = 0, part: str | None = None) -> dict:
    """The chain map with each role's, segment's and the unplaced actors as one page (items, total, limit, offset).

    `part` (a role, a segment key or "unplaced") is the list read from
    `offset`; every other list shows its first page. A chain of 100,000
    documents has 4,605 actors with their quotes (29 MB): a page is what a
    reader looks at.
    """
    keys = [*chain["roles"], *(s["key"] for s in chain["segments"]), "unplaced"]
    if part is not None and part not in keys:
        raise AnalysisError(f"bad part {part!r} (one of: {', '.join(keys)})")

    def page(items: list, name: str) -> dict:
        start = offset if name == part else 0
        return list_page(items[start : start + limit], len(items), limit, start)

    segments = [{**s, "actors": page(s["actors"], s["key"])} for s in chain["segments"]]
    return {
        **chain,
        "roles": {role: page(actors, role) for role, actors in chain["roles"].items()},
        "segments": segments,
        "gaps": [s for s in segments if not s["actors"]["total"]],
        "unplaced": page(chain["unplaced"], "unplaced"),
    }


def basis_text(read: int, with_evidence: int, region: str | None) -> str:
    where = f"且提及{region}或其下属主体" if region else ""
    return f"本图谱依据 {read} 篇提及该产业链{where}的文档，其中 {with_evidence} 篇提供了主体证据。"


def add_statement(actors: dict, st) -> None:
    """A statement of the text (chain_evidence.Statement) as an actor's role, evidence and segments."""
    actor = actors.setdefault(st.entity["id"], {"entity": dict(st.entity), "roles": [], "evidence": []})
    actor.setdefault("stated_segments", [])
    if st.role not in actor["roles"]:
        actor["roles"].append(st.role)
    evidence = {
        "role": st.role,
        "predicate": "text",
        "object": st.cue,
        "quote": st.quote,
        "document": st.document,
        "segments": [key for key, _ in st.segments],
    }
    keep_evidence(actor, evidence)
    for key, term in st.segments:
        if len(actor["stated_segments"]) < STATED_SEGMENTS_KEPT:
            actor["stated_segments"].append((key, term, st.quote, st.document))


def add_actor(
    actors: dict,
    entity: EntityRecord,
    role: str,
    rel: RelationEvidence,
    other: EntityRecord,
    doc: DocumentInfo,
) -> None:
    actor = actors.setdefault(entity.id, {"entity": entity_ref(entity), "roles": [], "evidence": []})
    if role not in actor["roles"]:
        actor["roles"].append(role)
    evidence = {
        "role": role,
        "predicate": rel.predicate,
        "object": other.name,
        "quote": rel.quote,
        "document": document_ref(doc),
    }
    keep_evidence(actor, evidence)


def keep_evidence(actor: dict, evidence: dict) -> None:
    """Add a piece of evidence once; past EVIDENCE_PER_ROLE of a role only count it."""
    seen = actor.setdefault("_seen", set())
    key = (evidence["role"], evidence["predicate"], evidence["object"], evidence["quote"])
    key += ((evidence["document"] or {}).get("id"),)
    if key in seen:
        return
    seen.add(key)
    if evidence["document"]:
        actor.setdefault("_documents", set()).add(evidence["document"]["id"])
    counts = actor.setdefault("evidence_count", {})
    counts[evidence["role"]] = counts.get(evidence["role"], 0) + 1
    if counts[evidence["role"]] <= EVIDENCE_PER_ROLE:
        actor["evidence"].append(evidence)


def collect_industry_relations(session: Session, industry_ids: set[int], actors: dict) -> None:
    rows = relations_to(session, industry_ids, ("chain_leader_of", "supplies", "focuses_on", "invests_in"))
    for rel in rows:
        subject, obj, doc = rel.subject, rel.object, rel.document
        if rel.predicate == "chain_leader_of":
            role = "leaders"
        elif rel.predicate == "supplies":
            role = "suppliers"
        elif rel.predicate == "invests_in":
            role = "investors"
        else:
            role = ROLE_OF_FOCUS_TYPE.get(subject.type)
        if role:
            add_actor(actors, subject, role, rel, obj, doc)


def collect_second_hand(session: Session, actors: dict, new: set[int], leaders: set[int]) -> set[int]:
    """Suppliers of the chain's leaders, investors in its actors, research partners of its actors.

    Reads only the relations touching `new`, the actors added by the
    previous round: a relation between older actors gave all it could when
    they were new (the rules look only at which ends are actors and which
    lead). Re-reading every actor's relations each round took nine rounds
    of 130,000 rows (50 s) for a chain of 100,000 documents. Returns the
    actors this round added.
    """
    known = set(actors)
    rows = relations_touching(session, new, ("supplies", "invests_in", "cooperates_with"))
    for rel in rows:
        subject, obj, doc = rel.subject, rel.object, rel.document
        if rel.predicate == "supplies" and obj.id in leaders:
            add_actor(actors, subject, "suppliers", rel, obj, doc)
        elif rel.predicate == "invests_in" and obj.id in known:
            add_actor(actors, subject, "investors", rel, obj, doc)
        elif rel.predicate == "cooperates_with":
            for partner, other in ((subject, obj), (obj, subject)):
                # Cooperation with a place (沙坪坝区与重庆大学) says nothing about the chain.
                if other.type in ("region", "zone") or other.id not in known:
                    continue
                if partner.type in RESEARCH_TYPES and partner.id not in known:
                    role = "platforms" if partner.type == "platform" else "institutes"
                    add_actor(actors, partner, role, rel, other, doc)
    return set(actors) - known


def place_in_segments(template: dict, actors: dict, industry_names: dict[int, list[str]]) -> list[dict]:
    """Each actor in the segments its statements, industries or supply quotes name, with the quote."""
    segments = [
        {"key": s["key"], "stage": s["stage"], "zh": s["zh"], "en": s["en"], "actors": []}
        for s in template["segments"]
    ]
    by_key = {s["key"]: s for s in segments}
    for actor_id, actor in sorted(actors.items(), key=lambda kv: kv[1]["entity"]["name"]):
        placed: dict[str, dict] = {}
        for key, term, quote, doc in actor.get("stated_segments", []):
            placed.setdefault(key, {"matched": term, "quote": quote, "document": doc})
        if actor["roles"] != ["zones"]:  # a zone hosts only what the text says it hosts
            for key, found in segments_of_relations(
                template, actor, industry_names.get(actor_id, [])
            ).items():
                placed.setdefault(key, found)
        if not placed and "leaders" in actor["roles"] and template.get("leaders_in"):
            lead = next(e for e in actor["evidence"] if e["role"] == "leaders")
            placed[template["leaders_in"]] = {
                "matched": "链主",
                "quote": lead["quote"],
                "document": lead["document"],
            }
        for key, found in placed.items():
            host = actor["entity"]["type"] in ("zone", "region")
            by_key[key]["actors"].append({**actor["entity"], **found, "host": host})
        actor["segments"] = list(placed)
    return segments


def segments_of_relations(template: dict, actor: dict, industries: list[str]) -> dict[str, dict]:
    """Segments named by the actor's own name (汽车软件创新研究平台), the industries it focuses on,
    leads or supplies, or its supply quotes (配套底盘系统)."""
    found: dict[str, dict] = {}
    supplied = [e for e in actor["evidence"] if e["predicate"] == "supplies" and e["quote"]]
    names = dict.fromkeys([actor["entity"]["name"], *industries])
    texts = [(name, folded_name(name), None) for name in names]
    texts += [(e["quote"], folded_name(e["quote"]), e) for e in supplied]
    for key, terms in folded_terms(template["name"])["segments"]:
        for text, folded, evidence in texts:
            term = next((t for t, folded_term in terms if folded_term in folded), None)
            if term:
                found[key] = {
                    "matched": term,
                    "quote": evidence["quote"] if evidence else text,
                    "document": evidence["document"] if evidence else None,
                }
                break
    return found
