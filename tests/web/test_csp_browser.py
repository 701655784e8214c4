"""Every page under the Content-Security-Policy, in Chromium: no violation, and its parts still work.

The policy runs no inline script, event handler or style attribute (the
templates said what to draw and which select submits in inline code until
then). Each page of the navigation is opened in Debian's chromium; the
test fails on any violation the browser reports (console or
`securitypolicyviolation` event) or any script error, and checks what a
user would do there: charts draw and show their tooltips, the indicator
pickers submit on change, an editor logs in on the review page, the API
docs list and open the operations.
"""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from innoatlas.auth import add_user
from innoatlas.pipeline import example_corpus, ingest_paths
from innoatlas.store import open_store
from innoatlas.web.app import create_app
from innoatlas.web.security import CONTENT_SECURITY_POLICY
from tests.analysis.conftest import SmallStore
from tests.browser import launch_chromium, new_page, serve_app

pytestmark = pytest.mark.slow
expect = pytest.importorskip("playwright.sync_api").expect

PASSWORD = "a passphrase for the policy test"
# Four zones sharing three figures: enough for the index page to rank and draw.
ZONES = {"甲园": (10, 5, 2), "乙园": (20, 15, 4), "丙园": (30, 10, 6), "丁园": (40, 25, 8)}
METRICS = (("研发平台数量", "个"), ("研发机构数量", "家"), ("孵化器数量", "家"))
# Reported by the page itself, before any script of ours could hide it.
RECORD_VIOLATIONS = """window.violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"""


def directives(policy: str) -> dict[str, list[str]]:
    parts = (p.split() for p in policy.split(";") if p.strip())
    return {p[0]: p[1:] for p in parts}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('csp') / 'kb.db'}")
    assert ingest_paths([example_corpus()], store).counts["failed"] == 0
    kb = SmallStore(store)
    kb.document("zones.txt", "四个园区的创新数据。", "示例报", date(2024, 12, 1))
    for name, numbers in ZONES.items():
        kb.entity(name, "zone")
        for (metric, unit), value in zip(METRICS, numbers, strict=True):
            for year, figure in (("2023", value - 1), ("2024", value)):  # two periods: a timeline chart
                quote = f"{name}{year}年{metric[:-2]}{figure}{unit}"
                kb.indicator(name, metric, "", figure, unit, year, "zones.txt", quote)
    with store.transaction() as session:
        add_user(session, "wang.fang", "editor", PASSWORD)
    with serve_app(create_app(store)) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    with new_page(browser) as page:
        page.console_violations = []
        page.on(
            "console",
            lambda m: "Content Security Policy" in m.text and page.console_violations.append(m.text),
        )
        page.add_init_script(RECORD_VIOLATIONS)
        yield page


def first_id(site: str, path: str, **params) -> int:
    from httpx import get

    items = get(site + path, params={"limit": 100, **params}).json()["items"]
    return items[0]["id"]


def example_document(site: str) -> int:
    """The id of one of the bundled example articles (its figures are marked in its text)."""
    from httpx import get

    items = get(site + "/api/documents", params={"limit": 100}).json()["items"]
    return next(d["id"] for d in items if d["name"] == "cq_liangjiang_xietong_2024.txt")


def visit(page, url: str) -> None:
    """Open a page and wait until every chart it names has drawn on its canvas."""
    page.goto(url)
    for chart in page.locator("[data-chart]").all():
        expect(chart.locator("canvas")).to_have_count(1)


def assert_clean(page) -> None:
    assert page.console_violations == []
    assert page.evaluate("() => window.violations") == []
    assert page.errors == []


def show_tip(page, selector: str) -> None:
    """Hover the first data point of a chart, as a user would, and wait for its tooltip."""
    page.evaluate(
        """s => echarts.getInstanceByDom(document.querySelector(s))
              .dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0})""",
        selector,
    )
    expect(page.locator(selector).first.locator("xpath=./div").last).to_be_visible()


def test_the_policy_allows_no_inline_script_or_style(site):
    from httpx import get

    policy = get(site + "/").headers["content-security-policy"]
    assert policy == CONTENT_SECURITY_POLICY
    rules = directives(policy)
    assert rules["script-src"] == ["'self'"]
    assert rules["style-src"] == ["'self'"]


def test_no_page_holds_an_inline_script_or_handler(site):
    """Every served page: scripts only by src or as inert JSON, no on* attribute, no style attribute."""
    import re

    from httpx import get

    entity = first_id(site, "/api/entities", type="zone")
    document = example_document(site)
    paths = ["/", "/entities", f"/entities/{entity}", "/documents", f"/documents/{document}", "/indicators"]
    paths += ["/relations", "/regions", "/search?q=园区", "/analysis", "/analysis/network"]
    paths += ["/analysis/timeline?subject=两江协同创新区", "/analysis/chain?industry=新能源汽车"]
    paths += [
        "/analysis/compare?units=两江协同创新区,东湖高新区",
        "/analysis/index?units=甲园,乙园,丙园,丁园",
    ]
    paths += ["/review", f"/review/documents/{document}", "/docs", "/redoc"]
    for path in paths:
        html = get(site + path).text
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
        inline = [attrs for attrs, body in scripts if body.strip() and 'type="application/json"' not in attrs]
        assert inline == [], path
        assert re.findall(r"<[^>]+\son[a-z]+=", html) == [], path
        if path != "/redoc":  # ReDoc's own page: see test_redoc_lists_the_operations
            assert re.findall(r"<[^>]+\sstyle=", html) == [], path
            assert "<style" not in html, path


