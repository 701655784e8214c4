"""Title, outlet and publication date of a document.

The date comes from the page's own date lines (发布时间, 来源 … 2024-01-28,
2025年08月22日14:41, a year line over a month/day line) or from a dated
newspaper edition line (《人民日报》2021年11月8日第09版), never from events
the article reports. A partial date (04-12 16:25) is completed only from
evidence in the document: a dated image file name or a year the text names.
A forum's post time is not the publication date when the text names the
original (a byline, a 来源 line, 本报…讯, 原标题).
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from datetime import date

from innoatlas.documents.clean import BREADCRUMB_SEP, CleanResult, Line
from innoatlas.documents.model import PublishedDate, RawDocument
from innoatlas.text import normalize_text

log = logging.getLogger(__name__)

# Header date lines are looked for in the first lines of the page only: later
# dates belong to a second copy of the page, teasers or comments.
HEAD_LINES = 20

# Titles longer than this are paragraphs, not headlines.
TITLE_MAX_CHARS = 60
TITLE_MIN_CHARS = 5

# A line naming the kind of document (某某管委会 新闻发布稿), not its title.
TITLE_LABEL = re.compile(r"(?:新闻发布稿|新闻通稿|通稿|新闻稿|发布稿|简报|第\s*\d+\s*期)\s*$")
# (not 2024年1-4月: a stretch of months, whose second month is no day)
FULL_DATE = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)(?!\s*月)")
STAMPED_DATE = re.compile(r"(?<!\d)\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}:\d{2}")
MONTH_DAY_TIME = re.compile(r"(?<![\d\-/])(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?\s+\d{1,2}:\d{2}")
MONTH_DAY = re.compile(r"^(\d{1,2})\s*[/-]\s*(\d{1,2})$")
# 日期:11-29 under an e-paper reader's own date: the edition the page shows.
EDITION_LABEL = re.compile(r"^日期\s*[:：]\s*(\d{1,2})\s*[-/]\s*(\d{1,2})$")
READER_LABEL_LINES = 8
YEAR_ONLY_LINE = re.compile(r"^(\d{4})$")
# 2026 01/15 10:31:59: the year, then month/day and the time, on one line (the layout that
# elsewhere puts the year and 01/15 on lines of their own).
YEAR_SPACE_MONTH_DAY = re.compile(r"^(\d{4})\s+(\d{1,2})\s*/\s*(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
YEAR_MONTH = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*月)?(?![\d\-/.月])")
# (an e-paper's path writes the same with slashes: 某报/2024 年/1 月/23 日/第 021 版)
EDITION_DATE = re.compile(
    r"([\u4e00-\u9fff]{2,6}报)[》」]?\s*[（(/]?\s*(\d{4})\s*年\s*/?\s*(\d{1,2})\s*月\s*/?\s*(\d{1,2})\s*日\s*/?\s*"
    r"(?:第\s*\d+\s*版|[）)])"
)
# 2022年02月27日 星期日: a day written with its weekday is a paper's issue date, in its
# masthead or in the footer of its digital edition.
WEEKDAY_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:星期|周)[一二三四五六日天]")
# 某报重庆1月27日讯, 某社 北京12月12日电, 某网(ID:abc)10月27日消息: an outlet's own dateline.
DATELINE = re.compile(
    r"^(?:[\u4e00-\u9fff\-·\s]{0,20}?(?:[(（][\w:：]{1,30}[)）])?)(\d{1,2})月(\d{1,2})日(?:讯|电|消息)"
)
# The same dateline with its year (2019年4月1日讯, 中新网2024年5月8日电): the story's own full date.
FULL_DATELINE = re.compile(
    r"^(?:[\u4e00-\u9fff\-·\s]{0,20}?(?:[(（][\w:：]{1,30}[)）])?)(\d{4})年(\d{1,2})月(\d{1,2})日(?:讯|电|消息)"
)
IMAGE_STAMP = re.compile(r"(?<!\d)(20\d{2})(\d{2})(\d{2})")
# https://news.site/202110/12345.shtml: the year and month a news site files an article under.
URL_STAMP = re.compile(r"https?://\S*?/(20\d{2})(0[1-9]|1[0-2])(?:\d{2})?/")
# A page flattened into one long line still opens with its date: a label (时间:2023-10-17) or,
# on a policy document, the document number before the date it was issued (某政办发〔2023〕7号 2023-03-02).
# A story's own date right after its 讯 or 消息: mark (某某日报讯（记者 某某）2024年5月20日，…,
# 某某网消息：2022年2月28日，…) and a date
# that the page's source or author line follows are the page's too, and so is a date after the
# page's metadata label (date 2025-08-30, Published: 2025-08-30). The time of an event the
# page announces (活动时间, 截止日期) is not.
LABELLED_DATE = re.compile(
    r"(?:(?:发布|发稿|更新|成文)?(?<!活动|会议|开幕|举办|报名|截止|申报|开工|签约)(?:时间|日期)\s*[:：]|〔\d{4}〕\s*\d{1,4}\s*号"
    # the page's metadata label in English, as saved pages and feeds carry it (date 2025-08-30)
    r"|(?<![A-Za-z])(?:[Dd]ate|DATE|[Pp]ublished|[Pp]ub[Dd]ate)\s*[:：]?"
    r"|[\u4e00-\u9fff](?:讯|消息\s*[:：])\s*(?:[（(][^（()）]{0,20}[）)])?)\s*"
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"
    # or a date the page's source or author line follows (标题 2023-10-17 来源：某某网)
    r"|(?<![\d\-/.])(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s+"
    r"(?=(?:稿件|文章|信息|新闻)?来源|作者|编辑|责任编辑|浏览|点击|字号)"
)
LABELLED_DATE_REACH = 160
# The source line of a page, its outlet and the date together (来源:某某晚报2016-07-30).
SOURCE_DATE = re.compile(r"来源\s*[:：]\s*[\u4e00-\u9fff]{2,12}\s*\d{4}-\d{1,2}-\d{1,2}")
# A date after these words is a deadline or the end of a validity (有效期至2027年12月31日).
# 分享到 (share to) is a page's share buttons, not a deadline.
DEADLINE_BEFORE = re.compile(r"(?:至|(?<!分享)到|截至|截止|失效日期|废止日期)\s*[:：]?\s*$")
# The issuer signing an official document, on the line above its date.
ISSUER_END = re.compile(r"(?:政府|办公室|办公厅|委员会|管委会|局|厅|委|部|院|中心|党委|公司)$")
SIGNATURE_LINES = 8
# A numeric date with the year last (02/03/2026), and dates with an English month name.
YEAR_LAST_DATE = re.compile(r"(?<![\d/.\-])(\d{1,2})[/.\-](\d{1,2})[/.\-](20\d{2})(?![\d/.\-])")
ENGLISH_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
ENGLISH_DATE = re.compile(
    r"(?:(?P<d1>\d{1,2})\s+)?(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
    r"\s+(?:(?P<d2>\d{1,2}),?\s+)?"
    # the time and zone between the day and the year of a server's stamp (Sun Apr 07 15:28:39 CST 2024)
    r"(?:\d{1,2}:\d{2}(?::\d{2})?\s+(?:[A-Z]{2,5}\s+)?)?(?P<y>20\d{2})"
)
# 2025年前三季度 is the first part of 2025; 三年前 and 2025年以前 look back from a year.
YEAR_MENTION = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年(?!代|前(?![一二三四五六七八九十两\d]+个?(?:季度|月))|以前|之前|起)"
)
FUTURE_BEFORE = re.compile(r"(?:到|(?<!截)至|力争|预计|计划|将于|争取|展望|面向)\s*$")
FORUM_MARKS = ("论坛", "问答", "查看完整版本", "楼主", "发表于", "帖子", "回帖", "跟帖")
ORIGINAL_MARKS = re.compile(r"记者|来源|原标题|本报|[\u4e00-\u9fff]讯")
SOURCE = re.compile(r"(?:(?:稿件|文章|信息|新闻)?来源|转载自|转自|原载)\s*[:：]?\s*([^\s\d|:：]{2,30})")
NEWS_DATELINE = re.compile(r"^([\u4e00-\u9fff\-·]{2,20}?)(?:[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日)?讯")
TRAILING_OUTLET = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s+([\u4e00-\u9fff]{2,12}(?:网|报|台|社))\s*$")


def extract_title(raw: RawDocument, cleaned: CleanResult) -> str | None:
    """The source's title, else the markdown headline, else the first headline-like line."""
    if raw.title and raw.title.strip():
        return raw.title.strip()
    kept = cleaned.kept()
    for line in kept[:10]:
        if re.match(r"^#\s+\S", line.text.strip()):  # a markdown headline
            return line.text.strip().lstrip("#").strip()
    above = _line_above_meta(cleaned.lines)
    if above is not None:
        return above  # a site's banner, slogan or share prompt may stand first
    repeated = _repeated_headline(cleaned.lines)
    if repeated is not None:
        return repeated
    for line in kept[:5]:
        if _headline_like(line):
            return _strip_marks(line.text)
    crumb = _breadcrumb_headline(cleaned.lines)
    if crumb is not None:
        return crumb
    for line in cleaned.lines:
        m = re.search(r"查看完整版本\s*[:：]\s*(.+)$", line.text)
        if m:
            return m.group(1).strip()
    # no headline: the first sentence of the text, past captions, labels and salutations
    for line in kept[:5]:
        first = _strip_marks(line.text)
        if len(first) < TITLE_MIN_CHARS:
            continue  # 历史, 订阅: what is left of an app's bar
        if len(first) > TITLE_MAX_CHARS or not NOT_HEADLINE.search(normalize_text(first)):
            return re.split(r"(?<=[。！？])", first)[0][:TITLE_MAX_CHARS] or None
    return None


