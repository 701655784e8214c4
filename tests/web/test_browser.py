"""End-to-end tests in headless Chromium (Debian's chromium, Playwright as the driver).

The app runs in uvicorn on a free localhost port. Screenshots go to
tests/screenshots/ for a person to look at (Chinese must render as
characters, not boxes).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from innoatlas.web.app import create_app

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
SERVER_START_TIMEOUT_S = 10
TIMEOUT_MS = 10_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_url(gold_store):
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(gold_store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


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
        "Documents",
        "Region",
        "tree",
        "Analysis",
    ]
    page.click("header nav >> text=Region tree")
    page.wait_for_selector("ul.tree")
    assert "lang=en" in page.url
    shoot(page, "7-regions-en")