def test_home_and_search(page, site):
    visit(page, site + "/")
    page.fill(".big-search input[name=q]", "两江")
    page.press(".big-search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    expect(page.locator(".hit-entity a.ent").first).to_be_visible()
    assert_clean(page)


@pytest.mark.parametrize(
    "path", ["/entities", "/documents", "/relations", "/regions", "/analysis", "/review"]
)
def test_a_list_page(page, site, path):
    visit(page, site + path)
    expect(page.locator("main h1").first).to_be_visible()
    assert_clean(page)


def test_an_entity_profile_draws_its_graph_and_tooltips(page, site):
    visit(page, site + "/entities?type=zone")
    page.locator("table.entities a.ent", has_text="两江协同创新区").click()
    page.wait_for_selector("#graph canvas")
    show_tip(page, "#graph")
    assert_clean(page)


def test_a_document_and_a_figure(page, site):
    visit(page, site + f"/documents/{example_document(site)}")
    page.locator("article.reader a.fig").first.click()
    page.wait_for_selector("h1.figure-title")
    assert_clean(page)


def test_the_indicator_pickers_submit_on_change(page, site):
    visit(page, site + "/indicators")
    metric = page.locator("select[name=metric_key]")
    options = metric.locator("option").evaluate_all("os => os.map(o => o.value)")
    assert len(options) > 1
    with page.expect_navigation():
        metric.select_option(options[-1])
    assert f"metric_key={options[-1]}" in page.url
    expect(page.locator("#series-chart canvas")).to_have_count(1)
    show_tip(page, "#series-chart")
    subject = page.locator("select[name=subject]")
    other = subject.locator("option:not([selected])").first.get_attribute("value")
    with page.expect_navigation():
        subject.select_option(other)
    # A new subject starts without the metric picked for the old one.
    assert f"subject={other}" in page.url and f"metric_key={options[-1]}" not in page.url
    expect(page.locator("select[name=subject]")).to_have_value(other)
    assert_clean(page)


@pytest.mark.parametrize(
    "path, chart",
    [
        ("/analysis/timeline?subject=甲园", "[data-chart=timeline]"),
        ("/analysis/chain?industry=新能源汽车", "#chain-chart"),
        ("/analysis/network", "#network-chart"),
        ("/analysis/compare?units=两江协同创新区,东湖高新区,西安高新区", "#compare-chart"),
        ("/analysis/index?units=甲园,乙园,丙园,丁园", "#index-chart"),
    ],
)
def test_an_analysis_page_draws_its_chart(page, site, path, chart):
    visit(page, site + path)
    option = page.evaluate("s => echarts.getInstanceByDom(document.querySelector(s)).getOption()", chart)
    assert option["series"]
    if path.startswith(("/analysis/timeline", "/analysis/network", "/analysis/index")):
        show_tip(page, chart)
    assert_clean(page)


def test_an_editor_logs_in_on_a_review_page(page, site):
    visit(page, site + f"/review/documents/{example_document(site)}")
    page.fill("#login-form input[name=name]", "wang.fang")
    page.fill("#login-form input[name=password]", PASSWORD)
    page.click("#login-form button")
    expect(page.locator("#who")).to_contain_text("wang.fang")
    expect(page.locator("button[data-act=confirm]").first).to_be_enabled()
    assert_clean(page)


def test_the_api_docs_list_and_open_an_operation(page, site):
    visit(page, site + "/docs")
    summary = page.locator(".opblock-summary", has_text="/api/summary").first
    summary.click()
    expect(page.locator(".opblock.is-open .try-out__btn")).to_be_visible()
    assert_clean(page)


def test_redoc_lists_the_operations(page, site):
    """ReDoc writes <style> elements and starts a blob: worker as it runs: its page alone allows both."""
    from httpx import get

    rules = directives(get(site + "/redoc").headers["content-security-policy"])
    assert rules["script-src"] == ["'self'"] and rules["style-src"] == ["'self'", "'unsafe-inline'"]
    assert rules["worker-src"] == ["'self'", "blob:"]
    visit(page, site + "/redoc")
    expect(page.get_by_text("/api/summary").first).to_be_attached()
    # ReDoc's bundle asks its maker's site for a logo: the policy blocks that, and only that.
    assert all(
        v.startswith("img-src https://cdn.redoc.ly/") for v in page.evaluate("() => window.violations")
    )
    assert all("https://cdn.redoc.ly/" in text for text in page.console_violations)
    assert page.errors == []


def test_the_header_is_the_policy_on_every_kind_of_answer(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'kb.db'}") as store, TestClient(create_app(store)) as client:
        for path in ("/", "/static/page.js", "/api/summary", "/docs", "/no-such-page"):
            assert "'unsafe-inline'" not in client.get(path).headers["content-security-policy"], path