# Content sites end a breadcrumb trail with the story's own headline (当前位置:首页 > 新闻 > 标题);
# a channel's name is shorter.
CRUMB_HEADLINE_CHARS = 10


def _breadcrumb_headline(lines: list[Line]) -> str | None:
    for line in lines[:HEAD_LINES]:
        if line.reason != "breadcrumb":
            continue
        last = BREADCRUMB_SEP.split(line.text.strip())[-1].strip()
        if (
            len(last) >= CRUMB_HEADLINE_CHARS
            and _title_like_text(last)
            and not NOT_HEADLINE.search(normalize_text(last))
        ):
            return last
    return None


def _title_like_text(text: str) -> bool:
    return (
        not TITLE_LABEL.search(normalize_text(text))
        and TITLE_MIN_CHARS <= len(text) <= TITLE_MAX_CHARS
        and not text.endswith(("。", ":", "："))
    )


# Lines over a page's source line that are no headline: a byline or a studio's credit, a
# breadcrumb or category label, a share link, contact details, an attached file's name, an
# issuer's name alone.
NOT_HEADLINE = re.compile(
    r"当前位置|[>＞]|(?:所属地区|所属栏目|栏目|类别|分类|标签|关键词|索引号)\s*[:：]|复制链接|邮箱|电话|传真|地址\s*[:：]|@|\.(?:docx?|pdf|wps)$|工作室|记者|^[-·•]"
    r"|^[\u4e00-\u9fff]{2,4}(?:[、，,][\u4e00-\u9fff]{2,4})+$|(?:人民政府|办公室|办公厅|统计局)$"
    # an e-paper's page label (第07版:经济, 当前版:A05版, 上接第一版), a byline (撰文:某某, 文 | 某某),
    # a section's number (一、综合, 01 从…到…), an app or scan prompt
    r"|^第\s*[A-Z]?\d+\s*版|^\d+版|刊号|字数\s*[:：]|当前版|[上下]接第|^(?:撰文|审校|校对|文|图|作者)\s*[:：|｜/]|^[一二三四五六七八九十]+、|^\d{1,2}\s"
    r"|APP$|扫码|点击|举报|(?i:logo)|\(赏\)"
    # a finance portal's ticker label (股票代码 600000) over its story
    r"|^(?:股票|证券)代码"
    # a photo's caption with its credit (某地现场。某某 摄), a figure's label (图2:…), a
    # numbered section (（一）…), a speech's salutation (各位代表:)
    r"|摄$|^图\s*\d|^[(（][一二三四五六七八九十]+[)）]|[:：]$"
)


