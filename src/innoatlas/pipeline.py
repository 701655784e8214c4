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

Steps 1-4 and 7 run in this process, in input order; 5 and 6 run ahead in
`IngestOptions.workers` processes (innoatlas.workers), so the result does
not depend on the number of workers.

`extract_paths` runs stages 1, 2 and 5 only, for `innoatlas extract`.
"""

from __future__ import annotations

import logging
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from innoatlas.documents import prepare_document, read_paths
from innoatlas.documents.model import Document, RawDocument
from innoatlas.errors import DocumentError, InnoatlasError
from innoatlas.extract import extract_document, to_annotation
from innoatlas.extract.model import Extraction
from innoatlas.resolve import CanonicalEntity, Resolution, resolve_document
from innoatlas.review.apply import replay_corrections
from innoatlas.store import DocumentWrite, Facts, Store
from innoatlas.store.review_log import any_review_actions
from innoatlas.store.write import sentences_of
from innoatlas.workers import Deferred, InlineRunner, PoolRunner, runner_for

log = logging.getLogger(__name__)

STATUSES = ("new", "unchanged", "changed", "duplicate", "failed")


@dataclass
class IngestOptions:
    extract: bool = True  # False stores documents only (benchmarks of reading and storing)
    dedup: bool = True
    workers: int = 1  # extraction processes; 1 extracts in this process (see workers.py)


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
        try:
            doc = prepare_document(raw)
            record: dict | DocumentError = to_annotation(doc, extract_document(doc))
        except InnoatlasError as e:
            record = e if isinstance(e, DocumentError) else DocumentError(raw.source, str(e))
        except Exception as e:  # a bug in one stage must not stop a batch, as in ingest
            log.error("%s: cannot be extracted", raw.source, exc_info=e)
            record = DocumentError(raw.source, f"internal error: {type(e).__name__}: {e}")
        yield record


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
    report = IngestReport()
    # One ingest at a time: each plans duplicates against what it finds stored.
    with store.ingest_lock():
        duplicates = DuplicateFinder(store) if options.dedup else None
        items = read_sources(paths)
        with runner_for(options.workers) as runner:
            for outcome in ingest_items(items, store, options, duplicates, runner):
                report.outcomes.append(outcome)
                if on_outcome is not None:
                    on_outcome(outcome)
    return report


def read_sources(paths: Iterable[str | Path]) -> Iterator[RawDocument | DocumentError]:
    """Read every path; each document's source is its path from the folder holding the given path.

    `ingest corpus/` stores corpus/a.txt and corpus/sub/b.txt; `ingest
    corpus/a.txt` stores a.txt. The key of a document, and of the analysts'
    corrections to its facts, is so the same wherever the corpus folder
    lies, and no server directory reaches the API or the audit log. An
    unreadable input is named as it was given.
    """
    for given in paths:
        root = Path(given).resolve()
        shown, stored = str(given), root.name or root.anchor
        for item in read_paths([root]):
            rest = item.source[len(str(root)) :] if item.source.startswith(str(root)) else ""
            if isinstance(item, DocumentError):
                yield DocumentError(shown + rest, item.problem, item.hint)
            else:
                item.source = stored + rest
                yield item


@dataclass
class Plan:
    """What ingesting one input will do, decided in input order before its facts are extracted."""

    outcome: DocumentOutcome
    write: DocumentWrite | None = None  # None: nothing to write (failed, unchanged)
    facts: Any = None  # the extraction job, when there is one
    duplicate_ref: int | str | None = None  # the original, by id or by key if not yet written
    planned_key: str | None = None  # this document's key in the duplicate index until written
    same_as: DocumentOutcome | None = None  # an earlier input of this ingest with the same source and content


def ingest_items(
    items: Iterable[RawDocument | DocumentError],
    store: Store,
    options: IngestOptions,
    duplicates: DuplicateFinder | None,
    runner: InlineRunner | PoolRunner,
) -> Iterator[DocumentOutcome]:
    """Plan each input in order, extract ahead in the runner's workers, write in input order.

    Planning (unchanged? duplicate of what?) depends only on the inputs
    before, so with the writes in input order the result is the same for
    any number of workers.
    """
    window: deque[Plan] = deque()
    # source -> (content hash, outcome) of the inputs planned so far: the outcome only, so that
    # a written document's text and facts are not kept for the rest of the ingest
    seen: dict[str, tuple[str, DocumentOutcome]] = {}
    for item in items:
        window.append(plan_item(item, store, options, duplicates, runner, seen))
        while len(window) > runner.window:
            yield commit_plan(window.popleft(), store, options, duplicates)
    while window:
        yield commit_plan(window.popleft(), store, options, duplicates)


def ingest_item(
    item: RawDocument | DocumentError,
    store: Store,
    options: IngestOptions,
    duplicates: DuplicateFinder | None,
) -> DocumentOutcome:
    """Ingest one input in this process."""
    plan = plan_item(item, store, options, duplicates, InlineRunner(), {})
    return commit_plan(plan, store, options, duplicates)


def plan_item(item, store, options, duplicates, runner, seen) -> Plan:
    if isinstance(item, DocumentError):
        log.warning("%s", item)
        reason = f"{item.problem} ({item.hint})" if item.hint else item.problem
        return Plan(DocumentOutcome(item.source, Path(item.source).name, "failed", reason=reason))
    try:
        return plan_document(prepare_document(item), store, options, duplicates, runner, seen)
    except Exception as e:
        return Plan(failed_outcome(item.source, item.name, e))


def failed_outcome(source: str, name: str, error: Exception) -> DocumentOutcome:
    if isinstance(error, InnoatlasError):
        log.warning("%s: %s", source, error)
        return DocumentOutcome(source, name, "failed", reason=str(error))
    # a bug in one stage must not stop a batch of 300 files
    log.error("%s: cannot be ingested", source, exc_info=error)
    return DocumentOutcome(source, name, "failed", reason=f"internal error: {type(error).__name__}: {error}")


def plan_document(
    doc: Document,
    store: Store,
    options: IngestOptions,
    duplicates: DuplicateFinder | None,
    runner: InlineRunner | PoolRunner,
    seen: dict[str, tuple[str, DocumentOutcome]],
) -> Plan:
    outcome = DocumentOutcome(doc.source, doc.name, "new", characters=len(doc.body))
    earlier = seen.get(doc.source)
    if earlier is not None and earlier[0] == doc.content_hash:
        outcome.status = "unchanged"  # named twice in one ingest
        return Plan(outcome, same_as=earlier[1])
    stored = store.find_source(doc.source)
    if stored is not None:
        outcome.document_id = stored[0]
        if stored[1] == doc.content_hash:
            outcome.status = "unchanged"
            return Plan(outcome)
        outcome.status = "changed"
    plan = Plan(outcome, DocumentWrite(doc))
    if duplicates is not None:
        plan.write.minhash = duplicates.signature(doc)
        match = duplicates.find(doc, own_id=outcome.document_id)
        if match is not None:
            plan.duplicate_ref, plan.write.duplicate_kind = match
            outcome.status, outcome.duplicate_kind = "duplicate", match[1]
        else:
            plan.planned_key = duplicates.add_planned(doc, own_id=outcome.document_id)
    if plan.duplicate_ref is None and options.extract:
        plan.facts = runner.submit(extract_facts, doc)
    seen[doc.source] = (doc.content_hash, outcome)
    return plan


def commit_plan(
    plan: Plan, store: Store, options: IngestOptions, duplicates: DuplicateFinder | None
) -> DocumentOutcome:
    """Write what `plan` decided, once its facts are in; returns the input's outcome."""
    if plan.same_as is not None:
        plan.outcome.document_id = plan.same_as.document_id
    if plan.write is None:
        return plan.outcome
    try:
        return write_plan(plan, store, options, duplicates)
    except Exception as e:
        if duplicates is not None and plan.planned_key is not None:
            duplicates.settle(plan.planned_key, None)
        return failed_outcome(plan.outcome.source, plan.outcome.name, e)


