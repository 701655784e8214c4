"""The command line: exit codes, the exact error lines, and each command's output."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from innoatlas import __version__
from innoatlas.cli import app

GOOD = "新城科技园今年新增专利授权300件，同比增长两成。园区将继续引进研发机构，完善孵化服务体系。\n"
BROKEN_PDF = (
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("INNOATLAS_DB", raising=False)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def test_version(run):
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"innoatlas {__version__}\n")


def test_ingest_names_each_bad_file_and_stores_the_others(run, inputs):
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (inputs / "broken.pdf").write_bytes(BROKEN_PDF)
    result = run("ingest", inputs, "--silent")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {inputs / 'broken.pdf'}: broken PDF (startxref not found) (open it in a PDF reader and save it again)",
        f"error: {inputs / 'empty.txt'}: the file is empty (nothing to read)",
        f"error: {inputs / 'image.txt'}: binary file, not text (check that the file is what its name says)",
    ]
    assert result.stdout == ""
    listing = run("docs")
    assert listing.exit_code == 0 and listing.stdout.splitlines()[-1] == "1 documents"  # good.txt alone
    assert run("docs", "good.txt").stdout.splitlines()[:2] == ["id: 1", "name: good.txt"]


def summary_counts(stdout: str) -> dict[str, str]:
    """The summary table's header and first row as a dict."""
    header, row = [line for line in stdout.splitlines() if line.startswith(("┃", "│"))][:2]
    return dict(
        zip(
            [c.strip() for c in header.split("┃")[1:-1]],
            [c.strip() for c in row.split("│")[1:-1]],
            strict=True,
        )
    )


def test_ingest_prints_a_summary_and_exits_0(run, inputs):
    result = run("ingest", inputs)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "ingested into sqlite:///innoatlas.db"
    assert summary_counts(result.stdout) == {
        "read": "1",
        "new": "1",
        "unchanged": "0",
        "changed": "0",
        "duplicate": "0",
        "failed": "0",
    }
    again = run("ingest", inputs)
    assert again.exit_code == 0, again.output
    assert summary_counts(again.stdout) == {
        "read": "1",
        "new": "0",
        "unchanged": "1",
        "changed": "0",
        "duplicate": "0",
        "failed": "0",
    }


def test_ingest_missing_path_is_one_line(run, tmp_path):
    result = run("ingest", "nothing-here.txt", "--silent")
    assert result.exit_code == 1
    assert (
        result.stderr == "error: nothing-here.txt: no such file or directory (check the path)\n"  # as given
    )


def test_extract_writes_one_json_object_per_document(run, inputs, tmp_path):
    out = tmp_path / "pred.jsonl"
    result = run("extract", inputs, "--jsonl", out)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc"] for r in records] == ["good.txt"]
    assert {"doc", "published", "entities", "indicators", "relations"} <= set(records[0])
    assert not (tmp_path / "innoatlas.db").exists()  # no database


