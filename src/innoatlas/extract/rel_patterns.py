"""Trigger patterns for relations stated inside one sentence.

- cooperates_with: A与/和/同B + 合作/共建/签约/签订/携手/联合/对接; A携手B
- chain_leader_of: A、B等龙头企业/链主 + an industry in the sentence; A是…X产业的链主
- supplies: A为B配套 / A配套B / B的配套企业A
- invests_in (funds too): A投资/注资/出资/领投/资助B
- member_of: A入选/获批/纳入/加入/成为B (B a programme or alliance)
- established: a platform or institute 成立/揭牌/挂牌/启用 with the date of the sentence
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from innoatlas.documents.model import Document
from innoatlas.extract.model import EntityMention, RelationRecord

_SENTENCE_END = re.compile(r"[。!?！？\n]")
_CLAUSE_END = re.compile(r"[,，;；:：]")
_COOP = re.compile(r"合作|共建|签约|签订|签署|携手|联合|对接|牵手|联手|结对")
_COOP_JOIN = re.compile(r"^(与|和|同|跟|携手|联合|牵手|联手|、)$")
_LEADER = re.compile(r"龙头企业|链主|领军企业|头部企业|链长企业|龙头")
_SUPPLY = re.compile(r"配套")
_INVEST = re.compile(r"投资|注资|出资|领投|增资|设立基金|入股|资助|注入资金")
_MEMBER = re.compile(r"入选|获批|纳入|加入|成为|认定为|列入|被评为|获评")
_ESTABLISH = re.compile(r"成立|揭牌|挂牌|启用|投用|正式运营|开园|落成")
_DATE = re.compile(r"(19|20)\d\d年(\d{1,2}月(\d{1,2}日)?)?|\d{1,2}月\d{1,2}日")
ORG_TYPES = frozenset(
    {"region", "zone", "university", "institute", "platform", "enterprise", "government", "investor"}
)
MEMBER_OBJECTS = frozenset({"program"})
ESTABLISHED_TYPES = frozenset({"platform", "institute", "zone"})


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
    from innoatlas.extract.relations import make_relation

    out = []
    for sent in sentences:
        orgs = [m for m in sent.mentions if m.type in ORG_TYPES]
        out += [make_relation(doc, a, p, b) for a, p, b in _cooperation(sent, orgs)]
        out += [make_relation(doc, a, p, b) for a, p, b in _chain_leaders(sent)]
        out += [make_relation(doc, a, p, b) for a, p, b in _supplies(sent, orgs)]
        out += [make_relation(doc, a, p, b) for a, p, b in _investment(sent, orgs)]
        out += [make_relation(doc, a, p, b) for a, p, b in _membership(sent)]
        out += _established(doc, sent)
    return out


def _cooperation(sent: Sentence, orgs: list[EntityMention]):
    """A与B…合作: A and every org joined to it by 与/和/、 before the trigger."""
    trigger = _free_match(_COOP, sent)
    if trigger is None or len(orgs) < 2:
        return []
    t_pos = sent.start + trigger.start()
    group = _joined_group(sent, [m for m in orgs if m.end <= t_pos] or orgs)
    if trigger.group(0) in ("携手", "牵手", "联手", "联合") and len(group) < 2:
        after = [m for m in orgs if m.start >= t_pos + len(trigger.group(0))]
        if group and after:
            group = group + [after[0]]
    if len(group) < 2 or not any(
        _COOP_WORD.search(sent.between(a, b)) for a, b in zip(group, group[1:], strict=False)
    ):
        return []
    head = group[0]
    return [(head, "cooperates_with", other) for other in group[1:]] + [
        (a, "cooperates_with", b)
        for i, a in enumerate(group[1:], 1)
        for b in group[i + 1 :]
        if len(group) <= 4
    ]


_COOP_WORD = re.compile(r"与|和|同|跟|携手|联合|牵手|联手")


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
        if run and _COOP_JOIN.match(re.sub(r"^(已|也|还|将|正|均)", "", sent.between(run[-1], m)).strip()):
            run.append(m)
        else:
            run = [m]
        if len(run) > len(best):
            best = list(run)
    return best


def _chain_leaders(sent: Sentence):
    """A、B等龙头企业 …: the listed firms lead the industry the sentence names first around them."""
    hit = _free_match(_LEADER, sent)
    if hit is None:
        return []
    pos = sent.start + hit.start()
    firms = [m for m in sent.mentions if m.type == "enterprise" and m.end <= pos]
    firms = _joined_group(sent, firms) if firms else []
    industries = [m for m in sent.mentions if m.type == "industry"]
    if not industries or not firms:
        return []
    before = [m for m in industries if m.end <= firms[0].start]
    after = [m for m in industries if m.start >= pos]
    industry = before[-1] if before else (after[0] if after else None)
    return [(f, "chain_leader_of", industry) for f in firms] if industry else []


def _supplies(sent: Sentence, orgs: list[EntityMention]):
    hit = _SUPPLY.search(sent.text)
    if hit is None:
        return []
    pos = sent.start + hit.start()
    firms = [m for m in orgs if m.type == "enterprise"]
    before = [m for m in firms if m.end <= pos]
    after = [m for m in firms if m.start >= pos]
    if sent.text[hit.start() - 1 : hit.start()] == "为" and before and after:
        return [(before[0], "supplies", after[0])]  # 甲为乙配套
    if len(before) >= 2 and sent.between(before[-2], before[-1]).strip() == "为":
        return [(before[-2], "supplies", before[-1])]  # 甲为乙配套: the client named before the trigger
    return []


def _investment(sent: Sentence, orgs: list[EntityMention]):
    hit = _INVEST.search(sent.text)
    if hit is None:
        return []
    pos = sent.start + hit.start()
    investors = [m for m in orgs if m.end <= pos and m.type in ("investor", "enterprise", "government")]
    targets = [
        m
        for m in orgs
        if m.start >= pos + len(hit.group(0)) and m.type in ("enterprise", "platform", "institute")
    ]
    if investors and targets and not sent.boundary_between(investors[-1].end, targets[0].start):
        return [(investors[-1], "invests_in", targets[0])]
    return []


def _membership(sent: Sentence):
    out = []
    for hit in _MEMBER.finditer(sent.text):
        pos = sent.start + hit.start()
        subjects = [m for m in sent.mentions if m.end <= pos and m.type in ORG_TYPES]
        objects = [
            m for m in sent.mentions if m.start >= pos + len(hit.group(0)) and m.type in MEMBER_OBJECTS
        ]
        if subjects and objects and not sent.boundary_between(objects[0].start - 1, objects[0].start):
            obj = objects[0]
            for subj in _joined_group(sent, subjects):
                out.append((subj, "member_of", obj))
    return out


def _established(doc: Document, sent: Sentence) -> list[RelationRecord]:
    hit = _ESTABLISH.search(sent.text)
    date = _DATE.search(sent.text)
    if hit is None or date is None:
        return []
    subjects = [
        m for m in sent.mentions if m.type in ESTABLISHED_TYPES and m.start < sent.start + hit.start()
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
