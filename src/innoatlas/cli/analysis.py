"""innoatlas timeline | chain | network | compare | index | export: the analysis stage on the command line.

Each command opens the store, calls one function of innoatlas.analysis and
renders its result with rich (or prints the JSON with --json).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from innoatlas.cli.common import DbOption, SinceOption, UntilOption, library_errors, out

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


def in_window(session, since, until) -> None:
    """Read only the documents published from `since` to `until`, as the web's date window does."""
    from innoatlas.store.window import set_window

    set_window(session, since.date() if since else None, until.date() if until else None)


def print_json(result) -> None:
    out.print(json.dumps(result, ensure_ascii=False, indent=1, default=str), markup=False)


def source_label(doc: dict | None) -> str:
    if not doc:
        return ""
    # by its title (a file name says little to a reader), the file name only where it has none
    title = doc.get("title") or doc["name"]
    return " ".join(x for x in (title, doc.get("outlet") or "", doc.get("published") or "") if x)


def value_label(value: float, unit: str, approx: str) -> str:
    marks = {"over": "+", "about": "≈", "under": "<"}
    return f"{marks.get(approx, '')}{value:g}{unit}"


@library_errors
def timeline(
    subject: Annotated[str, typer.Argument(help="Entity name or alias (e.g. 两江协同创新区).")] = "",
    metric: Annotated[
        str | None, typer.Option("--metric", help="Only this metric key (e.g. rd_platforms).")
    ] = None,
    conflicts: Annotated[
        bool,
        typer.Option(
            "--conflicts", help="Only the conflicts: of the subject, or of the whole knowledge base."
        ),
    ] = False,
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
) -> None:
    """A subject's indicators as series over periods, every point with its sources; conflicts flagged."""
    from innoatlas.analysis.timeline import build_timeline, find_all_conflicts
    from innoatlas.store import open_store

    with open_store(db, create=False) as store, store.session() as session:
        in_window(session, since, until)
        if conflicts or not subject:
            result = find_all_conflicts(session, subject or None)
            print_json(result) if as_json else render_conflicts(result)
            return
        result = build_timeline(session, subject, metric)
    if as_json:
        print_json(result)
        return
    for series in result["series"]:
        table = Table(
            "期间",
            "口径",
            "数值",
            "标记",
            "原文",
            "来源",
            title=f"{result['subject']['name']} · {series['label']} ({series['key']})",
            title_justify="left",
        )
        for p in series["points"] + series["undated"] + series["targets"]:
            flag = point_flag(p)
            for s in p["sources"]:
                table.add_row(
                    p["period"] or "—",
                    escape(p["measure"]),
                    value_label(p["value"], p["unit"], p["approx"]),
                    flag,
                    escape(s["quote"]),
                    escape(source_label(s["document"])),
                )
        out.print(table)
    render_conflicts(result["conflicts"])


STATUS_LABELS = {"target": "目标值", "estimate": "预计值"}


def point_flag(p: dict) -> str:
    if p["status"] != "actual":
        return STATUS_LABELS[p["status"]]
    return "已被更新" if p["superseded_by"] else ("数值冲突" if p["conflict"] else "")


def render_conflicts(conflicts: list[dict]) -> None:
    table = Table(
        "主体",
        "指标",
        "期间",
        "数值",
        "被更新为",
        "原文",
        "来源",
        title=f"数值冲突 (conflicts): {len(conflicts)}",
        title_justify="left",
    )
    for c in conflicts:
        for v in c["values"]:
            for s in v["sources"]:
                table.add_row(
                    escape(c.get("subject", {}).get("name", "")),
                    escape(c["measure"]),
                    c["period"],
                    value_label(v["value"], v["unit"], v["approx"]),
                    str(v["superseded_by"] or ""),
                    escape(s["quote"]),
                    escape(source_label(s["document"])),
                )
    out.print(table)


