"""A multinomial linear classifier over named features, stored as JSON.

Training uses scikit-learn's LogisticRegression; the shipped model keeps
only what prediction needs (feature names, classes, weights), so running
the extractor needs numpy alone and no pickled object is ever loaded.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

Features = dict[str, float]


@dataclass
class LinearModel:
    classes: list[str]
    vocabulary: dict[str, int]
    weights: np.ndarray  # (n_features, n_classes)
    bias: np.ndarray  # (n_classes,)

    def scores(self, rows: list[Features]) -> np.ndarray:
        """(len(rows), n_classes) scores: one gather and one running sum for all rows (a numpy
        call per feature would cost more than the extraction around it)."""
        get = self.vocabulary.get
        unknown = len(self.vocabulary)  # the zero row after the weights: a feature never trained on
        index: list[int] = []
        values: list[float] = []
        ends = []
        for features in rows:
            index.extend([get(name, unknown) for name in features])
            values.extend(features.values())
            ends.append(len(index))
        weights = np.vstack([self.weights, np.zeros((1, len(self.classes)))])
        contributions = weights[index] * np.asarray(values, dtype=float)[:, None]
        running = np.vstack([np.zeros((1, len(self.classes))), np.cumsum(contributions, axis=0)])
        stops = np.asarray(ends)
        starts = np.concatenate([[0], stops[:-1]])
        return self.bias + running[stops] - running[starts]

    def proba_many(self, rows: list[Features]) -> list[dict[str, float]]:
        """The class probabilities of each feature dict."""
        if not rows:
            return []
        s = self.scores(rows)
        e = np.exp(s - s.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        return [dict(zip(self.classes, row, strict=True)) for row in p.tolist()]

    def proba(self, features: Features) -> dict[str, float]:
        return self.proba_many([features])[0]

    def save(self, path: Path) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        data = {
            "classes": self.classes,
            "features": names,
            "weights": [[round(float(w), 5) for w in row] for row in self.weights],
            "bias": [round(float(b), 5) for b in self.bias],
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        # mtime=0: the same model gives the same bytes (make train is deterministic).
        path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))

    @classmethod
    def load(cls, path: Path | bytes) -> LinearModel:
        raw = path if isinstance(path, bytes) else path.read_bytes()
        data = json.loads(gzip.decompress(raw).decode("utf-8"))
        vocabulary = {n: i for i, n in enumerate(data["features"])}
        return cls(data["classes"], vocabulary, np.array(data["weights"]), np.array(data["bias"]))


# Inverse regularisation strength of the logistic regressions; chosen on the
# leave-one-set-out figures of benchmarks/eval.py (a model parameter, like the weights).
REGULARISATION_C = 0.5
# Features seen in fewer training examples than this are dropped (they only memorise).
MIN_FEATURE_COUNT = 2


def fit(rows: Iterable[tuple[Features, str]], c: float = REGULARISATION_C) -> LinearModel:
    """Fit a multinomial logistic regression; deterministic for the same rows."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows = list(rows)
    counts: dict[str, int] = {}
    for feats, _ in rows:
        for name in feats:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, k in counts.items() if k >= MIN_FEATURE_COUNT)
    vocabulary = {n: i for i, n in enumerate(names)}
    data, indices, indptr = [], [], [0]
    for feats, _ in rows:
        for name, value in sorted(feats.items()):
            k = vocabulary.get(name)
            if k is not None:
                indices.append(k)
                data.append(value)
        indptr.append(len(indices))
    x = csr_matrix((data, indices, indptr), shape=(len(rows), len(names)))
    y = [label for _, label in rows]
    classes = sorted(set(y))
    if len(classes) == 1:
        return LinearModel(classes, vocabulary, np.zeros((len(names), 1)), np.zeros(1))
    clf = LogisticRegression(C=c, max_iter=2000, random_state=0)
    clf.fit(x, y)
    coef = clf.coef_
    intercept = clf.intercept_
    if len(clf.classes_) == 2:  # binary: sklearn keeps one row; expand to two for softmax
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return LinearModel([str(k) for k in clf.classes_], vocabulary, coef.T.copy(), intercept.copy())
