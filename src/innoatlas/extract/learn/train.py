"""Train the learned layer from gold annotations (ANNOTATION.md shape).

A gold set is a folder of documents and a folder of `*.gold.json` files
naming them. The development sets sit in the evaluation folder beside the
project; `innoatlas train --extra DIR` adds more, such as what
`innoatlas review export-gold` writes. Training is deterministic: the same
gold gives byte-identical model files.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from innoatlas.documents import prepare_document, read_paths
from innoatlas.documents.model import Document
from innoatlas.errors import DocumentError, InnoatlasError
from innoatlas.extract.entities.learned import MODEL_NAME as ENTITY_MODEL
from innoatlas.extract.entities.learned import NONE, name_features
from innoatlas.extract.learn.linear import Features, fit
from innoatlas.extract.learn.store import model_path
from innoatlas.extract.learn.subjects import MODEL_NAME as SUBJECT_MODEL
from innoatlas.extract.learn.subjects import subject_rows
from innoatlas.extract.model import as_first_plates
from innoatlas.extract.relations.learned import MODEL_NAME as RELATION_MODEL
from innoatlas.extract.relations.learned import NONE as NO_RELATION
from innoatlas.text import fold_name

log = logging.getLogger(__name__)


@dataclass
class GoldDoc:
    set_name: str
    doc: Document
    gold: dict


@dataclass(frozen=True)
class GoldSet:
    name: str
    docs: Path
    gold: Path


def development_sets(shared: Path) -> list[GoldSet]:
    """The three development sets of the evaluation folder (seeds, dev2, dev3)."""
    out = [GoldSet("seeds", shared / "seeds", shared / "eval" / "gold")]
    for d in sorted((shared / "eval").glob("dev*")):
        if (d / "docs").is_dir() and (d / "gold").is_dir():
            out.append(GoldSet(d.name, d / "docs", d / "gold"))
    return out


def extra_set(folder: Path) -> GoldSet:
    """Gold files in FOLDER, their documents in FOLDER/docs or FOLDER itself."""
    docs = folder / "docs" if (folder / "docs").is_dir() else folder
    gold = folder / "gold" if (folder / "gold").is_dir() else folder
    return GoldSet(folder.name, docs, gold)


def load_set(gold_set: GoldSet) -> list[GoldDoc]:
    if not gold_set.gold.is_dir():
        raise InnoatlasError(f"{gold_set.gold}: no such folder of gold files")
    out = []
    for path in sorted(gold_set.gold.glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InnoatlasError(f"{path}: not a gold file ({exc})") from None
        if not isinstance(gold, dict) or not isinstance(gold.get("doc"), str):
            raise InnoatlasError(f'{path}: not a gold file (no "doc" naming its document)')
        source = gold_set.docs / gold["doc"]
        if not source.is_file():
            raise InnoatlasError(f"{path}: its document {gold['doc']} is not in {gold_set.docs}")
        for raw in read_paths([str(source)]):
            if isinstance(raw, DocumentError):
                raise InnoatlasError(f"{source}: {raw}")
            out.append(GoldDoc(gold_set.name, prepare_document(raw), gold))
    return out


def entity_rows(gdoc: GoldDoc) -> list[tuple[Features, str]]:
    from innoatlas.extract.entities import draft_entities
    from innoatlas.extract.tokens import tag_text

    gold = {fold_name(e["name"]): e["type"] for e in gdoc.gold.get("entities", [])}
    draft = draft_entities(gdoc.doc, tag_text(gdoc.doc.norm))
    return [(f, gold.get(name, NONE)) for name, f in name_features(gdoc.doc, draft).items()]


# The whole country, however written, is one subject (as ANNOTATION.md scores it).
_NATION = frozenset({"中国", "中华人民共和国", "我国", "全国", "全中国"})


def same_subject(a: str | None, b: str | None) -> bool:
    """Equal after folding, or one holds the other and is at least half as long (ANNOTATION.md)."""
    a, b = fold_name(a or ""), fold_name(b or "")
    if a in _NATION and b in _NATION:
        return True
    if not a or not b:
        return a == b
    short, long_ = sorted((a, b), key=len)
    return short in long_ and 2 * len(short) >= len(long_)


def _same_value(gold: dict, rec) -> bool:
    try:
        g = float(gold.get("value"))
    except (TypeError, ValueError):
        return False
    options = [rec.value, rec.value_base or rec.value, rec.value * 100, rec.value / 100]
    return any(abs(g - v) <= 2e-3 * max(abs(g), abs(v)) for v in options if v is not None)


def gold_subjects(gdoc: GoldDoc, records) -> list[str | None]:
    """For each extracted figure, the subject of the gold figure it matches (same value, overlapping quote)."""
    text = gdoc.doc.norm
    spans = []
    for g in gdoc.gold.get("indicators", []):
        q = fold_name(g.get("quote"))
        found = [(i, i + len(q)) for i in _find_all(text, q)] if q else []
        spans.append(found)
    out = []
    for rec in records:
        best, best_ov = None, 0
        for g, found in zip(gdoc.gold.get("indicators", []), spans, strict=True):
            ov = max((min(e, rec.end) - max(s, rec.start) for s, e in found), default=0)
            if ov > best_ov and _same_value(g, rec):
                best, best_ov = g, ov
        out.append(best.get("subject") if best else None)
    return out


def _find_all(text: str, q: str) -> list[int]:
    out, i = [], text.find(q)
    while i >= 0:
        out.append(i)
        i = text.find(q, i + 1)
    return out


def subject_rows_of(gdoc: GoldDoc) -> list[tuple[Features, str]]:
    from innoatlas.extract.entities import extract_entities
    from innoatlas.extract.indicators import extract_indicators
    from innoatlas.extract.tokens import tag_text

    doc = gdoc.doc
    tokens = tag_text(doc.norm)
    entities = as_first_plates(doc.norm, extract_entities(doc, tokens))
    records = extract_indicators(doc, tokens, entities)
    return subject_rows(
        doc.norm, doc.title or "", entities, records, gold_subjects(gdoc, records), same_subject
    )


def relation_rows(gdoc: GoldDoc) -> list[tuple[Features, str]]:
    """Every candidate pair of mentions with the gold predicate it holds, or none."""
    from innoatlas.extract.entities import extract_entities
    from innoatlas.extract.relations.find import rule_relations
    from innoatlas.extract.relations.learned import pair_rows
    from innoatlas.extract.tokens import tag_text

    doc = gdoc.doc
    tokens = tag_text(doc.norm)
    reading = rule_relations(doc, tokens, as_first_plates(doc.norm, extract_entities(doc, tokens)))
    gold = [
        (fold_name(r["subject"]), r["predicate"], fold_name(r["object"]))
        for r in gdoc.gold.get("relations", [])
        if r.get("subject") and r.get("object")
    ]
    rows = []
    for pair, feats in pair_rows(doc, tokens, reading):
        a, b = fold_name(pair.subject.name), fold_name(pair.object.name)
        label = next((p for s, p, o in gold if _holds(s, p, o, a, b)), NO_RELATION)
        rows.append((feats, label))
    return rows


def _holds(s: str, p: str, o: str, a: str, b: str) -> bool:
    """Gold (s, p, o) is stated by the pair (a, b) as the scorer matches names."""
    if same_subject(s, a) and same_subject(o, b):
        return True
    return p == "cooperates_with" and same_subject(s, b) and same_subject(o, a)


# Every model of the learned layer, and the ones the package ships: a model is shipped when
# it raises the figures of articles it never saw (README: the learned layer). The relation
# model does; the entity and subject models lower the development sets left out of them.
MODEL_NAMES = (ENTITY_MODEL, SUBJECT_MODEL, RELATION_MODEL)
SHIPPED_MODELS = (RELATION_MODEL,)


def train_all(docs: list[GoldDoc], out_dir: Path, only: tuple[str, ...] = MODEL_NAMES) -> dict[str, Path]:
    """Fit the models named in `only` and write them to out_dir; returns the files written."""
    if not docs:
        raise InnoatlasError("no gold documents to train on (give the evaluation folder or --extra DIR)")
    unknown = set(only) - set(MODEL_NAMES)
    if unknown:
        raise InnoatlasError(
            f"no such model: {', '.join(sorted(unknown))} (models: {', '.join(MODEL_NAMES)})"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    makers = {
        ENTITY_MODEL: lambda: [row for d in docs for row in entity_rows(d)],
        SUBJECT_MODEL: lambda: [row for d in docs for row in subject_rows_of(d)],
        RELATION_MODEL: lambda: [row for d in docs if "relations" in d.gold for row in relation_rows(d)],
    }
    rows = {name: makers[name]() for name in MODEL_NAMES if name in only}
    written = {}
    for name, examples in rows.items():
        if not examples:  # gold without figures trains no subject model
            log.warning("no training examples for the %s model: not written", name)
            continue
        path = model_path(name, out_dir)
        fit(examples).save(path)
        written[name] = path
    return written
