"""A chain's second-hand actors are found round by round, each actor's relations read once."""

from __future__ import annotations

from datetime import date

from innoatlas.analysis import chain_map


def test_each_round_reads_only_the_relations_of_the_actors_it_added(make_store, monkeypatch):
    kb = make_store
    for name, type_ in (
        ("新能源汽车产业", "industry"),
        ("临江汽车集团", "enterprise"),
        ("临江精密部件公司", "enterprise"),
        ("临江产业基金", "investor"),
        ("江城创投母基金", "investor"),
        ("临江理工大学", "university"),
    ):
        kb.entity(name, type_)
    text = (
        "临江汽车集团是新能源汽车产业链主，临江精密部件公司为其配套，两家基金先后投资，临江理工大学参与合作。"
    )
    kb.document("chain", text, "示例日报", date(2024, 3, 1))
    for subject, predicate, obj in (
        ("临江汽车集团", "chain_leader_of", "新能源汽车产业"),
        ("临江精密部件公司", "supplies", "临江汽车集团"),
        ("临江产业基金", "invests_in", "临江精密部件公司"),
        ("江城创投母基金", "invests_in", "临江产业基金"),
        ("临江理工大学", "cooperates_with", "江城创投母基金"),
    ):
        kb.relation(subject, predicate, obj, "chain", text)
    asked: list[set[int]] = []
    touching = chain_map.relations_touching

    def recorded(session, entity_ids, predicates):
        asked.append(set(entity_ids))
        return touching(session, entity_ids, predicates)

    monkeypatch.setattr(chain_map, "relations_touching", recorded)
    with kb.store.session() as session:
        found = chain_map.build_chain_map(session, "新能源汽车")
    roles = {role: [a["entity"]["name"] for a in actors] for role, actors in found["roles"].items()}
    assert roles["leaders"] == ["临江汽车集团"]
    assert roles["suppliers"] == ["临江精密部件公司"]
    assert sorted(roles["investors"]) == sorted(["临江产业基金", "江城创投母基金"])
    assert roles["institutes"] == ["临江理工大学"]
    # one round per link of the chain of relations, each asking about new actors only
    assert [
        sorted(kb.entities[n] for n in names)
        for names in (
            ["临江汽车集团"],
            ["临江精密部件公司"],
            ["临江产业基金"],
            ["江城创投母基金"],
            ["临江理工大学"],
        )
    ] == [sorted(a) for a in asked]
