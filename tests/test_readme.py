"""The README's commands work as written after its quick start.

The quick start builds the demo's knowledge base and sets the shell up
(`export INNOATLAS_DB=...`); every `innoatlas ...` line of the README's
examples then runs as written and answers, and every command of its
tables exists (its --help works).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from innoatlas.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def code_lines() -> list[str]:
    """The lines of the README's fenced code blocks, prompts ($) and comments (#) taken off."""
    lines, inside = [], False
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            inside = not inside
        elif inside:
            lines.append(re.sub(r"\s+#.*$", "", line.removeprefix("$ ")).strip())
    return lines


def example_commands() -> list[list[str]]:
    return [shlex.split(line)[1:] for line in code_lines() if line.startswith("innoatlas ")]


def exported() -> dict[str, str]:
    pairs = (
        line.removeprefix("export ").split("=", 1) for line in code_lines() if line.startswith("export ")
    )
    return dict(pairs)


def table_commands() -> list[list[str]]:
    """Each command of the README's tables: its words up to the first argument or option."""
    commands = []
    for cell in re.findall(r"^\| `innoatlas ([^`]+)`", README.read_text(encoding="utf-8"), re.M):
        words = []
        for word in cell.split():
            if not re.fullmatch(r"[a-z][a-z-]*", word):
                break
            words.append(word)
        commands.append(words)
    return commands


@pytest.fixture(scope="module")
def after_quick_start(tmp_path_factory):
    folder = tmp_path_factory.mktemp("readme")
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        built = runner.invoke(app, ["demo", "--no-serve"])
    assert built.exit_code == 0, built.output
    return folder, runner


def test_the_readme_sets_the_demo_database_up_for_the_commands():
    assert exported() == {"INNOATLAS_DB": "innoatlas-demo.db"}
    assert ["timeline", "两江协同创新区", "--conflicts"] in example_commands()


def test_every_example_command_runs_as_written(after_quick_start, monkeypatch):
    folder, runner = after_quick_start
    monkeypatch.chdir(folder)
    for command in example_commands():
        if command[:1] == ["demo"]:
            continue  # the quick start itself
        result = runner.invoke(app, command, env=exported())
        assert result.exit_code == 0, (command, result.output)
        assert result.stdout.strip(), command


def test_every_command_of_the_tables_exists():
    commands = table_commands()
    assert len(commands) >= 15
    runner = CliRunner()
    for words in commands:
        result = runner.invoke(app, [*words, "--help"])
        assert result.exit_code == 0, (words, result.output)