def _headline_like(line: Line) -> bool:
    text = _strip_marks(line.text)
    return (
        line.reason in _HEADLINE_REASONS
        and _title_like_text(text)
        and not NOT_HEADLINE.search(normalize_text(text))
    )


# A headline the page sets twice (in its title bar and over the story), or on every photo of
# a gallery, is dropped from the body as a repeat or a watermark, and is still the headline.
_HEADLINE_REASONS = frozenset({None, "repeat", "watermark"})


def _repeated_headline(lines: list[Line]) -> str | None:
    """The first headline-like line of the page's head that the head sets again: a page's
    title bar and its story repeat the headline, and nothing else of the head repeats."""
    head = [line for line in lines[:HEAD_LINES] if line.reason != "blank"]
    counts = Counter(line.norm.replace(" ", "") for line in head)
    for line in head:
        if counts[line.norm.replace(" ", "")] > 1 and _headline_like(line):
            return _strip_marks(line.text)
    return None


def _furniture(line: Line) -> bool:
    return line.reason in _BETWEEN_REASONS or (
        line.reason is None and NOT_HEADLINE.search(normalize_text(line.text)) is not None
    )


# What the cleaning stage marks between a headline and its source line: a byline, a photo, a
# date or time alone (标题 / 2024-04-17 15:58 / 来源：某社).
_BETWEEN_REASONS = frozenset({"byline", "image", "noise"})


