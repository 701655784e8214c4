"""Trigger patterns for relations stated inside one sentence.

- cooperates_with: A与/和/同B + 合作/共建/签约/签订/携手/联合/对接; A携手B;
  A与B、C签约 (B and C partners of A only); 双方合作 (the two firms)
- chain_leader_of: A、B等龙头/链主 + an industry in the sentence; A是…X链主;
  X龙头——A; 在X方面,…涌现出A、B等龙头 (the framing industry)
- supplies: A为B配套/供货 / A成为B的供应商 / B的配套企业A;
  A、B 2家零部件厂商 next to a 链主 (链主+配套): suppliers of the leader the sentence
  names, else of the document's leader of that industry
- invests_in (funds too): A投资/注资/出资/领投/资助B; A出资设立的B基金; B基金…由A发起设立
- member_of: see membership.py
- established: a platform or institute 成立/揭牌/挂牌/启用 with the date of the sentence
- part_of: 某部新闻发言人、某司司长 (a department in a speaker's title, after its ministry);
  某集团旗下的A (a group's own firms, bases and labs)

The trigger words, cues and argument types are data (patterns.yaml); this
module says how each pattern binds the names around its trigger.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from innoatlas.documents.model import Document
from innoatlas.extract.model import EntityMention, RelationRecord
from innoatlas.extract.patterns import Pattern, cached_pattern_file


def relation_patterns() -> dict[str, Pattern]:
    """The patterns of patterns.yaml, by name (loaded once)."""
    return cached_pattern_file("innoatlas.extract.relations", "patterns.yaml")


_P = relation_patterns()
_SENTENCE_END = re.compile(r"[。!?！？\n]")
_CLAUSE_END = re.compile(r"[,，;；:：]")
_COOP = _P["cooperation"].trigger
_COOP_JOIN = _P["cooperation"].cue("join")
_COOP_TENSE = _P["cooperation"].cue("tense")
_LEADER = _P["chain_leader"].trigger
_SUPPLY = _P["supplier_list"].cue("role_word")
_INVEST = _P["investment"].trigger
_ESTABLISH = _P["established"].trigger
_DATE = _P["established"].cue("date")
ORG_TYPES = _P["cooperation"].subject_types
ESTABLISHED_TYPES = _P["established"].subject_types


def make_relation(
    doc: Document,
    a: EntityMention,
    predicate: str,
    b: EntityMention,
    start: int | None = None,
    end: int | None = None,
) -> RelationRecord:
    s = min(a.start, b.start) if start is None else start
    e = max(a.end, b.end) if end is None else end
    return RelationRecord(a.name, predicate, b.name, doc.original_text(s, e), s, e, a.type, b.type)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    mentions: list[EntityMention] = field(default_factory=list)
    clause_ends: list[int] = field(default_factory=list)

    def boundary_between(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.clause_ends, a)
        return i < len(self.clause_ends) and self.clause_ends[i] < b

    def between(self, a: EntityMention, b: EntityMention) -> str:
        return self.text[a.end - self.start : b.start - self.start]


def split_sentences(norm: str, mentions: list[EntityMention]) -> list[Sentence]:
    sentences = []
    pos = 0
    for m in _SENTENCE_END.finditer(norm + "\n"):
        if m.start() > pos:
            text = norm[pos : m.start()]
            ends = [pos + c.start() for c in _CLAUSE_END.finditer(text)]
            sentences.append(Sentence(pos, m.start(), text, clause_ends=ends))
        pos = m.end()
    starts = [s.start for s in sentences]
    for mention in mentions:
        i = bisect.bisect_right(starts, mention.start) - 1
        if i >= 0 and mention.end <= sentences[i].end:
            sentences[i].mentions.append(mention)
    return sentences


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
        coop = _cooperation(sent, orgs) + _mutual(sent) + _counted_parties(sent, orgs)
        out += [make_relation(doc, a, p, b) for a, p, b in coop]
        out += [make_relation(doc, a, p, b, *_leader_span(sent, a, b)) for a, p, b in leaders]
        out += [make_relation(doc, a, p, b) for a, p, b in supplied]
        out += [make_relation(doc, a, p, b) for a, p, b in _supplies(sent, orgs)]
        out += [make_relation(doc, a, p, b) for a, p, b in _investment(sent, orgs)]
        out += [make_relation(doc, a, p, b) for a, p, b in _founded_by(sent, orgs)]
        out += [make_relation(doc, a, p, b) for a, p, b in _title_departments(sent)]
        out += [make_relation(doc, a, p, b) for a, p, b in _subsidiaries(sent)]
        out += [make_relation(doc, a, p, b) for a, p, b in _units_after_parent(sent)]
        out += _established(doc, sent)
    for group in pending:
        out += _supplied_leader(doc, sentences, out, group)
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


def _cooperation(sent: Sentence, orgs: list[EntityMention]):
    """A与B…合作: A and every org joined to it by 与/和/、 before the trigger. The first trigger
    of a sentence binds the parties before it; each later one only those of its own clause
    (甲与乙签约,丙携手丁: two pairs)."""
    hits = _free_matches(_COOP, sent)
    if not hits or len(orgs) < 2:
        return []
    out = _cooperation_at(sent, orgs, hits[0])
    for hit in hits[1:]:
        t_pos = sent.start + hit.start()
        own = [m for m in orgs if not sent.boundary_between(m.end, t_pos) and not _ends_after(m, sent, t_pos)]
        out += _cooperation_at(sent, own, hit) if own else []
    return out


def _ends_after(m: EntityMention, sent: Sentence, t_pos: int) -> bool:
    """m stands after the trigger in a later clause."""
    return m.start > t_pos and sent.boundary_between(t_pos, m.start)


def _cooperation_at(sent: Sentence, orgs: list[EntityMention], trigger: re.Match):
    if len(orgs) < 2 and not _PARTNER_AFTER.fullmatch(trigger.group(0)):
        return []
    t_pos = sent.start + trigger.start()
    group = _joined_group(sent, [m for m in orgs if m.end <= t_pos] or orgs)
    if _PARTNER_AFTER.fullmatch(trigger.group(0)) and len(group) < 2:
        t_end = t_pos + len(trigger.group(0))
        after = [m for m in orgs if m.start >= t_end]
        # 携手B: B right after the verb; 联合打造B: B is what is built, not a partner
        if (
            group
            and after
            and _PARTNER_GAP.fullmatch(sent.text[t_end - sent.start : after[0].start - sent.start])
        ):
            group = group + [after[0]]
    if len(group) < 2:
        return _team_partners(sent, orgs, t_pos) or _omitted_subject(sent, orgs, t_pos)
    joined = any(_COOP_WORD.search(sent.between(a, b)) for a, b in zip(group, group[1:], strict=False))
    plain_list_first = group[-1].end <= t_pos and _TRIGGER_RIGHT_AFTER.match(
        sent.text[group[-1].end - sent.start : trigger.start()]
    )
    if not joined and not plain_list_first:
        return []  # a plain list (A、B) cooperates only when the trigger follows it (A、B联合打造)
    head = group[0]
    star = [(head, "cooperates_with", other) for other in group[1:]]
    if _partners_of_head(sent, group):
        return star
    return star + [
        (a, "cooperates_with", b)
        for i, a in enumerate(group[1:], 1)
        for b in group[i + 1 :]
        if len(group) <= 4
    ]


def _team_partners(sent: Sentence, orgs: list[EntityMention], t_pos: int):
    """某学院张三教授团队与B公司成功对接: a body's team cooperating stands for the body."""
    before = [m for m in orgs if m.end <= t_pos]
    for a, b in zip(before, before[1:], strict=False):
        if _TEAM_JOIN.fullmatch(sent.between(a, b)) and not sent.boundary_between(b.end, t_pos):
            return [(a, "cooperates_with", b)]
    return []


