"""The pipeline of DESIGN.md: documents -> extract -> resolve -> store.

`ingest_paths` takes every input through the stages:

1. read it (documents.read_paths); an unreadable input is reported, not raised
2. prepare it: clean, normalise, date (documents.prepare_document)
3. skip it when its source is stored with the same content hash (unchanged)
4. look for an exact (content hash) or near (MinHash) duplicate among the
   stored originals; a duplicate is stored linked to its original, without
   facts, so nothing is counted twice
5. extract entities, indicators and relations (extract.extract_document)
6. resolve mentions to canonical entities (resolve.resolve_document)
7. write the document and its facts in one transaction (store)

`extract_paths` runs stages 1, 2 and 5 only, for `innoatlas extract`.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from innoatlas.documents import prepare_document, read_paths
from innoatlas.documents.model import Document, RawDocument
from innoatlas.errors import DocumentError, InnoatlasError
from innoatlas.extract import extract_document, to_annotation
from innoatlas.extract.model import Extraction
from innoatlas.resolve import CanonicalEntity, Resolution, resolve_document
from innoatlas.store import DocumentWrite, Facts, Store

log = logging.getLogger(__name__)

STATUSES = ("new", "unchanged", "changed", "duplicate", "failed")


@dataclass
class IngestOptions:
    extract: bool = True  # False stores documents only (benchmarks of reading and storing)
    dedup: bool = True


@dataclass
class DocumentOutcome:
    source: str
    name: str
    status: str  # one of STATUSES
    document_id: int | None = None
    duplicate_of_id: int | None = None
    duplicate_kind: str | None = None
    reason: str | None = None  # why it failed
    characters: int = 0  # of the cleaned body


@dataclass
class IngestReport:
    outcomes: list[DocumentOutcome] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(o.status for o in self.outcomes)
        return {"read": len(self.outcomes), **{s: counted.get(s, 0) for s in STATUSES}}

    @property
    def failures(self) -> list[DocumentOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def extract_paths(paths: Iterable[str]) -> Iterator[dict | DocumentError]:
    """One ANNOTATION.md object per readable document; a DocumentError for the others."""
    for raw in read_paths(paths):
        if isinstance(raw, DocumentError):
            yield raw
            continue
        doc = prepare_document(raw)
        yield to_annotation(doc, extract_document(doc))


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many files the paths name (directories walked): the length of a progress bar."""
    total = 0
    for path in map(Path, paths):
        if path.is_dir():  # as documents.read_paths walks: hidden files are skipped
            total += sum(1 for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
        else:
            total += 1
    return total


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    options: IngestOptions | None = None,
    on_outcome: Callable[[DocumentOutcome], None] | None = None,
) -> IngestReport:
    """Ingest every document of `paths` into `store`; one bad input never stops the others."""
    options = options or IngestOptions()
    duplicates = DuplicateFinder(store) if options.dedup else None
    report = IngestReport()
    # Absolute sources: the same file ingested from another directory is still "unchanged".
    for item in read_paths([str(Path(p).resolve()) for p in paths]):
        outcome = ingest_item(item, store, options, duplicates)
        report.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    refresh_search_index(store, report)
    return report


def refresh_search_index(store: Store, report: IngestReport) -> None:
    """Index what this ingest wrote, so search finds it as soon as the ingest ends."""
    from innoatlas.store.search_index import index_documents

    written = [
        o.document_id for o in report.outcomes if o.document_id is not None and o.status != "unchanged"
    ]
    if written:
        index_documents(store, written)


def ingest_item(
    item: RawDocument | DocumentError,
    store: Store,
    options: IngestOptions,
    duplicates: DuplicateFinder | None,
) -> DocumentOutcome:
    if isinstance(item, DocumentError):
        log.warning("%s", item)
        reason = f"{item.problem} ({item.hint})" if item.hint else item.problem
        return DocumentOutcome(item.source, Path(item.source).name, "failed", reason=reason)
    try:
        return ingest_document(prepare_document(item), store, options, duplicates)
    except InnoatlasError as e:
        log.warning("%s: %s", item.source, e)
        return DocumentOutcome(item.source, item.name, "failed", reason=str(e))
    except Exception as e:  # a bug in one stage must not stop a batch of 300 files
        log.exception("%s: cannot be ingested", item.source)
        return DocumentOutcome(
            item.source, item.name, "failed", reason=f"internal error: {type(e).__name__}: {e}"
        )


