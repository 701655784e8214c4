"""load on tables written as spark-ingest writes them (pyarrow here, no Spark): batches, reposts, a source twice."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.dataset as ds

from innoatlas.batch.load import load_directory
from innoatlas.batch.tables import PARTITION, SCHEMAS, document_row, fact_rows
from innoatlas.documents import document_from_text
from innoatlas.documents.dedup import minhash_bytes
from innoatlas.extract.model import Extraction

# Written for these tests; not from any real article.
ORIGINAL = """临江科学城通报上半年创新成果

发布时间：2023-07-12

临江科学城上半年新增国家级专精特新企业14家，科技型中小企业评价入库1260家，同比增长9.8%。
科学城与临江理工大学共建的先进材料中试基地已投入使用，累计服务企业87家，转化专利技术32项。

下半年，科学城将重点推进智能制造和生物医药项目，计划新引进研发团队25个。
"""
REPOST = ORIGINAL.replace("发布时间：2023-07-12", "发布时间：2023-09-02 转载自临江观察").replace(
    "已投入使用", "目前已投入使用"
)
OTHER = """北岸新区设立人才发展基金

发布时间：2023-08-20

北岸新区出资5亿元设立人才发展基金，对新引进的高层次人才团队给予最高800万元资助，
首批已有11个团队通过评审。
"""


def write_run(out, documents: list[tuple[str, str]], run: str) -> None:
    """Tables of one run holding `documents` ((source, text)), with no facts."""
    rows: dict[str, list[dict]] = {table: [] for table in SCHEMAS}
    for source, text in documents:
        doc = document_from_text(text, name=source)
        row = document_row(doc, run, minhash_bytes(doc))
        rows["documents"].append(row)
        for table, facts in fact_rows(row, Extraction([], [], [])).items():
            rows[table].extend(facts)
    partitioning = ds.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")
    for table, schema in SCHEMAS.items():
        ds.write_dataset(
            pa.Table.from_pylist(rows[table], schema=schema),
            str(out / table),
            format="parquet",
            partitioning=partitioning,
            basename_template=f"{run}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )


def outcomes_by_source(report) -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = {}
    for o in report.outcomes:
        found.setdefault(o.source, []).append((o.status, o.document_id, o.duplicate_of_id))
    return found


def test_a_repost_in_a_later_batch_and_month_is_a_duplicate_and_a_source_written_twice_goes_in_once(
    tmp_path, store
):
    out = tmp_path / "tables"
    write_run(
        out, [("in/a.txt", ORIGINAL), ("in/b.txt", OTHER), ("in/c.txt", REPOST), ("in/a.txt", ORIGINAL)], "r1"
    )
    report = load_directory(out, store, batch_documents=1)  # every document in its own transaction
    found = outcomes_by_source(report)
    [(status, original_id, _)] = [o for o in found["in/a.txt"] if o[0] == "new"]
    assert sorted(status for status, _, _ in found["in/a.txt"]) == ["new", "unchanged"]
    assert {document_id for _, document_id, _ in found["in/a.txt"]} == {original_id}
    assert found["in/c.txt"] == [("duplicate", found["in/c.txt"][0][1], original_id)]
    assert found["in/b.txt"][0][0] == "new"
    assert len(store.list_documents()) == 3


def test_a_later_load_finds_a_repost_of_a_stored_document(tmp_path, store):
    write_run(tmp_path / "first", [("in/a.txt", ORIGINAL), ("in/b.txt", OTHER)], "r1")
    load_directory(tmp_path / "first", store)
    write_run(tmp_path / "second", [("in/c.txt", REPOST)], "r2")
    report = load_directory(tmp_path / "second", store)
    [outcome] = report.outcomes
    stored = {row.source: row.id for row in store.list_documents()}
    assert (outcome.status, outcome.duplicate_of_id) == ("duplicate", stored["in/a.txt"])
