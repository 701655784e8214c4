"""End-to-end tests in headless Chromium (Debian's chromium, Playwright as the driver).

The app runs in uvicorn on a free localhost port. Screenshots go to
tests/screenshots/ for a person to look at (Chinese must render as
characters, not boxes).
"""

from __future__ import annotations

import pytest

from innoatlas.web.app import create_app
from tests.browser import launch_chromium, new_page, serve_app, shoot

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def live_url(gold_store):
    with serve_app(create_app(gold_store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    with new_page(browser) as page:
        yield page


def test_search_entity_chart_document_figure(page, live_url):
    page.goto(live_url + "/")
    page.fill(".big-search input[name=q]", "两江")
    page.press(".big-search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator(".hit-entity a.ent", has_text="两江新区").first.is_visible()
    shoot(page, "1-search")

    page.locator(".hit-entity a.ent", has_text="两江协同创新区").first.click()
    page.wait_for_selector("h1.entity-name")
    assert page.inner_text("h1.entity-name").startswith("两江协同创新区")
    page.wait_for_selector("#graph canvas")
    shoot(page, "2-entity")

    page.locator("a.metric-link", has_text="科技研发平台数量").click()
    page.wait_for_selector("#series-chart canvas")
    tip = page.evaluate(
        "() => { const c = echarts.getInstanceByDom(document.getElementById('series-chart'));"
        " c.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0}); return true; }"
    )
    assert tip is True
    page.wait_for_selector(".series-tip", state="visible")
    assert "建成科技研发平台80余个" in page.inner_text(".series-tip")
    shoot(page, "3-indicator-chart")

    page.locator("table.indicators a.doc").first.click()
    page.wait_for_selector("article.reader a.fig")
    assert page.locator("article.reader a.ent.t-zone", has_text="两江协同创新区").count() > 0
    shoot(page, "4-document")

    page.locator("article.reader a.fig", has_text="80余个").first.click()
    page.wait_for_selector("h1.figure-title")
    assert "建成科技研发平台80余个" in page.inner_text("dd.quote")
    shoot(page, "5-figure")
    assert page.dialogs == []


def test_hostile_markup_renders_inert(page, live_url, ids):
    hostile = ids["documents"]["hostile.txt"]
    for path in [
        f"/documents/{hostile}",
        "/documents",
        "/search?q=测试园区",
        "/indicators",
        f"/entities/{ids['entities']['测试园区']}",
    ]:
        page.goto(live_url + path)
        page.wait_for_load_state("load")
        assert page.locator("[onerror], [onmouseover], a[href^='javascript']").count() == 0, path
    page.goto(live_url + f"/documents/{hostile}")
    reader = page.inner_text("article.reader")
    assert "<script>alert(1)</script>" in reader
    assert '<a href="javascript:alert(3)">点击这里</a>' in reader
    assert page.locator("article.reader script, article.reader img").count() == 0
    shoot(page, "6-hostile")
    assert page.dialogs == []


def test_english_labels(page, live_url):
    page.goto(live_url + "/?lang=en")
    assert page.inner_text("header nav").split() == [
        "Home",
        "Entities",
        "Indicator",
        "explorer",
        "Relations",
        "Documents",
        "Region",
        "tree",
        "Analysis",
    ]
    page.click("header nav >> text=Region tree")
    page.wait_for_selector("ul.tree")
    assert "lang=en" in page.url
    shoot(page, "7-regions-en")


def test_api_docs_render_with_the_network_cut_off(browser, live_url):
    """/docs draws the API's operations from files in the package: every other host is refused."""
    outside = []

    def only_local(route):
        if route.request.url.startswith(live_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with new_page(browser) as page:
        page.route("**/*", only_local)
        page.goto(live_url + "/docs")
        page.wait_for_selector(".opblock-summary-path")
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        assert "/api/entities" in [p.replace("\u200b", "") for p in paths]
        assert page.inner_text(".info .title").startswith("innoatlas")
        assert outside == []
        assert page.errors == []


def test_a_quote_link_lands_on_its_highlighted_sentence(page, live_url):
    items = page.request.get(live_url + "/api/indicators?limit=200").json()["items"]
    figure = next(i for i in items if i["quote"] == "建成科技研发平台80余个")
    page.goto(f"{live_url}/indicators/{figure['id']}")
    page.click("dd.quote a.quote-link")
    page.wait_for_url(f"**/documents/{figure['document']['id']}#i-{figure['id']}")
    sentence = page.locator(".reader .sent:has(:target)")
    assert sentence.count() == 1
    assert "建成科技研发平台80余个" in sentence.inner_text()
    assert sentence.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(219, 234, 254)"
    assert sentence.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    shoot(page, "8-quote-sentence")


def test_a_region_facet_narrows_the_entities_by_name_and_the_csv_has_the_same_rows(page, live_url):
    page.goto(live_url + "/entities")
    region = page.locator(".facets a.facet", has_text="两江协同创新区")
    region.click()
    page.wait_for_url("**/entities?region=*")
    assert "region=%E4%B8%A4%E6%B1%9F" in page.url  # the name, not an internal id
    listed = page.locator("table.entities td a.ent").all_inner_texts()
    assert listed
    with page.expect_download() as download:
        page.click("a.csv-export")
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert [line.split(",")[1] for line in text.splitlines()[1:]] == listed


# Every table cell of a page at least this many characters wide (one CJK character is 1em).
MIN_COLUMN_CHARS = 4
NARROW_COLUMNS = """minChars => [...document.querySelectorAll('main table')].flatMap(table =>
    [...table.querySelectorAll('th, td')].filter(cell => cell.textContent.trim()).map(cell => ({
        text: cell.textContent.trim().slice(0, 20),
        chars: cell.getBoundingClientRect().width / parseFloat(getComputedStyle(cell).fontSize)})))
    .filter(cell => cell.chars < minChars)"""


def test_the_entity_page_at_390_px_keeps_every_column_readable(browser, live_url):
    from tests.browser import PHONE

    with new_page(browser, viewport=PHONE) as page:
        page.goto(live_url + "/entities?type=zone")
        page.locator("table.entities a.ent", has_text="两江协同创新区").click()
        page.wait_for_selector("h1.entity-name")
        # the widths are read once the stylesheet and fonts are in: on a busy machine the heading
        # can be there before the page's styles are, and an unstyled table is narrow
        page.wait_for_load_state("load")
        assert page.evaluate(NARROW_COLUMNS, MIN_COLUMN_CHARS) == []
        # The page itself does not scroll sideways; a wide table scrolls inside its box.
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
        shoot(page, "9-entity-390px", full_page=True)
