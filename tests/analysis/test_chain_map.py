"""Industrial chain maps: roles with evidence, region scope, segments and gaps."""

from __future__ import annotations

from datetime import date

import pytest

from innoatlas.analysis import AnalysisError
from innoatlas.analysis.chain_map import build_chain_map, find_template
from innoatlas.text import fold_name


def names(actors: list[dict]) -> list[str]:
    return [a["entity"]["name"] for a in actors]


def all_actors(chain_map: dict) -> dict[str, dict]:
    return {a["entity"]["name"]: a for actors in chain_map["roles"].values() for a in actors}


def test_new_energy_vehicles_around_shapingba_on_the_seeds(corpus):
    chain_map = build_chain_map(corpus, "新能源汽车", "沙坪坝")
    assert chain_map["chain"]["name"] == "新能源汽车"
    assert chain_map["region"]["name"] in ("沙坪坝", "沙坪坝区")
    leaders = {a["entity"]["name"]: a for a in chain_map["roles"]["leaders"]}
    seres = leaders["赛力斯"]
    leader_quotes = [e["quote"] or "" for e in seres["evidence"] if e["predicate"] == "chain_leader_of"]
    # at least one quote names the firm itself as a leader (龙头企业), in either script
    assert any("赛力斯" in q or "賽力斯" in q for q in leader_quotes), leader_quotes
    actors = all_actors(chain_map)
    # the article calls them parts firms next to a 链主 it does not name: parts, not suppliers of a client
    assert not {fold_name(n) for n in names(chain_map["roles"]["suppliers"])} & {"拓普集团", "文灿股份"}
    for firm in ("拓普集团", "文灿股份"):
        assert any(firm in (e["quote"] or "") for e in actors[firm]["evidence"]), firm
    # 长安 leads the chain in 两江新区, not in 沙坪坝
    assert not {"长安", "长安汽车"} & {fold_name(n) for n in actors}
    parts = next(s for s in chain_map["segments"] if s["key"] == "parts")
    assert "文灿股份" in [a["name"] for a in parts["actors"]]
    assert "batteries" in [g["key"] for g in chain_map["gaps"]]


def test_without_a_region_every_leader_of_the_chain_is_listed(corpus):
    leaders = {fold_name(n) for n in names(build_chain_map(corpus, "智能网联新能源汽车")["roles"]["leaders"])}
    assert {"赛力斯", "长安"} <= leaders


def build_vehicle_chain(kb):
    for name, kind in (
        ("沙坪坝区", "region"),
        ("两江新区", "zone"),
        ("青凤高科产业园", "zone"),
        ("新能源汽车", "industry"),
        ("动力电池", "industry"),
        ("赛力斯", "enterprise"),
        ("拓普集团", "enterprise"),
        ("文灿股份", "enterprise"),
        ("长安汽车", "enterprise"),
        ("重庆大学", "university"),
        ("某某产业基金", "investor"),
        ("汽车软件创新研究平台", "platform"),
    ):
        kb.entity(name, kind)
    kb.document("nev.txt", "沙坪坝区新能源汽车产业链的报道。", "示例日报", date(2024, 1, 5))
    rows = [
        ("青凤高科产业园", "located_in", "沙坪坝区", "沙坪坝区青凤高科产业园"),
        ("赛力斯", "located_in", "青凤高科产业园", "赛力斯工厂落户青凤高科产业园"),
        ("拓普集团", "located_in", "沙坪坝区", "拓普集团在沙坪坝区投产"),
        ("文灿股份", "located_in", "沙坪坝区", "文灿股份落户沙坪坝区"),
        ("汽车软件创新研究平台", "located_in", "沙坪坝区", "沙坪坝区建设汽车软件创新研究平台"),
        ("长安汽车", "located_in", "两江新区", "两江新区的长安汽车"),
        ("重庆大学", "located_in", "沙坪坝区", "沙坪坝区的重庆大学"),
        ("某某产业基金", "located_in", "沙坪坝区", "某某产业基金注册于沙坪坝区"),
        ("赛力斯", "chain_leader_of", "新能源汽车", "以赛力斯为链主的新能源汽车产业"),
        ("长安汽车", "chain_leader_of", "新能源汽车", "长安汽车是新能源汽车龙头企业"),
        ("拓普集团", "supplies", "赛力斯", "拓普集团为赛力斯配套底盘系统"),
        ("文灿股份", "supplies", "新能源汽车", "文灿股份为新能源汽车提供压铸零部件配套"),
        ("重庆大学", "cooperates_with", "赛力斯", "重庆大学与赛力斯共建联合实验室"),
        ("某某产业基金", "invests_in", "拓普集团", "某某产业基金投资拓普集团"),
        ("汽车软件创新研究平台", "focuses_on", "新能源汽车", "汽车软件创新研究平台服务新能源汽车企业"),
        ("青凤高科产业园", "focuses_on", "新能源汽车", "青凤高科产业园聚焦新能源汽车"),
    ]
    for subject, predicate, obj, quote in rows:
        kb.relation(subject, predicate, obj, "nev.txt", quote)


def test_a_chain_map_assigns_roles_segments_and_gaps(make_store):
    build_vehicle_chain(make_store)
    with make_store.store.session() as session:
        chain_map = build_chain_map(session, "新能源汽车", "沙坪坝")
    roles = chain_map["roles"]
    assert names(roles["leaders"]) == ["赛力斯"]
    assert names(roles["suppliers"]) == ["拓普集团", "文灿股份"]
    assert names(roles["institutes"]) == ["重庆大学"]
    assert names(roles["platforms"]) == ["汽车软件创新研究平台"]
    assert names(roles["investors"]) == ["某某产业基金"]
    assert names(roles["zones"]) == ["青凤高科产业园"]
    supplier = roles["suppliers"][0]
    assert supplier["evidence"][0]["quote"] == "拓普集团为赛力斯配套底盘系统"
    assert supplier["evidence"][0]["document"]["outlet"] == "示例日报"
    by_segment = {s["key"]: [a["name"] for a in s["actors"]] for s in chain_map["segments"]}
    assert by_segment["parts"] == ["拓普集团", "文灿股份"]  # 底盘, 零部件
    assert by_segment["vehicles"] == ["赛力斯"]  # a leader with no segment of its own
    assert by_segment["intelligent"] == ["汽车软件创新研究平台"]
    assert {g["key"] for g in chain_map["gaps"]} == {
        "materials",
        "batteries",
        "chips",
        "electric_drive",
        "connected",
        "charging",
    }


def test_a_region_keeps_only_its_actors(make_store):
    build_vehicle_chain(make_store)
    with make_store.store.session() as session:
        everywhere = build_chain_map(session, "新能源汽车")
        liangjiang = build_chain_map(session, "新能源汽车", "两江新区")
    assert names(everywhere["roles"]["leaders"]) == ["赛力斯", "长安汽车"]
    assert names(liangjiang["roles"]["leaders"]) == ["长安汽车"]
    assert liangjiang["roles"]["suppliers"] == []


def test_templates_are_found_by_any_of_their_industries():
    assert find_template("智能网联汽车")["name"] == "新能源汽车"
    assert find_template("芯片")["name"] == "集成电路"
    assert find_template("新型显示产业")["name"] == "新型显示"
    assert find_template("生物医药")["name"] == "生物医药"
    with pytest.raises(
        AnalysisError,
        match="no chain template for '火箭' .templates: 新能源汽车、生物医药、集成电路、新型显示",
    ):
        find_template("火箭")
