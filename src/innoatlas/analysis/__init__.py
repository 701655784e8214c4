"""The analysis stage: questions answered from the knowledge base, with evidence.

It reads the store only, through its read side (store/read/: records,
never ORM rows), and returns plain, JSON-ready dicts, so the CLI, the API
and the web pages show the same result. One module per capability:

1. timeline.py   series of a subject's metric over periods, conflicts, supersessions
2. chains.py     the four chains (创新链, 产业链, 资金链, 人才链), a zone's profile
3. chain_map.py  an industrial chain's actors in a region and its gaps (补链 targets)
4. network.py    collaboration network: relations and co-mentions, centrality, communities
5. compare.py    latest values of canonical metrics for chosen regions or zones
6. index.py      a composite innovation index (OECD/JRC handbook) with Monte-Carlo rank ranges
7. export.py     CSV, JSON, GraphML and Parquet
"""

from innoatlas.analysis.common import AnalysisError

__all__ = ["AnalysisError"]
