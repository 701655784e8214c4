"""Browsing the lists: names in place of ids, facets, sort, a relations list, CSV twins of every view."""

from __future__ import annotations

import csv
import io
import re

import pytest


def csv_rows(response) -> list[dict]:
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))


def test_a_region_filter_takes_the_name_and_the_id_alike(client, ids):
    zone = ids["entities"]["两江协同创新区"]
    by_id = client.get(f"/api/entities?region={zone}").json()
    by_name = client.get("/api/entities", params={"region": "两江协同创新区"}).json()
    assert by_name["items"] == by_id["items"] and by_name["total"] > 0
    assert set(by_name) >= {"items", "total", "limit", "offset", "facets"}


def test_an_unknown_name_is_a_clear_404(client):
    response = client.get("/api/entities", params={"region": "没有这个地方"})
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "no entity named '没有这个地方'"


def test_a_name_of_digits_from_another_script_is_a_name_not_an_id(client):
    for name in ("²", "٣", "１２"):
        response = client.get("/api/coverage", params={"entity": name})
        assert response.status_code == 404, name
        assert client.get("/api/entities", params={"region": name}).status_code == 404


def test_entity_facets_count_the_filtered_rows(client):
    zones = client.get("/api/entities", params={"type": "zone", "limit": 500}).json()
    assert zones["facets"]["type"] == [{"value": "zone", "count": zones["total"]}]
    region = zones["facets"]["region"][0]
    narrowed = client.get("/api/entities", params={"type": "zone", "region": region["value"]}).json()
    assert narrowed["total"] == region["count"]


def test_entities_sort_by_name_both_ways(client):
    up = [e["name"] for e in client.get("/api/entities?type=zone&sort=name&limit=500").json()["items"]]
    down = [e["name"] for e in client.get("/api/entities?type=zone&sort=-name&limit=500").json()["items"]]
    assert up == sorted(up) and down == up[::-1]
    assert client.get("/api/entities?sort=id").status_code == 422


def test_the_csv_of_a_filtered_view_has_every_row_of_it(client):
    params = {"type": "industry"}
    page = client.get("/api/entities", params={**params, "limit": 500}).json()
    rows = csv_rows(client.get("/api/entities", params={**params, "format": "csv"}))
    assert [r["name"] for r in rows] == [e["name"] for e in page["items"]]
    assert len(rows) == page["total"] > 50  # more than a default page: the whole list


def test_the_relations_list_filters_by_either_end_and_counts_predicates(client):
    page = client.get("/api/relations", params={"entity": "两江新区", "limit": 500}).json()
    assert page["total"] > 0
    assert all("两江新区" in (r["subject"]["name"], r["object"]["name"]) for r in page["items"])
    counts = {f["value"]: f["count"] for f in page["facets"]["predicate"]}
    assert sum(counts.values()) == page["total"]
    predicate = next(iter(counts))
    only = client.get("/api/relations", params={"entity": "两江新区", "predicate": predicate}).json()
    assert only["total"] == counts[predicate]
    rows = csv_rows(client.get("/api/relations", params={"entity": "两江新区", "format": "csv"}))
    assert len(rows) == page["total"] and set(rows[0]) >= {"subject", "predicate", "object", "quote"}


def test_document_facets_by_outlet_and_year(client):
    page = client.get("/api/documents").json()
    outlet = page["facets"]["outlet"][0]
    assert client.get("/api/documents", params={"outlet": outlet["value"]}).json()["total"] == outlet["count"]
    year = page["facets"]["year"][0]
    assert client.get("/api/documents", params={"year": year["value"]}).json()["total"] == year["count"]


@pytest.mark.parametrize(
    "path", ["/entities?region=两江协同创新区", "/documents", "/relations?entity=两江新区"]
)
def test_each_list_page_links_its_json_and_csv_twins(client, path):
    page = client.get(path).text
    assert 'class="json-export"' in page and 'class="csv-export"' in page
    assert "format=csv" in page


def test_a_profile_a_graph_and_a_series_take_the_entity_by_name(client, ids):
    zone = ids["entities"]["两江协同创新区"]
    assert client.get("/api/entities/两江协同创新区").json() == client.get(f"/api/entities/{zone}").json()
    assert client.get("/api/graph/两江协同创新区").json() == client.get(f"/api/graph/{zone}").json()
    by_name = client.get(
        "/api/series", params={"subject": "两江协同创新区", "metric_key": "科技研发平台数量"}
    )
    by_id = client.get("/api/series", params={"subject": zone, "metric_key": "科技研发平台数量"})
    assert by_name.json() == by_id.json() and by_name.json()["total"] > 0
    assert (
        client.get("/api/entities/没有这个实体").json()["error"]["message"]
        == "no entity named '没有这个实体'"
    )


def test_search_facets_link_regions_by_name(client):
    page = client.get("/search", params={"q": "两江"}).text
    assert re.search(r"region=%[0-9A-F]{2}", page)
    assert not re.search(r"region=[0-9]+[&\"]", page)
    region = client.get("/api/search", params={"q": "两江"}).json()["facets"]["region"]
    first = next(iter(region.values()))
    by_name = client.get("/api/search", params={"q": "两江", "region": first["name"]}).json()
    by_id = client.get("/api/search", params={"q": "两江", "region": first["id"]}).json()
    assert by_name["items"] == by_id["items"] and by_name["total"] == by_id["total"]


@pytest.mark.parametrize("path", ["/api/indicators", "/api/relations", "/api/documents"])
def test_a_date_range_keeps_the_facts_of_documents_published_in_it(client, path):
    everything = client.get(path, params={"limit": 500}).json()
    ranged = client.get(path, params={"limit": 500, "since": "2021-01-01", "until": "2023-12-31"}).json()
    assert 0 < ranged["total"] < everything["total"]

    def published(item):
        return item["published"] if path == "/api/documents" else (item["document"] or {}).get("published")

    assert all("2021-01-01" <= (published(i) or "") <= "2023-12-31" for i in ranged["items"])
    assert client.get(path, params={"since": "2024-13-01"}).status_code == 422


def test_the_industry_facet_counts_what_the_industry_filter_keeps(client):
    facets = client.get("/api/entities", params={"type": "enterprise"}).json()["facets"]
    assert facets["industry"]
    for industry in facets["industry"][:3]:
        kept = client.get(
            "/api/entities", params={"type": "enterprise", "industry": industry["value"]}
        ).json()
        assert kept["total"] == industry["count"], industry
