"""National major science and technology infrastructure (science_facilities.yaml): names typed `platform`."""

from __future__ import annotations

import functools

from innoatlas.lexicon.files import load_yaml


@functools.lru_cache(maxsize=1)
def science_facilities() -> dict[str, str]:
    """Every written name (full name and aliases) -> the facility's full name."""
    out: dict[str, str] = {}
    for entry in load_yaml("science_facilities.yaml")["facilities"]:
        out[entry["name"]] = entry["name"]
        for alias in entry.get("aliases") or ():
            out.setdefault(alias, entry["name"])
    return out
