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


def test_a_month_read_a_few_documents_at_a_time_loads_as_read_whole(tmp_path, store, monkeypatch):
    """A month's texts are read in slices of its sources in path order; a source twice stays in one slice."""
    from innoatlas.batch import load
    from innoatlas.store import open_store

    parks = ["北岸", "南湖", "西山", "东港", "中关"]
    texts = [
        (f"in/{i}.txt", OTHER.replace("北岸", park).replace("11个", f"{i + 3}个"))
        for i, park in enumerate(parks)
    ]
    documents = [
        *texts[:3],
        ("in/0.txt", texts[0][1]),
        *texts[3:],
        ("in/r.txt", REPOST),
        ("in/o.txt", ORIGINAL),
    ]
    write_run(tmp_path / "tables", documents[::-1], "r1")  # not in path order in the tables

    whole = open_store(f"sqlite:///{tmp_path / 'whole.db'}")
    expected = load_directory(tmp_path / "tables", whole)
    monkeypatch.setattr(load, "DOCUMENTS_PER_READ", 2)
    sliced = load_directory(tmp_path / "tables", store)

    def shown(report, kb):
        names = {row.id: row.source for row in kb.list_documents()}
        return [(o.source, o.status, names.get(o.duplicate_of_id)) for o in report.outcomes]

    assert shown(sliced, store) == shown(expected, whole)
    months_then_paths = ["in/o.txt", "in/0.txt", "in/0.txt", "in/1.txt", "in/2.txt", "in/3.txt", "in/4.txt"]
    assert [o.source for o in sliced.outcomes] == [*months_then_paths, "in/r.txt"]
    assert sorted(o.status for o in sliced.outcomes if o.source == "in/0.txt") == ["new", "unchanged"]
    whole.close()
