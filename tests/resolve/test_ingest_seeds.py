"""Resolution across the real seed articles and the example corpus, through the pipeline into a real database."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from innoatlas.cli import app
from innoatlas.pipeline import ingest_paths
from innoatlas.store import open_store
from innoatlas.store.schema import Document


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    from tests.conftest import EXAMPLES, SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"the shared seed articles are not next to the repository ({SEEDS})")
    path = tmp_path_factory.mktemp("kb") / "kb.db"
    store = open_store(f"sqlite:///{path}")
    ingest_paths([SEEDS, EXAMPLES], store)
    yield store, path
    store.close()


def shown_as(store, *files: str) -> set[str]:
    """How a profile names these documents: by title and outlet, as the reader knows them."""
    from sqlalchemy import select

    with store.session() as session:
        rows = session.execute(select(Document.title, Document.outlet).where(Document.name.in_(files))).all()
    assert len(rows) == len(files) and all(title for title, _ in rows)
    return {f"{title} · {outlet}" if outlet else title for title, outlet in rows}


def test_one_zone_under_two_names_in_three_documents_is_one_entity(kb):
    store, _ = kb
    traditional, prefixed = store.entity_profile("兩江新區"), store.entity_profile("重庆两江新区")
    assert traditional.id == prefixed.id
    assert (prefixed.name, prefixed.type, prefixed.region) == ("两江新区", "zone", "重庆市")
    assert {"兩江新區", "重庆两江新区"} <= set(prefixed.aliases)
    documents = {label for label, _ in prefixed.documents}
    seeds = ("000_7216f30cd03e4256.txt", "003_300df59450ee1900.txt", "004_a681705680f5fa97.txt")
    assert shown_as(store, *seeds) <= documents
    assert not any(label.endswith(".txt") for label in documents)  # titles, not file names
    names = [row[2] for row in store.dump_tables()["entities"]]
    assert "重庆两江新区" not in names and names.count("两江新区") == 1


def test_a_zone_under_its_alias_and_with_a_radical_look_alike_is_the_gazetteers_zone(kb):
    store, _ = kb
    science_city = store.entity_profile("西部(重庆)科学城")
    documents = {label for label, _ in science_city.documents}
    # 004 writes it 重庆科学城, the example with full-width brackets
    files = ("002_b6be05cc6782ca3c.txt", "004_a681705680f5fa97.txt", "cq_science_city_double.txt")
    assert shown_as(store, *files) <= documents
    assert "重庆科学城" in science_city.aliases
    western = store.entity_profile("西部科学城")
    assert "\u2ec4部科学城" in western.aliases  # 004 writes 西 as the radical look-alike
    assert {label for label, _ in western.documents} >= shown_as(store, "004_a681705680f5fa97.txt")


def test_different_things_with_similar_names_stay_apart(kb):
    store, _ = kb
    ids = {name: store.entity_profile(name).id for name in ("西部科学城", "成都科学城", "重庆科学城")}
    assert ids["成都科学城"] != ids["重庆科学城"] and ids["西部科学城"] not in (
        ids["成都科学城"],
        ids["重庆科学城"],
    )
    assert store.entity_profile("北京大学").id != store.entity_profile("北京理工大学").id
    assert store.entity_profile("中国星网").id != store.entity_profile("中國星網應用公司").id


def test_a_contraction_and_its_full_name_are_one_entity(kb):
    store, _ = kb
    centre = store.entity_profile("中科院重庆科学中心")
    assert centre.name == "中国科学院重庆科学中心"
    assert (centre.parent, centre.region) == ("中国科学院", "重庆市")


def test_a_body_named_only_inside_a_name_is_the_parent_read_off_that_name(kb):
    store, _ = kb
    relations = store.entity_profile("北京大学").relations  # written only as part of its institute's name
    stored = {(r.subject, r.predicate, r.origin) for r in relations}
    # the name says it; the text, which never names the university on its own, does not
    assert ("北京大学重庆大数据研究院", "part_of", "name") in stored
    assert ("北京大学重庆大数据研究院", "part_of", "text") not in stored


def test_divisions_carry_codes_and_hang_from_their_province(kb):
    store, _ = kb
    district = store.entity_profile("沙坪坝")
    assert (district.name, district.code, district.parent) == ("沙坪坝区", "500106", "重庆市")
    assert "沙坪坝区" in store.entity_profile("重庆").children


def test_sub_areas_of_the_science_city_are_part_of_it(kb):
    store, _ = kb
    science_city = store.entity_profile("西部（重庆）科学城")
    assert {"一核五区", "沙坪坝片区", "璧山片区", "重庆高新区直管园"} <= set(science_city.children)


def test_the_entity_command_prints_the_profile_with_quotes(kb):
    store, path = kb
    result = CliRunner().invoke(app, ["entity", "北京理工大學重慶創新中心", "--db", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "北京理工大学重庆创新中心 (institute)"
    assert "parent: 北京理工大学" in lines and "region: 重庆市" in lines
    assert "  北京理工大学重庆创新中心 part_of 北京理工大学" in lines
    # its sources by their titles and outlets, never by file name
    [source] = shown_as(store, "003_300df59450ee1900.txt")
    quoted = [line for line in lines if line.startswith("    “") and line.endswith(f"({source})")]
    assert any("北京理工大學重慶創新中心" in line for line in quoted)  # as that article writes it
    [listed] = shown_as(store, "000_7216f30cd03e4256.txt")
    assert any(line.startswith(f"  {listed} (") for line in lines)
    assert ".txt" not in result.stdout


def test_an_entity_is_found_by_a_name_no_document_wrote(kb):
    store, _ = kb
    assert store.entity_profile("拓普集团有限公司").name == "拓普集团"  # its legal form
    assert store.entity_profile("重庆沙坪坝区").name == "沙坪坝区"  # behind its city
    assert store.entity_profile("生物医药产业").name == "生物医药"
