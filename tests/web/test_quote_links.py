"""Every quote of the pages links to its document at the sentence it came from."""

from __future__ import annotations

import re

import pytest

QUOTE_LINK = re.compile(r'class="quote-link" href="(/documents/\d+)#([imr]-\d+)"[^>]*>([^<]+)<')
SENTENCE = r'<span class="sent" id="s-\d+">((?:(?!<span class="sent").)*?id="{anchor}".*?)</span>(?=<span class="sent"|</article>)'


def sentence_of(page: str, anchor: str) -> str | None:
    found = re.search(SENTENCE.format(anchor=anchor), page, re.S)
    return re.sub("<[^>]+>", "", found.group(1)) if found else None


@pytest.mark.parametrize(
    "path",
    [
        "/entities/{zone}",
        "/relations?entity=两江新区",
        "/analysis/timeline?subject=两江新区",
        "/analysis/compare?units=两江新区,两江协同创新区",
    ],
)
def test_each_quote_link_lands_on_the_sentence_holding_the_quote(client, ids, path):
    page = client.get(path.format(zone=ids["entities"]["两江协同创新区"])).text
    links = QUOTE_LINK.findall(page)
    assert links, path
    documents: dict[str, str] = {}
    for document, anchor, quote in links[:15]:
        text = documents.setdefault(document, client.get(document).text)
        sentence = sentence_of(text, anchor)
        assert sentence is not None, (path, document, anchor)
        assert quote.strip()[:6] in sentence, (path, anchor, quote, sentence)
