"""Plain data objects of the documents stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from innoatlas.documents.normalize import gloss_end, strip_pinyin_glosses
from innoatlas.text import normalize_text


@dataclass
class RawDocument:
    """What a reader found in one file or JSONL record, before cleaning.

    `text` is the decoded text (for HTML, PDF and DOCX: the text taken out
    of the format). Every later offset points into this string.
    """

    source: str  # path or URL the document came from
    name: str  # file name (for JSONL: file name + '#' + line number)
    text: str
    format: str  # txt, md, html, pdf, docx, jsonl
    encoding: str | None = None
    html: str | None = None  # the markup, when the document was HTML
    title: str | None = None  # metadata given by the source (JSONL), trusted over guesses
    url: str | None = None
    published: str | None = None
    outlet: str | None = None


@dataclass
class PublishedDate:
    value: date | None
    precision: str  # day, month, year, unknown

    def as_text(self) -> str | None:
        """The date as ANNOTATION.md writes it: YYYY-MM-DD, YYYY-MM, YYYY or None."""
        if self.value is None or self.precision == "unknown":
            return None
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


@dataclass
class Document:
    """A cleaned, normalised document ready for extraction.

    `original` is RawDocument.text. `body` is the cleaned article body (a
    sequence of kept pieces of `original`), and `norm` its normalised form
    (simplified script, NFKC, radical look-alikes folded). `norm_to_original`
    has len(norm) + 1 entries: norm[i] came from original[norm_to_original[i]],
    and the last entry is the end of the body in `original`.
    """

    source: str
    name: str
    format: str
    original: str
    body: str
    norm: str
    norm_to_original: list[int]
    title: str | None
    outlet: str | None
    published: PublishedDate
    script: str  # Hans or Hant
    content_hash: str  # sha256 of `norm`
    encoding: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    # The date the text speaks from, for reading its 今年: `published`, or a guess when the
    # text gives only a month and day (metadata.extract_dates). None means `published`.
    speaks_from: PublishedDate | None = None

    @property
    def reference_date(self) -> PublishedDate:
        return self.speaks_from if self.speaks_from is not None else self.published

    @property
    def norm_title(self) -> str:
        """The title in the normalised form of `norm` (simplified script, half-width), to match
        against names found in the text, without pinyin glosses, as `norm` is."""
        return strip_pinyin_glosses(normalize_text(self.title or "")).strip()

    @property
    def published_on(self) -> date | None:
        """The publication date, at whatever precision (versioned lists are looked up at it)."""
        return self.published.value if self.published is not None else None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `norm` to the span of `original` it came from."""
        o_start = self.norm_to_original[start]
        o_end = gloss_end(self.original, self.norm_to_original[end - 1] + 1) if end > start else o_start
        return o_start, max(o_end, o_start)

    def original_text(self, start: int, end: int) -> str:
        a, b = self.original_span(start, end)
        return self.original[a:b]
