"""Server-rendered pages: they render, speak two languages, escape document text."""

from __future__ import annotations

import re

import pytest


def page_paths(ids: dict) -> list[str]:
    zone, doc = ids["entities"]["两江协同创新区"], ids["documents"]["000_7216f30cd03e4256.txt"]
    return [
        "/",
        "/search?q=两江",
        "/entities",
        f"/entities/{zone}",
        "/indicators",
        f"/indicators?subject={zone}&metric_key=科技研发平台数量",
        "/indicators/1",
        "/documents",
        f"/documents/{doc}",
        "/regions",
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_renders(client, ids, lang):
    for path in page_paths(ids):
        sep = "&" if "?" in path else "?"
        response = client.get(f"{path}{sep}lang={lang}")
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert ('<html lang="zh-CN">' if lang == "zh" else '<html lang="en">') in response.text


def test_labels_follow_the_language(client):
    assert '<a href="/regions">地区树</a>' in client.get("/").text
    assert '<a href="/regions?lang=en">Region tree</a>' in client.get("/?lang=en").text


def test_entity_page_shows_what_its_json_twin_returns(client, ids):
    zone = ids["entities"]["两江协同创新区"]
    profile = client.get(f"/api/entities/{zone}").json()
    html = client.get(f"/entities/{zone}").text
    assert f'href="/api/entities/{zone}"' in html
    for indicator in profile["indicators"]["items"]:
        assert indicator["quote"] in html
    for alias in profile["aliases"]:
        assert alias in html


def test_reader_links_entities_and_figures(client, ids):
    doc = ids["documents"]["000_7216f30cd03e4256.txt"]
    html = client.get(f"/documents/{doc}").text
    zone = ids["entities"]["两江协同创新区"]
    assert f'<a class="ent t-zone" href="/entities/{zone}" title="两江协同创新区">两江协同创新区</a>' in html
    figures = re.findall(r'<a class="fig" data-indicator="(\d+)" href="/indicators/\1">([^<]*)</a>', html)
    assert "建成科技研发平台80余个" in {text for _, text in figures}


def test_document_text_is_escaped(client, ids):
    html = client.get(f"/documents/{ids['documents']['hostile.txt']}").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and '<a href="javascript' not in html
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html
    assert 'href="javascript' not in html
    assert "&lt;script&gt;alert(6)&lt;/script&gt;" in html  # the outlet


def test_search_page_escapes_titles_and_snippets(client):
    html = client.get("/search?q=测试园区").text
    assert "<img" not in html and "<script>alert" not in html
    assert "&lt;img src=x" in html


def test_documents_page_filters_by_entity_like_its_json_twin(client, ids):
    zone = ids["entities"]["两江协同创新区"]
    twin = client.get("/api/documents", params={"entity": zone}).json()
    html = client.get(f"/documents?entity={zone}").text
    assert twin["total"] == 3 and twin["total_exact"] is True
    assert f'href="/api/documents?entity={zone}"' in html
    listed = re.findall(r'<a class="doc" href="/documents/(\d+)">', html)
    assert [int(i) for i in listed] == [d["id"] for d in twin["items"]]


def test_capped_totals_say_at_least(client, ids, monkeypatch):
    from innoatlas.store import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 2)
    zone = ids["entities"]["两江协同创新区"]
    page = client.get("/api/indicators", params={"subject": zone, "limit": 1}).json()
    assert (page["total"], page["total_exact"], len(page["items"])) == (2, False, 1)
    html = client.get(f"/entities/{zone}").text
    assert '<h2>指标 <span class="muted">2+</span></h2>' in html
