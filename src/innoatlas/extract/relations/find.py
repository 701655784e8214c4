"""Relations between the entity mentions of one document, each with its evidence span.

Rules, in the order they run:
0. a word that points back to a named place (两地 after 川渝两地; 园区, 全区 in a
   report on one zone or district) is a mention of it (anaphora.py);
1. names inside names (names.py): a branch named after its parent
   (江川大学蓝湖研究院 part_of 江川大学), a body named after a place the
   text also names on its own; a government body is not part of the place it
   governs;
2. gazetteer facts stated by co-mention (names.py): a county and its city or
   province, a sub-area and its zone (沙坪坝区 located_in 重庆市);
3. trigger patterns inside one sentence (patterns.py, cooperation.py): cooperation, chain
   leaders, suppliers, investment, membership, establishment; role words before
   a list (lists.py: 建设单位为A、B; 某名单分别为A、B; 建设某城“核心区”);
4. topic rules: an industry is the focus of the actor the clause or sentence is
   about (not of the bodies it relies on, 依托A、B; 在X方面 frames the bodies after
   it; a fund too, and a place that only qualifies the list, 围绕某市A、B产业, is none); a firm, lab or park mentioned in a sentence about a zone sits in it, or
   in the place before a hosting verb (园区已入驻A、B) (hosts.py); a clause
   without a subject is about the body its sentence opens with; the document's
   main place is a topic only when named often, and each answer of an interview round is
   about its speaker's place.
settle.py then keeps one answer (one predicate per pair, one relation per written form).
The quote of a relation is the original text from its first to its last cue;
the trigger words, cues and argument types are data (patterns.yaml).
"""

from __future__ import annotations

import bisect
import re

from innoatlas.documents.model import Document
from innoatlas.extract.model import EntityMention, RelationRecord
from innoatlas.extract.relations.anaphora import (
    anaphor_mentions,
    bare_place_mentions,
    echo_mentions,
    kind_mentions,
)
from innoatlas.extract.relations.hosts import (
    MAX_SUBJECT_OFFSET,
    PARTNER_BEFORE,
    PLACE_GAP,
    evidence,
    hosted_relations,
    seated_zone_relations,
)
from innoatlas.extract.relations.learned import RuleReading, decide_relations
from innoatlas.extract.relations.lists import (
    builder_relations,
    composed_relations,
    core_area_relations,
    listed_member_relations,
)
from innoatlas.extract.relations.membership import membership_relations
from innoatlas.extract.relations.names import (
    MAX_PLACE_CHARS,
    chained_division_relations,
    declared_aliases,
    embedded_relations,
    gazetteer_relations,
    known_places,
    lies_within,
    place_type,
)
from innoatlas.extract.relations.patterns import find_pattern_relations
from innoatlas.extract.relations.sentences import (
    Sentence,
    make_relation,
    relation_patterns,
    runs,
    split_sentences,
)
from innoatlas.extract.relations.settle import bracketed_in_name, settle
from innoatlas.extract.tokens import Token
from innoatlas.lexicon.divisions import division_names, full_names_of
from innoatlas.lexicon.prefixes import leading_name
from innoatlas.lexicon.zones import economic_region_names, load_zones, zone_names

_P = relation_patterns()
ACTOR_TYPES = _P["focus"].subject_types
PLACE_TYPES = _P["place_after_verb"].object_types
HOSTED_TYPES = _P["place_after_verb"].subject_types - PLACE_TYPES


def extract_relations(
    doc: Document, tokens: list[Token], entities: list[EntityMention]
) -> list[RelationRecord]:
    return decide_relations(doc, tokens, rule_relations(doc, tokens, entities))


def rule_relations(doc: Document, tokens: list[Token], entities: list[EntityMention]) -> RuleReading:
    """What the rules settle on, with the sentences they read and the document's main place."""
    out: dict[tuple[str, str, str], RelationRecord] = {}
    entities = [m for m in entities if not bracketed_in_name(doc.norm, m)]
    mentions = sorted(entities + echo_mentions(doc.norm, tokens, entities), key=lambda m: m.start)
    anaphors = anaphor_mentions(doc.norm, mentions) + kind_mentions(doc.norm, mentions)
    sentences = split_sentences(doc.norm, sorted(mentions + anaphors, key=lambda m: m.start))
    anaphors += bare_place_mentions(doc.norm, mentions, _main_place(sentences))
    sentences = split_sentences(doc.norm, sorted(mentions + anaphors, key=lambda m: m.start))
    topic = _main_place(sentences)
    # A county and its city count when one sentence names both; a zone and its parent zone anywhere.
    gazetteer = [
        r
        for sent in sentences
        for r in gazetteer_relations(doc, sent.mentions)
        if r.predicate == "located_in"
    ]
    gazetteer += [r for r in gazetteer_relations(doc, mentions) if r.predicate == "part_of"]
    gazetteer += _within_main_place(doc, mentions, topic)
    gazetteer += _projects_in_zone(doc, mentions, topic)
    named = embedded_relations(doc, mentions) + chained_division_relations(doc, mentions)
    for rec in named + gazetteer:
        out.setdefault((rec.subject, rec.predicate, rec.object), rec)
    listed = (
        builder_relations(doc, sentences)
        + listed_member_relations(doc, sentences)
        + composed_relations(doc, sentences)
    )
    listed += core_area_relations(doc, sentences) + membership_relations(doc, sentences, topic)
    for rec in find_pattern_relations(doc, sentences) + listed:
        out.setdefault((rec.subject, rec.predicate, rec.object), rec)
    topical = (
        _framed_focus(doc, sentences, out, topic)
        + _produced_in(doc, sentences)
        + _represented(doc, sentences)
    )
    for rec in topical + _topic_relations(doc, sentences, out, topic):
        out.setdefault((rec.subject, rec.predicate, rec.object), rec)
    aliases = declared_aliases(doc.norm, mentions)
    found = settle(list(out.values()), aliases)
    return RuleReading(sentences, topic, found, aliases, _vetoed_places(sentences, found))


