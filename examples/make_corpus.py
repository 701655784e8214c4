"""Regenerate the encoded and binary example files from their UTF-8 sources.

    python examples/make_corpus.py

Reads examples/corpus_src/*.txt and writes into examples/corpus/:
a GBK text file, a Big5 text file, a PDF (reportlab, built-in CID font
STSong-Light, so no font file is needed) and a Word .docx (python-docx).
Each output is read back (decoded, or its text extracted with pypdf /
python-docx) and compared with its source, so a file that the readers would
not understand is never written silently.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "corpus_src"
CORPUS = HERE / "corpus"

# source file -> (output file, kind)
OUTPUTS = {
    "cd_gaoxin_biotech.txt": ("cd_gaoxin_biotech_gbk.txt", "gbk"),
    "wh_guanggu.txt": ("wh_guanggu_big5.txt", "big5"),
    "xa_hard_tech_policy.txt": ("xa_hard_tech_policy.pdf", "pdf"),
    "sz_angel_fund.txt": ("sz_angel_fund.docx", "docx"),
}


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def write_encoded(text: str, encoding: str) -> bytes:
    data = text.encode(encoding)
    if data.decode(encoding) != text:
        raise SystemExit(f"{encoding} does not round-trip")
    return data


def write_pdf(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=11, leading=17, wordWrap="CJK", firstLineIndent=22
    )
    head = ParagraphStyle("head", fontName="STSong-Light", fontSize=16, leading=24, wordWrap="CJK")
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1, title="", author="")
    story = []
    for i, para in enumerate(paragraphs(text)):
        story.append(Paragraph(para, head if i == 1 else body))
        story.append(Spacer(1, 6))
    doc.build(story)
    data = out.getvalue()
    check_pdf(data, text)
    return data


def check_pdf(data: bytes, text: str) -> None:
    from pypdf import PdfReader

    extracted = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    wanted = "".join(paragraphs(text)).replace(" ", "")
    if extracted.replace("\n", "").replace(" ", "") != wanted:
        raise SystemExit("pypdf does not extract the PDF's Chinese text as written")


def write_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    paras = paragraphs(text)
    document.add_heading(paras[0], level=1)
    for para in paras[1:]:
        document.add_paragraph(para)
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    if [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text] != paras:
        raise SystemExit("python-docx does not read the paragraphs back")
    return data


WRITERS = {
    "gbk": lambda text: write_encoded(text, "gbk"),
    "big5": lambda text: write_encoded(text, "big5"),
    "pdf": write_pdf,
    "docx": write_docx,
}


def main() -> int:
    CORPUS.mkdir(exist_ok=True)
    for source, (target, kind) in OUTPUTS.items():
        text = (SOURCES / source).read_text(encoding="utf-8")
        (CORPUS / target).write_bytes(WRITERS[kind](text))
        sys.stderr.write(f"wrote {CORPUS.name}/{target} ({kind})\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
