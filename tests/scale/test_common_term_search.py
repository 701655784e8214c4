"""A common term's search reads its page off the order indexes: the same pages, estimated totals."""

from __future__ import annotations

from innoatlas.pipeline import ingest_paths
from innoatlas.store.read import search_common
from innoatlas.store.read.search import search


def _hits(result: dict) -> list[tuple[str, int]]:
    return [(i["kind"], i["id"]) for i in result["items"]]


def _every_page(session, term: str, size: int, **filters) -> tuple[list, list[dict]]:
    hits, pages, offset = [], [], 0
    while True:
        page = search(session, term, limit=size, offset=offset, **filters)
        if not page["items"]:
            return hits, pages
        hits += _hits(page)
        pages.append(page)
        offset += size


def test_a_common_terms_pages_are_the_exact_lists_pages_with_estimated_totals(store, examples, monkeypatch):
    ingest_paths([examples], store)
    with store.session() as session:
        exact = search(session, "科", limit=500)
        by_year = search(session, "科", limit=500, year=2024)
        zones = search(session, "科", limit=500, type="zone")
        monkeypatch.setattr(search_common, "COMMON_MATCHES", 0)  # every term counts as common
        paged, pages = _every_page(session, "科", 3)
        paged_year, _ = _every_page(session, "科", 3, year=2024)
        paged_zones, _ = _every_page(session, "科", 2, type="zone")
        past_the_entities = search(session, "科", limit=3, offset=exact["entity_total"] + 1)
    assert exact["total_exact"] is True and exact["total_is_estimate"] is False
    assert exact["entity_total"] > 3 and exact["document_total"] > 3
    # the pages tile the exact list: entities shortest name first, then documents newest first
    assert paged == _hits(exact)
    assert paged_year == _hits(by_year) and any(kind == "document" for kind, _ in paged_year)
    assert paged_zones == _hits(zones)
    assert pages[0]["total_is_estimate"] is True and pages[0]["total_exact"] is False
    assert pages[0]["facets"]["type"] and pages[0]["facets"]["year"]
    # the last page knows where the list ends: its total is exact
    assert pages[-1]["total_is_estimate"] is False
    assert pages[-1]["total"] == exact["total"]
    assert past_the_entities["entity_total"] == exact["entity_total"]
    assert _hits(past_the_entities) == _hits(exact)[exact["entity_total"] + 1 :][:3]


def test_a_rare_term_keeps_the_exact_path(store, examples):
    ingest_paths([examples], store)
    with store.session() as session:
        found = search(session, "两江")
    assert found["total_is_estimate"] is False and found["total_exact"] is True


def test_when_only_one_side_is_common_the_other_is_listed_whole_and_the_pages_still_tile(
    store, examples, monkeypatch
):
    ingest_paths([examples], store)
    with store.session() as session:
        exact = search(session, "科", limit=500)
        entities, documents = exact["entity_total"], exact["document_total"]
        assert entities != documents
        # the samples hold the whole small base: each side's estimate is its count
        monkeypatch.setattr(search_common, "COMMON_MATCHES", min(entities, documents))
        # the planner's estimates of a small base are rough: here the samples decide
        monkeypatch.setattr(search_common, "_surely_rare", lambda *_: False)
        paged, pages = _every_page(session, "科", 3)
    assert paged == _hits(exact)
    assert pages[0]["total_is_estimate"] is True
    side = "entity_total" if entities < documents else "document_total"
    assert pages[0][side] == exact[side]  # the side listed whole has its exact total


def test_a_term_the_indexes_call_rare_reads_no_sample(store, examples):
    ingest_paths([examples], store)
    with store.session() as session:
        assert search_common._surely_rare(session, ["两江"]) is True
        assert search_common.common_page(session, ["两江"], None, None, None, 50, 0, None) is None
