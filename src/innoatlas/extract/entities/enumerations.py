"""Industries named as the items of an enumeration or coordinated with named ones; firms coordinated with a named firm.

Chinese lists industries by joining them with 、 and closing the list with
the kind of thing they are, often with 等 and a count:
    A、B、C等产业 / A、B和C三大产业 / A、B等新兴领域 / A、B、C四条产业链.
Each item is then an industry, whatever the vocabulary knows of it (the
tagger's names of firms and places are not items: 京东方、康宁等企业落户的产业
园). 领域 is left out: it closes lists of public services as often
(教育、医疗等民生领域), so a bare 等领域 closes a list of industries only when no
item is a public service. An item is the run of noun-like tokens between two separators; the first item
has no separator before it, so it is the run of noun-like tokens after the
last verb or preposition (发展|A、B等产业).
"""

from __future__ import annotations

import re

from innoatlas.extract.entities.grammar import Candidate, TokenIndex, frame_opening
from innoatlas.extract.entities.patterns import pattern
from innoatlas.lexicon.divisions import division_names
from innoatlas.lexicon.industries import compound_stop_words, load_industries, public_services
from innoatlas.lexicon.suffixes import load_suffixes, suffix_type

# A closing kind word with what may stand between the last item and it: 等, a count
# (三大, 4个, 两条), a qualifier of the kind (重点, 新兴, 万亿元级).
CLOSE = pattern("enumeration_close")
_CLOSE = CLOSE.trigger
# 领域 closes lists of public services as often (教育、医疗等民生领域): only these
# qualifiers make it a list of industries (A、B等新兴领域).
_FIELD_QUALIFIERS = CLOSE.cue("field_qualifiers")
# Verbs of focus whose object may be a short list without a closing kind word
# (聚焦储能与氢能, 深耕A和B): coordinated objects are of one kind.
_SUB_SECTOR = CLOSE.cue("sub_sector")
_KEY_LINKS = CLOSE.cue("key_links")
_FOCUS_VERB = pattern("focus_verb").trigger
# 以A、B、C为主导: the objects of 以 before the frame's head are of one kind.
_LEAD_FRAME = pattern("lead_frame").trigger
MAX_FRAME_LIST = pattern("lead_frame").params["max_object_list"]
_CLAUSE_END = re.compile(r"[,，;；。:：!?！？\n]")
# Longest stretch from a focus verb to the end of its clause that is read as a list of objects.
MAX_OBJECT_LIST = pattern("focus_verb").params["max_object_list"]
# Tags of the tokens an industry's name is made of (nouns, verbal nouns, names, abbreviations).
_ITEM_TAGS = frozenset({"n", "nz", "vn", "j", "an", "nw", "a", "b", "f"})
MAX_ITEM_TOKENS = 4
MAX_ITEM_CHARS = 10
MIN_ITEM_CHARS = 2
# Fewer items than this are not an enumeration (A产业 alone is handled by the vocabulary).
MIN_ITEMS = 2


def enumerated_industries(norm: str, ix: TokenIndex) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _CLOSE.finditer(norm):
        if _clause_before_kind(ix, m) or _unqualified_links(m):
            continue
        items = _items_before(norm, ix, m.start())
        if m.group("kind") == "领域" and not _FIELD_QUALIFIERS.fullmatch(m.group("qual")):
            industries = not m.group("qual") and _list_of_fields(norm, ix, items)
        else:
            # A list is one of industries when the vocabulary knows one of its items
            # (新技术、新工艺等 and 教育、医疗等 close with 行业 too), or when three or
            # more items close with 等 and an industry's own kind word (A、B、C等行业).
            industries = any(_known_item(norm[a:b]) for a, b in items) or _long_trade_list(m, items, ix)
        if len(items) >= MIN_ITEMS and industries:
            out.extend(Candidate(a, b, "industry", "enumeration", 46, 0.75) for a, b in items)
    out.extend(_lead_frame_items(norm, ix))
    for m in _FOCUS_VERB.finditer(norm):
        end = _CLAUSE_END.search(norm, m.end())
        if end is None or end.start() - m.end() > MAX_OBJECT_LIST:
            continue
        # 聚焦A、B两大重点方向: a closing count or kind word ends the list, it is no part of its last item
        close = _CLOSE.search(norm, m.end(), end.start())
        # 聚焦A、B等方向: 等 closes the list whatever kind word follows it
        deng = norm.find("等", m.end(), end.start())
        stop = close.start() if close else deng if deng > m.end() else end.start()
        items = _items_before(norm, ix, stop)
        if (
            len(items) >= MIN_ITEMS
            and items[-1][0] == m.end()
            and any(_known_item(norm[a:b]) for a, b in items)
        ):
            out.extend(Candidate(a, b, "industry", "enumeration", 46, 0.75) for a, b in items)
    return out


