"""The learned layer: its model file, deterministic training from gold files,
`innoatlas train` on gold an analyst exported, and the extractor using a model."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from innoatlas.extract.learn.linear import LinearModel, fit
from tests.conftest import SHARED

ARTICLE_A = (
    "两地共建产业协同平台\n"
    "本报讯 近日,江北高新区与南岸大学签署战略合作协议,双方将共建智能制造研究院。\n"
    "园区聚焦集成电路、新能源汽车、生物医药等主导产业,已集聚企业320家。\n"
)
ARTICLE_B = (
    "科技园区加快集聚创新资源\n"
    "本报讯 西湖科技园引进北辰半导体有限公司,园区围绕人工智能、工业互联网等产业招商。\n"
    "去年园区新增高新技术企业45家。\n"
)


def _gold(doc: str, entities: list[tuple[str, str]]) -> dict:
    return {
        "doc": doc,
        "published": None,
        "entities": [{"name": n, "type": t} for n, t in entities],
        "indicators": [],
        "relations": [],
    }


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corrections"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "docs" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    a = _gold(
        "a.txt",
        [
            ("江北高新区", "zone"),
            ("南岸大学", "university"),
            ("集成电路", "industry"),
            ("新能源汽车", "industry"),
            ("生物医药", "industry"),
            ("智能制造研究院", "institute"),
        ],
    )
    b = _gold(
        "b.txt",
        [
            ("西湖科技园", "zone"),
            ("北辰半导体有限公司", "enterprise"),
            ("人工智能", "industry"),
            ("工业互联网", "industry"),
        ],
    )
    (folder / "a.gold.json").write_text(json.dumps(a, ensure_ascii=False), encoding="utf-8")
    (folder / "b.gold.json").write_text(json.dumps(b, ensure_ascii=False), encoding="utf-8")
    return folder


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "innoatlas", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_a_model_file_round_trips_and_is_byte_stable(tmp_path):
    rows = [
        ({"bias": 1.0, "suffix=大学": 1.0}, "university"),
        ({"bias": 1.0, "suffix=大学": 1.0}, "university"),
        ({"bias": 1.0, "generic": 1.0}, "none"),
        ({"bias": 1.0, "generic": 1.0}, "none"),
    ]
    model = fit(rows)
    model.save(tmp_path / "m.json.gz")
    again = LinearModel.load(tmp_path / "m.json.gz")
    assert again.proba({"bias": 1.0, "suffix=大学": 1.0})["university"] > 0.5
    assert again.proba({"bias": 1.0, "generic": 1.0})["none"] > 0.5
    fit(rows).save(tmp_path / "n.json.gz")
    assert (tmp_path / "m.json.gz").read_bytes() == (tmp_path / "n.json.gz").read_bytes()
    # a plain JSON document inside: no pickled object is ever loaded
    assert set(json.loads(gzip.decompress((tmp_path / "m.json.gz").read_bytes()))) == {
        "classes",
        "features",
        "weights",
        "bias",
    }


def test_train_on_exported_gold_is_deterministic_and_the_extractor_uses_it(gold_dir, tmp_path):
    first = _cli("train", "--extra", str(gold_dir), "--out", str(tmp_path / "m1"))
    assert first.returncode == 0, first.stderr
    assert "trained on 2 gold documents from 1 sets" in first.stdout
    second = _cli("train", "--extra", str(gold_dir), "--out", str(tmp_path / "m2"))
    assert second.returncode == 0, second.stderr
    for name in ("entities.json.gz", "relations.json.gz"):
        assert (tmp_path / "m1" / name).read_bytes() == (tmp_path / "m2" / name).read_bytes()
    out = tmp_path / "pred.jsonl"
    done = _cli(
        "extract", str(gold_dir / "docs"), "--jsonl", str(out), env={"INNOATLAS_MODELS": str(tmp_path / "m1")}
    )
    assert done.returncode == 0, done.stderr
    names = {
        e["name"]
        for line in out.read_text(encoding="utf-8").splitlines()
        for e in json.loads(line)["entities"]
    }
    gold = {
        e["name"] for f in gold_dir.glob("*.gold.json") for e in json.loads(f.read_text("utf-8"))["entities"]
    }
    # Two documents make a weak model: ask for most of what it was trained on, not for every name.
    assert len(names & gold) >= len(gold) - 3, sorted(gold - names)
    assert "西湖科技园" in names


@pytest.mark.slow
def test_the_shipped_relation_model_is_what_make_train_builds_from_the_development_gold(tmp_path):
    """The package ships the relation model; the development gold rebuilds it byte for byte."""
    if not (SHARED / "eval" / "dev3" / "gold").is_dir():
        pytest.skip(f"the shared evaluation data is not next to the repository ({SHARED})")
    shipped = Path(resources.files("innoatlas.extract.learn") / "models" / "relations.json.gz")
    done = _cli("train", "--eval-root", str(SHARED), "--out", str(tmp_path), "--only", "relations")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["relations.json.gz"]
    assert (tmp_path / "relations.json.gz").read_bytes() == shipped.read_bytes()


def test_an_unknown_model_name_is_refused(gold_dir, tmp_path):
    done = _cli("train", "--extra", str(gold_dir), "--out", str(tmp_path / "m"), "--only", "topics")
    assert done.returncode != 0
    assert "no such model: topics" in done.stderr + done.stdout


def test_a_broken_gold_file_is_named(gold_dir, tmp_path):
    (gold_dir / "c.gold.json").write_text("{not json", encoding="utf-8")
    done = _cli("train", "--extra", str(gold_dir), "--out", str(tmp_path / "m"))
    assert done.returncode == 1
    assert "c.gold.json: not a gold file" in done.stderr
    assert not (tmp_path / "m").exists()


def test_a_gold_file_whose_document_is_missing_is_named(gold_dir, tmp_path):
    (gold_dir / "docs" / "b.txt").unlink()
    done = _cli("train", "--extra", str(gold_dir), "--out", str(tmp_path / "m"))
    assert done.returncode == 1
    assert "b.gold.json: its document b.txt is not in" in done.stderr


FIRM_AND_PARK = "园区动态\n本报讯 北辰半导体有限公司、西湖科技园的负责人昨日出席了发布会。\n"


def _relation_model(folder: Path) -> Path:
    """A model that reads every firm named with a park in one sentence as sitting in it, and
    every government body as focusing on the industry of its sentence."""
    rows = [({"sig=enterprise>zone": 1.0}, "located_in")] * 3 + [({"sig=zone>enterprise": 1.0}, "none")] * 3
    rows += [({"sig=government>industry": 1.0}, "focuses_on")] * 3
    folder.mkdir()
    fit(rows, c=100.0).save(folder / "relations.json.gz")
    return folder


def _relations(folder: Path, text: str, env_models: Path | None) -> set[tuple[str, str, str]]:
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "docs" / "a.txt").write_text(text, encoding="utf-8")
    out = folder / "pred.jsonl"
    env = {"INNOATLAS_MODELS": str(env_models)} if env_models else {"INNOATLAS_MODELS": str(folder / "none")}
    done = _cli("extract", str(folder / "docs"), "--jsonl", str(out), env=env)
    assert done.returncode == 0, done.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))["relations"]
    return {(r["subject"], r["predicate"], r["object"]) for r in rows}


def test_a_relation_model_adds_what_the_rules_left_and_only_predicates_the_types_allow(tmp_path):
    models = _relation_model(tmp_path / "models")
    fact = ("北辰半导体有限公司", "located_in", "西湖科技园")
    assert fact not in _relations(tmp_path, FIRM_AND_PARK, None)
    assert fact in _relations(tmp_path, FIRM_AND_PARK, models)
    # focuses_on takes no government body as its subject, whatever a model says
    text = "政策发布\n本报讯 南岸市科学技术局昨日召开会议,部署人工智能、生物医药产业发展工作。\n"
    found = _relations(tmp_path, text, models)
    assert not [r for r in found if r[0] == "南岸市科学技术局"], found
    # the same model allowed any predicate would have read the body as developing both industries
    from innoatlas.extract.learn.linear import LinearModel

    model = LinearModel.load(models / "relations.json.gz")
    assert model.proba({"sig=government>industry": 1.0})["focuses_on"] > 0.5
