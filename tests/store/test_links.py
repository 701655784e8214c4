"""The entity links the network reads are kept equal to a fresh computation by every writer."""

from __future__ import annotations

from sqlalchemy import select

from innoatlas.auth import add_user
from innoatlas.pipeline import ingest_paths
from innoatlas.review import actions
from innoatlas.store import DocumentWrite
from innoatlas.store.links import rebuild_links
from innoatlas.store.read.search import search
from innoatlas.store.schema import Entity, EntityLink, EntityLinkTotal, Mention, Relation
from innoatlas.store.users import user_by_name
from innoatlas.store.write import sentences_of
from tests.conftest import SEEDS
from tests.store.test_write import TEXT_A, TEXT_B, facts_of_a, facts_of_b, make_doc

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


def test_the_writer_stores_the_links_its_worker_found_and_they_equal_a_fresh_computation(store):
    """The sentences naming two entities are found with the extraction (in a worker), keyed by entity
    key; the writer maps keys to ids and adds the links to their pairs' totals without reading back."""
    doc_a, doc_b = make_doc(TEXT_A, "news/a.txt"), make_doc(TEXT_B, "news/b.txt")
    facts_a, facts_b = facts_of_a(doc_a), facts_of_b(doc_b)
    facts_a.sentences = sentences_of(doc_a, facts_a.extraction, facts_a.resolution)
    assert [keys for _, _, keys in facts_a.sentences] == [["新城科技园", "江川大学"]]
    store.write_document(DocumentWrite(doc_a, facts_a))
    store.write_document(DocumentWrite(doc_b, facts_b))  # without sentences: the writer finds them
    links, totals = assert_kept_equal_fresh(store)
    park, university = entity_id(store, "新城科技园"), entity_id(store, "江川大学")
    pair = {t[:2]: t for t in totals}[tuple(sorted((park, university)))]
    assert pair[4:] == (1, 2)  # one agreement, a sentence in each document
    assert pair[2] == 3.0 + 1.0 + 1.0
    # the gazetteer relation (no document) is linked once, though both documents name it
    assert sum(1 for link in links if link[0] == 0 and link[3] == "located_in") == 1

    # what the worker found is what is stored: a worker that found no sentence leaves none
    doc_c = make_doc(TEXT_B, "news/c.txt")
    facts_c = facts_of_b(doc_c)
    facts_c.sentences = []
    document_c = store.write_document(DocumentWrite(doc_c, facts_c))
    with store.session() as session:
        kinds = session.scalars(select(EntityLink.kind).where(EntityLink.document_id == document_c)).all()
    assert kinds == []


def test_a_replaced_document_and_a_document_turned_duplicate_leave_no_stale_links(store):
    doc_a, doc_b = make_doc(TEXT_A, "news/a.txt"), make_doc(TEXT_B, "news/b.txt")
    store.write_document(DocumentWrite(doc_a, facts_of_a(doc_a)))
    document_b = store.write_document(DocumentWrite(doc_b, facts_of_b(doc_b)))
    before = assert_kept_equal_fresh(store)
    # b written again with other facts: its sentence names the same pair, the totals stay right
    store.write_document(DocumentWrite(doc_b, facts_of_b(doc_b)))
    assert assert_kept_equal_fresh(store) == before
    # b is now a repost of a: no facts, no links of its own
    store.write_document(DocumentWrite(doc_b, duplicate_of_id=1, duplicate_kind="near"))
    links, totals = assert_kept_equal_fresh(store)
    assert not [link for link in links if link[0] == document_b]
    assert totals != before[1]


def test_an_alias_first_seen_in_a_later_document_is_searchable(store):
    """The search index rewrites only the entities a write renames or gives an alias."""
    doc_a, doc_b = make_doc(TEXT_A, "news/a.txt"), make_doc(TEXT_B, "news/b.txt")
    store.write_document(DocumentWrite(doc_a, facts_of_a(doc_a)))
    with store.session() as session:
        assert not [e for e in search(session, "江大")["items"] if e["kind"] == "entity"]
    store.write_document(DocumentWrite(doc_b, facts_of_b(doc_b)))  # 江川大学 also written 江大
    with store.session() as session:
        found = [e["name"] for e in search(session, "江大")["items"] if e.get("kind") == "entity"]
    assert found == ["江川大学"]
