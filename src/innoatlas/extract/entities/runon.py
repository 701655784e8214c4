"""A place written right before more name characters: the head of a zone's name,
or a place and a firm written one after the other.

Chinese writes no space or particle inside a name: a province or city
followed directly by a zone's short name (某市|某某, the way 北京中关村 is one
name) or by words that a zone's suffix closes (某省|某某综合改革示范区, 某市|某某
装备产业园) is one name, the zone's, not a mention of the place. Only
a particle, a conjunction, a verb that governs what follows (建设, 打造, 获批)
or a separator ends the place.
"""

from __future__ import annotations

from innoatlas.extract.entities.grammar import GENERIC_WORDS, NAME_TAGS, NAME_VERBS, Candidate, TokenIndex
from innoatlas.lexicon.divisions import division_names, full_division_names
from innoatlas.lexicon.industries import load_industries
from innoatlas.lexicon.suffixes import load_suffixes, suffix_type, trade_words
from innoatlas.lexicon.zones import zone_names

# Longest run of characters read after the place up to and with a zone's suffix.
MAX_RUN_CHARS = 14
# A suffix of one character (园, 谷) closes too many ordinary words to end a run.
MIN_SUFFIX_CHARS = 2
_PLACE_TAGS = frozenset({"LOC", "ns"})
# Words a zone's name is made of: nouns and names, and adjectives and attributives
# (高端, 绿色, 国际) that name what the zone is for.
_RUN_TAGS = NAME_TAGS | {"a", "b"}
# Level words that end the names of divisions (省, 州, 市, 县, 区, 镇, 乡, 旗, 盟).
_DIVISION_LEVELS = tuple("省州市县区镇乡旗盟")


def region_headed_names(norm: str, ix: TokenIndex, candidates: list[Candidate]) -> list[Candidate]:
    out = []
    for c in candidates:
        if c.type != "region" or norm[c.start : c.end] not in division_names():
            continue  # zones are named after divisions, not after economic regions
        k = ix.by_start.get(c.end)
        if k is None:
            continue
        end = _zone_short_name(ix, k) or _zone_run(norm, ix, c.start, k)
        if end is not None:
            out.append(Candidate(c.start, end, "zone", "run_on", 50, 0.7))
    return out


def _zone_short_name(ix: TokenIndex, k: int) -> int | None:
    """上海|张江: a place name that is no division after a division is a zone's short name."""
    tok = ix.tokens[k]
    if tok.tag not in _PLACE_TAGS or len(tok.text) < MIN_SUFFIX_CHARS:
        return None
    if tok.text in division_names() or tok.text in zone_names() or suffix_type(tok.text) is not None:
        return (
            None  # 四川|宜宾 is a division (merge_regions joins it); a named zone is a candidate of its own
        )
    if tok.text.endswith(_DIVISION_LEVELS):
        return None  # 四川|甘孜州: a division written in a form the list does not hold
    nxt = ix.by_start.get(tok.end)
    if nxt is not None and ix.tokens[nxt].tag in _PLACE_TAGS:
        return None  # a run of places (上海张江|贵安) is read by the suffix grammar
    if nxt is not None and (suffix_type(ix.tokens[nxt].text) or ("", ""))[1] == "zone":
        return (
            None  # 某区|某某集成电路|产业园: a zone's suffix follows, and the suffix grammar names it whole
        )
    return tok.end


def _zone_run(norm: str, ix: TokenIndex, start: int, k: int) -> int | None:
    """某省|某某综合改革示范区: name words up to a zone's suffix, with no word that ends the place."""
    stop = load_suffixes().left_stop
    words = []
    for tok in ix.tokens[k:]:
        run = tok.end - (words[0].start if words else tok.start)
        if run > MAX_RUN_CHARS or tok.text in stop or (words and words[-1].end != tok.start):
            return None
        if tok.tag not in _RUN_TAGS and tok.text not in NAME_VERBS and not _time_word(tok):
            return None
        words.append(tok)
        found = suffix_type(norm[start : tok.end])
        if found is None or found[1] != "zone" or len(found[0]) < MIN_SUFFIX_CHARS:
            continue
        inner = norm[words[0].start : tok.end - len(found[0])]
        return tok.end if inner and inner not in GENERIC_WORDS else None
    return None


def _time_word(tok) -> bool:
    """未来 (未来产业科技园) is tagged as time; a date (2023年) is not part of a zone's name."""
    return tok.tag == "TIME" and not any(ch.isdigit() for ch in tok.text)


# Legal forms a registered firm name ends with: a name with one may open with its
# province and city in full (某省某市某某科技有限公司) and stays whole.
_LEGAL_FORMS = ("公司", "集团", "股份", "控股", "有限合伙")
# A province and its city written in full before the firm: one full place name alone
# opens many short names of bodies (某市某某中心) that are one name.
MIN_PLACES = 2


