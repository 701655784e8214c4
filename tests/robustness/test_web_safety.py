"""Document text with markup is shown as text: no script, handler or javascript: link runs.

A document whose text carries <script>, event-handler attributes,
javascript: links and an iframe is ingested (its markup reaches titles,
entity contexts, metric names and quotes). A real browser (Debian's
chromium driven by Playwright) opens every page that shows it, hovers the
chart points whose tooltips quote it, and the test checks that no payload
ran: each calls alert(), and the page records any dialog.
"""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import text

from innoatlas.pipeline import ingest_paths
from innoatlas.store import open_store
from tests.browser import launch_chromium, new_page
from tests.conftest import EXAMPLES
from tests.robustness.live import live_server

pytestmark = pytest.mark.slow

TIMEOUT_MS = 15_000

HOSTILE_TEXT = """测试科技园区动态<script>alert('title')</script>
测试科技园区<img src=x onerror="alert('img')">今年研发投入达到12亿元。
测试科技园区与<b onmouseover="alert('hover')">重庆大学</b>签署合作协议，共建联合实验室。
详情见<a href="javascript:alert('link')">这里</a>，<svg onload=alert('svg')></svg>。
测试科技园区新增高新技术企业<iframe srcdoc="<script>parent.alert('frame')</script>"></iframe>35家。
"><script>alert('attr')</script></textarea><script>alert('textarea')</script>{{7*7}}
"""
# Elements of the page that are a payload turned into live markup: a script
# calling alert, any attribute calling it (the page's own handlers do not),
# a javascript: link, a frame. Data for the charts travels in JSON script
# elements, inert as long as the payload stayed inside the JSON: each must parse.
LIVE_PAYLOADS = """() => [...document.querySelectorAll('*')].filter(e =>
    (e.tagName === 'SCRIPT' && e.type === 'application/json' && !parses(e.textContent)) ||
    (e.tagName === 'SCRIPT' && e.type !== 'application/json' && e.textContent.includes('alert(')) ||
    [...e.attributes].some(a => (a.name.startsWith('on') && a.value.includes('alert(')) ||
      (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name) &&
       a.value.trim().toLowerCase().startsWith('javascript:'))) ||
    e.tagName === 'IFRAME').map(e => e.outerHTML.slice(0, 120))"""
PARSES = "window.parses = t => { try { JSON.parse(t); return true; } catch (e) { return false; } }"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web_safety")
    (folder / "in").mkdir()
    (folder / "in" / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    shutil.copy(EXAMPLES / "cq_liangjiang_xietong_2024.txt", folder / "in")
    url = f"sqlite:///{folder / 'kb.db'}"
    with open_store(url) as store:
        assert ingest_paths([folder / "in"], store).failures == []
        ids = hostile_ids(store)
    with live_server(url, folder / "server.log") as base:
        yield base, ids


def hostile_ids(store) -> dict:
    """Ids of the hostile document and of every entity and indicator that came from it."""
    with store.session() as session:
        document = session.execute(text("SELECT id FROM documents WHERE name = 'hostile.txt'")).scalar_one()
        entities = (
            session.execute(
                text("SELECT DISTINCT entity_id FROM mentions WHERE document_id = :d"), {"d": document}
            )
            .scalars()
            .all()
        )
        indicators = session.execute(
            text("SELECT id, subject_id FROM indicators WHERE document_id = :d"), {"d": document}
        ).all()
    return {"document": document, "entities": entities, "indicators": indicators}


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    with new_page(browser, timeout_ms=TIMEOUT_MS) as page:
        page.add_init_script(PARSES)
        yield page


def pages_showing_it(ids: dict) -> list[str]:
    paths = [f"/documents/{ids['document']}", "/documents", "/", "/search?q=测试科技园区", "/regions"]
    paths += [f"/entities/{e}" for e in ids["entities"]]
    paths += [f"/indicators/{i}" for i, _ in ids["indicators"]]
    paths += [f"/indicators?subject={s}" for _, s in ids["indicators"] if s]
    paths.append("/search?q=" + "\"><script>alert('query')</script><img src=x onerror=alert('query')>")
    return paths


# Shows the tooltip of every point of the page's charts (ECharts renders them as HTML)
# and checks the page while each is shown: ECharts writes a tooltip as showTip is
# dispatched, so each check sees its tooltip with no wait. Returns the live payloads
# found, the points shown and how many of them had a tooltip with text.
HOVER_CHART_POINTS = (
    """() => {
      const live = """
    + LIVE_PAYLOADS
    + """;
      const found = [];
      let points = 0, shown = 0;
      for (const box of document.querySelectorAll('[_echarts_instance_]')) {
        const chart = echarts.getInstanceByDom(box);
        (chart.getOption().series || []).forEach((s, si) => (s.data || []).forEach((_, di) => {
          chart.dispatchAction({type: 'showTip', seriesIndex: si, dataIndex: di});
          found.push(...live());
          points += 1;
          shown += [...box.children].some(c => c.tagName === 'DIV' && c.innerText.trim()) ? 1 : 0;
        }));
      }
      return {found, points, shown};
    }"""
)


def test_no_payload_runs_on_any_page(page, hostile_site):
    base, ids = hostile_site
    assert ids["indicators"], "the hostile text gave no indicator: the quotes would go untested"
    for path in pages_showing_it(ids):
        response = page.goto(base + path)
        assert response.status == 200, path
        page.wait_for_load_state("load")
        if page.locator("[_echarts_instance_]").count():
            hovered = page.evaluate(HOVER_CHART_POINTS)
            assert hovered["found"] == [] and hovered["shown"] == hovered["points"], path
        assert page.evaluate(LIVE_PAYLOADS) == [], path
        page.mouse.move(300, 300)
    assert page.dialogs == []


def test_the_markup_is_shown_as_text(page, hostile_site):
    base, ids = hostile_site
    page.goto(base + f"/documents/{ids['document']}")
    reader = page.inner_text("article.reader")
    assert "<img src=x onerror=\"alert('img')\">" in reader
    assert "<a href=\"javascript:alert('link')\">这里</a>" in reader
    assert (
        page.locator(
            "article.reader a[href^='javascript'], article.reader img, article.reader iframe"
        ).count()
        == 0
    )
    for link in page.locator("article.reader a").all():
        link.click(trial=True)  # every link in the text is one of ours
        assert not (link.get_attribute("href") or "").lower().startswith("javascript")
    assert page.dialogs == []


def test_the_check_sees_markup_that_is_live(page):
    """The checks above would fail on a page that put the text in unescaped."""
    # Waits for the broken image's handler to call alert(), however slow the machine.
    with page.expect_event("dialog", predicate=lambda dialog: dialog.message == "img"):
        page.set_content("<body>" + HOSTILE_TEXT.replace("\n", "<br>") + "</body>")
    assert len(page.evaluate(LIVE_PAYLOADS)) >= 4
    assert "img" in page.dialogs
