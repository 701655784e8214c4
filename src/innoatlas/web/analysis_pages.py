"""Web pages of the analysis stage (/analysis/...): each renders what its /api/analysis twin returns.

Labels are Chinese first with English via ?lang=en, like web/i18n.py;
the analysis labels live here and fall back to i18n's.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from innoatlas.analysis.index import IndexOptions
from innoatlas.store.read.common import DEFAULT_LIMIT
from innoatlas.web import analysis_api as api
from innoatlas.web.deps import get_session
from innoatlas.web.deps import render as render_page
from innoatlas.web.i18n import pick_language, translate

router = APIRouter(include_in_schema=False)
DB = Annotated[Session, Depends(get_session)]

LABELS: dict[str, tuple[str, str]] = {
    "analysis": ("分析", "Analysis"),
    "timeline": ("指标时间线", "Timelines"),
    "conflicts": ("数值冲突", "Conflicts"),
    "chain": ("产业链图谱", "Industrial chain"),
    "four_chains": ("四链画像", "Four chains"),
    "network": ("协同网络", "Collaboration network"),
    "compare": ("地区对比", "Region comparison"),
    "index": ("创新指数", "Innovation index"),
    "export": ("导出", "Export"),
    "industry": ("产业", "Industry"),
    "region": ("地区/园区", "Region or zone"),
    "units": ("地区/园区（逗号分隔）", "Regions or zones (comma-separated)"),
    "entity": ("实体", "Entity"),
    "go": ("查看", "Show"),
    "superseded": ("已被更新", "superseded"),
    "superseded_by": ("被更新为", "superseded by"),
    "undated": ("时期不明", "Undated"),
    "measure": ("口径", "Measure"),
    "status.target": ("目标值，不参与比较", "target, not compared"),
    "status.estimate": ("预计值，不参与比较", "estimate, not compared"),
    "single": ("仅一个单位报告的指标（未作比较）", "Reported by one unit only (not compared)"),
    "host": ("（园区集聚）", "(hosts firms of this segment)"),
    "stated": ("原文表述", "stated in the text"),
    "unplaced": ("原文未说明所属环节的主体", "On the chain, no segment stated"),
    "segments": ("环节", "Segments"),
    "gap": ("缺失环节（补链目标）", "Gap (补链 target)"),
    "gaps": ("缺失环节", "Gaps"),
    "stage.upstream": ("上游", "upstream"),
    "stage.midstream": ("中游", "midstream"),
    "stage.downstream": ("下游", "downstream"),
    "role.leaders": ("链主企业", "Chain leaders"),
    "role.suppliers": ("配套企业", "Suppliers"),
    "role.enterprises": ("相关企业", "Enterprises"),
    "role.institutes": ("高校与研究机构", "Universities and institutes"),
    "role.platforms": ("创新平台", "Platforms"),
    "role.investors": ("投资机构", "Investors"),
    "role.zones": ("聚焦园区/地区", "Zones focusing on it"),
    "top_degree": ("连接度最高", "Highest degree"),
    "top_betweenness": ("中介中心度最高", "Highest betweenness"),
    "communities": ("社群", "Communities"),
    "community": ("社群", "Community"),
    "other_communities": ("其他社群", "Other communities"),
    "nodes": ("个主体", "actors"),
    "links": ("条联系", "links"),
    "communities_method": ("社群：Louvain 算法，按联系权重，固定随机种子", "Louvain on weight, fixed seed"),
    "seed": ("随机种子", "Seed"),
    "opt.minmax": ("最小-最大标准化", "min-max"),
    "opt.zscore": ("标准分数", "z-score"),
    "opt.rank": ("按排名", "rank"),
    "opt.equal": ("指标等权", "equal per indicator"),
    "opt.chains": ("四链等权", "equal per chain"),
    "opt.arithmetic": ("算术平均", "arithmetic mean"),
    "opt.geometric": ("几何平均", "geometric mean"),
    "opt.available": ("按已报告指标计算（不插补）", "over the reported indicators"),
    "opt.lowest": ("缺失值取该指标最低分", "a missing value scores lowest"),
    "cross_region": ("跨地区联系", "Cross-region links"),
    "weight": ("权重", "Weight"),
    "degree": ("度", "Degree"),
    "betweenness": ("中介中心度", "Betweenness"),
    "province": ("省级地区", "Province"),
    "latest": ("最新值", "Latest value"),
    "score": ("得分", "Score"),
    "rank": ("排名", "Rank"),
    "rank_range": ("排名区间（5%–95%）", "Rank range (5–95%)"),
    "coverage": ("指标覆盖", "Coverage"),
    "missing": ("缺失指标", "Missing"),
    "method": ("方法", "Method"),
    "indicators_used": ("所选指标", "Indicators"),
    "dropped": ("未采用的指标", "Indicators dropped"),
    "excluded": ("未纳入的单位", "Units left out"),
    "normalisation": ("标准化", "Normalisation"),
    "weighting": ("权重", "Weighting"),
    "aggregation": ("加总", "Aggregation"),
    "uncertainty": ("不确定性分析", "Uncertainty"),
    "framework": ("框架", "Framework"),
    "hint_timeline": ("输入主体名称，例如 两江协同创新区", "Name a subject, e.g. 两江协同创新区"),
    "hint_compare": (
        "输入两个以上地区或园区，例如 两江新区,重庆高新区,成都高新区",
        "Name two or more regions or zones, e.g. 两江新区,重庆高新区,成都高新区",
    ),
}


def make_label(lang: str):
    def label(key: str) -> str:
        pair = LABELS.get(key)
        if pair is None:
            return translate(key, lang)
        return pair[1] if lang == "en" else pair[0]

    return label


def render(request: Request, template: str, api_url: str, **context) -> HTMLResponse:
    lang = pick_language(request.query_params.get("lang"))
    return render_page(request, template, a=make_label(lang), api=api_url, **context)


def api_link(path: str, **params) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "", [])}, doseq=True)
    return path + ("?" + query if query else "")


@router.get("/analysis", response_class=HTMLResponse)
def hub(request: Request, session: DB):
    from innoatlas.analysis.chain_map import chain_templates

    return render(
        request,
        "analysis_hub.html",
        "/api/analysis/conflicts",
        templates=[t["name"] for t in chain_templates()],
    )


@router.get("/analysis/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, session: DB, subject: str = "", metric_key: str | None = None):
    if not subject:
        conflicts = api.conflicts(session)
        return render(
            request,
            "analysis_timeline.html",
            "/api/analysis/conflicts",
            data=None,
            conflicts=conflicts["items"],
            conflicts_total=conflicts["total"],
            conflicts_exact=conflicts["total_exact"],
            subject="",
        )
    data = api.timeline(session, subject, metric_key)
    return render(
        request,
        "analysis_timeline.html",
        api_link("/api/analysis/timeline", subject=subject, metric_key=metric_key),
        data=data,
        conflicts=data["conflicts"],
        subject=subject,
    )


@router.get("/analysis/chain", response_class=HTMLResponse)
def chain_page(
    request: Request,
    session: DB,
    industry: str = "新能源汽车",
    region: str = "",
    part: str = "",
    offset: int = 0,
):
    data = api.chain(session, industry, region or None, part or None, DEFAULT_LIMIT, max(offset, 0))
    four = api.four_chains(session, region) if region else None
    return render(
        request,
        "analysis_chain.html",
        api_link("/api/analysis/chain", industry=industry, region=region),
        data=data,
        four=four,
        industry=industry,
        region=region,
        page_params={"industry": industry, "region": region or None},
    )


@router.get("/analysis/network", response_class=HTMLResponse)
def network_page(request: Request, session: DB, region: str = "", entity: str = ""):
    from innoatlas.web.network_view import drawn_network

    data = api.network(session, region or None, entity or None)
    graph = drawn_network(data)
    return render(
        request,
        "analysis_network.html",
        api_link("/api/analysis/network", region=region, entity=entity),
        data=data,
        graph=graph,
        region=region,
        entity=entity,
    )


@router.get("/analysis/compare", response_class=HTMLResponse)
def compare_page(request: Request, session: DB, units: str = ""):
    names = api.split_names([units])
    data = api.compare(session, names, None) if names else None
    return render(
        request,
        "analysis_compare.html",
        api_link("/api/analysis/compare", units=names),
        data=data,
        units=units,
    )


# The index options the page's form sets (and its links keep).
PAGE_INDEX_OPTIONS = {"units", "normalisation", "weighting", "aggregation", "missing", "draws", "seed"}


@router.get("/analysis/index", response_class=HTMLResponse)
def index_page(request: Request, session: DB, options: Annotated[IndexOptions, Query()]):
    data = api.index(session, options)
    params = {**options.model_dump(include=PAGE_INDEX_OPTIONS), "units": options.units or []}
    return render(
        request,
        "analysis_index.html",
        api_link("/api/analysis/index", **params),
        data=data,
        form=params,
        units=",".join(options.units or []),
    )
