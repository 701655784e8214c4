"""The four chains: where entities and indicators sit, and a zone's profile."""

from __future__ import annotations

from innoatlas.analysis.chains import chain_of_entity, chain_of_metric, four_chain_profile


def test_entities_are_placed_by_name_pattern_then_type():
    assert chain_of_entity("两江英才卡", "program") == "talent"
    assert chain_of_entity("天使投资引导基金", "program") == "capital"
    assert chain_of_entity("西部(重庆)科学城", "zone") == "innovation"
    assert chain_of_entity("青凤高科产业园", "zone") == "industry"
    assert chain_of_entity("吉芯科技", "enterprise") == "industry"  # a firm named 科技 is still a firm
    assert chain_of_entity("重庆大学", "university") == "innovation"
    assert chain_of_entity("平安银行", "investor") == "capital"
    assert chain_of_entity("沙坪坝区科技局", "government") is None
    assert chain_of_entity("沙坪坝区", "region") is None


def test_metrics_are_placed_by_key():
    assert chain_of_metric("rd_platforms") == "innovation"
    assert chain_of_metric("industrial_output") == "industry"
    assert chain_of_metric("fund_size") == "capital"
    assert chain_of_metric("high_end_talent") == "talent"
    assert chain_of_metric("ranking") is None


def test_four_chain_profile_of_liangjiang(corpus):
    profile = four_chain_profile(corpus, "两江新区")
    chains = profile["chains"]
    innovation = [e["name"] for e in chains["innovation"]["entities"]]
    industry = [e["name"] for e in chains["industry"]["entities"]]
    assert "北京理工大学重庆创新中心" in innovation
    assert {"长安汽车", "赛力斯", "京东方"} <= set(industry)
    assert chains["capital"]["indicators"], "two examples report loans and funds of 两江新区"
    # containment errors must not pull the city or another district inside the zone
    everything = {e["name"] for c in chains.values() for e in c["entities"]} | {
        e["name"] for e in profile["unplaced"]
    }
    assert "重庆" not in everything and "沙坪坝区" not in everything