def places_before_firms(norm: str, chosen: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in chosen:
        before = out[-1] if out and out[-1].type == "region" and out[-1].end == c.start else None
        out.extend(place_before_firm(norm, c, placed=before is not None))
    return out


def place_before_firm(norm: str, c: Candidate, placed: bool = False) -> list[Candidate]:
    """某省某市|某某电器: a firm's short name after the full names of its province and
    city is the place and the firm; a registered name (…有限公司) keeps its place.
    `placed`: the province stands right before, as a name of its own."""
    name = norm[c.start : c.end]
    if c.type != "enterprise" or c.extractor != "lac" or name.endswith(_LEGAL_FORMS):
        return [c]
    k = places = 0
    while True:
        step = next((n for n in range(min(len(name) - k, 8), 1, -1) if name[k : k + n] in _full_names()), 0)
        if step == 0:
            break
        k, places = k + step, places + 1
    if places + placed < MIN_PLACES or len(name) - k < MIN_SUFFIX_CHARS:
        return [c]
    return [
        Candidate(c.start, c.start + k, "region", "gazetteer", c.priority, c.confidence),
        Candidate(c.start + k, c.end, "enterprise", c.extractor, c.priority, c.confidence),
    ]


def _full_names() -> frozenset[str]:
    return full_division_names()


# -- a city and a group's short name: the group's plant there -----------------

# 常州比亚迪, 合肥比亚迪, 成都微芯: a division written right before a firm's short name (its
# brand, two to four characters, no legal form) names the firm's company or plant in that
# place, as the place's people call it; the place and the brand are one name.
MAX_BRAND_CHARS = 4


def local_firm_names(norm: str, chosen: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in chosen:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == "region"
            and prev.end == c.start
            and c.type == "enterprise"
            and MIN_SUFFIX_CHARS <= c.end - c.start <= MAX_BRAND_CHARS
            and not norm[c.start : c.end].endswith(_LEGAL_FORMS)
            and norm[prev.start : prev.end] in division_names()
        ):
            out[-1] = Candidate(prev.start, c.end, "enterprise", c.extractor, c.priority, c.confidence)
            continue
        out.append(c)
    return out


# -- a place, a trade name and a trade: a firm's short name ---------------------

# 某省|远帆|生物: a division, a trade name (字号) of two or three characters that is no
# word of the vocabulary, and a trade word, with nothing after them that goes on
# with the name, is a firm's registered name without its organisation form.
_TRADE_NAME_CHARS = (2, 3)
# Tags that end a name: verbs, function words, numbers, times and punctuation (a trade
# name is any word the tagger makes of it: 青禾/d, 远帆/PER).
_NOT_NAME_TAGS = frozenset(
    {"v", "vd", "vn", "u", "c", "p", "w", "m", "r", "q", "TIME", "f", "xc", "LOC", "ns"}
)


def region_headed_firms(norm: str, ix: TokenIndex, candidates: list[Candidate]) -> list[Candidate]:
    out = []
    trades = trade_words()
    for c in candidates:
        if c.type != "region" or norm[c.start : c.end] not in division_names():
            continue
        k = ix.by_start.get(c.end)
        if k is None:
            continue
        end = _trade_name_end(norm, ix, k, trades)
        if end is not None:
            out.append(Candidate(c.start, end, "enterprise", "run_on", 50, 0.6))
    return out


def _trade_name_end(norm: str, ix: TokenIndex, k: int, trades: frozenset[str]) -> int | None:
    start = ix.tokens[k].start
    for j in range(k, min(k + 3, len(ix.tokens))):
        tok = ix.tokens[j]
        if tok.tag in _NOT_NAME_TAGS or (j > k and tok.start != ix.tokens[j - 1].end):
            return None
        # the longest trade word the token ends with (新能源, not 能源): one reading, whatever the set's order
        trade = max((t for t in trades if tok.text.endswith(t)), key=len, default=None)
        name_len = tok.end - len(trade) - start if trade else 0
        if trade and name_len in _TRADE_NAME_CHARS:
            name, terms = norm[start : start + name_len], load_industries()[0]
            if name in GENERIC_WORDS or name in division_names():
                return None
            if any(norm[start + i : tok.end] in terms for i in range(name_len)):
                return None  # 某市|先进新材料, 某市|生物医药: the place and an industry, no firm
            nxt = ix.tokens[j + 1] if j + 1 < len(ix.tokens) else None
            if nxt is not None and nxt.start == tok.end and nxt.tag in ("n", "nz", "vn", "j"):
                return None  # 某省某某生物|产业园: the run goes on into another name
            return tok.end
    return None
