"""Relations stated by a role word before a list of names, or after a zone's name.

- cooperates_with: 建设单位为甲、乙、丙 (the bodies a role word names as the builders,
  founders or organisers of one thing are partners of each other);
- member_of: 某名单分别为甲、乙; 某试点名单,其中包括甲 (the items a published list is said to
  consist of are its members);
- part_of: 某高新区努力建设某科学中心“核心区”; 某区作为某城核心区 (a zone the sentence is
  about, built as the core area of a wider zone, is a part of it).

The role words are data (patterns.yaml: joint_builders, list_items, core_area).
"""

from __future__ import annotations

from innoatlas.documents.model import Document
from innoatlas.extract.model import RelationRecord
from innoatlas.extract.relations.hosts import MAX_SUBJECT_OFFSET
from innoatlas.extract.relations.sentences import Sentence, make_relation, relation_patterns, runs

_P = relation_patterns()
_BUILDERS = _P["joint_builders"]


def builder_relations(doc: Document, sentences: list[Sentence]) -> list[RelationRecord]:
    """Every pair of the run of parties right after a builders' role word."""
    out = []
    for sent in sentences:
        parties = [m for m in sent.mentions if m.type in _BUILDERS.subject_types]
        for hit in _BUILDERS.trigger.finditer(sent.text):
            at = sent.start + hit.end()
            run = next((r for r in runs(sent, parties) if r[0].start == at), [])
            if len(run) < 2:
                continue
            out += [
                make_relation(doc, a, "cooperates_with", b, hit.start() + sent.start, run[-1].end)
                for i, a in enumerate(run)
                for b in run[i + 1 :]
            ]
    return out


_LIST_ITEMS = _P["list_items"]


def listed_member_relations(doc: Document, sentences: list[Sentence]) -> list[RelationRecord]:
    """Every item of the run a list's name opens with 分别为, 包括 or 其中包括."""
    out = []
    for sent in sentences:
        items = [m for m in sent.mentions if m.type in _LIST_ITEMS.subject_types]
        for lst in (m for m in sent.mentions if m.type in _LIST_ITEMS.object_types):
            after = [m for m in items if m.start >= lst.end]
            if not after or not _LIST_ITEMS.trigger.fullmatch(sent.between(lst, after[0])):
                continue
            run = next(r for r in runs(sent, items) if any(x is after[0] for x in r))
            run = run[run.index(after[0]) :]
            out += [make_relation(doc, m, "member_of", lst, lst.start, m.end) for m in run]
    return out


_CORE = _P["core_area"]


def core_area_relations(doc: Document, sentences: list[Sentence]) -> list[RelationRecord]:
    """The zone a sentence opens with is part_of each wider zone it builds the core area of."""
    out = []
    for sent in sentences:
        zones = [m for m in sent.mentions if m.type in _CORE.subject_types]
        subject = next((m for m in zones if m.start - sent.start <= MAX_SUBJECT_OFFSET), None)
        if subject is None:
            continue
        for wider in zones:
            if wider.start <= subject.end or not _CORE.trigger.match(sent.text[wider.end - sent.start :]):
                continue
            clause = sent.text[subject.end - sent.start : wider.start - sent.start]
            if _CORE.cue("verb").search(clause) and wider.norm_name not in subject.norm_name:
                out.append(make_relation(doc, subject, "part_of", wider))
    return out
