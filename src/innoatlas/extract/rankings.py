"""How a ranking names its size (百强, 千强, 500强, 十强): one spelling for the stages
that read rankings (the indicators' ranked subjects, the relations' list memberships)."""

from __future__ import annotations

import re

RANKING_SIZE = r"(?:百强|千强|[一二三四五六七八九十\d]+强)"
RANKING_SIZE_RE = re.compile(RANKING_SIZE)
