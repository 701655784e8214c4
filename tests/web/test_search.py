"""Chinese-aware search: substrings of any length, traditional script, facets."""

from __future__ import annotations

from innoatlas.store.read import search_common
from innoatlas.store.read.search import _match_index, _match_like, fold_query


def search(client, q: str, **params) -> dict:
    response = client.get("/api/search", params={"q": q, "limit": 100, **params})
    assert response.status_code == 200, response.text
    return response.json()


def entity_names(result: dict) -> list[str]:
    return [i["name"] for i in result["items"] if i["kind"] == "entity"]


def test_fold_query():
    assert fold_query(" 協同創新 ") == "协同创新"
    assert fold_query("ＡＩ　City") == "ai city"


def test_two_characters_find_longer_names(kb):
    client, _ = kb
    names = entity_names(search(client, "两江"))
    assert names[0] == "两江新区"
    assert {"两江协同创新区", "重庆两江新区", "两江新区科技创新局"} <= set(names)


def test_traditional_query_finds_simplified_text(kb):
    client, _ = kb
    result = search(client, "協同創新")
    assert result["folded"] == "协同创新"
    assert "两江协同创新区" in entity_names(result)
    assert result["document_total"] >= 1


def test_aliases_are_searched(kb):
    client, _ = kb
    # the traditional alias folds to the simplified name; the alias table holds it too
    assert "两江协同创新区" in entity_names(search(client, "兩江協同創新區"))


def test_every_term_must_match(kb):
    client, _ = kb
    names = entity_names(search(client, "两江 创新局"))
    assert names == ["两江新区科技创新局"]


def test_facets_and_filters(kb):
    client, _ = kb
    result = search(client, "两江")
    assert result["facets"]["type"]["zone"] == 5
    only_zones = search(client, "两江", type="zone")
    assert {i["type"] for i in only_zones["items"] if i["kind"] == "entity"} == {"zone"}
    assert only_zones["entity_total"] == 5
    year = next(iter(result["facets"]["year"]))
    by_year = search(client, "两江", year=int(year))
    assert by_year["document_total"] == result["facets"]["year"][year]


def test_document_snippet_is_original_text(kb):
    client, _ = kb
    docs = [i for i in search(client, "協同創新")["items"] if i["kind"] == "document"]
    assert all(d["snippet"]["match"] in ("协同创新", "協同創新") for d in docs)


def test_index_and_like_paths_agree(gold_store):
    with gold_store.session() as session:
        # Terms of one or two characters go through the trigram vocabulary.
        for terms in (
            ["两江新区"],
            ["协同创新"],
            ["科学城", "沙坪坝"],
            ["两江"],
            ["两江", "创新局"],
            ["渝"],
            ["新局"],
        ):
            by_index = _match_index(session, terms)
            by_like = _match_like(session, terms)
            assert by_index == by_like, terms
            assert by_like[0] or by_like[1], terms


def test_empty_query(client):
    result = search(client, "   ")
    assert result["total"] == 0 and result["items"] == []


def test_the_search_page_says_about_before_an_estimated_total(client, monkeypatch):
    monkeypatch.setattr(search_common, "COMMON_MATCHES", 0)
    monkeypatch.setattr("innoatlas.web.pages.PAGE_SIZE", 2)  # the list goes on past the page
    html = client.get("/search", params={"q": "两江"}).text
    assert "约" in html.split("<aside", 1)[0]
    page = client.get("/api/search", params={"q": "两江", "limit": 2}).json()
    assert page["total_is_estimate"] is True
