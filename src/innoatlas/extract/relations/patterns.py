"""Trigger patterns for relations stated inside one sentence.

- cooperates_with: see cooperation.py
- chain_leader_of: A、B等龙头/链主 + an industry in the sentence; A是…X链主;
  X龙头——A; 在X方面,…涌现出A、B等龙头 (the framing industry)
- supplies: A为B配套/供货 / A成为B的供应商 / B的配套企业A;
  A、B 2家零部件厂商 next to a 链主 (链主+配套): suppliers of the leader the sentence
  names, else of the document's leader of that industry
- invests_in (funds too): A投资/注资/出资/领投/资助B; A出资设立的B基金; B基金…由A发起设立
- member_of: see membership.py
- established: a platform or institute 成立/揭牌/挂牌/启用 with the date of the sentence
- member_of (alliances): A牵头组建的X联盟, A、B共同发起成立X联合体
- located_in (events): X在北京举办, 某区在某园召开X: the venue of an event
- part_of: 某部新闻发言人、某司司长 (a department in a speaker's title, after its ministry);
  某集团旗下的A (a group's own firms, bases and labs)

The trigger words, cues and argument types are data (patterns.yaml); this
module says how each pattern binds the names around its trigger.
"""

from __future__ import annotations

from dataclasses import dataclass

from innoatlas.documents.model import Document
from innoatlas.extract.model import EntityMention, RelationRecord
from innoatlas.extract.relations.cooperation import cooperation_pairs
from innoatlas.extract.relations.sentences import (
    ORG_TYPES,
    Sentence,
    free_match,
    make_relation,
    relation_patterns,
    runs,
)

_P = relation_patterns()
_LEADER = _P["chain_leader"].trigger
_SUPPLY = _P["supplier_list"].cue("role_word")
_INVEST = _P["investment"].trigger
_ESTABLISH = _P["established"].trigger
_DATE = _P["established"].cue("date")
ESTABLISHED_TYPES = _P["established"].subject_types


def find_pattern_relations(doc: Document, sentences: list[Sentence]) -> list[RelationRecord]:
    out = []
    pending: list[SupplierGroup] = []
    for sent in sentences:
        orgs = [m for m in sent.mentions if m.type in ORG_TYPES]
        groups = supplier_groups(sent)
        suppliers = {id(m) for g in groups for m in g}
        leaders = [r for r in _chain_leaders(sent) if id(r[0]) not in suppliers]
        supplied, left = _sentence_suppliers(sent, leaders, groups)
        pending += left
        out += [make_relation(doc, a, p, b) for a, p, b in cooperation_pairs(sent, orgs)]
        out += [make_relation(doc, a, p, b, *_leader_span(sent, a, b)) for a, p, b in leaders]
        out += [make_relation(doc, a, p, b) for a, p, b in supplied]
        out += [make_relation(doc, a, p, b) for a, p, b in _supplies(sent, orgs)]
        out += [make_relation(doc, a, p, b) for a, p, b in _classified_firms(sent)]
        out += [make_relation(doc, a, p, b) for a, p, b in _investment(sent, orgs)]
        out += [make_relation(doc, a, p, b) for a, p, b in _founded_by(sent, orgs)]
        out += [make_relation(doc, a, p, b) for a, p, b in _title_departments(sent)]
        out += [make_relation(doc, a, p, b) for a, p, b in _subsidiaries(sent)]
        out += [make_relation(doc, a, p, b) for a, p, b in _units_after_parent(sent)]
        out += _established(doc, sent)
        out += [make_relation(doc, a, p, b) for a, p, b in _event_venues(sent)]
        out += [make_relation(doc, a, p, b) for a, p, b in _alliance_founders(sent)]
    for group in pending:
        out += _supplied_leader(doc, sentences, out, group)
    return out


_VENUE = _P["event_venue"]
_HELD = _VENUE.trigger
_EVENT = _VENUE.cue("event")
_VENUE_BEFORE = _VENUE.cue("venue_before")


