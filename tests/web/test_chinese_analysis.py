"""The Chinese analysis pages show no English: headings, legends, method notes, dropdown values."""

from __future__ import annotations

import re

import pytest

from tests.web.test_chinese_ui import english_words

# Names, not prose: the methods' authors and algorithms, units, file formats.
ALLOWED = {
    "Louvain",
    "GraphML",
    "Parquet",
    "parquet",
    "graphml",
    "csv",
    "indicators",
    "network",
    "conflicts",
    "index",
}

PAGES = [
    "/analysis",
    "/analysis/timeline",
    "/analysis/timeline?subject=两江新区",
    "/analysis/chain?industry=新能源汽车",
    "/analysis/chain?industry=新能源汽车&region=两江新区",
    "/analysis/network",
    "/analysis/compare?units=两江新区,沙坪坝区",
    "/analysis/index",
    "/analysis/index?units=两江新区,沙坪坝区,重庆高新区&normalisation=zscore&weighting=chains&missing=lowest",
]


@pytest.fixture(scope="module")
def name_words(client) -> set[str]:
    """Latin words of entity names (AI City, Cytiva): the documents' words, not the interface's."""
    words: set[str] = set()
    offset = 0
    while True:
        page = client.get("/api/entities", params={"limit": 500, "offset": offset}).json()
        words |= {w for e in page["items"] for w in re.findall(r"[A-Za-z][A-Za-z_]{2,}", e["name"])}
        offset += len(page["items"])
        if not page["items"] or offset >= page["total"]:
            return words


@pytest.mark.parametrize("path", PAGES)
def test_the_chinese_analysis_pages_show_no_english(client, name_words, path):
    page = client.get(path)
    assert page.status_code == 200, page.text[:300]
    assert english_words(page.text) - ALLOWED - name_words == set(), path
