"""Read files into RawDocuments: formats (txt, md, html, pdf, docx, jsonl) and encodings.

A file that cannot be read becomes a DocumentError naming the file, the
problem and what to do; it is yielded, never raised, so the other files of a
batch still go in.
"""

from __future__ import annotations

import io
import json
import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from innoatlas.documents.model import RawDocument
from innoatlas.errors import DocumentError
from innoatlas.settings import settings

log = logging.getLogger(__name__)

# Larger files are refused: a news article or policy document is well under
# 1 MB; 50 MB leaves room for PDFs with images and JSONL batches while
# keeping a mistaken archive or dump from filling memory.
MAX_FILE_BYTES = 50 * 1024 * 1024

# Longer texts (after decoding or extraction from HTML, PDF or Word) are
# refused: the longest seed, dev and example article has ~4,000 characters
# and a five-year plan ~60,000; the extractor handles ~24,000 characters a
# second on one core, so 200,000 keeps one document under ten seconds. A
# 1 MB one-line page dump (~350,000 characters) is over it.

# HTML is refused before parsing when it is larger than this or has more
# elements than MAX_HTML_ELEMENTS: the main-text extraction's time and memory
# grow faster than the page (8 MB took 39 s; 45 MB of small tags 4.2 GB). A
# long news page is a few hundred kilobytes with a few thousand elements.
MAX_HTML_BYTES = 8 * 1024 * 1024
MAX_HTML_ELEMENTS = 50_000
_HTML_START_TAG = re.compile(rb"<[A-Za-z]")

# A PDF with more pages is refused before its pages are read: a policy
# document has tens of pages, while a page tree of 100,000 references to one
# page is a few hundred kilobytes.
MAX_PDF_PAGES = 2000

# A Word file's text is in its XML parts (zip members): parts that inflate to
# more than this in all are refused before parsing (a zip bomb inflates a few
# kilobytes to gigabytes). A 200,000-character document's XML is a few MB.
MAX_DOCX_UNZIPPED_BYTES = 32 * 1024 * 1024
# Parts are inflated this many bytes at a time, so the cap holds whatever
# sizes the archive declares.
DOCX_INFLATE_CHUNK = 64 * 1024

# Bytes looked at to tell binary from text (NUL bytes do not occur in text
# outside UTF-16/32, which carry a byte-order mark).
BINARY_SNIFF_BYTES = 8192

SUPPORTED = {
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".jsonl": "jsonl",
}

# Detected encodings decoded with a superset codec: GBK and GB2312 pages
# often use GB18030 characters; Big5 pages often use the cp950 extensions.
DECODE_AS = {
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "gb18030": "gb18030",
    "big5": "cp950",
    "cp950": "cp950",
    "big5hkscs": "big5hkscs",
}

_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]

SUPPORTED_HINT = "supported: " + " ".join(sorted(SUPPORTED))

# trafilatura falls back to a cruder extractor (which runs paragraphs
# together) when the main text is shorter than this many characters. Its
# default, 250, is set for alphabetic text; a Chinese character carries about
# as much as 2.5 letters, so a 100-character Chinese article is not "short".
HTML_MIN_EXTRACTED_CHARS = 100


