"""Names set off by punctuation: policies and plans in 《》, quoted names of programmes
(“满天星”行动计划, “某区人才卡”), programmes named by a quoted number (“4+4+6”…体系) and
a quoted name followed by the kind of thing it names (“园区通”智慧服务平台).
"""

from __future__ import annotations

import re

from innoatlas.extract.entities.grammar import NAME_VERBS, Candidate, TokenIndex
from innoatlas.lexicon.divisions import division_names
from innoatlas.lexicon.suffixes import suffix_type

_POLICY_END = re.compile(
    r"(意见|计划|方案|办法|规划|纲要|政策|通知|条例|规定|措施|任务|细则|指南|清单|决定|行动|法|战略|目录|标准|"
    r"报告|白皮书|名单|榜单|机制|导则|若干|十条|条|要点|建议|指引|通报|公告|准则|"
    # an agreement signed under its title (《某某战略合作协议》, 《共建协议》, 《合作备忘录》)
    r"协议|协定|备忘录)"
    # the edition or years a title may end with: 某报告2024, 某方案(2022—2025年)
    r"(?:\d{4}|[(（]\d{4}(?:[-—–~至]\d{4})?年?[)）])?$"
)
# 《报告》, 《方案》: a title that is only its kind word points back to the document named before.
_KIND_ONLY = re.compile(r"(?:该|本|此)?[\u4e00-\u9fff]{2,3}")
_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_QUOTED = re.compile(r"“([^“”\n]{2,14})”")
_QUOTE_PROGRAM_NEXT = re.compile(
    r"(行动|计划|工程|品牌|政策|战略|专项|活动|体系|机制|改革|服务|创建|试点|示范)"
)


def title_candidates(norm: str) -> list[Candidate]:
    """Policies and plans named in 《》; other titles (news, books) are skipped."""
    out = []
    for m in _TITLE.finditer(norm):
        inner = m.group(1).strip()
        kind = _POLICY_END.search(inner)
        if kind is not None and _KIND_ONLY.fullmatch(inner) and kind.start() <= 1:
            continue  # 《报告》显示: the report named before
        if kind is not None or (suffix_type(inner) or ("", ""))[1] == "program":
            out.append(Candidate(m.start(1), m.end(1), "program", "title", 100, 0.9))
    return out


# A quoted two-character word is a verb or a common noun set off for emphasis (“上门”服务, “比拼”),
# and a programme's name needs two characters before its kind word (揭|榜 is a verb and its object).
MIN_QUOTED_WORD = 2
MIN_NAME_HEAD = 2


# A quote that opens with a verb of doing is a quoted phrase of a speech or
# plan (“全面实施…行动”), not a name; the name inside it is found on its own.
_QUOTED_CLAUSE = re.compile(r"(全面|深入|加快|大力|积极|持续)?(实施|推进|推动|开展|落实|建设|打造|培育|发展)")


def quoted_candidates(norm: str) -> list[Candidate]:
    """Quoted names of programmes: “满天星”行动计划, “某区人才卡”."""
    out = []
    for m in _QUOTED.finditer(norm):
        inner = m.group(1)
        if re.search(r"[,。;:!?、 ]", inner) or _QUOTED_CLAUSE.match(inner):
            continue
        nxt = _QUOTE_PROGRAM_NEXT.match(norm, m.end()) if len(inner) > MIN_QUOTED_WORD else None
        found = suffix_type(inner)
        if nxt or (found and found[1] == "program" and len(inner) - len(found[0]) >= MIN_NAME_HEAD):
            out.append(Candidate(m.start(1), m.end(1), "program", "quoted", 70, 0.7))
    for m in _LONG_QUOTED.finditer(norm):
        if norm.startswith("模式", m.end()):
            continue  # “一区多园”模式: a way of working, whatever word the quote ends in
        found = suffix_type(m.group(1))
        if found and found[1] != "program" and len(m.group(1)) - len(found[0]) >= 2:
            out.append(Candidate(m.start(1), m.end(1), found[1], "quoted_named", 70, 0.7))
    return out


# A whole quoted name ending in a suffix: “某省数据交易网”, “2025年度…TOP30软件园区”.
_LONG_QUOTED = re.compile(r"“([^“”\n,。;:!?、 ]{4,32})”")


# The number may be written in digits or in Chinese numerals (“三二一”产业体系),
# but not a plan period (“十四五”), which is no programme's own name.
# The code may hold an open term (“4+2+N”) and a times sign (“4×4”); the kind ends the
# name at its last head word within reach (“20+8”产业集群, “1310”具体部署, “3+3”现代产业,
# “4+2+N”现代产业体系); a head that goes on into a longer noun (产业园, 政策文件) ends nothing.
_NUMBERED = re.compile(
    r"“(?!十[一二三四五六七八九]五)(?=[^”]*[0-9一二三四五六七八九十])[0-9+×Nn一二三四五六七八九十]{2,12}”"
    r"(?:(?![和与及的])[\u4e00-\u9fff]){0,10}(?:体系|模式|格局|战略|工程|计划|行动|政策|部署|产业|集群)(?![园链群区基文])"
)


def numbered_candidates(norm: str) -> list[Candidate]:
    """Programmes named by a quoted number: “4+4+6”现代化产业体系."""
    return [Candidate(m.start(), m.end(), "program", "quoted", 70, 0.7) for m in _NUMBERED.finditer(norm)]


_QUOTED_HEAD = re.compile(r"“([^“”\n,。;:!?、 ]{2,10})”")
# Longest common-noun tail after a quoted head (“园区通”智慧服务平台).
MAX_QUOTED_TAIL = 8


# Events that are named only by a quoted title before them: a press conference alone
# (新闻发布会) is no name, a series of them under one title is.
_QUOTED_EVENT_HEADS = ("发布会",)


def quoted_head_candidates(norm: str, ix: TokenIndex) -> list[Candidate]:
    """A quoted name followed by the kind of thing it names: “园区通”智慧服务平台, “科创经纪人”成果转化模式."""
    out = []
    for m in _QUOTED_HEAD.finditer(norm):
        for end in range(m.end() + 2, min(len(norm), m.end() + MAX_QUOTED_TAIL) + 1):
            tail = norm[m.end() : end]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", tail) or end not in ix.by_end:
                if not re.fullmatch(r"[\u4e00-\u9fff]+", tail):
                    break
                continue
            found = suffix_type(tail)
            etype = found[1] if found and len(tail) > len(found[0]) else None
            start = m.start()
            if etype is None and tail.endswith(_QUOTED_EVENT_HEADS):
                etype = "program"  # “某某”系列新闻发布会: a series named by its title
                start = _host_place_before(norm, ix, start)  # 某省“…”系列新闻发布会: its host's too
            if etype is not None and not _all_tail_words_common(ix, m.end(), end):
                out.append(Candidate(start, end, etype, "quoted", 70, 0.7))
                break
    return out


def _host_place_before(norm: str, ix: TokenIndex, start: int) -> int:
    """The start of a division's name written right before `start`, else `start`."""
    i = ix.by_end.get(start)
    return ix.tokens[i].start if i is not None and ix.tokens[i].text in division_names() else start


def _all_tail_words_common(ix: TokenIndex, start: int, end: int) -> bool:
    """The tail must be nouns (智慧服务平台), not a verb phrase (”创造世界纪录)."""
    i = ix.pos_token[start]
    while i >= 0 and i < len(ix.tokens) and ix.tokens[i].start < end:
        if ix.tokens[i].tag not in ("n", "vn", "nz", "an") and ix.tokens[i].text not in NAME_VERBS:
            return True
        i += 1
    return False
