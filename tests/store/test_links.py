"""The entity links the network reads are kept equal to a fresh computation by every writer."""

from __future__ import annotations

from sqlalchemy import select

from innoatlas.auth import add_user
from innoatlas.pipeline import ingest_paths
from innoatlas.review import actions
from innoatlas.store.links import rebuild_links
from innoatlas.store.schema import Entity, EntityLink, EntityLinkTotal, Mention, Relation
from innoatlas.store.users import user_by_name
from tests.conftest import SEEDS

ARTICLE = (
    "两江新区推动校企协同创新\n"
    "2024年4月2日\n"
    "重庆大学与长安汽车签订战略合作协议，共建智能网联汽车研究院。"
    "两江新区管委会表示，重庆大学、长安汽车和赛力斯将在两江新区联合攻关。"
    "赛力斯向长安汽车供应电驱系统。\n"
)


def kept_links(session) -> tuple[list, list]:
    links = sorted(
        (
            r.document_id or 0,
            r.a_id,
            r.b_id,
            r.kind,
            r.weight,
            r.relation_id or 0,
            r.quoted,
            r.start or 0,
            r.end or 0,
        )
        for r in session.scalars(select(EntityLink))
    )
    totals = sorted(
        (t.a_id, t.b_id, t.weight, t.relation_weight, t.relations, t.co_mentions)
        for t in session.scalars(select(EntityLinkTotal))
    )
    return links, totals


def assert_kept_equal_fresh(store) -> tuple[list, list]:
    with store.session() as session:
        kept = kept_links(session)
        rebuild_links(session)  # in this session only: rolled back when it closes
        fresh = kept_links(session)
        session.rollback()
    assert kept == fresh
    return kept


def entity_id(store, name: str) -> int:
    with store.session() as session:
        return session.scalar(select(Entity.id).where(Entity.name == name))


def test_links_equal_a_fresh_computation_after_ingest_corrections_and_deletion(store, tmp_path):
    article = tmp_path / "corpus" / "xieli.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    assert ingest_paths([article, *seeds], store).counts["failed"] == 0
    links, totals = assert_kept_equal_fresh(store)
    university, firm = entity_id(store, "重庆大学"), entity_id(store, "长安汽车")
    pair = tuple(sorted((university, firm)))
    by_pair = {t[:2]: t for t in totals}
    assert by_pair[pair][4] >= 1 and by_pair[pair][5] >= 2  # a stated agreement and two sentences
    assert len(links) > 50

    with store.transaction() as session:
        add_user(session, "analyst", "editor")
        user = user_by_name(session, "analyst")
        relation = session.scalar(
            select(Relation.id).where(Relation.subject_id.in_(pair), Relation.object_id.in_(pair))
        )
        actions.reject(session, user, "relation", relation, "not an agreement")
    assert assert_kept_equal_fresh(store)[1] != totals

    with store.transaction() as session:
        user = user_by_name(session, "analyst")
        mention = session.scalar(select(Mention.id).where(Mention.entity_id == firm).order_by(Mention.id))
        actions.reject(session, user, "mention", mention, "")
        merged = actions.merge(session, user, entity_id(store, "赛力斯"), firm, "one firm in this test")
    assert_kept_equal_fresh(store)

    with store.transaction() as session:
        actions.undo(session, user_by_name(session, "analyst"), merged["id"], "")
    assert_kept_equal_fresh(store)

    # a changed file replaces its facts: the links of the sentences it lost go
    article.write_text(ARTICLE.replace("赛力斯向长安汽车供应电驱系统。", ""), encoding="utf-8")
    assert ingest_paths([article], store).counts["changed"] == 1
    assert_kept_equal_fresh(store)
