"""A date window (since, until) that every view honours, and a search's coverage over time.

The gold knowledge base holds the seed articles published on 2020-04-12,
2021-11-08, 2023-01-11 and 2025-08-22 (and two undated documents): the
window below keeps the two of 2021 and 2023.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

WINDOW = {"since": "2021-01-01", "until": "2023-12-31"}

# One of each kind of view: a profile, a list, a series, a graph and the analyses.
VIEWS = [
    "/api/entities/两江新区",
    "/api/graph/两江新区",
    "/api/relations",
    "/api/indicators",
    "/api/analysis/timeline?subject=两江新区",
    "/api/analysis/network",
    "/api/analysis/compare?units=两江新区,沙坪坝区",
    "/api/analysis/chain?industry=新能源汽车",
    "/api/analysis/four-chains?zone=两江新区",
]


def cited_documents(answer) -> set[int]:
    """The ids of every document an answer cites (as {"document": {"id": ..}} or {"document": id})."""
    found: set[int] = set()
    if isinstance(answer, dict):
        cited = answer.get("document")
        if isinstance(cited, dict) and isinstance(cited.get("id"), int):
            found.add(cited["id"])
        elif isinstance(cited, int):
            found.add(cited)
        for value in answer.values():
            found |= cited_documents(value)
    elif isinstance(answer, list):
        for value in answer:
            found |= cited_documents(value)
    return found


@pytest.fixture(scope="module")
def published(client) -> dict[int, str | None]:
    documents = client.get("/api/documents", params={"limit": 500}).json()["items"]
    return {d["id"]: d["published"] for d in documents}


def with_window(url: str) -> str:
    return url + ("&" if "?" in url else "?") + "since={since}&until={until}".format(**WINDOW)


@pytest.mark.parametrize("url", VIEWS)
def test_every_view_cites_only_documents_published_in_the_window(client, published, url):
    everything = client.get(url)
    windowed = client.get(with_window(url))
    assert everything.status_code == windowed.status_code == 200, windowed.text
    outside = cited_documents(everything.json()) - cited_documents(windowed.json())
    assert outside, f"{url}: the test needs a view citing documents outside the window"
    for document in cited_documents(windowed.json()):
        assert published[document] and WINDOW["since"] <= published[document] <= WINDOW["until"], url


def test_a_profile_in_a_window_counts_only_its_documents(client, published):
    profile = client.get(with_window("/api/entities/两江新区")).json()
    full = client.get("/api/entities/两江新区").json()
    assert 0 < profile["documents"]["total"] < full["documents"]["total"]
    assert profile["indicators"]["total"] < full["indicators"]["total"]


def test_a_list_page_in_a_window_links_its_json_and_csv_in_the_same_window(client):
    page = client.get("/relations", params=WINDOW).text
    csv_link = re.search(r'class="csv-export" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    json_link = re.search(r'class="json-export" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert "since=2021-01-01" in csv_link and "until=2023-12-31" in json_link
    rows = list(csv.DictReader(io.StringIO(client.get(csv_link).text.lstrip("\ufeff"))))
    listed = client.get(json_link + "&limit=500").json()
    assert len(rows) == listed["total"] < client.get("/api/relations").json()["total"]
    # The page's own JSON twin (the footer link) keeps the window too.
    assert 'class="json-link" href="/api/relations?since=2021-01-01&amp;until=2023-12-31"' in page


def test_analysis_pages_and_their_exports_keep_the_window(client):
    page = client.get("/analysis/network", params=WINDOW).text
    assert 'href="/api/analysis/export/network.graphml?since=2021-01-01&amp;until=2023-12-31"' in page
    assert 'name="since" value="2021-01-01"' in page  # the window's form shows the dates in use
    windowed = client.get("/api/analysis/export/network.graphml", params=WINDOW).text
    assert windowed.count("<edge ") < client.get("/api/analysis/export/network.graphml").text.count("<edge ")


def test_links_of_a_page_in_a_window_stay_in_it(client):
    page = client.get("/entities", params=WINDOW).text
    assert 'href="/relations?since=2021-01-01&amp;until=2023-12-31"' in page
    assert "全部时间" in page  # and one link leaves it


def test_a_date_that_is_no_date_is_a_clear_error(client):
    answer = client.get("/api/analysis/network", params={"since": "2021-13-01"})
    assert answer.status_code == 422
    assert answer.json()["error"]["message"] == "since: '2021-13-01' is not a date (YYYY-MM-DD)"


def test_a_search_has_documents_and_mentions_over_time_and_by_outlet(client, published):
    coverage = client.get("/api/search/coverage", params={"q": "两江"}).json()
    found = client.get("/api/search", params={"q": "两江", "limit": 100}).json()
    documents = [i for i in found["items"] if i["kind"] == "document"]
    dated = [d for d in documents if d["published"]]
    assert sum(m["documents"] for m in coverage["months"]) == len(dated) > 1
    assert coverage["undated"] == len(documents) - len(dated)
    assert {m["month"] for m in coverage["months"] if m["documents"]} == {d["published"][:7] for d in dated}
    assert sum(m["mentions"] for m in coverage["months"]) > 0  # of 两江新区 and the other entities found
    outlets = {o["value"]: o["count"] for o in coverage["outlets"]}
    assert outlets == {o: sum(1 for d in documents if d["outlet"] == o) for o in outlets}
    windowed = client.get("/api/search/coverage", params={"q": "两江", **WINDOW}).json()
    assert all(WINDOW["since"][:7] <= m["month"] <= WINDOW["until"][:7] for m in windowed["months"])
    assert 0 < sum(m["documents"] for m in windowed["months"]) < len(dated)


def test_the_search_page_draws_the_coverage_and_links_each_month_to_its_results(client):
    page = client.get("/search", params={"q": "两江"}).text
    coverage = client.get("/api/search/coverage", params={"q": "两江"}).json()
    assert page.count('<rect x="') == len(coverage["months"])
    first = coverage["months"][0]["month"]
    assert f'href="/search?q=%E4%B8%A4%E6%B1%9F&amp;since={first}-01' in page
    assert coverage["outlets"][0]["value"] in page


def test_the_entity_list_in_a_window_holds_the_entities_its_documents_mention(client):
    windowed = client.get("/api/entities", params={"limit": 500, **WINDOW}).json()
    everything = client.get("/api/entities", params={"limit": 500}).json()
    assert 0 < windowed["total"] < everything["total"]
    assert sum(f["count"] for f in windowed["facets"]["type"]) == windowed["total"]
    names = {e["name"] for e in windowed["items"]}
    assert "沙坪坝区" in names  # the 2023 article's district
    for entity in windowed["items"][:10]:
        documents = client.get("/api/documents", params={"entity": entity["id"], **WINDOW}).json()
        assert documents["total"] > 0, entity["name"]
