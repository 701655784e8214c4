"""spark-ingest + load: the same knowledge base as ingest, duplicates across partitions, incremental runs.

Spark runs in local[2] on the machine's Java, with the UI off (spark_job.spark_session).
"""

from __future__ import annotations

import shutil

import pytest

from innoatlas.batch.load import load_directory
from innoatlas.pipeline import ingest_paths
from innoatlas.store import open_store
from tests.scale.kb_rows import comparable_rows

pyspark = pytest.importorskip("pyspark", reason="pyspark is installed with the test extras")

# Written for these tests; not from any real article. The repost moves to the
# next month and changes its head and a few words: a near duplicate.
ORIGINAL = """青川高新区发布一季度科技创新进展

发布时间：2024-03-28 来源：青川日报

3月28日，青川高新区管委会通报一季度科技创新工作。截至3月末，园区累计引进新型研发机构16家，
高新技术企业达到420家，同比增长12.3%。青川大学与园区企业共建联合实验室9个，技术合同成交额达到18亿元。

园区将围绕集成电路和新能源汽车两条产业链，推动科技成果就地转化，并设立规模10亿元的科创基金。
"""
REPOST = ORIGINAL.replace("发布时间：2024-03-28 来源：青川日报", "来源：青川发布 2024年4月2日").replace(
    "并设立", "并计划设立"
)
OTHER = """滨海新城推进科技金融改革

发布时间：2024-05-06

5月6日，滨海新城出台支持科技型企业融资的措施。今年前4个月，新城科技型企业贷款余额达到56亿元，
同比增长21%，新增知识产权质押融资3.2亿元。
"""


@pytest.fixture(scope="module")
def spark():
    from innoatlas.batch.spark_job import spark_session

    session = spark_session("local[2]")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def spark_ingest(spark, folder, out):
    from innoatlas.batch.spark_job import run_spark_ingest

    return run_spark_ingest(spark, str(folder), str(out))


@pytest.fixture(scope="module")
def corpus_job(spark, tmp_path_factory):
    """The seeds and the example corpus (and one unsupported file) through spark-ingest, once."""
    from tests.conftest import EXAMPLES, SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"the shared seed articles are not next to the repository ({SEEDS})")
    root = tmp_path_factory.mktemp("corpus")
    folder = root / "in"
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(EXAMPLES, folder / "examples")
    (folder / "examples" / "notes.xyz").write_text("not a document", encoding="utf-8")
    report = spark_ingest(spark, folder, root / "out")
    reference = open_store(f"sqlite:///{root / 'ingest.db'}")
    ingested = ingest_paths([folder], reference)
    yield folder, root / "out", report, reference, ingested
    reference.close()


def test_spark_ingest_writes_parquet_by_month_and_names_the_files_it_could_not_read(corpus_job):
    folder, out, report, _, _ = corpus_job
    assert report.counts == {"stored": 19, "unchanged": 0, "failed": 1}
    assert report.failures == [
        (
            str(folder / "examples" / "notes.xyz"),
            "unsupported file type '.xyz' (supported: .docx .htm .html .jsonl .md .pdf .txt)",
        )
    ]
    for table in ("documents", "mentions", "indicators", "relations"):
        months = sorted(p.name for p in (out / table).iterdir() if p.is_dir())
        assert "month=2024-03" in months and len(months) >= 5, table


def test_spark_ingest_and_load_build_the_same_knowledge_base_as_ingest(corpus_job, store):
    _, out, _, reference, ingested = corpus_job
    loaded = load_directory(out, store)
    assert sorted((o.source, o.status, o.duplicate_kind) for o in loaded.outcomes) == sorted(
        (o.source, o.status, o.duplicate_kind) for o in ingested.outcomes if o.status != "failed"
    )
    assert loaded.counts["duplicate"] == 2
    expected, got = comparable_rows(reference), comparable_rows(store)
    assert len(expected["entities"]) > 100 and len(expected["relations"]) > 50
    for table in expected:
        assert got[table] == expected[table], table


def test_a_repost_in_another_month_is_a_duplicate_and_a_second_run_takes_only_what_changed(
    spark, tmp_path, store
):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_original.txt").write_text(ORIGINAL, encoding="utf-8")
    (folder / "b_repost.txt").write_text(REPOST, encoding="utf-8")
    out = tmp_path / "out"
    assert spark_ingest(spark, folder, out).counts == {"stored": 2, "unchanged": 0, "failed": 0}
    assert {p.name for p in (out / "documents").iterdir() if p.is_dir()} == {"month=2024-03", "month=2024-04"}
    first = load_directory(out, store)
    assert [(o.name, o.status, o.duplicate_kind) for o in first.outcomes] == [
        ("a_original.txt", "new", None),
        ("b_repost.txt", "duplicate", "near"),
    ]
    original_id = first.outcomes[0].document_id
    assert first.outcomes[1].duplicate_of_id == original_id
    assert store.get_document(first.outcomes[1].document_id).indicators == 0  # counted once

    (folder / "c_other.txt").write_text(OTHER, encoding="utf-8")
    (folder / "a_original.txt").write_text(ORIGINAL.replace("420家", "430家"), encoding="utf-8")
    assert spark_ingest(spark, folder, out).counts == {"stored": 2, "unchanged": 1, "failed": 0}
    second = load_directory(out, store)
    assert sorted((o.name, o.status) for o in second.outcomes) == [
        ("a_original.txt", "changed"),
        ("b_repost.txt", "unchanged"),
        ("c_other.txt", "new"),
    ]
    values = [i.value for i in store.entity_profile("青川高新区").indicators]
    assert 430 in values and 420 not in values
    third = load_directory(out, store)
    assert {o.status for o in third.outcomes} == {"unchanged"}


def test_an_analysts_correction_survives_a_load_of_the_changed_document(spark, tmp_path, store):
    from innoatlas.auth import add_user
    from innoatlas.review.actions import correct

    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text(ORIGINAL, encoding="utf-8")
    spark_ingest(spark, folder, out)
    load_directory(out, store)
    (figure,) = [i for i in store.entity_profile("青川高新区").indicators if i.value == 420]
    with store.transaction() as session:
        analyst = add_user(session, "analyst", "editor")
        correct(session, analyst, "indicator", figure.id, {"value": 425}, "the bureau's own count")

    (folder / "a.txt").write_text(ORIGINAL + "\n园区还将新建孵化器2个。\n", encoding="utf-8")
    spark_ingest(spark, folder, out)
    assert [o.status for o in load_directory(out, store).outcomes] == ["changed"]
    values = [i.value for i in store.entity_profile("青川高新区").indicators]
    assert 425 in values and 420 not in values


def test_sources_are_named_from_the_folder_holding_the_input_as_ingest_names_them():
    from innoatlas.batch.spark_job import SourceNames

    folder = SourceNames.for_input("/data/watch/corpus/")
    assert folder.of("file:/data/watch/corpus/2024/a.txt") == (
        "corpus/2024/a.txt",
        "/data/watch/corpus/2024/a.txt",
    )
    assert folder.of("file:///data/watch/corpus/%E4%B8%A4%E6%B1%9F.txt")[0] == "corpus/两江.txt"
    single = SourceNames.for_input("/data/watch/corpus/a.txt")
    assert single.of("file:/data/watch/corpus/a.txt") == ("a.txt", "/data/watch/corpus/a.txt")
    glob = SourceNames.for_input("hdfs://nn:8020/news/*/2024-*.txt")
    assert glob.of("hdfs://nn:8020/news/sz/2024-05.txt") == (
        "news/sz/2024-05.txt",
        "hdfs://nn:8020/news/sz/2024-05.txt",
    )