def _unqualified_links(m: re.Match) -> bool:
    """研发、测试、运营等环节: the links of a chain are its trades only as its key links
    (等关键环节); a bare 环节 closes lists of the steps of any work."""
    return m.group("kind") == "环节" and _KEY_LINKS.fullmatch(m.group("qual")) is None


def _lead_frame_items(norm: str, ix: TokenIndex) -> list[Candidate]:
    """以A、B、C为主导: a list that opens right after 以 and closes at the frame's 为."""
    out: list[Candidate] = []
    for m in _LEAD_FRAME.finditer(norm):
        opening = frame_opening(norm, m.start(), MAX_FRAME_LIST)
        if opening is None:
            continue
        # 以A、B等为主导: 等 closes the list; 以A为主导、B为支柱: parallel frames, not one list
        items = _items_before(norm, ix, m.start() - (norm[m.start() - 1] == "等"))
        if (
            len(items) >= MIN_ITEMS
            and items[-1][0] == opening + 1
            and not any("为" in norm[a:b] for a, b in items)
            and any(_known_item(norm[a:b]) for a, b in items)
        ):
            out.extend(Candidate(a, b, "industry", "enumeration", 46, 0.75) for a, b in items)
    return out


def _list_of_fields(norm: str, ix: TokenIndex, items: list[tuple[int, int]]) -> bool:
    """A、B、C等领域 with no qualifier: a list of industries when an item starts or ends
    with a term of the vocabulary (激光|技术, 医药|流通) and none is a public service
    (教育、医疗、养老等领域 is a list of public services, whatever else it holds), nor
    a topic (某产业创新发展) or a bare verb sharing a modifier written once (量子通信、计算)."""
    texts = [norm[a:b] for a, b in items]
    known = load_industries()[0]
    services = public_services()
    if any(t not in known and any(w in t for w in services) for t in texts):
        return False
    if any(_topic(t) for t in texts) or any(_bare_verb(ix, a, b) for a, b in items):
        return False
    return len(texts) >= MIN_ITEMS and any(
        _known_item(t) or any(t[:k] in known for k in range(2, len(t) - 1)) for t in texts
    )


def _topic(text: str) -> bool:
    """氢能产业集聚发展: an industry's kind word inside an item makes it a topic about the industry."""
    return any(0 < text.find(kind) < len(text) - len(kind) for kind in ("产业", "行业"))


def _bare_verb(ix: TokenIndex, start: int, end: int) -> bool:
    """计算 in 量子通信、计算、测量: a lone verb whose modifier the list wrote once, on its first item."""
    k = ix.by_start.get(start)
    return k is not None and ix.tokens[k].end == end and ix.tokens[k].tag in ("v", "vn")


# Items a list closed by 等行业 or 等产业 needs to be read as industries without
# the vocabulary knowing one: two are as often pairs of public services.
MIN_UNKNOWN_ITEMS = 3


def _clause_before_kind(ix: TokenIndex, m: re.Match) -> bool:
    """等一批具有产业基础的大项目: a verb or a count among the words between 等 and the kind
    word makes them a clause about something else, and the kind word no head of the list."""
    if not m.group("qual"):
        return False
    k = ix.pos_token[m.start("qual")]
    while 0 <= k < len(ix.tokens) and ix.tokens[k].start < m.end("qual"):
        if ix.tokens[k].tag in ("v", "m"):
            return True
        k += 1
    return False


def _long_trade_list(m, items: list[tuple[int, int]], ix: TokenIndex) -> bool:
    """A、B、C等行业 (or 等细分领域) closing its noun phrase (not 等行业|经验, where 行业 qualifies a noun)."""
    nxt = ix.by_start.get(m.end())
    qualifies = nxt is not None and ix.tokens[nxt].tag in ("n", "vn", "nz")
    trades = m.group("kind") in ("产业", "行业", "行业领域") or (
        m.group("kind") == "领域" and _SUB_SECTOR.fullmatch(m.group("qual")) is not None
    )
    return len(items) >= MIN_UNKNOWN_ITEMS and m.group(0).startswith("等") and trades and not qualifies


def _known_item(text: str) -> bool:
    """An industry of the vocabulary, or a narrower one headed by it (金融|大模型, 工业|机器人)."""
    known = load_industries()[0]
    return text in known or any(text[k:] in known for k in range(1, len(text) - 1))


