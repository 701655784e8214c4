"""Where a body or a park sits: the place its sentence puts it in, else the document's place.

The sentence says it with a place right before the name (某区的A), a hosting
verb after a place (园区已入驻A、B), a locative verb after the name (A落户某区,
X在A和B两地挂牌) or a place that opens the sentence; without any of these a
park is the document's place's, and a firm or lab only when a hosting word
says it came there. A park named in a zone's own story is part of the zone; one
brought in as a project sits in it.
"""

from __future__ import annotations

import re

from innoatlas.documents.model import Document
from innoatlas.extract.model import EntityMention, RelationRecord
from innoatlas.extract.relations.names import MAX_PLACE_CHARS, division_chain, divisions_by_name
from innoatlas.extract.relations.sentences import Sentence, make_relation, relation_patterns, runs
from innoatlas.lexicon.divisions import load_divisions
from innoatlas.lexicon.prefixes import leading_name

_P = relation_patterns()
ACTOR_TYPES = _P["focus"].subject_types
PLACE_TYPES = _P["place_after_verb"].object_types
HOSTED_TYPES = _P["place_after_verb"].subject_types - PLACE_TYPES


def hosted_relations(
    doc: Document, sent: Sentence, m: EntityMention, places: list[EntityMention], topic: EntityMention | None
) -> list[RelationRecord]:
    """Where a body or park sits: the place the sentence puts it in, else the document's place.

    A park is the area's; a firm or lab only when the sentence says it came or sits there."""
    fallback = topic if m.type == "zone" else _topic_if_hosted(sent, topic)
    if m.type == "university":
        fallback = None  # a university named in a zone's story is mostly a partner from elsewhere
    if fallback is not None and (_named_elsewhere(m, fallback) or _peers(m, fallback)):
        fallback = None  # 成都某公司 in an article about 重庆: its name says where it is
    if fallback is not None and _SOURCE.search(sent.text[: m.start - sent.start]):
        fallback = None  # 据某集团负责人介绍,…建成: the body a speaker works for is a source
    if fallback is not None and _partner(sent, m):
        fallback = None  # 与A、B等开展贸易: the partners of the place, not its residents
    if _NEARBY.search(sent.text[: m.start - sent.start]):
        return []  # 毗邻A、B, 距离C仅40分钟: what is near a place lies outside it
    if _client(sent, _run_head(sent, m)):
        return []  # 为A等整车企业就近配套: the client the place's firms serve
    said = _stated_host(sent, m, places)
    seated = [] if said is not None else _seated_in(sent, m, places)
    said = said or _subject_host(sent, m)
    host = said or fallback
    if (
        host is None
        or host is m
        or any(x.norm_name == host.norm_name for x in seated)  # 甲园位于乙区: not 乙区 in 甲园
        or (host.norm_name in m.norm_name and _place_after(sent, m, places) is not host)
    ):
        return []  # a place in the name says nothing, unless a locative verb says it (某市X基金落户某市)
    pred = "part_of" if _contains(sent, host, m) else "located_in" if said else _seat(sent, m, host)
    if said is None:
        hosts = [host]
    elif host.start >= m.end:
        hosts = _listed_places(sent, host)
    else:
        hosts = _places_opened_by_in(sent, host)
    return [make_relation(doc, m, pred, h, *evidence(sent, m, h)) for h in hosts]


def seated_zone_relations(
    doc: Document, sent: Sentence, m: EntityMention, places: list[EntityMention]
) -> list[RelationRecord]:
    """A zone of the national lists sits where the gazetteer says, unless the sentence seats it in
    a region (X在A和B挂牌; 某高新区在某科技园召开会议 says where a meeting was, not the zone), or
    says it lies in a zone (X位于某新区)."""
    host = _place_after(sent, m, places)
    if host is not None and host.type == "zone" and _lies_in(sent, m, host):
        return [make_relation(doc, m, "located_in", host)]
    hosts = _listed_places(sent, host) if host is not None and host.type == "region" else []
    return [make_relation(doc, m, "located_in", h) for h in hosts if h.norm_name not in m.norm_name]


def _lies_in(sent: Sentence, m: EntityMention, host: EntityMention) -> bool:
    return host.start >= m.end and bool(
        _SITS_IN.match(sent.text[m.end - sent.start : host.start - sent.start])
    )


_SITS_IN = _P["place_after_verb"].cue("sits_in")


def _seated_in(sent: Sentence, m: EntityMention, places: list[EntityMention]) -> list[EntityMention]:
    """The earlier names of the sentence a locative verb right after them seats in m (X位于m,
    X所在的m): m is where they are, so none of them can host it."""
    return [x for x in sent.mentions if x.end <= m.start and _place_after(sent, x, places) is m]


