"""Where the bundled list files live, and how a file names its source."""

from __future__ import annotations

from importlib import resources

import yaml

# libyaml's loader reads the zone lists about six times faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_text(name: str) -> str:
    """The text of one list file of this package's data folder."""
    return (resources.files("innoatlas.lexicon") / "data" / name).read_text(encoding="utf-8")


def csv_lines(name: str) -> list[str]:
    """The lines of a CSV list file without its leading '#' lines (which name its source)."""
    lines = data_text(name).splitlines()
    return [line for line in lines if not line.startswith("#")]


def load_yaml(name: str):
    """One YAML list file, parsed safely."""
    return yaml.load(data_text(name), Loader=_LOADER)
