"""Resolve one document's mentions and relation ends to canonical entities.

1. gazetteers first: a zone's name or alias (重庆两江新区 = 两江新区), a
   division's full name or short form (沙坪坝 = 沙坪坝区), also behind a
   province or city prefix (重庆沙坪坝区); an ambiguous name (江北区 of 重庆 or
   of 宁波) is read in the light of the places the document names;
2. context next, inside the document only: a place prefix before a name the
   document also writes bare (重庆长安汽车 = 长安汽车), a contraction of a name
   it writes in full (重大 = 重庆大学);
3. every other name is its own entity, keyed by its folded name (names.name_key);
4. hierarchy: divisions up to their province, a zone to its region and parent
   zone in the version of the document's date (两江新区 is a new area until
   2025-11 and a district after), a branch to its parent body and place.
   The districts a zone replaced keep their own entities: articles after the
   date still name them as actors (渝北区 in a 2026 report on dev2).
   An economic region (成渝地区双城经济圈) is no parent: the divisions of its
   plan that the document also names are linked to it with member_of.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date

from innoatlas.documents.model import Document
from innoatlas.extract.model import EntityMention, Extraction
from innoatlas.lexicon.zones import Zone
from innoatlas.resolve import economic
from innoatlas.resolve import gazetteer as gz
from innoatlas.resolve.hierarchy import NAMED_PLACE_TYPES, leading_place, leading_places, split_branch
from innoatlas.resolve.model import GAZETTEER, NAME, CanonicalEntity, Resolution
from innoatlas.resolve.names import INDUSTRY_PREFIX, contracts, fold, name_key

log = logging.getLogger(__name__)

# Types that never stand for another name in context: a place or field is not a
# contraction, and a programme's title is cited in full (two titles differ by a word).
NOT_CONTRACTED = frozenset({"region", "industry", "program"})
MIN_TAIL_CHARS = 3  # 直管园 may stand for the document's 某某高新区直管园; 新区 stands for nothing


def resolve_document(doc: Document, extraction: Extraction) -> Resolution:
    """Canonical entities of `doc`, one key per mention and per relation end."""
    resolver = DocumentResolver(doc.published.value if doc.published else None, extraction.entities)
    resolution = resolver.resolution
    resolution.mention_keys = [resolver.mention_key(m) for m in extraction.entities]
    resolution.relation_keys = [
        (resolver.end_key(r.subject, r.subject_type), resolver.end_key(r.object, r.object_type))
        for r in extraction.relations
    ]
    return resolution


class DocumentResolver:
    def __init__(self, when: date | None, mentions: list[EntityMention]):
        self.when = when
        self.resolution = Resolution()
        self.written: dict[str, str] = {}  # folded name -> key, for this document's names
        self.context = self._context_codes(mentions)
        self._resolve_mentions(mentions)
        self._link_members()

    # -- keys of names -------------------------------------------------------

    def mention_key(self, m: EntityMention) -> str:
        key = self.written[fold(m.norm_name or m.name)]
        self.resolution.entities[key].add_alias(m.name)
        return key

    def end_key(self, written: str | None, type_: str | None) -> str | None:
        """The key of a relation end: a mention of the document, else a name read with the end's type."""
        if not written:
            return None
        folded = fold(written)
        key = self.written.get(folded)
        if key is None:
            if type_ is None:  # a date or a figure, not an entity
                return None
            key = self.key_of(folded, type_)
            self.written[folded] = key
        self.resolution.entities[key].add_alias(written)
        return key

    def key_of(self, folded: str, type_: str) -> str:
        """Resolve a name outside the mention list (a relation end, a parent read off a name)."""
        if folded in self.written:
            return self.written[folded]
        key = self._gazetteer_key(folded, type_)
        if key is None:
            key = name_key(folded, type_)
            self._add_entity(key, folded, type_)
        return key

    # -- 1. gazetteers ---------------------------------------------------------

    def _context_codes(self, mentions: list[EntityMention]) -> set[str]:
        """Division codes the document names unambiguously (its own and its zones' regions)."""
        codes = set()
        for m in mentions:
            folded = fold(m.norm_name or m.name)
            zone = gz.zone_index().get(folded)
            region = gz.zone_region(zone) if zone is not None else None
            short_ok = gz.is_upper_short(folded)  # a county's short form is no evidence on its own
            found = (region,) if region else gz.division_candidates(folded, short_ok)
            if len(found) == 1:
                codes.add(found[0])
                codes.update(d.code for d in gz.ancestors(found[0]))
        return codes

    def _gazetteer_key(self, folded: str, type_: str) -> str | None:
        zone = gz.zone_index().get(folded)
        if zone is not None:
            return self._add_zone(zone)
        region = economic.economic_region(folded)
        if region is not None:  # a region of the plans that zones.yaml does not list
            return self._add_economic_region(region.name)
        short_ok = type_ in gz.PLACE_TYPES or gz.is_upper_short(folded)
        codes = gz.division_candidates(folded, short_ok, self.context)
        if codes:
            code = gz.choose_division(codes, self.context)
            return self._add_division(code) if code else None
        return self._prefixed_place(folded)

    def _prefixed_place(self, folded: str) -> str | None:
        """A zone or division written after the place it lies in (重庆璧山高新区, 四川宜宾, 科学城 + 片区)."""
        head = leading_place(folded)
        if head is None:
            return None
        rest = folded[len(head) :]
        if head in gz.zone_index():
            return self._sub_area(gz.zone_index()[head], rest)
        heads = set(gz.division_candidates(head, True, self.context))
        zone = gz.zone_index().get(rest)
        if zone is not None:
            region = gz.zone_region(zone)
            inside = region is not None and any(region[:2] == h[:2] for h in heads)
            return self._add_zone(zone) if inside else None
        codes = tuple(
            c for c in gz.division_candidates(rest, True) if heads & {d.code for d in gz.ancestors(c)}
        )
        # 四川宜宾: the city 宜宾市 before the county 宜宾县 inside it, as when written bare
        code = gz.choose_division(codes, self.context | heads) if codes else None
        return self._add_division(code) if code else None

    def _sub_area(self, zone: Zone, rest: str) -> str | None:
        """A sub-area written after its zone (某某科学城滨湖片区 is 滨湖片区)."""
        area = gz.zone_index().get(rest)
        if area is None or area.parent is None or fold(area.parent) != fold(zone.name):
            return None
        return self._add_zone(area)

    def _add_division(self, code: str) -> str:
        key = gz.division_key(code)
        if key in self.resolution.entities:
            return key
        d = gz.division(code)
        entity = CanonicalEntity(key, d.name, "region", code=d.code)
        self.resolution.entities[key] = entity
        if d.parent:
            entity.parent_key = self._add_division(d.parent)
            self.resolution.add_relation(key, "located_in", entity.parent_key, GAZETTEER)
        return key

    def _add_zone(self, zone: Zone) -> str:
        key = gz.zone_key(zone)
        if key in self.resolution.entities:
            return key
        if zone.kind == "economic_region":
            return self._add_economic_region(zone.name)
        type_ = zone.type_at(self.when)
        entity = CanonicalEntity(key, zone.name, type_)
        self.resolution.entities[key] = entity
        region = gz.zone_region(zone)
        if region is not None:
            region_key = self._add_division(region)
            if type_ == "region":  # a district now: part of its city like any division
                entity.parent_key = region_key
            else:
                entity.region_key = region_key
            self.resolution.add_relation(key, "located_in", region_key, GAZETTEER)
        parent = gz.zone_index().get(fold(zone.parent)) if zone.parent else None
        if parent is not None:
            entity.parent_key = self._add_zone(parent)
            self.resolution.add_relation(key, "part_of", entity.parent_key, GAZETTEER)
        return key

    def _add_economic_region(self, name: str) -> str:
        key = gz.economic_region_key(name)
        if key not in self.resolution.entities:
            self.resolution.entities[key] = CanonicalEntity(key, name, "region")
        return key

    def _link_members(self) -> None:
        """member_of from each member division the document names to each economic region it names.

        Only named members (or divisions holding a named place: 成都 for
        成都高新区): the plan's full list would add every member city to the
        store from any article that cites the region in passing.
        """
        named = {e.code for e in self.resolution.entities.values() if e.code} | self.context
        for key in [k for k in self.resolution.entities if k.startswith(gz.ECONOMIC_REGION_PREFIX)]:
            region = economic.economic_region(key[len(gz.ECONOMIC_REGION_PREFIX) :])
            for member in region.members if region else ():
                if member.code in named:
                    self.resolution.add_relation(self._add_division(member.code), "member_of", key, GAZETTEER)

    # -- 2. and 3. context and own keys ----------------------------------------

    def _resolve_mentions(self, mentions: list[EntityMention]) -> None:
        types: dict[str, Counter] = {}
        for m in mentions:
            types.setdefault(fold(m.norm_name or m.name), Counter())[m.type] += 1
        named = {}
        for folded, counts in types.items():
            type_ = counts.most_common(1)[0][0]
            key = self._gazetteer_key(folded, type_)
            if key is not None:
                self.written[folded] = key
            else:
                named[folded] = type_
        for folded, type_ in list(named.items()):
            key = self._zone_tail(folded) if type_ == "zone" else None
            if key is not None:
                self.written[folded] = key
                del named[folded]
        targets = {folded: self._context_target(folded, type_, named) for folded, type_ in named.items()}
        for folded, type_ in sorted(named.items(), key=lambda item: -len(item[0])):
            target = targets[folded]
            if target is not None and targets.get(target) is None:
                key = self.key_of(target, named[target])
            else:
                key = self.key_of(folded, type_)
            self.written[folded] = key

    def _zone_tail(self, folded: str) -> str | None:
        """The one gazetteer zone of this document whose name ends with `folded` (直管园 for 某某高新区直管园).

        A tail of two characters (新区, 园区) is a common noun, not a short name.
        """
        if len(folded) < MIN_TAIL_CHARS:
            return None
        zones = {
            key
            for key, entity in self.resolution.entities.items()
            if key.startswith("zone:") and entity.name != folded and fold(entity.name).endswith(folded)
        }
        return zones.pop() if len(zones) == 1 else None

    def _context_target(self, folded: str, type_: str, named: dict[str, str]) -> str | None:
        """The fuller name of this document that `folded` stands for, if exactly one."""
        head = leading_place(folded)
        if head is not None and named.get(folded[len(head) :]) not in (None, *NOT_CONTRACTED):
            return folded[len(head) :]
        if type_ in NOT_CONTRACTED:
            return None
        fuller = [n for n, t in named.items() if t not in NOT_CONTRACTED and contracts(folded, n)]
        if len(fuller) == 1:
            return fuller[0]
        if len(fuller) > 1:
            log.debug("%s may stand for any of %s: left as written", folded, fuller)
        return None

    # -- 4. hierarchy read off a name --------------------------------------------

    def _add_entity(self, key: str, folded: str, type_: str) -> None:
        entity = self.resolution.entities.get(key)
        if key.startswith(INDUSTRY_PREFIX):  # a field is named as the vocabulary names it
            folded = key[len(INDUSTRY_PREFIX) :]
        if entity is not None:
            if len(folded) > len(entity.name):
                entity.name = folded  # the fullest written form is the canonical name
            return
        entity = CanonicalEntity(key, folded, type_)
        self.resolution.entities[key] = entity
        self._link_by_name(entity, folded)

    def _link_by_name(self, entity: CanonicalEntity, folded: str) -> None:
        if entity.type in ("region", "industry", "program"):
            return
        branch = split_branch(folded) if entity.type != "zone" else None  # 重庆大学城科技园 is no branch
        if branch is not None:
            entity.parent_key = self.key_of(branch.parent, branch.parent_type)
            self.resolution.add_relation(entity.key, "part_of", entity.parent_key, NAME)
            if branch.place:
                entity.region_key = self._place_key(branch.place)
                if entity.region_key:
                    self.resolution.add_relation(entity.key, "located_in", entity.region_key, NAME)
            return
        if entity.type in NAMED_PLACE_TYPES:
            place_key = self._innermost_place(leading_places(folded))
            if place_key is None:
                return
            entity.region_key = place_key
            if entity.type == "government":  # 滨江新区经济发展局 is an office of 滨江新区
                entity.parent_key = place_key
                self.resolution.add_relation(entity.key, "part_of", place_key, NAME)
            else:
                self.resolution.add_relation(entity.key, "located_in", place_key, NAME)

    def _place_key(self, folded: str) -> str | None:
        return self._gazetteer_key(folded, "region")

    def _innermost_place(self, places: list[str]) -> str | None:
        """The key of the last place of a chain written outermost first (重庆市 江津区), if it resolves."""
        key = self._place_key(places[0]) if places else None
        for i in range(2, len(places) + 1):  # an inner place counts only inside the one before it
            inner = self._prefixed_place("".join(places[:i]))
            if inner is None:
                break
            key = inner
        return key


def lookup_keys(name: str) -> list[str]:
    """Keys `name` may have outside any document, most likely first: for look-ups by a name never written."""
    folded = fold(name)
    keys = []
    zone = gz.zone_index().get(folded)
    if zone is not None:
        keys.append(gz.zone_key(zone))
    codes = gz.division_candidates(folded, short_ok=True)
    code = gz.choose_division(codes, set()) if codes else None
    if code is not None:
        keys.append(gz.division_key(code))
    placed = DocumentResolver(None, [])._prefixed_place(folded)
    for key in (placed, name_key(folded, "enterprise"), name_key(folded, "industry")):
        if key is not None and key not in keys:
            keys.append(key)
    return keys
