"""The learned decision over pairs of mentions: which relation, if any, the text states.

The rules (find.py) settle on the relations they can justify. A linear model
trained on the gold (`innoatlas train`) then reads every ordered pair of
mentions of one sentence, and every industry of a sentence paired with the
document's main place when the sentence names no place of its own, with what
the rules said of the pair and the words around it. A pair the rules left
alone gets the model's relation when the model is sure enough; the rules'
relations stand (letting the model remove them lowered every development set).
Without a model file the rules decide alone (see learn/store.py).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from innoatlas.documents.model import Document
from innoatlas.extract.learn.linear import Features, LinearModel
from innoatlas.extract.learn.store import load_model
from innoatlas.extract.model import EntityMention, RelationRecord
from innoatlas.extract.relations.sentences import Sentence, make_relation, relation_patterns
from innoatlas.extract.relations.settle import settle
from innoatlas.extract.tokens import Token

MODEL_NAME = "relations"
NONE = "none"
# A pair the rules left alone gets the model's relation above this probability: a model
# parameter, chosen on the leave-one-set-out figures of benchmarks/eval.py.
ADD_PROBABILITY = 0.5
# Mentions further apart than this many characters are no pair (two clauses of one long sentence).
MAX_PAIR_CHARS = 80
_PLACE_TYPES = frozenset({"region", "zone"})


@dataclass
class RuleReading:
    """What the rules found in one document, and what they read to find it."""

    sentences: list[Sentence]
    topic: EntityMention | None  # the place the document is about, if any
    found: list[RelationRecord]  # the rules' relations, settled
    aliases: set[frozenset[str]]  # short names the text declares for a long one
    # (place, industry) pairs the rules read and rejected: the place is the scope of a superlative,
    # says whose industries a list names, only says where a body is, receives or carries the
    # product, or the industry's actor in its sentence is another one. The model adds none of them.
    vetoed: frozenset[tuple[str, str]] = frozenset()


@dataclass
class Pair:
    subject: EntityMention
    object: EntityMention
    sent: Sentence
    implicit: bool = False  # the subject is the document's place, not named in the sentence


def candidate_pairs(reading: RuleReading) -> list[Pair]:
    """Ordered pairs of distinct names within one sentence, and (main place, industry) pairs."""
    out = []
    allowed = allowed_predicates()
    for sent in reading.sentences:
        ms = sent.mentions
        for i, a in enumerate(ms):
            for b in ms[i + 1 :]:
                if b.start - a.end > MAX_PAIR_CHARS or a.norm_name == b.norm_name:
                    continue
                if a.start < b.end and b.start < a.end and a.type == b.type:
                    continue  # overlapping forms of one name
                out += [Pair(x, y, sent) for x, y in ((a, b), (b, a)) if (x.type, y.type) in allowed]
        topic = reading.topic
        if topic is not None and not any(m.type in _PLACE_TYPES for m in ms):
            out += [Pair(topic, m, sent, implicit=True) for m in ms if m.type == "industry"]
    return out


@functools.cache
def allowed_predicates() -> dict[tuple[str, str], frozenset[str]]:
    """The predicates the patterns let hold between a subject type and an object type."""
    out: dict[tuple[str, str], set[str]] = {}
    for p in relation_patterns().values():
        if p.predicate:
            for a in p.subject_types:
                for b in p.object_types:
                    out.setdefault((a, b), set()).add(p.predicate)
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def _triggers() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((p.name, p.trigger) for p in relation_patterns().values())


def _bucket(n: int, edges=(0, 2, 5, 10, 20, 40)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return "far"


def pair_features(
    norm: str, pair: Pair, rules: dict, held: dict, topic: EntityMention | None, words
) -> Features:
    """What the model reads of one pair: types, order, distance, the words and pattern
    triggers between and around, and what the rules said of it."""
    a, b, sent = pair.subject, pair.object, pair.sent
    sig = f"{a.type}>{b.type}"
    f: Features = {f"sig={sig}": 1.0}
    said = rules.get((a.name, b.name))
    taken = held.get(b.name)  # another subject already holds the object
    if taken and not said:
        f[f"object_taken={taken}|{sig}"] = 1.0
    back = rules.get((b.name, a.name))
    f[f"rule={said or '-'}|{sig}"] = 1.0
    if back:
        f[f"rule_back={back}"] = 1.0
    if pair.implicit:
        f[f"implicit|{sig}"] = 1.0
        lo, hi = max(sent.start, b.start - 12), min(sent.end, b.end + 8)
        window = norm[lo:hi]
        for name, trig in _triggers():
            if trig.search(window):
                f[f"imp_trig={name}"] = 1.0
        before = [m for m in sent.mentions if m.end <= b.start]
        f[f"imp_named_before={bool(before)}"] = 1.0
        return f
    first, second = (a, b) if a.start < b.start else (b, a)
    order = "sf" if first is a else "of"
    f[f"order={order}|{sig}"] = 1.0
    gap = norm[first.end : second.start] if first.end <= second.start else ""
    f[f"dist={_bucket(len(gap))}|{sig}"] = 1.0
    between = [m for m in sent.mentions if first.end <= m.start and m.end <= second.start]
    f[f"n_between={_bucket(len(between), (0, 1, 3))}|{sig}"] = 1.0
    f[f"clause_break={sent.boundary_between(first.end, second.start)}|{sig}"] = 1.0
    if first.start < second.end and second.start < first.end:
        f[f"nested|{sig}"] = 1.0
    for ch in "、与和等的在":
        if ch in gap:
            f[f"gap_has={ch}|{order}"] = 1.0
    if len(gap) <= 12:
        for w in words(first.end, second.start):
            f[f"w_between={w}|{order}"] = 1.0
    for w in words(max(sent.start, first.start - 6), first.start)[-2:]:
        f[f"w_before={w}"] = 1.0
    for w in words(second.end, min(sent.end, second.end + 6))[:2]:
        f[f"w_after={w}|{sig}"] = 1.0
    for name, trig in _triggers():
        if trig.search(gap):
            f[f"trig_between={name}|{sig}"] = 1.0
    for x in _list_mates(sent, b):
        mate = rules.get((a.name, x.name))
        if mate:
            f[f"mate_rule={mate}|{sig}"] = 1.0
    if topic is not None and a.norm_name == topic.norm_name:
        f[f"subject_is_topic|{sig}"] = 1.0
    if sent.mentions and sent.mentions[0] is a:
        f[f"subject_opens|{sig}"] = 1.0
    return f


_JOIN = re.compile(r"[、和与及]|以及")


def _list_mates(sent: Sentence, m: EntityMention) -> list[EntityMention]:
    """The other items of the enumeration m stands in (A、B和C): mentions of its type joined to it."""
    same = [x for x in sent.mentions if x.type == m.type]
    i = next(k for k, x in enumerate(same) if x is m)
    lo = i
    while lo > 0 and _JOIN.fullmatch(sent.between(same[lo - 1], same[lo])):
        lo -= 1
    hi = i
    while hi + 1 < len(same) and _JOIN.fullmatch(sent.between(same[hi], same[hi + 1])):
        hi += 1
    return same[lo:i] + same[i + 1 : hi + 1]


def _word_reader(tokens: list[Token]):
    """Words (tokens) wholly inside [start, end)."""
    starts = [t.start for t in tokens]

    def words(start: int, end: int) -> list[str]:
        i = bisect.bisect_left(starts, start)
        out = []
        while i < len(tokens) and tokens[i].end <= end:
            out.append(tokens[i].text)
            i += 1
        return out

    return words


def pair_rows(doc: Document, tokens: list[Token], reading: RuleReading, skip=frozenset()):
    """(pair, features) of every candidate pair of a document but those whose names are in skip."""
    rules = {(r.subject, r.object): r.predicate for r in reading.found}
    held = {r.object: r.predicate for r in reading.found}
    words = _word_reader(tokens)
    return [
        (p, pair_features(doc.norm, p, rules, held, reading.topic, words))
        for p in candidate_pairs(reading)
        if (p.subject.name, p.object.name) not in skip
    ]


@functools.cache
def _model() -> LinearModel | None:
    return load_model(MODEL_NAME)


def decide_relations(doc: Document, tokens: list[Token], reading: RuleReading) -> list[RelationRecord]:
    model = _model()
    if model is None:
        return reading.found
    return apply_model(model, doc, tokens, reading)


def apply_model(model: LinearModel, doc: Document, tokens: list[Token], reading: RuleReading):
    related = {(r.subject, r.object) for r in reading.found}
    related |= {(o, s) for s, o in related}
    added = []
    rows = pair_rows(doc, tokens, reading, skip=related)  # the rules' relations stand as they are
    for (pair, _), proba in zip(rows, model.proba_many([f for _, f in rows]), strict=True):
        key = (pair.subject.name, pair.object.name)
        if key in related or key in reading.vetoed:
            continue
        fits = allowed_predicates().get((pair.subject.type, pair.object.type), frozenset())
        best = max((c for c in model.classes if c in fits), key=lambda c: proba[c], default=None)
        if best is not None and proba[best] > ADD_PROBABILITY:
            a, b = pair.subject, pair.object
            lo, hi = (b.start, b.end) if pair.implicit else (min(a.start, b.start), max(a.end, b.end))
            added.append(make_relation(doc, a, best, b, lo, hi))
            related |= {key, key[::-1]}
    return settle(reading.found + added, reading.aliases)
