"""Words that point back to a named thing, as mentions of it.

Chinese reports name a pair of places once in apposition (川渝两地, 成渝两地)
and then write only 两地 for it; a clause led by 两地 is about that pair. A
report on one zone or district says 园区, 该区 or 全区 for it once it has named
it. A demonstrative before a kind word (该基金, 这只基金) refers back to the last
thing of that kind named. And a name found once is the same name wherever it is
written again (the entity stage may mark one occurrence and not the next).
"""

from __future__ import annotations

from collections import Counter

from innoatlas.extract.model import EntityMention
from innoatlas.extract.relations.sentences import relation_patterns
from innoatlas.extract.tokens import Token
from innoatlas.lexicon.divisions import full_names_of

_P = relation_patterns()["pair_anaphor"]
_BARE = relation_patterns()["bare_place"]


def anaphor_mentions(norm: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """A mention of the antecedent at each free 两地 that follows an apposition X两地."""
    spans = [(m.start, m.end) for m in mentions]
    antecedents = [m for m in mentions if m.type in _P.subject_types and _P.trigger.match(norm, m.end)]
    out = []
    for hit in _P.trigger.finditer(norm):
        start, end = hit.span()
        if any(a <= start < b or a < end <= b for a, b in spans):
            continue
        before = [m for m in antecedents if m.end <= start]
        if before and before[-1].end == start:
            continue  # this 两地 is the apposition itself
        named = before[-1] if before else _document_pair(mentions)
        if named is not None:
            out.append(EntityMention(named.name, named.norm_name, named.type, start, end, "anaphor"))
    return out


def _document_pair(mentions: list[EntityMention]) -> EntityMention | None:
    """两地 before any apposition: the pair of provinces the document names most (川渝, 京津),
    written as two one-character short names; none when it names no such pair."""
    pairs = [m for m in mentions if m.type in _P.subject_types and _PAIR.fullmatch(m.norm_name)]
    if not pairs:
        return None
    counts = Counter(m.norm_name for m in pairs)
    best = max(counts, key=lambda n: counts[n])
    return next(m for m in pairs if m.norm_name == best)


# Two one-character short names of provinces (the official 简称) written together: a pair of places.
_PAIR = _P.cue("province_pair")


def bare_place_mentions(
    norm: str, mentions: list[EntityMention], topic: EntityMention | None
) -> list[EntityMention]:
    """A mention of the document's main place at each free 园区, 该区, 全区 (the words a report on
    one zone or district uses for it once it has named it), when the word fits the place's kind."""
    spans = [(m.start, m.end) for m in mentions]
    zones = [m for m in mentions if m.type == "zone"]
    out = []
    for hit in _BARE.trigger.finditer(norm):
        start, end = hit.span(1)
        if any(a <= start < b or a < end <= b for a, b in spans):
            continue  # part of a longer name
        named = topic if topic is not None and start >= topic.end and _fits(hit.group(1), topic) else None
        if named is None and hit.group(1) in ("园区", "园内", "片区"):
            named = _zone_of_paragraph(norm, zones, start)
        if named is not None:
            out.append(EntityMention(named.name, named.norm_name, named.type, start, end, "anaphor"))
    return out


def _zone_of_paragraph(norm: str, zones: list[EntityMention], pos: int) -> EntityMention | None:
    """园区 in a text about no one place: the last zone its paragraph named before it, when a
    sentence opens on that zone (某工业园区位于…。园区已入驻甲、乙等企业)."""
    para_start = norm.rfind("\n", 0, pos) + 1
    before = [m for m in zones if para_start <= m.start and m.end <= pos]
    # only a zone that a sentence opens on is what the next one goes on about (某园区位于某经开区。
    # 园区…: the park, not the zone it lies in)
    openers = [m for m in before if m.start == para_start or norm[m.start - 1] in _SENTENCE_ENDS]
    return openers[-1] if openers else None


_SENTENCE_ENDS = "。!?！？;；"


# The words for a zone by its kind, which stand for a zone and never for a district.
_ZONE_KINDS = ("园区", "示范区", "高新区", "开发区", "经开区", "片区")


def _fits(word: str, topic: EntityMention) -> bool:
    """园区 only a zone; 该区/全区 a zone or a district (…区); 该县/全县 a county; 我市, 全省 a
    city or a province, by the division list when the place is written short (重庆 for 重庆市)."""
    kind = word[-1]
    if word == "园内":
        return topic.type == "zone"  # 园内着力发展…: in the park, at the head of a clause
    if kind == "区" and word.endswith(_ZONE_KINDS):
        return topic.type == "zone"
    if topic.type == "zone":
        return kind == "区"
    return any(full.endswith(kind) for full in full_names_of(topic.norm_name))


def echo_mentions(norm: str, tokens: list[Token], entities: list[EntityMention]) -> list[EntityMention]:
    """A name the document states elsewhere, written again where no mention was found (星驰重工获评…
    after 星驰重工 was found once): a mention there too, when it starts and ends on word boundaries."""
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    taken = bytearray(len(norm) + 1)
    for m in entities:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    names: dict[str, EntityMention] = {}
    for m in entities:
        if len(m.norm_name) >= MIN_ECHO and m.extractor != "anaphor":
            names.setdefault(m.norm_name, m)
    out = []
    for name, m in names.items():
        at = norm.find(name)
        while at >= 0:
            end = at + len(name)
            free = not any(taken[at:end])
            if free and at in starts and end in ends:
                out.append(EntityMention(m.name, m.norm_name, m.type, at, end, "echo"))
            at = norm.find(name, at + 1)
    return out


# Names shorter than this are too often a part of other words to be matched again.
MIN_ECHO = 2


_KIND = relation_patterns()["kind_anaphor"]


def kind_mentions(norm: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """A mention of the nearest fund named before each free 该基金, 此基金, 这只基金 (a demonstrative
    and the kind word of the thing the text has just named refer back to it), and of the nearest
    firm before 该公司, or before 公司 standing as a clause's subject or as the object of a verb of
    growth (公司拟…, 提高公司在某领域的份额): a text about one firm calls it 公司."""
    spans = [(m.start, m.end) for m in mentions]
    out = []
    for pattern in (_KIND, _FIRM, _SCHOOL):
        for hit in pattern.trigger.finditer(norm):
            group = "kind" if hit.group("kind") else "bare"
            start, end = hit.span(group)
            if any(a <= start < b or a < end <= b for a, b in spans):
                continue
            kind = hit.group(group)
            before = [m for m in mentions if m.end <= start and _refers_to(pattern, kind, m)]
            if before:
                named = before[-1]
                out.append(EntityMention(named.name, named.norm_name, named.type, start, end, "anaphor"))
    return out


_FIRM = relation_patterns()["firm_anaphor"]
_SCHOOL = relation_patterns()["school_anaphor"]


def _refers_to(pattern, kind: str, m: EntityMention) -> bool:
    """Whether a name can be what the kind word refers back to: a fund by its own kind word,
    any firm for 公司, a university for 校, a university or an institute named …院 for 院."""
    if m.type not in pattern.subject_types:
        return False
    if pattern is _FIRM:
        return True
    if pattern is _SCHOOL:
        return m.type == "university" if kind.endswith("校") else "院" in m.norm_name
    return m.norm_name.endswith(kind)