@library_errors
def chain(
    industry: Annotated[
        str, typer.Argument(help="Industry or chain (新能源汽车, 生物医药, 集成电路, 新型显示).")
    ],
    region: Annotated[
        str | None, typer.Option("--region", help="Only actors inside this region or zone.")
    ] = None,
    four: Annotated[
        bool, typer.Option("--four-chains", help="Show the region's four-chain profile instead.")
    ] = False,
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
) -> None:
    """An industrial chain's leaders, suppliers, institutes, platforms, investors and zones; gaps (补链)."""
    from innoatlas.analysis.chain_map import build_chain_map
    from innoatlas.analysis.chains import four_chain_profile
    from innoatlas.store import open_store

    with open_store(db, create=False) as store, store.session() as session:
        in_window(session, since, until)
        if four:
            result = four_chain_profile(session, region or industry)
            print_json(result) if as_json else render_four_chains(result)
            return
        result = build_chain_map(session, industry, region)
    if as_json:
        print_json(result)
        return
    where = f" · {result['region']['name']}" if result["region"] else ""
    table = Table(
        "角色",
        "主体",
        "环节",
        "证据",
        "来源",
        title=f"{result['chain']['name']}{where}",
        title_justify="left",
    )
    segment_names = {s["key"]: s["zh"] for s in result["segments"]}
    for role, actors in result["roles"].items():
        for actor in actors:
            for ev in (e for e in actor["evidence"] if e["role"] == role):
                table.add_row(
                    ROLE_LABELS[role],
                    escape(actor["entity"]["name"]),
                    "、".join(segment_names[k] for k in actor["segments"]),
                    escape(ev["quote"] or f"{ev['predicate']} {ev['object']}"),
                    escape(source_label(ev["document"])),
                )
    out.print(table)
    gaps = Table(
        "阶段", "环节", "主体（原文）", title="产业链环节（缺失环节即补链目标）", title_justify="left"
    )
    for s in result["segments"]:
        gaps.add_row(
            STAGE_LABELS[s["stage"]],
            s["zh"],
            "\n".join(f"{a['name']}：{a['quote']}" for a in s["actors"]) or "[bold]缺失环节[/bold]",
        )
    out.print(gaps)
    if result["unplaced"]:
        names = "、".join(e["name"] for e in result["unplaced"])
        out.print(escape(f"原文未说明所属环节的主体：{names}"))
    out.print(escape(result["basis"]))


ROLE_LABELS = {
    "leaders": "链主企业",
    "suppliers": "配套企业",
    "enterprises": "相关企业",
    "institutes": "高校与研究机构",
    "platforms": "创新平台",
    "investors": "投资机构",
    "zones": "园区/地区",
}
STAGE_LABELS = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}


def render_four_chains(result: dict) -> None:
    table = Table(
        "chain",
        "entities",
        "indicators",
        "relations",
        title=f"four chains · {result['zone']['name']}",
        title_justify="left",
    )
    for c in result["chains"].values():
        indicators = "; ".join(
            f"{i['label']} {value_label(i['value'], i['unit'], i['approx'])} ({i['period'] or '—'})"
            for i in c["indicators"]
        )
        table.add_row(
            f"{c['zh']} {c['en']}",
            escape(", ".join(e["name"] for e in c["entities"])),
            escape(indicators),
            str(c["relations"]),
        )
    out.print(table)


