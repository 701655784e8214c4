"""Hostile files: each gets a clear error naming the file and the problem, or is stored.

The corpus (hostile.py) is written at test time. The first tests read it
file by file; the last runs a real `innoatlas ingest` over it with two good
articles among the hostile files and checks that the run finishes, names
every refused file with its problem, stores the rest, and stays within a
bounded amount of memory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from innoatlas.documents import prepare_document
from innoatlas.documents.read import is_utf8, read_paths
from innoatlas.errors import DocumentError
from tests.conftest import EXAMPLES
from tests.robustness.hostile import HOSTILE, write_hostile_corpus
from tests.robustness.kb import CLI, cli_env, run_capped

GOOD = ["cq_liangjiang_xietong_2024.txt", "wh_optics_valley_2024.md"]
# The largest resident size an ingest of this corpus may reach. A run over
# the two good articles alone peaks at ~270 MB (the tagger's model and
# libraries); reading the 210 MB file or inflating the 300 MB PDF stream or
# Word part would push it past this.
MAX_RSS_MB = 500
MEMORY_POLL_S = 0.02


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    return write_hostile_corpus(tmp_path_factory.mktemp("hostile") / "in")


@pytest.fixture(scope="module")
def read_items(hostile_dir) -> dict:
    """What reading gives for each file (a JSONL file: each record), by name."""
    items = {}
    for item in read_paths([hostile_dir]):
        name = os.path.relpath(item.source, hostile_dir)
        items[name] = item
    return items


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_file_is_refused_with_its_problem_or_read(name, read_items, hostile_dir):
    item = read_items[name]
    problem = HOSTILE[name]
    if problem is None:
        assert not isinstance(item, DocumentError), str(item)
        assert prepare_document(item).norm.strip()
    else:
        assert isinstance(item, DocumentError), f"{name} was read"
        assert str(item).startswith(f"{hostile_dir / name}: {problem}")


def test_a_huge_file_is_refused_before_it_is_read(hostile_dir):
    tracemalloc.start()
    [error] = read_paths([hostile_dir / "huge.txt"])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (
        str(error)
        == f"{hostile_dir}/huge.txt: file too large (210.0 MB, the limit is 50 MB) (split it into smaller files)"
    )
    assert peak < 1024 * 1024  # bytes: the 210 MB were never loaded


# Reads one file in a subprocess and prints what became of it.
READ_ONE = (
    "import sys\n"
    "from pathlib import Path\n"
    "from innoatlas.documents.read import read_file\n"
    "for item in read_file(Path(sys.argv[1])):\n"
    "    print(item if isinstance(item, Exception) else 'read ' + item.name)\n"
)
# The address space reading one file may take: the libraries and a small page
# fit in ~300 MB; the lying Word file alone inflated to 700 MB.
READ_CAP_BYTES = 600 * 1024 * 1024


@pytest.mark.parametrize("name", ["lying_bomb.docx", "small_tags.html", "huge_page.html"])
def test_a_costly_file_is_refused_within_bounded_memory(name, hostile_dir):
    run = run_capped([sys.executable, "-c", READ_ONE, str(hostile_dir / name)], READ_CAP_BYTES)
    assert run.returncode == 0, run.stderr[-1500:]
    [line] = run.stdout.splitlines()  # one error line
    assert line.startswith(f"{hostile_dir / name}: {HOSTILE[name]}")


def test_zero_width_and_control_characters_do_not_break_names(read_items):
    for name in ("zero_width.txt", "control_characters.txt"):
        doc = prepare_document(read_items[name])
        assert "两江新区" in doc.norm
        assert not any(ord(c) < 0x20 and c not in "\t\n\r" for c in doc.norm), name
        start = doc.norm.index("两江新区")
        original = doc.original[doc.norm_to_original[start] : doc.norm_to_original[start + 4]]
        assert original.startswith("两江") and len(original) == 5  # the invisible character is in the span


def test_a_long_single_line_is_cut_at_sentence_ends(read_items):
    doc = prepare_document(read_items["one_line_60kb.txt"])
    lines = doc.body.split("\n")
    assert len(lines) > 10
    assert max(map(len, lines)) <= 2000
    assert all(line.endswith("。") for line in lines[:-1])


def run_ingest(paths, url: str, folder) -> tuple[int, str, float]:
    """(exit status, stderr, peak resident MB) of `innoatlas ingest`.

    The peak is the kernel's high-water mark of the process, polled while it
    runs (its rusage would count the memory of the test process it was forked from).
    """
    with open(folder / "stderr.txt", "w+") as stderr:
        process = subprocess.Popen(
            [*CLI, "ingest", *map(str, paths), "--db", url, "--silent"],
            env=cli_env(),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        peak_kb = 0
        while process.poll() is None:
            peak_kb = max(peak_kb, high_water_kb(process.pid))
            time.sleep(MEMORY_POLL_S)
        stderr.seek(0)
        return process.returncode, stderr.read(), peak_kb / 1024


def high_water_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # it has just exited
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


@pytest.mark.slow
def test_an_ingest_of_hostile_files_stores_the_others(kb_url, hostile_dir, tmp_path):
    for name in GOOD:
        shutil.copy(EXAMPLES / name, hostile_dir / name)
    try:
        status, errors, peak_mb = run_ingest([hostile_dir], kb_url, tmp_path)
    finally:
        for name in GOOD:
            (hostile_dir / name).unlink()
    print(f"peak resident memory {peak_mb:.0f} MB")
    assert status == 1  # some files failed
    refused = {name for name, problem in HOSTILE.items() if problem}
    for name in refused:
        if is_utf8(name):
            assert f"error: {hostile_dir / name}: {HOSTILE[name]}" in errors, name
        else:  # how a terminal shows the undecodable bytes varies
            assert f".txt: {HOSTILE[name]}" in errors, name
    assert "internal error" not in errors and "Traceback" not in errors
    stored = stored_sources(kb_url, hostile_dir)
    assert stored == (set(HOSTILE) - refused) | set(GOOD)
    # Sources are stored from the folder holding the given path: in/zero_width.txt.
    assert entity_named(kb_url, "两江新区", f"{hostile_dir.name}/zero_width.txt")
    assert entity_named(kb_url, "两江新区", f"{hostile_dir.name}/control_characters.txt")
    assert peak_mb < MAX_RSS_MB


def stored_sources(url: str, root) -> set[str]:
    engine = create_engine(url)
    with engine.connect() as connection:
        sources = connection.execute(text("SELECT source FROM documents")).scalars().all()
    engine.dispose()
    return {os.path.relpath(s, root.name) for s in sources}


def entity_named(url: str, name: str, source) -> bool:
    """Whether the document of `source` mentions the entity called `name`."""
    engine = create_engine(url)
    query = text(
        "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "JOIN documents d ON d.id = m.document_id WHERE e.name = :name AND d.source = :source"
    )
    with engine.connect() as connection:
        found = connection.execute(query, {"name": name, "source": str(source)}).scalar_one()
    engine.dispose()
    return found > 0