def _vetoed_places(sentences: list[Sentence], found: list[RelationRecord]) -> frozenset[tuple[str, str]]:
    """(place, industry) pairs of a sentence that the rules' own reading rules out as a focus."""
    out = set()
    focused = [r for r in found if r.predicate == "focuses_on"]
    for sent in sentences:
        settled = {r.object: r.subject for r in focused if sent.start <= r.start and r.end <= sent.end}
        for m in sent.mentions:
            if m.type != "industry":
                continue
            for p in sent.mentions:
                if p.type in PLACE_TYPES and p is not m and _not_the_actor(sent, p, m, settled.get(m.name)):
                    out.add((p.name, m.name))
    return frozenset(out)


def _not_the_actor(sent: Sentence, place: EntityMention, industry: EntityMention, actor: str | None) -> bool:
    if actor is not None and actor != place.name:
        return True  # 某高新区,作为全省氢能产业的重要基地,…与某区合作: the rules settled the actor
    if _DESTINATION.search(sent.text, 0, place.start - sent.start):
        return True  # 全国三成集成电路销往某区: the place receives the product
    if place.end > industry.start:
        return False
    return (
        _scope_of_superlative(sent, place)
        or _qualifies_list(sent, place, industry)
        or _names_a_body(sent, place)
        or _is_client(sent, place, industry)
        or _is_means(sent, place)
    )


# 销往某区, 出口至某国: the place a product goes to.
_DESTINATION = _P["focus"].cue("destination")


# -- 4. topic rules ----------------------------------------------------------


# 记者:… / 某高新区党工委书记张三:…: an interview round gives each answer its speaker's place.
_INTERVIEWER = _P["interview_turn"].cue("interviewer")
_SPEAKER = _P["interview_turn"].trigger


def _interview_turn(sent: Sentence, places: list[EntityMention]):
    """(topic, places of the sentence) for a question or an answer, None for other sentences.

    A question has no topic; an answer is about the first place in its speaker's title, and the
    other places of the title (某区委书记) are offices, not actors."""
    if _INTERVIEWER.match(sent.text):
        return None, places
    hit = _SPEAKER.match(sent.text)
    if hit is None:
        return None
    colon = sent.start + hit.end()
    title = [p for p in places if p.end <= colon]
    if not title:
        return None
    return title[0], [title[0]] + [p for p in places if p.start >= colon]


# 甲、乙两家电池材料企业: a count or 等 between a list of firms and their trade.
_LIST_TO_TRADE = _P["focus"].cue("list_to_trade")


def _listed_with(sent: Sentence, actor: EntityMention, industry: EntityMention) -> list[EntityMention]:
    """The actor and the firms listed with it right before their common trade; the places listed
    with it as the subject of its clause (A、B初步形成…产业链: both develop it)."""
    if actor.type in PLACE_TYPES and actor.start < industry.start:
        # a clause break hands the industry to the next clause's own subject (…等地设立基金，
        # 基金投向A、B): only an industry of the list's own clause is the places' shared focus
        # and a place glued to the industry is a fragment of one name (承德生物质能…示范区), no clause
        between = sent.between(actor, industry)
        if not between or _CLAUSE_BREAK.search(between):
            return [actor]
        return _subject_list(sent, actor, PLACE_TYPES)
    if actor.type == "enterprise" and _LIST_TO_TRADE.match(sent.between(actor, industry)):
        firms = [m for m in sent.mentions if m.type == "enterprise" and m.end <= actor.end]
        run = runs(sent, firms)[-1]
        return run if run[-1] is actor else [actor]
    if actor.type == "enterprise" and actor.start < industry.start:
        between = sent.between(actor, industry)
        kind = _LIST_KIND.match(between)  # 甲、乙等企业聚焦A: the list's kind word before the verb
        if _LIST_FOCUS.match(between, kind.end() if kind else 0):
            return _subject_list(sent, actor, frozenset({"enterprise"}))  # 甲公司、乙公司聚焦A: both
    if (
        actor.type != "enterprise"
        and actor.start < industry.start
        and _LIST_FOCUS.match(sent.between(actor, industry))
    ):
        return _subject_list(sent, actor, frozenset({actor.type}))  # 甲实验室、乙实验室聚焦A: both
    return [actor]


