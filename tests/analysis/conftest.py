"""Knowledge bases for the analysis tests.

`corpus_store`: the real seed articles and the bundled example corpus taken
through the whole pipeline once per test run (extraction takes a while).
`make_store`: a small knowledge base written row by row, for computations
that the extractor does not feed yet or that need exact, known inputs.
"""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from innoatlas.pipeline import example_corpus, ingest_paths
from innoatlas.store import open_store
from innoatlas.store.links import refresh_links
from innoatlas.store.schema import Document, Entity, Indicator, Relation
from tests.conftest import SEEDS


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('analysis') / 'corpus.db'}")
    report = ingest_paths([SEEDS, example_corpus()], store)
    assert report.counts["failed"] == 0, report.failures
    yield store
    store.close()


@pytest.fixture
def corpus(corpus_store):
    with corpus_store.session() as session:
        yield session


class SmallStore:
    """Write entities, documents, relations and indicators by name, as the pipeline would store them."""

    def __init__(self, store):
        self.store = store
        self.entities: dict[str, int] = {}
        self.documents: dict[str, int] = {}

    def entity(self, name: str, type: str) -> int:
        if name not in self.entities:
            with self.store.transaction() as s:
                e = Entity(key=name, name=name, type=type)
                s.add(e)
                s.flush()
                self.entities[name] = e.id
        return self.entities[name]

    def document(self, name: str, text: str, outlet: str, published: date) -> int:
        with self.store.transaction() as s:
            d = Document(
                source=f"/corpus/{name}",
                name=name,
                format="txt",
                title=name,
                outlet=outlet,
                published=published,
                published_precision="day",
                script="Hans",
                original=text,
                body=text,
                norm=text,
                norm_to_original=list(range(len(text) + 1)),
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
            )
            s.add(d)
            s.flush()
            self.documents[name] = d.id
        return d.id

    def relation(self, subject: str, predicate: str, obj: str, document: str, quote: str) -> None:
        with self.store.transaction() as s:
            s.add(
                Relation(
                    document_id=self.documents[document],
                    subject_id=self.entities[subject],
                    predicate=predicate,
                    object_id=self.entities[obj],
                    quote=quote,
                    start=0,
                    end=len(quote),
                )
            )
            s.flush()
            refresh_links(s, [self.documents[document]])  # as the store's writers do

    def indicator(
        self,
        subject: str,
        metric: str,
        key: str,
        value: float,
        unit: str,
        period: str | None,
        document: str,
        quote: str,
        approx: str = "exact",
        kind: str = "level",
    ) -> None:
        with self.store.transaction() as s:
            s.add(
                Indicator(
                    document_id=self.documents[document],
                    subject_id=self.entities[subject],
                    subject_text=subject,
                    metric=metric,
                    metric_key=key,
                    value=value,
                    unit=unit,
                    value_base=value,
                    base_unit=unit,
                    approx=approx,
                    kind=kind,
                    period=period,
                    start=0,
                    end=len(quote),
                    quote=quote,
                )
            )


@pytest.fixture
def make_store(store_url):
    """A small knowledge base on SQLite and, when a server is reachable, on PostgreSQL."""
    store = open_store(store_url)
    yield SmallStore(store)
    store.close()


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    """The demo knowledge base: the bundled example corpus alone, as `innoatlas demo` builds it."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")
    report = ingest_paths([example_corpus()], store)
    assert report.counts["failed"] == 0, report.failures
    yield store
    store.close()
