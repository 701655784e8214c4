"""Extraction quality on the development sets: the shipped model and leave one set out.

For each gold set (seeds, dev2, dev3 of the evaluation folder) this prints
the scorer's figures for
- shipped: the extractor as the package ships it (the rules and the shipped
  relation model),
- rules: the rules alone, no model,
- learned: with models trained on every set (in-sample: an upper bound),
- learned_loso: with models trained on the other sets only (the set left
  out), the honest estimate of the learned layer on articles it never saw.
The learned runs train and use the shipped models unless --models names
others (entities, subjects, relations). A gap of more than 0.08 between
learned and learned_loso means a model memorises.

    python benchmarks/eval.py [--shared ../shared] [--models NAME...] [--json OUT]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

from innoatlas.extract import extract_document, to_annotation
from innoatlas.extract.entities import learned as learned_entities
from innoatlas.extract.learn import subjects as learned_subjects
from innoatlas.extract.learn.store import MODELS_ENV
from innoatlas.extract.learn.train import SHIPPED_MODELS, development_sets, load_set, train_all
from innoatlas.extract.relations import learned as learned_relations

FIGURES = (
    "entity_f1",
    "entity_precision",
    "entity_recall",
    "entity_typed_f1",
    "indicator_f1",
    "indicator_strict_f1",
    "subject_acc",
    "period_acc",
    "relation_f1",
)


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _figures(scorer, gold_set, docs, tmp: Path) -> dict[str, float]:
    pred = tmp / f"{gold_set.name}.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps(to_annotation(d.doc, extract_document(d.doc)), ensure_ascii=False) + "\n")
    result = scorer.score(gold_set.gold, gold_set.docs, pred, False)[0]
    return {k: round(result[k], 3) for k in FIGURES if k in result}


def _use_models(folder: Path | None) -> None:
    """Point the extractor at the models in folder (None: what the package ships; an empty
    folder: the rules alone)."""
    if folder is None:
        os.environ.pop(MODELS_ENV, None)
    else:
        os.environ[MODELS_ENV] = str(folder)
    learned_entities._model.cache_clear()
    learned_subjects._model.cache_clear()
    learned_relations._model.cache_clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--skip-shipped", action="store_true", help="only the leave-one-set-out runs")
    ap.add_argument(
        "--models",
        nargs="+",
        default=list(SHIPPED_MODELS),
        help="the models the learned runs train and use (default: the ones the package ships)",
    )
    args = ap.parse_args(argv)
    scorer = _scorer(args.shared)
    sets = development_sets(args.shared)
    docs = {s.name: load_set(s) for s in sets}
    only = tuple(args.models)
    report: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rules = tmp / "rules"
        rules.mkdir()
        if not args.skip_shipped:
            _use_models(None)
            for s in sets:
                report.setdefault(s.name, {})["shipped"] = _figures(scorer, s, docs[s.name], tmp)
            _use_models(rules)
            for s in sets:
                report[s.name]["rules"] = _figures(scorer, s, docs[s.name], tmp)
            # training reads the rules' candidates, never a model trained before (nor the shipped one)
            train_all([d for s in sets for d in docs[s.name]], tmp / "all", only)
            _use_models(tmp / "all")
            for s in sets:
                report[s.name]["learned"] = _figures(scorer, s, docs[s.name], tmp)
        for s in sets:
            train_docs = [d for other in sets if other.name != s.name for d in docs[other.name]]
            folder = tmp / f"without_{s.name}"
            _use_models(rules)  # a model trained with the left-out set must not shape this one's features
            train_all(train_docs, folder, only)
            _use_models(folder)
            report.setdefault(s.name, {})["learned_loso"] = _figures(scorer, s, docs[s.name], tmp)
        _use_models(None)
    for name, rows in report.items():
        for which, figs in rows.items():
            print(f"{name:6} {which:13} " + " ".join(f"{k}={v:.3f}" for k, v in figs.items()))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
