"""Official lists as data, read by extraction and resolution.

- data/divisions.csv: China's administrative divisions with short forms,
  derived by build_divisions from the statistics bureau's code list.
- data/zones.yaml: national-level new areas, high-tech zones, science
  cities and their sub-areas, versioned by date (zones.py).
- data/industries.yaml: industries and technology fields (industries.py).
- data/org_suffixes.yaml: naming forms of organisations: suffix -> entity
  type, generic phrases, left stop words (suffixes.py).
- data/economic_regions.yaml: national-strategy economic regions and their
  member divisions (read by resolve.economic).

match.py matches all names in a text with one Aho-Corasick automaton.
Every loader reads its file once and keeps the result.
"""