@library_errors
def network(
    region: Annotated[
        str | None, typer.Option("--region", help="Only links touching this region or zone.")
    ] = None,
    entity: Annotated[
        str | None, typer.Option("--entity", help="Only this entity and its neighbours.")
    ] = None,
    top: Annotated[int, typer.Option("--top", help="Rows of the centrality tables.")] = 15,
    no_co_mentions: Annotated[bool, typer.Option("--relations-only", help="Leave out co-mentions.")] = False,
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
) -> None:
    """Collaboration network: centralities, communities and cross-region links with evidence."""
    from innoatlas.analysis.network import NetworkOptions, analyse_network
    from innoatlas.store import open_store

    options = NetworkOptions(region=region, entity=entity, top=top, co_mentions=not no_co_mentions)
    with open_store(db, create=False) as store, store.session() as session:
        in_window(session, since, until)
        result = analyse_network(session, options)
    if as_json:
        print_json(result)
        return
    table = Table(
        "entity",
        "type",
        "province",
        "degree",
        "weighted",
        "betweenness",
        "community",
        title=f"{len(result['nodes'])} nodes, {len(result['edges'])} links",
        title_justify="left",
    )
    for n in result["top_degree"]:
        table.add_row(
            escape(n["name"]),
            n["type"],
            n["province"] or "",
            str(n["degree"]),
            f"{n['weighted_degree']:g}",
            f"{n['betweenness']:.3f}",
            str(n["community"]),
        )
    out.print(table)
    cross = Table(
        "from",
        "to",
        "weight",
        "evidence",
        "source",
        title=f"cross-region links: {len(result['cross_region'])}",
        title_justify="left",
    )
    for e in result["cross_region"][:top]:
        ev = e["evidence"][0] if e["evidence"] else {"quote": "", "document": None}
        cross.add_row(
            escape(f"{e['source_name']} ({e['source_province']})"),
            escape(f"{e['target_name']} ({e['target_province']})"),
            f"{e['weight']:g}",
            escape(ev["quote"]),
            escape(source_label(ev["document"])),
        )
    out.print(cross)


@library_errors
def compare(
    units: Annotated[
        list[str], typer.Argument(help="Regions or zones (e.g. 两江新区 重庆高新区 成都高新区).")
    ],
    metric: Annotated[
        list[str] | None, typer.Option("--metric", help="Metric keys to show (repeatable).")
    ] = None,
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
) -> None:
    """Latest value of each canonical metric for the chosen regions or zones, with period and source."""
    from innoatlas.analysis.compare import compare_units
    from innoatlas.store import open_store

    with open_store(db, create=False) as store, store.session() as session:
        in_window(session, since, until)
        result = compare_units(session, units, metric)
    if as_json:
        print_json(result)
        return
    if result.get("message"):
        out.print(escape(result["message"]))
    table = Table(
        "指标", *[u["name"] for u in result["units"]], title="同口径比较（最新值）", title_justify="left"
    )
    for row in result["rows"]:
        cells = []
        for c in row["cells"]:
            if c is None:
                cells.append("—")
                continue
            flag = " ⚠" if c["conflict"] else ""
            cells.append(
                f"{value_label(c['value'], c['unit'], c['approx'])} ({c['period']}){flag}\n"
                f"{escape(source_label(c['document']))}"
            )
        table.add_row(f"{row['label']}\n{row['metric_key']}", *cells)
    out.print(table)
    if result["single"]:
        alone = "；".join(f"{r['label']}（{reporter(result['units'], r)}）" for r in result["single"])
        out.print(escape(f"仅一个单位报告、未作比较的指标：{alone}"))
    out.print(escape(result["method"]))


def reporter(units: list[dict], row: dict) -> str:
    return next(u["name"] for u, c in zip(units, row["cells"], strict=True) if c)