# A focus verb right after a list of bodies (甲实验室、乙实验室聚焦A): the list is its subject.
_LIST_FOCUS = _P["focus"].cue("list_focus")
# 等 and the kind of the bodies listed (等企业, 等龙头企业, 等大厂) between the list and the verb.
_LIST_KIND = re.compile(
    r"等(?:\d+家|[一二两三四五六七八九十]+家)?[\u4e00-\u9fff]{0,4}?(?:企业|公司|大厂|厂商|巨头)"
)


def _subject_list(sent: Sentence, actor: EntityMention, kinds: frozenset[str]) -> list[EntityMention]:
    """The run of names of these kinds ending with the actor, when the run opens its clause (no
    partner word such as 与 before it, nothing but a time phrase between the clause start and the run)."""
    places = [m for m in sent.mentions if m.type in kinds and m.end <= actor.end]
    run = runs(sent, places)[-1] if places else []
    if len(run) < 2 or run[-1] is not actor:
        return [actor]
    before = sent.text[: run[0].start - sent.start]
    clause_start = sent.start + max(before.rfind(p) for p in ",,;;。::") + 1
    opening = sent.text[clause_start - sent.start : run[0].start - sent.start]
    named = any(clause_start <= m.start < run[0].start for m in sent.mentions)  # 甲走访A、B: objects
    subject = len(opening) <= MAX_SUBJECT_OFFSET and not named and not PARTNER_BEFORE.search(opening)
    return run if subject else [actor]


def _topic_relations(
    doc: Document, sentences: list[Sentence], done: dict, topic: EntityMention | None
) -> list[RelationRecord]:
    out = []
    led = {(k[0], k[2]) for k in done if k[1] == "chain_leader_of"}
    listed = {m.norm_name for sent in sentences for m in sent.mentions}
    interview = False
    seen: dict[int, EntityMention | None] = {}
    ends = [s.end for s in sentences]
    for sent in sentences:
        # a speaker's title names the place the answer is about, listed on its own or not
        places = _sentence_places(doc, sent, None if _SPEAKER.match(sent.text) else listed)
        turn = _interview_turn(sent, places)
        if turn is not None:
            topic, places = turn
            interview = True  # an answer's paragraphs are about its speaker's place, not one they open on
        local = (
            topic if interview else _within_topic(_paragraph_place(doc, sentences, sent, seen, ends), topic)
        )
        for m in sent.mentions:
            if m.type == "industry" and (_is_instrument(sent, m) or _unnamed_subject(sent, m)):
                continue
            if m.type == "industry":
                actor = (
                    _apposed_actor(sent, m)
                    or _clause_actor(sent, m)
                    or _omitted_subject(sent, m)
                    or _last_before(sent, [p for p in places if not _is_means(sent, p)], m)
                    or _topic_if_focused(sent, m, local)
                )
                if actor is not None and _coordinated(sent, actor, m):
                    continue  # 甲、新能源、生物医药等领域: a list's own item is no actor of the others
                for one in _listed_with(sent, actor, m) if actor is not None else []:
                    if (one.name, m.name) not in led:
                        a, b = evidence(sent, one, m)
                        out.append(make_relation(doc, one, "focuses_on", m, a, b))
            elif _counted(sent, m):
                continue  # 创建现代农业产业园31个: a kind of park counted, not one park
            elif m.type in HOSTED_TYPES or (m.type == "zone" and zone_names().get(m.norm_name) is None):
                host = local if local is not None and local.norm_name != m.norm_name else topic
                out += hosted_relations(doc, sent, m, places, host)
            elif m.type == "zone":
                out += seated_zone_relations(doc, sent, m, places)
    return out


_LIST_JOINS = frozenset("、和与及")


def _coordinated(sent: Sentence, a: EntityMention, b: EntityMention) -> bool:
    """A and B are items of one list: only names and the list's joining words stand between them."""
    first, second = (a, b) if a.start < b.start else (b, a)
    if first.end > second.start or first.start < sent.start or second.end > sent.end:
        return False
    covered = set()
    for m in sent.mentions:
        if first.end <= m.start and m.end <= second.start:
            covered.update(range(m.start, m.end))
    gap = range(first.end, second.start)
    at = sent.text[first.end - sent.start : second.start - sent.start]
    return (
        len(gap) > 0
        and at[0] in _LIST_JOINS
        and at[-1] in _LIST_JOINS
        and all(i in covered or sent.text[i - sent.start] in _LIST_JOINS for i in gap)
    )


_MADE_IN = _P["produced_in"]


def _produced_in(doc: Document, sentences: list[Sentence]) -> list[RelationRecord]:
    """全国两成风电叶片、三成电池片产自某省: the place makes the industries of the clause before."""
    out = []
    for sent in sentences:
        for hit in _MADE_IN.trigger.finditer(sent.text):
            at = sent.start + hit.end()
            places = [m for m in sent.mentions if m.start == at and m.type in _MADE_IN.subject_types]
            if not places:
                continue
            begin = max([e + 1 for e in sent.clause_ends if e < sent.start + hit.start()], default=sent.start)
            for m in sent.mentions:
                if m.type in _MADE_IN.object_types and begin <= m.start and m.end <= sent.start + hit.start():
                    out.append(make_relation(doc, places[0], "focuses_on", m))
    return out


