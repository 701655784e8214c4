"""The JSON API against the real app and a real database (the seeds with their gold facts)."""

from __future__ import annotations

import pytest

LIST_ROUTES = ["/api/entities", "/api/indicators", "/api/documents", "/api/search?q=创新"]


def get(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def test_entity_profile(kb):
    client, ids = kb
    zone = ids["entities"]["两江协同创新区"]
    profile = get(client, f"/api/entities/{zone}")
    assert profile["name"] == "两江协同创新区"
    assert profile["type"] == "zone"
    assert profile["aliases"] == ["兩江協同創新區"]
    assert profile["parent"] == {"id": ids["entities"]["两江新区"], "name": "两江新区", "type": "zone"}
    assert [e["name"] for e in profile["located_here"]] == [
        "空天科学技术教育部工程研究中心重庆分中心",
        "明月湖国际智能产业科创基地",
    ]
    assert profile["indicators"]["total"] == 7
    assert profile["indicators"]["items"][1]["quote"] == "建成科技研发平台80余个"
    predicates = sorted(
        (r["subject"]["name"], r["predicate"], r["object"]["name"]) for r in profile["relations"]["items"]
    )
    assert predicates == [
        ("两江协同创新区", "part_of", "两江新区"),
        ("两江协同创新区", "part_of", "两江新区"),
        ("北京理工大学重庆创新中心", "located_in", "两江协同创新区"),
        ("明月湖国际智能产业科创基地", "located_in", "两江协同创新区"),
        ("空天科学技术教育部工程研究中心重庆分中心", "located_in", "两江协同创新区"),
    ]
    assert all(r["quote"] and r["document"]["id"] for r in profile["relations"]["items"])
    assert profile["documents"]["total"] == 3


def test_entities_filter_by_type_and_region(kb):
    client, ids = kb
    zones = get(client, "/api/entities?type=zone&limit=5")
    assert zones["limit"] == 5 and zones["offset"] == 0
    assert len(zones["items"]) == 5 and {e["type"] for e in zones["items"]} == {"zone"}
    inside = get(client, f"/api/entities?region={ids['entities']['两江协同创新区']}")
    assert [e["name"] for e in inside["items"]] == [
        "空天科学技术教育部工程研究中心重庆分中心",
        "明月湖国际智能产业科创基地",
    ][::-1] or inside["total"] == 2
    assert inside["total"] == 2


def test_series_has_quote_and_document(kb):
    client, ids = kb
    zone = ids["entities"]["两江协同创新区"]
    series = get(client, f"/api/series?subject={zone}&metric_key=科技研发平台数量")
    assert series["subject"]["name"] == "两江协同创新区"
    assert series["total"] == 1
    [point] = series["items"]
    assert (point["period"], point["value"], point["unit"], point["approx"]) == (
        "2021-11-08",
        80.0,
        "个",
        "over",
    )
    assert point["quote"] == "建成科技研发平台80余个"
    assert point["document"]["id"] == ids["documents"]["000_7216f30cd03e4256.txt"]
    assert point["conflict"] is False


def test_indicators_filter_by_document_and_period(kb):
    client, ids = kb
    doc = ids["documents"]["000_7216f30cd03e4256.txt"]
    page = get(client, f"/api/indicators?document={doc}&period=2021-11&limit=3")
    assert page["total"] == 9
    assert [i["quote"] for i in page["items"]] == [
        "累计签约高校、科研院所等38家",
        "建成科技研发平台80余个",
        "导入高端研发人才1200余人",
    ]


def test_document_spans_point_at_the_original_text(kb):
    client, ids = kb
    doc = get(client, f"/api/documents/{ids['documents']['000_7216f30cd03e4256.txt']}")
    assert doc["indicators"], "the gold quotes are found in the document"
    for item in doc["indicators"] + doc["mentions"]:
        assert doc["norm"][item["start"] : item["end"]]
        text = doc["original"][item["original_start"] : item["original_end"]]
        assert text == (item["quote"] if "quote" in item else item["text"])


def test_graph_depth(kb):
    client, ids = kb
    zone = ids["entities"]["两江协同创新区"]
    one = get(client, f"/api/graph/{zone}?depth=1")
    assert [n["name"] for n in one["nodes"]] == [
        "两江协同创新区",
        "两江新区",
        "空天科学技术教育部工程研究中心重庆分中心",
        "北京理工大学重庆创新中心",
        "明月湖国际智能产业科创基地",
    ]
    part_of = [e for e in one["edges"] if e["predicate"] == "part_of"]
    assert len(part_of) == 1 and part_of[0]["count"] == 2
    [evidence] = part_of[0]["evidence"]  # the latest of the two rows
    assert evidence["quote"] and evidence["document"]["id"] and evidence["quote_cut"] is False
    assert one["truncated"] is False
    two = get(client, f"/api/graph/{zone}?depth=2")
    assert len(two["nodes"]) > len(one["nodes"])
    assert {n["depth"] for n in two["nodes"]} == {0, 1, 2}


def test_region_tree_nests_zones(kb):
    client, ids = kb
    tree = get(client, "/api/regions")

    def find(nodes, name):
        for n in nodes:
            if n["name"] == name:
                return n
            found = find(n["children"], name)
            if found:
                return found
        return None

    new_area = find(tree["items"], "两江新区")
    assert "两江协同创新区" in [c["name"] for c in new_area["children"]]
    science_city = find(tree["items"], "西部(重庆)科学城")
    assert {"北碚片区", "江津片区", "沙坪坝片区", "九龙坡片区"} <= {
        c["name"] for c in science_city["children"]
    }
    assert find(tree["items"], "两江协同创新区")["documents"] == 3


def test_summary_counts(kb):
    client, _ = kb
    summary = get(client, "/api/summary")
    assert summary["counts"]["documents"] == 6
    assert summary["top_zones"][0]["name"] == "两江新区"
    assert sum(summary["entity_types"].values()) == summary["counts"]["entities"]


@pytest.mark.parametrize("route", LIST_ROUTES)
def test_every_list_is_paginated(kb, route):
    client, _ = kb
    sep = "&" if "?" in route else "?"
    first = get(client, f"{route}{sep}limit=2&offset=0")
    second = get(client, f"{route}{sep}limit=2&offset=2")
    assert first["limit"] == 2 and second["offset"] == 2
    assert first["total"] == second["total"] > 4
    assert len(first["items"]) == 2 and first["items"] != second["items"]


def test_openapi_lists_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/api/search",
        "/api/entities",
        "/api/entities/{ref}",
        "/api/indicators",
        "/api/series",
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/graph/{ref}",
    } <= set(paths)
    assert client.get("/docs").status_code == 200


