"""In headless Chromium: a search's coverage over time and the date window, the network's communities."""

from __future__ import annotations

import pytest

from innoatlas.web.app import create_app
from tests.browser import PHONE, launch_chromium, new_page, serve_app, shoot

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def live_url(gold_store):
    with serve_app(create_app(gold_store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as browser:
        yield browser


def test_a_search_in_a_date_window_shows_its_coverage_and_fewer_documents(browser, live_url):
    with new_page(browser) as page:
        page.goto(live_url + "/search?q=两江")
        months = page.locator("svg.coverage-bars rect").count()
        documents = page.locator("li.hit-document").count()
        assert months > 2 and documents > 2
        assert page.locator(".coverage .outlets li").count() >= 2  # the outlet breakdown
        page.fill("form.date-window input[name=since]", "2021-01-01")
        page.fill("form.date-window input[name=until]", "2023-12-31")
        page.click("form.date-window button[type=submit]")
        page.wait_for_url("**since=2021-01-01*")
        assert "q=%E4%B8%A4%E6%B1%9F" in page.url  # the search is kept
        dates = page.locator("li.hit-document .muted").all_inner_texts()
        assert 0 < len(dates) < documents
        assert all("2021-01-01" <= d.split()[-1] <= "2023-12-31" for d in dates)
        assert 0 < page.locator("svg.coverage-bars rect").count() < months
        json_link = page.get_attribute("a.json-link", "href")
        assert "since=2021-01-01" in json_link and "until=2023-12-31" in json_link
        # A link followed from here stays in the window.
        page.locator("header nav a", has_text="关系").click()
        page.wait_for_url("**/relations?*")
        assert page.input_value("form.date-window input[name=since]") == "2021-01-01"
        assert page.errors == []
        shoot(page, "11-search-in-a-window")


# Each drawn node's pixel position (after ECharts fits the drawing in its box) and colour.
NODES = """() => {
  const element = document.getElementById('network-chart');
  const chart = echarts.getInstanceByDom(element);
  const data = chart.getModel().getSeriesByIndex(0).getData();
  const nodes = [];
  for (let i = 0; i < data.count(); i++) {
    const [x, y] = chart.convertToPixel({seriesIndex: 0}, data.getItemLayout(i));
    nodes.push({x, y, colour: data.getItemVisual(i, 'style').fill, community: data.getRawDataItem(i).community});
  }
  return {width: element.clientWidth, height: element.clientHeight, nodes};
}"""


def test_the_network_at_390_px_fits_its_box_with_communities_coloured_and_the_legend_below(browser, live_url):
    with new_page(browser, viewport=PHONE) as page:
        page.goto(live_url + "/analysis/network")
        page.wait_for_selector("#network-chart canvas")
        drawn = page.evaluate(NODES)
        assert len(drawn["nodes"]) > 5 and drawn["width"] <= PHONE["width"]
        for node in drawn["nodes"]:
            assert 0 <= node["x"] <= drawn["width"] and 0 <= node["y"] <= drawn["height"], node
        colour_of = {}
        for node in drawn["nodes"]:
            colour_of.setdefault(node["community"], set()).add(node["colour"])
        assert len(colour_of) > 1 and all(len(colours) == 1 for colours in colour_of.values())
        big = [c for c in colour_of if c is not None and c < 10]
        assert len({colour_of[c].pop() for c in big}) == len(big)  # one colour per community
        # The legend: a list under the plot, one line per community, in Chinese.
        chart_box = page.locator("#network-chart").bounding_box()
        legend_box = page.locator("ul.network-legend").bounding_box()
        assert legend_box["y"] >= chart_box["y"] + chart_box["height"]
        entries = [e.strip() for e in page.locator("ul.network-legend li").all_inner_texts()]
        assert len(entries) >= len(big) and entries[0].startswith("社群 1")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.errors == []
        page.locator("#network-chart").scroll_into_view_if_needed()
        shoot(page, "12-network-390px")