def _represented(doc: Document, sentences: list[Sentence]) -> list[RelationRecord]:
    """甲、乙为代表的X产业集群: each firm of the list is an example of industry X."""
    out = []
    for sent in sentences:
        for m in sent.mentions:
            hit = (
                _REPRESENTS.trigger.match(sent.text[m.end - sent.start :])
                if m.type in _REPRESENTS.subject_types
                else None
            )
            if hit is None:
                continue
            at = m.end + hit.end()
            out += [
                make_relation(doc, m, "focuses_on", o, m.start, o.end)
                for o in sent.mentions
                if o.start == at and o.type in _REPRESENTS.object_types
            ]
    return out


_REPRESENTS = _P["represents_industry"]


# 在X方面, X领域: an industry opening a part of a sentence frames the bodies that part names.
_FRAME = _P["framed_focus"].cue("opening")
# 某产业,…: an industry that opens a sentence and is closed off by a comma is the sentence's topic.
_TOPIC_FRAME = _P["framed_focus"].cue("topic")
_FRAME_AFTER = _P["framed_focus"].trigger
FRAMED_TYPES = _P["framed_focus"].subject_types


def _framed_focus(
    doc: Document, sentences: list[Sentence], done: dict, topic: EntityMention | None
) -> list[RelationRecord]:
    """在软件产业方面,集聚A、B等企业: A and B work on the framing industry (leaders and
    suppliers keep their own relations), and so does the document's place when the part names
    no other place (a zone's report goes through its industries one frame at a time)."""
    roles = {k[0] for k in done if k[1] in ("chain_leader_of", "supplies")}
    out = []
    for sent in sentences:
        topic_frame = None
        for part in _semicolon_parts(sent):
            frame = _frame_industry(sent, part) or topic_frame
            if frame is None:
                continue
            if _TOPIC_FRAME.match(sent.text[frame.end - sent.start :]) and frame.start == sent.start:
                topic_frame = frame  # 某产业,A…;B…: the topic of the sentence frames all its parts
            if topic is not None and not any(m.type in PLACE_TYPES for m in part):
                out.append(make_relation(doc, topic, "focuses_on", frame, frame.start, frame.end))
            for m in part:
                if m.type in FRAMED_TYPES and m.name not in roles and not _stands_for_cluster(sent, m):
                    out.append(make_relation(doc, m, "focuses_on", frame, frame.start, m.end))
    return out


def _semicolon_parts(sent: Sentence) -> list[list[EntityMention]]:
    parts: list[list[EntityMention]] = [[]]
    last_end = sent.start
    for m in sent.mentions:
        if ";" in sent.text[last_end - sent.start : m.start - sent.start]:
            parts.append([])
        parts[-1].append(m)
        last_end = m.end
    return [p for p in parts if p]


def _frame_industry(sent: Sentence, part: list[EntityMention]) -> EntityMention | None:
    first = part[0]
    after = sent.text[first.end - sent.start :]
    if first.type == "industry" and first.start == sent.start and _TOPIC_FRAME.match(after):
        return first  # 装备制造业,某项目…: an industry and a comma opening a sentence are its topic
    if first.type != "industry" or not _FRAME_AFTER.match(after):
        return None
    before = sent.text[: first.start - sent.start]
    opening = before[before.rfind(";") + 1 :]
    return first if _FRAME.match(opening) else None


# Words that make an industry the focus of the actor the text is about even
# when the sentence does not name it (围绕…, 聚焦…, 打造…产业集群, 主导产业).
_FOCUS_CUE = _P["focus"].trigger
# A、B和C等4个支柱产业: a list closed in its clause by a count and a category of industries the
# text develops (主导, 支柱, 优势, 新兴…) names the industries of the place it is about.
_COUNTED_CATEGORY = _P["focus"].cue("counted_category")
# The cues of _FOCUS_CUE that are verbs: only a verb is shared by every item of a list.
_FOCUS_VERB = _P["focus"].cue("verb")
# Characters after an industry searched for a focus cue (…产业集群), and the
# longest stretch of its clause searched before it.
FOCUS_WINDOW = _P["focus"].params["window_after"]
CLAUSE_WINDOW = _P["focus"].params["clause_window"]


# The items after one item of an enumeration (、B、C和D): coordinated items share the verb.
_LATER_ITEMS = _P["focus"].cue("later_items")


def _topic_if_focused(sent: Sentence, m: EntityMention, topic: EntityMention | None) -> EntityMention | None:
    """The document's main place, when a cue near the industry says it is developed there."""
    return topic if topic is not None and _has_focus_cue(sent, m) else None


def _has_focus_cue(sent: Sentence, m: EntityMention) -> bool:
    before = sent.text[: m.start - sent.start]
    clause_start = max(before.rfind(p) for p in ",,;;。::") + 1  # an enumeration shares its cue
    near = (
        before[max(clause_start, len(before) - CLAUSE_WINDOW) :]
        + sent.text[m.start - sent.start : m.end - sent.start + FOCUS_WINDOW]
    )
    if _FOCUS_CUE.search(near) or _COUNTED_CATEGORY.match(sent.text, m.end - sent.start):
        return True
    # A、B、C等重点产业加快发展: coordinated items share the verb after the list.
    rest = _LATER_ITEMS.match(sent.text, m.end - sent.start).end()
    tail = sent.text[rest : rest + FOCUS_WINDOW]
    return rest > m.end - sent.start and bool(_FOCUS_VERB.search(tail))