def _places_opened_by_in(sent: Sentence, last: EntityMention) -> list[EntityMention]:
    """在A、B集聚了甲: every place of the run that 在 opens and that ends with the host."""
    places = [p for p in sent.mentions if p.type in PLACE_TYPES and p.end <= last.end]
    run = runs(sent, places)[-1] if places else []
    if len(run) < 2 or run[-1] is not last:
        return [last]
    opening = run[0].start
    for p in reversed(places):
        if p.end == opening:
            opening = p.start  # 在某区材料园: a place written before a park's name opens with it
    return run if _IN_PLACES.search(sent.text[: opening - sent.start]) else [last]


_IN_PLACES = _P["hosting_verb"].cue("in_places")


def _listed_places(sent: Sentence, first: EntityMention) -> list[EntityMention]:
    """X在A和B两地挂牌: every place of the list the locative verb opens."""
    places = [p for p in sent.mentions if p.type in PLACE_TYPES and p.start >= first.start]
    run = runs(sent, places)[0] if places else []
    return run if run and run[0] is first else [first]


# Words that say a body sits where the text is about (落户, 入驻, 引进…), when
# the sentence does not name the place.
_HOSTED_CUE = _P["hosted_in_topic"].trigger
_NEARBY = _P["hosted_in_topic"].cue("nearby")


def evidence(sent: Sentence, a: EntityMention, b: EntityMention) -> tuple[int, int]:
    """From the first to the last of the two names, or the sentence when one is outside it."""
    if all(sent.start <= m.start and m.end <= sent.end for m in (a, b)):
        return min(a.start, b.start), max(a.end, b.end)
    return sent.start, sent.end


def _topic_if_hosted(sent: Sentence, topic: EntityMention | None) -> EntityMention | None:
    """The document's main place, when the sentence says a body came to or sits in it."""
    if topic is None:
        return None
    cues = [
        hit
        for hit in _HOSTED_CUE.finditer(sent.text)
        if not (hit.group(0) == "入驻" and _RESIDENT_NOUN.match(sent.text, hit.end()))
    ]
    return topic if cues else None


# 与入驻高校合作: 入驻 qualifies a noun (the resident universities), it says nothing of the firm.
_RESIDENT_NOUN = _P["hosted_in_topic"].cue("resident_noun")


def _sentence_subject(sent: Sentence, part_start: int = 0) -> EntityMention | None:
    """The place a sentence, or its part after a semicolon (part_start, in sent.text), is about: its
    first zone or region, if it opens it (after a time phrase or 在, or after a clause that opens
    with 作为 and says what the subject is)."""
    opening = sent.start + (part_start or _role_clause_end(sent))
    for m in sent.mentions:
        if m.start < opening:
            continue
        if m.type in PLACE_TYPES and m.start - opening <= MAX_SUBJECT_OFFSET:
            # 甲园、乙集群等项目签约: the first item of a list is no subject of the rest
            return None if sent.text[m.end - sent.start : m.end - sent.start + 1] in _LIST_MARKS else m
        if m.type in ACTOR_TYPES:
            return None
    return None


_LIST_MARKS = frozenset("、和及与")


def _role_clause_end(sent: Sentence) -> int:
    """作为中国内陆首个国家级新区,当前,某新区…: where the clauses of the subject's role end (0 when
    the sentence opens with no 作为); a short clause after it (当前, 近年来) is a time phrase."""
    if not _AS_ROLE.match(sent.text) or not sent.clause_ends:
        return 0
    ends = [e - sent.start + 1 for e in sent.clause_ends]
    at = ends[0]
    for nxt in ends[1:]:
        if nxt - at > MAX_SUBJECT_OFFSET:
            break
        at = nxt  # 当前, 近年来: a time phrase between the role and its subject
    return at


_AS_ROLE = _P["focus"].cue("as_role")


PARTNER_BEFORE = re.compile(r"(与|同|跟|携手|联合|牵手)$")
# 为A等整车企业就近配套, 向B供货: the client a place's firms serve is not in the place.
CLIENT_BEFORE = re.compile(r"(为|向|给)$")


# A subject opens its sentence: after at most a time phrase (今年以来, 前三季度).
MAX_SUBJECT_OFFSET = 8