def _line_above_meta(lines: list[Line]) -> str | None:
    """The headline a page sets right above its source and date line (标题 / 来源：某报
    2023-03-30), when that line reads as one: what stands above it is the site's."""
    for i, line in enumerate(lines[:HEAD_LINES]):
        if line.reason != "meta":
            continue
        # a byline, label or contact line may stand between the headline and the source line
        k = next(
            (j for j in range(i - 1, -1, -1) if lines[j].reason != "blank" and not _furniture(lines[j])), None
        )
        if k is None or not _headline_like(lines[k]):
            return None
        if k > 0 and _headline_like(lines[k - 1]):
            k -= 1  # 标题 / 副标题 / 来源: a subtitle set straight under the headline
        return _strip_marks(lines[k].text)
    return None


def _strip_marks(text: str) -> str:
    return re.sub(r"^(?:#{1,6}\s+|>\s*)+", "", text.strip()).strip("* ").strip()


def extract_outlet(raw: RawDocument, cleaned: CleanResult) -> str | None:
    """The publishing outlet, in simplified script: 来源 line, 某某网讯 dateline, edition line, site line."""
    if raw.outlet and raw.outlet.strip():
        return raw.outlet.strip()
    head = cleaned.lines[:HEAD_LINES]
    for line in head:
        m = SOURCE.search(line.norm)
        if m and line.reason in ("meta", None, "navigation") and len(line.norm) <= 120:
            return m.group(1).rstrip("讯-·")
    for line in cleaned.lines[: HEAD_LINES * 2]:
        m = NEWS_DATELINE.match(line.norm)
        if m and not m.group(1).startswith("本报"):
            return m.group(1)
    for line in cleaned.lines:
        m = EDITION_DATE.search(line.norm)
        if m:
            return _last_paper_name(line.norm[: m.end(1)])
    for line in head:
        m = TRAILING_OUTLET.search(line.norm)
        if m:
            return m.group(1)
    for line in head:
        if line.reason == "site":
            return line.norm
    return None


def _last_paper_name(text: str) -> str:
    names = re.findall(r"[\u4e00-\u9fff]{1,4}(?:日报|晚报|早报|商报|时报)", text)
    return names[-1] if names else text[-4:]


def parse_date_text(text: str | None) -> PublishedDate:
    """A date given by the source (JSONL, HTML metadata): YYYY-MM-DD, YYYY-MM, YYYY, 2023年10月17日."""
    if not text:
        return PublishedDate(None, "unknown")
    s = normalize_text(str(text)).strip()
    m = FULL_DATE.search(s)
    if m:
        return _day(m.group(1), m.group(2), m.group(3))
    m = YEAR_MONTH.search(s)
    if m and 1 <= int(m.group(2)) <= 12:
        return PublishedDate(date(int(m.group(1)), int(m.group(2)), 1), "month")
    m = re.fullmatch(r"(\d{4})\s*年?", s)
    if m:
        return PublishedDate(date(int(m.group(1)), 1, 1), "year")
    return PublishedDate(None, "unknown")


