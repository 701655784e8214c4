"""The lexicon sits below extract and resolve: it imports none of the stages above it."""

from __future__ import annotations

import ast
from pathlib import Path

import innoatlas.lexicon

PACKAGE = Path(innoatlas.lexicon.__file__).parent
# Stages below the lexicon and the modules every stage may use.
ALLOWED = ("innoatlas.lexicon", "innoatlas.documents", "innoatlas.text", "innoatlas.errors")


def innoatlas_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("innoatlas")}


def test_the_lexicon_imports_only_from_below_it():
    above = {
        (path.name, name)
        for path in PACKAGE.glob("*.py")
        for name in innoatlas_imports(path)
        if not name.startswith(ALLOWED)
    }
    assert above == set()
