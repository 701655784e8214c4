"""One JSON error shape for every API error, defined in app.error_body and locked here."""

from __future__ import annotations

from fastapi.testclient import TestClient

from innoatlas.web.app import create_app, error_body


def test_error_body_shape():
    assert error_body(404, "no entity with id 7") == {
        "error": {"status": 404, "code": "not_found", "message": "no entity with id 7", "detail": []}
    }


def test_missing_entity_is_404(kb):
    client, _ = kb
    response = client.get("/api/entities/999999")
    assert response.status_code == 404
    assert response.json() == error_body(404, "no entity with id 999999")


def test_missing_document_indicator_and_graph_are_404(kb):
    client, _ = kb
    for url, what in [
        ("/api/documents/999999", "document"),
        ("/api/indicators/999999", "indicator"),
        ("/api/graph/999999", "entity"),
        ("/api/series?subject=999999&metric_key=x", "entity"),
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json() == error_body(404, f"no {what} with id 999999")


def test_unknown_route_is_404(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json() == error_body(404, "Not Found")


def test_validation_error_is_422(client):
    response = client.get("/api/indicators/abc")  # (an entity is found by name as well as by id)
    assert response.status_code == 422
    assert response.json() == error_body(
        422,
        "invalid request parameters",
        [
            {
                "loc": ["path", "indicator_id"],
                "message": "Input should be a valid integer, unable to parse string as an integer",
            }
        ],
    )
    response = client.get("/api/graph/1?depth=9")
    assert response.status_code == 422
    assert response.json()["error"]["detail"] == [
        {"loc": ["query", "depth"], "message": "Input should be less than or equal to 3"}
    ]


def test_unexpected_error_is_500(gold_store):
    app = create_app(gold_store)

    @app.get("/api/broken")
    def broken():
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/broken")
    assert response.status_code == 500
    assert response.json() == error_body(500, "internal server error")


def test_pages_show_errors_as_html(client):
    response = client.get("/entities/999999")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "没有编号为 999999 的实体。" in response.text  # in the page's language (Chinese by default)
