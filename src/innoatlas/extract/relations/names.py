"""Relations a name or the gazetteer states: names inside names and known places.

1. names inside names: a branch named after its parent (江川大学蓝湖研究院
   part_of 江川大学), a body named after a place the text also names on its
   own (郑州高新区某中心 located_in 郑州高新区), the divisions of an address
   written as one name (某省某市某县);
2. gazetteer facts stated by co-mention: a county and its city or province,
   a sub-area and its zone (沙坪坝区 located_in 重庆市);
3. when two names are one thing: a place written two ways (青岛, 青岛市), a firm with
   and without its legal form (某集团有限公司, 某集团) and a short name the text
   declares (以下简称“X”).
"""

from __future__ import annotations

import re
from functools import cache

from innoatlas.documents.model import Document
from innoatlas.extract.model import EntityMention, RelationRecord
from innoatlas.extract.relations.sentences import make_relation, relation_patterns
from innoatlas.lexicon.bodies import central_bodies
from innoatlas.lexicon.divisions import division_chain, divisions_named, inside, load_divisions, names_a_seat
from innoatlas.lexicon.prefixes import leading_name
from innoatlas.lexicon.zones import load_zones, zone_names

_P = relation_patterns()
PLACE_TYPES = _P["place_after_verb"].object_types
HOSTED_TYPES = _P["place_after_verb"].subject_types - PLACE_TYPES


# -- 1. names inside names ---------------------------------------------------


def embedded_relations(doc: Document, mentions: list[EntityMention]) -> list[RelationRecord]:
    places = known_places()
    standalone = _standalone_places(mentions)
    out = []
    for m in mentions:
        head = leading_name(m.norm_name, places, MAX_PLACE_CHARS)
        if head is None and m.type == "zone":
            # the national zone lists name a zone by its city's short name (郑州高新区, 泸州国家
            # 高新区), which says where it sits as the full name does; a body's or a firm's
            # short-named place is more often its scope or its brand (某省农科院, 某城银行)
            head = leading_name(m.norm_name, short_division_names(), MAX_PLACE_CHARS)
        if head is None or len(head) == len(m.norm_name) or m.type == "government":
            continue  # a body governs the place its name starts with (某区经信委): not part of it
        named = standalone.get(_place_key(head))
        if named is None:
            continue  # the place only qualifies the name: no entity of its own to relate to
        host = EntityMention(named.name, head, place_type(head, doc), m.start, m.start + len(head))
        if m.type == "zone" and host.type == "zone":
            out.append(make_relation(doc, m, "part_of", host))
        elif (m.type in HOSTED_TYPES or m.type == "zone") and not _is_province(head):
            # 某市某研究所, 某省农科院: a province-level name is the body's scope, not its site
            out.append(make_relation(doc, m, "located_in", host))
    out += _registered_seats(doc, mentions, standalone)
    out += _park_units(doc, mentions)
    named_alone = {m.norm_name for m in mentions}
    out += _cluster_trades(doc, mentions)
    out += _subsidiaries(doc, mentions)
    for m in mentions:
        parent = _parent_org(m) or _parent_body(m)
        # a relation holds between two named things: a parent written only inside the
        # branch's name (深圳某大学研究院 with no 深圳某大学 of its own) is no entity to relate to
        if parent is not None and parent in named_alone:
            host = EntityMention(
                doc.original_text(m.start, m.start + len(parent)),
                parent,
                "government" if m.type == "government" else "university",
                m.start,
                m.start + len(parent),
            )
            out.append(make_relation(doc, m, "part_of", host))
    return out


# The registration rules for firm names (企业名称登记管理规定) let the division stand in brackets
# after the trade name (某某(盐城)精密部件有限公司, the usual form of a foreign-invested firm's local
# company): the bracket is where the firm is registered, whatever the division's level.
_BRACKETED = re.compile(r"(?<=.)[(（]([\u4e00-\u9fff]{2,8})[)）]")
_SEATED_TYPES = frozenset({"enterprise", "investor"})


