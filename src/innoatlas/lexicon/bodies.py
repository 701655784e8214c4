"""Central state bodies (central_bodies.yaml): ministries, commissions, national administrations."""

from __future__ import annotations

import functools

import yaml

from innoatlas.lexicon.files import data_text


@functools.lru_cache(maxsize=1)
def central_bodies() -> dict[str, str]:
    """Every written name (full name and short forms) -> the body's full name."""
    out: dict[str, str] = {}
    for entry in yaml.safe_load(data_text("central_bodies.yaml"))["bodies"]:
        out[entry["name"]] = entry["name"]
        for alias in entry.get("aliases") or ():
            out.setdefault(alias, entry["name"])
    return out
