"""The spark-ingest and load commands (their own module: the command stops the Spark session it used)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from innoatlas.cli import app

pyspark = pytest.importorskip("pyspark", reason="pyspark is installed with the test extras")


def test_the_commands_run_the_job_and_the_load(tmp_path, examples):
    out, db = tmp_path / "out", tmp_path / "kb.db"
    runner = CliRunner()
    job = runner.invoke(app, ["spark-ingest", str(examples), "--out", str(out), "--master", "local[2]"])
    assert job.exit_code == 0, job.output
    assert "stored" in job.output and "14" in job.output
    loaded = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    assert "duplicates (stored, facts not counted)" in loaded.output
    missing = runner.invoke(app, ["load", str(tmp_path / "nothing"), "--db", str(db)])
    assert missing.exit_code == 1
    assert missing.output.strip() == (
        f"error: {tmp_path / 'nothing'}: no documents table here "
        f"(write one with: innoatlas spark-ingest INPUT --out {tmp_path / 'nothing'})"
    )
    gone = runner.invoke(
        app, ["spark-ingest", str(tmp_path / "gone"), "--out", str(out), "--master", "local[1]"]
    )
    assert gone.exit_code == 1
    assert (
        f"error: {tmp_path / 'gone'}: no such file or directory (check the path)" in gone.output.splitlines()
    )
