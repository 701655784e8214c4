"""A knowledge base holding one long document with many facts, written straight through the schema.

Used to check that the analysis commands answer in memory independent of
the document's length: every relation and indicator of the base points at
the one long document, as they do after one long report is ingested.
"""

from __future__ import annotations

import subprocess

from sqlalchemy import insert

from innoatlas.store import open_store
from innoatlas.store.links import refresh_links
from innoatlas.store.schema import Document, Entity, Indicator, Mention, Relation
from tests.robustness.kb import CLI, cli_env, run_capped

# A sentence written for these tests: two firms and a figure in each.
SENTENCE = "甲{a}科技公司与乙{b}研究院合作建设平台，研发投入达到{v}亿元。"
# Firm-to-firm links for the network, firm-to-industry links for the chain map.
PREDICATES = ("cooperates_with", "supplies", "chain_leader_of")


def long_text(chars: int) -> str:
    parts, n = [], 0
    while sum(map(len, parts)) < chars:
        parts.append(SENTENCE.format(a=n % 40, b=(n + 1) % 40, v=n % 90 + 1))
        n += 1
    return "".join(parts)[:chars]


def build_long_document_base(url: str, chars: int, facts: int) -> None:
    """One document of `chars` characters with `facts` relations, indicators and mentions."""
    text = long_text(chars)
    with open_store(url) as store, store.transaction() as session:
        doc = Document(
            source="long-report.txt",
            name="long-report.txt",
            format="txt",
            script="Hans",
            original=text,
            body=text,
            norm=text,
            norm_to_original=list(range(len(text))),
            content_hash="0" * 64,
        )
        session.add(doc)
        session.flush()
        entities = [
            {"key": f"firm{n}", "name": f"甲{n}科技公司", "type": "enterprise"} for n in range(40)
        ] + [{"key": f"lab{n}", "name": f"乙{n}研究院", "type": "institute"} for n in range(40)]
        entities.append({"key": "新能源汽车", "name": "新能源汽车", "type": "industry"})
        session.execute(insert(Entity), entities)
        ids = [e.id for e in session.query(Entity).order_by(Entity.id)]
        firms, labs, industry = ids[:40], ids[40:80], ids[80]
        step = max(1, len(text) // max(facts, 1))
        relations, indicators, mentions = [], [], []
        for n in range(facts):
            at = (n * step) % max(1, len(text) - 40)
            quote = text[at : at + 30]
            predicate, obj = PREDICATES[n % len(PREDICATES)], labs[(n + 1) % 40]
            relations.append(
                {
                    "document_id": doc.id,
                    "subject_id": firms[n % 40],
                    "predicate": predicate,
                    "object_id": obj if predicate == "cooperates_with" else industry,
                    "start": at,
                    "end": at + 30,
                    "quote": quote,
                    "origin": "text",
                }
            )
            indicators.append(
                {
                    "document_id": doc.id,
                    "subject_id": firms[n % 40],
                    "metric": "研发投入",
                    "metric_key": "rd_spending",
                    "value": float(n % 90 + 1),
                    "unit": "亿元",
                    "value_base": float(n % 90 + 1) * 1e8,
                    "base_unit": "元",
                    "approx": "exact",
                    "kind": "level",
                    "period": "2024",
                    "start": at,
                    "end": at + 30,
                    "quote": quote,
                }
            )
            for entity_id, offset in ((firms[n % 40], 0), (labs[(n + 1) % 40], 8)):
                mentions.append(
                    {
                        "document_id": doc.id,
                        "entity_id": entity_id,
                        "text": "x",
                        "start": at + offset,
                        "end": at + offset + 4,
                        "extractor": "test",
                        "confidence": 1.0,
                    }
                )
        session.execute(insert(Relation), relations)
        session.execute(insert(Indicator), indicators)
        session.execute(insert(Mention), mentions)
        refresh_links(session, [doc.id])  # as the store's writers do


def run_with_memory_limit(args: list[str], limit_bytes: int) -> subprocess.CompletedProcess:
    """Run the CLI with its address space capped at `limit_bytes`."""
    return run_capped([*CLI, *args], limit_bytes)


def peak_rss_mb(args: list[str], timeout: float = 600) -> tuple[float, subprocess.CompletedProcess]:
    """Peak resident memory (MB) of one CLI run, read from the kernel's accounting of the child."""
    script = (
        "import resource, subprocess, sys\n"
        "run = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(f'{peak:.1f}'); print(run.returncode); sys.stderr.write(run.stderr[-2000:])\n"
    )
    done = subprocess.run(
        [CLI[0], "-c", script, *CLI, *args], env=cli_env(), capture_output=True, text=True, timeout=timeout
    )
    lines = done.stdout.split()
    return float(lines[0]), done
