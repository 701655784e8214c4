"""A corpus of hostile files, written at test time (the huge one sparse, so it costs no disk).

`HOSTILE` names each file and what must become of it: the problem an
ingest reports for it, or None when it must be stored. The sentences are
written for these tests.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from pathlib import Path

SENTENCE = "两江新区今年新增高新技术企业120家，研发投入达到35亿元。"
# What the lying Word file's document part really inflates to (it declares 1 kB).
LYING_BOMB_MB = 700

HOSTILE: dict[str, str | None] = {
    "binary.txt": "binary file, not text",
    "empty.txt": "the file is empty",
    "huge.txt": "file too large (210.0 MB, the limit is 50 MB)",
    "nested.html": "no text found in the HTML page",
    "truncated.html": None,
    "bomb.pdf": "PDF refused: it exceeds pypdf's safety limits",
    "pages.pdf": "too many pages (5,000, the limit is 2,000)",
    "broken.pdf": "broken PDF",
    "bomb.docx": "Word file refused: it unzips to 300 MB, the limit is 32 MB",
    "lying_bomb.docx": "broken Word file, cannot be parsed",
    "huge_page.html": "HTML page too large (9.0 MB, the limit is 8 MB)",
    "small_tags.html": "HTML page has too many elements (200,003, the limit is 50,000)",
    "broken.docx": "broken Word file, cannot be parsed",
    "mixed_encodings.txt": "cannot tell the text encoding",
    "gbk_labelled_utf8.html": None,
    "utf16_without_bom.txt": "binary file, not text",
    "one_line_1mb.txt": "text too long (350,000 characters, the limit is 200,000)",
    "one_line_60kb.txt": None,
    "control_characters.txt": None,
    "nul_after_8k.txt": None,
    "zero_width.txt": None,
    "records.jsonl#1": "not valid JSON",
    "records.jsonl#2": None,
    "records.jsonl#3": "'text' holds a lone surrogate (\\ud800 at character 4), not text",
    "program.exe": "unsupported file type '.exe'",
    os.fsdecode(b"name_\xff\xfe.txt"): "the file name is not valid UTF-8",
}


def write_hostile_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    write = {
        "binary.txt": bytes(rng.randrange(256) for _ in range(20_000)),
        "empty.txt": b"",
        "nested.html": nested_html(5000),
        "truncated.html": truncated_html(),
        "bomb.pdf": pdf_bomb(),
        "pages.pdf": pdf_with_pages(5000),
        "broken.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer <<",
        "bomb.docx": docx_bomb(300),
        "lying_bomb.docx": lying_docx_bomb(LYING_BOMB_MB),
        "huge_page.html": huge_page(9),
        "small_tags.html": small_tags_page(200_000),
        "broken.docx": b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(4000)),
        "mixed_encodings.txt": SENTENCE.encode("utf-8") * 20 + "研发投入达到35亿元。\n".encode("gbk") * 20,
        "gbk_labelled_utf8.html": gbk_page_labelled_utf8(),
        "utf16_without_bom.txt": (SENTENCE * 5).encode("utf-16-le"),
        "one_line_1mb.txt": one_line(350_000).encode("utf-8"),
        "one_line_60kb.txt": one_line(20_000).encode("utf-8"),
        "control_characters.txt": control_characters().encode("utf-8"),
        "nul_after_8k.txt": (SENTENCE + "\n").encode("utf-8") * 200 + "研发\x00投入35亿元。\n".encode(),
        "zero_width.txt": "重庆两江\u200b新区今年新增高新技术企业120家，两江\u200d新区研发投入达到35亿元。\n".encode(),
        "records.jsonl": b'{"text": "unterminated\n'
        + f'{{"text": "{SENTENCE}"}}\n'.encode()
        + '{"text": "两江新区\\ud800新增企业"}\n'.encode(),
        "program.exe": b"MZ\x90\x00",
        os.fsdecode(b"name_\xff\xfe.txt"): SENTENCE.encode("utf-8"),
    }
    for name, data in write.items():
        (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as f:
        f.truncate(210 * 1024 * 1024)  # sparse: no disk blocks, still 210 MB to stat()
    return folder


def nested_html(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth).encode()


def truncated_html() -> bytes:
    page = f"<html><head><title>两江新区动态</title></head><body><article><p>{SENTENCE}</p><p>园区还引进了一批研发机构，其中包括"
    return page.encode("utf-8")


def gbk_page_labelled_utf8() -> bytes:
    body = SENTENCE + "这篇测试文章用来检查网页声明的编码与实际编码不符时能否读出正文。"
    return f'<html><head><meta charset="utf-8"><title>测试</title></head><body><p>{body}</p></body></html>'.encode(
        "gbk"
    )


def one_line(chars: int) -> str:
    """Sentences on a single line, a figure in each, to `chars` characters."""
    sentences = (
        f"第{i}号园区今年引进研发机构{i % 90 + 3}家，带动就业{i % 700 + 100}人。" for i in range(10**6)
    )
    text = ""
    while len(text) < chars:
        text += "".join(next(sentences) for _ in range(1000))
    return text[:chars]


def control_characters() -> str:
    return "两江\x07新区今年\x1b[31m新增\x01高新技术企业\x0b120家\x7f。\x08研发投入35亿元。\x1f\n" * 3


def pdf(objects: list[bytes]) -> bytes:
    """A PDF file of numbered `objects` (1 0 obj ...) with its cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_bomb() -> bytes:
    """One page whose content stream is 300 KB compressed and 300 MB inflated."""
    packer = zlib.compressobj(9)
    stream = packer.compress(b"BT /F1 12 Tf 72 720 Td (A) Tj ET\n")
    blanks = b" " * (1024 * 1024)
    stream += b"".join(packer.compress(blanks) for _ in range(300)) + packer.flush()
    contents = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            PAGE,
            contents,
            FONT,
        ]
    )