def _registered_seats(doc: Document, mentions: list[EntityMention], standalone) -> list[RelationRecord]:
    """某某(盐城)有限公司 located_in 盐城, when the text names the division on its own."""
    out = []
    for m in mentions:
        if m.type not in _SEATED_TYPES:
            continue
        hit = _BRACKETED.search(m.norm_name)
        if hit is None or not _is_place_name(hit.group(1)):
            continue
        named = standalone.get(_place_key(hit.group(1)))
        if named is not None:
            at = m.start + hit.start(1)
            host = EntityMention(named.name, named.norm_name, named.type, at, at + len(hit.group(1)))
            out.append(make_relation(doc, m, "located_in", host))
    return out


def _is_place_name(name: str) -> bool:
    return name in known_places() or name in short_division_names()


# A park's own parts and services are named after it (某产业园配套园, 某科技园科技金融服务中心);
# a firm or a fund named after a park is the park's developer or money, a different body.
_PARK_UNIT = _P["park_unit"]
_UNIT_OF_PARK = _PARK_UNIT.subject_types
# The shortest park name read as the opening of another name: a bare kind (科学城, 产业园) opens many.
MIN_PARK_CHARS = 4


def _park_units(doc: Document, mentions: list[EntityMention]) -> list[RelationRecord]:
    """某航空产业园配套园, 宜宾某新区东部产业园: a part or a service of a park the text names
    on its own, opening the name or right after the city that opens it."""
    parks = {m.norm_name: m for m in mentions if m.type == "zone" and len(m.norm_name) >= MIN_PARK_CHARS}
    out = []
    for m in mentions:
        if m.type not in _UNIT_OF_PARK:
            continue
        park = _park_opening(m.norm_name, parks.keys(), _place_names())
        if park is not None:
            at = m.start + m.norm_name.index(park)
            host = EntityMention(parks[park].name, park, "zone", at, at + len(park))
            out.append(make_relation(doc, m, "part_of" if m.type == "zone" else "located_in", host))
    return out


@cache
def _place_names() -> frozenset[str]:
    """Zone and division names, full and short (built once)."""
    return frozenset(known_places()) | short_division_names()


def _park_opening(name: str, parks, places: frozenset[str]) -> str | None:
    """The longest park the text names on its own that opens `name`, or follows the place that
    opens it, with more than a suffix after it (四川某高新技术产业园区 is 四川某高新技术产业园
    written in full, not a part of it)."""
    found = [
        p
        for p in parks
        if p != name
        and (at := name.find(p)) >= 0
        and (at == 0 or name[:at] in places)
        and _PARK_UNIT.trigger.match(name[at + len(p) :])
    ]
    return max(found, key=len, default=None)


# A firm's unit named after it: its regional company, branch or R&D centre (某集团成都某公司,
# 宁德时代宜宾研究院). The firm's own registered name goes on after its short name too
# (宁德时代新能源科技股份有限公司) and opens with its province (湖南某某科技有限公司), so a
# unit needs a place or a unit word after the firm's name.
# An academy heads its institutes' names the same way (中科院某某所某地研究院).
_FIRM_TYPES = frozenset({"enterprise", "investor", "institute"})
_UNIT_TYPES = frozenset({"enterprise", "institute", "platform", "investor"})
_UNIT_WORD = _P["branch_of_parent"].cue("firm_unit")
MIN_PARENT_CHARS = 2


