"""Membership stated inside one sentence: A入选/获批/纳入/加入/成为B, where B is a programme or
alliance, or a title in quotes (获批“A”“B”: each title of the chain); 在X名单中,A位列…
(the list frames the clause after it).

The trigger words and cues are data (patterns.yaml: membership, framed_membership).
"""

from __future__ import annotations

import re

from innoatlas.documents.model import Document
from innoatlas.extract.model import EntityMention, RelationRecord
from innoatlas.extract.rankings import RANKING_SIZE
from innoatlas.extract.relations.sentences import (
    ORG_TYPES,
    Sentence,
    joined_group,
    make_relation,
    relation_patterns,
    runs,
)
from innoatlas.lexicon.divisions import is_lab_tier

_P = relation_patterns()
_MEMBER = _P["membership"].trigger
MEMBER_OBJECTS = _P["membership"].object_types


def membership_relations(
    doc: Document, sentences: list[Sentence], main: EntityMention | None = None
) -> list[RelationRecord]:
    rankings = [
        m for sent in sentences for m in sent.mentions if m.type == "program" and _RANKING.search(m.name)
    ]
    out = [make_relation(doc, a, p, b) for sent in sentences for a, p, b in _membership(sent, rankings)]
    out += [make_relation(doc, a, p, b) for sent in sentences for a, p, b in _placed_members(sent, rankings)]
    if main is not None and main.type in _PLACE_TYPES:
        out += [
            make_relation(doc, main, "member_of", b, start, b.end)
            for sent in sentences
            for b, start in _members_unsaid(sent)
        ]
    return out


_PLACE_TYPES = frozenset({"region", "zone"})
# 连续8年获评X, 成功创建X, 首次入围X: a sentence that opens on the membership verb, with only
# times and adverbs before it, leaves its subject unsaid; in a place's story it is the place.
_UNSAID_SUBJECT = _P["membership"].cue("unsaid_subject")


def _members_unsaid(sent: Sentence) -> list[tuple[EntityMention, int]]:
    """The titles of membership clauses that open on their verb, in a sentence that names no
    party before them (…,成功创建X,获评Y)."""
    out = []
    for hit in _MEMBER.finditer(sent.text):
        pos = sent.start + hit.end()
        if any(m.start < pos and m.type in ORG_TYPES for m in sent.mentions):
            break  # a party is named: the clauses after it are its own
        opened = max((e + 1 for e in sent.clause_ends if e < sent.start + hit.start()), default=sent.start)
        if not _UNSAID_SUBJECT.fullmatch(sent.text[opened - sent.start : hit.start()]):
            continue
        objects = _titles_after(sent, pos)
        if objects and not sent.boundary_between(pos, objects[0].start):
            out += [(obj, sent.start + hit.start()) for obj in objects]
    return out


# A ranking's title (2025某省民营企业100强, 某某百强榜) and the words that name it again after a
# membership verb (入选榜单, 跻身该榜单前十): the list of the story, the last title before.
_RANKING = re.compile(rf"(?:{RANKING_SIZE}|榜单?|名单)$")
_LIST_AGAIN = re.compile(r"(?:该|此|这一)?(?:榜单|百强榜)")


# A firm's place in the list, with no scope before it (位居榜首, 排名第三, 位列次席, 列第76位): in a
# ranking's story, the place it holds in that ranking.
_PLACE_HELD = re.compile(
    r"(?:位居|位列|排名|排在|名列|列|居)(?:榜单)?(?:榜首|首位|次席|第[一二三四五六七八九十百\d]+位?|前[一二三四五六七八九十\d]+)"
)


def _placed_members(sent: Sentence, rankings: list[EntityMention]):
    """某集团凭借其营收排在榜首: in a story of a named ranking, the firms of a clause that
    gives their place in the list, with no scope of its own, are in that ranking."""
    out = []
    for hit in _PLACE_HELD.finditer(sent.text):
        pos = sent.start + hit.start()
        named = [m for m in rankings if m.end <= pos]
        firms = [
            m
            for m in sent.mentions
            if m.end <= pos and m.type == "enterprise" and not sent.boundary_between(m.end, pos)
        ]
        if named and firms:
            out += [(firm, "member_of", named[-1]) for firm in runs(sent, firms)[-1]]
    return out


def _membership(sent: Sentence, rankings: list[EntityMention] = ()):
    out = _framed_members(sent) + _tier_members(sent)
    previous, last = sent.start, []  # A入选X,…,B上榜Y: a party before one trigger is not the next one's
    for hit in _MEMBER.finditer(sent.text):
        pos = sent.start + hit.start()
        subjects = [m for m in sent.mentions if previous <= m.start and m.end <= pos and m.type in ORG_TYPES]
        if not subjects and _AGAIN.fullmatch(sent.text[previous - sent.start : hit.start()]):
            subjects = last  # A蝉联X,成功入选Y: the clause keeps the subject of the one before
        previous, last = sent.start + hit.end(), subjects
        objects = _titles_after(sent, pos + len(hit.group(0)))
        if not objects and _LIST_AGAIN.match(sent.text, hit.end()):
            objects = [m for m in rankings if m.end <= pos][-1:]  # 入选榜单: the story's list
        if (
            subjects
            and subjects[-1].type in _PLACE_TYPES
            and _COUNTED_GROUP.fullmatch(sent.text, subjects[-1].end - sent.start, hit.start())
        ):
            subjects = []  # 某省共有7家企业上榜X: the firms counted are the members, not the place
        if subjects and objects and not sent.boundary_between(pos, objects[0].start):
            for subj in _member_run(sent, subjects, pos):
                out += [(subj, "member_of", obj) for obj in objects]
    return out