def _named_elsewhere(m: EntityMention, host: EntityMention, within: bool = False) -> bool:
    """The name starts with a division that neither is the host nor contains it (某省农科院 and
    重庆); a wider division of the host (重庆市某所 in 沙坪坝区) says nothing against it. A park
    is also set against a zone's own place, the division the zone's name starts with (南京某园
    and 西安高新区 are peers), unless one of the two places holds the other; so is a body set
    against the place its sentence opens with (within: 岳麓某所 may sit in 湖南)."""
    by_name = divisions_by_name()
    head = leading_name(m.norm_name, by_name, MAX_PLACE_CHARS)
    if head is None:
        return False
    if host.norm_name in by_name:
        if not within:
            return not _holds(by_name[head].code, by_name[host.norm_name])
        seat = host.norm_name
    else:
        seat = leading_name(host.norm_name, by_name, MAX_PLACE_CHARS) if m.type == "zone" else None
    if seat is None:
        return False
    return not _holds(by_name[head].code, by_name[seat]) and not _holds(by_name[seat].code, by_name[head])


def _peers(m: EntityMention, host: EntityMention) -> bool:
    """Two development zones of the state's kinds (某开发区, 某新区, 某高新区) named in one story are
    peers: one sits in the other only where the text says so (的, 内, 包括, a locative verb)."""
    return m.type == host.type == "zone" and all(_PEER_KIND.search(x.norm_name) for x in (m, host))


_PEER_KIND = _P["zone_part"].cue("peer_kind")


def _holds(code: str, d) -> bool:
    """The division of this code is d or one of d's wider divisions."""
    while d is not None:
        if d.code == code:
            return True
        d = load_divisions().get(d.parent) if d.parent else None
    return False


PLACE_GAP = _P["place_before_name"].trigger


def _is_site(p: EntityMention) -> bool:
    """A zone or a division (重庆潼南区 too): a pair of places (川渝) or a wide area is no site."""
    return p.type == "zone" or p.norm_name in divisions_by_name() or bool(division_chain(p.norm_name))


def _seat(sent: Sentence, m: EntityMention, host: EntityMention) -> str:
    """A park named in a zone's own story is part of the zone; one it brought in (引进, 项目) sits
    in it, like any body."""
    if m.type != "zone" or host.type != "zone" or _BROUGHT_IN.search(sent.text):
        return "located_in"
    if _FIRMS_BASE.search(sent.text[: m.start - sent.start]) or _listed_with_firms(sent, m):
        return "located_in"  # 某集团旗下的X基地, 台积电、X基地: a firm's base, not a part of the plan
    return "part_of"


_FIRMS_BASE = re.compile(r"旗下的?$")
_CONTAINS = _P["zone_part"].cue("contains")


def _contains(sent: Sentence, host: EntityMention, m: EntityMention) -> bool:
    """X包括A园、B园: the zone before an inclusion verb has the parks of the list as its parts."""
    if m.type != "zone" or host.type != "zone" or host.end > m.start:
        return False
    head = _run_head(sent, m)
    return host.end <= head.start and bool(
        _CONTAINS.match(sent.text[host.end - sent.start : head.start - sent.start])
    )


def _listed_with_firms(sent: Sentence, m: EntityMention) -> bool:
    items = [x for x in sent.mentions if x.type in ("zone", "enterprise")]
    for run in runs(sent, items):
        if any(x is m for x in run):
            return any(x.type == "enterprise" for x in run)
    return False


_BROUGHT_IN = _P["zone_part"].cue("brought_in")


def _stated_host(sent: Sentence, m: EntityMention, places: list[EntityMention]) -> EntityMention | None:
    """The place the sentence itself puts m in: 某区的A, 园区已入驻A, A落户某区."""
    before = [p for p in places if p.end <= m.start]
    head = _run_head(sent, m)  # 位于X的A、B、C: every item of the list sits where the first does
    outside = [p for p in before if p.end <= head.start]
    if outside and PLACE_GAP.match(sent.text[outside[-1].end - sent.start : head.start - sent.start]):
        return outside[-1]
    hosting = _hosting_place(sent, head, outside)
    if hosting is not None and _place_after(sent, hosting, places) is not m:
        return hosting  # 甲园落户乙区: 落户 seats the name before it in 乙区, it hosts nothing
    return _place_after(sent, m, places)


def _place_after(sent: Sentence, m: EntityMention, places: list[EntityMention]) -> EntityMention | None:
    """X在Y揭牌, X落户Y: the place a locative verb right after the name opens."""
    after = [p for p in places if p.start >= m.end]
    if not after:
        return None
    gap = sent.text[m.end - sent.start : after[0].start - sent.start]
    if _PLACE_AFTER.match(gap):
        return after[0]
    if _COPULA.match(gap) and _OWNED_BY_PLACE.match(sent.text[after[0].end - sent.start :]):
        return after[0]  # X是Y的龙头企业
    # 甲、乙等5家企业均已在某区落户: the verb after the list's count seats every item of the list;
    # a place in the kind words (甲、乙2家澳门企业落户某区) is where the firms come from
    last = _run_end(sent, m)
    for place in after:
        gap = sent.text[last.end - sent.start : place.start - sent.start]
        if last.end <= place.start and _LIST_CLOSE.match(gap):
            return place
        if not _KIND_AFTER_PLACE.match(sent.text, place.end - sent.start):
            return None
    return None