def _sentence_places(doc: Document, sent: Sentence, listed: set[str] | None) -> list[EntityMention]:
    """Zones and regions of a sentence, including those a body's name starts with (某高新区党工委)
    when the text names that place on its own too (a relation joins two listed entities)."""
    places = []
    known = known_places()
    for m in sent.mentions:
        if m.type in PLACE_TYPES:
            places.append(m)
            continue
        head = leading_name(m.norm_name, known, MAX_PLACE_CHARS)
        if head is not None and m.type == "government" and (listed is None or head in listed):
            places.append(
                EntityMention(
                    doc.original_text(m.start, m.start + len(head)),
                    head,
                    place_type(head, doc),
                    m.start,
                    m.start + len(head),
                )
            )
    return places


def _last_before(sent: Sentence, places: list[EntityMention], m: EntityMention) -> EntityMention | None:
    """The last place before m, within m's part of the sentence (a semicolon starts a new subject)."""
    before = [
        p
        for p in places
        if p.end <= m.start
        and ";" not in sent.between(p, m)
        and not _names_a_body(sent, p)
        and not _qualifies_list(sent, p, m)
        and not _scope_of_superlative(sent, p)
        and not _located_object(sent, p)
    ]
    return before[-1] if before else None


# 某区位于某省南部，大力发展A: the place after 位于 locates the subject; it does not act.
_LOCATED_OBJECT = _P["focus"].cue("located_object")


def _located_object(sent: Sentence, m: EntityMention) -> bool:
    return _LOCATED_OBJECT.search(sent.text, 0, m.start - sent.start) is not None


# 湖南最大的生物医药企业: the place is the scope of the comparison, not the industry's developer.
_SUPERLATIVE_SCOPE = _P["focus"].cue("superlative_scope")


def _scope_of_superlative(sent: Sentence, m: EntityMention) -> bool:
    return m.type in PLACE_TYPES and bool(_SUPERLATIVE_SCOPE.match(sent.text, m.end - sent.start))


def _names_a_body(sent: Sentence, place: EntityMention) -> bool:
    """某区的某公司, 某省科技厅: the place only says where the body after it is."""
    for m in sent.mentions:
        if m.type in PLACE_TYPES or m.type == "industry" or m.end <= place.end:
            continue
        if m.start < place.end:
            return False  # the head of a longer name (某区党工委): the body acts for the place
        return bool(PLACE_GAP.match(sent.text[place.end - sent.start : m.start - sent.start]))
    return False


# 高新区 alone, 新区 alone: a bare kind word refers back to the one named zone of that kind.
_BARE_KINDS = ("高新区", "新区", "开发区", "科学城", "自贸区")


def _count_bare_references(sentences: list[Sentence], counts: dict, first: dict) -> None:
    for kind in _BARE_KINDS:
        named = [n for n in counts if first[n].type == "zone" and _ends_with_kind(first[n].norm_name, kind)]
        if len(named) != 1:
            continue
        for sent in sentences:
            spans = [(m.start - sent.start, m.end - sent.start) for m in sent.mentions]
            for hit in re.finditer(kind, sent.text):
                inside = any(a <= hit.start() < b for a, b in spans)
                if not inside and _ends_with_kind(sent.text[: hit.end()], kind):
                    counts[named[0]] += 1


# A year or a year's edition opening a programme's name (2024某市民营企业100强).
_EDITION = re.compile(r"^(?:19|20)\d\d年?度?")


def _count_programme_places(sentences: list[Sentence], counts: dict) -> None:
    """2024某市民营企业100强: the edition of a ranking or a programme named after a place the
    text names on its own speaks of that place as often as it is named."""
    for sent in sentences:
        for m in sent.mentions:
            edition = _EDITION.match(m.norm_name)
            if m.type == "program" and edition is not None:
                head = leading_name(m.norm_name[edition.end() :], counts, MAX_DIVISION_CHARS)
                if head is not None:
                    counts[head] += 1


def _ends_with_kind(text: str, kind: str) -> bool:
    """两江新区 ends with 新区, 郑州高新区 does not (its kind is 高新区)."""
    return text.endswith(kind) and not any(
        k != kind and k.endswith(kind) and text.endswith(k) for k in _BARE_KINDS
    )


def _within_main_place(
    doc: Document, mentions: list[EntityMention], main: EntityMention | None
) -> list[RelationRecord]:
    """A province's story naming its cities and counties: each lies in the province, in
    whatever sentence it is named (the division table says so; the text is about the province)."""
    if main is None or main.type != "region":
        return []
    out = [
        r
        for r in gazetteer_relations(doc, [main] + [m for m in mentions if m.type == "region"])
        if r.predicate == "located_in" and r.object == main.name
    ]
    # a national zone of the province's (or city's) list: the zone list gives its division
    fulls = set(full_names_of(main.norm_name))
    seen: set[str] = set()
    named_regions = {m.norm_name for m in mentions if m.type == "region"}
    for m in mentions:
        if m.type != "zone" or m.norm_name in seen:
            continue
        canonical = zone_names().get(m.norm_name)
        if canonical is None:
            # a zone no list holds, named after a city or county of the province that the text
            # does not name on its own (推动沧州高新区晋升国家级 in a story of 河北省)
            head = leading_name(m.norm_name, division_names(), MAX_DIVISION_CHARS)
            if head and head not in named_regions and lies_within(head, main.norm_name):
                seen.add(m.norm_name)
                out.append(make_relation(doc, m, "located_in", main, m.start, m.end))
            continue
        zone = load_zones()[canonical]
        if zone.kind != "economic_region" and fulls & {zone.province, zone.city}:
            seen.add(m.norm_name)
            out.append(make_relation(doc, m, "located_in", main, m.start, m.end))
    return out


