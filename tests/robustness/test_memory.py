"""The analysis commands answer about facts without loading document texts.

A base holds one long document (40,000 characters, inside the ingest
limit) behind 300 relations and 300 indicators. Loading the document's
text and offset map once per fact row took the commands to gigabytes; each
command here runs in a subprocess whose address space is capped, so using
memory in proportion to facts × document length makes it fail.
"""

from __future__ import annotations

import pytest

from tests.robustness.bigdoc import build_long_document_base, run_with_memory_limit

DOCUMENT_CHARS = 40_000
FACTS = 300
# Python, the libraries and the analysis of a small base fit in ~500 MB of
# address space; the old loading needed about 1 GB more for this base.
MEMORY_CAP_BYTES = 700 * 1024 * 1024

COMMANDS = [
    ["network", "--json"],
    ["timeline", "--conflicts", "--json"],
    ["timeline", "甲1科技公司", "--json"],
    ["chain", "新能源汽车", "--json"],
    ["export", "indicators", "--out", "{tmp}/indicators.csv"],
    ["export", "network", "--out", "{tmp}/network.json"],
]


@pytest.fixture(scope="module")
def long_document_base(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('long') / 'kb.db'}"
    build_long_document_base(url, DOCUMENT_CHARS, FACTS)
    return url


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_an_analysis_of_a_long_document_stays_in_bounded_memory(long_document_base, command, tmp_path):
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    run = run_with_memory_limit([*args, "--db", long_document_base], MEMORY_CAP_BYTES)
    assert run.returncode == 0, run.stderr[-1500:]
    assert "MemoryError" not in run.stderr
    if "--json" in command:  # the answer is there, with its evidence
        assert "甲1科技公司" in run.stdout and "long-report.txt" in run.stdout