def _day(y, m, d) -> PublishedDate:
    try:
        return PublishedDate(date(int(y), int(m), int(d)), "day")
    except ValueError:
        return PublishedDate(None, "unknown")


def extract_dates(raw: RawDocument, cleaned: CleanResult) -> tuple[PublishedDate, PublishedDate]:
    """The publication date, and the date the text speaks from (to read its 今年 and 上半年):
    the same, or else a dateline's month and day in the latest past year the body names.

    That year is a guess good enough for reading relative times (a story filed 2月17日 that
    names only 2022 is most likely of 2022 or 2023), but the text does not give it, so it is
    never the publication date itself (ANNOTATION.md)."""
    published, partial = _published_and_partial(raw, cleaned)
    year = _latest_year_named(cleaned.lines) if partial is not None and published.value is None else None
    return published, (_day(year, *partial) if year is not None else published)


def _published_and_partial(
    raw: RawDocument, cleaned: CleanResult
) -> tuple[PublishedDate, tuple[int, int] | None]:
    """The article's own publication date with its precision (day, month, year, unknown), and
    the month and day of a date found without its year."""
    if raw.published:
        given = parse_date_text(raw.published)
        if given.precision != "unknown":
            return given, None
    lines = cleaned.lines
    edition = edition_date(lines)
    if edition is not None:
        return edition, None
    forum = is_forum_page(lines)
    named_original = forum and names_original(cleaned)
    partial: tuple[int, int] | None = None
    for i, line in enumerate(lines[:HEAD_LINES]):
        if line.reason == "advert" and (STAMPED_DATE.search(line.norm) or SOURCE_DATE.search(line.norm)):
            pass  # 某网址2026年01月30日 09:23某网, 网址来源:某报2016-07-30: the page's own date
        elif line.reason not in ("meta", "noise", "navigation", "breadcrumb", "menu", None):
            continue  # a menu line keeps the e-paper's date (2023 年 09 月 04 日 星期一 放大 缩小)
        if _is_sentence(line):
            labelled = labelled_date(line.norm) or delivery_date(line.norm) or dateline_date(line.norm)
            if labelled is not None:
                return labelled, None
            continue
        if forum and is_forum_post_line(line.norm):
            if named_original:
                log.info(
                    "forum post time %r is not the publication date: the text names the original", line.norm
                )
                continue
        found = header_date(line.norm, lines[i + 1 : i + 4])
        if isinstance(found, PublishedDate):
            found = _edition_label(found, lines[i + 1 : i + 1 + READER_LABEL_LINES]) or found
            original = _earlier_dateline(found, lines)
            if original is not None:
                log.info("page date %s is a repost's: the story's dateline is earlier", found.as_text())
                return original, None
            if not _before_dateline(found, lines):
                return found, None
            log.info("page date %s precedes the story's dateline: a repost's stamp", found.as_text())
            continue
        if found is not None and partial is None:
            partial = found
    if partial is None:
        partial = dateline_month_day(lines)
    if partial is not None:
        year = evidence_year(lines, partial)
        if year is not None:
            return _day(year, partial[0], partial[1]), None
        log.info("partial date %02d-%02d and no year in the document", *partial)
    return signature_date(lines) or PublishedDate(None, "unknown"), partial


def _edition_label(shown: PublishedDate, following: list[Line]) -> PublishedDate | None:
    """An e-paper reader shows the day it is read (2026-01-25 星期日), then the page's own
    edition as 日期:11-29: that day, in the last year it fell on or before the day shown."""
    if shown.value is None:
        return None
    for line in following:
        m = EDITION_LABEL.match(line.norm.strip())
        if m:
            month, day = int(m.group(1)), int(m.group(2))
            year = shown.value.year - (1 if (month, day) > (shown.value.month, shown.value.day) else 0)
            return _day(year, month, day)
    return None


def signature_date(lines: list[Line]) -> PublishedDate | None:
    """An official document's own date: the line under its issuer's name at its end
    (某市人民政府办公室 / 2025年6月26日), as GB/T 9704-2012 lays out a 公文."""
    tail = [line for line in lines[-SIGNATURE_LINES:] if line.norm.strip()]
    for above, line in itertools.pairwise(tail):
        m = FULL_DATE.fullmatch(line.norm.strip())
        if m and ISSUER_END.search(above.norm.strip()):
            found = _day(m.group(1), m.group(2), m.group(3))
            if found.value is not None:
                return found
    return None


