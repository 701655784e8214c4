"""Relations between the entity mentions of one document, each with its evidence.

find.py runs the rules in order (anaphora.py: words that point back to a
place; names.py: names inside names and gazetteer facts; patterns.py and
cooperation.py: trigger patterns; membership.py: memberships; lists.py: role
words before a list of names; then the topic rules, with hosts.py for where a
body sits) and settle.py makes one answer of what they found; sentences.py cuts
the text into the sentences they all read. The trigger words, cues and
argument types are data, patterns.yaml, each pattern with examples a test runs.
"""

from innoatlas.extract.relations.find import extract_relations

__all__ = ["extract_relations"]
