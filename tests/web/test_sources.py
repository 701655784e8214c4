"""Sources are named as a reader knows them: by title and outlet, never by file name."""

from __future__ import annotations

import re

import pytest
from lxml import html

PAGES = [
    "/analysis/timeline?subject=两江新区",
    "/analysis/network",
    "/analysis/chain?industry=新能源汽车",
    "/analysis/compare?units=两江新区,沙坪坝区",
    "/entities/两江新区",
    "/relations",
    "/indicators",
    "/documents",
]


@pytest.fixture(scope="module")
def titles(client) -> dict[int, str]:
    documents = client.get("/api/documents", params={"limit": 500}).json()["items"]
    assert all(d["title"] for d in documents)
    return {d["id"]: d["title"] for d in documents}


@pytest.mark.parametrize("path", PAGES)
def test_every_source_on_a_page_shows_its_documents_title(client, ids, titles, path):
    if path == "/entities/两江新区":
        path = f"/entities/{ids['entities']['两江新区']}"
    page = client.get(path)
    assert page.status_code == 200
    tree = html.fromstring(page.text)
    links = [a for a in tree.xpath("//a[@href]") if re.fullmatch(r"/documents/\d+", a.get("href"))]
    assert links, path
    for a in links:
        shown = a.text_content().strip()
        assert shown == titles[int(a.get("href").rsplit("/", 1)[1])], (path, shown)
    for script in tree.xpath("//script"):
        script.drop_tree()
    seen = tree.text_content() + " ".join(tree.xpath("//@title"))
    assert not re.search(r"[0-9a-f_]{10,}\.txt", seen), path  # no file name a reader sees


def test_the_analysis_api_names_each_source_by_title_and_outlet(client, titles):
    timeline = client.get("/api/analysis/timeline", params={"subject": "两江新区"}).json()
    sources = [s["document"] for series in timeline["series"] for p in series["points"] for s in p["sources"]]
    assert sources
    assert all(d["title"] == titles[d["id"]] and "outlet" in d for d in sources)