def _projects_in_zone(
    doc: Document, mentions: list[EntityMention], main: EntityMention | None
) -> list[RelationRecord]:
    """A zone's story listing the projects it gained (某某二期、某某扩建等19个项目已投产; 投资10亿元
    的某某项目): each firm whose project the clause names builds it in the zone, unless the
    clause names another place."""
    if main is None or main.type != "zone":
        return []
    places = [m for m in mentions if m.type in PLACE_TYPES]
    out, seen = [], set()
    for m in mentions:
        if m.type != "enterprise" or m.norm_name in seen or not _PROJECT_AFTER.match(doc.norm, m.end):
            continue
        start = max((doc.norm.rfind(c, 0, m.start) for c in ",，;；。:：\n"), default=-1) + 1
        end = _CLAUSE_BREAK.search(doc.norm, m.end)
        end = end.start() if end else len(doc.norm)
        if any(start <= p.start < end for p in places):
            continue  # 某市某某项目, 项目落户某县: the clause says where
        seen.add(m.norm_name)
        out.append(make_relation(doc, m, "located_in", main, m.start, m.end))
    return out


# What follows a firm that owns a project: its product or line, then 项目, or a list closed by
# 等…项目 (某某大麻二酚、某某塔筒等33个项目); a firm's project office (项目部) is a unit of it.
_PROJECT_AFTER = re.compile(r"[^,，。;；:：]{0,30}?项目(?!部|组|经理|负责人|办)")


# Longest division name a zone's name may open with (某某自治县).
MAX_DIVISION_CHARS = 12


def _paragraph_place(
    doc: Document,
    sentences: list[Sentence],
    sent: Sentence,
    seen: dict[int, EntityMention | None],
    ends: list[int],
) -> EntityMention | None:
    """The place a paragraph opens on (某县位于…。2022年,某县…。其主要产业为A、B), or the place
    a short heading line right above it names (1. 某县): what the paragraph's sentences without a
    place of their own are about, before the place of the whole document. `seen` keeps each
    paragraph's answer."""
    para = doc.norm.rfind("\n", 0, sent.start) + 1
    if para not in seen:
        i = bisect.bisect_right(ends, para)  # the paragraph's first sentence
        seen[para] = _opening_place(doc.norm, sentences, para, i) or _heading_place(
            doc.norm, sentences, para, i
        )
    place = seen[para]
    return place if place is not None and place.start <= sent.start else None


def _opening_place(norm: str, sentences: list[Sentence], para: int, i: int) -> EntityMention | None:
    if i >= len(sentences) or not sentences[i].mentions:
        return None
    m = sentences[i].mentions[0]
    if m.type in PLACE_TYPES and para <= m.start and _TIME_OPENING.fullmatch(norm[para : m.start]):
        return m
    return None


def _heading_place(norm: str, sentences: list[Sentence], para: int, i: int) -> EntityMention | None:
    if para < 2:
        return None
    head = norm.rfind("\n", 0, para - 1) + 1
    if para - 1 - head > MAX_HEADING_CHARS:
        return None
    # the heading line is short, so its sentences are among the few right before the paragraph's
    line = [
        m
        for s in sentences[max(0, i - HEADING_SENTENCES) : i + 1]
        if s.start >= head and s.end <= para
        for m in s.mentions
    ]
    if len(line) != 1 or line[0].type not in PLACE_TYPES:
        return None
    rest = norm[head : line[0].start] + norm[line[0].end : para - 1]
    # a numbered line (1. 某县); a name alone on its line is as often a photo's caption
    return line[0] if _HEADING_MARK.fullmatch(rest.strip()) else None


def _within_topic(place: EntityMention | None, topic: EntityMention | None) -> EntityMention | None:
    """The paragraph's place, unless it is the place that holds the document's own (某市 opening
    a story on 某市高新区): the story stays with its zone."""
    if place is None:
        return topic
    if topic is not None and topic.norm_name.startswith(place.norm_name.rstrip("省市县区")):
        return topic
    return place


# Before the place a paragraph opens on: nothing, or a time phrase and its comma (2022年,某县…).
_TIME_OPENING = _P["paragraph_place"].cue("time_opening")
# A line that holds a place's name and a heading's number (1. 某县) heads the paragraph after it.
_HEADING_MARK = _P["paragraph_place"].trigger
MAX_HEADING_CHARS = 16
HEADING_SENTENCES = 3