def _event_venues(sent: Sentence):
    """X在北京举办, 某区在某园召开X: an event sits where its clause says it is held (a place that
    holds it, 某市举办X, is its organiser: the gold links none of 22 such)."""
    out = []
    places = [m for m in sent.mentions if m.type in _VENUE.object_types]
    events = [m for m in sent.mentions if m.type in _VENUE.subject_types and _EVENT.search(m.norm_name)]
    if not events:
        return out
    for p in places:
        if sent.text[p.start - sent.start - 1 : p.start - sent.start] != "在":
            continue
        held = _HELD.match(sent.text[p.end - sent.start : p.end - sent.start + MAX_HELD_CHARS])
        if held:
            event = _event_before(sent, events, p) or _event_after(sent, events, p.end + held.end())
            if event is not None:
                out.append((event, "located_in", p))
    return out


def _event_before(sent: Sentence, events: list[EntityMention], p: EntityMention) -> EntityMention | None:
    before = [e for e in events if e.end <= p.start and not sent.boundary_between(e.end, p.start)]
    if before and _VENUE_BEFORE.match(sent.between(before[-1], p)):
        return before[-1]
    return None


def _event_after(sent: Sentence, events: list[EntityMention], pos: int) -> EntityMention | None:
    """某区在某园召开X: the event the verb of holding takes as its object, in the same clause."""
    after = [e for e in events if e.start >= pos and not sent.boundary_between(pos, e.start)]
    return after[0] if after and after[0].start - pos <= MAX_EVENT_OFFSET else None


# The longest opening of a verb of holding (adverbs included: 于23日下午 stands before 在).
MAX_HELD_CHARS = 12
# How far after the verb of holding its object may start (2024年项目推进会 opens on its year).
MAX_EVENT_OFFSET = 6


_FOUNDERS = _P["alliance_founders"]
_FOUNDING_VERB = _FOUNDERS.trigger
_ALLIANCE = _FOUNDERS.cue("alliance")


def _alliance_founders(sent: Sentence):
    """A、B共同牵头组建的X联盟: every body of the run before the verb founds the alliance after it."""
    bodies = [m for m in sent.mentions if m.type in _FOUNDERS.subject_types]
    out = []
    for alliance in sent.mentions:
        if alliance.type not in _FOUNDERS.object_types or not _ALLIANCE.search(alliance.norm_name):
            continue
        before = runs(sent, [b for b in bodies if b.end <= alliance.start])
        if before and _FOUNDING_VERB.match(sent.between(before[-1][-1], alliance)):
            out += [(b, "member_of", alliance) for b in before[-1]]
    return out


_CLASS_HEAD = _P["classified_firms"].trigger
_CLASS_CLOSING = _P["classified_firms"].cue("closing")
_APPOSED = _P["classified_firms"].cue("apposed")


def _classified_firms(sent: Sentence):
    """A、B等X企业: the industry between 等 and 企业 is the trade of every firm of the list."""
    out = []
    for i, ind in enumerate(sent.mentions):
        if ind.type != "industry":
            continue
        firm = sent.mentions[i + 1] if i + 1 < len(sent.mentions) else None
        if firm is not None and firm.type == "enterprise" and _APPOSED.fullmatch(sent.between(ind, firm)):
            out.append((firm, "focuses_on", ind))  # 智慧储能企业某某: the kind before one firm's name
            continue
        if not _CLASS_HEAD.match(sent.text[ind.end - sent.start :]):
            continue
        closing = _CLASS_CLOSING.search(
            sent.text[max(0, ind.start - sent.start - 6) : ind.start - sent.start]
        )
        if closing is None:
            continue
        firms = [m for m in sent.mentions if m.type == "enterprise" and m.end <= ind.start]
        group = runs(sent, firms)[-1] if firms else []
        # the list ends at the 等: nothing but the closing word between its last firm and the industry
        if group and group[-1].end == ind.start - len(closing.group()):
            out += [(f, "focuses_on", ind) for f in group]
    return out


