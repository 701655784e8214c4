"""State bodies: central ones (central_bodies.yaml: ministries, commissions, national
administrations) and the working departments of local governments (local_departments.yaml)."""

from __future__ import annotations

import functools

import yaml

from innoatlas.lexicon.files import data_text


@functools.lru_cache(maxsize=1)
def central_bodies() -> dict[str, str]:
    """Every written name (full name and short forms) -> the body's full name."""
    return _written_names("central_bodies.yaml", "bodies")


@functools.lru_cache(maxsize=1)
def local_departments() -> dict[str, str]:
    """Every written name of a local government department (科技局) -> its full name (科学技术局)."""
    return _written_names("local_departments.yaml", "departments")


def _written_names(file: str, key: str) -> dict[str, str]:
    """A list's names and aliases -> the full name; a full name wins over another's alias."""
    out: dict[str, str] = {}
    for entry in yaml.safe_load(data_text(file))[key]:
        out[entry["name"]] = entry["name"]
        for alias in entry.get("aliases") or ():
            out.setdefault(alias, entry["name"])
    return out