def find_node(nodes: list[dict], name: str, path: tuple = ()) -> tuple[dict, tuple] | tuple[None, tuple]:
    """The first node called `name` in the tree, and the names above it."""
    for n in nodes:
        if n["name"] == name:
            return n, path
        found, above = find_node(n["children"], name, (*path, n["name"]))
        if found:
            return found, above
    return None, ()


def test_region_tree_of_the_ingested_seeds_hangs_chongqing_under_chengyu(ingested_kb):
    client = ingested_kb
    tree = get(client, "/api/regions")
    zone, above = find_node(tree["items"], "两江协同创新区")
    assert above == ("成渝地区双城经济圈", "重庆市", "两江新区")
    assert zone["documents"] >= 3
    region = next(r for r in tree["items"] if r["name"] == "成渝地区双城经济圈")
    assert region["plan"].startswith("成渝地区双城经济圈建设规划纲要")
    chongqing = next(c for c in region["children"] if c["name"] == "重庆市")
    assert (
        chongqing["partial_member"] is True and chongqing["plan"] is None
    )  # the plan takes 27 districts and parts of two
    assert chongqing["documents"] > 0 and chongqing["entities"] > 0
    members = {m["name"]: (m["placed"], m["partial"]) for m in region["members"]}
    # 成都市 and 绵阳市 are members but stay under 四川省, which the plan does not take whole
    assert members["重庆市"] == (True, True) and members["成都市"] == (False, False)
    assert members["绵阳市"] == (False, True)
    _, above = find_node(tree["items"], "成都市")
    assert above == ("四川省",)


def test_region_tree_hangs_the_science_city_areas_under_it_and_not_under_its_layout(ingested_kb):
    client = ingested_kb
    tree = get(client, "/api/regions")
    city, above = find_node(tree["items"], "西部(重庆)科学城")
    assert above == ("成渝地区双城经济圈", "重庆市")
    areas = {c["name"] for c in city["children"]}
    assert {"沙坪坝片区", "九龙坡片区", "北碚片区", "江津片区", "璧山片区", "重庆高新区直管园"} <= areas
    assert "一核五区" not in areas and find_node(tree["items"], "一核五区")[0] is None
    [layout] = city["layouts"]
    assert layout["name"] == "一核五区" and layout["documents"] >= 1
    assert all(c["documents"] >= 1 for c in city["children"] if c["name"].endswith("片区"))


def test_every_list_of_the_api_has_one_shape(client):
    """items, total, limit, offset: the lists a client pages through the same way."""
    for path in (
        "/api/entities",
        "/api/documents",
        "/api/indicators",
        "/api/relations",
        "/api/metrics",
        "/api/search?q=两江",
        "/api/review/actions",
        "/api/review/gold",
        "/api/review/facts/indicators",
        "/api/regions",
        "/api/analysis/conflicts",
    ):
        body = client.get(path).json()
        assert {"items", "total", "limit", "offset"} <= set(body), path
        assert isinstance(body["items"], list) and body["total"] >= len(body["items"]), path
