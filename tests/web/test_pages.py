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
    from innoatlas.store.read import common

    monkeypatch.setattr(common, "COUNT_CAP", 2)
    zone = ids["entities"]["两江协同创新区"]
    page = client.get("/api/indicators", params={"subject": zone, "limit": 1}).json()
    assert (page["total"], page["total_exact"], len(page["items"])) == (2, False, 1)
    html = client.get(f"/entities/{zone}").text
    assert '<h2>指标 <span class="muted">2+</span></h2>' in html


def test_region_page_shows_what_its_json_twin_returns(ingested):
    _, client = ingested
    tree = client.get("/api/regions").json()
    html = client.get("/regions").text
    region = next(r for r in tree["items"] if r["name"] == "成渝地区双城经济圈")
    chongqing = next(c for c in region["children"] if c["name"] == "重庆市")
    links = re.findall(r'href="/entities/(\d+)">([^<]+)</a>', html)
    # the economic region, then 重庆市 (in part) nested in it, before 四川省
    order = [name for _, name in links]
    assert (
        order.index("成渝地区双城经济圈")
        < order.index("重庆市")
        < order.index("两江新区")
        < order.index("两江协同创新区")
    )
    assert order.index("两江协同创新区") < order.index("四川省")
    assert (str(chongqing["id"]), "重庆市") in links
    assert re.search(
        r">重庆市</a> <span class=\"muted\">\(部分\)</span>\s*<span class=\"muted\">"
        rf"{chongqing['documents']} 文档数 · {chongqing['entities']} 实体数",
        html,
    )
    # the other members are listed with links, 绵阳市 as in part
    assert re.search(
        r"其他成员（见所属省份）:\s*<a[^>]*>成都市</a> · <a[^>]*>绵阳市</a> <span class=\"muted\">\(部分\)",
        html,
    )
    # the science city's layout is a label, its areas are the children
    assert re.search(
        r">西部\(重庆\)科学城</a>.*?布局:\s*<a[^>]*>一核五区</a>.*?<ul class=\"tree\">.*?>沙坪坝片区</a>",
        html,
        re.S,
    )
    assert f"成员依据: {region['plan']}" in html
    english = client.get("/regions?lang=en").text
    assert "Other members (under their province)" in english and "(in part)" in english
