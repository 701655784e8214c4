"""Sentences as the relation rules read them, and the patterns they bind with.

A document's normalised text is cut into sentences, each with the mentions it
holds and the ends of its clauses; runs of names joined by 、/与/和 and the
relation record of two mentions are shared by every rule of this package. The
patterns of patterns.yaml are loaded here once.
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
_COOP_JOIN = _P["cooperation"].cue("join")
_COOP_TENSE = _P["cooperation"].cue("tense")
ORG_TYPES = _P["cooperation"].subject_types


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
        """The text between two names, without a bracket that declares the first one's short name
        (A(以下简称“甲”)与B: A and B are joined by 与)."""
        gap = self.text[a.end - self.start : b.start - self.start]
        opening = _DECLARATION.match(gap)
        return gap[opening.end() :] if opening else gap


# 某某集团有限公司(以下简称“某某集团”)与B签约: the bracket a release declares a short name in
# (the declared_alias pattern of patterns.yaml).
_DECLARATION = _P["declared_alias"].trigger


def declared(sent: Sentence, m: EntityMention) -> bool:
    """m is the short name a bracket declares for the name before it: in a run of parties it
    stands for that name, not as a party of its own."""
    at, end = m.start - sent.start, m.end - sent.start
    return any(d.start() < at and end < d.end() for d in _DECLARATION.finditer(sent.text))


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


def runs(sent: Sentence, firms: list[EntityMention]) -> list[list[EntityMention]]:
    """Every maximal run of firms joined by 、/与/和."""
    runs: list[list[EntityMention]] = []
    for m in firms:
        if runs and declared(sent, m):
            continue
        if runs and _COOP_JOIN.match(sent.between(runs[-1][-1], m).strip()):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def joined_group(sent: Sentence, orgs: list[EntityMention]) -> list[EntityMention]:
    """The longest run of orgs separated only by 与/和/同/、 (and 已, 也 before them)."""
    best: list[EntityMention] = []
    run: list[EntityMention] = []
    for m in orgs:
        if run and declared(sent, m):
            continue
        if run and _COOP_JOIN.match(_COOP_TENSE.sub("", sent.between(run[-1], m)).strip()):
            run.append(m)
        else:
            run = [m]
        if len(run) > len(best):
            best = list(run)
    return best


def free_match(pattern: re.Pattern, sent: Sentence) -> re.Match | None:
    """First match of pattern that is not inside an entity name (两江协同创新区 is no cooperation)."""
    for hit in pattern.finditer(sent.text):
        pos = sent.start + hit.start()
        if not any(m.start <= pos < m.end for m in sent.mentions):
            return hit
    return None