def _titles_after(sent: Sentence, pos: int) -> list[EntityMention]:
    """The titles a membership verb ending at pos confers: every title of a chain of quotes right
    after it (获批“A”“B”), else the first name after it and the titles listed with it."""
    objects = [m for m in sent.mentions if m.start >= pos and m.type in MEMBER_OBJECTS]
    quoted = _quoted_after(sent, pos)
    return quoted if len(quoted) > 1 else _listed_titles(sent, objects) or quoted[:1]


# 获批A、B和C: the titles of one list all go with the trigger before the first.
_TITLE_JOINS = frozenset({"、", "和", "及", "与", "以及"})


def _listed_titles(sent: Sentence, objects: list[EntityMention]) -> list[EntityMention]:
    """The first title after the trigger and the titles listed right after it."""
    if not objects:
        return []
    listed = [objects[0]]
    for m in objects[1:]:
        if sent.between(listed[-1], m).strip() not in _TITLE_JOINS:
            break
        listed.append(m)
    return listed


# 甲、乙等9家|某省实验室, 甲实验室等|某省实验室: what stands between a list and the tier it counts.
_TIER_COUNT = re.compile(r"(?:等)?(?:\d+|[一二两三四五六七八九十]+)?(?:家|个|所)?")
# the items are labs whatever the tagger or a lexicon made of their short names (光谷 is a zone too)
_LAB_TYPES = frozenset({"platform", "institute", "zone", "region", "enterprise"})


def _tier_members(sent: Sentence):
    """光谷、珞珈等9家湖北实验室: the labs listed before a province's tier of laboratories are
    its members (湖北实验室 is a programme: lexicon.divisions.is_lab_tier)."""
    out = []
    for tier in sent.mentions:
        if tier.type != "program" or not is_lab_tier(tier.name):
            continue
        labs = [m for m in sent.mentions if m.end <= tier.start and m.type in _LAB_TYPES]
        if not labs or not _TIER_COUNT.fullmatch(sent.between(labs[-1], tier).strip()):
            continue
        out += [(lab, "member_of", tier) for lab in runs(sent, labs)[-1]]
    return out


def _member_run(sent: Sentence, subjects: list[EntityMention], pos: int) -> list[EntityMention]:
    """The parties of the trigger's own clause, the run nearest it (A获某认证,B等产品上榜X: B);
    the longest run when the clause names none (A蝉联X,成功入选Y)."""
    parties = [m for m in subjects if not _PASSIVE_AGENT.search(sent.text[: m.start - sent.start])]
    own = [m for m in parties if not sent.boundary_between(m.end, pos)]
    return runs(sent, own)[-1] if own else joined_group(sent, parties)


# A count of bodies between a place and the verb (某省有5家企业上榜, 某市3所高校入选): the
# bodies counted are the clause's subject, and the place only where they are (A、B等5家企业入选:
# the firms listed are the members).
_COUNTED_GROUP = re.compile(
    r"[^,，;；。等]{0,4}?(?:\d+|[一二两三四五六七八九十百几]+)[家所][^,，;；。]{0,10}"
)


# 被某局纳入X: the agent of a passive clause lists the member, it is none itself.
_PASSIVE_AGENT = _P["membership"].cue("passive_agent")


# What may stand between one membership and the next when the second keeps the subject of the first:
# the first title and adverbs (A蝉联X第三,成功入选Y).
_AGAIN = _P["membership"].cue("same_subject")


# 在X名单中,Y位列第4: the list frames the clause after it, whose actor is in the list.
_IN_LIST_AFTER = _P["framed_membership"].trigger
_OCCASION = _P["framed_membership"].cue("occasion")


def _framed_members(sent: Sentence):
    out = []
    for i, p in enumerate(sent.mentions):
        before = sent.text[: p.start - sent.start]
        if p.type not in MEMBER_OBJECTS or not before.endswith("在"):
            continue
        if not _IN_LIST_AFTER.match(sent.text[p.end - sent.start :]) or _OCCASION.search(p.norm_name):
            continue  # 在某会议上: where something is said, not a list one is in
        actors = [m for m in sent.mentions[i + 1 :] if m.type in ORG_TYPES]
        # 在X评价中获评Y: the verb comes first, so its subject stood before the frame
        if actors and not _MEMBER.search(sent.text[p.end - sent.start : actors[0].start - sent.start]):
            out.append((actors[0], "member_of", p))
    return out


_OPEN_QUOTE = _P["membership"].cue("open_quote")


def _quoted_after(sent: Sentence, pos: int) -> list[EntityMention]:
    """入选“X”: a title in quotes right after the trigger is the programme, whatever its suffix;
    so is each title of a chain of quotes (获批“A”“B”、“C”)."""
    out = []
    at = pos - sent.start
    while at < len(sent.text) and _OPEN_QUOTE.fullmatch(sent.text[at]):
        close = _CLOSE_QUOTE.search(sent.text, at + 1)
        if close is None:
            break
        out += [
            m for m in sent.mentions if m.start == sent.start + at + 1 and m.end == sent.start + close.start()
        ]
        at = close.end() + (1 if sent.text[close.end() : close.end() + 1] in ("、", "和", "及") else 0)
    return out


_CLOSE_QUOTE = re.compile(r"[”\"》」]")
