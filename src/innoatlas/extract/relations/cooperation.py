"""Cooperation stated inside one sentence (cooperates_with).

A与/和/同B + 合作/共建/签约/签订/携手/联合/对接; A携手B, A联合B、C; A与B、C签约 (B and C
partners of A only); a body's team for the body (某学院张三教授团队与B对接); a
clause that leaves its subject out (A…,已与B签署); 双方合作 (the two firms);
重庆、成都、某集团三方 (a counted run of parties). The trigger words and cues
are data (patterns.yaml: cooperation, both_parties, counted_parties).
"""

from __future__ import annotations

import re

from innoatlas.extract.model import EntityMention
from innoatlas.extract.relations.sentences import Sentence, joined_group, relation_patterns, runs

_P = relation_patterns()
_COOP = _P["cooperation"].trigger


def cooperation_pairs(sent: Sentence, orgs: list[EntityMention]):
    """Every (A, cooperates_with, B) of the sentence: joined parties, both parties, counted parties;
    a place that only says where the counted bodies it qualifies are (与某市多个机构签约) is none."""
    found = _cooperation(sent, orgs) + _mutual(sent) + _counted_parties(sent, orgs)
    return [(a, p, b) for a, p, b in found if not (_qualifies_bodies(sent, a) or _qualifies_bodies(sent, b))]


def _qualifies_bodies(sent: Sentence, m: EntityMention) -> bool:
    return m.type in ("region", "zone") and bool(_PLACE_OF_BODIES.match(sent.text[m.end - sent.start :]))


# 某市多个机构, 某地3家企业: a count of bodies right after a place names the bodies, not the place.
_PLACE_OF_BODIES = _P["cooperation"].cue("place_of_bodies")


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
        out += _cooperation_at(sent, own, hit, orgs) if own else []
    return out


def _ends_after(m: EntityMention, sent: Sentence, t_pos: int) -> bool:
    """m stands after the trigger in a later clause."""
    return m.start > t_pos and sent.boundary_between(t_pos, m.start)


def _cooperation_at(
    sent: Sentence, orgs: list[EntityMention], trigger: re.Match, everyone: list[EntityMention] | None = None
):
    """The pairs one trigger states among `orgs` (its own clause's parties); `everyone` holds
    the sentence's parties, of which the clause before may give the subject a clause leaves out."""
    everyone = everyone or orgs
    if len(everyone) < 2 and not _PARTNER_AFTER.fullmatch(trigger.group(0)):
        return []
    t_pos = sent.start + trigger.start()
    group = joined_group(sent, [m for m in orgs if m.end <= t_pos] or orgs)
    if _PARTNER_AFTER.fullmatch(trigger.group(0)) and len(group) < 2:
        t_end = t_pos + len(trigger.group(0))
        after = [m for m in orgs if m.start >= t_end]
        # 携手B: B right after the verb; 联合打造B: B is what is built, not a partner
        if (
            group
            and after
            and _PARTNER_GAP.fullmatch(sent.text[t_end - sent.start : after[0].start - sent.start])
        ):
            partners = _run_from(sent, after)
            if (
                len(partners) > 1
            ):  # 联合B、C: B and C are partners of the one before the verb, not of each other
                return [(group[0], "cooperates_with", m) for m in partners]
            group = group + partners
    if len(group) < 2:
        return _team_partners(sent, orgs, t_pos) or _omitted_subject(sent, everyone, t_pos)
    actor = _actor_of_clause_before(sent, everyone, group[0])
    if actor is not None and not sent.boundary_between(group[-1].end, t_pos):
        return [(actor, "cooperates_with", m) for m in group]  # A举行签约仪式,与B、C等N家企业签约
    if _OBJECT_OF_WITH.search(sent.text[: group[0].start - sent.start]):
        return []  # 我校加大与A、B、C的合作: the partners of a party the text does not name, not each other's
    joined = any(_COOP_WORD.search(sent.between(a, b)) for a, b in zip(group, group[1:], strict=False))
    plain_list_first = group[-1].end <= t_pos and _TRIGGER_RIGHT_AFTER.match(
        sent.text[group[-1].end - sent.start : trigger.start()]
    )
    if not joined and not plain_list_first:
        return []  # a plain list (A、B) cooperates only when the trigger follows it (A、B联合打造)
    pairs = _listed_pairs(sent, group)
    if pairs:  # A与B、C与D的项目签约: each pair signs its own
        return pairs
    sides = _two_sides(sent, group)
    if sides is not None:  # A、B分别与C签约: each of A and B with C, not A with B
        return [(a, "cooperates_with", b) for a in sides[0] for b in sides[1]]
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