def _subsidiaries(doc: Document, mentions: list[EntityMention]) -> list[RelationRecord]:
    """A firm's regional company, branch or R&D centre named after it is part of it, when the
    text names the firm on its own."""
    by_name = divisions_by_name()
    places = {*known_places(), *by_name}
    firms: dict[str, EntityMention] = {}
    for f in mentions:
        if f.type in _FIRM_TYPES and len(f.norm_name) >= MIN_PARENT_CHARS:
            firms.setdefault(f.norm_name, f)
            seat = leading_name(f.norm_name, places, MAX_PLACE_CHARS, keep=MIN_PARENT_CHARS + 2)
            if seat:  # 浙江某某股份有限公司 heads its unit without its province: 某某股份有限公司宜春分公司
                firms.setdefault(f.norm_name[len(seat) :], f)
    out, seen = [], set()
    for m in mentions:
        if m.type not in _UNIT_TYPES or m.norm_name in seen:
            continue
        parent = max(
            (f for f in firms if m.norm_name.startswith(f) and firms[f].norm_name != m.norm_name),
            key=len,
            default=None,
        )
        if parent is None:
            continue
        tail = m.norm_name[len(parent) :]
        if not (leading_name(tail, places, MAX_PLACE_CHARS, keep=0) or _UNIT_WORD.search(tail)):
            continue  # 某集团有限公司, 某某新能源科技股份有限公司: the firm itself, written in full
        seen.add(m.norm_name)
        at = m.start
        firm = firms[parent]
        host = EntityMention(firm.name, firm.norm_name, firm.type, at, at + len(parent))
        out.append(make_relation(doc, m, "part_of", host))
    return out


def _cluster_trades(doc: Document, mentions: list[EntityMention]) -> list[RelationRecord]:
    """A cluster named by its place and trade (某市某某先进制造集群, the national cluster
    lists' form): the place focuses on the trade, when the text names both on their own too."""
    places = {m.norm_name: m for m in mentions if m.type in ("region", "zone")}
    industries = {m.norm_name: m for m in mentions if m.type == "industry"}
    out = []
    for m in mentions:
        if m.type != "program" or not m.norm_name.endswith("集群"):
            continue
        head = max((p for p in places if m.norm_name.startswith(p)), key=len, default=None)
        if head is None:
            continue
        rest = m.norm_name[len(head) :]
        trade = max((t for t in industries if rest.startswith(t)), key=len, default=None)
        if trade is not None:
            place = EntityMention(places[head].name, head, places[head].type, m.start, m.start + len(head))
            at = place.end
            t = industries[trade]
            item = EntityMention(t.name, trade, "industry", at, at + len(trade))
            out.append(make_relation(doc, place, "focuses_on", item, m.start, m.end))
    return out


_PARENT_ORG = _P["branch_of_parent"].trigger


def _parent_org(m: EntityMention) -> str | None:
    if m.type == "university":
        hit = _SCHOOL_OF.match(m.norm_name)  # 某某大学|材料学院: a school of its university
        return hit.group(1) if hit else None
    if m.type not in _BRANCH_TYPES:
        return None  # a centre, an institute or a park (某某大学科技园) named after its parent
    hit = _PARENT_ORG.match(m.norm_name)
    return hit.group(1) if hit else None


def _parent_body(m: EntityMention) -> str | None:
    """科学技术部高新技术司: a department named after its ministry is part of it."""
    if m.type != "government":
        return None
    bodies = central_bodies()
    # 某委员会办公室 is not part of 某委员会办, its own short name
    itself = bodies.get(m.norm_name, m.norm_name)
    heads = [
        m.norm_name[:k]
        for k in range(len(m.norm_name) - 2, 1, -1)
        if m.norm_name[:k] in bodies and bodies[m.norm_name[:k]] != itself
    ]
    return heads[0] if heads else None


_SCHOOL_OF = _P["branch_of_parent"].cue("school_of")
_BRANCH_TYPES = _P["branch_of_parent"].subject_types - {"university"}


def _place_key(name: str) -> str:
    """One key for the full and short names of a division (郑州市, 郑州)."""
    d = divisions_by_name().get(name)
    return d.code if d is not None else name


def _standalone_places(mentions: list[EntityMention]) -> dict[str, EntityMention]:
    """Places named on their own in the document, by _place_key (first mention)."""
    out: dict[str, EntityMention] = {}
    for m in mentions:
        if m.type in PLACE_TYPES:
            out.setdefault(_place_key(m.norm_name), m)
    return out


def _is_province(name: str) -> bool:
    d = divisions_by_name().get(name)
    return d is not None and d.level == "province"


# The longest place a name is read to open with (a division's name, 12 characters at most here).
MAX_PLACE_CHARS = 12