# The team of a body named before its partner (某大学张三教授团队与B): 团队, 课题组 and 与.
_TEAM_JOIN = _P["cooperation"].cue("team_join")


def _omitted_subject(sent: Sentence, orgs: list[EntityMention], t_pos: int):
    """A在1月11日,已与B签署合作协议: a clause that opens with 与 B has the actor of the clause
    before it as its subject, when no other party stands between them."""
    partners = [m for m in orgs if m.end <= t_pos and not sent.boundary_between(m.end, t_pos)]
    if not partners:
        return []
    partner = partners[0]
    clause_start = max([e + 1 for e in sent.clause_ends if e < partner.start], default=sent.start)
    opening = sent.text[clause_start - sent.start : partner.start - sent.start]
    if clause_start == sent.start or not _CLAUSE_PARTNER.match(opening):
        return []
    before = [m for m in orgs if m.end <= clause_start]
    return [(before[-1], "cooperates_with", partner)] if before else []


# The opening of a clause whose subject is left out: adverbs and the preposition before the partner.
_CLAUSE_PARTNER = _P["cooperation"].cue("clause_partner")
_COOP_WORD = _P["cooperation"].cue("coop_word")
_PARTNER_GAP = _P["cooperation"].cue("partner_gap")
_PARTNER_AFTER = _P["cooperation"].cue("verb_with_partner")
# What may stand between a list of parties and the cooperation word that follows
# it: 两地将深度(合作), 共同(签署), nothing (联合打造).
_TRIGGER_RIGHT_AFTER = _P["cooperation"].cue("right_after")
# A与B、C签约: B and C are the partners of A, not of each other.
_HEAD_JOIN = _P["cooperation"].cue("head_join")


