"""Entities: the named actors, places and programmes of a document.

find.py runs the stage; candidates.py, suffix_names.py and quoted_names.py
propose spans (tagger names, lexicon hits, names ending in a suffix, quoted
and listed names) on the name grammar of grammar.py, aliases.py,
enumerations.py and programmes.py add the spans of declared short names,
lists and programme titles, branches.py joins branches to their parents,
furniture.py sets aside page furniture, credits and datelines, and
filters.py keeps and types the final ones.
"""

from innoatlas.extract.entities.find import draft_entities, extract_entities

__all__ = ["draft_entities", "extract_entities"]
