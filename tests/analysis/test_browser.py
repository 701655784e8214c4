"""The analysis pages in headless Chromium: the charts draw, with no script error.

Screenshots go to tests/screenshots/analysis-*.png for a person to look at.
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
TIMEOUT_MS = 10_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_url(corpus_store):
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(corpus_store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def page(live_url):
    playwright_api = pytest.importorskip("playwright.sync_api")
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        yield page
        browser.close()


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
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"analysis-{name}.png"))


def test_the_chain_chart_marks_gaps(page, live_url):
    page.goto(live_url + "/analysis/chain?industry=新能源汽车&region=沙坪坝")
    page.wait_for_selector("#chain-chart canvas")
    gaps = page.evaluate(
        "() => echarts.getInstanceByDom(document.getElementById('chain-chart')).getOption().series[0].data"
        ".filter(n => n.gap).map(n => n.name)"
    )
    assert "动力电池" in gaps and "汽车零部件" not in gaps
    assert page.locator("tr.gap").count() == len(gaps)
