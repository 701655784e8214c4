"""TEMPORARY: no indicators yet."""

from __future__ import annotations


def extract_indicators(doc, tokens, entities):
    return []