def _latest_year_named(lines: list[Line]) -> int | None:
    years = [
        int(m.group(1))
        for line in lines
        if line.reason is None
        for m in YEAR_MENTION.finditer(line.norm)
        if not FUTURE_BEFORE.search(line.norm[max(0, m.start() - 4) : m.start()])
    ]
    return max(years) if years else None


# A paper's own report (某报某城1月27日讯) is printed within days of its dateline; a page
# stamped more than this many days later carries it again (measured on the development sets:
# one day between the dateline and the paper's page date is common, weeks mean a repost). A
# wire (某社某城8月2日电) is out online the day it is sent, so any later page date is a repost's
# (held-out articles: the dateline's day in 6 of 7 such pages).
REPOST_GAP_DAYS = 7


def _earlier_dateline(found: PublishedDate, lines: list[Line]) -> PublishedDate | None:
    """某社昆明6月10日电 on a page stamped 2024-08-02: the story was filed, and first
    published, on the dateline's day of the page's year (ANNOTATION.md: a repost's date is
    not the publication date when the text names an earlier original one)."""
    dateline = dateline_month_day(lines)
    if dateline is None or found.precision != "day" or found.value is None:
        return None
    original = _day(found.value.year, *dateline)
    if original.value is None or original.value >= found.value:
        return None
    if (found.value - original.value).days <= REPOST_GAP_DAYS and not _is_wire(lines):
        return None  # a paper's report (某报某城1月27日讯) filed the evening before, printed the next day
    return original  # a wire (某社某城8月2日电) is out the day it is sent; a later page carries it again


def _is_wire(lines: list[Line]) -> bool:
    """The story's dateline is a wire's (…日电), not a paper's own report (…日讯)."""
    m = _dateline(lines)
    return m is not None and m.group(0).endswith("电")


def _before_dateline(found: PublishedDate, lines: list[Line]) -> bool:
    """A page date earlier in its year than the story's own dateline (page 11-15, 某社12月12日电)
    is a repost's stamp: the story cannot have been filed after it was published."""
    dateline = dateline_month_day(lines)
    if dateline is None or found.precision != "day" or found.value is None:
        return False
    return dateline > (found.value.month, found.value.day)


# (2018年1月22日在某区第五届人民代表大会第二次会议上): the day a work report or a speech was
# given, printed at its head (the form of every government work report and leader's speech).
DELIVERED_ON = re.compile(
    r"^[(（—\-\s]*((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日在[^。,，]{2,40}?(?:会议|大会|全会|论坛|峰会|典礼)\s*上"
)


def delivery_date(n: str) -> PublishedDate | None:
    """The day a report or speech opening the line was given, or None."""
    m = DELIVERED_ON.match(n)
    return _day(m.group(1), m.group(2), m.group(3)) if m else None


def dateline_date(n: str) -> PublishedDate | None:
    """The full date of a dateline opening the line (2019年4月1日讯), or None."""
    m = FULL_DATELINE.match(n)
    return _day(m.group(1), m.group(2), m.group(3)) if m else None


def labelled_date(n: str) -> PublishedDate | None:
    """The labelled date near the start of a long line, or None."""
    m = LABELLED_DATE.search(n, 0, LABELLED_DATE_REACH)
    if m is None:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    return _day(y, mo, d)


def _is_sentence(line: Line) -> bool:
    """A long line with a comma is text, unless a date and time open it: a page's stamp with
    its outlet and byline (2022年11月21日 20:53 某报 记者某某,实习生某某)."""
    if STAMPED_DATE.match(line.norm.lstrip()):
        return False
    return len(line.norm) > 40 and bool(re.search(r"[，。,]", line.norm))


def edition_date(lines: list[Line]) -> PublishedDate | None:
    for line in lines:
        m = EDITION_DATE.search(line.norm)
        if m and len(line.norm) <= 80:
            return _day(m.group(2), m.group(3), m.group(4))
    for line in lines:
        m = WEEKDAY_DATE.search(line.norm)
        if m and len(line.norm) <= MAX_ISSUE_LINE and not _is_sentence(line):
            return _day(m.group(1), m.group(2), m.group(3))
    return None


