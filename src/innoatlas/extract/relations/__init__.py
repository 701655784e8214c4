"""Relations between the entity mentions of one document, each with its evidence.

find.py runs the rules (names inside names, gazetteer facts, topic rules);
patterns.py splits sentences and applies the trigger patterns.
"""

from innoatlas.extract.relations.find import extract_relations

__all__ = ["extract_relations"]