def _partners_of_head(sent: Sentence, group: list[EntityMention]) -> bool:
    joins = [sent.between(a, b).strip() for a, b in zip(group, group[1:], strict=False)]
    return bool(_HEAD_JOIN.match(joins[0])) and all(j in ("、", "和", "及") for j in joins[1:])


# 双方协同更紧密: the two parties are the two firms the sentence names.
_BOTH_PARTIES = _P["both_parties"].trigger


def _mutual(sent: Sentence):
    hit = _BOTH_PARTIES.search(sent.text)
    if hit is None:
        return []
    firms = [
        m
        for m in sent.mentions
        if m.type in _P["both_parties"].subject_types and m.end <= sent.start + hit.start()
    ]
    names = {m.norm_name for m in firms}
    return [(firms[0], "cooperates_with", firms[-1])] if len(names) == 2 else []


_COUNTED = _P["counted_parties"]


def _counted_parties(sent: Sentence, orgs: list[EntityMention]):
    """重庆、成都、某集团三方联席: a run of parties right before 三方 (双方, 多方) and a joint act."""
    out = []
    for run in runs(sent, orgs):
        if len(run) < 2 or len(run) > MAX_PARTIES:
            continue
        if _COUNTED.trigger.match(sent.text[run[-1].end - sent.start :]):
            out += [(a, "cooperates_with", b) for i, a in enumerate(run) for b in run[i + 1 :]]
    return out


MAX_PARTIES = 4  # a longer list before 多方 is an audience, not a table of partners


def _free_matches(pattern: re.Pattern, sent: Sentence) -> list[re.Match]:
    """Every match of pattern that is not inside an entity name; the name of a signing or
    founding event (共建某研究院签约仪式) does not hide its trigger: the event is the act."""
    return [
        hit
        for hit in pattern.finditer(sent.text)
        if not any(
            m.start <= sent.start + hit.start() < m.end and not _EVENT.search(m.norm_name)
            for m in sent.mentions
        )
    ]


_EVENT = _P["cooperation"].cue("event")


def _free_match(pattern: re.Pattern, sent: Sentence) -> re.Match | None:
    """First match of pattern that is not inside an entity name (两江协同创新区 is no cooperation)."""
    for hit in pattern.finditer(sent.text):
        pos = sent.start + hit.start()
        if not any(m.start <= pos < m.end for m in sent.mentions):
            return hit
    return None


def _joined_group(sent: Sentence, orgs: list[EntityMention]) -> list[EntityMention]:
    """The longest run of orgs separated only by 与/和/同/、 (and 已, 也 before them)."""
    best: list[EntityMention] = []
    run: list[EntityMention] = []
    for m in orgs:
        if run and _COOP_JOIN.match(_COOP_TENSE.sub("", sent.between(run[-1], m)).strip()):
            run.append(m)
        else:
            run = [m]
        if len(run) > len(best):
            best = list(run)
    return best


def _chain_leaders(sent: Sentence):
    """A、B等龙头 …, A是X链主, X龙头——A: the firms lead the industry."""
    hit = _free_match(_LEADER, sent)
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
    if not firms or not _LEADER_TO_NAME.match(sent.text[hit_end - sent.start : firms[0].start - sent.start]):
        return []
    return runs(sent, firms)[0]


# 在X方面, X领域: the industry a sentence opens with frames all it says.
_FRAME_AFTER = _P["chain_leader"].cue("frame_after")
MAX_FRAME_OFFSET = _P["chain_leader"].params["max_frame_offset"]


def _led_industry(sent: Sentence, firms: list[EntityMention], pos: int, hit_end: int) -> EntityMention | None:
    industries = [m for m in sent.mentions if m.type == "industry"]
    first, last = min(firms[0].start, pos), max(firms[-1].end, hit_end)
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
        if _SUPPLIER_ROLE.search(tail.group(0)) or _free_match(_LEADER, sent) is not None:
            groups.append(run)
    return groups


def runs(sent: Sentence, firms: list[EntityMention]) -> list[list[EntityMention]]:
    """Every maximal run of firms joined by 、/与/和."""
    runs: list[list[EntityMention]] = []
    for m in firms:
        if runs and _COOP_JOIN.match(sent.between(runs[-1][-1], m).strip()):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


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
    hit = _INVEST.search(sent.text)
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
        if not _FOUNDED.trigger.match(sent.text[founders[-1].end - sent.start :]):
            return []
        funds = [f for f in orgs[:i] if f.type in _FOUNDED.object_types]
        if not funds:
            return []
        return [(founder, "invests_in", fund) for founder in founders for fund in runs(sent, funds)[-1]]
    return []