def read_paths(paths: Iterable[str | Path]) -> Iterator[RawDocument | DocumentError]:
    """Every document under `paths` (directories walked recursively, in sorted order)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
        elif path.exists():
            files = [path]
        else:
            yield DocumentError(str(path), "no such file or directory", "check the path")
            continue
        for file in files:
            yield from read_file(file)


def read_file(path: Path) -> Iterator[RawDocument | DocumentError]:
    """One file: one RawDocument (a JSONL file: one per record) or DocumentErrors."""
    source = str(path)
    if not is_utf8(source):  # the knowledge base stores the path as text
        yield DocumentError(source, "the file name is not valid UTF-8", "rename the file")
        return
    kind = SUPPORTED.get(path.suffix.lower())
    if kind is None:
        yield DocumentError(source, f"unsupported file type '{path.suffix or path.name}'", SUPPORTED_HINT)
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(
                source,
                f"file too large ({size / 1024 / 1024:.1f} MB, the limit is {MAX_FILE_BYTES // 1024 // 1024} MB)",
                "split it into smaller files",
            )
        if size == 0:
            raise DocumentError(source, "the file is empty", "nothing to read")
        data = path.read_bytes()
        if kind == "jsonl":
            yield from read_jsonl(source, path.name, data)
            return
        yield checked_text(READERS[kind](source, path.name, data))
    except DocumentError as err:
        log.warning("%s", err)
        yield err
    except OSError as err:
        yield DocumentError(source, f"cannot read the file ({err.strerror or err})", "check its permissions")
    except Exception as err:  # a parser's bug on one hostile file must not stop a batch
        log.warning("%s: the %s parser failed", source, kind, exc_info=True)
        yield DocumentError(
            source,
            f"cannot parse the {kind} file ({type(err).__name__}: {err})",
            "check that it is not damaged",
        )


def is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes of a file name arrive as lone surrogates
        return False
    return True


def checked_text(raw: RawDocument) -> RawDocument:
    """`raw` if its text is of a size the later stages handle; NUL characters dropped.

    PostgreSQL cannot store NUL in text, and no text means one.
    """
    limit = settings().max_document_chars
    if len(raw.text) > limit:
        raise DocumentError(
            raw.source,
            f"text too long ({len(raw.text):,} characters, the limit is {limit:,})",
            "split it into one file per article",
        )
    if "\x00" in raw.text:
        log.warning("%s: NUL characters dropped", raw.source)
        raw.text = raw.text.replace("\x00", "")
    return raw


def decode_bytes(source: str, data: bytes) -> tuple[str, str]:
    """(text, encoding name): BOM first, then strict UTF-8, then charset-normalizer."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.replace("-sig", "")
            except UnicodeDecodeError as err:
                raise DocumentError(
                    source, f"cannot decode the text as {codec} ({err.reason})", "save it as UTF-8"
                ) from err
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise DocumentError(source, "binary file, not text", "check that the file is what its name says")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=None).best()
    if best is None:
        raise DocumentError(source, "cannot tell the text encoding", "save it as UTF-8")
    name = best.encoding.lower().replace("_", "")
    codec = DECODE_AS.get(name, best.encoding)
    try:
        return data.decode(codec), name
    except (UnicodeDecodeError, LookupError):
        return str(best), name


def read_text_file(source: str, name: str, data: bytes, fmt: str = "txt") -> RawDocument:
    text, encoding = decode_bytes(source, data)
    if not text.strip():
        raise DocumentError(source, "the file is empty", "nothing to read")
    return RawDocument(source=source, name=name, text=text, format=fmt, encoding=encoding)


def read_markdown(source: str, name: str, data: bytes) -> RawDocument:
    return read_text_file(source, name, data, "md")


def read_html(source: str, name: str, data: bytes) -> RawDocument:
    refuse_costly_html(source, data)
    html, encoding = decode_bytes(source, data)
    if not html.strip():
        raise DocumentError(source, "the file is empty", "nothing to read")
    visible = len(html_visible_text(html))  # lxml alone: fast and linear
    limit = settings().max_document_chars
    if visible > 2 * limit:  # boilerplate rarely halves a page's text
        raise DocumentError(
            source,
            f"HTML page text too long ({visible:,} characters, the limit is {limit:,})",
            "split it into one file per article",
        )
    text, title, published, outlet = extract_html(html)
    if not text or not text.strip():
        raise DocumentError(source, "no text found in the HTML page", "check that it is an article page")
    return RawDocument(
        source=source,
        name=name,
        text=text,
        format="html",
        encoding=encoding,
        html=html,
        title=title,
        published=published,
        outlet=outlet,
    )


