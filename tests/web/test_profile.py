"""A firm's profile: its region, partners and ties by kind, its figures as trends, its dated events."""

from __future__ import annotations

import pytest

from innoatlas.pipeline import ingest_paths
from innoatlas.store import open_store
from innoatlas.web.app import create_app
from tests.browser import launch_chromium, new_page, serve_app, shoot

# Two reports about one firm, a year apart (sentences written for this test).
FIRST = (
    "重庆星河智能科技有限公司发布年度报告\n2023年6月1日\n"
    "重庆星河智能科技有限公司位于重庆市两江新区。2022年，重庆星河智能科技有限公司营业收入达到10亿元。"
    "重庆星河智能科技有限公司与重庆大学签署战略合作协议，共建智能制造联合实验室。\n"
)
SECOND = (
    "重庆星河智能科技有限公司营收再创新高\n2024年3月2日\n"
    "2023年，重庆星河智能科技有限公司营业收入达到12亿元，同比增长20%。"
    "4月，重庆星河智能科技有限公司在两江新区揭牌成立智能制造研究院。\n"
)
FIRM = "重庆星河智能科技有限公司"


@pytest.fixture(scope="module")
def firm_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("firm")
    (folder / "news").mkdir()
    (folder / "news" / "report_2023.txt").write_text(FIRST, encoding="utf-8")
    (folder / "news" / "report_2024.txt").write_text(SECOND, encoding="utf-8")
    store = open_store(f"sqlite:///{folder / 'kb.db'}")
    assert ingest_paths([folder / "news"], store).failures == []
    with serve_app(create_app(store)) as url:
        yield url
    store.close()


@pytest.mark.slow
def test_a_firm_profile_shows_region_partners_a_trend_and_events(firm_site):
    with launch_chromium() as browser, new_page(browser) as page:
        page.goto(firm_site + "/entities", wait_until="load")
        page.locator("a.ent", has_text=FIRM).first.click()
        page.wait_for_selector("h1.entity-name")
        ties = dict(
            zip(
                page.locator(".ties dt").all_inner_texts(),
                page.locator(".ties dd").all_inner_texts(),
                strict=True,
            )
        )
        assert "两江新区" in ties["所在地"]
        assert "重庆大学" in ties["合作伙伴"]
        trend = page.locator("figure.trend", has_text="营业收入")
        assert trend.locator("svg circle").count() == 2
        assert "2022–2023: 10→12亿元" in trend.locator("figcaption").inner_text()
        events = page.locator("ol.events li").all_inner_texts()
        assert any("2024-03-02" in e and "揭牌" in e for e in events)
        # An event links to its sentence in the document.
        page.locator("ol.events a.quote-link").first.click()
        page.wait_for_selector(".reader .sent:has(:target)")
        assert "揭牌" in page.locator(".reader .sent:has(:target)").inner_text()
        assert page.errors == []
        shoot(page, "10-firm-profile-event")


def test_coverage_counts_documents_per_month_and_outlet(client):
    coverage = client.get("/api/coverage", params={"entity": "两江新区"}).json()
    documents = client.get("/api/documents", params={"entity": "两江新区", "limit": 500}).json()
    dated = [d for d in documents["items"] if d["published"]]
    assert sum(m["documents"] for m in coverage["months"]) == len(dated)
    assert coverage["undated"] == len(documents["items"]) - len(dated)
    month = coverage["months"][-1]
    first, last = f"{month['month']}-01", f"{month['month']}-28"
    ranged = client.get("/api/documents", params={"entity": "两江新区", "since": first, "until": last}).json()
    assert 0 < ranged["total"] <= month["documents"]
    assert all(first <= d["published"] <= last for d in ranged["items"])
    assert client.get("/api/coverage", params={"entity": "没有这个实体"}).status_code == 404


def test_the_entity_page_draws_its_coverage_and_links_each_month(client):
    zone = client.get("/api/coverage", params={"entity": "两江新区"}).json()
    html = client.get(f"/entities/{zone['entity']}").text
    assert html.count('<rect x="') == len(zone["months"])
    assert "since=" in html and "until=" in html