@library_errors
def index(
    units: Annotated[
        list[str] | None, typer.Argument(help="Regions or zones; default every one with data.")
    ] = None,
    indicator: Annotated[
        list[str] | None, typer.Option("--indicator", help="Metric keys (repeatable).")
    ] = None,
    normalisation: Annotated[str, typer.Option(help="minmax, zscore or rank.")] = "minmax",
    weighting: Annotated[str, typer.Option(help="equal or chains.")] = "equal",
    aggregation: Annotated[str, typer.Option(help="arithmetic or geometric.")] = "arithmetic",
    missing: Annotated[str, typer.Option(help="available (renormalise weights) or lowest.")] = "available",
    min_units: Annotated[int, typer.Option(help="Drop an indicator fewer units report.")] = 3,
    min_unit_indicators: Annotated[int, typer.Option(help="Leave out a unit with fewer indicators.")] = 3,
    draws: Annotated[int, typer.Option(help="Monte-Carlo draws.")] = 1000,
    seed: Annotated[int, typer.Option(min=0, help="Random seed of the draws.")] = 0,
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
) -> None:
    """Composite innovation index (OECD/JRC steps) with the method beside every score and rank ranges."""
    from innoatlas.analysis.index import IndexOptions, compute_index
    from innoatlas.store import open_store

    options = IndexOptions.of(
        units=units,
        indicators=indicator,
        normalisation=normalisation,
        weighting=weighting,
        aggregation=aggregation,
        missing=missing,
        min_units=min_units,
        min_unit_indicators=min_unit_indicators,
        draws=draws,
        seed=seed,
    )
    with open_store(db, create=False) as store, store.session() as session:
        in_window(session, since, until)
        result = compute_index(session, options)
    if as_json:
        print_json(result)
        return
    if not result["ranked"]:
        out.print(escape(result["message"]))
        for d in result["method"]["dropped_indicators"]:
            out.print(escape(f"未采用 {d['label']} ({d['key']}): {d['reason_zh']}"))
        raise typer.Exit(1)
    table = Table(
        "rank",
        "unit",
        "score",
        "rank range (p5–p95)",
        "coverage",
        "missing",
        "method",
        title="composite innovation index",
        title_justify="left",
    )
    for u in result["units"]:
        rr = u.get("rank_range")
        ranges = f"{rr['p5']}–{rr['p95']} (min {rr['min']}, max {rr['max']})" if rr else ""
        table.add_row(
            u["rank_label"],
            escape(u["unit"]["name"]),
            f"{u['score']:.3f}",
            ranges,
            u["coverage"],
            ", ".join(u["missing"]),
            u["method"],
        )
    out.print(table)
    m = result["method"]
    out.print(escape(m["summary"]))
    chosen = ", ".join(f"{i['label']} {i['key']} ({i['chain']}, w={i['weight']})" for i in m["indicators"])
    out.print(f"[bold]indicators:[/bold] {escape(chosen)}")
    for key in ("normalisation", "weighting", "aggregation", "missing", "uncertainty"):
        out.print(f"[bold]{key}:[/bold] {escape(m['zh'][key])}")
    for d in m["dropped_indicators"]:
        out.print(escape(f"未采用 {d['label']} ({d['key']}): {d['reason_zh']}"))
    for x in result["excluded_units"]:
        out.print(f"未纳入 {escape(x['name'])}: {escape(x['reason_zh'])}")


@library_errors
def export(
    what: Annotated[
        str, typer.Argument(help="indicators, timeline, conflicts, chain, network, compare or index.")
    ],
    out_path: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv, json, graphml or parquet (default: from --out).")
    ] = None,
    subject: Annotated[str | None, typer.Option(help="timeline: the subject.")] = None,
    industry: Annotated[str | None, typer.Option(help="chain: the industry.")] = None,
    region: Annotated[str | None, typer.Option(help="chain, network: the region or zone.")] = None,
    unit: Annotated[
        list[str] | None, typer.Option("--unit", help="compare, index: a region or zone (repeatable).")
    ] = None,
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Write an analysis as CSV or JSON, a network as GraphML, the indicators as Parquet."""
    from innoatlas.analysis.export import export_to
    from innoatlas.store import open_store

    fmt = fmt or out_path.suffix.lstrip(".").lower()
    with open_store(db, create=False) as store, store.session() as session:
        in_window(session, since, until)
        count = export_to(
            session, what, fmt, out_path, subject=subject, industry=industry, region=region, units=unit
        )
    out.print(f"wrote {count} {'links' if fmt == 'graphml' else 'rows'} to {out_path}", markup=False)
