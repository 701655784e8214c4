"""Short names a text declares for a long one: 某某研究院(以下简称“某研院”).

A press text names a body in full once and declares the short form it will
use after it, in brackets: (简称“X”), (以下简称“X”), (下称“X”). The full
name ends before the bracket, and the short form is a name of the same
thing: both are entities of one type.
"""

from __future__ import annotations

import re
from dataclasses import replace

from innoatlas.extract.entities.grammar import Candidate

_DECLARATION = re.compile(
    r"[(（](?:以下简称|以下称|下称|简称)[为:：]?[“\"「]([^”\"」()（）]{2,12})[”\"」][)）]"
)


def declared_aliases(norm: str, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates cut before an alias declaration, plus one candidate per declared short form."""
    declarations = [(m.start(), m.start(1), m.end(1)) for m in _DECLARATION.finditer(norm)]
    if not declarations:
        return candidates
    out = []
    for c in candidates:
        for bracket, _, _ in declarations:
            if c.start < bracket < c.end:
                c = replace(c, end=bracket)
        out.append(c)
    for bracket, a, b in declarations:
        full = [c for c in out if c.end == bracket]
        if full:
            best = max(full, key=lambda c: (c.priority, c.end - c.start))
            out.append(Candidate(a, b, best.type, "alias", best.priority, best.confidence))
    return out
