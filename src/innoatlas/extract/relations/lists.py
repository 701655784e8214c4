"""Relations stated by a role word before a list of names, or after a zone's name.

- cooperates_with: 建设单位为甲、乙、丙 (the bodies a role word names as the builders,
  founders or organisers of one thing are partners of each other);
- member_of: 某名单分别为甲、乙; 某试点名单,其中包括甲 (the items a published list is said to
  consist of are its members);
- part_of: 某高新区努力建设某科学中心“核心区”; 某区作为某城核心区 (a zone the sentence is
  about, built as the core area of a wider zone, is a part of it);
- part_of or member_of: 由甲、乙组成的某体系; 某联盟由甲、乙组成 (the items a whole is made of).

The role words are data (patterns.yaml: joint_builders, list_items, core_area, composed_of).
"""

from __future__ import annotations

from innoatlas.documents.model import Document
from innoatlas.extract.model import EntityMention, RelationRecord
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


_COMPOSED = _P["composed_of"]


def composed_relations(doc: Document, sentences: list[Sentence]) -> list[RelationRecord]:
    """Every item of the run after 由 is part of (a member of) the whole made of them."""
    out = []
    for sent in sentences:
        parts = [m for m in sent.mentions if m.type in _COMPOSED.subject_types]
        for run in runs(sent, parts):
            if len(run) < 2 or sent.text[run[0].start - sent.start - 1 : run[0].start - sent.start] != "由":
                continue
            whole = _whole_of(sent, run)
            if whole is None:
                continue
            predicate = "member_of" if whole.type == "program" else "part_of"
            out += [
                make_relation(doc, m, predicate, whole, min(whole.start, m.start), run[-1].end) for m in run
            ]
    return out


def _whole_of(sent: Sentence, run: list[EntityMention]) -> EntityMention | None:
    """由A、B组成的X: the name right after the verb; X由A、B组成: the name right before 由."""
    wholes = [m for m in sent.mentions if m.type in _COMPOSED.object_types and m not in run]
    after = next((m for m in wholes if m.start >= run[-1].end), None)
    if after is not None and _COMPOSED.cue("whole_after").match(sent.between(run[-1], after)):
        return after
    before = next((m for m in reversed(wholes) if m.end <= run[0].start), None)
    tail = sent.text[run[-1].end - sent.start :]
    if (
        before is not None
        and _COMPOSED.cue("whole_before").match(sent.between(before, run[0]))
        and _COMPOSED.trigger.match(tail)
    ):
        return before
    return None