def _related_industry(a: str, b: str) -> bool:
    """新能源汽车 and 智能网联新能源汽车 name one chain: one contains the other."""
    return a in b or b in a


def _supplied_leader(
    doc: Document, sentences: list[Sentence], found: list[RelationRecord], group: SupplierGroup
) -> list[RelationRecord]:
    """链主+配套 without the leader's name: the leader is the document's chain leader of the
    same industry (none when the document names none)."""
    leader = _leader_named_elsewhere(sentences, found, group)
    if leader is None:
        return []
    out = [make_relation(doc, s, "supplies", leader, group.start, group.end) for s in group.suppliers]
    if group.industry is not None:
        out.append(make_relation(doc, leader, "chain_leader_of", group.industry, group.start, group.end))
    return out


def _leader_named_elsewhere(
    sentences: list[Sentence], found: list[RelationRecord], group: SupplierGroup
) -> EntityMention | None:
    if group.industry is None:
        return None
    names = {
        r.subject
        for r in found
        if r.predicate == "chain_leader_of" and _related_industry(r.object, group.industry.name)
    } - {s.name for s in group.suppliers}
    for sent in sentences:
        for m in sent.mentions:
            if m.name in names:
                return m
    return None


def _chain_leaders(sent: Sentence):
    """A、B等龙头 …, A是X链主, X龙头——A: the firms lead the industry."""
    hit = free_match(_LEADER, sent)
    if hit is None:
        return []
    pos, hit_end = sent.start + hit.start(), sent.start + hit.end()
    firms = _leaders_before(sent, pos) or _leaders_after(sent, hit_end)
    if not firms:
        return []
    industry = _led_industry(sent, firms, pos, hit_end)
    return [(f, "chain_leader_of", industry) for f in firms] if industry else []


def _leader_span(sent: Sentence, firm: EntityMention, industry: EntityMention) -> tuple[int, int]:
    """From the first to the last of the firm, its industry and the leader word nearest the firm."""
    hits = [sent.start + h.start() for h in _LEADER.finditer(sent.text)]
    word = min(hits, key=lambda p: abs(p - firm.start))
    word_end = word + _LEADER.match(sent.text, word - sent.start).end() - (word - sent.start)
    return min(firm.start, industry.start, word), max(firm.end, industry.end, word_end)


def _leaders_before(sent: Sentence, pos: int) -> list[EntityMention]:
    """A、B等龙头: the run of firms in the leader word's clause, before it."""
    firms = [m for m in sent.mentions if m.type == "enterprise" and m.end <= pos]
    group = runs(sent, firms)[-1] if firms else []  # the run nearest the leader word
    if group and sent.boundary_between(group[-1].end, pos):
        return []
    return group


# X龙头——A, 链主企业如A: the firm named right after the leader word.
_LEADER_TO_NAME = _P["chain_leader"].cue("to_name")


def _leaders_after(sent: Sentence, hit_end: int) -> list[EntityMention]:
    firms = [m for m in sent.mentions if m.type == "enterprise" and m.start >= hit_end]
    if not firms:
        return []
    gap = sent.text[hit_end - sent.start : firms[0].start - sent.start]
    if not _LEADER_TO_NAME.match(gap) and not (_AS_ROLE_GAP.match(gap) and _opens_as_role(sent, hit_end)):
        return []
    return runs(sent, firms)[0]


# 作为X链主企业，A…: a clause opened by 作为 names the role of the subject after it.
_AS_ROLE_GAP = _P["chain_leader"].cue("as_role_gap")


def _opens_as_role(sent: Sentence, pos: int) -> bool:
    before = sent.text[: pos - sent.start]
    start = max(before.rfind(c) for c in ",，;；:：") + 1
    return before[start:].startswith("作为")


