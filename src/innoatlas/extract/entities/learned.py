"""The learned decision over entity candidates: which names are entities, of which type.

The rules (entities.py) propose every span they can justify: their own
longest-match choice and the alternatives it displaced, plus the items of
every enumeration. One linear model, trained on the gold
(`innoatlas train`), looks at each distinct name of a document with what
the rules and the tagger say of all its occurrences and returns a type or
"none". Without a model file the rules' own choice stands (no model is shipped
yet: see learn/store.py).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from innoatlas.extract.entities.grammar import Candidate, TokenIndex
from innoatlas.extract.learn.linear import Features, LinearModel
from innoatlas.extract.learn.store import load_model
from innoatlas.extract.model import EntityMention
from innoatlas.lexicon.match import INDUSTRY, REGION_FULL, REGION_SHORT, ZONE, find_lexicon
from innoatlas.lexicon.suffixes import load_suffixes, suffix_type

if TYPE_CHECKING:
    from innoatlas.documents.model import Document

NONE = "none"


@dataclass
class EntityDraft:
    """What the rules propose for one document: their choice and every alternative."""

    tokens: TokenIndex
    chosen: list[EntityMention]  # longest non-overlapping candidates the rules keep
    pool: list[EntityMention]  # every kept candidate, overlapping ones included


MODEL_NAME = "entities"

# Separators of enumerations: items between them are candidate names (A、B、C等企业).
_LIST_SEP = "、"
_ITEM_STOP = re.compile(r"[,，;；:：。!?！？\s()（）“”\"《》、]")
# Longest enumeration item taken as one candidate: longer runs are clauses, not names.
MAX_ITEM_CHARS = 14
# How many tokens an outer item of a list may take (its far edge is not marked).
MAX_EDGE_TOKENS = 3
_RAW_TAGS = frozenset({"ORG", "LOC", "nt", "ns", "nz"})


def list_item_candidates(norm: str, ix: TokenIndex) -> list[Candidate]:
    """Every item of an enumeration joined by 、, and the tagger's raw names.

    Inner items are whole segments; the first and last item's outer edge is
    not marked, so spans of one to MAX_EDGE_TOKENS tokens are proposed.
    """
    out: list[Candidate] = []
    for m in re.finditer(_LIST_SEP, norm):
        out.extend(_items_around(norm, ix, m.start()))
    for t in ix.tokens:
        if t.tag in _RAW_TAGS and t.end - t.start >= 2:
            out.append(
                Candidate(
                    t.start, t.end, "enterprise" if t.tag in ("ORG", "nt") else "region", "lac_raw", 20, 0.5
                )
            )
    for start, end, entries in find_lexicon(norm):
        if entries[0].kind == INDUSTRY and start in ix.by_start and end in ix.by_end:
            out.append(Candidate(start, end, "industry", "industry_hit", 20, 0.5))
    return out + headed_candidates(norm, ix)


def _items_around(norm: str, ix: TokenIndex, sep: int) -> Iterator[Candidate]:
    # The item after this separator: up to the next separator or stop.
    k = sep + 1
    stop = _ITEM_STOP.search(norm, k)
    end = stop.start() if stop else len(norm)
    if stop is not None and norm[stop.start()] == _LIST_SEP and end - k <= MAX_ITEM_CHARS:
        yield _item(norm, k, end)
    else:  # last item: its end is not marked
        first = ix.by_start.get(k)
        if first is not None:
            for n in range(MAX_EDGE_TOKENS):
                if first + n >= len(ix.tokens) or ix.tokens[first + n].end > end:
                    break
                yield _item(norm, k, ix.tokens[first + n].end)
    # The item before: the first item of the list has an unmarked start.
    before = norm.rfind(_LIST_SEP, 0, sep)
    prev_stop = max(
        (m.end() for m in _ITEM_STOP.finditer(norm, max(0, sep - MAX_ITEM_CHARS - 1), sep)), default=-1
    )
    if before >= 0 and before >= prev_stop - 1:
        return
    last = ix.by_end.get(sep)
    if last is None:
        return
    for n in range(MAX_EDGE_TOKENS):
        if last - n < 0 or ix.tokens[last - n].start < prev_stop:
            break
        yield _item(norm, ix.tokens[last - n].start, sep)


def _item(norm: str, start: int, end: int) -> Candidate:
    found = suffix_type(norm[start:end])
    return Candidate(start, end, found[1] if found else "enterprise", "list_item", 20, 0.5)


@functools.lru_cache(maxsize=1)
def _model() -> LinearModel | None:
    return load_model(MODEL_NAME)


def entity_model() -> LinearModel | None:
    """The entity model of the models folder, if one was trained and put there."""
    return _model()


def decide_entities(doc: Document, draft: EntityDraft, model: LinearModel) -> list[EntityMention]:
    """The mentions of the names the model keeps, typed by the model."""
    kept: dict[str, str] = {}
    features = name_features(doc, draft)
    for name, proba in zip(features, model.proba_many(list(features.values())), strict=True):
        label = max(proba, key=proba.__getitem__)
        if label != NONE:
            kept[name] = label
    return _place_mentions(draft, kept)


def _place_mentions(draft: EntityDraft, kept: dict[str, str]) -> list[EntityMention]:
    """Occurrences of kept names, longest first, without overlaps; the rules' spans first."""
    chosen_spans = {(m.start, m.end) for m in draft.chosen}
    seen, options = set(), []
    for m in draft.chosen + draft.pool:
        if m.norm_name in kept and (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            options.append(m)
    options.sort(key=lambda m: (-(m.end - m.start), (m.start, m.end) not in chosen_spans, m.start))
    taken: set[int] = set()
    out = []
    for m in options:
        if any(i in taken for i in range(m.start, m.end)):
            continue
        taken.update(range(m.start, m.end))
        out.append(_retyped(m, kept[m.norm_name]))
    return sorted(out, key=lambda m: m.start)


def _retyped(m: EntityMention, type_: str) -> EntityMention:
    if m.type == type_:
        return m
    return EntityMention(m.name, m.norm_name, type_, m.start, m.end, m.extractor, m.confidence)


def name_features(doc: Document, draft: EntityDraft) -> dict[str, Features]:
    """One feature dict per distinct candidate name of the document."""
    norm = doc.norm
    by_name: dict[str, list[EntityMention]] = defaultdict(list)
    for m in draft.pool:
        by_name[m.norm_name].append(m)
    chosen_by_name: dict[str, list[EntityMention]] = defaultdict(list)
    for m in draft.chosen:
        chosen_by_name[m.norm_name].append(m)
        if m not in by_name[m.norm_name]:
            by_name[m.norm_name].append(m)
    covered = _covered_by_longer(draft.chosen)
    lexicon = _lexicon_kinds(norm)
    out = {}
    for name, mentions in by_name.items():
        out[name] = _features(
            norm, draft.tokens, name, mentions, chosen_by_name.get(name, []), covered, lexicon
        )
    return out


@dataclass
class _Cover:
    """The rules' chosen spans, sorted by start, with the furthest end reached so far."""

    starts: list[int]
    reach: list[int]  # reach[i]: the largest end of spans[0..i]

    def strictly_inside(self, m: EntityMention) -> bool:
        """m lies within a longer chosen span."""
        before = bisect.bisect_left(self.starts, m.start)  # spans opening before m
        if before and self.reach[before - 1] >= m.end:
            return True
        upto = bisect.bisect_right(self.starts, m.start)  # and those opening where m does
        return upto > 0 and self.reach[upto - 1] > m.end


def _covered_by_longer(chosen: list[EntityMention]) -> _Cover:
    spans = sorted((m.start, m.end) for m in chosen)
    return _Cover([s for s, _ in spans], list(itertools.accumulate((e for _, e in spans), max)))


def _lexicon_kinds(norm: str) -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = defaultdict(set)
    for start, end, entries in find_lexicon(norm):
        for e in entries:
            kinds[norm[start:end]].add(e.kind)
    return kinds


def _bucket(n: int, edges=(1, 2, 3, 5, 8)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_PUNCT = re.compile(r"[“”\"《》()（）·]")


def _features(
    norm: str,
    ix: TokenIndex,
    name: str,
    mentions: list[EntityMention],
    chosen: list[EntityMention],
    cover: _Cover,
    lexicon: dict[str, set[str]],
) -> Features:
    f: Features = {"bias": 1.0}
    f["len=" + _bucket(len(name), (2, 3, 4, 5, 6, 8, 10, 14))] = 1.0
    f["chosen"] = 1.0 if chosen else 0.0
    for m in chosen:
        f["chosen_type=" + m.type] = 1.0
        f["chosen_by=" + m.extractor] = 1.0
    for m in mentions:
        f["by=" + m.extractor] = 1.0
        f["type=" + m.type] = 1.0
        f[f"by_type={m.extractor}:{m.type}"] = 1.0
    f["occ=" + _bucket(len({m.start for m in mentions}))] = 1.0
    f["chosen_occ=" + _bucket(len(chosen), (0, 1, 2, 4))] = 1.0
    inside = sum(1 for m in mentions if cover.strictly_inside(m))
    f["inside_longer=" + _bucket(inside, (0, 1, 3))] = 1.0
    if inside == len(mentions):
        f["never_alone"] = 1.0
    # No characters of the name itself: with them the model learns the names of
    # the training articles (leave-one-set-out entity F1 fell to the rules' level
    # while the in-sample figure rose 15 points).
    found = suffix_type(name)
    if found is not None:
        f["suffix_type=" + found[1]] = 1.0
        if found[0] == name:
            f["bare_suffix"] = 1.0
    if name in load_suffixes().generic:
        f["generic"] = 1.0
    for kind in lexicon.get(name, ()):
        f["lex=" + kind] = 1.0
    if name in lexicon and {REGION_FULL, REGION_SHORT, ZONE} & lexicon[name]:
        f["lex_place"] = 1.0
    if _LATIN.search(name):
        f["latin"] = 1.0
    if _DIGIT.search(name):
        f["digit"] = 1.0
    if _PUNCT.search(name):
        f["punct"] = 1.0
    for m in mentions[:6]:
        _context(norm, ix, m, f)
    return f


def _context(norm: str, ix: TokenIndex, m: EntityMention, f: Features) -> None:
    before = norm[m.start - 1] if m.start > 0 else "^"
    after = norm[m.end] if m.end < len(norm) else "$"
    f["prev=" + _char_class(before)] = 1.0
    f["next=" + _char_class(after)] = 1.0
    k = ix.by_start.get(m.start)
    j = ix.by_end.get(m.end)
    if k is not None and j is not None:
        f["aligned"] = 1.0
        f["ntok=" + _bucket(j - k + 1, (1, 2, 3, 5))] = 1.0
        if k == j:
            f["tag=" + ix.tokens[k].tag] = 1.0
        else:
            f["lasttag=" + ix.tokens[j].tag] = 1.0
            f["firsttag=" + ix.tokens[k].tag] = 1.0
        if k > 0:
            f["prevtag=" + ix.tokens[k - 1].tag] = 1.0
        if j + 1 < len(ix.tokens):
            f["nexttag=" + ix.tokens[j + 1].tag] = 1.0
    else:
        f["unaligned"] = 1.0


def _char_class(ch: str) -> str:
    if ch in "^$":
        return ch
    if ch in "、":
        return "list"
    if ch in '“”"《》':
        return "quote"
    if ch in "，,。；;：:！!？?\n":
        return "stop"
    if ch in "和与及等":
        return "conj:" + ch
    if ch.isdigit():
        return "digit"
    return "cjk" if "\u4e00" <= ch <= "\u9fff" else "other"


@functools.lru_cache(maxsize=1)
def _heads() -> tuple[dict[str, str], tuple[str, ...]]:
    from importlib import resources

    import yaml

    data = yaml.safe_load(
        (resources.files("innoatlas.extract.entities") / "candidate_heads.yaml").read_text("utf-8")
    )
    heads = dict(load_suffixes().suffixes)
    for type_, words in data["heads"].items():
        for w in words:
            heads.setdefault(w, type_)
    return heads, tuple(data["industry_tails"])


@functools.lru_cache(maxsize=16384)
def _head_type(word: str) -> str | None:
    """The type of the longest head word the word ends in (研究院 -> institute), if any."""
    heads, _ = _heads()
    for k in range(min(_longest_head(), len(word)), 0, -1):
        found = heads.get(word[-k:])
        if found is not None:
            return found
    return None


@functools.lru_cache(maxsize=1)
def _longest_head() -> int:
    return max(map(len, _heads()[0]))


# How many tokens before a head word a proposed name may reach.
MAX_HEAD_TOKENS = 6
MAX_HEADED_CHARS = 24
_BREAK = re.compile(r"[,，;；:：。!?！？\s、()（）“”\"《》]")


def headed_candidates(norm: str, ix: TokenIndex) -> list[Candidate]:
    """Spans of one to MAX_HEAD_TOKENS tokens that end in a head word or right before an industry tail."""
    _, tails = _heads()
    out: list[Candidate] = []
    for j, tok in enumerate(ix.tokens):
        head_type = _head_type(tok.text)
        if head_type is not None:
            out.extend(_spans_ending(norm, ix, j, tok.end, head_type, "headed"))
        nxt = ix.tokens[j + 1] if j + 1 < len(ix.tokens) else None
        if (
            nxt is not None
            and nxt.start == tok.end
            and nxt.text in tails
            and tok.tag in ("n", "nz", "vn", "j")
        ):
            out.extend(_spans_ending(norm, ix, j, tok.end, "industry", "industry_head"))
    return out


def _spans_ending(
    norm: str, ix: TokenIndex, j: int, end: int, type_: str, source: str
) -> Iterator[Candidate]:
    for n in range(MAX_HEAD_TOKENS):
        k = j - n
        if k < 0:
            break
        start = ix.tokens[k].start
        if (
            end - start > MAX_HEADED_CHARS
            or _BREAK.search(norm, start, end)
            or ix.tokens[k].tag in ("v", "p", "c", "d", "u", "w", "m", "r")
        ):
            if n and ix.tokens[k].tag in ("v", "p", "c", "d", "u", "w", "r"):
                break
            continue
        yield Candidate(start, end, type_, source, 15, 0.4)
