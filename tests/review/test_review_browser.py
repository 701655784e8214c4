"""The review pages in headless Chromium: log in, confirm, correct and undo from the buttons.

Every check after an action waits for the state the user sees (Playwright's
`expect` retries until it holds): on a loaded machine a read right after a
navigation saw the page before the action's answer.
"""

from __future__ import annotations

import pytest

from innoatlas.auth import add_user
from innoatlas.web.app import create_app
from tests.browser import launch_chromium, new_page, serve_app, shoot

pytestmark = pytest.mark.slow
expect = pytest.importorskip("playwright.sync_api").expect

PASSWORD = "a long review passphrase"


@pytest.fixture
def live_url(kb, tokens):
    with kb.transaction() as session:
        add_user(session, "li.na", "editor", PASSWORD)
    with serve_app(create_app(kb)) as url:
        yield url


@pytest.fixture
def page():
    with launch_chromium() as browser, new_page(browser) as page:
        yield page


def row_of(page, quote: str):
    return page.locator("tr.review-row[data-kind=indicators]", has_text=quote)


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_an_editor_confirms_corrects_and_undoes_in_the_browser(live_url, page):
    page.goto(f"{live_url}/review/documents/1")
    row = row_of(page, "高新技术企业达到1500家")
    # Not logged in: read only, every write control disabled, and the page says so in Chinese.
    assert row.locator("button[data-act=confirm]").is_disabled()
    assert page.locator("button.needs-editor:enabled").count() == 0
    assert page.locator("#login-prompt").inner_text().startswith("请先以编辑身份登录")
    # The document's text is beside the facts under review.
    assert "高新技术企业达到1500家" in page.locator(".review-text .reader").inner_text()

    page.fill("#login-form input[name=name]", "li.na")
    page.fill("#login-form input[name=password]", PASSWORD)
    page.click("#login-form button")
    expect(page.locator("#who")).to_contain_text("li.na")
    expect(page.locator("#login-form")).to_be_hidden()
    expect(page.locator("#login-prompt")).to_be_hidden()
    expect(row_of(page, "高新技术企业达到1500家").locator("button[data-act=confirm]")).to_be_enabled()
    shoot(page, "review-document")

    row = row_of(page, "高新技术企业达到1500家")
    row.locator(".review-reason").fill("与年报一致")
    with page.expect_navigation():
        row.locator("button[data-act=confirm]").click()
    expect(row_of(page, "高新技术企业达到1500家").locator(".review-status")).to_have_text("已确认")

    row = row_of(page, "两江新区已集聚研发平台120余个")
    row.locator("input[name=value]").fill("125")
    with page.expect_navigation():
        row.locator("button.review-correct").click()
    row = row_of(page, "两江新区已集聚研发平台120余个")
    expect(row.locator(".review-status")).to_have_text("已修改")
    expect(row.locator("input[name=value]")).to_have_value("125")

    page.goto(f"{live_url}/review")
    expect(page.locator("table.audit-log tbody tr")).to_have_count(2)
    expect(page.locator("table.audit-log")).to_contain_text("与年报一致")
    with page.expect_navigation():
        page.locator("button.review-undo").first.click()  # the newest: the correction
    expect(page.locator("table.audit-log tr.undone")).to_have_count(1)
    page.goto(f"{live_url}/review/documents/1")
    expect(row_of(page, "两江新区已集聚研发平台120余个").locator("input[name=value]")).to_have_value("120")


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_an_editor_corrects_an_entity_type_and_merges_from_the_browser(live_url, page, tokens):
    page.goto(f"{live_url}/review")
    page.fill("#token-form input[name=token]", tokens["editor"])
    page.click("#token-form button")
    expect(page.locator("#who")).to_contain_text("analyst")
    page.goto(f"{live_url}/review/documents/1")
    institute = page.locator("tr.review-row[data-kind=entities]").filter(
        has=page.locator("input[value='智能网联汽车研究院']")
    )
    institute.locator("select[name=type]").select_option("platform")
    with page.expect_navigation():
        institute.locator("button.review-correct").click()
    row = page.locator("tr.review-row[data-kind=entities]").filter(
        has=page.locator("input[value='智能网联汽车研究院']")
    )
    expect(row.locator(".review-status")).to_have_text("已修改")
    expect(row.locator("select[name=type]")).to_have_value("platform")

    firm = page.locator("tr.review-row[data-kind=mentions]", has_text="长安汽车").first
    firm.locator("input[name=into]").fill("重庆大学")  # picked by name from the page's list
    with page.expect_navigation():
        firm.locator("button.review-merge").click()
    merged = page.locator("tr.review-row[data-kind=mentions]", has_text="长安汽车").first
    expect(merged).to_contain_text("重庆大学")