def write_plan(
    plan: Plan, store: Store, options: IngestOptions, duplicates: DuplicateFinder | None
) -> DocumentOutcome:
    item = finish_plan(plan, options, duplicates)
    # analysts' corrections survive re-extraction: replayed in the document's transaction
    plan.outcome.document_id = store.write_document(item, after_facts=replay_any_corrections)
    if duplicates is not None and plan.planned_key is not None:
        duplicates.settle(plan.planned_key, plan.outcome.document_id)
    return plan.outcome


def finish_plan(plan: Plan, options: IngestOptions, duplicates: DuplicateFinder | None) -> DocumentWrite:
    """The write `plan` decided, with its original's id and its facts (waited for) filled in."""
    item, outcome = plan.write, plan.outcome
    if plan.duplicate_ref is not None and duplicates is not None:
        item.duplicate_of_id = duplicates.resolve(plan.duplicate_ref)
        if item.duplicate_of_id is None:  # its original could not be written: this one is the original
            outcome.status = "changed" if outcome.document_id is not None else "new"
            outcome.duplicate_kind = item.duplicate_kind = None
            plan.facts = Deferred(extract_facts, item.doc) if options.extract else None
        outcome.duplicate_of_id = item.duplicate_of_id
    if plan.facts is not None:
        item.facts = plan.facts.get()
    return item