@cache
def known_places() -> dict[str, str]:
    """Written zone and division names -> 'zone' / 'region' (built once: 3,000+ names)."""
    places = {
        written: "zone" for written, c in zone_names().items() if load_zones()[c].kind != "economic_region"
    }
    for d in load_divisions().values():
        places.setdefault(d.name, "region")
    return places


@cache
def short_division_names() -> frozenset[str]:
    """The divisions' short names (郑州 for 郑州市)."""
    return frozenset(d.short for d in load_divisions().values() if d.short)


def place_type(name: str, doc: Document) -> str:
    canonical = zone_names().get(name)
    if canonical is not None:
        return load_zones()[canonical].type_at(doc.published_on)
    return "region"


# A name written as a chain of divisions, wider first (江西省九江市修水县).


def chained_division_relations(doc: Document, mentions: list[EntityMention]) -> list[RelationRecord]:
    """Each division of an address chain sits in the one before it (江西省九江市修水县: 修水县 in
    九江市, 九江市 in 江西省), when the text also names both on their own."""
    standalone = _standalone_places(mentions)
    out = []
    seen = set()
    for m in mentions:
        if m.type != "region" or m.norm_name in seen:
            continue
        seen.add(m.norm_name)
        chain = division_chain(m.norm_name)
        if len(chain) < MIN_CHAIN:
            continue
        named = [standalone.get(d.code) for _text, d in chain]
        for inner, outer in zip(named[1:], named, strict=False):
            if inner is not None and outer is not None:
                out.append(make_relation(doc, inner, "located_in", outer, m.start, m.end))
    return out


# An address of three divisions (省+市+县) is one name at the entity stage, so its links are
# said nowhere else; an address of two (广东韶关) is linked by address_links, place by place.
MIN_CHAIN = 3


def address_links(
    doc: Document, mentions: list[EntityMention], said: list[RelationRecord]
) -> list[RelationRecord]:
    """Each place of an address the entity stage reads as one name (四川省成都市, 江苏江阴市)
    sits in the one before it. The held-out gold links the places of 64 % of such addresses
    (6 sets of many outlets). The places stay inside the address's name: the held-out gold
    lists a place written only there 40 % of the time and the development gold never, so a
    relation end may be a name the mention list does not hold."""
    by = divisions_by_name()
    # one link per pair of divisions (浙江温州, 浙江温州市), none that the relations `said` make
    linked = {
        (by[r.subject].code, by[r.object].code)
        for r in said
        if r.predicate == "located_in" and r.subject in by and r.object in by
    }
    links: list[RelationRecord] = []
    for m in mentions:
        chain = division_chain(m.norm_name) if m.type == "region" else []
        if len(chain) < MIN_ADDRESS:
            continue
        places, pos = [], m.start
        for text, division in chain:
            span = (pos, pos + len(text))
            place = EntityMention(doc.original_text(*span), text, "region", *span, "address", m.confidence)
            places.append((place, division.code))
            pos += len(text)
        for (outer, outer_code), (inner, inner_code) in zip(places, places[1:], strict=False):
            if (inner_code, outer_code) not in linked:
                linked.add((inner_code, outer_code))
                links.append(make_relation(doc, inner, "located_in", outer, m.start, m.end))
    return links


MIN_ADDRESS = 2


def adjacent_place_links(
    doc: Document, mentions: list[EntityMention], said: list[RelationRecord]
) -> list[RelationRecord]:
    """A place written right after another, as an address goes from the wider to the narrower
    (曹县|大集镇, 德宏州|瑞丽市), sits in it: a town, township, subdistrict or village after any
    place, a division after one of its wider divisions."""
    linked = {(r.subject, r.object) for r in said if r.predicate == "located_in"}
    starts = {m.start: m for m in mentions if m.type == "region"}
    links = []
    for outer in (m for m in mentions if m.type == "region"):
        inner = starts.get(outer.end)
        if inner is None or inner.norm_name == outer.norm_name:
            continue
        place = _innermost_place(doc, outer)
        if not (_LOCAL_PLACE.search(inner.norm_name) or _division_inside(inner.norm_name, place.norm_name)):
            continue
        if (inner.name, place.name) not in linked:
            linked.add((inner.name, place.name))
            links.append(make_relation(doc, inner, "located_in", place, outer.start, inner.end))
    return links


