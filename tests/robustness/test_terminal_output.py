"""What the CLI prints cannot drive the terminal: control characters in names, titles and bodies are escaped.

A file name with a newline printed a second, fake `error:` line; ESC and
OSC sequences in file names, titles, outlets and bodies reached the
terminal raw (colours, the window title, cursor moves).
"""

from __future__ import annotations

import subprocess

from tests.robustness.kb import CLI, cli_env

ESCAPES = "\x1b]0;owned\x07\x1b[31m"
SENTENCE = "两江新区今年新增研发平台十二个。"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], env=cli_env(), capture_output=True, text=True, timeout=120)


def test_names_titles_and_bodies_cannot_send_control_sequences(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty\nerror: all files were stored.txt").write_bytes(b"")
    (corpus / f"red{ESCAPES}name.txt").write_text(f"标题{ESCAPES}\n{SENTENCE}{ESCAPES}\n", encoding="utf-8")
    (corpus / "feed.jsonl").write_text(
        '{"text": "' + SENTENCE + '", "title": "\\u001b]0;owned\\u0007", "outlet": "\\u001b[2J日报"}\n',
        encoding="utf-8",
    )
    db = str(tmp_path / "kb.db")
    ingest = run("ingest", str(corpus), "--db", db)
    errors = [line for line in ingest.stderr.splitlines() if line.strip()]
    assert errors == [
        "error: "
        + str(corpus / "empty")
        + "\\nerror: all files were stored.txt: the file is empty (nothing to read)"
    ]
    listing = run("docs", "--db", db)
    shown = [run("docs", ref, "--db", db) for ref in ("1", "2")]
    for output in [ingest.stdout, ingest.stderr, listing.stdout, *(s.stdout for s in shown)]:
        assert "\x1b" not in output and "\x07" not in output
    assert "\\x1b[31m" in "".join(s.stdout for s in shown)  # shown, escaped
    assert any(SENTENCE in s.stdout for s in shown)
