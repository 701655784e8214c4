"""Interface labels: Chinese first, English with ?lang=en."""

from __future__ import annotations

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

# key: (Chinese, English)
LABELS: dict[str, tuple[str, str]] = {
    "app": ("创新图谱", "innoatlas"),
    "tagline": (
        "区域科技创新知识库：每个数字都有出处",
        "Regional S&T innovation knowledge base: every figure has a source",
    ),
    "home": ("首页", "Home"),
    "search": ("搜索", "Search"),
    "search_placeholder": ("搜索机构、园区、文档……", "Search actors, zones, documents…"),
    "entities": ("实体", "Entities"),
    "indicators": ("指标", "Indicators"),
    "indicator": ("指标", "Indicator"),
    "explorer": ("指标浏览", "Indicator explorer"),
    "documents": ("文档", "Documents"),
    "document": ("文档", "Document"),
    "regions": ("地区树", "Region tree"),
    "relations": ("关系", "Relations"),
    "counts": ("数据概览", "Overview"),
    "latest_documents": ("最新文档", "Latest documents"),
    "top_zones": ("热门园区", "Top zones"),
    "top_industries": ("热门产业", "Top industries"),
    "mentions": ("次提及", "mentions"),
    "mention": ("次提及", "mention"),
    "results": ("条结果", "results"),
    "no_results": ("没有结果", "No results"),
    "facets": ("筛选", "Filters"),
    "type": ("类型", "Type"),
    "region": ("地区", "Region"),
    "year": ("年份", "Year"),
    "all": ("全部", "All"),
    "aliases": ("别名", "Aliases"),
    "parent": ("上级", "Part of"),
    "children": ("下级", "Parts"),
    "located_here": ("位于此处", "Located here"),
    "network": ("关系网络", "Network"),
    "show_all": ("查看全部", "Show all"),
    "graph_truncated": (
        "网络较大，仅显示联系最多的部分",
        "Large network: only the most strongly linked part is shown",
    ),
    "subject": ("主体", "Subject"),
    "metric": ("指标名称", "Metric"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "period": ("时期", "Period"),
    "kind": ("类别", "Kind"),
    "approx": ("精度", "Approximation"),
    "quote": ("原文", "Quote"),
    "source": ("来源", "Source"),
    "sources": ("全部来源", "All sources"),
    "outlet": ("媒体", "Outlet"),
    "published": ("发布日期", "Published"),
    "duplicate_of": ("重复于", "Duplicate of"),
    "predicate": ("关系", "Relation"),
    "evidence": ("证据", "Evidence"),
    "show": ("查看", "Show"),
    "chart": ("走势图", "Chart"),
    "conflict": ("来源数值不一致", "sources disagree"),
    "text": ("正文", "Text"),
    "extracted_figures": ("抽取的数字", "Extracted figures"),
    "extracted_entities": ("抽取的实体", "Extracted entities"),
    "pick_subject": ("选择主体", "Pick a subject"),
    "pick_metric": ("选择指标", "Pick a metric"),
    "previous": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "json": ("JSON", "JSON"),
    "error": ("出错了", "Error"),
    "not_found": ("未找到", "Not found"),
    "open_series": ("查看该指标的走势", "Open this metric's series"),
    "documents_count": ("文档数", "documents"),
    "entities_count": ("实体数", "entities"),
    "relations_count": ("关系数", "relations"),
    "sort": ("排序", "Sort"),
    "sort_name": ("按名称", "by name"),
    "layout": ("布局", "layout"),
    "partial_member": ("部分", "in part"),
    "members_elsewhere": ("其他成员（见所属省份）", "Other members (under their province)"),
    "plan": ("成员依据", "Members as defined by"),
    "language": ("English", "中文"),
    # entity types (ANNOTATION.md)
    "type.region": ("地区", "Region"),
    "type.zone": ("园区", "Zone"),
    "type.university": ("高校", "University"),
    "type.institute": ("研究机构", "Institute"),
    "type.platform": ("平台", "Platform"),
    "type.enterprise": ("企业", "Enterprise"),
    "type.government": ("政府机构", "Government"),
    "type.investor": ("投资机构", "Investor"),
    "type.program": ("项目计划", "Programme"),
    "type.industry": ("产业", "Industry"),
    # predicates
    "predicate.part_of": ("隶属于", "part of"),
    "predicate.located_in": ("位于", "located in"),
    "predicate.cooperates_with": ("合作", "cooperates with"),
    "predicate.invests_in": ("投资", "invests in"),
    "predicate.chain_leader_of": ("链主", "chain leader of"),
    "predicate.supplies": ("配套", "supplies"),
    "predicate.focuses_on": ("聚焦", "focuses on"),
    "predicate.member_of": ("成员", "member of"),
    "predicate.established": ("设立", "established"),
    # indicator kinds and approximations
    "kind.level": ("数量", "level"),
    "kind.change": ("变化", "change"),
    "kind.rank": ("排名", "rank"),
    "approx.exact": ("精确", "exact"),
    "approx.over": ("以上", "over"),
    "approx.about": ("约", "about"),
    "estimated": ("约", "~"),  # before an estimated count
    "approx.under": ("以下", "under"),
    # how a duplicate was found, where a relation came from
    "dup.exact": ("完全相同", "exact copy"),
    "dup.near": ("近似重复", "near copy"),
    "origin.text": ("原文", "text"),
    "origin.gazetteer": ("地名库", "gazetteer"),
    "origin.review": ("人工审核", "review"),
    # an entity's profile
    "profile": ("概况", "Profile"),
    "tie.located_in": ("所在地", "Located in"),
    "tie.industries": ("产业", "Industries"),
    "industry": ("产业", "Industry"),
    "tie.chain_roles": ("产业链角色", "Chain roles"),
    "tie.partners": ("合作伙伴", "Partners"),
    "tie.investors": ("投资方", "Investors"),
    "tie.investees": ("投资对象", "Investees"),
    "tie.programmes": ("所属计划", "Programmes"),
    "tie.established_by": ("设立方", "Established by"),
    "tie.established": ("设立", "Established"),
    "trends": ("指标走势", "Trends"),
    "events": ("大事记", "Events"),
    "coverage": ("报道时间分布", "Coverage over time"),
    "since": ("起", "From"),
    "until": ("止", "To"),
    "apply": ("筛选", "Apply"),
    "window": ("时间范围（按发布日期）", "Published between"),
    "all_dates": ("全部时间", "All dates"),
    "source_link": ("出处", "source"),
    "see_network": ("合作网络", "Network"),
    "see_timeline": ("指标时间线", "Timeline"),
    "see_chain": ("产业链图谱", "Chain map"),
    # error pages
    "error.404": ("没有找到：请检查地址或编号。", "Not found: check the address or the number."),
    "error.400": ("请求的参数有误。", "Invalid request parameters."),
    "error.422": ("请求的参数有误。", "Invalid request parameters."),
    "error.500": ("服务器内部错误。", "Internal server error."),
}

# "no entity with id 5" (NotFoundError of the store's reads) said in Chinese.
NOT_FOUND_WHAT = {"entity": "实体", "document": "文档", "indicator": "指标", "relation": "关系"}


def localize_error(status: int, message: str, lang: str) -> str:
    """The error message of a page in the page's language (the API keeps the English one)."""
    if lang != "zh":
        return message
    import re

    found = re.fullmatch(r"no (\w+) with id (\S+)", message)
    if found and found.group(1) in NOT_FOUND_WHAT:
        return f"没有编号为 {found.group(2)} 的{NOT_FOUND_WHAT[found.group(1)]}。"
    return translate(f"error.{status}", lang) if f"error.{status}" in LABELS else "请求出错。"


def pick_language(value: str | None) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def translate(key: str, lang: str) -> str:
    """The label of `key` in `lang`; an unknown key shows its last part (a new type or predicate)."""
    pair = LABELS.get(key)
    if pair is None:
        return key.rsplit(".", 1)[-1]
    return pair[1] if lang == "en" else pair[0]
