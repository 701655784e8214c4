"""The entity candidate patterns, declared in patterns.yaml and compiled once."""

from __future__ import annotations

from innoatlas.extract.patterns import Pattern, cached_pattern_file


def entity_patterns() -> dict[str, Pattern]:
    return cached_pattern_file("innoatlas.extract.entities", "patterns.yaml")


def pattern(name: str) -> Pattern:
    return entity_patterns()[name]


def programme_pattern(name: str) -> Pattern:
    """A pattern of programme_patterns.yaml (programmes.py and honours.py read it)."""
    return cached_pattern_file("innoatlas.extract.entities", "programme_patterns.yaml")[name]
