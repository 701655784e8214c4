"""The analysis pages in headless Chromium: the charts draw, with no script error.

Screenshots go to tests/screenshots/analysis-*.png for a person to look at.
"""

from __future__ import annotations

import pytest

from innoatlas.web.app import create_app
from tests.browser import launch_chromium, new_page, serve_app, shoot

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def live_url(corpus_store):
    with serve_app(create_app(corpus_store)) as url:
        yield url


@pytest.fixture(scope="module")
def page(live_url):
    with launch_chromium() as browser, new_page(browser) as page:
        yield page


@pytest.mark.parametrize(
    ("path", "chart", "name"),
    [
        ("/analysis/chain?industry=新能源汽车&region=沙坪坝", "#chain-chart", "chain"),
        ("/analysis/timeline?subject=两江协同创新区", "section.series .chart", "timeline"),
        ("/analysis/network?region=沙坪坝", "#network-chart", "network"),
        ("/analysis/compare?units=两江协同创新区,沙坪坝,东湖高新区", "#compare-chart", "compare"),
        ("/analysis/index", "#index-chart", "index"),
    ],
)
def test_analysis_charts_draw(page, live_url, path, chart, name):
    page.errors.clear()
    page.goto(live_url + path)
    page.wait_for_selector(f"{chart} canvas")
    drawn = page.evaluate(
        f"() => !!echarts.getInstanceByDom(document.querySelector('{chart}')).getOption().series.length"
    )
    assert drawn and page.errors == []
    shoot(page, f"analysis-{name}")


def test_the_chain_chart_marks_gaps(page, live_url):
    page.goto(live_url + "/analysis/chain?industry=新能源汽车&region=沙坪坝")
    page.wait_for_selector("#chain-chart canvas")
    gaps = page.evaluate(
        "() => echarts.getInstanceByDom(document.getElementById('chain-chart')).getOption().series[0].data"
        ".filter(n => n.gap).map(n => n.name)"
    )
    assert "动力电池" in gaps and "汽车零部件" not in gaps
    assert page.locator("tr.gap").count() == len(gaps)