# 在X方面, X领域: the industry a sentence opens with frames all it says.
_FRAME_AFTER = _P["chain_leader"].cue("frame_after")
MAX_FRAME_OFFSET = _P["chain_leader"].params["max_frame_offset"]


def _led_industry(sent: Sentence, firms: list[EntityMention], pos: int, hit_end: int) -> EntityMention | None:
    industries = [m for m in sent.mentions if m.type == "industry"]
    first, last = min(firms[0].start, pos), max(firms[-1].end, hit_end)
    if firms[0].start >= hit_end and _opens_as_role(sent, pos):
        first = sent.start + max(sent.text.rfind(c, 0, pos - sent.start) for c in ",，;；:：") + 1
    between = [m for m in industries if first <= m.start and m.end <= last]
    if between:
        return between[-1]  # A是X链主, X龙头——A
    frame = [
        m
        for m in industries
        if m.start - sent.start <= MAX_FRAME_OFFSET and _FRAME_AFTER.match(sent.text[m.end - sent.start :])
    ]
    if frame:
        return frame[0]
    before = [m for m in industries if m.end <= first]
    if before:
        return before[-1]
    framed = _AS_LEADER.search(sent.text[: firms[0].start - sent.start]) is not None
    after = [
        m
        for m in industries
        if m.start >= hit_end and (framed or not sent.boundary_between(hit_end, m.start))
    ]
    return after[0] if after else None


# 以A为龙头,打造X产业集群: the leader a place builds an industry around, named before the industry.
_AS_LEADER = _P["chain_leader"].cue("as_leader")


# Words after a list of firms that make them suppliers: 两家零部件上市公司, 等配套企业, 供应商.
_SUPPLIER_TAIL = _P["supplier_list"].trigger
# Roles that say supplier on their own; a parts maker (零部件…企业) needs a chain leader in the sentence too.
_SUPPLIER_ROLE = _P["supplier_list"].cue("role")
# B的配套企业A, B的核心供应商A: the role between the client and the supplier.
_CLIENT_ROLE = _P["client_role"].trigger
# A成为B的供应商, A是B的配套商: the role after the client.
_ROLE_AFTER_CLIENT = _P["supplier_of_client"].trigger
_BECOMES = _P["supplier_of_client"].cue("becomes")
# A为B配套, A为B供货, A为B提供零部件, A向B供货.
_SERVES_CLIENT = _P["supplies_for_client"].cue("serves")
_SUPPLY_VERB = _P["supplies_for_client"].trigger


@dataclass
class SupplierGroup:
    """Firms a sentence names as suppliers of a chain leader it does not name (链主+优质配套)."""

    suppliers: list[EntityMention]
    industry: EntityMention | None
    start: int  # the span that states the roles, for the quote
    end: int


def _supplies(sent: Sentence, orgs: list[EntityMention]):
    """Explicit supplier statements between two named firms."""
    firms = [m for m in orgs if m.type == "enterprise"]
    out = []
    for a, b in zip(firms, firms[1:], strict=False):
        gap = sent.between(a, b).strip()
        after_b = sent.text[b.end - sent.start :]
        if _SERVES_CLIENT.match(gap) and _SUPPLY_VERB.match(after_b):
            out.append((a, "supplies", b))  # 甲为乙配套
        elif _BECOMES.match(gap) and _ROLE_AFTER_CLIENT.match(after_b):
            out.append((a, "supplies", b))  # 甲成为乙的供应商
        elif _CLIENT_ROLE.match(gap):
            out.append((b, "supplies", a))  # 乙的配套企业甲
    return out


def supplier_groups(sent: Sentence) -> list[list[EntityMention]]:
    """Runs of firms followed by a supplier role (甲、乙两家零部件厂商), when the sentence
    makes them suppliers: the role says 配套/供应 itself, or a chain leader is in the sentence."""
    firms = [m for m in sent.mentions if m.type == "enterprise"]
    groups = []
    for run in runs(sent, firms):
        tail = _SUPPLIER_TAIL.match(sent.text[run[-1].end - sent.start :])
        if tail is None:
            continue
        if _SUPPLIER_ROLE.search(tail.group(0)) or free_match(_LEADER, sent) is not None:
            groups.append(run)
    return groups


