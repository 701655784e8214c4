"""The subject and period cues of indicators, declared in cues.yaml and compiled once."""

from __future__ import annotations

import re

from innoatlas.extract.patterns import Pattern, cached_pattern_file


def indicator_cues() -> dict[str, Pattern]:
    return cached_pattern_file("innoatlas.extract.indicators", "cues.yaml")


def cue(name: str) -> Pattern:
    return indicator_cues()[name]


def joined(*parts: re.Pattern) -> re.Pattern:
    """One regex matching the parts in sequence (a cue, the trigger, another cue)."""
    return re.compile("".join(p.pattern for p in parts))
