"""Static files: gzipped, cached by the browser as long as they can be; a favicon; offline API docs."""

from __future__ import annotations


def test_echarts_is_gzipped_and_kept_for_a_month(client):
    response = client.get("/static/vendor/echarts.min.js", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["cache-control"] == "public, max-age=2592000"
    # httpx decodes the body: what arrived compressed is the whole script.
    assert int(response.headers.get("content-length", "0")) < len(response.content) / 2


def test_own_scripts_are_revalidated(client):
    response = client.get("/static/style.css")
    assert response.headers["cache-control"] == "no-cache"
    assert (
        client.get("/static/style.css", headers={"If-None-Match": response.headers["etag"]}).status_code
        == 304
    )


def test_every_page_names_a_favicon_that_exists(client):
    assert '<link rel="icon" href="/favicon.ico"' in client.get("/").text
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"


def test_api_docs_load_nothing_from_another_host(client):
    for path in ("/docs", "/redoc"):
        page = client.get(path).text
        assert "/static-docs/" in page
        assert "http://" not in page and "https://" not in page, path
    assert client.get("/static-docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static-docs/redoc.standalone.js").status_code == 200
