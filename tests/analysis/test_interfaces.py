"""The analysis through the CLI, the JSON API and the web pages (each page has a JSON twin)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from innoatlas.cli import app
from innoatlas.web.app import create_app


@pytest.fixture(scope="module")
def client(corpus_store):
    return TestClient(create_app(corpus_store))


def run_cli(corpus_store, *args):
    return CliRunner().invoke(app, [*args, "--db", corpus_store.url])


def test_cli_chain_lists_leaders_and_gaps(corpus_store):
    result = run_cli(corpus_store, "chain", "新能源汽车", "--region", "沙坪坝")
    assert result.exit_code == 0, result.output
    assert "赛力斯" in result.output and "缺失环节" in result.output and "动力电池" in result.output


def test_cli_timeline_flags_the_conflict(corpus_store):
    result = run_cli(corpus_store, "timeline", "两江协同创新区", "--metric", "rd_institutions")
    assert result.exit_code == 0, result.output
    assert "已被更新" in result.output and "数值冲突 (conflicts): 1" in result.output


def test_cli_index_of_two_units_says_why_it_cannot_rank(corpus_store):
    result = run_cli(corpus_store, "index", "两江协同创新区", "东湖高新区", "--draws", "50")
    assert result.exit_code == 1
    assert "无法排名：只选了 2 个单位，至少需要 3 个" in result.output


def test_cli_errors_are_one_line(corpus_store):
    result = run_cli(corpus_store, "chain", "火箭")
    assert result.exit_code == 1
    assert "error: no chain template for '火箭'" in result.output


def test_cli_export_writes_parquet(corpus_store, tmp_path):
    result = run_cli(corpus_store, "export", "indicators", "--out", str(tmp_path / "i.parquet"))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("wrote ") and (tmp_path / "i.parquet").stat().st_size > 0


def test_chain_page_and_its_json_twin_show_the_same_leaders(client):
    page = client.get("/analysis/chain", params={"industry": "新能源汽车", "region": "沙坪坝"})
    twin = client.get("/api/analysis/chain", params={"industry": "新能源汽车", "region": "沙坪坝"})
    assert page.status_code == twin.status_code == 200
    leaders = [a["entity"]["name"] for a in twin.json()["roles"]["leaders"]["items"]]
    assert "赛力斯" in leaders
    for name in leaders:
        assert name in page.text
    assert "链主企业" in page.text and "缺失环节（补链目标）" in page.text
    assert 'href="/api/analysis/chain?industry=' in page.text
    assert (
        "Chain leaders" in client.get("/analysis/chain", params={"industry": "新能源汽车", "lang": "en"}).text
    )


def test_timeline_page_marks_conflicting_points(client):
    page = client.get("/analysis/timeline", params={"subject": "两江协同创新区"})
    assert page.status_code == 200
    assert page.text.count('class="conflict"') >= 2 and "已被更新" in page.text


def test_compare_index_and_network_pages_render_their_data(client):
    compare = client.get("/analysis/compare", params={"units": "两江协同创新区,东湖高新区"})
    assert compare.status_code == 200 and "渝北科技报" in compare.text and "研发机构（新型）" in compare.text
    index = client.get("/api/analysis/index", params={"seed": 1, "draws": 100})
    assert index.json() == client.get("/api/analysis/index", params={"seed": 1, "draws": 100}).json()
    page = client.get("/analysis/index", params={"seed": 1, "draws": 100})
    assert index.json()["message"] in page.text
    network = client.get("/analysis/network")
    assert network.status_code == 200 and "跨地区联系" in network.text and "天府新区" in network.text


def test_api_errors_use_the_one_error_shape(client):
    response = client.get("/api/analysis/timeline", params={"subject": "不存在区"})
    assert response.status_code == 404
    assert response.json()["error"]["message"].startswith("no entity named '不存在区'")
    bad = client.get("/api/analysis/index", params={"weighting": "random"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_request"


def test_exports_download(client):
    response = client.get("/api/analysis/export/network.graphml")
    assert response.status_code == 200 and response.text.startswith("<?xml")
    assert 'filename="network.graphml"' in response.headers["content-disposition"]


def test_a_negative_index_seed_is_a_parameter_error_not_a_server_error(client):
    answer = client.get("/api/analysis/index", params={"seed": -1, "draws": 10})
    assert answer.status_code == 422
    assert client.get("/analysis/index", params={"seed": -1}).status_code == 422


# -- the index options: one definition read by the CLI, the API and the page ----------------


def test_the_cli_the_api_and_the_page_read_the_same_index_options(corpus_store, client):
    units = "两江协同创新区,东湖高新区,重庆高新区"
    cli = run_cli(corpus_store, "index", units, "--draws", "20", "--seed", "4", "--json")
    assert cli.exit_code in (0, 1), cli.output
    api = client.get("/api/analysis/index", params={"units": units, "draws": 20, "seed": 4})
    assert api.status_code == 200
    assert json.loads(cli.stdout)["method"] == api.json()["method"]
    assert [u["name"] for u in api.json()["units"]] == [u["name"] for u in json.loads(cli.stdout)["units"]]
    page = client.get("/analysis/index", params={"units": units, "draws": 20, "seed": 4})
    assert page.status_code == 200 and 'value="两江协同创新区,东湖高新区,重庆高新区"' in page.text


def test_an_index_option_out_of_range_is_refused_by_the_cli_as_by_the_api(corpus_store, client):
    assert client.get("/api/analysis/index", params={"draws": 20001}).status_code == 422
    result = run_cli(corpus_store, "index", "--draws", "20001")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: index option draws: input should be less than or equal to 20000"
    ]


def test_an_unknown_index_method_names_the_choices_in_the_cli_and_the_api(corpus_store, client):
    expected = "unknown normalisation 'median' (choose one of minmax, zscore, rank)"
    answer = client.get("/api/analysis/index", params={"normalisation": "median"})
    assert (answer.status_code, answer.json()["error"]["message"]) == (400, expected)
    result = run_cli(corpus_store, "index", "--normalisation", "median")
    assert result.exit_code == 1 and result.output.strip() == f"error: {expected}"


def test_the_chain_map_comes_in_pages_of_actors_per_role_and_segment(client, corpus_store):
    from innoatlas.analysis.chain_map import build_chain_map

    with corpus_store.session() as session:
        whole = build_chain_map(session, "新能源汽车")
    first = client.get("/api/analysis/chain", params={"industry": "新能源汽车", "limit": 2}).json()
    enterprises = whole["roles"]["enterprises"]
    assert len(enterprises) > 3
    for role, actors in whole["roles"].items():
        assert first["roles"][role] == {"items": actors[:2], "total": len(actors), "limit": 2, "offset": 0}
    for segment, paged in zip(whole["segments"], first["segments"], strict=True):
        assert paged["actors"]["items"] == segment["actors"][:2] and paged["actors"]["total"] == len(
            segment["actors"]
        )
    assert [g["key"] for g in first["gaps"]] == [g["key"] for g in whole["gaps"]]
    assert first["unplaced"]["total"] == len(whole["unplaced"])
    later = client.get(
        "/api/analysis/chain",
        params={"industry": "新能源汽车", "limit": 2, "offset": 2, "part": "enterprises"},
    ).json()
    assert later["roles"]["enterprises"]["items"] == enterprises[2:4]
    assert later["roles"]["leaders"]["offset"] == 0  # the other lists show their first page
    bad = client.get("/api/analysis/chain", params={"industry": "新能源汽车", "part": "火箭"})
    assert bad.status_code == 400 and "bad part '火箭'" in bad.json()["error"]["message"]


def test_the_chain_page_pages_a_role_past_its_first_fifty_actors(client, monkeypatch):
    from innoatlas.web import analysis_pages

    monkeypatch.setattr(analysis_pages, "DEFAULT_LIMIT", 2)
    page = client.get("/analysis/chain", params={"industry": "新能源汽车"}).text
    industry = "industry=%E6%96%B0%E8%83%BD%E6%BA%90%E6%B1%BD%E8%BD%A6"
    assert f'href="/analysis/chain?offset=2&amp;{industry}&amp;part=enterprises"' in page
    twin = client.get(
        "/api/analysis/chain",
        params={"industry": "新能源汽车", "limit": 2, "offset": 2, "part": "enterprises"},
    )
    second = client.get(
        "/analysis/chain", params={"industry": "新能源汽车", "part": "enterprises", "offset": 2}
    ).text
    names = [a["entity"]["name"] for a in twin.json()["roles"]["enterprises"]["items"]]
    table = second.split('data-role="enterprises"')[1].split("</table>")[0]
    assert names and all(name in table for name in names)