_KIND_AFTER_PLACE = _P["place_after_verb"].cue("kind_after_place")


_LIST_CLOSE = _P["place_after_verb"].cue("list_close")
_COPULA = _P["place_after_verb"].cue("copula")
_OWNED_BY_PLACE = _P["place_after_verb"].cue("owned_by_place")


def _run_end(sent: Sentence, m: EntityMention) -> EntityMention:
    """The last item of the list m is in (A、B和C), m itself when it is in none."""
    hosted = [x for x in sent.mentions if x.type in HOSTED_TYPES]
    for run in runs(sent, hosted):
        if any(x is m for x in run):
            return run[-1]
    return m


def _subject_host(sent: Sentence, m: EntityMention) -> EntityMention | None:
    """The place the sentence, or its part after a semicolon, opens with, for the bodies of its
    clauses (在福建,…;在吉林,某公司某项目投产: each part has its own place)."""
    part_start = sent.text.rfind(";", 0, m.start - sent.start) + 1
    subject = _sentence_subject(sent, part_start)
    if m.type == "university" or subject is None or subject is m or not _is_site(subject):
        return None
    if _named_elsewhere(m, subject, within=True) or _peers(m, subject):
        return None  # 某市高新区与北京某园并列: a park named after another city is a peer
    if ";" in sent.between(subject, m) or _partner(sent, m):
        return None  # 与X、Y合作: the partners of the list, not residents
    return subject


# 园区已入驻A、B、C, 该区先后引进A: the place before a hosting verb hosts what the verb lists.
_HOSTING_VERB = _P["hosting_verb"].trigger


def _hosting_place(sent: Sentence, m: EntityMention, before: list[EntityMention]) -> EntityMention | None:
    if not before:
        return None
    place = before[-1]
    gap = sent.text[place.end - sent.start : m.start - sent.start]
    if sent.boundary_between(place.end, m.start):
        # 被誉为某都的某市,现已培育了A: a topic the comma sets off right after it, then its verb
        topical = gap[:1] in ",，" and not sent.boundary_between(place.end + 1, m.start)
        if topical and _RELIED_ON.search(sent.text[: place.start - sent.start]):
            return None  # 某区依托某园,引进A: the park is what the zone relies on, not the clause's topic
        return place if topical and _HOSTING_VERB.match(gap) else None
    if _HOSTING_VERB.match(gap) or _OWN_MEANS.match(gap):
        return place
    return place if _FORMED.match(gap) and _represents(sent, m) else None


_FORMED = _P["hosting_verb"].cue("formed")
_REPRESENTATIVE = _P["hosting_verb"].cue("representative")


def _represents(sent: Sentence, head: EntityMention) -> bool:
    """甲、乙等为代表: the list that goes on from head stands for a cluster, it is not what is formed."""
    return bool(_REPRESENTATIVE.match(sent.text[head.end - sent.start :]))


# 某片区将依托A、B等载体: the bodies a place relies on are its own.
_OWN_MEANS = _P["relies_on_own"].trigger
_RELIED_ON = _P["relies_on_own"].cue("relied_place")


_SOURCE = _P["hosted_in_topic"].cue("source")


def _partner(sent: Sentence, m: EntityMention) -> bool:
    """与A、B等: a body in the list a partner word opens."""
    bodies = [x for x in sent.mentions if x.type in HOSTED_TYPES]
    head = next((run[0] for run in runs(sent, bodies) if any(x is m for x in run)), m)
    return bool(PARTNER_BEFORE.search(sent.text[: head.start - sent.start]))


def _client(sent: Sentence, head: EntityMention) -> bool:
    """为A、B等企业配套: the bodies after 为 that the clause's verb serves (配套, 供货, 提供)."""
    if not CLIENT_BEFORE.search(sent.text[: head.start - sent.start]):
        return False
    clause = re.split(r"[,，;；。]", sent.text[head.end - sent.start :], maxsplit=1)[0]
    return bool(_PROVISION.search(clause))


# The verbs that make the body after 为 a receiver (the focus pattern's own cue).
_PROVISION = _P["focus"].cue("provision")


def _run_head(sent: Sentence, m: EntityMention) -> EntityMention:
    """The first item of the list m is in (A、B和C), m itself when it is in none."""
    hosted = [x for x in sent.mentions if x.type in HOSTED_TYPES or x.type == "zone"]
    for run in runs(sent, hosted):
        if any(x is m for x in run):
            return run[0]
    return m


_PLACE_AFTER = _P["place_after_verb"].trigger