def ingest_document(
    doc: Document, store: Store, options: IngestOptions, duplicates: DuplicateFinder | None
) -> DocumentOutcome:
    stored = store.find_source(doc.source)
    outcome = DocumentOutcome(doc.source, doc.name, "new", characters=len(doc.body))
    if stored is not None:
        outcome.document_id = stored[0]
        if stored[1] == doc.content_hash:
            outcome.status = "unchanged"
            return outcome
        outcome.status = "changed"
    item = DocumentWrite(doc)
    if duplicates is not None:
        item.minhash = duplicates.signature(doc)
        match = duplicates.find(doc, own_id=outcome.document_id)
        if match is not None:
            item.duplicate_of_id, item.duplicate_kind = match
            outcome.status = "duplicate"
            outcome.duplicate_of_id, outcome.duplicate_kind = match
    if item.duplicate_of_id is None and options.extract:
        item.facts = extract_facts(doc)
    outcome.document_id = store.write_document(item)
    if duplicates is not None and item.duplicate_of_id is None:
        duplicates.add(outcome.document_id, doc)
    return outcome


def extract_facts(doc: Document) -> Facts:
    extraction = extract_document(doc)
    return Facts(extraction, resolve_facts(doc, extraction))


def resolve_facts(doc: Document, extraction: Extraction) -> Resolution:
    return resolve_document(doc, extraction)


# A resolution written by hand (tests, gold data) uses the resolve stage's own objects.
NamedEntity = CanonicalEntity
NameResolution = Resolution


# -- duplicates ----------------------------------------------------------------------


class DuplicateFinder:
    """Exact duplicates by content hash in the store, near ones by MinHash over stored signatures."""

    def __init__(self, store: Store):
        self.store = store
        self.index = self._load_index()

    def _load_index(self):
        try:
            from innoatlas.documents.dedup import DuplicateIndex
        except ImportError:
            log.warning("near-duplicate detection unavailable: innoatlas.documents.dedup not found")
            return None
        index = DuplicateIndex()
        unreadable = 0
        for document_id, content_hash, signature in self.store.load_signatures():
            try:
                index.add_signature(str(document_id), content_hash, signature)
            except ValueError as e:  # e.g. written with other MinHash settings: exact duplicates still found
                unreadable += 1
                log.debug("document %s: stored signature unreadable: %s", document_id, e)
        if unreadable:
            log.warning(
                "%d stored MinHash signatures could not be read: near duplicates of them go unseen",
                unreadable,
            )
        return index

    def signature(self, doc: Document) -> bytes | None:
        if self.index is None:
            return None
        from innoatlas.documents.dedup import minhash_bytes

        return minhash_bytes(doc)

    def find(self, doc: Document, own_id: int | None) -> tuple[int, str] | None:
        """(original id, 'exact' | 'near') of a stored original `doc` repeats, if any."""
        exact = self.store.find_exact_duplicate(doc.content_hash, doc.source)
        if exact is not None:
            return exact, "exact"
        if self.index is None:
            return None
        match = self.index.find(doc)
        if match is None or match.key == str(own_id):  # its own earlier version is not a duplicate
            return None
        return int(match.key), match.kind

    def add(self, document_id: int, doc: Document) -> None:
        if self.index is None:
            return
        remove = getattr(self.index, "remove", None)
        if remove is not None:
            remove(str(document_id))  # a changed document's old signature
        self.index.add(str(document_id), doc)


def example_corpus() -> Path:
    """The bundled example corpus: package data when installed, else the repository's copy."""
    from importlib.resources import files

    packaged = files("innoatlas").joinpath("examples/corpus")
    if packaged.is_dir():
        return Path(str(packaged))
    in_repo = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    if in_repo.is_dir():
        return in_repo
    raise InnoatlasError("the example corpus is missing from this installation (reinstall innoatlas)")
