"""TEMPORARY: no relations yet."""

from __future__ import annotations


def extract_relations(doc, tokens, entities):
    return []
