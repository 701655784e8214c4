"""The analysis pages in headless Chromium: what the user reads on the demo, and the charts draw.

Screenshots go to tests/screenshots/analysis-*.png for a person to look at.
"""

from __future__ import annotations

from datetime import date

import pytest

from innoatlas.store import open_store
from innoatlas.web.app import create_app
from tests.analysis.conftest import SmallStore
from tests.browser import launch_chromium, new_page, serve_app, shoot

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def live_url(demo_store):
    with serve_app(create_app(demo_store)) as url:
        yield url


METRICS = (("研发平台数量", "个"), ("研发机构数量", "家"), ("孵化器数量", "家"))


@pytest.fixture(scope="module")
def ranked_url(tmp_path_factory):
    """Four zones with three shared indicators: enough for the index to rank."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('ranked') / 'ranked.db'}")
    kb = SmallStore(store)
    kb.document("z.txt", "四个园区的创新数据。", "示例报", date(2024, 12, 1))
    for name, numbers in {
        "甲园": (10, 5, 2),
        "乙园": (20, 15, 4),
        "丙园": (30, 10, 6),
        "丁园": (40, 25, 8),
    }.items():
        kb.entity(name, "zone")
        for (metric, unit), value in zip(METRICS, numbers, strict=True):
            kb.indicator(name, metric, "", value, unit, "2024", "z.txt", f"{name}{metric[:-2]}{value}{unit}")
    with serve_app(create_app(store)) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def page(live_url):
    with launch_chromium() as browser, new_page(browser) as page:
        yield page


def chart_option(page, selector: str) -> dict:
    page.wait_for_selector(f"{selector} canvas")
    return page.evaluate(f"() => echarts.getInstanceByDom(document.querySelector('{selector}')).getOption()")


def test_the_chain_page_shows_leaders_segments_quotes_and_its_basis(page, live_url):
    page.errors.clear()
    page.goto(live_url + "/analysis/chain?industry=新能源汽车")
    assert (
        page.locator("#chain-basis").inner_text()
        == "本图谱依据 4 篇提及该产业链的文档，其中 3 篇提供了主体证据。"
    )
    leaders = page.locator("table.actors[data-role=leaders] tbody tr td:first-child").all_inner_texts()
    assert set(leaders) == {"赛力斯", "长安汽车"}
    vehicles = page.locator("table.segments tr", has_text="整车制造")
    assert "链主企业" in vehicles.inner_text()  # the quote that makes them leaders
    filled = page.locator("table.segments tbody tr:not(.gap)").count()
    assert filled >= 4
    gaps = [n["name"] for n in chart_option(page, "#chain-chart")["series"][0]["data"] if n.get("gap")]
    assert "车联网与出行服务" in gaps and "汽车零部件" not in gaps
    assert page.locator("tr.gap").count() == len(gaps) and page.errors == []
    shoot(page, "analysis-chain")


def test_the_timeline_page_marks_the_conflict_and_the_targets(page, live_url):
    page.errors.clear()
    page.goto(live_url + "/analysis/timeline?subject=两江协同创新区")
    titles = page.locator("section.series h2").all_inner_texts()
    assert any(t.startswith("研发机构") for t in titles) and any(t.startswith("高端人才增速") for t in titles)
    assert (
        page.locator("tr.target", has_text="力争全年孵化科技型企业100家以上").inner_text().count("目标值")
        == 1
    )
    conflicts = page.locator("table.conflicts tbody tr").all_inner_texts()
    assert len(conflicts) == 2 and all("研发机构" in row for row in conflicts)
    assert "子集" in page.locator("p.method").inner_text()
    assert page.errors == []
    shoot(page, "analysis-timeline", full_page=True)


def test_the_compare_page_charts_only_like_for_like_rows(page, live_url):
    page.errors.clear()
    page.goto(live_url + "/analysis/compare?units=两江协同创新区,东湖高新区,西安高新区")
    option = chart_option(page, "#compare-chart")
    assert option["xAxis"][0]["data"] == ["研发机构（新型）"]
    single = page.locator("table.single tbody tr td:first-child").all_inner_texts()
    assert "研发机构" in single and "中试平台" in single and "联合实验室" in single
    assert "同口径比较" in page.locator("p.method").inner_text() and page.errors == []
    shoot(page, "analysis-compare")


def test_the_index_page_explains_why_it_cannot_rank_the_demo(page, live_url):
    page.errors.clear()
    page.goto(live_url + "/analysis/index?units=两江协同创新区,东湖高新区")
    assert page.locator("#index-message").inner_text().startswith("无法排名：只选了 2 个单位，至少需要 3 个")
    assert page.locator("#index-chart").count() == 0 and page.errors == []


def test_the_index_page_ranks_and_names_the_indicators_it_used(page, ranked_url):
    page.errors.clear()
    page.goto(ranked_url + "/analysis/index")
    assert (
        page.locator("#index-summary")
        .inner_text()
        .startswith("采用 3 项指标：研发机构、研发创新平台、孵化载体")
    )
    ranks = page.locator("table.index-table tbody tr td:first-child").all_inner_texts()
    assert ranks == ["第1", "第2", "第3", "第4"]
    assert chart_option(page, "#index-chart")["series"] and page.errors == []
    # A bar's tooltip says the unit's method in Chinese, as the page does.
    page.evaluate(
        "() => echarts.getInstanceByDom(document.querySelector('#index-chart'))"
        ".dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0})"
    )
    tip = page.locator("#index-chart div", has_text="指标覆盖").last
    assert "指标覆盖 3/3" in tip.inner_text() and "weights" not in tip.inner_text()
    shoot(page, "analysis-index")


def test_the_network_chart_draws(page, live_url):
    page.errors.clear()
    page.goto(live_url + "/analysis/network?region=沙坪坝")
    assert chart_option(page, "#network-chart")["series"] and page.errors == []
    shoot(page, "analysis-network")
