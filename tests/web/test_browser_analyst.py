"""In headless Chromium: a search's coverage over time and the date window, the network's communities."""

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