def _items_before(norm: str, ix: TokenIndex, end: int) -> list[tuple[int, int]]:
    items: list[tuple[int, int]] = []
    while True:
        item = _item_ending(norm, ix, end)
        if item is None:
            return items
        items.append(item)
        sep = item[0] - 1
        k = ix.by_end.get(item[0])
        if k is not None and _LIST_VERB.fullmatch(ix.tokens[k].text) and ix.tokens[k].start > 0:
            sep = ix.tokens[k].start - 1  # 、做强|玻璃新材料: the item's own verb stands before it
        if sep < 0 or norm[sep] not in "、和及与":
            return items
        end = sep


def _item_ending(norm: str, ix: TokenIndex, end: int) -> tuple[int, int] | None:
    """The item ending at `end`: noun-like tokens back to a separator, a verb or the length limit."""
    j = ix.by_end.get(end)
    if j is None:
        return None
    whole = _between_separators(norm, ix, end)
    if whole is not None:
        return whole, end
    start = None
    for k in range(j, max(-1, j - MAX_ITEM_TOKENS), -1):
        t = ix.tokens[k]
        # A verb may close a compound item (装备|制造, 生物|制造), not stand inside one.
        if t.tag not in _ITEM_TAGS and not (k == j and t.tag == "v") or end - t.start > MAX_ITEM_CHARS:
            break
        if k < j and (t.text in load_suffixes().left_stop or t.text in compound_stop_words()):
            break  # 前瞻布局|人工智能, 辖区|信息技术: a verb or a word of scope opens no item
        start = t.start
        if t.start == 0 or norm[t.start - 1] in _SEPARATORS:
            break
    if start is None or end - start < MIN_ITEM_CHARS:
        return None
    return start, end


def _two_items(left: str, right: str) -> bool:
    """新材料和高端制造 joins two industries, the vocabulary knowing one of them as
    written; a pair it knows neither half of is one field, often with a shared
    head (干细胞和免疫治疗: 干细胞治疗 and 免疫治疗), and stays one item."""
    known = load_industries()[0]
    return left in known or right in known


def _between_separators(norm: str, ix: TokenIndex, end: int) -> int | None:
    """Start of an item with 、 before it: taken whole whatever its tags (、海洋装备等),
    but for the list's own verb before it (做强|新材料) and a last pair joined by 和
    (、新材料和高端制造等), unless the vocabulary names the pair (GB/T 4754's 软件和信息技术服务业)."""
    start = end
    while start > 0 and end - start <= MAX_ITEM_CHARS and "\u4e00" <= norm[start - 1] <= "\u9fff":
        start -= 1
    ok = start > 0 and norm[start - 1] == "、" and end - start >= MIN_ITEM_CHARS and start in ix.by_start
    if not ok or end - start > MAX_ITEM_CHARS:
        return None
    joint = max(norm.rfind(c, start, end) for c in "和及与")
    pair = norm[start:end] not in load_industries()[0] and _two_items(
        norm[start:joint], norm[joint + 1 : end]
    )
    if joint > start and pair and joint + 1 in ix.by_start:
        return None  # the pair is two items: _items_before reads them one by one
    first = ix.tokens[ix.by_start[start]]
    if _LIST_VERB.fullmatch(first.text) and end - first.end >= MIN_ITEM_CHARS and first.end in ix.by_start:
        return first.end
    return start


# Verbs of building up an industry that a list repeats before each item
# (做精A、做强B两大产业; 壮大A、培育B等产业).
_LIST_VERB = pattern("list_verb").trigger

_SEPARATORS = frozenset("、和及与,，;；:：。“”《》()（）\n ")


# -- firms coordinated with a named firm -------------------------------------

# Items coordinated with 、 are things of one kind: after a firm named in full
# (某某集团、…) the short names that follow are firms too (华创科技、远航重工).
_COORD_TYPES = frozenset({"enterprise"})
# A firm named in full (suffix), by a list (gazetteer) or by the tagger (a name it
# reads as an organisation) opens such a list.
_COORD_SOURCES = frozenset({"suffix", "gazetteer", "lac", "listed"})
# The tagger reads two-character words as organisations too readily (创新|筑基/ORG).
MIN_TAGGED_FIRM = 3
# 甲、乙等5项工作, 等“三统一”: a list closed by a count of things, not of firms.
_COUNTED_THINGS = re.compile(r"等(?:[“\"]|[\d一二三四五六七八九十两]+[个项大条类])")
_TRADE_ROLE = re.compile(r"(?:上下游|配套|龙头|头部|领军|骨干|上市|生产|制造)+$")