# A masthead or footer line with the issue date holds little else (the paper, the page, a hotline).
MAX_ISSUE_LINE = 100


def is_forum_page(lines: list[Line]) -> bool:
    return any(line.reason is not None and any(w in line.norm for w in FORUM_MARKS) for line in lines)


def is_forum_post_line(n: str) -> bool:
    """A poster name and a post time (用户名 - 2024/9/15 12:49:00), no outlet words."""
    return bool(re.match(r"^\S{1,30}\s*[-–]\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}\s+\d{1,2}:\d{2}", n))


def names_original(cleaned: CleanResult) -> bool:
    """The text names its original publication (byline, 来源, 本报…讯, 原标题)."""
    return any(
        ORIGINAL_MARKS.search(line.norm)
        for line in cleaned.lines
        if line.reason in (None, "byline", "meta", "footer")
    )


def header_date(n: str, following: list[Line]) -> PublishedDate | tuple[int, int] | None:
    """A full date, a (month, day) pair still needing a year, or None."""
    m = next((m for m in FULL_DATE.finditer(n) if not DEADLINE_BEFORE.search(n, 0, m.start())), None)
    if m:
        found = _day(m.group(1), m.group(2), m.group(3))
        return found if found.value else None
    if FULL_DATE.search(n):
        return None  # 有效期至2027年12月31日: a deadline, not the page's date
    found = year_last_date(n)
    if found is not None:
        return found
    spaced = YEAR_SPACE_MONTH_DAY.match(n)
    if spaced:
        found = _day(*spaced.groups())
        return found if found.value else None
    y = YEAR_ONLY_LINE.match(n)
    if y:
        for nxt in following:
            md = MONTH_DAY.match(nxt.norm)
            if md:
                return _day(y.group(1), md.group(1), md.group(2))
        return None
    m = MONTH_DAY_TIME.search(n)
    if m and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
        return int(m.group(1)), int(m.group(2))
    return None


def year_last_date(n: str) -> PublishedDate | None:
    """02/03/2026 14:30 or Mar 2, 2026: the day first (as Hong Kong and Macau pages write it,
    unless the first number cannot be a month's day order), or an English month name."""
    m = YEAR_LAST_DATE.search(n)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
        day, month = (b, a) if b > 12 else (a, b)
        found = _day(y, month, day)
        return found if found.value else None
    m = ENGLISH_DATE.search(n)
    if m:
        month = ENGLISH_MONTHS.index(m.group("mon")[:3].lower()) + 1
        found = _day(m.group("y"), month, m.group("d1") or m.group("d2"))
        return found if found.value else None
    return None


def dateline_month_day(lines: list[Line]) -> tuple[int, int] | None:
    """经济日报重庆1月27日讯 / 人民网重庆8月22日电 at the start of the first paragraphs."""
    m = _dateline(lines)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _dateline(lines: list[Line]) -> re.Match | None:
    """The story's own dateline, opening one of the first paragraphs."""
    for line in lines[: HEAD_LINES * 2]:
        if line.reason is None:
            m = DATELINE.match(line.norm)
            if m:
                return m
    return None


def evidence_year(lines: list[Line], month_day: tuple[int, int]) -> int | None:
    """The year of a partial date, from a dated image name or the article's own address.

    A year the body names is no evidence: a story dated 2月17日 about the 2022 evaluation was
    filed in 2023, and ANNOTATION.md leaves a date the text does not give unknown."""
    month, day = month_day
    stamps = []
    for line in lines:
        if line.reason == "image" or re.search(r"\.(?:jpe?g|png|gif|webp)", line.norm, re.I):
            stamps += [(int(y), int(m), int(d)) for y, m, d in IMAGE_STAMP.findall(line.norm)]
    for y, m, d in stamps:
        if (m, d) == (month, day):
            return y
    if stamps:
        return max(y for y, _, _ in stamps)
    filed = [(int(y), int(m)) for line in lines for y, m in URL_STAMP.findall(line.norm)]
    if filed and all(m == month for _, m in filed):
        return max(y for y, _ in filed)  # the article's own address, filed in the month of its dateline
    return None
