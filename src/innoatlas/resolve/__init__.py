"""The resolve stage: mentions to canonical entities, with aliases and hierarchy.

resolution = resolve_document(doc, extraction)
resolution.entities       # key -> CanonicalEntity (name, type, aliases, parent, region, code)
resolution.mention_keys   # one key per extraction.entities item
resolution.relation_keys  # (subject key, object key) per extraction.relations item
resolution.relations      # facts of the gazetteers and of names, without a document
lookup_keys("重庆两江新区")   # keys a name may have in the store: ["zone:两江新区", ...]
"""

from innoatlas.resolve.model import CanonicalEntity, Resolution
from innoatlas.resolve.resolver import lookup_keys, resolve_document

__all__ = ["CanonicalEntity", "Resolution", "lookup_keys", "resolve_document"]