def _run_from(sent: Sentence, after: list[EntityMention]) -> list[EntityMention]:
    """联合B、C、D等单位: the partners after the verb are the list that opens with the first of them."""
    run = joined_group(sent, after)
    return run if run and run[0] is after[0] else after[:1]


def _team_partners(sent: Sentence, orgs: list[EntityMention], t_pos: int):
    """某学院张三教授团队与B公司成功对接: a body's team cooperating stands for the body."""
    before = [m for m in orgs if m.end <= t_pos]
    for a, b in zip(before, before[1:], strict=False):
        if _TEAM_JOIN.fullmatch(sent.between(a, b)) and not sent.boundary_between(b.end, t_pos):
            return [(a, "cooperates_with", b)]
    return []


# The team of a body named before its partner (某大学张三教授团队与B): 团队, 课题组 and 与.
_TEAM_JOIN = _P["cooperation"].cue("team_join")


def _actor_of_clause_before(sent: Sentence, orgs: list[EntityMention], first: EntityMention):
    """The party the clause before names, when the clause of `first` opens with adverbs and 与
    before it: a clause that leaves out its subject has the subject of the clause before."""
    clause_start = max([e + 1 for e in sent.clause_ends if e < first.start], default=sent.start)
    opening = sent.text[clause_start - sent.start : first.start - sent.start]
    if clause_start == sent.start or not _CLAUSE_PARTNER.match(opening):
        return None
    before = [m for m in orgs if m.end <= clause_start and _heads_clause(sent, m)]
    return before[-1] if before else None


def _heads_clause(sent: Sentence, m: EntityMention) -> bool:
    """m is the subject of its clause: nothing but adverbs, a time or the clause's start stands
    before it (A在1月,已与B签署; not 与A、B联合培养 or 对接A、B, where A is a partner or an object)."""
    starts = [e + 1 for e in sent.clause_ends if e < m.start]
    clause_start = max(starts, default=sent.start)
    return bool(_SUBJECT_HEAD.fullmatch(sent.text[clause_start - sent.start : m.start - sent.start]))


# What may stand before the subject of a clause: adverbs and a time (其中, 近年来, 3月5日).
_SUBJECT_HEAD = _P["cooperation"].cue("subject_head")


def _omitted_subject(sent: Sentence, orgs: list[EntityMention], t_pos: int):
    """A在1月11日,已与B签署合作协议: a clause that opens with 与 B has the actor of the clause
    before it as its subject, when no other party stands between them."""
    partners = [m for m in orgs if m.end <= t_pos and not sent.boundary_between(m.end, t_pos)]
    if not partners:
        return []
    actor = _actor_of_clause_before(sent, orgs, partners[0])
    return [(actor, "cooperates_with", partners[0])] if actor is not None else []


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
# 与A、B: a run that opens after 与 is the partners of whoever comes before it.
_OBJECT_OF_WITH = _P["cooperation"].cue("with_before")


# A、B分别与C, A、B等10个项目代表与C: the bodies before it sign each on its own with C.
_EACH_SIDE = re.compile(r"分别|^等(?:\d+|[一二两三四五六七八九十]+)(?:个|家)")


def _two_sides(sent: Sentence, group: list[EntityMention]):
    """A、B分别与C、D: the parties before 分别与 and those after it, each with each of the other side."""
    joins = [sent.between(a, b).strip() for a, b in zip(group, group[1:], strict=False)]
    with_at = [i for i, j in enumerate(joins) if _HEAD_JOIN.match(j)]
    if len(with_at) != 1 or with_at[0] == 0 or not _EACH_SIDE.search(joins[with_at[0]]):
        return None  # A、B与C签约 without 分别: the three sign one agreement, each with each
    k = with_at[0]
    if not all(j in ("、", "和", "及") for i, j in enumerate(joins) if i != k):
        return None
    return group[: k + 1], group[k + 1 :]


def _listed_pairs(sent: Sentence, group: list[EntityMention]):
    """A与B、C与D: a list of pairs, each joined by 与 (和, 同) and set off from the next by 、."""
    joins = [sent.between(a, b).strip() for a, b in zip(group, group[1:], strict=False)]
    if len(group) < 4 or len(group) % 2:
        return []
    pairs_joined = all(j in _PAIR_JOIN for j in joins[::2]) and all(j == "、" for j in joins[1::2])
    if not pairs_joined:
        return []
    return [(a, "cooperates_with", b) for a, b in zip(group[::2], group[1::2], strict=False)]


_PAIR_JOIN = frozenset({"与", "和", "同"})


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