def pdf_with_pages(pages: int) -> bytes:
    """`pages` pages in a page tree of 100 per node, every one the same small page object."""
    per_node = 100
    nodes = pages // per_node
    first_node = 6
    kids = b" ".join(b"%d 0 R" % (first_node + n) for n in range(nodes))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        PAGE,
        b"<< /Length 34 >>\nstream\nBT /F1 12 Tf 72 720 Td (A) Tj ET\n\nendstream",
        FONT,
    ]
    page_refs = b" ".join([b"3 0 R"] * per_node)
    objects += [b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (page_refs, per_node)] * nodes
    return pdf(objects)


def docx_bomb(megabytes: int) -> bytes:
    """A zip named .docx whose document part inflates to `megabytes` MB of spaces."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            for _ in range(megabytes):
                part.write(b" " * (1024 * 1024))
    return buffer.getvalue()


# The parts that lead a Word reader to word/document.xml.
DOCX_PACKAGE = {
    "[Content_Types].xml": (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    "_rels/.rels": (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument"/></Relationships>'
    ),
}


def lying_docx_bomb(megabytes: int) -> bytes:
    """A .docx whose document part declares 1 kB and inflates to `megabytes` MB of spaces.

    The deflate stream is one fully flushed block of 1 MB of spaces repeated:
    each such block stands alone, so the repeat is a valid stream.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b" " * (1024 * 1024)) + compressor.flush(zlib.Z_FULL_FLUSH)
    stream = block * megabytes + zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    members = [(name, 0, part, len(part), zlib.crc32(part)) for name, part in DOCX_PACKAGE.items()]
    members.append(("word/document.xml", 8, stream, 1024, 0))
    return raw_zip(members)


def raw_zip(members: list[tuple[str, int, bytes, int, int]]) -> bytes:
    """A zip of (name, method, stored bytes, declared size, crc) members, headers written by hand."""
    out, central = b"", b""
    for name, method, data, size, crc in members:
        encoded = name.encode()
        central += (
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                20,
                20,
                0,
                method,
                0,
                33,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                len(out),
            )
            + encoded
        )
        out += (
            struct.pack(
                "<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 33, crc, len(data), size, len(encoded), 0
            )
            + encoded
            + data
        )
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(out), 0)
    return out + central + end


def huge_page(megabytes: int) -> bytes:
    paragraph = f"<p>{SENTENCE}</p>".encode()
    count = megabytes * 1024 * 1024 // len(paragraph)
    page = b"<html><body>" + paragraph * count
    return page + b" " * (megabytes * 1024 * 1024 - len(page))


def small_tags_page(tags: int) -> bytes:
    return b"<html><body><p>" + SENTENCE.encode() + b"</p>" + b"<b>x</b>" * tags + b"</body></html>"