def refuse_costly_html(source: str, data: bytes) -> None:
    """Refuse a page whose size or element count would make its parsing slow or large."""
    if len(data) > MAX_HTML_BYTES:
        raise DocumentError(
            source,
            f"HTML page too large ({len(data) / 1024 / 1024:.1f} MB, "
            f"the limit is {MAX_HTML_BYTES // 1024 // 1024} MB)",
            "save only the article's page",
        )
    elements = len(_HTML_START_TAG.findall(data))
    if elements > MAX_HTML_ELEMENTS:
        raise DocumentError(
            source,
            f"HTML page has too many elements ({elements:,}, the limit is {MAX_HTML_ELEMENTS:,})",
            "save only the article's page",
        )


def extract_html(html: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(main text, title, published date, site name) of a page.

    trafilatura finds the main content; when it finds none (short or odd
    pages) the page's visible text from lxml is used and cleaning does the rest.
    """
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, config=_trafilatura_config()
    )
    meta = trafilatura.extract_metadata(html, extensive=False)
    title = meta.title if meta is not None else None
    published = meta.date if meta is not None else None
    outlet = meta.sitename if meta is not None else None
    if text is None:
        log.info("trafilatura found no main content; using the page text")
        text = html_visible_text(html)
    return text, title, published, outlet


@lru_cache(maxsize=1)
def _trafilatura_config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(HTML_MIN_EXTRACTED_CHARS))
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def html_visible_text(html: str) -> str:
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (ValueError, SyntaxError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    lines = [line.strip() for line in root.text_content().splitlines()]
    return "\n".join(line for line in lines if line)


def read_pdf(source: str, name: str, data: bytes) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise DocumentError(
                source,
                f"too many pages ({len(reader.pages):,}, the limit is {MAX_PDF_PAGES:,})",
                "split the PDF into smaller files",
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except LimitReachedError as err:  # pypdf's guard against decompression bombs
        raise DocumentError(
            source, f"PDF refused: it exceeds pypdf's safety limits ({err})", "check where it came from"
        ) from err
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as err:
        raise DocumentError(
            source, f"broken PDF ({err})", "open it in a PDF reader and save it again"
        ) from err
    text = "\n".join(join_wrapped_lines(page) for page in pages)
    if not text.strip():
        raise DocumentError(source, "the PDF has no text layer (scanned pages?)", "run OCR on it first")
    return RawDocument(source=source, name=name, text=text, format="pdf")


# A PDF line at least this share of the page's longest line, and not ending a
# sentence, was wrapped by the layout: it continues on the next line. Justified
# CJK text fills lines to within a character or two of the longest (0.8
# leaves room for a line ending in Latin letters or digits).
WRAPPED_LINE_SHARE = 0.8
_LINE_END = tuple("。！？!?；;：:”」』）)")


def join_wrapped_lines(page: str) -> str:
    """Undo the layout's line wrapping inside paragraphs, so sentences stay on one line."""
    lines = page.split("\n")
    longest = max((len(line.strip()) for line in lines), default=0)
    out: list[str] = []
    for line in lines:
        if out and _is_wrapped(out[-1], longest):
            out[-1] = out[-1] + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def _is_wrapped(line: str, longest: int) -> bool:
    stripped = line.strip()
    return (
        bool(stripped) and len(stripped) >= WRAPPED_LINE_SHARE * longest and not stripped.endswith(_LINE_END)
    )


def read_docx(source: str, name: str, data: bytes) -> RawDocument:
    import zipfile

    import docx

    try:
        refuse_zip_bomb(source, data)
        document = docx.Document(io.BytesIO(inflate_docx_parts(source, data)))
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, zlib.error) as err:
        log.info("%s: python-docx: %s", source, err)
        raise DocumentError(
            source, "broken Word file, cannot be parsed", "open it in Word and save it again as .docx"
        ) from err
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    text = "\n".join(lines)
    if not text.strip():
        raise DocumentError(source, "no text in the document", "check that the file has content")
    title = (document.core_properties.title or None) if document.core_properties else None
    return RawDocument(source=source, name=name, text=text, format="docx", title=title)


