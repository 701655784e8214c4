"""Readers and encodings, on the example corpus and on files written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from innoatlas.documents import read_paths
from innoatlas.documents.read import MAX_FILE_BYTES, join_wrapped_lines, read_file
from innoatlas.errors import DocumentError

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
SAMPLE = "成都高新区新增高新技术企业87家，研发投入同比增长12.6%。"
SAMPLE_HANT = "東湖高新區光電子信息產業營收同比增長9.3%。"


def read_one(path: Path):
    items = list(read_file(path))
    assert len(items) == 1
    return items[0]


def test_directory_is_walked_in_sorted_order_with_jsonl_records():
    names = [item.name for item in read_paths([CORPUS])]
    assert names == [
        "cd_gaoxin_biotech_gbk.txt",
        "cq_liangjiang_xietong_2024.txt",
        "cq_liangjiang_xietong_2024_b.html",
        "cq_liangjiang_xietong_2024_repost.txt",
        "cq_science_city_double.txt",
        "feed_2024.jsonl#1",
        "feed_2024.jsonl#2",
        "hf_quantum_hant.txt",
        "spb_university_ring_2023.txt",
        "spb_university_ring_2023_hant_repost.txt",
        "sz_angel_fund.docx",
        "wh_guanggu_big5.txt",
        "wh_optics_valley_2024.md",
        "xa_hard_tech_policy.pdf",
    ]


def test_gbk_file_is_decoded_as_gb18030():
    raw = read_one(CORPUS / "cd_gaoxin_biotech_gbk.txt")
    assert raw.encoding == "gb18030"
    assert "成都高新区已聚集生物医药企业一千二百余家" in raw.text


def test_big5_file_is_decoded():
    raw = read_one(CORPUS / "wh_guanggu_big5.txt")
    assert raw.encoding == "big5"
    assert "東湖高新區光電子信息產業實現營業收入6218億元" in raw.text


def test_utf8_traditional_file():
    raw = read_one(CORPUS / "hf_quantum_hant.txt")
    assert (raw.encoding, raw.format) == ("utf-8", "txt")
    assert "合肥高新區已集聚量子信息相關企業72家" in raw.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    path = tmp_path / "a.txt"
    path.write_bytes(bom + SAMPLE.encode(codec))
    raw = read_one(path)
    assert (raw.text, raw.encoding) == (SAMPLE, "utf-16")


def test_utf8_with_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    assert read_one(path).text == SAMPLE


def test_gbk_written_here(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes((SAMPLE * 3).encode("gbk"))
    raw = read_one(path)
    assert (raw.text, raw.encoding) == (SAMPLE * 3, "gb18030")


def test_big5_written_here(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes((SAMPLE_HANT * 3).encode("big5"))
    raw = read_one(path)
    assert (raw.text, raw.encoding) == (SAMPLE_HANT * 3, "big5")


def test_markdown_keeps_its_marks():
    raw = read_one(CORPUS / "wh_optics_valley_2024.md")
    assert raw.format == "md"
    assert raw.text.startswith("# 光谷科创大走廊")


def test_html_main_text_title_date_and_site():
    raw = read_one(CORPUS / "cq_liangjiang_xietong_2024_b.html")
    assert raw.format == "html"
    assert raw.html.startswith("<!DOCTYPE html>")
    assert (raw.title, raw.published, raw.outlet) == (
        "两江协同创新区：研发机构达65家 成果转化提速",
        "2024-03-16",
        "渝北科技报",
    )
    assert (
        raw.text.split("\n")[1]
        == "记者近日从重庆两江新区获悉，截至今年2月末，两江协同创新区共集聚研发机构65家，其中新型研发机构27家，累计转化科技成果410项。"
    )
    assert "相关阅读" not in raw.text and "首页" not in raw.text


def test_html_without_main_content_falls_back_to_page_text(tmp_path):
    path = tmp_path / "short.html"
    path.write_text(
        "<html><body><div>高新区</div><div>新增企业5家</div><script>var x=1;</script></body></html>",
        encoding="utf-8",
    )
    raw = read_one(path)
    assert raw.text == "高新区\n新增企业5家"


def test_pdf_text_with_wrapped_lines_joined():
    raw = read_one(CORPUS / "xa_hard_tech_policy.pdf")
    assert raw.format == "pdf"
    lines = [line.strip() for line in raw.text.split("\n")]
    assert (
        "根据措施，对新认定的国家级专精特新“小巨人”企业给予一次性奖励50万元，对年度研发投入超过1亿元的企业按研发投入增量的10%给予补贴，单个企业每年最高1000万元。"
        in lines
    )


def test_join_wrapped_lines_keeps_sentence_ends():
    page = "第一行写满了字没有句号而且很长很长\n接着写完。\n短行\n下一段。"
    assert join_wrapped_lines(page) == "第一行写满了字没有句号而且很长很长接着写完。\n短行\n下一段。"


def test_docx_paragraphs():
    raw = read_one(CORPUS / "sz_angel_fund.docx")
    assert raw.format == "docx"
    assert raw.text.split("\n")[:2] == ["深圳天使母基金2023年新增投资项目135个", "（2023年12月5日）"]


def test_jsonl_records(tmp_path):
    items = list(read_file(CORPUS / "feed_2024.jsonl"))
    assert [(r.name, r.title, r.published, r.outlet, r.url) for r in items] == [
        (
            "feed_2024.jsonl#1",
            "长沙经开区工程机械产业链：链主带动配套企业超过300家",
            "2024-07-22",
            "湘江科技周刊",
            "https://example.org/news/changsha-chain-2024",
        ),
        (
            "feed_2024.jsonl#2",
            "两江新区智能网联新能源汽车产业链新增配套企业46家",
            "2024-08-30",
            "两江观察网",
            None,
        ),
    ]
    assert items[0].source.endswith("feed_2024.jsonl#1")


def test_jsonl_bad_record_is_an_error_and_the_others_go_in(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": SAMPLE}, ensure_ascii=False) + "\n{broken\n" + json.dumps({"title": "x"}) + "\n",
        encoding="utf-8",
    )
    items = list(read_file(path))
    assert items[0].text == SAMPLE
    assert [str(e) for e in items[1:]] == [
        f"{path}#2: not valid JSON (Expecting property name enclosed in double quotes at column 2) (write one JSON object per line)",
        f'{path}#3: the record has no \'text\' (write {{"text": "..."}})',
    ]


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert str(read_one(path)) == f"{path}: the file is empty (nothing to read)"


def test_blank_file_counts_as_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\u3000\n", encoding="utf-8")
    assert str(read_one(path)) == f"{path}: the file is empty (nothing to read)"


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    err = read_one(path)
    assert isinstance(err, DocumentError)
    assert str(err) == f"{path}: binary file, not text (check that the file is what its name says)"


def test_broken_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    assert (
        str(read_one(path))
        == f"{path}: broken PDF (startxref not found) (open it in a PDF reader and save it again)"
    )


def test_pdf_that_is_not_a_pdf_at_all(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n")
    assert (
        str(read_one(path))
        == f"{path}: broken PDF (Stream has ended unexpectedly) (open it in a PDF reader and save it again)"
    )


def test_broken_docx(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert (
        str(read_one(path))
        == f"{path}: broken Word file, cannot be parsed (open it in Word and save it again as .docx)"
    )


def test_oversize_file(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: no disk space is used
        f.truncate(MAX_FILE_BYTES + 1)
    assert (
        str(read_one(path))
        == f"{path}: file too large (50.0 MB, the limit is 50 MB) (split it into smaller files)"
    )


def test_unsupported_extension(tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_bytes(b"x")
    assert (
        str(read_one(path))
        == f"{path}: unsupported file type '.xlsx' (supported: .docx .htm .html .jsonl .md .pdf .txt)"
    )


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    items = list(read_paths([tmp_path / "nope", CORPUS / "hf_quantum_hant.txt"]))
    assert str(items[0]) == f"{tmp_path / 'nope'}: no such file or directory (check the path)"
    assert items[1].name == "hf_quantum_hant.txt"
