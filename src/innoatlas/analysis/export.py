"""Exports: CSV and JSON for tables, GraphML for networks, Parquet for indicators.

Each analysis result flattens to rows (one dict per line of a table); CSV
is written with a byte-order mark so spreadsheet programs read the Chinese
correctly. Parquet holds every indicator of the knowledge base with its
subject, source and quote.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
from sqlalchemy.orm import Session

from innoatlas import records
from innoatlas.analysis.common import AnalysisError
from innoatlas.store.read.indicators import indicator_table

FORMATS = {
    "indicators": ("parquet", "csv", "json"),
    "timeline": ("csv", "json"),
    "conflicts": ("csv", "json"),
    "chain": ("csv", "json"),
    "network": ("graphml", "csv", "json"),
    "compare": ("csv", "json"),
    "index": ("csv", "json"),
}


def check_format(what: str, fmt: str) -> None:
    if what not in FORMATS:
        raise AnalysisError(f"cannot export {what!r} (choose one of {', '.join(FORMATS)})")
    if fmt not in FORMATS[what]:
        raise AnalysisError(f"{what} cannot be written as {fmt!r} (choose one of {', '.join(FORMATS[what])})")


def write_rows(rows: list[dict], path: Path, fmt: str) -> int:
    """A table as CSV or JSON; returns the number of rows."""
    path = Path(path)
    if fmt == "json":
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        return len(rows)
    columns = list(dict.fromkeys(k for row in rows for k in row))
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: flat(v) for k, v in row.items()})
    return len(rows)


def flat(value):
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


# -- flattening each result into rows ------------------------------------------------


def timeline_rows(timeline: dict) -> list[dict]:
    rows = []
    for series in timeline["series"]:
        for point in series["points"] + series["undated"] + series["targets"]:
            for source in point["sources"]:
                rows.append(
                    {
                        "subject": timeline["subject"]["name"],
                        "series": series["key"],
                        "measure": point["measure"],
                        "status": point["status"],
                        "period": point["period"],
                        "value": point["value"],
                        "unit": point["unit"],
                        "approx": point["approx"],
                        "kind": point["kind"],
                        "conflict": point["conflict"],
                        "superseded_by": point["superseded_by"],
                        "quote": source["quote"],
                        **document_columns(source["document"]),
                    }
                )
    return rows


def conflict_rows(conflicts: list[dict]) -> list[dict]:
    return [
        {
            "subject": c.get("subject", {}).get("name"),
            "series": c["series"],
            "measure": c["measure"],
            "period": c["period"],
            "value": v["value"],
            "unit": v["unit"],
            "approx": v["approx"],
            "superseded_by": v["superseded_by"],
            "quote": s["quote"],
            **document_columns(s["document"]),
        }
        for c in conflicts
        for v in c["values"]
        for s in v["sources"]
    ]


def chain_rows(chain_map: dict) -> list[dict]:
    rows = []
    for role, actors in chain_map["roles"].items():
        for actor in actors:
            for ev in (e for e in actor["evidence"] if e["role"] == role):
                rows.append(
                    {
                        "chain": chain_map["chain"]["name"],
                        "region": (chain_map["region"] or {}).get("name"),
                        "role": role,
                        "actor": actor["entity"]["name"],
                        "type": actor["entity"]["type"],
                        "segments": ";".join(actor["segments"]),
                        "predicate": ev["predicate"],
                        "object": ev["object"],
                        "quote": ev["quote"],
                        **document_columns(ev["document"]),
                    }
                )
    for gap in chain_map["gaps"]:
        rows.append(
            {
                "chain": chain_map["chain"]["name"],
                "region": (chain_map["region"] or {}).get("name"),
                "role": "gap",
                "segments": gap["key"],
                "actor": None,
                "object": f"{gap['stage']} {gap['zh']}",
            }
        )
    return rows


def network_rows(network: dict) -> list[dict]:
    return [
        {
            "source": e["source_name"],
            "target": e["target_name"],
            "weight": e["weight"],
            "predicates": e["predicates"],
            "co_mentions": e["co_mentions"],
            "source_province": e["source_province"],
            "target_province": e["target_province"],
            "evidence": e["evidence"][0]["quote"] if e["evidence"] else None,
        }
        for e in network["edges"]
    ]


def compare_rows(table: dict) -> list[dict]:
    """Compared rows first, then the metrics only one unit reports (`compared` false)."""
    rows = []
    for row in table["rows"] + table["single"]:
        for unit, c in zip(table["units"], row["cells"], strict=True):
            if c is not None:
                rows.append(
                    {
                        "unit": unit["name"],
                        "metric_key": row["metric_key"],
                        "metric": row["label"],
                        "compared": row["reported_by"] >= 2,
                        "value": c["value"],
                        "unit_of_value": c["unit"],
                        "approx": c["approx"],
                        "period": c["period"],
                        "conflict": c["conflict"],
                        "quote": c["quote"],
                        **document_columns(c["document"]),
                    }
                )
    return rows


def index_rows(index: dict) -> list[dict]:
    if not index["ranked"]:
        raise AnalysisError(index["message_en"])
    return [
        {
            "rank": u["rank"],
            "tied": u["tied"],
            "unit": u["unit"]["name"],
            "score": u["score"],
            **{f"rank_{k}": v for k, v in u.get("rank_range", {}).items()},
            "coverage": u["coverage"],
            "missing": ";".join(u["missing"]),
            "method": u["method"],
        }
        for u in index["units"]
    ]


def document_columns(doc: dict | None) -> dict:
    doc = doc or {}
    return {"document": doc.get("name"), "outlet": doc.get("outlet"), "published": doc.get("published")}


# -- networks and indicators ------------------------------------------------------------


def write_graphml(graph: nx.Graph, path: Path) -> int:
    """GraphML keeps scalar attributes only: predicates and evidence go as JSON text."""
    out = nx.Graph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **{k: v for k, v in data.items() if v is not None})
    for a, b, data in graph.edges(data=True):
        out.add_edge(
            a,
            b,
            weight=data["weight"],
            co_mentions=data["co_mentions"],
            predicates=json.dumps(data["predicates"], ensure_ascii=False),
            evidence=json.dumps([e["quote"] for e in data["evidence"]], ensure_ascii=False),
        )
    nx.write_graphml(out, str(path))
    return out.number_of_edges()


def indicator_table_rows(session: Session) -> list[dict]:
    return [
        {
            "id": line.indicator.id,
            "subject": line.subject_name,
            "subject_type": line.subject_type,
            "subject_text": line.indicator.subject_text,
            **records.dump(line.indicator, records.INDICATOR_STORED),
            "document": line.document.name,
            "title": line.document.title,
            "outlet": line.document.outlet,
            "published": line.document.published.isoformat() if line.document.published else None,
            "duplicate_document": line.duplicate,
        }
        for line in indicator_table(session)
    ]


def write_parquet(rows: list[dict], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    types = records.field_types(records.Indicator)
    schema = pa.schema(
        [
            ("id", pa.int64()),
            ("subject", pa.string()),
            ("subject_type", pa.string()),
            ("subject_text", pa.string()),
            *[(name, arrow[types[name]]) for name in records.INDICATOR_STORED],
            ("document", pa.string()),
            ("outlet", pa.string()),
            ("published", pa.string()),
            ("duplicate_document", pa.bool_()),
        ]
    )
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), str(path))
    return len(rows)


def export_to(
    session: Session,
    what: str,
    fmt: str,
    path: Path,
    subject: str | None = None,
    industry: str | None = None,
    region: str | None = None,
    units: list[str] | None = None,
) -> int:
    """Compute `what` and write it to `path` as `fmt`; returns the rows (or links) written."""
    from innoatlas.analysis import chain_map, compare, index, network, timeline

    check_format(what, fmt)
    path = Path(path)
    if not path.parent.is_dir():
        raise AnalysisError(f"cannot write {path}: folder {path.parent} does not exist")
    if what == "indicators":
        rows = indicator_table_rows(session)
        return write_parquet(rows, path) if fmt == "parquet" else write_rows(rows, path, fmt)
    if what == "network":
        options = network.NetworkOptions(region=region)
        if fmt == "graphml":
            return write_graphml(network.build_graph(session, options), path)
        return write_rows(network_rows(network.analyse_network(session, options)), path, fmt)
    if what == "timeline":
        if not subject:
            raise AnalysisError("export timeline needs --subject (an entity name)")
        rows = timeline_rows(timeline.build_timeline(session, subject))
    elif what == "conflicts":
        rows = conflict_rows(timeline.find_all_conflicts(session))
    elif what == "chain":
        if not industry:
            raise AnalysisError("export chain needs --industry (e.g. 新能源汽车)")
        rows = chain_rows(chain_map.build_chain_map(session, industry, region))
    elif what == "compare":
        rows = compare_rows(compare.compare_units(session, units or []))
    else:
        rows = index_rows(index.compute_index(session, index.IndexOptions(units=units or None)))
    return write_rows(rows, path, fmt)
