"""Clean a scraped page down to its article body.

The body is a list of kept pieces (start, end) of the original text, one per
kept line, so every offset survives. Lines are judged by general classifiers:
length, punctuation, numbers, and a vocabulary of page furniture
(data/documents_furniture.yaml), never by the strings of particular pages.

Passes:
1. classify each line (navigation, breadcrumb, menu, share widget, image
   file name, credit-only caption, byline, date/source line, advert, ...);
2. drop short labels before the headline (channel names, site names);
3. cut the footer: from the first editor/copyright/related-links line to the
   end, and the short lines just before it;
4. drop repeats (a page that carries the body twice, doubled captions, the
   page title with the site name after it, watermark lines);
5. trim pieces: markdown marks, photo credits after a caption, a watermark
   repeated after paragraphs;
6. cut over-long pieces (a page saved as one line) at sentence ends, so
   that every later stage works on lines of bounded length.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from innoatlas.documents.normalize import strip_pinyin_glosses
from innoatlas.text import normalize_text

# A line of at least this many characters with a sentence in it is body text:
# it marks where the header ends and the footer may start. Headlines and
# subheadings are shorter (seed and dev pages: headlines 9-38 characters).
SUBSTANTIVE_CHARS = 40

# Labels this short before the headline are channel or site names (新闻, 财经, 人民网).
HEAD_LABEL_CHARS = 4

# Lines up to this long, with no sentence in them, may be furniture (bylines,
# source lines, teaser titles) when they sit just before the footer.
SHORT_LINE_CHARS = 30

# A repeated line at least this long is a second copy (of the body, a caption
# or the title); shorter repeats may be legitimate (a subheading such as 近日).
REPEAT_MIN_CHARS = 6

# The same short line three times or more is a watermark, not text.
WATERMARK_MIN_COUNT = 3
WATERMARK_MAX_CHARS = 16

# Longest site-name suffix after a page title (title-华龙网, title_新华网).
TITLE_SUFFIX_CHARS = 10

# Menus: at least this many items, each at most MENU_ITEM_CHARS long.
MENU_MIN_ITEMS = 4
MENU_ITEM_CHARS = 8
BULLET_ITEM_CHARS = 30
BULLET_RUN = 3

# A line with a link and at most this much other text is a link or an advert.
LINK_LINE_TEXT_CHARS = 60
ADVERT_MIN_WORDS = 3
SPAM_MIN_WORDS = 3

SENTENCE_PUNCT = re.compile(r"[，。！？；,;!?]")
SENTENCE_END = "。！？!?”」』)）…"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
IMAGE_FILE = re.compile(
    r"^[^\s。，,]{0,60}(?:\s*\(\d+\))?\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?)(?:\s*\(\d+\))?$", re.I
)
IMAGE_NAME_INSIDE = re.compile(r"\.(?:jpe?g|png|gif|webp)\b", re.I)
# A share prompt is short (扫描二维码,分享此文章); a longer line with 分享到 is a sentence.
SHARE_PROMPT_CHARS = 20
BREADCRUMB_SEP = re.compile(r"\s*(?:>>|»|›|→|>|＞)\s*")
NAV_TOKEN_SEP = re.compile(r"[\s|｜/:：,，]+")
MENU_SEP = re.compile(r"\s*[|｜]\s*|\s{2,}|\s+")
# Link lists joined by hyphens: many short items, far more than a name or date holds (一汽-大众,
# 2025-02-26).
LINK_LIST_SEP = re.compile(r"\s*[-_]\s*")
LINK_LIST_MIN_ITEMS = 8
LINK_LIST_ITEM_CHARS = 12
BULLET = re.compile(r"^\s*(?:[•▪◆●■□◇○]|[-*+]\s)\s*")
LEADING_MARKS = re.compile(r"^[\s•▪◆●■▲△▼【\[（(〔\-—]*")
TRAILING_MARKS = re.compile(r"[\s:：】\]）)〕]*$")
DATE = re.compile(
    r"(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\s*[-/月]\s*\d{1,2}\s*日?\s*\d{1,2}:\d{2}|\d{1,2}月\d{1,2}日)"
)
TIME = re.compile(r"\d{1,2}:\d{2}")
EDITION = re.compile(
    r"[报報][》」]?\s*[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:第\s*\d+\s*版|[）)])"
)
DATE_ONLY = re.compile(
    r"^[\s（(【\[]*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*星期.|\s*周.)?[\s）)】\]]*$"
)
PHOTO_SOURCE = re.compile(r"^(?:图片来源|图片由|图源|图/|摄影[:：])")
SOURCE_LINE = re.compile(r"^(?:文章|稿件|信息|新闻|内容)?来源\s*[:：]")
HOTLINE = re.compile(r"(?:热线|电话|传真|邮箱|E-?mail)\s*[:：]?\s*[\d\-－()（）\s]{6,}", re.I)
MD_MARKS = re.compile(r"^(?:#{1,6}\s+|>\s*)+")
BOLD = re.compile(r"^\*\*(.+)\*\*$")
# A photo credit at the end of a caption: 张三 摄, 某某局供图 华龙网发,
# 通讯员 李四 摄/视觉重庆. Several space-separated parts are names (at most four
# characters each); one part alone may be an organisation (某某管委会供图).
_CREDIT_MARK = r"(?<!拍)(?:摄影|攝影|摄|攝|供图|供圖)"
_CREDIT_AFTER = r"(?:\s*[/／]\s*[^\s。，,]{1,8})?(?:\s+\S{1,8}[网網]发)?(?:\s*[（(][^）)]{1,10}[）)])?\s*$"
_CREDIT = (
    r"(?:(?:(?:记者|通讯员|摄影记者|本报记者|記者|通訊員)\s*)?[\u4e00-\u9fff·]{1,4}(?:\s+[\u4e00-\u9fff·]{1,4}){0,2}\s*"
    + _CREDIT_MARK
    + r"|[\u4e00-\u9fff·]{1,12}\s*"
    + _CREDIT_MARK
    + r")"
    + _CREDIT_AFTER
)
CREDIT_TAIL = re.compile(r"(?:(?<=[。.\s])|^)(?:▲\s*)?" + _CREDIT)
CREDIT_LINE = re.compile(r"^[▲△▼\s]*" + _CREDIT)


@dataclass
class Line:
    start: int  # offsets in the original text, without the line break
    end: int
    text: str
    norm: str  # normalised (simplified, half width), stripped
    reason: str | None = None  # why the line is dropped; None when kept


@dataclass
class CleanResult:
    lines: list[Line]
    pieces: list[tuple[int, int]] = field(default_factory=list)

    def kept(self) -> list[Line]:
        return [line for line in self.lines if line.reason is None]


@lru_cache(maxsize=1)
def furniture() -> dict[str, list[str]]:
    text = (resources.files("innoatlas") / "data" / "documents_furniture.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def _nav_lines() -> frozenset[str]:
    return frozenset(w.replace(" ", "") for w in furniture()["nav_lines"])


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern]:
    """The vocabulary compiled once into regular expressions."""
    f = furniture()
    return {
        "footer": re.compile(
            rf"^(?:{_alternation(f['footer_starts'])})|^(?:{_alternation(f['footer_labels'])})\s*[:：]"
        ),
        "footer_anywhere": re.compile(_alternation(f["footer_anywhere"])),
        "advert": re.compile(_alternation(f["advert_words"])),
        "spam_mark": re.compile(_alternation(f["spam_marks"])),
        "spam_word": re.compile(_alternation(f["spam_words"] + f["spam_marks"])),
        "byline": re.compile(_alternation(f["byline_words"])),
        "meta": re.compile(_alternation(f["meta_words"])),
        # (a disclosure page may set its fields in a table: | [ 索引号 ] | … |)
        "disclosure": re.compile(r"^[|｜\[【\s]*(?:" + _alternation(f["disclosure_labels"]) + ")"),
        "nav_suffix": re.compile(rf"(?:{_alternation(f['nav_suffixes'])})$"),
        "site_suffix": re.compile(rf"(?:{_alternation(f['site_suffixes'])})$"),
        "breadcrumb_start": re.compile(rf"^(?:{_alternation(f['breadcrumb_starts'])})"),
        "share": re.compile(_alternation(f["share_marks"])),
    }


def split_lines(text: str) -> list[Line]:
    """Lines with their offsets; the normalised form is stripped for comparison."""
    lines = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        stripped_end = end - 1 if raw.endswith("\r") else end
        body = text[pos:stripped_end]
        # a mirror site's pinyin glosses (发(fā)布时(shí)间) would hide the words lines are known by
        lines.append(Line(pos, stripped_end, body, strip_pinyin_glosses(normalize_text(body)).strip()))
        pos = end + 1
    return lines


def clean_text(text: str) -> CleanResult:
    """Classify the lines of `text` and return the kept pieces of the body."""
    lines = split_lines(text)
    for line in lines:
        line.reason = classify_line(line.norm)
    drop_bullet_runs(lines)
    drop_head_labels(lines)
    cut_footer(lines)
    drop_repeats(lines)
    result = CleanResult(lines)
    result.pieces = split_long_pieces(text, trim_pieces(text, result.kept()))
    return result


def classify_line(n: str) -> str | None:
    """Why a (normalised, stripped) line is furniture, or None for text."""
    if not n:
        return "blank"
    has_cjk = bool(CJK.search(n))
    if not has_cjk and not re.search(r"[A-Za-z0-9]", n):
        return "decoration"
    if IMAGE_FILE.match(n):
        return "image"
    core = TRAILING_MARKS.sub("", LEADING_MARKS.sub("", BULLET.sub("", n))).replace(" ", "")
    if core in _nav_lines() or (len(core) <= 8 and patterns()["nav_suffix"].search(core)) or is_nav_tokens(n):
        return "navigation"
    if not has_cjk and len(n) <= 20:
        return "noise"
    if is_breadcrumb(n):
        return "breadcrumb"
    if is_menu(n):
        return "menu"
    if (
        core.startswith("分享")
        and len(core) <= 15
        or len(core) <= SHARE_PROMPT_CHARS
        and patterns()["share"].search(core)
    ):
        return "share"
    if HOTLINE.search(n) and len(n) <= 40:
        return "contact"
    if is_advert(n):
        return "advert"
    if is_credit_only(n) or (PHOTO_SOURCE.match(n) and len(n) <= SHORT_LINE_CHARS):
        return "credit"
    if is_meta_line(n):
        return "meta"
    if is_byline(n):
        return "byline"
    if not SENTENCE_PUNCT.search(n) and is_site_name(core):
        return "site"
    return None


def is_nav_tokens(n: str) -> bool:
    """A line made only of furniture words and site names (分享到：微信 | 微博, 扫一扫 分享, 某某台 | 转载,
    用户名: 密码: [找回密码], 某某网首页 数字版首页 往期回顾)."""
    tokens = [t.strip("[]【】") for t in NAV_TOKEN_SEP.split(n) if t.strip("[]【】")]
    nav = [t in _nav_lines() or len(t) <= 8 and bool(patterns()["nav_suffix"].search(t)) for t in tokens]
    return (
        len(tokens) >= 2
        and any(nav)
        and all(ok or is_site_name(t) for ok, t in zip(nav, tokens, strict=True))
    )


def is_site_name(token: str) -> bool:
    return len(token) <= 10 and bool(patterns()["site_suffix"].search(token))


def is_breadcrumb(n: str) -> bool:
    if SENTENCE_PUNCT.search(n) and "。" in n:
        return False
    seps = len(BREADCRUMB_SEP.findall(n))
    start = patterns()["breadcrumb_start"].match(n)
    if seps >= 1 and start:
        return True
    if start and not SENTENCE_PUNCT.search(n):
        # 您的位置  某某生活  某栏目: a trail set with spaces, short channel names after the opener
        crumbs = [c for c in re.split(r"\s{2,}|[:：]\s*", n[start.end() :]) if c.strip()]
        return (
            bool(crumbs) and all(len(c.strip()) <= 12 for c in crumbs) and re.search(r"\s{2,}", n) is not None
        )
    parts = [p for p in BREADCRUMB_SEP.split(n) if p]
    if seps >= 2:
        return all(len(p) <= 12 for p in parts[:-1])
    # one separator: only short channel names on both sides (山城科技论坛 > 科创资讯)
    return (
        seps == 1
        and len(n) <= SHORT_LINE_CHARS
        and all(len(p) <= 12 for p in parts)
        and not SENTENCE_PUNCT.search(n)
    )


def is_menu(n: str) -> bool:
    if SENTENCE_PUNCT.search(n):
        return False
    links = [p for p in LINK_LIST_SEP.split(n) if p]
    if len(links) >= LINK_LIST_MIN_ITEMS and all(len(p) <= LINK_LIST_ITEM_CHARS for p in links):
        return True  # 某某视频-某某综合-某某网-…: a run of link texts (an injected spam list), not text
    items = [p for p in MENU_SEP.split(n) if p]
    if all(len(p) == 1 for p in items):
        return False  # 政 府 工 作 报 告: a heading set with letter spacing, not a menu
    return (
        len(items) >= MENU_MIN_ITEMS
        and all(len(p) <= MENU_ITEM_CHARS for p in items)
        and ("|" in n or "｜" in n or len(items) >= 6 or _portal_bar(items))
    )


def _portal_bar(items: list[str]) -> bool:
    """某某 ChinaRen 17173 某某房产 某某: a portal's bar of channel names, one of them written in
    Latin letters or digits, as no headline of Chinese news is set."""
    return len(items) > MENU_MIN_ITEMS and any(re.fullmatch(r"[A-Za-z0-9]+", p) for p in items)


def is_advert(n: str) -> bool:
    if URL.search(n) and len(URL.sub("", n).strip()) <= LINK_LINE_TEXT_CHARS:
        return True
    if patterns()["spam_mark"].search(n) and len(set(patterns()["spam_word"].findall(n))) >= SPAM_MIN_WORDS:
        return True  # a hijacked page's keyword stuffing
    words = set(patterns()["advert"].findall(n))
    return len(words) >= ADVERT_MIN_WORDS and len(n) <= 200


def is_credit_only(n: str) -> bool:
    if len(n) > 30 or "。" in n or "," in n or "，" in n:
        return False
    return bool(CREDIT_LINE.match(n))


def is_meta_line(n: str) -> bool:
    """A date, source or edition line of the page header (not a sentence)."""
    if len(n) > 120:
        return False
    if DATE_ONLY.match(n):
        return True
    if EDITION.search(n) and len(n) <= 60:
        return True
    if patterns()["disclosure"].match(n):
        return True  # 索引号 … / 发布机构 区科技局: a disclosure page's catalogue fields (主题分类 经济;统计)
    if SENTENCE_PUNCT.search(URL.sub("", n)):
        return False
    if SOURCE_LINE.match(n):
        return True
    if DATE.search(n) and (TIME.search(n) or patterns()["meta"].search(n)):
        return True
    return False


def is_byline(n: str) -> bool:
    if len(n) > SHORT_LINE_CHARS or re.search(r"[，。！？；,;!?]", n):
        return False
    if (n.startswith(("记者:", "记者：")) and len(n) > 12) or CREDIT_TAIL.search(n):
        return False  # an interview question, or a caption with its photo credit
    return bool(patterns()["byline"].search(n))


def drop_bullet_runs(lines: list[Line]) -> None:
    """Runs of short bullet items are menus (- 新闻, - 政策解读, ...)."""
    run: list[Line] = []
    for line in lines + [Line(0, 0, "", "x")]:
        if (
            line.reason is None
            and BULLET.match(line.text)
            and len(line.norm) <= BULLET_ITEM_CHARS
            and not SENTENCE_PUNCT.search(line.norm)
        ):
            run.append(line)
            continue
        if line.reason == "blank" and run:
            continue
        if len(run) >= BULLET_RUN:
            for item in run:
                item.reason = "menu"
        run = []


def drop_head_labels(lines: list[Line]) -> None:
    """Very short lines before the first real line are channel or site labels."""
    for line in lines:
        if line.reason is not None:
            continue
        if len(line.norm) > HEAD_LABEL_CHARS or re.search(r"\d", line.norm):
            return
        line.reason = "label"


def is_substantive(line: Line) -> bool:
    return (
        line.reason is None and len(line.norm) >= SUBSTANTIVE_CHARS and bool(SENTENCE_PUNCT.search(line.norm))
    )


def is_footer_start(n: str) -> bool:
    if patterns()["footer"].match(LEADING_MARKS.sub("", n)):
        return True
    return len(n) <= 160 and bool(patterns()["footer_anywhere"].search(n))


def cut_footer(lines: list[Line]) -> None:
    """Drop everything from the first footer line after the body begins."""
    first_body = next((i for i, line in enumerate(lines) if is_substantive(line)), None)
    if first_body is None:
        return
    start = next((i for i in range(first_body + 1, len(lines)) if is_footer_start(lines[i].norm)), None)
    if start is None:
        return
    for line in lines[start:]:
        line.reason = line.reason or "footer"
    for line in reversed(lines[first_body + 1 : start]):
        if line.reason is not None:
            continue
        short = len(line.norm) <= SHORT_LINE_CHARS and not any(c in line.norm for c in "。！？!?")
        if short or "来源" in line.norm:
            line.reason = "footer"
            continue
        break


def drop_repeats(lines: list[Line]) -> None:
    """Second copies: of the body, of a caption, of the title (also with the site name after it)."""
    kept = [line for line in lines if line.reason is None]
    counts = Counter(line.norm.replace(" ", "") for line in kept)
    for line in kept:
        key = line.norm.replace(" ", "")
        if counts[key] >= WATERMARK_MIN_COUNT and len(key) <= WATERMARK_MAX_CHARS:
            line.reason = "watermark"
    seen: set[str] = set()
    for line in kept:
        if line.reason is not None:
            continue
        key = line.norm.replace(" ", "")
        if len(key) >= REPEAT_MIN_CHARS and key in seen:
            line.reason = "repeat"
        seen.add(key)
    drop_title_variants([line for line in kept if line.reason is None])


def drop_title_variants(kept: list[Line]) -> None:
    """The page title is often the headline plus the site name (标题-华龙网) or a teaser mark."""
    head = [line for line in kept[:12] if len(line.norm) <= 80 and "。" not in line.norm]
    for a in head:
        for b in head:
            if a is b or a.reason or b.reason:
                continue
            short, long_ = a.norm.replace(" ", ""), b.norm.replace(" ", "")
            if len(short) >= REPEAT_MIN_CHARS and long_ != short and long_.startswith(short):
                rest = long_[len(short) :]
                if len(rest) <= TITLE_SUFFIX_CHARS and not SENTENCE_PUNCT.search(rest.lstrip("-_|–—'\" ")):
                    b.reason = "title-variant"


def watermark_tails(kept: list[Line]) -> set[str]:
    """Short tails repeated after the last sentence mark of several paragraphs."""
    tails = Counter()
    for line in kept:
        tail = line_tail(line.text)
        if tail:
            tails[tail] += 1
    return {t for t, c in tails.items() if c >= WATERMARK_MIN_COUNT}


def line_tail(text: str) -> str:
    stripped = text.rstrip()
    cut = max(stripped.rfind(c) for c in "。！？!?")
    if cut < 0 or cut == len(stripped) - 1:
        return ""
    tail = stripped[cut + 1 :]
    if (
        2 <= len(tail) <= WATERMARK_MAX_CHARS
        and not SENTENCE_PUNCT.search(tail)
        and tail.strip(SENTENCE_END + " ") == tail.strip()
    ):
        return tail
    return ""


def trim_pieces(text: str, kept: list[Line]) -> list[tuple[int, int]]:
    """(start, end) of each kept line, without markup, credits or watermarks."""
    tails = watermark_tails(kept)
    pieces = []
    for line in kept:
        start, end = line.start, line.end
        segment = text[start:end]
        tail = line_tail(segment)
        if tail and tail in tails:
            end = start + len(segment.rstrip()) - len(tail)
            segment = text[start:end]
        credit = CREDIT_TAIL.search(segment)
        if credit and credit.start() > 0 and not IMAGE_NAME_INSIDE.search(segment):
            end = start + credit.start()
            segment = text[start:end]
        lead = len(segment) - len(segment.lstrip())
        start += lead
        segment = segment[lead:]
        marks = MD_MARKS.match(segment)
        if marks:
            start += marks.end()
            segment = segment[marks.end() :]
        bold = BOLD.match(segment.rstrip())
        if bold:
            start += 2
            end = start + len(bold.group(1))
            segment = bold.group(1)
        end = start + len(segment.rstrip())
        if end > start:
            pieces.append((start, end))
    return pieces


# Pieces longer than this are cut. The longest paragraph of the seed, dev and
# example articles is 412 characters; a page whose text is all on one line
# (a 1 MB line has ~350,000 characters) would make the extractor's look-backs
# within a line quadratic. 2,000 leaves real paragraphs whole.
MAX_PIECE_CHARS = 2000
# Where a long piece is cut, best first: after a sentence end, after a clause
# mark, after a space; else at the limit.
_CUT_AFTER = ("。！？!?；;", "，,、：:", " \t\u3000")


def split_long_pieces(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces of at most MAX_PIECE_CHARS characters, cut at the best boundary."""
    out = []
    for start, end in pieces:
        while end - start > MAX_PIECE_CHARS:
            cut = _cut_point(text, start, start + MAX_PIECE_CHARS)
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return out


def _cut_point(text: str, start: int, limit: int) -> int:
    """Offset after the last boundary in text[start:limit] (the second half of the window)."""
    floor = start + MAX_PIECE_CHARS // 2
    for marks in _CUT_AFTER:
        best = max(text.rfind(mark, floor, limit) for mark in marks)
        if best >= floor:
            return best + 1
    return limit