def _sentence_suppliers(sent: Sentence, leaders: list[tuple], groups: list[list[EntityMention]]):
    """Suppliers of the chain leader the same sentence names, else a group left for the document."""
    named = [a for a, _p, _b in leaders]
    pending = []
    out = []
    for group in groups:
        if named:
            out += [(s, "supplies", leader) for s in group for leader in named]
        else:
            industry = _sentence_industry(sent, group)
            end = max(group[-1].end, industry.end if industry else 0, _role_end(sent, group))
            start = min(group[0].start, industry.start if industry else group[0].start)
            pending.append(SupplierGroup(group, industry, start, end))
    return out, pending


def _role_end(sent: Sentence, group: list[EntityMention]) -> int:
    """End of the last role word (链主, 配套, 零部件厂商) of the sentence after the group."""
    ends = [group[-1].end]
    for pattern in (_LEADER, _SUPPLY):
        for hit in pattern.finditer(sent.text):
            ends.append(sent.start + hit.end())
    return max(ends)


def _sentence_industry(sent: Sentence, group: list[EntityMention]) -> EntityMention | None:
    """The industry the sentence is about: the first one outside the suppliers' own trade."""
    industries = [m for m in sent.mentions if m.type == "industry"]
    own = group[-1].end
    tail = _SUPPLIER_TAIL.match(sent.text[own - sent.start :])
    own_end = own + (tail.end() if tail else 0)  # 两家电池零部件厂商: the trade named in the role
    others = [m for m in industries if not (own <= m.start and m.end <= own_end)]
    return others[0] if others else None


def _investment(sent: Sentence, orgs: list[EntityMention]):
    hit = free_match(_INVEST, sent)  # not the 投资 of a name (某某风险投资有限公司)
    if hit is None:
        return []
    pos = sent.start + hit.start()
    pattern = _P["investment"]
    investors = [m for m in orgs if m.end <= pos and m.type in pattern.subject_types]
    targets = [m for m in orgs if m.start >= pos + len(hit.group(0)) and m.type in pattern.object_types]
    if investors and targets and not sent.boundary_between(investors[-1].end, targets[0].start):
        return [(investors[-1], "invests_in", targets[0])]
    return _funding_received(sent, orgs)


_FUNDED = _P["funding_received"]


def _funding_received(sent: Sentence, orgs: list[EntityMention]):
    """B获得A的投资; B完成2亿元融资,由A领投,C跟投: the funded body is named first, the investors
    after it (in its clause after 获得, or after 由 and before a funding verb in the next)."""
    raised = _FUNDED.trigger.search(sent.text)
    if raised is None:
        return []
    at = sent.start + raised.start()
    funded = [m for m in orgs if m.end <= at and m.type in _FUNDED.object_types]
    if not funded or sent.boundary_between(funded[-1].end, at):
        return []
    out = []
    for m in orgs:
        if m.start <= at or m.type not in _FUNDED.subject_types:
            continue
        after = sent.text[m.end - sent.start :]
        if not _FUNDED.cue("by_investor").match(after):
            continue
        clause = max(e + 1 for e in sent.clause_ends + [sent.start - 1] if e < m.start)
        own = not sent.boundary_between(at, m.start)
        if own or _FUNDED.cue("later_clause").match(sent.text[clause - sent.start :]):
            out.append((m, "invests_in", funded[-1]))
    return out


_SUBSIDIARY = _P["subsidiary"]