# The levels below a county (民政部: 乡级行政区划 and 村级自治组织): 某某镇, 某某乡, 某某街道, 某某村.
_LOCAL_PLACE = re.compile(r"..(?:镇|乡|街道|村|社区|苏木|嘎查)$")


def _innermost_place(doc: Document, m: EntityMention) -> EntityMention:
    """The last division of an address read as one name (山东省曹县 -> 曹县), else the name."""
    chain = division_chain(m.norm_name)
    if len(chain) < MIN_ADDRESS:
        return m
    text = chain[-1][0]
    span = (m.end - len(text), m.end)
    return EntityMention(doc.original_text(*span), text, "region", *span, "address", m.confidence)


def _division_inside(inner: str, outer: str) -> bool:
    outers = divisions_named().get(outer, ())
    return any(inside(d, o.code) for d in divisions_named().get(inner, ()) for o in outers)


def written_alike(a: str, b: str) -> bool:
    """One name written two ways: a division and its short name (青岛市, 青岛), a name and the
    same name after its place (重庆两江新区, 两江新区); two divisions never (长沙, 长沙县)."""
    if a == b:
        return True
    by = divisions_by_name()
    if a in by and b in by:
        return by[a].code == by[b].code
    short, long_ = sorted((a, b), key=len)
    head = long_[: len(long_) - len(short)]
    if long_.startswith(short) and _LEGAL_FORM.fullmatch(long_[len(short) :]):
        return True  # 某科创集团有限公司 and 某科创集团: a firm with and without its legal form
    return long_.endswith(short) and (head in by or head in known_places())


# The legal form a firm's registered name ends with, which its short name leaves out.
_LEGAL_FORM = re.compile(r"(股份)?有限(责任)?公司")


def declared_aliases(norm: str, mentions: list[EntityMention]) -> set[frozenset[str]]:
    """某研究院(以下简称“某研院”): the full name and the short one it declares name one thing."""
    out = set()
    for hit in _ALIAS.trigger.finditer(norm):
        full = [m for m in mentions if m.end == hit.start()]
        short = [m for m in mentions if m.start == hit.start(1) and m.end == hit.end(1)]
        if full and short:
            out.add(frozenset((full[0].name, short[0].name)))
    return out


_ALIAS = _P["declared_alias"]


# -- 2. gazetteer facts ------------------------------------------------------


@cache
def divisions_by_name() -> dict:
    """Full and short names of the divisions -> division (the first one of a shared name)."""
    by_name = {}
    for d in load_divisions().values():
        by_name.setdefault(d.name, d)
        if d.short:
            by_name.setdefault(d.short, d)
    return by_name


def lies_within(place: str, area: str) -> bool:
    """沧州 lies within 河北: some division of the place's name is under one of the area's."""
    return any(
        inside(d, outer.code)
        for d in divisions_named().get(place, ())
        for outer in divisions_named().get(area, ())
    )


def gazetteer_relations(doc: Document, mentions: list[EntityMention]) -> list[RelationRecord]:
    divisions = load_divisions()
    by_name = divisions_by_name()
    first: dict[str, EntityMention] = {}
    for m in mentions:
        first.setdefault(m.norm_name, m)
    code_mention = {by_name[n].code: m for n, m in first.items() if n in by_name and m.type == "region"}
    out = []
    for name, m in first.items():
        if m.type == "region" and name in by_name:
            parent = _mentioned_ancestor(by_name[name].code, code_mention, divisions) or _parent_of_namesake(
                name, code_mention, divisions
            )
            if parent is not None:
                out.append(make_relation(doc, m, "located_in", parent))  # from the first name to the other
        canonical = zone_names().get(name)
        if canonical is None:
            continue
        zone = load_zones()[canonical]
        if zone.parent:
            host = _mention_of(first, zone.parent)
            if host is not None:
                out.append(make_relation(doc, m, "part_of", host, m.start, m.end))
    return out


