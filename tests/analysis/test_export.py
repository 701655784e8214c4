"""Exports: Parquet indicators, CSV/JSON tables, GraphML networks, and their errors."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select

from innoatlas.analysis import AnalysisError
from innoatlas.analysis.export import export_to
from innoatlas.store.schema import Indicator


def test_indicators_go_to_parquet_with_quote_and_source(corpus, tmp_path):
    path = tmp_path / "indicators.parquet"
    written = export_to(corpus, "indicators", "parquet", path)
    table = pq.read_table(path).to_pylist()
    assert written == len(table) == corpus.scalar(select(func.count(Indicator.id)))
    row = next(
        r for r in table if r["subject"] == "两江协同创新区" and r["value"] == 65 and r["period"] == "2024-02"
    )
    assert (row["outlet"], row["metric_key"], row["unit"]) == ("渝北科技报", "rd_institutions", "家")
    assert "65" in row["quote"]


def test_a_chain_map_goes_to_csv_with_evidence_and_gaps(corpus, tmp_path):
    path = tmp_path / "chain.csv"
    export_to(corpus, "chain", "csv", path, industry="新能源汽车", region="沙坪坝")
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    leader = next(r for r in rows if r["role"] == "leaders" and r["actor"] == "赛力斯")
    assert leader["quote"] and leader["document"].endswith(".txt")
    assert "batteries" in {r["segments"] for r in rows if r["role"] == "gap"}


def test_the_network_goes_to_graphml_that_networkx_reads_back(corpus, tmp_path):
    path = tmp_path / "network.graphml"
    links = export_to(corpus, "network", "graphml", path)
    graph = nx.read_graphml(path)
    assert graph.number_of_edges() == links > 100
    names = {d["name"] for _, d in graph.nodes(data=True)}
    assert {"两江新区", "天府新区"} <= names
    _, _, data = next(iter(graph.edges(data=True)))
    assert isinstance(json.loads(data["evidence"]), list)


def test_timeline_and_index_go_to_json(corpus, tmp_path):
    export_to(corpus, "timeline", "json", tmp_path / "t.json", subject="两江协同创新区")
    rows = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert any(r["conflict"] and r["value"] == 62 and r["superseded_by"] for r in rows)
    assert any(r["status"] == "target" and r["value"] == 100 for r in rows)  # 力争…100家以上
    with pytest.raises(AnalysisError, match="cannot rank: only 2 units were given"):
        export_to(corpus, "index", "json", tmp_path / "i.json", units=["两江协同创新区", "东湖高新区"])


def test_export_errors_name_the_problem(corpus, tmp_path):
    with pytest.raises(
        AnalysisError, match="network cannot be written as 'parquet' .choose one of graphml, csv, json"
    ):
        export_to(corpus, "network", "parquet", tmp_path / "n.parquet")
    with pytest.raises(AnalysisError, match="cannot export 'everything'"):
        export_to(corpus, "everything", "csv", tmp_path / "x.csv")
    with pytest.raises(AnalysisError, match="folder .*missing does not exist"):
        export_to(corpus, "conflicts", "csv", tmp_path / "missing" / "c.csv")
    with pytest.raises(AnalysisError, match="export chain needs --industry"):
        export_to(corpus, "chain", "csv", tmp_path / "c.csv")