def _trade_or_place(text: str) -> bool:
    """新材料, 风电配套 (a trade and its role), 重庆: items of another kind than firms."""
    terms, heads, generic = load_industries()
    core = _TRADE_ROLE.sub("", text)
    return core in terms or core in generic or text.endswith(heads) or text in division_names()


_ITEM_END = re.compile(r"[、,，;；。:：!?！？“”()（）\s]|等")
MAX_COORD_ITEM = 6


def coordinated_candidates(norm: str, ix: TokenIndex, known: list[Candidate]) -> list[Candidate]:
    out = []
    for c in known:
        if c.type not in _COORD_TYPES or c.extractor not in _COORD_SOURCES:
            continue
        tagged = c.extractor in ("lac", "listed")  # one word read as a name: its list may be of other things
        if tagged and c.end - c.start < MIN_TAGGED_FIRM:
            continue
        items = []
        end = c.end
        while end < len(norm) and norm[end] == "、":
            item = _next_item(norm, ix, end + 1, bounded=tagged)
            if item is None or _trade_or_place(norm[end + 1 : item]) or _common_word(ix, end + 1, item):
                break  # 某某电子、风电配套等: the list goes on with trades, not firms; 金融、文化: with fields
            if _JOINED_ITEM.search(norm, end + 1, item):
                break  # 国务院和省委: two names joined, not one item
            items.append(Candidate(end + 1, item, c.type, "list", 44, 0.6))
            end = item
        if not (tagged and _COUNTED_THINGS.match(norm, end)):
            out.extend(items)
    return out


_JOINED_ITEM = re.compile(r"[和与及]")
# Tags of the tagger's ordinary words: a two-character one alone (金融, 文化, 科技) is a field
# or a kind of thing, no firm's short name (those the tagger reads as names: 腾讯/ORG).
_COMMON_TAGS = frozenset({"n", "vn", "v", "a", "an"})
MAX_COMMON_ITEM = 2


def _common_word(ix: TokenIndex, start: int, end: int) -> bool:
    i = ix.by_start.get(start)
    if i is None or end - start > MAX_COMMON_ITEM:
        return False
    t = ix.tokens[i]
    return t.end == end and t.tag in _COMMON_TAGS


def _next_item(norm: str, ix: TokenIndex, start: int, bounded: bool = False) -> int | None:
    """End of the item that starts at `start`: the next separator, or the verb after a
    last item (not when `bounded`: 罗氏诊断|两家 would be cut at the verb 诊断)."""
    if start not in ix.by_start:
        return None
    stop = _ITEM_END.search(norm, start)
    limit = stop.start() if stop else len(norm)
    if limit - start <= MAX_COORD_ITEM and norm[limit : limit + 1] in ("、", "等") and limit in ix.by_end:
        return limit if limit - start >= 2 else None
    if bounded:
        return None
    # the last item: up to the first two-character verb (远航重工|稳居)
    i = ix.by_start[start]
    while i < len(ix.tokens) and ix.tokens[i].start < limit:
        t = ix.tokens[i]
        if t.tag == "v" and len(t.text) >= 2 and t.start > start:
            ok = 2 <= t.start - start <= MAX_COORD_ITEM and all(
                ch >= "\u4e00" for ch in norm[start : t.start]
            )
            return t.start if ok else None
        i += 1
    return None


# -- items coordinated with named industries ----------------------------------

# Items joined by 、 are things of one kind (the same reason as for firms above): in a
# list of three or more where most items are industries already, the others are too
# (储能、氢能、某新材料, with or without a closing kind word).
MIN_COORD_ITEMS = 3
_CLAUSE_STOP = re.compile(r"[,，;；。:：!?！？\n“”\"《》()（）]")
_LAST_ITEM_END = frozenset("等和及与,，;；。:：!?！？\n")
_KIND_AFTER = ("产业", "行业", "领域", "方向", "赛道", "集群", "板块")


def coordinated_industries(norm: str, ix: TokenIndex, known: list[Candidate]) -> list[Candidate]:
    spans = {(c.start, c.end): c for c in known}
    out: list[Candidate] = []
    pos = 0
    for stop in _CLAUSE_STOP.finditer(norm + "\n"):
        clause = (pos, stop.start())
        pos = stop.end()
        if norm.count("、", *clause) < MIN_COORD_ITEMS - 1:
            continue
        for items in _coordinated_runs(norm, ix, clause):
            out.extend(_industry_items(norm, items, spans))
    return out