def is_text_part(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


def refuse_zip_bomb(source: str, data: bytes) -> None:
    """Refuse early on the sizes the archive declares (inflate_docx_parts checks the real ones)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unzipped = sum(m.file_size for m in archive.infolist() if is_text_part(m.filename))
    if unzipped > MAX_DOCX_UNZIPPED_BYTES:
        raise zip_bomb_error(source, f"{unzipped / 1024 / 1024:.0f} MB")


def zip_bomb_error(source: str, size: str) -> DocumentError:
    return DocumentError(
        source,
        f"Word file refused: it unzips to {size}, the limit is {MAX_DOCX_UNZIPPED_BYTES // 1024 // 1024} MB",
        "check where it came from",
    )


def inflate_docx_parts(source: str, data: bytes) -> bytes:
    """The package re-zipped uncompressed, its XML parts inflated a chunk at a time under the cap.

    A whole-member read inflates everything the member holds before it is
    cut to the declared size, so an archive that declares small sizes
    reached gigabytes. Other parts (images, fonts) carry no text and are
    left empty rather than inflated.
    """
    import zipfile

    out = io.BytesIO()
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w") as clean:
        for member in archive.infolist():
            if member.is_dir():
                continue
            chunks = []
            if is_text_part(member.filename):
                with archive.open(member) as part:
                    while chunk := part.read(DOCX_INFLATE_CHUNK):
                        total += len(chunk)
                        if total > MAX_DOCX_UNZIPPED_BYTES:
                            raise zip_bomb_error(
                                source, f"more than {MAX_DOCX_UNZIPPED_BYTES // 1024 // 1024} MB"
                            )
                        chunks.append(chunk)
            clean.writestr(member.filename, b"".join(chunks))
    return out.getvalue()


def read_jsonl(source: str, name: str, data: bytes) -> Iterator[RawDocument | DocumentError]:
    """One RawDocument per line: {"text": ..., "title"?, "url"?, "published"?, "source"?}.

    A record's "source" is the outlet that published it (as on a 来源 line);
    the RawDocument's own source is the file and line, so errors can name it.
    """
    try:
        content, encoding = decode_bytes(source, data)
    except DocumentError as err:
        yield err
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        record_source = f"{source}#{number}"
        try:
            yield checked_text(record_from_json(record_source, f"{name}#{number}", line, encoding))
        except DocumentError as err:
            log.warning("%s", err)
            yield err


def record_from_json(source: str, name: str, line: str, encoding: str) -> RawDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise DocumentError(
            source, f"not valid JSON ({err.msg} at column {err.colno})", "write one JSON object per line"
        ) from err
    if not isinstance(record, dict):
        raise DocumentError(source, "a JSONL record must be a JSON object", 'write {"text": "..."}')
    refuse_lone_surrogates(source, record)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentError(source, "the record has no 'text'", 'write {"text": "..."}')
    return RawDocument(
        source=source,
        name=name,
        text=text,
        format="jsonl",
        encoding=encoding,
        title=_str_or_none(record.get("title")),
        url=_str_or_none(record.get("url")),
        published=_str_or_none(record.get("published")),
        outlet=_str_or_none(record.get("outlet") or record.get("source")),
    )


def refuse_lone_surrogates(source: str, record: dict) -> None:
    """A JSON escape like \\ud800 without its pair decodes to a character no text can hold."""
    for key, value in record.items():
        if isinstance(value, str) and not is_utf8(value):
            at = next(i for i, c in enumerate(value) if "\ud800" <= c <= "\udfff")
            raise DocumentError(
                source,
                f"{key!r} holds a lone surrogate (\\u{ord(value[at]):04x} at character {at}), not text",
                "write the character itself or its full surrogate pair",
            )


def _str_or_none(value) -> str | None:
    return str(value) if value not in (None, "") else None


READERS = {"txt": read_text_file, "md": read_markdown, "html": read_html, "pdf": read_pdf, "docx": read_docx}
