"""State bodies: central ones (central_bodies.yaml: ministries, commissions, national
administrations) and the working departments of local governments (local_departments.yaml)."""

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


@functools.lru_cache(maxsize=1)
def local_departments() -> dict[str, str]:
    """Every written name of a local government department (科技局) -> its full name (科学技术局)."""
    out: dict[str, str] = {}
    for entry in yaml.safe_load(data_text("local_departments.yaml"))["departments"]:
        out[entry["name"]] = entry["name"]
        for alias in entry.get("aliases") or ():
            out.setdefault(alias, entry["name"])
    return out
