"""Central state-owned enterprises and financial groups (central_enterprises.yaml)."""

from __future__ import annotations

import functools

from innoatlas.lexicon.files import load_yaml


@functools.lru_cache(maxsize=1)
def central_enterprises() -> dict[str, tuple[str, str]]:
    """Every written name (full name and short forms) -> (the group's full name, entity type)."""
    out: dict[str, tuple[str, str]] = {}
    for entry in load_yaml("central_enterprises.yaml")["enterprises"]:
        value = (entry["name"], entry.get("type", "enterprise"))
        out[entry["name"]] = value
        for alias in entry.get("aliases") or ():
            out.setdefault(alias, value)
    return out


@functools.lru_cache(maxsize=1)
def listed_companies() -> frozenset[str]:
    """The names A shares trade under (listed_companies.yaml): 长安汽车, 亿纬锂能."""
    return frozenset(entry["name"] for entry in load_yaml("listed_companies.yaml")["companies"])