def replay_any_corrections(session, document_id: int) -> int:
    """Replay the analysts' corrections onto a document just written; in a base without any, one
    index read instead of looking up the document's source and entities."""
    return replay_corrections(session, document_id) if any_review_actions(session) else 0


def extract_facts(doc: Document) -> Facts:
    """Extraction and resolution, and the sentences naming two entities (for the entity links): the
    work of a worker process, so that the one writer only stores it."""
    extraction = extract_document(doc)
    resolution = resolve_facts(doc, extraction)
    return Facts(extraction, resolution, sentences_of(doc, extraction, resolution))


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
        self._planned = 0
        self._written: dict[str, int | None] = {}
        self._last: tuple[Document, Any] | None = None

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

        return minhash_bytes(doc, self._values(doc))

    def _values(self, doc: Document):
        """`doc`'s MinHash values, computed once for its signature, its search and its entry."""
        if self._last is None or self._last[0] is not doc:
            from innoatlas.documents.dedup import signature_of

            self._last = (doc, signature_of(doc))
        return self._last[1]

    def find(self, doc: Document, own_id: int | None) -> tuple[int | str, str] | None:
        """(original, 'exact' | 'near') of an original `doc` repeats, if any.

        The original is a stored document's id, or the key of one planned
        earlier in this ingest and not yet written (see resolve).
        """
        exact = self.store.find_exact_duplicate(doc.content_hash, doc.source)
        if exact is not None:
            return exact, "exact"
        if self.index is None:
            return None
        match = self.index.find(doc, self._values(doc))
        if match is None or match.key == str(own_id):  # its own earlier version is not a duplicate
            return None
        return (int(match.key) if match.key.isdigit() else match.key), match.kind

    def add_planned(self, doc: Document, own_id: int | None) -> str | None:
        """Count `doc` as an original from now on; returns its key until it is written, if new."""
        if self.index is None:
            return None
        if own_id is not None:  # a changed document keeps its key (and its earlier signature)
            self.index.add(str(own_id), doc, self._values(doc))
            return None
        self._planned += 1
        key = f"planned:{self._planned}"
        self.index.add(key, doc, self._values(doc))
        return key

    def settle(self, key: str, document_id: int | None) -> None:
        """The planned document of `key` is written as `document_id` (None: it failed)."""
        self._written[key] = document_id

    def resolve(self, ref: int | str) -> int | None:
        """The id of the original `find` named (None if it could not be written)."""
        return ref if isinstance(ref, int) else self._written.get(ref)


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
