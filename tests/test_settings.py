"""Settings: innoatlas.toml, then the environment, then the flags, each winning over the one before."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from innoatlas.cli import app
from innoatlas.errors import InnoatlasError
from innoatlas.settings import load_settings

# A short report written for this test (103 characters).
REPORT = (
    "南岸数智产业园发布年度报告\n\n"
    "2026年1月8日，南岸数智产业园发布年度报告。截至2025年底，南岸数智产业园已集聚软件企业320余家，"
    "全年营业收入达到58亿元。重庆大学与南岸数智产业园签署战略合作协议。\n"
)


@pytest.fixture
def here(tmp_path, monkeypatch):
    """An empty working directory and no INNOATLAS_* variable."""
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith("INNOATLAS_")]:
        monkeypatch.delenv(name)
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_the_defaults_without_a_file_or_a_variable(here):
    s = load_settings()
    assert (s.db, s.max_document_chars, s.workers, s.extraction.max_lead) == (
        "sqlite:///innoatlas.db",
        200_000,
        None,
        26,
    )


def test_the_environment_wins_over_the_file_and_a_flag_over_both(here, monkeypatch):
    (here / "innoatlas.toml").write_text(
        'db = "from-file.db"\nworkers = 2\n[extraction]\nmax_lead = 30\nperiod_carry_chars = 90\n',
        encoding="utf-8",
    )
    assert (load_settings().db, load_settings().workers) == ("from-file.db", 2)
    monkeypatch.setenv("INNOATLAS_DB", "from-env.db")
    monkeypatch.setenv("INNOATLAS_EXTRACTION__MAX_LEAD", "12")
    s = load_settings()
    assert (s.db, s.workers, s.extraction.max_lead, s.extraction.period_carry_chars) == (
        "from-env.db",
        2,
        12,
        90,
    )
    assert load_settings(db="from-flag.db", workers=None).db == "from-flag.db"
    assert load_settings(db="from-flag.db", workers=None).workers == 2  # a flag not given does not count


def test_ingest_stores_where_the_file_says_unless_a_flag_says_otherwise(here):
    (here / "report.txt").write_text(REPORT, encoding="utf-8")
    (here / "innoatlas.toml").write_text('db = "team.db"\n', encoding="utf-8")
    assert run("ingest", "report.txt", "--silent").exit_code == 0
    assert (here / "team.db").is_file() and not (here / "innoatlas.db").exists()
    assert run("ingest", "report.txt", "--silent", "--db", "mine.db").exit_code == 0
    assert (here / "mine.db").is_file()


def test_the_document_limit_of_the_file_refuses_a_longer_document_naming_it(here):
    (here / "report.txt").write_text(REPORT, encoding="utf-8")
    (here / "short.txt").write_text(REPORT[:60], encoding="utf-8")
    (here / "innoatlas.toml").write_text("max_document_chars = 100\n", encoding="utf-8")
    result = run("ingest", "report.txt", "short.txt", "--silent")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: report.txt: text too long (103 characters, the limit is 100) (split it into one file per article)"
    ]
    with sqlite3.connect(here / "innoatlas.db") as db:  # the other document still went in
        assert db.execute("SELECT name FROM documents").fetchall() == [("short.txt",)]


def test_a_bad_toml_file_is_one_error_line_naming_it(here):
    (here / "innoatlas.toml").write_text('db = "kb.db\n', encoding="utf-8")
    result = run("stats")
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {here / 'innoatlas.toml'}: not valid TOML (")
    with pytest.raises(InnoatlasError, match="innoatlas.toml: not valid TOML"):
        load_settings()


def test_a_bad_value_is_one_error_line_naming_the_setting(here, monkeypatch):
    (here / "innoatlas.toml").write_text("[extraction]\nmax_leed = 30\n", encoding="utf-8")
    result = run("stats")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "error: setting extraction.max_leed: extra inputs are not permitted (read from "
    )
    (here / "innoatlas.toml").unlink()
    monkeypatch.setenv("INNOATLAS_WORKERS", "0")
    result = run("stats")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert "setting workers: input should be greater than or equal to 1" in result.stderr


def test_an_extraction_constant_from_the_environment_changes_what_is_quoted(here):
    (here / "report.txt").write_text(REPORT, encoding="utf-8")

    def quotes(env: dict) -> list[str]:
        command = [sys.executable, "-m", "innoatlas", "extract", "report.txt", "--jsonl", "out.jsonl"]
        subprocess.run(command, env={**os.environ, **env}, check=True, capture_output=True, timeout=300)
        annotation = json.loads((here / "out.jsonl").read_text(encoding="utf-8"))
        return [i["quote"] for i in annotation["indicators"]]

    assert quotes({}) == ["南岸数智产业园已集聚软件企业320余家", "全年营业收入达到58亿元"]
    assert quotes({"INNOATLAS_EXTRACTION__MAX_LEAD": "6"}) == ["集聚软件企业320余家", "营业收入达到58亿元"]
