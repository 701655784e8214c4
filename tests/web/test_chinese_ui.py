"""The Chinese interface shows no English: labels, legends, dropdowns, statuses and error pages."""

from __future__ import annotations

import re

from lxml import html

from tests.web.gold_kb import HOSTILE_TEXT

# Words that are names, not English prose: the product, the API and formats, the language switch.
ALLOWED = {"innoatlas", "API", "JSON", "CSV", "English"}
HOSTILE_WORDS = set(re.findall(r"[A-Za-z][A-Za-z_]{2,}", HOSTILE_TEXT)) | {
    "img",
    "src",
    "onerror",
    "alert",
    "hostile",
}


def english_words(page: str) -> set[str]:
    """Latin words a reader sees (text, placeholders, titles, labels), scripts and code left out."""
    tree = html.fromstring(page)
    # Document text (the reader) and entity names are the documents', not the interface's.
    for hidden in tree.xpath(
        "//script | //style | //code | //article[contains(@class, 'reader')] | //a[contains(@class, 'ent')]"
    ):
        hidden.drop_tree()
    seen = " ".join(tree.itertext()) + " " + " ".join(tree.xpath("//@placeholder | //@title | //@aria-label"))
    return {w for w in re.findall(r"[A-Za-z][A-Za-z_]{2,}", seen)} - ALLOWED


def test_the_chinese_pages_show_no_english(client, ids):
    zone = ids["entities"]["两江协同创新区"]
    document = ids["documents"]["000_7216f30cd03e4256.txt"]
    paths = [
        "/",
        "/entities",
        f"/entities/{zone}",
        "/documents",
        f"/documents/{document}",
        "/indicators",
        "/regions",
        "/search?q=两江",
        "/review",
        f"/review/documents/{document}",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        # File names of the documents are names too.
        # The test base holds a document of markup shown as text (its words are the document's).
        words = english_words(response.text) - HOSTILE_WORDS - {"txt"}
        assert words == set(), path


def test_a_missing_page_and_a_missing_entity_are_said_in_chinese(client):
    missing = client.get("/no-such-page")
    assert missing.status_code == 404
    assert english_words(missing.text) == set()
    assert "没有找到" in missing.text
    entity = client.get("/entities/999999")
    assert "没有编号为 999999 的实体。" in entity.text
    assert client.get("/entities/999999?lang=en").text.count("no entity with id 999999") == 1
    # The API keeps its English message.
    assert client.get("/api/entities/999999").json()["error"]["message"] == "no entity with id 999999"


def test_the_network_legend_names_types_in_chinese(client, ids):
    page = client.get(f"/entities/{ids['entities']['两江协同创新区']}").text
    assert '"zone": "\\u56ed\\u533a"' in page  # 园区, as the page's JSON writes it
