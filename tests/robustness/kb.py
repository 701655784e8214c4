"""What the robustness tests share: running the real CLI, and the content of a knowledge base.

`content(url, root)` reads every stored fact in a form that does not depend on
row ids or on where the corpus lies, so two knowledge bases built from the
same files compare equal exactly when they hold the same documents and facts.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

REPO = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "innoatlas"]


def freeze_package(folder: Path) -> Path:
    """A copy of the package's source under `folder`, for subprocesses to run.

    A test comparing several runs of the CLI gives them all this copy, so
    that an edit of the working tree during the test cannot make two runs differ.
    """
    shutil.copytree(
        REPO / "src" / "innoatlas", folder / "innoatlas", ignore=shutil.ignore_patterns("__pycache__")
    )
    return folder


def cli_env(src: Path | None = None) -> dict[str, str]:
    """The environment of a CLI subprocess: the package at `src`, no colours, one thread."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src or REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["NO_COLOR"] = "1"
    env["OMP_NUM_THREADS"] = "1"
    return env


def run_capped(argv: list[str], limit_bytes: int, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `argv` with its address space capped at `limit_bytes` (past it, allocations fail)."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    return subprocess.run(
        argv, env=cli_env(), capture_output=True, text=True, timeout=timeout, preexec_fn=cap
    )


def start_ingest(corpus: Path, url: str, src: Path | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [*CLI, "ingest", str(corpus), "--db", url, "--silent"],
        env=cli_env(src),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def rows(connection, sql: str) -> list[tuple]:
    return [tuple(r) for r in connection.execute(text(sql))]


def content(url: str, root: Path) -> dict:
    """Documents and facts of the knowledge base at `url`, keyed by source relative to `root`."""
    prefix = str(root.resolve()) + os.sep
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return _content(c, prefix)
    finally:
        engine.dispose()


def _content(c, prefix: str) -> dict:
    def rel(source):
        return source[len(prefix) :] if source and source.startswith(prefix) else source

    documents = {
        rel(source): (content_hash, rel(original), kind, title, str(published), norm)
        for source, content_hash, original, kind, title, published, norm in rows(
            c,
            "SELECT d.source, d.content_hash, o.source, d.duplicate_kind, d.title, d.published, d.norm "
            "FROM documents d LEFT JOIN documents o ON o.id = d.duplicate_of_id",
        )
    }
    facts: dict[str, list] = {source: [] for source in documents}
    for source, *fact in rows(
        c,
        "SELECT d.source, 'mention', m.text, m.start, m.\"end\", e.key, m.extractor "
        "FROM mentions m JOIN documents d ON d.id = m.document_id JOIN entities e ON e.id = m.entity_id",
    ):
        facts[rel(source)].append(tuple(fact))
    for source, *fact in rows(
        c,
        "SELECT d.source, 'indicator', e.key, i.subject_text, i.metric, i.metric_key, i.value, i.unit, "
        'i.approx, i.kind, i.period, i.start, i."end", i.quote '
        "FROM indicators i JOIN documents d ON d.id = i.document_id LEFT JOIN entities e ON e.id = i.subject_id",
    ):
        facts[rel(source)].append(tuple(fact))
    for source, *fact in rows(
        c,
        "SELECT d.source, 'relation', s.key, r.predicate, o.key, r.start, r.\"end\", r.origin "
        "FROM relations r JOIN documents d ON d.id = r.document_id "
        "JOIN entities s ON s.id = r.subject_id JOIN entities o ON o.id = r.object_id",
    ):
        facts[rel(source)].append(tuple(fact))
    entities = set(
        rows(
            c,
            "SELECT e.key, e.name, e.type, p.key, g.key FROM entities e "
            "LEFT JOIN entities p ON p.id = e.parent_id LEFT JOIN entities g ON g.id = e.region_id",
        )
    )
    aliases = set(rows(c, "SELECT e.key, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id"))
    reference_relations = set(
        rows(
            c,
            "SELECT s.key, r.predicate, o.key, r.origin FROM relations r "
            "JOIN entities s ON s.id = r.subject_id JOIN entities o ON o.id = r.object_id "
            "WHERE r.document_id IS NULL",
        )
    )
    return {
        "documents": documents,
        "facts": {source: sorted(f, key=repr) for source, f in facts.items()},
        "entities": entities,
        "aliases": aliases,
        "reference_relations": reference_relations,
    }