def _main_place(sentences: list[Sentence]) -> EntityMention | None:
    """The place the document is about: its most mentioned zone or region (first one on ties)."""
    counts: dict[str, int] = {}
    first: dict[str, EntityMention] = {}
    for sent in sentences:
        for m in sent.mentions:
            if m.type in PLACE_TYPES and m.norm_name not in economic_region_names():
                counts[m.norm_name] = counts.get(m.norm_name, 0) + 1
                first.setdefault(m.norm_name, m)
    if not counts:
        return None
    _count_bare_references(sentences, counts, first)
    _count_programme_places(sentences, counts)
    best = max(counts, key=lambda n: (counts[n], -first[n].start))
    others = sum(counts.values()) - counts[best]
    return first[best] if counts[best] >= MIN_TOPIC_MENTIONS or counts[best] > others else None


# A place named fewer times, and not more often than all other places together, is no topic:
# the article tours several places (an interview round).
MIN_TOPIC_MENTIONS = 3


_CLAUSE_BREAK = re.compile(r"[,，;；。:：]")


def _clause_actor(sent: Sentence, target: EntityMention) -> EntityMention | None:
    """The nearest actor before `target` in its clause (no clause boundary between them)."""
    best = None
    for m in sent.mentions:
        if m.start >= target.start:
            break
        if (
            m.type in ACTOR_TYPES
            and not sent.boundary_between(m.end, target.start)
            and not _is_means(sent, m)
            and not _is_client(sent, m, target)
            and not _qualifies_list(sent, m, target)
            and not _represents_cluster(sent, m, target)
            and not _scope_of_superlative(sent, m)
        ):
            best = m
    return best


def _stands_for_cluster(sent: Sentence, m: EntityMention) -> bool:
    """甲、乙为代表的…集群: a firm named as an example of a place's cluster (see _represents_cluster)."""
    return m.type == "enterprise" and bool(_REPRESENTATIVE.match(sent.text[m.end - sent.start :]))


def _represents_cluster(sent: Sentence, m: EntityMention, target: EntityMention) -> bool:
    """在某区形成了甲、乙为代表的X产业链: the firms stand for the cluster; the place forms it."""
    return m.type == "enterprise" and bool(_REPRESENTATIVE.match(sent.between(m, target)))


_REPRESENTATIVE = _P["hosting_verb"].cue("representative")


def _is_client(sent: Sentence, m: EntityMention, target: EntityMention) -> bool:
    """A为B提供动力电池, A是B的动力电池供应商: B receives the product, it does not make it."""
    before = sent.text[: m.start - sent.start]
    around = sent.text[m.end - sent.start : target.end - sent.start + SUPPLY_WINDOW]
    return bool(_CLIENT.search(before)) and bool(_PROVISION.search(around))


_CLIENT = _P["focus"].cue("client")
_PROVISION = _P["focus"].cue("provision")
SUPPLY_WINDOW = 6  # characters after the product searched for 供应商 (动力电池供应商)


def _counted(sent: Sentence, m: EntityMention) -> bool:
    """A name followed by a count (产业园31个, 示范区25个) names a kind of thing, not one of them."""
    return m.type in _COUNTED_TYPES and bool(_COUNT_AFTER.match(sent.text, m.end - sent.start))


_COUNT_AFTER = _P["counted_kind"].trigger
_COUNTED_TYPES = _P["counted_kind"].subject_types


def _is_instrument(sent: Sentence, m: EntityMention) -> bool:
    """运用某技术为…服务; 推进5G、工业互联网等技术在某行业的应用; 用于某领域: a technology
    used, or the field it is applied in, is no industry its user develops."""
    first = _list_start(sent, m)
    before = sent.text[: first.start - sent.start]
    if _USED_BEFORE.search(before):
        return True
    rest = _LATER_ITEMS.match(sent.text, m.end - sent.start).end()
    return bool(_USED_AFTER.match(sent.text, rest))


def _list_start(sent: Sentence, m: EntityMention) -> EntityMention:
    """The first industry of the enumeration m is in (A、B和C)."""
    industries = [x for x in sent.mentions if x.type == "industry" and x.end <= m.end]
    run = runs(sent, industries)[-1]
    return run[0] if run[-1] is m else m


# 运用X, 利用X, X等技术在…应用: the words that make an industry a means or a field of use.
_USED_BEFORE = _P["focus"].cue("instrument_before")
_USED_AFTER = _P["focus"].cue("instrument_after")


def _apposed_actor(sent: Sentence, target: EntityMention) -> EntityMention | None:
    """作为X产业的主要承载区,近几年,某区…: a clause that opens with 作为 says what the actor of
    the clauses after it is; that actor is the first one named in the next two clauses."""
    clause = max([e + 1 for e in sent.clause_ends if e < target.start], default=sent.start)
    if not _AS_ROLE.match(sent.text, clause - sent.start):
        return None
    before = [m for m in sent.mentions if m.end <= clause - 1 and m.type in ACTOR_TYPES]
    if before and before[-1].end == clause - 1:
        return before[-1]  # 某产业园,作为X产业的重要基地,…: the name before the comma
    ends = [e for e in sent.clause_ends if e >= target.end]
    if not ends:
        return None
    limit = ends[2] if len(ends) > 2 else sent.end
    after = [m for m in sent.mentions if ends[0] < m.start < limit and m.type in ACTOR_TYPES]
    return after[0] if after else None