def _coordinated_runs(norm: str, ix: TokenIndex, clause: tuple[int, int]) -> list[list[tuple[int, int]]]:
    """Each run A、B、C of a clause as item spans (inner items between two 、, the outer
    ones as far as the noun-like tokens reach)."""
    seps = [i for i in range(*clause) if norm[i] == "、"]
    runs: list[list[int]] = []
    for s in seps:
        if (
            runs
            and all("\u4e00" <= ch <= "\u9fff" for ch in norm[runs[-1][-1] + 1 : s])
            and (s - runs[-1][-1] - 1 <= MAX_ITEM_CHARS)
        ):
            runs[-1].append(s)
        else:
            runs.append([s])
    out = []
    for run in runs:
        first = _item_ending(norm, ix, run[0])
        last_end = _last_item_end(norm, ix, run[-1] + 1, clause[1])
        if first is None or last_end is None:
            continue
        items = [first] + [(a + 1, b) for a, b in zip(run, run[1:], strict=False)] + [(run[-1] + 1, last_end)]
        if len(items) >= MIN_COORD_ITEMS:
            out.append(items)
    return out


# 产值, 增加值, 营收: the figures statistics give for an industry, after its kind word.
_INDUSTRY_FIGURES = ("产值", "总产值", "增加值", "营收", "营业收入", "规模")


def _last_item_end(norm: str, ix: TokenIndex, start: int, limit: int) -> int | None:
    """End of the last item: its noun-like tokens, up to 等/和, the clause end or a kind word."""
    k = ix.by_start.get(start)
    if k is None:
        return None
    end = None
    while k < len(ix.tokens) and ix.tokens[k].start < limit:
        t = ix.tokens[k]
        if t.tag not in _ITEM_TAGS or t.end - start > MAX_ITEM_CHARS or t.text in _KIND_AFTER:
            break
        end = t.end
        k += 1
    if end is None or end - start < MIN_ITEM_CHARS:
        return None
    after = norm[end : end + 2]
    if after in _KIND_AFTER:
        # 、某某产业 closes the list only when the kind word ends the phrase (not 某某产业集聚区),
        # or when a figure of the industries follows it (某某产业产值分别增长…)
        closes = end + 2 >= limit or norm[end + 2] in _LAST_ITEM_END
        return end if closes or norm.startswith(_INDUSTRY_FIGURES, end + 2) else None
    return end if end >= limit or after[:1] in _LAST_ITEM_END else None


def _industry_items(norm: str, items: list[tuple[int, int]], spans: dict) -> list[Candidate]:
    if any(_topic(norm[a:b]) for a, b in items):
        return []  # 某产业创新发展、…: topics about industries, not industries
    known = [span for span in items if _is_industry(norm, span, spans)]
    if not known:
        return []
    others = [span for span in items if span not in known and _plain_item(norm, span, spans)]
    if len(known) + len(others) < len(items):
        return []  # an item of another kind (a firm, a place, a service): no list of industries
    return [
        Candidate(a, _without_field_word(norm, a, b), "industry", "enumeration", 46, 0.7) for a, b in others
    ]


# 电子信息领域、…: a word for a field after an item says what kind of thing it is; the
# industry is named without it (as 产业 and 行业, which are written into names, are not).
_FIELD_WORDS = ("领域", "方向", "赛道", "板块")


def _without_field_word(norm: str, start: int, end: int) -> int:
    text = norm[start:end]
    for w in _FIELD_WORDS:
        if text.endswith(w) and len(text) - len(w) >= MIN_ITEM_CHARS:
            return end - len(w)
    return end


# 新技术、新工艺、新业态: 新 before a bare noun names a kind of novelty, not a field.
_NOVELTY = re.compile(r"新[\u4e00-\u9fff]{1,2}")


def _is_industry(norm: str, span: tuple[int, int], spans: dict) -> bool:
    c = spans.get(span)
    return (c is not None and c.type == "industry") or _known_item(norm[span[0] : span[1]])


def _plain_item(norm: str, span: tuple[int, int], spans: dict) -> bool:
    text = norm[span[0] : span[1]]
    c = spans.get(span)
    if c is not None and c.type != "industry" and c.extractor != "lac":
        return False
    generic = load_industries()[2]
    named = suffix_type(text)
    return (
        (named is None or named[1] == "industry")
        and text not in generic
        and not _NOVELTY.fullmatch(text)
        and text not in division_names()
        and text not in public_services()
        and not any(ch.isdigit() for ch in text)
    )
