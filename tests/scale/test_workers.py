"""`ingest --workers N`: extraction in N processes, one writer, the same knowledge base as one process."""

from __future__ import annotations

import shutil

from typer.testing import CliRunner

from innoatlas.cli import app
from innoatlas.pipeline import IngestOptions, ingest_paths
from innoatlas.store import open_store
from tests.scale.kb_rows import comparable_rows


def test_two_workers_build_the_same_knowledge_base_as_one(tmp_path, seeds, examples):
    one = open_store(f"sqlite:///{tmp_path / 'one.db'}")
    two = open_store(f"sqlite:///{tmp_path / 'two.db'}")
    first = ingest_paths([seeds, examples], one, IngestOptions(workers=1))
    second = ingest_paths([seeds, examples], two, IngestOptions(workers=2))
    assert [(o.name, o.status, o.duplicate_kind) for o in second.outcomes] == [
        (o.name, o.status, o.duplicate_kind) for o in first.outcomes
    ]
    assert first.counts["duplicate"] >= 2 and first.counts["new"] >= 15
    rows_one, rows_two = comparable_rows(one), comparable_rows(two)
    assert rows_one["mentions"] and rows_one["indicators"] and rows_one["relations"]
    for table in rows_one:
        assert rows_two[table] == rows_one[table], table
    # same writes in the same order: even the ids agree
    assert one.dump_tables()["relations"] == two.dump_tables()["relations"]
    one.close()
    two.close()


def test_the_command_with_two_workers_shows_the_summary_and_reports_bad_files(tmp_path, examples):
    folder = tmp_path / "in"
    shutil.copytree(examples, folder)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert any(line.startswith(f"error: {folder / 'broken.pdf'}: ") for line in lines), result.output
    header = next(i for i, line in enumerate(lines) if "read" in line and "duplicate" in line)
    assert cells(lines[header + 2]) == ["15", "12", "0", "0", "2", "1"]
    again = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "2"])
    assert cells(again.output.splitlines()[header + 2]) == ["15", "0", "14", "0", "0", "1"]


def cells(table_line: str) -> list[str]:
    return [c.strip() for c in table_line.split("│")[1:-1]]


def test_zero_workers_is_refused_with_one_line(tmp_path, examples):
    result = CliRunner().invoke(
        app, ["ingest", str(examples), "--db", str(tmp_path / "kb.db"), "--workers", "0"]
    )
    assert result.exit_code == 2
    assert "--workers" in result.output
