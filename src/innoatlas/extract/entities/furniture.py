"""Page furniture, credits, outlets and datelines: spans of a document that hold no mentions."""

from __future__ import annotations

import dataclasses
import re

from innoatlas.extract.entities.grammar import Candidate
from innoatlas.extract.entities.patterns import pattern
from innoatlas.lexicon.suffixes import suffix_type

# What follows 记者 when it opens a sentence (记者从某局获悉, 记者日前走访) rather than a byline.
_NOT_A_NAME = r"[从在今昨日近来走到据获了]"

# Lines that are page furniture, not article text.
_FURNITURE = re.compile(
    r"版权所有|ICP备|公网安备|©|网站建设|主办单位|承办单位|技术支持|友情链接|联系我们|扫一扫|责任编辑|(?<!数据)来源[::]"
)
# Credits: (某某社 某某摄), 某某管委会供图 (the body that gave the photo), 记者某某, 图/某某.
_CREDIT = re.compile(
    r"(?:[\u4e00-\u9fff]{1,6}(?:社|网|报)[ \t\u3000]+)?[\u4e00-\u9fff]{2,4}\s*摄(?:[/／]\S{0,8})?|[\u4e00-\u9fff·]{2,16}供图|(?:记者|通讯员|编辑|责编|供图|图/|文/|图片来源)[::\s]*(?!"
    + _NOT_A_NAME
    + r")[\u4e00-\u9fff、 ]{0,12}"
)


def blocked_spans(norm: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in norm.splitlines(keepends=True):
        m = _FURNITURE.search(line)
        if m:
            # a paragraph the page ran together with its editor's credit ((责任编辑：某某) after the
            # last sentence) keeps its sentences: the credit starts after the last sentence end
            credit = m.group() == "责任编辑"
            start = _SENTENCE_END.search(line[: m.start()]).end() if credit else 0
            spans.append((pos + start, pos + len(line)))
        pos += len(line)
    spans.extend(m.span() for m in _CREDIT.finditer(norm))
    spans.extend(m.span() for m in _OUTLET_NAME.finditer(norm))
    spans.extend(lead_spans(norm))
    spans.extend(m.span() for m in _STATISTIC.finditer(norm))
    spans.extend(m.span(1) for m in _FAVOURABLE_WIND.finditer(norm))
    return spans


def _datelines(norm: str) -> list[tuple[int, int]]:
    """某某社北京12月12日电（记者某某）: the agency before a wire's dateline and the byline after it
    go with it, wherever on its line the wire starts (after a photo credit, a caption)."""
    spans = []
    for m in _DATELINE.finditer(norm) if "日电" in norm else ():  # most texts carry no wire
        outlet = _AGENCY.search(norm, max(0, m.start() - MAX_AGENCY_CHARS), m.start())
        byline = _BYLINE.match(norm, m.end())
        spans.append((outlet.start() if outlet else m.start(), byline.end() if byline else m.end()))
    return spans


# 社会消费品零售总额: the statistics bureau's name of a figure (国家统计局 统计指标解释)
# holds the words of an industry (消费品) but names the figure, no industry.
_STATISTIC = re.compile(r"社会消费品零售总?额")
# 乘着…的东风, 抢抓…东风: the idiom of a favourable wind (借东风) is the object of
# a verb of seizing or the head of a 的 phrase, closing its clause; it names neither the carmaker
# nor a place called 东风.
_FAVOURABLE_WIND = re.compile(
    r"(?:的|[乘借抓][^,，。;；!！、]{0,12}?|[”\"])[“\"]?(东风)[”\"]?(?=[,，。;；!！]|$)"
)
# The end of the last sentence before a position (or the line's start when there is none).
_SENTENCE_END = re.compile(r"(?:.*[。！？!?])?")
_DATELINE = pattern("dateline").trigger
# 本报某城讯（某报记者某某）, 某某网某城5月8日消息: the outlet, the city and the byline.
_NEWS_LEAD = pattern("news_lead").trigger
# 当前位置：首页 > 某地新闻 > 正文: the site's sections, up to a long last one (the title).
_BREADCRUMB = pattern("breadcrumb").trigger
_SITE_PATH = pattern("breadcrumb").cue("site_path")
# An agency's name right before a dateline: a few characters ending in 社, 网 or 报.
_AGENCY = re.compile(r"[\u4e00-\u9fff]{1,6}(?:社|网|报)[ \t\u3000]*$")
MAX_AGENCY_CHARS = 8
# The byline in brackets right after a dateline ((记者 某某), (记者某某 通讯员某某)).
_BYLINE = re.compile(r"[ \t\u3000]*[（(][^（()）\n]{0,30}?(?:记者|通讯员)[^（()）\n]{0,30}[）)]")


# An outlet named as the source of the story (某某日报客户端, 某地新闻网讯): a place in it is no mention.
_OUTLET_NAME = re.compile(
    r"[\u4e00-\u9fff]{1,4}?(?:客户端|网讯|日报社?|晚报|早报|晨报|商报|新闻网|电视台|融媒体中心)"
)


def lead_spans(norm: str) -> list[tuple[int, int]]:
    """The story's lead (outlet, city, byline) and the site's path above it."""
    spans = [m.span() for m in _NEWS_LEAD.finditer(norm)] + _datelines(norm)
    return spans + [m.span() for m in _BREADCRUMB.finditer(norm) if _SITE_PATH.search(m.group())]


def inside_blocked(c: Candidate, blocked: list[tuple[int, int]]) -> bool:
    return any(a <= c.start and c.end <= b for a, b in blocked)


def after_lead(c: Candidate, leads: list[tuple[int, int]]) -> Candidate:
    """本报某城讯（…）|某某高新区: a name run on from a story's lead starts where it ends."""
    for a, b in leads:
        if a <= c.start < b < c.end:
            return dataclasses.replace(c, start=b)
    return c


# What a zone's 规划 plans when the word opens a phrase of its own (规划面积12平方公里).
_PLANNED_WHAT = re.compile(r"总?(?:面积|建设|布局|用地|范围|人口|控制)")


def trimmed(norm: str, c: Candidate) -> Candidate:
    """会议上 某县人民政府: a space the layout put before or after a name is not part of it, nor
    the particle 的 a name never opens with (…举行的|第九届某某大会)."""
    start, end = c.start, c.end
    while start < end and (norm[start].isspace() or norm[start] == "的"):
        start += 1
    if norm.endswith("规划", start, end) and _PLANNED_WHAT.match(norm, end):
        # 某新区|规划面积, 某产业园|规划建设: what the zone plans, not a plan's name
        zone = suffix_type(norm[start : end - 2])
        if zone is not None and zone[1] == "zone":
            return dataclasses.replace(c, start=start, end=end - 2, type="zone")
    while end > start and norm[end - 1].isspace():
        end -= 1
    return c if (start, end) == (c.start, c.end) else dataclasses.replace(c, start=start, end=end)
