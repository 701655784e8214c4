"""The read side of the knowledge base: one module per resource, shared by the CLI, the web and analysis.

- documents.py   lists, one document with its facts and spans, facets, texts analysis reads
- entities.py    finding an entity by name, lists with facets, a profile, the sets analysis reads
- indicators.py  lists, series, the explorer's choices, the figures analysis reads
- relations.py   lists with facets, an entity's relations, the graph, the edges analysis reads
- profile.py     one entity in brief (CLI), its dated events and its coverage over time
- overview.py    counts of the whole base, the home page's summary, a dump of every table
- regions.py     the region tree
- search.py      full-text search over documents, entity names and aliases
- coverage.py    a search's matches over time (per month) and per outlet
- common.py      pages of lists, row references, records, cached aggregates

Every function takes a Session and returns records (frozen dataclasses)
or JSON-ready dicts, never ORM rows: nothing outside the store needs its
schema. Offsets of spans are into Document.norm (`start`, `end`) and,
where shown to a reader, also into Document.original.
"""

from innoatlas.errors import NotFoundError

__all__ = ["NotFoundError"]