def _qualifies_list(sent: Sentence, place: EntityMention, target: EntityMention) -> bool:
    """基金将围绕某市A、B等产业开展投资: a place written between a focus verb and the enumeration
    its target is in only says whose industries they are; the actor is the subject of the verb."""
    if place.type not in PLACE_TYPES:
        return False
    first = _enumeration_start(sent, target)
    if sent.between(place, first) not in ("", "的"):
        return False
    return bool(_ON_VERB.search(sent.text[: place.start - sent.start]))


def _unnamed_subject(sent: Sentence, target: EntityMention) -> bool:
    """…等地设立基金,母基金将投向A、B: the clause of the industry opens with a subject the text
    does not name (a bare kind word, 基金, 企业); no actor of another clause is its actor."""
    ends = [e for e in sent.clause_ends if e < target.start]
    if ends and sent.text[ends[-1] - sent.start] in ":：":
        ends = ends[:-1]  # 基金主要投资领域包括:A、B: a colon opens the list of its own clause
    clause = max([e + 1 for e in ends], default=sent.start)
    first = _enumeration_start(sent, target)
    if any(clause <= m.start < first.start for m in sent.mentions):
        return False
    if _UNNAMED_SUBJECT.match(sent.text, clause - sent.start):
        return True
    # 约三成的入选项目聚焦A: the kind word right before the verb is its subject, wherever it stands
    return bool(_KIND_BEFORE_VERB.search(sent.text[clause - sent.start : first.start - sent.start]))


_UNNAMED_SUBJECT = _P["focus"].cue("unnamed_subject")
_KIND_BEFORE_VERB = _P["focus"].cue("kind_before_verb")


def _enumeration_start(sent: Sentence, target: EntityMention) -> EntityMention:
    """The first industry of the enumeration the target closes or is in (A、B和C, A、B等C)."""
    industries = [m for m in sent.mentions if m.type == "industry" and m.end <= target.start]
    first = target
    for m in reversed(industries):
        if not _ENUMERATION_GAP.fullmatch(sent.between(m, first)):
            break
        first = m
    return first


# What stands between two items of one enumeration: a joining word, an item the entity stage
# did not name between two joins (、星光材料与 before 月影器件), or the count before the category
# that closes it (A、B等六大新兴产业).
_ENUMERATION_GAP = re.compile(
    r"(、|和|及|与|等|以及)|[、和及与][^,，;；。:：、]{1,8}[、和及与]|等?[0-9一二两三四五六七八九十]+(个|大|项|类)"
)


# The verbs whose object an enumeration of industries is (围绕X市A、B产业, 投向X市A、B领域).
_ON_VERB = _P["focus"].cue("verb_before_list")


# 作为: the clause it opens names the role of the actor that follows.
_AS_ROLE = _P["focus"].cue("as_role")


def _omitted_subject(sent: Sentence, target: EntityMention) -> EntityMention | None:
    """某公司成立于2010年,主要从事集成电路设计: a clause with no name before the industry and a
    focus verb in it has left out its subject, the body that opens the sentence."""
    clause = max([e + 1 for e in sent.clause_ends if e < target.start], default=sent.start)
    subject = _last_clause_opener(sent, clause)
    if subject is None or subject.type in PLACE_TYPES or subject.type not in ACTOR_TYPES:
        return None  # a place that opens a sentence is found as the last place before
    first = _enumeration_start(sent, target)  # the items before the target in its list are no subject
    named = [
        m for m in sent.mentions if clause <= m.start < first.start and not _qualifies_list(sent, m, target)
    ]
    if clause <= subject.end or named:
        return None
    if _SPEECH.search(sent.text[subject.end - sent.start : clause - sent.start]):
        return None  # 某公司负责人表示,聚焦…: the clause is what its speaker says
    return (
        subject if _OMITTED_VERB.search(sent.text[clause - sent.start : target.start - sent.start]) else None
    )


def _last_clause_opener(sent: Sentence, before: int) -> EntityMention | None:
    """The name that opens the last clause before `before` opened by a name: the topic a
    chain of clauses without subjects goes on about (此次两支基金中,某基金规模30亿元,主要投资于A)."""
    later = [e + 1 for e in sent.clause_ends if e + 1 < before]
    for start in reversed(later):
        first = next((m for m in sent.mentions if m.start >= start), None)
        if (
            first is not None
            and first.end <= before
            and _CLAUSE_OPENER.fullmatch(sent.text[start - sent.start : first.start - sent.start])
        ):
            return first
    first = sent.mentions[0] if sent.mentions else None
    if first is None or first.end > before or first.start - sent.start > MAX_SUBJECT_OFFSET:
        return None
    return first


_CLAUSE_OPENER = _P["focus"].cue("clause_opener")


# The verbs that make the body a sentence opens with the actor of a later clause without a subject.
_OMITTED_VERB = _P["focus"].cue("omitted_subject_verb")
_SPEECH = _P["focus"].cue("speech")


# X依托A、B等载体,建设…: A and B are the means, X the actor; the means run to the next verb.
_MEANS_CUE = _P["focus"].cue("means")
_MEANS_END = _P["focus"].cue("means_end")


def _is_means(sent: Sentence, m: EntityMention) -> bool:
    before = sent.text[: m.start - sent.start]
    cues = list(_MEANS_CUE.finditer(before))
    return bool(cues) and _MEANS_END.search(before[cues[-1].end() :]) is None
