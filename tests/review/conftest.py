"""A small knowledge base ingested from sentences written for these tests, with two users."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from innoatlas.auth import add_user, create_token
from innoatlas.pipeline import ingest_paths
from innoatlas.web.app import create_app

ARTICLE = (
    "两江新区聚力打造科技创新高地\n"
    "2024年3月5日\n"
    "截至2023年底，两江新区已集聚研发平台120余个，高新技术企业达到1500家。"
    "重庆大学与长安汽车签订战略合作协议，共建智能网联汽车研究院。"
    "2023年两江新区规上工业增加值同比增长8.5%。\n"
)
# A later version of the same page: one more sentence at the end, the rest unchanged.
ADDENDUM = "全年新增科技型企业300家。\n"


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "corpus" / "liangjiang.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def kb(store, article):
    report = ingest_paths([article], store)
    assert report.counts["new"] == 1, report.failures
    return store


@pytest.fixture
def tokens(kb) -> dict[str, str]:
    with kb.transaction() as session:
        add_user(session, "analyst", "editor")
        add_user(session, "reader", "viewer")
        return {"editor": create_token(session, "analyst"), "viewer": create_token(session, "reader")}


@pytest.fixture
def client(kb, tokens):
    with TestClient(create_app(kb), raise_server_exceptions=False) as c:
        c.headers["Authorization"] = f"Bearer {tokens['editor']}"
        yield c


def reingest(store, article: Path, text: str | None = None) -> None:
    """Ingest a changed version of the article: its facts are deleted and extracted again."""
    article.write_text(text or ARTICLE + ADDENDUM, encoding="utf-8")
    report = ingest_paths([article], store)
    assert report.counts["changed"] == 1, report.outcomes