def test_extract_reads_every_document_of_a_folder_whatever_one_of_them_ends_on(run, inputs, tmp_path):
    # a text that ends right on the ministry a list is issued by (入选工业和信息化部, the rest cut off)
    (inputs / "cut.txt").write_text("江川新闻\n近日，江川高新区入选工业和信息化部", encoding="utf-8")
    (inputs / "later.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = run("extract", inputs, "--jsonl", out)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["doc"] for r in records) == ["cut.txt", "good.txt", "later.txt"]
    cut = next(r for r in records if r["doc"] == "cut.txt")
    assert {"name": "江川高新区", "type": "zone"} in cut["entities"]


def test_extract_names_a_document_a_stage_fails_on_and_writes_the_others(run, inputs, tmp_path, monkeypatch):
    import innoatlas.pipeline as pipeline

    real = pipeline.extract_document

    def failing_on_one(doc):  # a fault injected into one document, as a bug in a stage would be
        if doc.name == "bad.txt":
            raise IndexError("list index out of range")
        return real(doc)

    monkeypatch.setattr(pipeline, "extract_document", failing_on_one)
    (inputs / "bad.txt").write_text(GOOD, encoding="utf-8")
    (inputs / "later.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = run("extract", inputs, "--jsonl", out)
    assert result.exit_code == 1
    assert (
        f"error: {inputs / 'bad.txt'}: internal error: IndexError: list index out of range" in result.stderr
    )
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["doc"] for r in records) == ["good.txt", "later.txt"]


def test_docs_lists_and_shows_one(run, inputs):
    run("ingest", inputs, "--db", "kb.db", "--silent")
    listing = run("docs", "--db", "kb.db")
    assert listing.exit_code == 0
    assert listing.stdout.splitlines()[-1] == "1 documents"
    assert "good.txt" not in listing.stdout  # listed by title; `docs NAME` still finds it by file name
    shown = run("docs", "good.txt", "--db", "kb.db")
    assert shown.exit_code == 0
    assert shown.stdout.splitlines()[:2] == ["id: 1", "name: good.txt"]
    assert GOOD.strip() in shown.stdout


def test_docs_unknown_document_is_one_error_line(run, inputs):
    run("ingest", inputs, "--silent")
    result = run("docs", "missing.txt")
    assert (result.exit_code, result.stderr) == (
        1,
        "error: no document 'missing.txt' in the knowledge base (list them with: innoatlas docs)\n",
    )


def test_stats_counts_documents(run, inputs):
    run("ingest", inputs, "--silent")
    result = run("stats")
    assert result.exit_code == 0
    rows = {
        line.split("│")[1].strip(): line.split("│")[2].strip()
        for line in result.stdout.splitlines()
        if line.count("│") == 3
    }
    assert (rows["documents"], rows["originals"], rows["characters (originals' bodies)"]) == (
        "1",
        "1",
        str(len(GOOD.strip())),
    )


def test_entity_unknown_is_one_error_line(run, inputs):
    run("ingest", inputs, "--silent")
    result = run("entity", "不存在的机构")
    assert (result.exit_code, result.stderr) == (
        1,
        "error: no entity '不存在的机构' in the knowledge base (ingest documents that mention it first)\n",
    )


def test_entity_profile_shows_documents(run, inputs):
    (inputs / "more.txt").write_text(
        "江川大学与新城科技园签署战略合作协议，共建智能制造研究院。\n", encoding="utf-8"
    )
    run("ingest", inputs, "--silent")
    from innoatlas.store import open_store

    with open_store("innoatlas.db") as store:
        name = store.dump_tables()["entities"][0][2]
    result = run("entity", name)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith(name)
    assert ".txt" not in result.stdout  # sources by their titles, not their file names


def test_bad_database_url_is_one_error_line(run, inputs):
    result = run("stats", "--db", "mysql://u@h/kb")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: unsupported database 'mysql' in 'mysql://u@h/kb' (give --db sqlite:///path.db, "
        "a .db file path, or postgresql+psycopg://user@host/dbname)\n"
    )


def test_demo_ingests_the_example_corpus(run, examples, tmp_path):
    result = run("demo", "--no-serve")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "innoatlas-demo.db").exists()
    assert "ingested into sqlite:///innoatlas-demo.db" in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["docs"],
        ["stats"],
        ["entity", "两江新区"],
        ["timeline", "两江协同创新区", "--conflicts"],
        ["network"],
        ["review", "log"],
        ["user", "list"],
    ],
)
def test_a_read_only_command_on_a_missing_database_fails_and_creates_nothing(run, tmp_path, command):
    result = run(*command, "--db", "missing.db")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: no knowledge base at missing.db: the file does not exist "
        "(build one with `innoatlas ingest PATH... --db missing.db` or `innoatlas demo`, or give --db)\n"
    )
    assert not (tmp_path / "missing.db").exists()


def test_a_damaged_pdf_gets_our_one_line_and_none_of_the_parser_warnings(run, inputs):
    from reportlab.pdfgen import canvas

    path = inputs / "moved-xref.pdf"
    page = canvas.Canvas(str(path))
    page.drawString(100, 750, "Annual report")
    page.save()
    data = path.read_bytes()
    # A wrong startxref offset: pypdf recovers, and logs warnings about it.
    path.write_bytes(data[: data.rindex(b"startxref")] + b"startxref\n12\n%%EOF\n")
    (inputs / "cut.pdf").write_bytes(data[: len(data) // 2])
    # A real process: pytest's log capture would otherwise swallow what Python prints on stderr.
    for workers in ("1", "2"):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "innoatlas",
                "ingest",
                str(inputs),
                "--silent",
                "--workers",
                workers,
                "--db",
                f"kb{workers}.db",
            ],
            cwd=inputs.parent,
            capture_output=True,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "INNOATLAS_DB"},
        )
        assert result.stderr.splitlines() == [
            f"error: {inputs / 'cut.pdf'}: broken PDF (Stream has ended unexpectedly) "
            "(open it in a PDF reader and save it again)"
        ], workers
