"""Evaluation gate: the extractor's figures on the annotated real articles must not drop.

Runs `innoatlas extract` on each evaluation set, scores it with the shared
scorer and compares every figure with its pinned floor in eval_baseline.json
(the way trafilatura's eval gate guards its F1).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

BASELINE = Path(__file__).with_name("eval_baseline.json")
EVAL_SETS = {
    "seeds": (SHARED / "seeds", SHARED / "eval" / "gold"),
    "dev2": (SHARED / "eval" / "dev2" / "docs", SHARED / "eval" / "dev2" / "gold"),
    "dev3": (SHARED / "eval" / "dev3" / "docs", SHARED / "eval" / "dev3" / "gold"),
}


def score_set(docs: Path, gold: Path, out: Path) -> dict[str, float]:
    extract = [sys.executable, "-m", "innoatlas", "extract", str(docs), "--jsonl", str(out)]
    done = subprocess.run(extract, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    score = [
        sys.executable,
        str(SHARED / "eval" / "score.py"),
        "--gold",
        str(gold),
        "--docs",
        str(docs),
        "--pred",
        str(out),
        "--json",
    ]
    scored = subprocess.run(score, capture_output=True, text=True, timeout=600, check=True)
    return json.loads(scored.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EVAL_SETS))
def test_figures_stay_above_their_floors(name, tmp_path):
    docs, gold = EVAL_SETS[name]
    if not (docs.is_dir() and gold.is_dir() and (SHARED / "eval" / "score.py").is_file()):
        pytest.skip(f"the shared evaluation data is not next to the repository ({SHARED})")
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))[name]
    figures = score_set(docs, gold, tmp_path / f"{name}.jsonl")
    below = {key: (round(figures[key], 4), floor) for key, floor in floors.items() if figures[key] < floor}
    assert below == {}, f"figures below their floors (figure, floor): {below}"


@pytest.mark.slow
def test_leave_one_set_out_figures_stay_above_their_floors(tmp_path):
    """The learned layer trained on two sets and scored on the third (benchmarks/eval.py)."""
    if not all(docs.is_dir() and gold.is_dir() for docs, gold in EVAL_SETS.values()):
        pytest.skip(f"the shared evaluation data is not next to the repository ({SHARED})")
    out = tmp_path / "loso.json"
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "eval.py"
    run = [sys.executable, str(script), "--shared", str(SHARED), "--skip-shipped", "--json", str(out)]
    done = subprocess.run(run, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["leave_one_set_out"]
    below = {
        (name, key): (report[name]["learned_loso"][key], floor)
        for name in EVAL_SETS
        for key, floor in floors[name].items()
        if report[name]["learned_loso"][key] < floor
    }
    assert below == {}, f"leave-one-set-out figures below their floors (figure, floor): {below}"