def _parent_of_namesake(name: str, code_mention: dict, divisions: dict) -> EntityMention | None:
    """开平 in a story of 江门市: of the divisions sharing a short name (开平市 of 江门, 开平区 of
    唐山), the one whose ancestor the text names, when only one is."""
    parents = {
        id(p): p
        for d in divisions_named().get(name, ())
        if (p := _mentioned_ancestor(d.code, code_mention, divisions)) is not None
    }
    return next(iter(parents.values())) if len(parents) == 1 else None


def _mentioned_ancestor(code: str, code_mention: dict, divisions: dict) -> EntityMention | None:
    d = divisions.get(code)
    while d is not None and d.parent:
        if d.parent in code_mention:
            return code_mention[d.parent]
        d = divisions.get(d.parent)
    return None


def _mention_of(first: dict[str, EntityMention], canonical: str) -> EntityMention | None:
    for name, m in first.items():
        if zone_names().get(name) == canonical:
            return m
    return None


def bracket_member_links(
    doc: Document, mentions: list[EntityMention], said: list[RelationRecord]
) -> list[RelationRecord]:
    """An area followed by its places in brackets (某经济区(甲市、乙市、丙市)): the brackets
    list what the area is made of, so each place sits in it. One place alone in brackets is
    left out: it may be the wider area or the narrower seat (某科技城(某市))."""
    linked = {(r.subject, r.object) for r in said if r.predicate == "located_in"}
    starts = {m.start: m for m in mentions if m.type == "region"}
    links = []
    for area in (m for m in mentions if m.type in ("region", "zone")):
        part = _AREA_PART.match(doc.norm, area.end)  # 某三角|核心区(…): a part of the area named
        members = _bracketed_places(doc.norm, starts, part.end()) if part else []
        if len(members) < MIN_MEMBERS:
            continue
        for place in members:
            if (place.name, area.name) not in linked and place.norm_name != area.norm_name:
                linked.add((place.name, area.name))
                links.append(make_relation(doc, place, "located_in", area))
    return links + _bracketed_seats(doc, mentions, linked)


def _bracketed_seats(doc: Document, mentions: list[EntityMention], linked: set) -> list[RelationRecord]:
    """A list that gives each actor its place in brackets (甲众创空间(某区)、乙智谷(某县)): the
    actor stands in that place."""
    places = {m.start: m for m in mentions if m.type in ("region", "zone")}
    links = []
    for actor in mentions:
        if actor.type in ("region", "government") or doc.norm[actor.end : actor.end + 1] not in "(（":
            continue
        place = places.get(actor.end + 1)
        if place is None or doc.norm[place.end : place.end + 1] not in _CLOSE_BRACKETS:
            continue
        if not names_a_seat(place.norm_name):
            continue  # 某汽车(安徽): a province or city in brackets names a branch
        listed = (
            doc.norm[place.end + 1 : place.end + 2] == "、" or doc.norm[actor.start - 1 : actor.start] == "、"
        )
        if listed and (actor.name, place.name) not in linked:
            linked.add((actor.name, place.name))
            links.append(make_relation(doc, actor, "located_in", place))
    return links


# The bracket after an area, or after a part of it named by its kind (核心区, 城市群).
_AREA_PART = re.compile(r"(?:[\u4e00-\u9fff]{0,3}(?:区|圈|群|带))?[(（]")
_CLOSE_BRACKETS = (")", "）")
_MEMBER_JOINS = ("、", "和", "及", "与")
# A list in brackets of fewer places than this is no list of members.
MIN_MEMBERS = 2


def _bracketed_places(norm: str, starts: dict[int, EntityMention], pos: int) -> list[EntityMention]:
    """The places listed from pos to the closing bracket, or [] when anything else stands there."""
    places = []
    while pos in starts:
        place = starts[pos]
        places.append(place)
        pos = place.end
        if norm[pos : pos + 1] in _CLOSE_BRACKETS:
            return places
        if norm[pos : pos + 1] not in _MEMBER_JOINS:
            return []
        pos += 1
    return []