def _subsidiaries(sent: Sentence):
    """某集团旗下(的)A、B: the firms, bases and labs listed right after 旗下 belong to the group."""
    out = []
    for i, owner in enumerate(sent.mentions):
        if owner.type not in _SUBSIDIARY.object_types:
            continue
        after = [m for m in sent.mentions[i + 1 :] if m.type in _SUBSIDIARY.subject_types]
        if after and _SUBSIDIARY.trigger.fullmatch(sent.between(owner, after[0])):
            out += [(m, "part_of", owner) for m in runs(sent, after)[0]]
    return out


_UNIT = _P["unit_after_parent"]


def _units_after_parent(sent: Sentence):
    """某大学“转化门诊”, 某创新中心现代兵器实验室: a lab or centre written right after a body, with
    nothing between them, is that body's unit."""
    out = []
    for a, b in zip(sent.mentions, sent.mentions[1:], strict=False):
        if a.type in _UNIT.object_types and b.type in _UNIT.subject_types and a.end <= b.start:
            if _UNIT.trigger.fullmatch(sent.between(a, b)) and not b.norm_name.startswith(a.norm_name):
                out.append((b, "part_of", a))
    return out


_TITLE = _P["department_in_title"]


def _title_departments(sent: Sentence):
    """某部新闻发言人、某司司长张三: the department of a speaker's title named right after its
    ministry (and a title of the ministry) is part of that ministry."""
    bodies = [m for m in sent.mentions if m.type in _TITLE.object_types]
    out = []
    for parent, dept in zip(bodies, bodies[1:], strict=False):
        if dept.type not in _TITLE.subject_types or not _TITLE.trigger.fullmatch(sent.between(parent, dept)):
            continue
        if _TITLE.cue("title_after").match(sent.text[dept.end - sent.start :]):
            out.append((dept, "part_of", parent))
    return out


def _established(doc: Document, sent: Sentence) -> list[RelationRecord]:
    hit = _ESTABLISH.search(sent.text)
    date = _DATE.search(sent.text)
    if hit is None or date is None:
        return []
    subjects = [
        m
        for m in sent.mentions
        if m.type in ESTABLISHED_TYPES and m.start < sent.start + hit.start() and m.extractor != "anaphor"
    ]
    if not subjects:
        return []
    bodies = [m for m in subjects if m.type != "zone"]  # 某研究院在某高新区揭牌: the body, not its zone
    subj = (bodies or subjects)[-1]
    d_start, d_end = sent.start + date.start(), sent.start + date.end()
    s, e = min(subj.start, d_start), max(subj.end, sent.start + hit.end(), d_end)
    return [
        RelationRecord(
            subj.name,
            "established",
            doc.original_text(d_start, d_end),
            doc.original_text(s, e),
            s,
            e,
            subj.type,
            None,
        )
    ]


_FOUNDED = _P["founded_by"]


def _founded_by(sent: Sentence, orgs: list[EntityMention]):
    """A、B基金落户某地,由C发起设立; 某基金由C和D共同设立: the founders after 由 fund the last run of
    funds named before it in the sentence."""
    for i, m in enumerate(orgs):
        if m.type not in _FOUNDED.subject_types or not _FOUNDED.cue("agent").search(
            sent.text[: m.start - sent.start]
        ):
            continue
        founders = runs(sent, [f for f in orgs[i:] if f.type in _FOUNDED.subject_types])[0]
        verb = sent.text[founders[-1].end - sent.start :]
        said = _FOUNDED.trigger.match(verb)
        if not said:
            return []
        # 某研究院由A和B共同出资组建: a body other than a fund is funded when money is put in
        funded = _FOUNDED.object_types if _FOUNDED.cue("funded").match(verb) else {"investor"}
        funds = [f for f in orgs[:i] if f.type in funded]
        after = founders[-1].end + said.end()
        if not funds and sent.text.startswith("的", after - sent.start):
            # 由A牵头设立的B基金: the fund the relative clause describes comes right after it
            funds = [f for f in orgs if f.start == after + 1 and f.type in funded]
        if not funds:
            return []
        return [(founder, "invests_in", fund) for founder in founders for fund in runs(sent, funds)[-1]]
    return []
